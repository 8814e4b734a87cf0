"""Example content (``illustrative: true``) is marked wherever the data goes: the Data Package and each resource
that holds some, the workbook's first sheet, the DCAT dataset's description, each feed's subtitle and the covers
of the PDFs; a plan without example content is marked nowhere. An indicator whose values are examples names no
source in the Data Package: its values were not taken from SSB or whatever source it names."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

import feedparser
import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]
from rdflib import Graph
from rdflib import namespace as ns
from rdflib.namespace import DCTERMS, RDF

from conftest import VALID_PLAN, replace_once
from schema import Plan
from scripts.pdf.document import plan_html
from scripts.site.feeds import feed_files
from scripts.site.open_data import data_files
from scripts.site.open_data.workbook import FIRST_SHEET
from scripts.site.registry import REGISTRY
from scripts.validate.validator import validate_folder

NOTICE = "Eksempelinnhold"
#: The plan's own words about its examples, which the outputs quote.
OWN_WORDS = "Tiltakene her er laget for å vise verktøyet."


def plan_with(tmp_path: Path, *, focus_area: bool, indicator: bool, notice: bool = True) -> Plan:
    """The small test plan with its focus area and/or its indicator marked as example content."""
    folder = tmp_path / "plan"
    shutil.copytree(VALID_PLAN, folder)
    if notice:
        replace_once(folder / "plan.yaml", "owner: regionradet\n", f"owner: regionradet\ncontent_notice: {OWN_WORDS}\n")
    if focus_area:
        replace_once(folder / "satsingsomrader/1-nettverk.yaml", 'id: "1"\n', 'id: "1"\nillustrative: true\n')
    if indicator:
        replace_once(
            folder / "indikatorer.yaml", "  - id: arbeidsplasser\n", "  - id: arbeidsplasser\n    illustrative: true\n"
        )
    plan, problems = validate_folder(folder, dt.date(2026, 12, 1))
    assert plan is not None, problems
    return plan


@pytest.fixture(scope="module")
def example_plan(tmp_path_factory: pytest.TempPathFactory) -> Plan:
    return plan_with(tmp_path_factory.mktemp("examples"), focus_area=True, indicator=True)


def package(plan: Plan) -> dict[str, Any]:
    text = data_files(plan, "https://example.org/plan/", workbook=False)["data/datapackage.json"]
    assert isinstance(text, str)
    data: dict[str, Any] = json.loads(text)
    return data


def first_sheet_text(plan: Plan) -> list[str]:
    book = load_workbook(io.BytesIO(data_files(plan)["data/naeringsplan.xlsx"]))  # type: ignore[arg-type]
    return [str(cell.value) for row in book[FIRST_SHEET].iter_rows() for cell in row if cell.value is not None]


def dataset_description(plan: Plan) -> str:
    graph = Graph().parse(data=data_files(plan, "https://example.org/plan/")["data/dcat.ttl"], format="turtle")
    datasets = list(graph.subjects(RDF.type, ns.DCAT.Dataset))
    assert len(datasets) == 1
    return str(graph.value(datasets[0], DCTERMS.description))


def subtitles(plan: Plan) -> dict[str, str]:
    feeds = feed_files(plan, "https://example.org/plan/", REGISTRY.page_path)
    return {path: feedparser.parse(xml).feed.subtitle for path, xml in feeds.items()}


def cover(html: str) -> str:
    found = re.search(r'<section class="cover">(.*?)</section>', html, re.S)
    assert found is not None
    return found.group(1)


def covers(plan: Plan) -> list[str]:
    """The cover of the plan's PDF and of a status report."""
    return [cover(plan_html(plan)), cover(plan_html(plan, report=2022, today=dt.date(2026, 12, 1)))]


def test_the_data_package_and_every_resource_with_example_rows_say_so_first(example_plan: Plan) -> None:
    described = package(example_plan)
    assert described["description"].startswith(f"{NOTICE}: {OWN_WORDS}")
    assert "Dette er eksempler: satsingsområde 1 (med mål og tiltak) og 1 indikator" in described["description"]
    resources = {r["name"]: r["description"] for r in described["resources"]}
    assert resources["plan"].startswith(f"{NOTICE}: {OWN_WORDS}")
    for name in ("tiltak", "roller", "budsjett", "statusoppdateringer"):
        assert re.match(
            rf"{NOTICE}: alle de \d+ radene gjelder tiltak i satsingsområde 1, som er eksempler", resources[name]
        )
    assert resources["indikatorer"].startswith(f"{NOTICE}: alle de ")
    assert "ikke hentet fra kildene" in resources["indikatorer"]
    assert NOTICE not in resources["aktorer"]  # no actor is an example


def test_the_workbooks_first_sheet_dcat_every_feed_and_both_pdf_covers_carry_the_notice(example_plan: Plan) -> None:
    sheet = first_sheet_text(example_plan)
    assert sheet[1] == NOTICE  # right under the title
    assert sheet[2].startswith(OWN_WORDS)
    assert dataset_description(example_plan).startswith(f"{NOTICE}: {OWN_WORDS}")
    for path, subtitle in subtitles(example_plan).items():
        assert subtitle.startswith(f"{NOTICE}: tiltakene i satsingsområde 1"), path
    for shown in covers(example_plan):
        assert f"<strong>{NOTICE}</strong>{OWN_WORDS}" in shown


def test_a_plan_without_example_content_is_marked_nowhere(valid_plan: Plan) -> None:
    assert NOTICE not in json.dumps(package(valid_plan), ensure_ascii=False)
    assert not [text for text in first_sheet_text(valid_plan) if NOTICE in text]
    assert NOTICE not in dataset_description(valid_plan)
    assert not [s for s in subtitles(valid_plan).values() if NOTICE in s]
    assert not [shown for shown in covers(valid_plan) if NOTICE in shown]


def test_an_example_indicator_alone_marks_its_table_and_the_covers_but_not_the_measures_or_feeds(
    tmp_path: Path,
) -> None:
    plan = plan_with(tmp_path, focus_area=False, indicator=True, notice=False)
    resources = {r["name"]: r["description"] for r in package(plan)["resources"]}
    assert resources["indikatorer"].startswith(f"{NOTICE}: alle de ")
    assert NOTICE not in resources["tiltak"]
    assert not [s for s in subtitles(plan).values() if NOTICE in s]
    for shown in covers(plan):  # without the plan's own words: the one line
        assert f"<strong>{NOTICE}</strong>Deler av innholdet er eksempler og ikke den vedtatte planen." in shown


def test_an_indicator_cites_its_source_only_when_its_values_are_not_examples(tmp_path: Path) -> None:
    def sources(plan: Plan) -> Any:
        return next(r for r in package(plan)["resources"] if r["name"] == "indikatorer").get("sources")

    real = plan_with(tmp_path / "real", focus_area=False, indicator=False)
    assert sources(real) == [
        {"title": "Statistisk sentralbyrå (SSB)", "path": "https://www.ssb.no/statbank/table/07984/"}
    ]
    assert sources(plan_with(tmp_path / "example", focus_area=False, indicator=True)) is None
