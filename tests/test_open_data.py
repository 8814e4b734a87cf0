"""The open data: CSV tables that open in a Norwegian spreadsheet and in programs, with stable readable headers, a
Frictionless Data Package that types and links them, and the licence on the page, in the package and in the PDFs."""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import json
import shutil
from pathlib import Path
from typing import Any

import frictionless
import pikepdf
import pytest
from pypdf import PdfReader
from test_injection import attacked_plan, write_plan

from schema import LICENCES, Plan
from scripts.core.problems import errors  # the corpus's long titles give warnings
from scripts.model.fields import GOAL_ID, MEASURE_ID
from scripts.site.open_data import TABLES, data_files
from scripts.site.open_data.csv_files import FORMULA_START, number_text
from scripts.site.open_data.tables import Cell, table, whole
from scripts.site.pages import render_site
from scripts.site.registry import page_path
from scripts.validate.validator import validate_folder

#: The published headers: a contract with the users' programs. A change here is a breaking change for them.
HEADERS = {
    "tiltak": "tiltak_id;tittel;satsingsområde_id;satsingsområde;mål_id;mål;status_id;status;prioritet;startår;"
    "sluttår;ansvarlig_id;ansvarlig;alle_kommuner;kommune_ider;kommuner;sist_oppdatert;forsinket;ikke_oppdatert;"
    "oppfølging;status_per",
    "roller": "tiltak_id;tiltak;aktør_id;aktør;rolle_id;rolle;merknad",
    "budsjett": "tiltak_id;tiltak;år;beløp_kr;finansiør_id;finansiør;bevilget;merknad",
    "statusoppdateringer": "tiltak_id;tiltak;dato;status_id;status;tekst",
    "aktorer": "aktør_id;navn;kortnavn;aktørtype;kommune_id;kommune;nettsted;aktiv_fra;aktiv_til;erstattet_av_id;"
    "erstattet_av",
    "indikatorer": "indikator_id;indikator;enhet;retning;verditype;år;verdi;merknad;foreløpig;vurdering_id;vurdering;"
    "vurdering_foreløpig",
}


def write_data(plan: Plan, folder: Path) -> Path:
    """The open data files of `plan` in `folder`/data, as the site publishes them; returns the package's path."""
    for path, content in data_files(plan).items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return folder / "data" / "datapackage.json"


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory, valid_plan: Plan) -> Path:
    return write_data(valid_plan, tmp_path_factory.mktemp("open-data"))


def read_csv(path: Path) -> list[list[str]]:
    """A CSV file read as the page says: encoding utf-8-sig, «;» between the fields."""
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.reader(file, delimiter=";"))


def problems(report: frictionless.Report) -> list[Any]:
    return report.flatten(["rowNumber", "fieldName", "type", "note"])


# -- the package ---------------------------------------------------------------------------------------------------


def test_frictionless_validates_the_published_data_package(built_site: Path) -> None:
    report = frictionless.validate(built_site / "data" / "datapackage.json")
    assert report.valid, problems(report)
    assert {task.name for task in report.tasks} == {"plan", *(t.name for t in TABLES)}


def test_the_package_gives_the_same_bytes_for_the_same_plan(valid_plan: Plan, tmp_path: Path) -> None:
    first = data_files(valid_plan)
    assert first == data_files(valid_plan)
    described = json.loads(first["data/datapackage.json"])
    newest = max(u.date for _, _, m in valid_plan.measures() for u in m.status_updates)
    assert described["created"] == f"{newest.isoformat()}T00:00:00Z"


def test_a_broken_reference_between_tables_is_found(package: Path, tmp_path: Path) -> None:
    shutil.copytree(package.parent, tmp_path / "data")
    roles = tmp_path / "data" / "roller.csv"
    rows = read_csv(roles)
    rows[1][rows[0].index("aktør_id")] = "ukjent-aktor"
    with roles.open("w", encoding="utf-8-sig", newline="") as file:
        csv.writer(file, delimiter=";", lineterminator="\n").writerows(rows)
    report = frictionless.validate(tmp_path / "data" / "datapackage.json")
    assert [p[2] for p in problems(report)] == ["foreign-key"]


def test_every_table_has_keys_and_every_reference_points_at_a_key_column() -> None:
    names = {t.name: t for t in TABLES}
    for t in TABLES:
        for key in t.foreign_keys:
            assert set(key.columns) <= set(t.header), t.name
            assert key.reference == names[key.table].primary_key, (t.name, key)
    assert table("roller").primary_key == ("tiltak_id", "aktør_id", "rolle_id")


# -- types --------------------------------------------------------------------------------------------------------


