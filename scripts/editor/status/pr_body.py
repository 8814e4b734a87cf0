"""The description of the pull request that brings a status round into the plan (``--pr-body FILE``): what was
read, every new status update in a table, what was skipped and why, and the changes as ``plan diff`` shows them."""

from __future__ import annotations

from scripts.editor.diff.text import md
from scripts.editor.status.apply import ImportResult


def _cell(text: str) -> str:
    """Text from the plan or a workbook for a table cell: one line, literal, mentioning and linking nothing
    (:func:`scripts.editor.diff.text.md`)."""
    return md(text)


def describe(result: ImportResult) -> str:
    labels = {s.id: s.label for s in result.plan.vocabulary.statuses} if result.plan else {}
    count = len(result.updates)
    years = sorted({b.info.year for b in result.workbooks if b.info is not None})
    heading = f"Statusrunden {', '.join(map(str, years))}" if years else "Statusrunden"
    lines = [f"## {heading}: {count} {'ny statusoppdatering' if count == 1 else 'nye statusoppdateringer'}", ""]
    lines += ["Lest inn med `plan status import` fra:", ""]
    for book in result.workbooks:
        answers = [u for u in result.updates if u.answer in book.answers]
        exported = f", laget {book.info.exported.strftime('%d.%m.%Y')}" if book.info else ""
        lines.append(f"- {_cell(book.path.name)}{exported}: {len(answers)} nye")
    lines.append("")
    if result.updates:
        lines += ["| Tiltak | Ark og rad | Status | Dato | Hva har skjedd |", "|---|---|---|---|---|"]
        for u in result.updates:
            where = f"{u.answer.where.sheet}, rad {u.answer.where.row}"
            lines.append(
                f"| {u.measure.id} {_cell(u.measure.title)} | {_cell(where)} | {labels.get(u.status, u.status)} | "
                f"{u.day.strftime('%d.%m.%Y')} | {_cell(u.text)} |"
            )
        lines.append("")
    notes = [_cell(note) for note in result.skipped()]
    notes += [_cell(str(m)) for m in result.messages if not m.is_error]
    if notes:
        lines += ["### Merknader", "", *(f"- {n}" for n in notes), ""]
    if result.changes:
        lines.append(result.changes)
    return "\n".join(lines).rstrip("\n") + "\n"
