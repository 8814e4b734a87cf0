"""The CSV files of the open data, made to open right in a spreadsheet with Norwegian settings and to be read
by programs from the Data Package's description of them.

* UTF-8 with a byte order mark: without it Excel reads the file as Windows-1252 («fullfÃ¸rt»).
* «;» between the fields: the list separator of Norwegian Excel (and of R's ``read.csv2``), so that a
  double-click gives one column per field.
* Decimal comma (21,5): Norwegian Excel reads «21.5» as the date 21 May. Whole numbers have no decimals.
* Booleans «true»/«false», dates ISO 8601 (ÅÅÅÅ-MM-DD), an empty field for no value, a line break («\\n») after
  each row; fields with «;», quotes or line breaks are quoted, quotes doubled (RFC 4180).
* Text that a spreadsheet would run as a formula gets an apostrophe in front (:func:`spreadsheet_safe`).
* The numbers of focus areas, goals and measures have a letter in front («S4», «M1.1», «T1.1.1»,
  :data:`~scripts.site.open_data.tables.CSV_PREFIXES`): a spreadsheet with number detection on turns «1.1.1» into
  1 January 2001, «1.1» into 1 January and «4» into a number, quotes or not. The Table Schemas say so.
"""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import io
from collections.abc import Iterable, Sequence
from typing import Any

from scripts.site.open_data.tables import Cell

DELIMITER = ";"
DECIMAL_CHAR = ","
LINE_TERMINATOR = "\n"
BOM = "\ufeff"
TRUE, FALSE = "true", "false"

#: The CSV dialect as the Data Package declares it (https://specs.frictionlessdata.io/csv-dialect/).
DIALECT: dict[str, Any] = {
    "csvddfVersion": 1.2,
    "delimiter": DELIMITER,
    "lineTerminator": LINE_TERMINATOR,
    "quoteChar": '"',
    "doubleQuote": True,
    "header": True,
    "skipInitialSpace": False,
}

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: Any) -> Any:
    """Text that a spreadsheet would read as a formula («=HYPERLINK(…)», «@SUM(…)») gets an apostrophe in front,
    as OWASP recommends for CSV files; numbers and other text are written as they are. plan.json is unchanged."""
    return "'" + cell if isinstance(cell, str) and cell.startswith(FORMULA_START) else cell


def number_text(value: float) -> str:
    """A number with a decimal comma and no exponent, whole numbers without decimals: «52400», «21,5»."""
    if value.is_integer():
        return str(int(value))
    return format(decimal.Decimal(repr(value)), "f").replace(".", DECIMAL_CHAR)


def csv_cell(cell: Cell) -> str:
    """A typed cell as CSV text."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return TRUE if cell else FALSE
    if isinstance(cell, int):
        return str(cell)
    if isinstance(cell, float):
        return number_text(cell)
    if isinstance(cell, dt.date):
        return cell.isoformat()
    return str(spreadsheet_safe(cell))


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Cell]], prefixes: Sequence[str] = ()) -> str:
    """The file's text: byte order mark, header row, rows; a column's prefix (if any) before each of its values."""
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, delimiter=DELIMITER, lineterminator=LINE_TERMINATOR)
    writer.writerow(header)
    before = list(prefixes) + [""] * (len(header) - len(prefixes))
    writer.writerows(
        [prefix + text if prefix and text else text for prefix, text in zip(before, map(csv_cell, row), strict=True)]
        for row in rows
    )
    return out.getvalue()
