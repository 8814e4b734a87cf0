"""The open data as a spreadsheet: data/naeringsplan.xlsx, written with openpyxl.

The first sheet, «Om dataene», says in plain Norwegian what the data is, who publishes it, whom to contact, the
licence and the date of the data, and lists the sheets; when the plan has example content, a notice «Eksempelinnhold»
right under the title says what is an example (and each sheet's line in the list says how many of its rows). Then one sheet per table of :data:`TABLES`, in their order,
and last «Kolonner», which explains every column and gives its name in the CSV file.

Decisions:

* The header row shows the column's Norwegian title, which is what a person reads; the stable machine names are
  the CSV files' headers, and «Kolonner» pairs each title with its name, type and description.
* Cells are typed: numbers are numbers (amounts with a thousands separator, years without), yes/no columns are the
  spreadsheet's own true/false (SANN/USANN in a Norwegian Excel), so that they can be counted and filtered, dates
  are real dates shown as dd.mm.åååå. Text stays exactly as in the plan: a string cell is never evaluated, so it
  needs no apostrophe in front as the CSV does; only openpyxl's own rule, that a string starting with «=» is a
  formula, is overruled.
* Reproducible bytes: the document's dates are the plan's oldest and newest date, and the zip entries all carry the
  newest one (openpyxl stamps both with the clock).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Sequence

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.cell.cell import Cell as SheetCell  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped]
from openpyxl.writer.excel import ExcelWriter  # type: ignore[import-untyped]

from schema import Plan
from scripts.core.queries import ReaderContact
from scripts.core.spreadsheet import append_row, dated_zip, fit_rows, print_setup
from scripts.core.spreadsheet import sheet_names as unique_sheet_names
from scripts.site.open_data.publication import LABEL, Publication, encoded, examples, publication, with_notice
from scripts.site.open_data.tables import TABLES, Cell, Column, ColumnType

FIRST_SHEET = "Om dataene"
COLUMNS_SHEET = "Kolonner"

#: How each column type is shown: number format, and its name in «Kolonner».
FORMATS: dict[ColumnType, tuple[str, str]] = {
    "string": ("General", "tekst"),
    "integer": ("#,##0", "heltall"),
    "number": ("General", "tall"),
    "boolean": ("General", "sann/usann"),
    "date": ("dd.mm.yyyy", "dato"),
    "year": ("0", "årstall"),
}

#: Numbers and dates to the right with a space after them (so that they do not run into the text of the next
#: column), true/false in the middle; their headers as them.
RIGHT = Alignment(horizontal="right", vertical="top", indent=1)
ALIGNED: dict[ColumnType, Alignment] = {
    "integer": RIGHT,
    "number": RIGHT,
    "date": RIGHT,
    "year": RIGHT,
    "boolean": Alignment(horizontal="center", vertical="top"),
}

#: Column widths in characters: text wider than WRAP_AT is wrapped.
MIN_WIDTH, WRAP_AT = 8, 60
#: Excel's default font, named: a font without a name falls back to a serif in LibreOffice.
HEADER_FONT = Font(name="Calibri", size=11, bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
TITLE_FONT = Font(name="Calibri", size=14, bold=True)
#: The example notice stands out without colour alone: bold.
NOTICE_FONT = Font(name="Calibri", size=11, bold=True)
TOP = Alignment(vertical="top")
WRAPPED = Alignment(vertical="top", wrap_text=True)


def workbook_bytes(plan: Plan, site_url: str | None = None) -> bytes:
    """The workbook of the open data, the same bytes for the same plan."""
    about = publication(plan)
    book = Workbook()
    names = sheet_names([table.title for table in TABLES])
    _about_sheet(book.active, plan, about, names, site_url)
    for table, name in zip(TABLES, names, strict=True):
        _table_sheet(book.create_sheet(name), table.columns, table.rows(plan))
    _columns_sheet(book.create_sheet(COLUMNS_SHEET), names)
    props = book.properties
    props.title, props.creator, props.language = about.title, about.publisher.name, "nb-NO"
    props.created = dt.datetime.combine(about.created, dt.time())
    props.modified = dt.datetime.combine(about.modified, dt.time())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).write_data()  # not book.save(): that sets the modification date to now
    return dated_zip(buffer.getvalue(), about.modified)


def sheet_names(titles: Iterable[str]) -> list[str]:
    """Sheet names from the tables' titles, different from the first and last sheet (see
    :func:`~scripts.core.spreadsheet.sheet_names`)."""
    return unique_sheet_names(titles, reserved=(FIRST_SHEET, COLUMNS_SHEET), fallback="Tabell")


def _table_sheet(sheet: Worksheet, columns: Sequence[Column], rows: Iterable[Sequence[Cell]]) -> None:
    append_row(sheet, [column.title or column.name for column in columns])
    for row in rows:
        append_row(sheet, row)
    for column, cells in zip(columns, sheet.iter_cols(min_row=2), strict=False):
        for cell in cells:
            cell.number_format = FORMATS[column.type][0]
    _header(sheet)
    _fit_columns(sheet)
    for column, cells in zip(columns, sheet.iter_cols(), strict=True):
        aligned = ALIGNED.get(column.type)
        if aligned is not None:
            for cell in cells:
                cell.alignment = aligned
            sheet.column_dimensions[cells[0].column_letter].width += 2


def _header(sheet: Worksheet) -> None:
    """Bold header row, frozen, with filter buttons, repeated on every printed page; printed landscape, as wide as
    the paper."""
    for cell in sheet[1]:
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, WRAPPED
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    sheet.print_title_rows = "1:1"
    print_setup(sheet, "landscape")


def _fit_columns(sheet: Worksheet, first_row: int = 1) -> None:
    """Each column as wide as its widest cell (at most WRAP_AT characters: wider text wraps); cells aligned to the
    top, so that a wrapped cell's row reads from its first line."""
    for cells in sheet.iter_cols(min_row=first_row):
        width = max([MIN_WIDTH, *(_shown_width(cell) for cell in cells)])
        sheet.column_dimensions[get_column_letter(cells[0].column)].width = min(width, WRAP_AT) + 2
        for cell in cells[1:]:
            cell.alignment = WRAPPED if width > WRAP_AT else TOP
    fit_rows(sheet)


