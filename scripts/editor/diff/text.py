"""Plan text inside the Markdown of a pull-request comment: shown literally, never structure, never a mention.

GitHub renders the comment as GitHub Flavored Markdown and then links mentions («@navn», «@org/team»), issue
references («#12») and emoji codes («:tada:»). Plan text is put on one line, every character that could start
Markdown or HTML is escaped with a backslash (CommonMark shows any escaped ASCII punctuation as itself), and a
word joiner (U+2060, invisible) is put after «@», «#» and the first «:» of an emoji code, so GitHub finds
nothing to link or notify.
"""

from __future__ import annotations

import difflib
import re

#: The invisible character put between «@» and a name, so that no account is notified.
JOINER = "\u2060"

#: Markdown and HTML punctuation that is escaped wherever it stands in plan text.
_PUNCTUATION = re.compile(r"([\\`*_\[\]<>|~&!#{}$])")
#: What a line (or a list item's content) must not start with: a list marker.
_LINE_START = re.compile(r"^(\d+)([.)])|^([-+])")
#: What GitHub links after rendering: mentions («@navn», not «post@eksempel.no»), issue references («#12»,
#: «repo#12»), emoji codes («:tada:»).
_LINKED = re.compile(r"(?<!\w)@(?=\w)|#(?=\d+\b)|(?<!\w):(?=[a-z0-9_+-]+:)")


def one_line(text: object) -> str:
    """The text on one line: every run of whitespace (line breaks too) becomes one space."""
    return " ".join(str(text).split())


def md(text: object) -> str:
    """Plan text as literal text in GitHub Markdown, on one line (for the middle of a line: see line_start)."""
    joined = _LINKED.sub(lambda m: m.group(0) + JOINER, one_line(text))
    return _PUNCTUATION.sub(r"\\\1", joined)


def line_start(markdown: str) -> str:
    """A line of Markdown that may begin with plan text, with a list marker at its start escaped."""
    return _LINE_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(1) else f"\\{m.group(3)}", markdown)


def quote(text: object) -> str:
    """Plan text in Norwegian quotation marks: «…»."""
    return f"«{md(text)}»"


def word_diff(old: str, new: str, context: int = 4) -> str:
    """A short word diff: removed words struck through, added words in bold, a few words of context."""
    a, b = old.split(), new.split()
    parts: list[str] = []
    opcodes = difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()
    for i, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            words = a[i1:i2]
            if len(words) > 2 * context:
                head = words[:context] if i > 0 else []
                tail = words[-context:] if i < len(opcodes) - 1 else []
                words = [*head, "…", *tail]
            parts.append(" ".join(md(w) if w != "…" else w for w in words))
            continue
        if tag in ("delete", "replace"):
            parts.append(f"~~{md(' '.join(a[i1:i2]))}~~")
        if tag in ("insert", "replace"):
            parts.append(f"**{md(' '.join(b[j1:j2]))}**")
    return " ".join(parts)