def test_a_goal_id_like_1_10_stays_text_when_read_through_the_package(package: Path, tmp_path: Path) -> None:
    shutil.copytree(package.parent, tmp_path / "data")
    measures = tmp_path / "data" / "tiltak.csv"
    measures.write_text(measures.read_text(encoding="utf-8").replace(";M1.1;", ";M1.10;", 1), encoding="utf-8")
    rows = frictionless.Package(tmp_path / "data" / "datapackage.json").get_resource("tiltak").read_rows()
    assert rows[0]["mål_id"] == "M1.10"
    assert all(isinstance(row["tiltak_id"], str) for row in rows)


def test_booleans_counts_years_and_dates_are_read_as_their_types(package: Path) -> None:
    resources = frictionless.Package(package)
    budget = resources.get_resource("budsjett").read_rows()
    assert budget and all(type(r["bevilget"]) is bool and type(r["beløp_kr"]) is int for r in budget)
    assert all(type(r["år"]) is int for r in budget)
    updates = resources.get_resource("statusoppdateringer").read_rows()
    assert updates and all(type(r["dato"]) is dt.date for r in updates)
    measures = resources.get_resource("tiltak").read_rows()
    assert all(type(r["alle_kommuner"]) is bool and type(r["startår"]) is int for r in measures)


def test_whole_indicator_values_are_written_without_decimals_and_others_with_a_decimal_comma(
    package: Path, valid_plan: Plan
) -> None:
    values = [row[6] for row in read_csv(package.parent / "indikatorer.csv")[1:]]
    assert values and all("." not in v for v in values)
    typed = [row[5] for row in table("indikatorer").rows(valid_plan)]
    assert typed and not [v for v in typed if isinstance(v, float) and v.is_integer()]
    assert [number_text(v) for v in (52400.0, 21.5, 0.00001, 1e20)] == ["52400", "21,5", "0,00001", str(10**20)]
    verdi = frictionless.Schema.from_descriptor(
        {"fields": [{"name": "verdi", "type": "number", "decimalChar": ","}]}
    ).get_field("verdi")
    assert verdi.read_cell("21,5")[0] == decimal.Decimal("21.5")


def test_id_columns_carry_the_schema_patterns_and_every_column_is_described() -> None:
    columns = {(t.name, c.name): c for t in TABLES for c in t.columns}
    assert columns[("tiltak", "tiltak_id")].pattern == whole(MEASURE_ID)
    assert columns[("tiltak", "mål_id")].pattern == whole(GOAL_ID)
    for (name, header), column in columns.items():
        assert column.title and column.description, (name, header)
        if header.endswith("_id"):
            assert column.type == "string" and column.pattern, (name, header)


# -- the CSV files --------------------------------------------------------------------------------------------------


def test_the_headers_are_exactly_the_documented_ones(package: Path, valid_plan: Plan) -> None:
    assert {t.name: ";".join(t.header) for t in TABLES} == HEADERS
    page = render_site(valid_plan)[page_path("open-data")]
    for t in TABLES:
        raw = (package.parent / f"{t.name}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf" + HEADERS[t.name].encode("utf-8") + b"\n"), t.name
        assert f"### {t.name}.csv" in page
        assert all(f"| `{column}`<br>" in page for column in t.header), t.name


def test_each_csv_opens_as_utf8_sig_with_semicolons_and_one_cell_per_column(package: Path, valid_plan: Plan) -> None:
    for t in TABLES:
        rows = read_csv(package.parent / f"{t.name}.csv")
        assert rows[0] == list(t.header)
        assert len(rows) - 1 == len(list(t.rows(valid_plan))), t.name
        assert all(len(row) == len(t.header) for row in rows), t.name
    names = dict((r[0], r[1]) for r in read_csv(package.parent / "aktorer.csv")[1:])
    for row in read_csv(package.parent / "roller.csv")[1:]:
        assert row[3] == names[row[2]]  # the actor's name beside its id


def expected_cell(cell: Cell) -> str | None:
    """What a text cell reads back as: the text, with an apostrophe in front when a spreadsheet would run it."""
    if isinstance(cell, str):
        return "'" + cell if cell.startswith(FORMULA_START) else cell
    return None


CSV_ATTACKS = [
    '=HYPERLINK("https://evil.test";"Klikk")',
    "=cmd|' /C calc'!A0",
    '@SUM(1;2) med "sitat" og ; semikolon',
    "-2+3;+4",
    'første linje\nandre linje; med semikolon\n\n«sitat» og "hermetegn"',
]


def attacked(tmp_path: Path) -> Plan:
    """The injection corpus in every text field, and spreadsheet attacks in a measure's title, notes and update."""
    data, _ = attacked_plan()
    measure = data["focus_area"]["goals"][0]["measures"][0]
    measure["title"] = CSV_ATTACKS[0]
    for i, role in enumerate(measure["roles"]):
        role["note"] = CSV_ATTACKS[1 + i % 3]
    measure["status_updates"][0]["text"] = CSV_ATTACKS[4]
    plan, found = validate_folder(write_plan(data, tmp_path / "plan"))
    assert errors(found) == [] and plan is not None
    return plan


