"""Writing spreadsheets with openpyxl the same way everywhere: text from the plan never becomes a formula, sheets
print on A4 as wide as the paper, and the file's bytes do not depend on the clock."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl.cell.cell import Cell as SheetCell  # type: ignore[import-untyped]
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped]


def append_row(sheet: Worksheet, values: Sequence[Any]) -> tuple[SheetCell, ...]:
    """A row at the end of the sheet. openpyxl takes a string that starts with «=» for a formula: here text stays
    text (every row goes through this function, since any text may come from the plan)."""
    row = tuple(SheetCell(sheet, value=value) for value in values)
    sheet.append(row)  # the cells themselves: finding the new row by sheet.max_row would scan every cell
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


def sheet_names(titles: Iterable[str], reserved: Iterable[str] = (), fallback: str = "Ark") -> list[str]:
    """Sheet names from titles: without the characters a sheet name cannot have, at most 31 characters, unique
    (case does not count) and different from the reserved names."""
    taken = {name.casefold() for name in reserved}
    names = []
    for title in titles:
        base = re.sub(r"[\[\]:*?/\\]", "-", title).strip("' ")[:31] or fallback
        name, number = base, 1
        while name.casefold() in taken:
            number += 1
            name = f"{base[: 31 - len(str(number)) - 1]} {number}"
        taken.add(name.casefold())
        names.append(name)
    return names


#: Points per line of wrapped text, and characters per unit of column width, for estimating row heights.
LINE_HEIGHT = 15
TEXT_PER_DIGIT = 1.1


def fit_rows(sheet: Worksheet) -> None:
    """Rows with wrapped text as high as their most wrapped cell, estimated from the column widths (spreadsheet
    programs do not do it themselves when they open the file)."""
    for row in sheet.iter_rows():
        lines = max(_lines(cell, sheet.column_dimensions[cell.column_letter].width) for cell in row)
        if lines > 1:
            sheet.row_dimensions[row[0].row].height = lines * LINE_HEIGHT


def _lines(cell: SheetCell, width: float) -> int:
    if not cell.alignment.wrap_text or not isinstance(cell.value, str):
        return 1
    per_line = max(int((width - 2) * TEXT_PER_DIGIT), 1)
    return sum(max(1, -(-len(line) // per_line)) for line in cell.value.split("\n"))
