"""The status workbook is dated from the day of export, not from the clock: the same plan, year and day give the
same bytes (openpyxl's ``save`` would stamp its modification date with the time of saving)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from openpyxl import load_workbook  # type: ignore[import-untyped]

from scripts.editor.status.export import export_workbook
from scripts.validate.validator import validate_folder

DAY = dt.date(2027, 1, 15)  # not the clock's day, whenever the test runs


def test_the_workbook_is_dated_the_day_of_export_and_has_the_same_bytes_every_time() -> None:
    plan, _ = validate_folder(Path("plan"), DAY)
    assert plan is not None
    first = export_workbook(plan, year=2026, today=DAY).data
    properties = load_workbook(io.BytesIO(first)).properties
    assert (properties.created.date(), properties.modified.date()) == (DAY, DAY)
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time[:3] for info in archive.infolist()} == {(2027, 1, 15)}
    assert export_workbook(plan, year=2026, today=DAY).data == first