def test_text_with_separators_quotes_line_breaks_and_formulas_stays_one_cell_and_reads_back(tmp_path: Path) -> None:
    plan = attacked(tmp_path)
    path = write_data(plan, tmp_path / "site")
    written = set()
    for t in TABLES:
        typed = list(t.rows(plan))
        rows = read_csv(path.parent / f"{t.name}.csv")[1:]
        assert len(rows) == len(typed), t.name
        for row, cells in zip(rows, typed, strict=True):
            assert len(row) == len(t.header), t.name
            for text, cell, prefix in zip(row, cells, t.csv_prefixes, strict=True):
                if isinstance(cell, str):
                    assert text == prefix + str(expected_cell(cell)), (t.name, cell)
                    written.add(text)
    assert {"'" + CSV_ATTACKS[0], "'" + CSV_ATTACKS[1], "'" + CSV_ATTACKS[2], CSV_ATTACKS[4]} <= written
    report = frictionless.validate(path)
    assert report.valid, problems(report)


# -- the licence ----------------------------------------------------------------------------------------------------


def test_the_licence_and_the_owner_are_in_the_data_package(package: Path, valid_plan: Plan) -> None:
    described = json.loads(package.read_text(encoding="utf-8"))
    name, url = LICENCES["CC-BY-4.0"]
    assert described["licenses"] == [{"name": "CC-BY-4.0", "path": url, "title": name}]
    assert all(r["licenses"] == described["licenses"] for r in described["resources"])
    owner = next(a.name for a in valid_plan.actors if a.id == valid_plan.plan.owner)
    assert {"title": owner, "role": "publisher"}.items() <= described["contributors"][0].items()
    assert "CC BY 4.0" in described["description"] and owner in described["description"]


def test_the_open_data_page_names_the_licence_what_users_may_do_and_whom_to_credit(valid_plan: Plan) -> None:
    page = render_site(valid_plan)[page_path("open-data")]
    owner = next(a.name for a in valid_plan.actors if a.id == valid_plan.plan.owner)
    assert "## Lisens" in page and f"({LICENCES['CC-BY-4.0'][1]})" in page
    assert f"«Kilde: {owner}, {valid_plan.plan.title}," in page and "kommersiell" in page and "Digdir" in page
    assert "[datapackage.json](data/datapackage.json)" in page
    nlod = valid_plan.model_copy(update={"plan": valid_plan.plan.model_copy(update={"licence": "NLOD-2.0"})})
    page = render_site(nlod)[page_path("open-data")]
    assert f"({LICENCES['NLOD-2.0'][1]})" in page and "Digdir" not in page


def test_the_licence_is_in_the_pdf_metadata_and_on_its_cover(built_site: Path, valid_plan: Plan) -> None:
    owner = next(a.name for a in valid_plan.actors if a.id == valid_plan.plan.owner)
    for pdf_path in (
        built_site / "pdf" / "naeringsplan.pdf",
        *sorted((built_site / "pdf").glob("statusrapport-*.pdf")),
    ):
        with pikepdf.open(pdf_path) as pdf, pdf.open_metadata(set_pikepdf_as_editor=False) as xmp:
            assert "CC BY 4.0" in xmp["dc:rights"] and owner in xmp["dc:rights"], pdf_path.name
            assert xmp["xmpRights:WebStatement"] == LICENCES["CC-BY-4.0"][1]
            assert "/dctermsrights" not in pdf.docinfo
        cover = " ".join((PdfReader(pdf_path).pages[0].extract_text() or "").split())
        assert "(CC BY 4.0)" in cover and owner in cover, pdf_path.name


def test_the_measures_table_says_which_are_late_or_unreported_and_from_which_date(
    tmp_path: Path, valid_plan: Plan
) -> None:
    from test_followup import late_plan

    rows = frictionless.Package(write_data(late_plan(valid_plan), tmp_path)).get_resource("tiltak").read_rows()
    by_id = {r["tiltak_id"]: r for r in rows}
    late, fine = by_id["T1.1.1"], by_id["T1.1.2"]
    assert (late["forsinket"], late["ikke_oppdatert"], late["sist_oppdatert"]) == (True, True, dt.date(2021, 9, 15))
    assert late["oppfølging"] == (
        "milepælen «Forstudie» skulle vært nådd 1. juni 2021; siste oppdatering 15. september 2021"
    )
    assert (fine["forsinket"], fine["ikke_oppdatert"], fine["oppfølging"]) == (False, False, None)
    assert {r["status_per"] for r in rows} == {dt.date(2022, 5, 1)}
