"""What changed between two versions of the plan, in plan terms (``plan diff OLD NEW``).

OLD and NEW are plan folders or git revisions of the repository the editor works in (``versions.py``). Both are
validated, and the validated models are compared: every field of every model, driven by the pydantic models, so
that a field added to the schema is reported without code (``fields.py``). The common changes have hand-written
Norwegian sentences (``measures.py``, ``structure.py``, ``sections.py``); every other change gets a generic
sentence naming the field with its old and new value (``values.py`` holds the Norwegian field names). A change
that goes against the editors' guide (a measure deleted, a status update deleted or edited) carries a warning that
quotes the guide's rule and links its page (``rules.py``). The result is a list of :class:`Change` values, shown
as GitHub Markdown for a pull-request comment, with all plan text escaped (``text.py``), or as JSON for tools (the
same sentences as plain text, and the old and new values as written).
"""

from __future__ import annotations

from dataclasses import asdict, replace
from typing import Any

from schema import Plan
from scripts.editor.diff.change import SECTIONS, Change
from scripts.editor.diff.measures import measure_changes
from scripts.editor.diff.sections import (
    actor_changes,
    indicator_changes,
    plan_changes,
    revision_changes,
    vocabulary_changes,
)
from scripts.editor.diff.structure import structure_changes
from scripts.editor.diff.text import line_start, plain, word_diff
from scripts.editor.diff.values import Names

__all__ = ["SECTIONS", "Change", "diff_plans", "to_json_data", "to_markdown", "word_diff"]


def diff_plans(old: Plan, new: Plan) -> list[Change]:
    names = Names.of(old, new)
    parts = [
        structure_changes,
        measure_changes,
        actor_changes,
        indicator_changes,
        vocabulary_changes,
        revision_changes,
        plan_changes,
    ]
    return [change for part in parts for change in part(old, new, names)]


def to_markdown(changes: list[Change]) -> str:
    """The changes as GitHub Markdown: warnings first (an alert box), then one section per kind of item."""
    if not changes:
        return "Ingen endringer i planen.\n"
    lines = ["## Endringer i planen", ""]
    warnings = [c.warning for c in changes if c.warning]
    if warnings:
        lines += ["> [!WARNING]", "> **Sjekk dette før endringen tas inn:**", ">"]
        lines += [f"> - {line_start(w)}" for w in warnings]
        lines.append("")
    for section, heading in SECTIONS.items():
        chosen = [c for c in changes if c.section == section]
        if not chosen:
            continue
        lines += [f"### {heading}", ""]
        for change in chosen:
            lines.append(f"- {line_start(change.text)}")
            lines += [f"  - {line_start(detail)}" for detail in change.details]
        lines.append("")
    return "\n".join(lines)


def to_json_data(changes: list[Change]) -> list[dict[str, Any]]:
    """The changes as data for tools: the sentences as plain text (plan text as written, without the backslashes
    and invisible joiners the Markdown needs; the word diff's «~~» and «**» stay), old and new as in the files."""
    return [
        asdict(replace(c, text=plain(c.text), details=[plain(d) for d in c.details], warning=plain(c.warning)))
        for c in changes
    ]
