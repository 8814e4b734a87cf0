"""The open data as a spreadsheet (data/naeringsplan.xlsx): read back with openpyxl it holds the same rows as the
tables and the CSV files, typed; its first sheet explains the data and the licence; plan text never becomes a
formula; the same plan gives the same bytes."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import openpyxl  # type: ignore[import-untyped]
import pytest
from test_injection import CORPUS, all_slots, attacked_plan, filled_out_plan, write_plan

import schema
from schema import Plan
from scripts.core.problems import errors  # the corpus's long titles give warnings
from scripts.pdf.document import document_dates
from scripts.site.open_data import TABLES, data_files
from scripts.site.open_data.publication import data_dates
from scripts.site.open_data.tables import Cell, Column, Table
from scripts.site.open_data.workbook import COLUMNS_SHEET, FIRST_SHEET, WRAP_AT, sheet_names, workbook_bytes
from scripts.validate.validator import validate_folder

SITE = "https://eksempel.test/naeringsplan/"
WORKBOOK = "data/naeringsplan.xlsx"
#: Text a spreadsheet would run as a formula if it were typed into a cell.
FORMULAS = [
    '=HYPERLINK("https://evil.test","Klikk")',
    "=1+1",
    "@SUM(A1)",
    "+47 22 00 00 00",
    "-1",
    "=cmd|' /C calc'!A0",
]


def read(data: bytes) -> Any:
    return openpyxl.load_workbook(io.BytesIO(data))


def back(value: Any) -> Cell:
    """A cell as openpyxl reads it, in the form of the table's typed cells (dates come back as datetimes)."""
    return value.date() if isinstance(value, dt.datetime) else value


def sheet_rows(book: Any, name: str) -> list[list[Cell]]:
    return [[back(value) for value in row] for row in book[name].iter_rows(values_only=True)]


def typed_rows(table: Table, plan: Plan) -> list[list[Cell]]:
    return [list(row) for row in table.rows(plan)]


def plan_with_texts(texts: list[str], folder: Path) -> Plan:
    """The filled-out test plan with `texts` in its text fields, in turn."""
    data = filled_out_plan()
    fields = [slot for _, slot in all_slots(data) if slot.kind != "url"]
    for number, slot in enumerate(fields):
        slot.container[slot.key] = texts[number % len(texts)]
    plan, problems = validate_folder(write_plan(data, folder))
    assert errors(problems) == []
    assert plan is not None
    return plan


@pytest.fixture(scope="module")
def book(plan: Plan) -> Any:
    return read(workbook_bytes(plan, SITE))


# -- the tables ------------------------------------------------------------------------------------------------


def test_the_sheets_are_the_explanation_then_one_per_table_then_the_columns(book: Any) -> None:
    assert book.sheetnames == [FIRST_SHEET, *sheet_names(t.title for t in TABLES), COLUMNS_SHEET]


def test_each_table_sheet_holds_the_tables_typed_rows_under_the_column_titles(book: Any, plan: Plan) -> None:
    for table, name in zip(TABLES, sheet_names(t.title for t in TABLES), strict=True):
        header, *rows = sheet_rows(book, name)
        assert header == [column.title for column in table.columns]
        assert rows == typed_rows(table, plan), table.name
        assert rows, f"the test plan has no {table.name}: the comparison proves nothing"


def csv_value(text: str, column: Column) -> Cell:
    """A CSV cell read as its column's type (Table Schema's rules); the apostrophe that keeps text from being a
    formula in a spreadsheet is taken off."""
    if text == "":
        return None
    if column.type in ("integer", "year"):
        return int(text)
    if column.type == "number":
        return float(text)  # compares equal to an int of the same value
    if column.type == "boolean":
        return {"true": True, "false": False}[text.lower()]
    if column.type == "date":
        return dt.date.fromisoformat(text)
    return text[1:] if text.startswith("'") and text[1:2] in tuple("=+-@\t\r") else text


def read_csv(content: str | bytes, table: Table) -> tuple[list[str], list[list[Cell]]]:
    """A CSV file of the open data, whichever separator and byte order mark it is written with; the numbers the
    CSV files write with a letter in front («T1.1.1») as the workbook has them («1.1.1»)."""
    text = content.decode("utf-8-sig") if isinstance(content, bytes) else content.removeprefix("\ufeff")
    dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;")
    header, *rows = csv.reader(io.StringIO(text), dialect)
    return header, [
        [
            csv_value(v.removeprefix(c.csv_prefix) if c.csv_prefix else v, c)
            for v, c in zip(row, table.columns, strict=True)
        ]
        for row in rows
    ]


