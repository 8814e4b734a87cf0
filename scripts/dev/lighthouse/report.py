"""The Lighthouse section of BENCHMARKS.md: written by ``python -m scripts.dev.lighthouse --write``, kept as it is
when `make bench` writes the rest of the file again (it does not run Lighthouse)."""

from __future__ import annotations

HEADING = "## Lighthouse på mobil"
#: The section it goes before when the file has none yet.
BEFORE = "## Profil"


def section_of(text: str) -> str:
    """The Lighthouse section of a BENCHMARKS.md (from its heading to the next heading of its level), or ""."""
    start = text.find(HEADING + "\n")
    if start < 0:
        return ""
    end = text.find("\n## ", start + len(HEADING))
    return text[start : end + 1 if end >= 0 else len(text)].rstrip("\n") + "\n"


def with_section(text: str, section: str) -> str:
    """``text`` with its Lighthouse section replaced by ``section`` (added before «Profil», or at the end)."""
    if not section:
        return text
    old = section_of(text)
    if old:
        return text.replace(old, section, 1)
    at = text.find(BEFORE + "\n")
    if at < 0:
        return text.rstrip("\n") + "\n\n" + section
    return text[:at] + section + "\n" + text[at:]
