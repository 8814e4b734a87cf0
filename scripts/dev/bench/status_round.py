"""The status round's stages (``plan status export`` and ``plan status import``), each timed in a child.

* ``status_export``: the workbook of every lead actor for the year of :func:`round_day`, made and written to a
  file (as the command does); the plan is validated first, untimed.
* ``status_prepare`` (not timed, run once per plan): that workbook filled in as a lead would, with openpyxl: EVERY
  row gets a new status, a date and a text. It is written to :func:`filled_path` under the work folder.
* ``status_import``: a fresh copy of the plan folder is made (untimed), then ``import_status`` of the filled
  workbook is timed: reading, checking, editing the files, validating the changed plan and writing the files.

The day is fixed (:func:`round_day`) so that the shipped plan and every synthetic plan have a day after their newest
status update, whatever the clock says; the rows asked about are counted as ``rows`` in the timings.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

#: The day of the status round in the benchmark: after the newest status update of every plan measured.
ROUND_DAY = dt.date(2026, 12, 1)


def round_day(plan: Any) -> dt.date:
    """:data:`ROUND_DAY`, or the day of the plan's newest status update when that is later."""
    newest: list[dt.date] = [u.date for _, _, m in plan.measures() for u in m.status_updates]
    return max([ROUND_DAY, *newest])


def filled_path(plan_dir: Path, work: Path) -> Path:
    """Where ``status_prepare`` writes the filled-in workbook of a plan folder."""
    return work / f"statusrunde-{plan_dir.name}-utfylt.xlsx"


def _valid(plan_dir: Path) -> Any:
    from scripts.validate.validator import validate_folder

    plan, problems = validate_folder(plan_dir)
    if plan is None:
        raise SystemExit(f"{plan_dir} er ikke gyldig: {problems[:3]}")
    return plan


def status_export(timed: Any, plan_dir: Path, out: Path) -> None:
    from scripts.editor.status.export import export_workbook

    plan = _valid(plan_dir)
    day = round_day(plan)
    target = out / f"statusrunde-{plan_dir.name}.xlsx"

    def export() -> int:
        exported = export_workbook(plan, year=day.year, today=day, commit="0" * 40)
        target.write_bytes(exported.data)
        return exported.rows

    timed.timings["rows"] = float(timed("seconds", export))


def status_prepare(timed: Any, plan_dir: Path, out: Path) -> None:
    """Not timed: the exported workbook with every row answered, saved with openpyxl (:func:`filled_path`)."""
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    from scripts.editor.status.export import export_workbook
    from scripts.editor.status.layout import COLUMNS, GUIDE_SHEET, META_SHEET

    plan = _valid(plan_dir)
    day = round_day(plan)
    blank = out / f"statusrunde-{plan_dir.name}-tom.xlsx"
    blank.write_bytes(export_workbook(plan, year=day.year, today=day, commit="0" * 40).data)
    statuses = sorted(plan.vocabulary.statuses, key=lambda s: s.order)
    current = {m.id: m.status for _, _, m in plan.measures()}
    column = {c.key: i for i, c in enumerate(COLUMNS, start=1)}
    book = load_workbook(blank)
    rows = 0
    for sheet in book.worksheets:
        if sheet.title in (GUIDE_SHEET, META_SHEET):
            continue
        for row in range(2, sheet.max_row + 1):
            measure = str(sheet.cell(row, column["measure"]).value)
            other = next(s for s in statuses if s.id != current[measure])
            sheet.cell(row, column["new_status"]).value = other.label
            sheet.cell(row, column["date"]).value = day
            sheet.cell(row, column["text"]).value = f"Arbeidet med tiltak {measure} er fulgt opp i {day.year}."
            rows += 1
    book.save(filled_path(plan_dir, out))
    timed.timings["seconds"] = 0.0
    timed.timings["rows"] = float(rows)


def status_import(timed: Any, plan_dir: Path, out: Path) -> None:
    from scripts.editor.status.apply import import_status

    workbook = filled_path(plan_dir, out)
    if not workbook.is_file():
        raise SystemExit(f"{workbook} finnes ikke: kjør steget status_prepare først")
    copy = out / f"statusrunde-{plan_dir.name}-plan"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(plan_dir, copy)
    day = round_day(_valid(copy))
    result = timed("seconds", lambda: import_status(copy, [workbook], today=day, write=True))
    if result.errors or not result.written:
        raise SystemExit(f"importen skrev ingenting: {[str(m) for m in result.errors[:3]]}")
    timed.timings["rows"] = float(len(result.updates))
    shutil.rmtree(copy, ignore_errors=True)
