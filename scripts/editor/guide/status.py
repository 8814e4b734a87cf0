"""The status page («Endre status for et tiltak»): a real measure in progress, quoted from the file it is
written in, before and after the one new status update that changes its status (the measure's status is its
newest update's, so nothing else is written)."""

from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import schema
from schema import FocusArea, Goal, Measure, Plan
from scripts.editor.dump import to_yaml
from scripts.editor.guide.sources import SourceFiles, block_end_line, list_indent, measure_loc
from scripts.load.strict import Document


@dataclass(frozen=True)
class StatusExample:
    """A real measure with status «pågår», before and after a new status update that changes its status."""

    focus_area: FocusArea
    goal: Goal
    measure: Measure
    status: schema.Status
    #: The file the measure is written in (None when the plan folder does not hold this plan).
    file: str | None
    #: Line numbers of the excerpt in the file (None as for file).
    first_line: int | None
    last_line: int | None
    #: The lines of the file from «status_updates:» to the last status update (or the measure's last line, when
    #: it has none), exactly as written.
    before: str
    #: The same lines after the change.
    after: str
    #: The lines to add at the end of status_updates (with «status_updates:» when it is the first).
    new_update: str
    new_status: schema.Status
    new_date: dt.date


STATUS_IN_PROGRESS = "pågår"


def status_example(plan: Plan, sources: SourceFiles) -> StatusExample:
    """The first measure with status «pågår» (one with status updates if there is any), changed to the first
    status that counts as done, with a new status update dated after its latest."""
    candidates = [(fa, g, m) for fa, g, m in plan.measures() if m.status == STATUS_IN_PROGRESS]
    if not candidates:
        candidates = list(plan.measures())
    fa, goal, measure = next(((fa, g, m) for fa, g, m in candidates if m.status_updates), candidates[0])
    statuses = sorted(plan.vocabulary.statuses, key=lambda s: s.order)
    others = [s for s in statuses if s.id != measure.status]
    new_status = next((s for s in others if s.done), others[0] if others else statuses[0])
    new_date = _date_after(plan, measure)
    update = {"date": new_date, "status": new_status.id, "text": new_status.description}
    status = next(s for s in statuses if s.id == measure.status)

    doc = sources.document(fa.id)
    loc = measure_loc(doc, goal.id, measure.id) if doc is not None else None
    if doc is not None and loc is not None:
        return _status_in_file(fa, goal, measure, status, sources, doc, loc, update, new_status)
    return _status_from_data(fa, goal, measure, status, update, new_status)


def _date_after(plan: Plan, measure: Measure) -> dt.date:
    """The first day of the month after the newest status update in the plan (so after the measure's own
    latest one): a date for the example that does not change with the day the site is built."""
    dates = [u.date for _, _, m in plan.measures() for u in m.status_updates]
    if not dates:
        return dt.date(measure.period.start, 1, 1)
    latest = max(dates)
    return dt.date(latest.year + latest.month // 12, latest.month % 12 + 1, 1)


def _status_in_file(
    fa: FocusArea,
    goal: Goal,
    measure: Measure,
    status: schema.Status,
    sources: SourceFiles,
    doc: Document,
    loc: tuple[str | int, ...],
    update: dict[str, Any],
    new_status: schema.Status,
) -> StatusExample:
    lines = Path(doc.path).read_text(encoding="utf-8").splitlines()
    updates_key = doc.positions.keys.get((*loc, "status_updates"))
    if updates_key is not None:  # the new update goes below the last one
        first = updates_key[0]
        end = block_end_line(lines, first, updates_key[1] - 1)
        indent = list_indent(doc, (*loc, "status_updates"), default=updates_key[1] + 1)
        new_update = textwrap.indent(to_yaml([update]), " " * indent).rstrip("\n")
    else:  # the first update: the list goes below the measure's last line
        start_line, field_col = doc.positions.values[loc]
        first = end = block_end_line(lines, start_line, field_col - 3, list_items=False)
        pad = " " * (field_col - 1)
        new_update = f"{pad}status_updates:\n" + textwrap.indent(to_yaml([update]), pad + "  ").rstrip("\n")
    changed = list(lines)
    changed[end:end] = new_update.split("\n")
    added = len(new_update.split("\n"))
    return StatusExample(
        focus_area=fa,
        goal=goal,
        measure=measure,
        status=status,
        file=sources.shown(fa.id),
        first_line=first,
        last_line=end,
        before="\n".join(lines[first - 1 : end]),
        after="\n".join(changed[first - 1 : end + added]),
        new_update=new_update,
        new_status=new_status,
        new_date=update["date"],
    )


#: Indentation of a measure's fields in the plan's files («        status_updates:»).
FIELD_INDENT = 8


def _status_from_data(
    fa: FocusArea,
    goal: Goal,
    measure: Measure,
    status: schema.Status,
    update: dict[str, Any],
    new_status: schema.Status,
) -> StatusExample:
    """The example written from the plan's data, for a plan folder that does not hold the plan's files."""
    pad = " " * FIELD_INDENT
    updates = [u.model_dump(exclude_none=True) for u in measure.status_updates]
    before = textwrap.indent(to_yaml({"status_updates": updates}), pad).rstrip("\n")
    after = textwrap.indent(to_yaml({"status_updates": [*updates, update]}), pad).rstrip("\n")
    return StatusExample(
        focus_area=fa,
        goal=goal,
        measure=measure,
        status=status,
        file=None,
        first_line=None,
        last_line=None,
        before=before,
        after=after,
        new_update=textwrap.indent(to_yaml([update]), pad).rstrip("\n"),
        new_status=new_status,
        new_date=update["date"],
    )
