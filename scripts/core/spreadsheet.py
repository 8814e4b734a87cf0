"""Writing spreadsheets with openpyxl the same way everywhere: text from the plan never becomes a formula, sheets
print on A4 as wide as the paper, and the file's bytes do not depend on the clock."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from typing import Any

from openpyxl.cell.cell import Cell as SheetCell  # type: ignore[import-untyped]
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped]


def append_row(sheet: Worksheet, values: Sequence[Any]) -> tuple[SheetCell, ...]:
    """A row at the end of the sheet. openpyxl takes a string that starts with «=» for a formula: here text stays
    text (every row goes through this function, since any text may come from the plan)."""
    sheet.append(values)
    row: tuple[SheetCell, ...] = sheet[sheet.max_row]
    for cell in row:
        if cell.data_type == "f":
            cell.data_type = "s"
    return row


def print_setup(sheet: Worksheet, orientation: str) -> None:
    sheet.page_setup.orientation = orientation
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def dated_zip(data: bytes, day: dt.date) -> bytes:
    """The zip archive again, every entry dated `day` (openpyxl dates them with the clock)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(day.year, day.month, day.day, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info))
    return out.getvalue()