def test_the_workbook_holds_the_same_rows_as_the_csv_files(plan: Plan) -> None:
    files = data_files(plan, SITE)
    book = read(files[WORKBOOK])  # type: ignore[arg-type]
    for table, name in zip(TABLES, sheet_names(t.title for t in TABLES), strict=True):
        header, rows = read_csv(files[f"data/{table.name}.csv"], table)
        assert header == [column.name for column in table.columns]
        assert sheet_rows(book, name)[1:] == rows, table.name


def test_cells_are_typed_numbers_dates_and_booleans(book: Any) -> None:
    kinds: dict[str, set[type]] = {}
    for table, name in zip(TABLES, sheet_names(t.title for t in TABLES), strict=True):
        sheet = book[name]
        for column, cells in zip(table.columns, sheet.iter_cols(min_row=2), strict=True):
            for cell in cells:
                if cell.value is not None:
                    kinds.setdefault(column.type, set()).add(type(cell.value))
                    assert cell.data_type != "f"
                if column.type == "date" and cell.value is not None:
                    assert cell.is_date and cell.number_format == "dd.mm.yyyy"
                if column.type == "integer":
                    assert cell.number_format == "#,##0"  # 1 500 000 with a Norwegian thousands separator
                if column.type == "year":
                    assert cell.number_format == "0"  # 2024, not 2 024
    assert kinds["integer"] == {int}
    assert kinds["year"] == {int}
    assert kinds["boolean"] == {bool}
    assert kinds["date"] == {dt.datetime}
    assert kinds["string"] == {str}


def test_each_table_sheet_has_a_bold_frozen_header_with_filters_and_fitted_columns(book: Any) -> None:
    for name in [*sheet_names(t.title for t in TABLES), COLUMNS_SHEET]:
        sheet = book[name]
        assert sheet.freeze_panes == "A2", name
        assert sheet.auto_filter.ref == sheet.dimensions, name
        assert all(cell.font.b for cell in sheet[1]), name
        assert sheet.print_title_rows == "$1:$1", name
        widths = [sheet.column_dimensions[cell.column_letter].width for cell in sheet[1]]
        assert all(8 <= width <= WRAP_AT + 2 for width in widths), (name, widths)
    titles = book[sheet_names(t.title for t in TABLES)[0]]
    assert titles.column_dimensions["B"].width > titles.column_dimensions["A"].width  # «tittel» is wider than «tiltak»


def test_the_columns_sheet_gives_each_columns_title_csv_name_type_and_description(book: Any) -> None:
    header, *rows = sheet_rows(book, COLUMNS_SHEET)
    assert header == ["Ark", "Kolonne", "Navn i CSV-filen", "Type", "Beskrivelse"]
    names = sheet_names(t.title for t in TABLES)
    expected = [
        [name, column.title, column.name, column.description or None]
        for table, name in zip(TABLES, names, strict=True)
        for column in table.columns
    ]
    assert [[row[0], row[1], row[2], row[4]] for row in rows] == expected
    assert {row[3] for row in rows} <= {"tekst", "heltall", "tall", "sann/usann", "dato", "årstall"}


# -- the first sheet -------------------------------------------------------------------------------------------


def about(book: Any) -> dict[str, Any]:
    return {row[0].value: row[1] for row in book[FIRST_SHEET].iter_rows(min_row=3) if row[0].value and row[1].value}


def test_the_first_sheet_names_the_licence_publisher_contact_date_and_sheets(book: Any, plan: Plan) -> None:
    facts = about(book)
    owner = next(actor for actor in plan.actors if actor.id == plan.plan.owner)
    assert facts["Lisens"].value == "Creative Commons Navngivelse 4.0 Internasjonal"
    assert facts["Lisens"].hyperlink.target == "https://creativecommons.org/licenses/by/4.0/deed.no"
    assert owner.name in facts["Bruk av dataene"].value  # whom to name as the source
    assert facts["Utgiver"].value == owner.name
    assert facts["Kontakt"].value == owner.name  # the test plan has no contact: the owner is the contact
    assert back(facts["Dataene gjelder per"].value).isoformat() == document_dates(plan)[1]
    assert facts["Nettsted"].value == SITE
    listed = {row[0].value: row[1].value for row in book[FIRST_SHEET].iter_rows() if row[2].value is not None}
    for table, name in zip(TABLES, sheet_names(t.title for t in TABLES), strict=True):
        assert listed[name] == table.description


