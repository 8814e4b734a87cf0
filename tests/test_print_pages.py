"""The print edition page by page, as a council secretariat reads it: no table header or caption left alone at the
foot of a page, small tables whole, long tables with their header repeated and «(forts.)», every economy table with
its «Sum» and every year of the plan period, a measure kept on one page when it fits there, a goal's heading on the
page of its first measure, every goal in the contents, and who pays for a measure and what for.

The PDF is read as text one page at a time (pdftotext, as a reader would copy it); where the question is about
layout (does a measure fit on a page?) the test asks WeasyPrint's rendered pages."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import pytest
from tools import program

from conftest import VALID_PLAN, replace_once
from schema import Plan
from scripts.core.filters import nok
from scripts.pdf.document import PRINT, WHOLE_TABLE_ROWS, _environment, plan_html
from scripts.present.lookups import SiteOptions
from scripts.site.lookups import Site
from scripts.site.pages import render_site
from scripts.site.registry import page_path
from scripts.validate.validator import validate_folder

#: Descriptions long enough that two measures no longer fit on one page: the second would start in the lower half.
SENTENCE = "Tiltaket beskrives her i mange ord, slik at det fyller en god del av en side."
SHORTER, LONGER = " ".join([SENTENCE] * 8), " ".join([SENTENCE] * 24)


@dataclass(frozen=True)
class Printed:
    plan: Plan
    html: str
    pages: list[list[str]]  # every page's lines, whitespace made single spaces, empty lines left out
    measures: dict[str, list[tuple[int, float]]]  # measure id → (page index, height) of each piece of it
    page_height: float
    goals: dict[str, int]  # a goal heading's id («mal-1-1») → the page index it stands on


def words(text: str) -> str:
    return " ".join(text.split())


def _boxes(box: Any) -> Iterator[Any]:
    yield box
    for child in getattr(box, "children", ()):
        yield from _boxes(child)


def printed(folder: Path, tmp: Path) -> Printed:
    """Render the plan in `folder` as `plan pdf` does, and read it back page by page."""
    from weasyprint import HTML

    plan, problems = validate_folder(folder)
    assert plan is not None, problems
    html = plan_html(plan)
    document = HTML(string=html, base_url=str(PRINT)).render()
    measures: dict[str, list[tuple[int, float]]] = {}
    goals: dict[str, int] = {}
    for number, page in enumerate(document.pages):
        for box in _boxes(page._page_box):
            element = getattr(box, "element", None)
            if box.element_tag == "section" and "measure" in (element.get("class") or "").split():
                measures.setdefault(element.get("id"), []).append((number, box.margin_height()))
            if box.element_tag == "h2" and (element.get("id") or "").startswith("mal-"):
                goals.setdefault(element.get("id"), number)
    out = tmp / "plan.pdf"
    document.write_pdf(out)
    text = subprocess.run(
        [program("pdftotext"), "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = [[words(line) for line in page.splitlines() if line.strip()] for page in text.split("\f")]
    height = document.pages[0]._page_box.height
    return Printed(plan, html, [p for p in pages if p], measures, height, goals)


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Printed:
    """The small test plan as printed."""
    return printed(VALID_PLAN, tmp_path_factory.mktemp("print"))


@pytest.fixture(scope="module")
def crowded(tmp_path_factory: pytest.TempPathFactory) -> Printed:
    """The small test plan with measures of about half a page each, so that two of them do not fit on one page."""
    tmp = tmp_path_factory.mktemp("crowded")
    shutil.copytree(VALID_PLAN, tmp / "plan")
    focus_area = tmp / "plan" / "satsingsomrader" / "1-nettverk.yaml"
    replace_once(focus_area, "description: Et nettverk.", f"description: {SHORTER}")
    replace_once(focus_area, "description: Et annet nettverk.", f"description: {LONGER}")
    return printed(tmp / "plan", tmp)


def content(page: list[str]) -> list[str]:
    """A page without its running header (first line) and footer (last line, «… Side X av Y»); the cover has
    neither."""
    return page[1:-1] if re.search(r"Side \d+ av \d+$", page[-1]) else page


def table_heads(html: str) -> set[str]:
    """The text of every table header row and caption in the print HTML."""
    found = re.findall(r"<caption>(.*?)</caption>|<thead>(.*?)</thead>", html, flags=re.S)
    return {words(re.sub(r"<[^>]+>", " ", caption or head)) for caption, head in found}


def ends_with_a_table_head(page: list[str], heads: set[str]) -> bool:
    return bool(content(page)) and content(page)[-1] in heads


def economy_text(printed: Printed) -> list[tuple[int, str]]:
    """(page index, line) of the economy chapter, from its heading to the next chapter."""
    lines = [(n, line) for n, page in enumerate(printed.pages) for line in content(page)]
    start = next(i for i, (_, line) in enumerate(lines) if line == "Økonomi")
    end = next(i for i, (_, line) in enumerate(lines) if i > start and line == "Indikatorer")
    return lines[start:end]


def economy_tables(printed: Printed) -> dict[str, list[tuple[int, str]]]:
    """Caption → the (page, line) of each economy table, from its caption to its «Sum» row."""
    tables: dict[str, list[tuple[int, str]]] = {}
    current: list[tuple[int, str]] | None = None
    for n, line in economy_text(printed):
        if line.startswith("Budsjett etter ") and line.endswith(", i kroner"):
            current = tables.setdefault(line, [])
        if current is not None:
            current.append((n, line))
            if line.startswith("Sum "):
                current = None
    return tables


# -- tables never break badly ---------------------------------------------------------------------------------


def test_the_check_for_a_header_at_the_foot_of_a_page_finds_one() -> None:
    page = ["Næringsplanen Økonomi", "Etter år", "År Bevilget Planlagt Sum", "Versjon 1.0 Side 4 av 9"]
    assert ends_with_a_table_head(page, {"År Bevilget Planlagt Sum"})
    assert not ends_with_a_table_head([*page[:-1], "2021 0 kr 0 kr 0 kr", page[-1]], {"År Bevilget Planlagt Sum"})


@pytest.mark.parametrize("name", ["small", "crowded"])
def test_no_page_ends_with_a_table_header_or_caption(name: str, request: pytest.FixtureRequest) -> None:
    printed: Printed = request.getfixturevalue(name)
    heads = table_heads(printed.html)
    assert "År Bevilget Planlagt Sum" in heads and "Budsjett etter år, i kroner" in heads
    ending = [n + 1 for n, page in enumerate(printed.pages) if ends_with_a_table_head(page, heads)]
    assert ending == [], f"sider som slutter med en tabelloverskrift: {ending}"


def test_every_economy_table_has_its_sum_and_is_on_one_page(small: Printed) -> None:
    site = Site(small.plan, SiteOptions())
    secured, planned = site.budget_totals(site.all_measures())
    total = words(f"Sum {nok(secured)} {nok(planned)} {nok(secured + planned)}")
    tables = economy_tables(small)
    assert sorted(tables) == [f"Budsjett etter {k}, i kroner" for k in ("finansiør", "satsingsområde", "år")]
    for caption, lines in tables.items():
        assert lines[-1][1] == total, caption
        assert len(lines) - 2 < WHOLE_TABLE_ROWS  # all of them small: each is kept whole
        assert len({n for n, _ in lines}) == 1, f"«{caption}» er delt over flere sider"


def test_every_year_of_the_period_is_in_the_economy_chapter(small: Printed) -> None:
    years = range(small.plan.plan.period.start, small.plan.plan.period.end + 1)
    budget_years = {line.year for _, _, m in small.plan.measures() for line in m.budget}
    assert set(years) - budget_years  # the test plan has years without budget
    rows = [line for _, line in economy_tables(small)["Budsjett etter år, i kroner"]]
    assert [int(row[:4]) for row in rows if re.match(r"\d{4} ", row)] == list(years)
    zero = words(nok(0))
    assert f"{years[-2]} {zero} {zero} {zero}" in rows


def test_a_long_table_repeats_its_header_and_says_forts_on_the_pages_it_continues_on(tmp_path: Path) -> None:
    from weasyprint import HTML

    env: jinja2.Environment = _environment()
    macros: Any = env.get_template("_table.html.jinja").module
    rows = [(f"Finansiør {i}", 1000 * i, 0) for i in range(80)]
    table = macros.budget_table("Budsjett etter finansiør", "Finansiør", rows)
    html = f'<html lang="nb"><head><link rel="stylesheet" href="print.css"></head><body><h1>Økonomi</h1>{table}'
    html += "<h1>Indikatorer</h1><p>Neste kapittel.</p></body></html>"
    HTML(string=html, base_url=str(PRINT)).write_pdf(tmp_path / "long.pdf")
    text = subprocess.run(
        [program("pdftotext"), "-layout", str(tmp_path / "long.pdf"), "-"], capture_output=True, text=True
    )
    pages = [[words(line) for line in page.splitlines() if line.strip()] for page in text.stdout.split("\f")]
    pages = [p for p in pages if p]
    table_pages = [p for p in pages if "Finansiør Bevilget Planlagt Sum" in p]
    assert len(table_pages) >= 2
    assert all("(forts.)" not in line for line in pages[0])
    for page in table_pages[1:]:
        assert page[0] == "Økonomi · Budsjett etter finansiør (forts.)"
    assert pages[-1][0] == "Indikatorer"
    assert "Sum" in " ".join(table_pages[-1])


def test_every_table_of_the_economy_page_on_the_website_has_its_sum_and_every_year(valid_plan: Plan) -> None:
    site = Site(valid_plan, SiteOptions())
    secured, planned = site.budget_totals(site.all_measures())
    page = render_site(valid_plan)[page_path("economy")]
    # Each amount as it reads («kr» is in a span of its own, hidden on a phone).
    page = re.sub(r"</?span[^>]*>", "", page).replace("&nbsp;", "\N{NO-BREAK SPACE}")
    tables = re.findall(r"<table.*?</table>", page, flags=re.S)
    assert len(tables) == 3
    sum_row = (
        f'<tr><th scope="row">Sum</th><td class="number">{nok(secured)}</td><td class="number">{nok(planned)}</td>'
        f'<td class="number">{nok(secured + planned)}</td></tr>'
    )
    assert all(sum_row in table for table in tables)
    years = re.findall(r'<th scope="row">(\d{4})</th>', tables[-1])
    assert [int(y) for y in years] == list(range(valid_plan.plan.period.start, valid_plan.plan.period.end + 1))


# -- measures -------------------------------------------------------------------------------------------------


def test_a_measure_that_fits_on_a_page_is_not_split(crowded: Printed) -> None:
    assert len(crowded.measures) == 2
    first, second = (sum(h for _, h in pieces) for pieces in crowded.measures.values())
    assert first + second > crowded.page_height  # the two do not fit on one page together
    for measure, pieces in crowded.measures.items():
        fits = sum(h for _, h in pieces) <= crowded.page_height
        assert not fits or len({page for page, _ in pieces}) == 1, f"{measure} er delt over to sider"


# -- goals: kept with their first measure, named in the contents ------------------------------------------------

#: Lengths of the measures' descriptions, in sentences: uneven, so that goal headings fall all over the pages.
LENGTHS = [3, 9, 1, 14, 6, 2, 11, 4, 8, 1, 13, 5, 2, 10, 7, 3]


def goal_yaml(goal: int, lengths: list[int]) -> str:
    """A goal of focus area 1 with a measure per length, each with a budget of two lines, one with a note."""
    measures = ""
    for n, length in enumerate(lengths, start=1):
        measures += f"""
      - id: "1.{goal}.{n}"
        title: Tiltak {goal}.{n}
        description: {" ".join([SENTENCE] * length)}
        roles:
          - {{actor: nes-kommune, role: ansvarlig}}
        period: {{start: 2022, end: 2024}}
        budget:
          - {{year: 2022, amount: 100000, funder: viken-fylkeskommune, secured: true, note: Forprosjekt 1.{goal}.{n}.}}
          - {{year: 2023, amount: 50000, funder: nes-kommune, secured: false}}
        municipalities: alle"""
    return f"""
  - id: "1.{goal}"
    title: Mål nummer {goal}
    description: {" ".join([SENTENCE] * (goal % 3))}
    measures:{measures}"""


@pytest.fixture(scope="module")
def goals(tmp_path_factory: pytest.TempPathFactory) -> Printed:
    """The small test plan with eight goals of two measures each, of uneven lengths."""
    tmp = tmp_path_factory.mktemp("goals")
    shutil.copytree(VALID_PLAN, tmp / "plan")
    focus_area = tmp / "plan" / "satsingsomrader" / "1-nettverk.yaml"
    text = focus_area.read_text(encoding="utf-8")
    head = text[: text.index("goals:")]
    body = "".join(goal_yaml(g, LENGTHS[2 * g - 2 : 2 * g]) for g in range(1, 9))
    focus_area.write_text(f"{head}goals:{body}\n", encoding="utf-8")
    return printed(tmp / "plan", tmp)


def test_a_goal_heading_stands_on_the_page_of_its_first_measure(goals: Printed) -> None:
    assert len(goals.goals) == 8
    assert len({page for page in goals.goals.values()}) > 3  # the goals are spread over several pages
    for goal in goals.plan.focus_areas[0].goals:
        first = goals.measures[f"tiltak-{goal.measures[0].id.replace('.', '-')}"]
        heading = goals.goals[f"mal-{goal.id.replace('.', '-')}"]
        assert heading == first[0][0], f"målet {goal.id} står på side {heading + 1}, det første tiltaket på neste"


def test_no_page_ends_with_a_goal_heading(goals: Printed) -> None:
    headings = {f"Mål {goal.id} {goal.title}" for goal in goals.plan.focus_areas[0].goals}
    ending = [n + 1 for n, page in enumerate(goals.pages) if content(page) and content(page)[-1] in headings]
    assert ending == []


def test_the_contents_name_every_focus_area_and_goal_with_its_page(goals: Printed) -> None:
    toc = content(goals.pages[1])
    assert toc[0] == "Innhold"
    area = goals.plan.focus_areas[0]
    heading_page = next(n for n, page in enumerate(goals.pages) if f"{area.id} {area.title}" in content(page)[:1])
    assert any(re.fullmatch(rf"{area.id} {area.title} \.+ {heading_page + 1}", line) for line in toc)
    for goal in area.goals:
        page = goals.goals[f"mal-{goal.id.replace('.', '-')}"] + 1
        assert any(re.fullmatch(rf"Mål {goal.id} {goal.title} \.+ {page}", line) for line in toc), goal.id


def test_every_measure_says_who_pays_and_what_each_budget_line_with_a_note_is_for(goals: Printed) -> None:
    text = words(" ".join(line for page in goals.pages for line in content(page)))
    payers = "Finansiører: Viken fylkeskommune 100 000 kr, Nes kommune 50 000 kr (planlagt)."
    assert text.count(words(payers)) == 16
    for goal in goals.plan.focus_areas[0].goals:
        for measure in goal.measures:
            assert words(f"2022, Viken fylkeskommune (100 000 kr): Forprosjekt {measure.id}.") in text
    assert "Nes kommune (50 000 kr):" not in text  # a line without a note is not listed among the notes