def _shown_width(cell: SheetCell) -> int:
    value = cell.value
    if value is None:
        return 0
    if isinstance(value, bool):
        return 6
    if isinstance(value, dt.date):
        return 10
    if isinstance(value, int) and cell.number_format == "#,##0":
        return len(f"{value:,}")
    text = str(value)
    width = max(len(line) for line in text.split("\n")) if text else 0
    return width + 2 if cell.font is not None and cell.font.b else width


def _about_sheet(sheet: Worksheet, plan: Plan, about: Publication, names: list[str], site_url: str | None) -> None:
    """What the data is, who publishes it, whom to contact, the licence and the date; then the list of sheets."""
    sheet.title = FIRST_SHEET
    append_row(sheet, [about.title])[0].font = TITLE_FONT
    append_row(sheet, [])
    shown = examples(plan)
    notice = shown.plan_notice()
    if notice is not None:
        _fact(sheet, LABEL, notice.removeprefix(f"{LABEL}: "), None)
        sheet.cell(sheet.max_row, 2).font = NOTICE_FONT
    for label, value, link in _facts(plan, about, site_url):
        if value is not None:
            _fact(sheet, label, value, link)
    append_row(sheet, [])
    for cell in append_row(sheet, ["Ark", "Innhold", "Rader"]):
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, TOP
    for table, name in zip(TABLES, names, strict=True):
        rows = list(table.rows(plan))
        described = with_notice(table.description, shown.rows_notice(table.header, rows) if shown else None)
        for cell in append_row(sheet, [name, described, len(rows)]):
            cell.alignment = WRAPPED
    sheet.column_dimensions["A"].width, sheet.column_dimensions["B"].width = 22, 100
    fit_rows(sheet)
    print_setup(sheet, "portrait")


def _contact_ways(contact: ReaderContact) -> list[tuple[str, Cell, str | None]]:
    """E-post, Telefon and Adresse; while they are examples (contact.illustrative), marked so and not linked."""
    mark = " (eksempel, ikke bestemt ennå)" if contact.illustrative else ""
    email = contact.email and contact.email + mark
    return [
        ("E-post", email, f"mailto:{contact.email}" if contact.email and not mark else None),
        ("Telefon", contact.phone and contact.phone + mark, None),
        ("Adresse", contact.address and contact.address + mark, None),
    ]


def _facts(plan: Plan, about: Publication, site_url: str | None) -> list[tuple[str, Cell, str | None]]:
    """The first sheet's facts: label, value (None: left out) and the address the value links to."""
    info, contact, owner = plan.plan, about.contact, about.publisher.name
    return [
        ("Om planen", f"{info.title} gjelder {info.region} i årene {info.period.start}–{info.period.end}.", None),
        ("Visjon", info.vision, None),
        (
            "Dette regnearket",
            "Tabellene i planen som åpne data, én tabell på hvert ark. Det er de samme tabellene som i CSV-filene "
            f"på nettstedet. Arket «{COLUMNS_SHEET}» forklarer hver kolonne.",
            None,
        ),
        ("Utgiver", owner, about.publisher.url),
        ("Kontakt", contact.name, None),
        *_contact_ways(contact),
        ("Nettside", contact.url, contact.url),
        ("Lisens", about.licence.name, about.licence.url),
        (
            "Bruk av dataene",
            "Du kan bruke, dele og bearbeide dataene fritt, også kommersielt, når du oppgir kilden: "
            f"«{owner}: {info.title}».",
            None,
        ),
        ("Dataene gjelder per", about.modified, None),
        ("Nettsted", site_url, site_url),
    ]


def _fact(sheet: Worksheet, label: str, value: Cell, link: str | None) -> None:
    name, cell = append_row(sheet, [label, value])
    name.font, name.alignment = HEADER_FONT, TOP
    if link is not None and link.startswith(("https://", "http://", "mailto:")):
        cell.hyperlink = encoded(link)
        cell.style = "Hyperlink"
    if isinstance(value, dt.date):
        cell.number_format, cell.alignment = FORMATS["date"][0], Alignment(horizontal="left", vertical="top")
    else:
        cell.alignment = WRAPPED


def _columns_sheet(sheet: Worksheet, names: list[str]) -> None:
    append_row(sheet, ["Ark", "Kolonne", "Navn i CSV-filen", "Type", "Beskrivelse"])
    for table, name in zip(TABLES, names, strict=True):
        for column in table.columns:
            append_row(sheet, [name, column.title, column.name, FORMATS[column.type][1], column.description or None])
    _header(sheet)
    _fit_columns(sheet)