def test_the_first_sheet_gives_the_plans_contact_and_licence_when_it_has_them(plan: Plan) -> None:
    contact = {"name": "Sekretariatet", "email": "post@eksempel.test", "phone": "+47 12 34 56 78"}
    info = plan.plan.model_copy(update={"contact": schema.Contact(**contact), "licence": "NLOD-2.0"})
    facts = about(read(workbook_bytes(plan.model_copy(update={"plan": info}))))
    assert facts["Kontakt"].value == "Sekretariatet"
    assert facts["E-post"].hyperlink.target == "mailto:post@eksempel.test"
    assert facts["Telefon"].value == "+47 12 34 56 78"
    assert facts["Lisens"].value == "Norsk lisens for offentlige data (NLOD) 2.0"
    assert "Nettsted" not in facts  # no site address given


def test_the_data_date_is_the_pdfs_modification_date(plan: Plan) -> None:
    created, modified = data_dates(plan)
    assert (created.isoformat(), modified.isoformat()) == document_dates(plan)


# -- text stays text -------------------------------------------------------------------------------------------


def formulas_in(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [name for name in archive.namelist() if name.startswith("xl/worksheets/")]
        return [name for name in sheets if re.search(rb"<f[ >]", archive.read(name))]


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    plan = plan_with_texts(FORMULAS, tmp_path / "plan")
    data = workbook_bytes(plan)
    assert formulas_in(data) == []
    book = read(data)
    seen = set()
    for table, name in zip(TABLES, sheet_names(t.title for t in TABLES), strict=True):
        assert sheet_rows(book, name)[1:] == typed_rows(table, plan), table.name
        seen |= {value for row in sheet_rows(book, name) for value in row} & set(FORMULAS)
    assert seen == set(FORMULAS)  # every formula-like text reached a sheet, letter for letter


def test_the_injection_corpus_comes_back_letter_for_letter(tmp_path: Path) -> None:
    data, _ = attacked_plan()
    plan, problems = validate_folder(write_plan(data, tmp_path / "plan"))
    assert errors(problems) == [] and plan is not None
    workbook = workbook_bytes(plan, SITE)
    assert formulas_in(workbook) == []
    book = read(workbook)
    for table, name in zip(TABLES, sheet_names(t.title for t in TABLES), strict=True):
        assert sheet_rows(book, name)[1:] == typed_rows(table, plan), table.name
    texts = {value for name in book.sheetnames for row in sheet_rows(book, name) for value in row}
    assert any(attack.text in value for attack in CORPUS for value in texts if isinstance(value, str))
    links = [cell.hyperlink.target for row in book[FIRST_SHEET].iter_rows() for cell in row if cell.hyperlink]
    assert not any(set(link) & set('"<>{}` ') for link in links)  # encoded, so no link can end early
    assert plan.plan.contact is not None
    assert plan.plan.contact.url in {unquote(link) for link in links}


# -- sheet names -----------------------------------------------------------------------------------------------


def test_sheet_names_are_valid_unique_and_short() -> None:
    names = sheet_names(["Tiltak", "tiltak", "Om dataene", "A/B: [x]*?\\", "L" * 40, "L" * 40, "'"])
    assert names[:4] == ["Tiltak", "tiltak 2", "Om dataene 2", "A-B- -x----"]
    assert all(len(name) <= 31 for name in names)
    assert len({name.casefold() for name in names}) == len(names)
    assert names[-1] == "Tabell"


# -- the same bytes --------------------------------------------------------------------------------------------


def test_the_same_plan_gives_the_same_bytes_dated_from_the_data(plan: Plan, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = workbook_bytes(plan, SITE)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1000000000")
    assert workbook_bytes(plan, SITE) == first
    created, modified = data_dates(plan)
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(*modified.timetuple()[:3], 0, 0, 0)}
    properties = read(first).properties
    assert (properties.created.date(), properties.modified.date()) == (created, modified)
