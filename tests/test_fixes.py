"""Bugs from issue 12, each held by a test: dates on the history page that Markdown took for numbered lists, the
revision date that differed between the site and the PDF, budget years missing from «Etter år», links in charts
that the link check did not see, and what the site's search index reads from a page (the illustrative-content
notice left out, tables as words).

Pages are rendered from the small test plan and turned into HTML with the Markdown extensions of mkdocs.yml, as
MkDocs does; the search index is read with Material's own parser."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import markdown
import pytest
import yaml
from material.plugins.search.plugin import Parser

from conftest import ROOT
from schema import Plan
from scripts.core.filters import nb_date, nok
from scripts.pdf.document import css_string, plan_html
from scripts.present.lookups import SiteOptions
from scripts.publish.links import broken_links
from scripts.publish.providers import render_pages
from scripts.publish.search import readable_tables
from scripts.site.lookups import Site
from scripts.site.registry import page_path


@cache
def markdown_extensions() -> tuple[list[str], dict[str, dict[str, object]]]:
    """The Markdown extensions of mkdocs.yml and their settings."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names: list[str] = []
    settings: dict[str, dict[str, object]] = {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name)
        if options:
            settings[name] = options
    return names, settings


def page_html(page: str) -> str:
    """A generated page (Markdown with front matter) as the HTML MkDocs makes of it."""
    body = re.sub(r"\A---\n.*?\n---\n", "", page, flags=re.DOTALL)
    names, settings = markdown_extensions()
    return markdown.markdown(body, extensions=names, extension_configs=settings)


def search_sections(page_html: str) -> list[str]:
    """The text of each section of the page as Material's search plugin indexes it (after our plugin's change)."""
    parser = Parser()
    parser.feed(readable_tables(page_html))
    parser.close()
    return ["".join(section.text) for section in parser.data if not section.is_excluded()]


@pytest.fixture(scope="module")
def pages(plan: Plan) -> dict[str, str]:
    return render_pages(plan)


# -- the history page and the PDF's date line -------------------------------------------------------------------


def test_the_dates_on_the_history_page_are_text_not_numbered_lists(plan: Plan, pages: dict[str, str]) -> None:
    """«23. april 2021» at the start of a definition's value would otherwise become <ol start="23"><li>april 2021,
    shown as «1. april 2021»."""
    html = page_html(pages[page_path("history")])
    assert "<ol" not in html
    for revision in plan.plan.revisions:
        assert f"<dd>{nb_date(revision.date)}</dd>" in html


def test_the_pdf_and_the_history_page_give_the_current_revision_the_same_date(
    plan: Plan, pages: dict[str, str]
) -> None:
    current = Site(plan, SiteOptions()).current_revision()
    date = nb_date(current.date)
    assert re.search(r"\d{1,2}\. \w+ \d{4}", date)  # a full date, which a list would have renumbered
    pdf = plan_html(plan)
    assert css_string(f"Versjon {current.version}, vedtatt {date}") in pdf  # the footer of every page
    assert f"<p>{date} – {current.stage}" in pdf  # the PDF's own history chapter
    history = page_html(pages[page_path("history")])
    section = history[history.index(f"{current.version} {current.title}") :]
    assert re.search(r"<dt>Dato</dt>\s*<dd>(.*?)</dd>", section)[1] == date  # type: ignore[index]


# -- the budget by year ---------------------------------------------------------------------------------------


def test_the_budget_by_year_has_every_year_of_the_plan_period_with_zeros_where_there_is_no_budget(
    plan: Plan,
) -> None:
    site = Site(plan, SiteOptions())
    rows = site.budget_by_year()
    start, end = plan.plan.period.start, plan.plan.period.end
    assert [year for year, _, _ in rows] == list(range(start, end + 1))
    budget_years = {line.year for _, _, m in plan.measures() for line in m.budget}
    assert budget_years and len(budget_years) < len(rows)  # the test plan has years without budget
    assert all(s == p == 0 for year, s, p in rows if year not in budget_years)
    assert (sum(s for _, s, _ in rows), sum(p for _, _, p in rows)) == site.budget_totals(site.all_measures())


def test_the_economy_page_and_the_pdf_list_every_year_of_the_plan_period(plan: Plan, pages: dict[str, str]) -> None:
    years = range(plan.plan.period.start, plan.plan.period.end + 1)
    page = pages[page_path("economy")]
    by_year = page[page.index("## Etter år") :]
    by_year = by_year[: by_year.index("</table>")]
    assert [int(y) for y in re.findall(r'<th scope="row">(\d{4})</th>', by_year)] == list(years)
    pdf = plan_html(plan)
    table = pdf[pdf.index("<h2>Etter år</h2>") :]
    table = table[: table.index("</table>")]
    zero = nok(0)
    assert [int(y) for y in re.findall(r"<tr><th scope=\"row\">(\d{4})</th>", table)] == list(years)
    assert f'<td class="number">{zero}</td><td class="number">{zero}</td><td class="number">{zero}</td>' in table


def test_a_measures_budget_by_year_has_no_gap_between_its_first_and_last_year(plan: Plan) -> None:
    site = Site(plan, SiteOptions())
    measure = next(m for _, _, m in plan.measures() if m.budget)
    first = measure.budget[0]
    later = first.model_copy(update={"year": first.year + 3})
    gapped = measure.model_copy(update={"budget": [first, later]})
    assert [year for year, _, _ in site.measure_budget_by_year(gapped)] == [first.year + i for i in range(4)]


# -- the link check -------------------------------------------------------------------------------------------


def test_the_link_check_follows_links_in_charts(tmp_path: Path) -> None:
    svg = '<svg xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="tiltak/9-9-9/" role="link"></a></svg>'
    (tmp_path / "index.html").write_text(svg, encoding="utf-8")
    assert broken_links(tmp_path) == ["index.html: lenken «tiltak/9-9-9/» fører til en side eller fil som ikke finnes"]


# -- what the search index reads ------------------------------------------------------------------------------


def test_the_illustrative_content_notice_is_left_out_of_the_search_index(plan: Plan) -> None:
    notice = "Dette er et eksempel, ikke den vedtatte teksten."
    area = plan.focus_areas[0].model_copy(update={"illustrative": True})
    info = plan.plan.model_copy(update={"content_notice": notice})
    shown = plan.model_copy(update={"focus_areas": [area, *plan.focus_areas[1:]], "plan": info})
    measure = area.goals[0].measures[0]
    html = page_html(render_pages(shown)[page_path("measure", measure.id)])
    assert notice in html and "Eksempelinnhold" in html  # the reader sees it, in a warning box
    assert 'class="admonition warning"' in html
    indexed = " ".join(search_sections(html))
    assert notice not in indexed and "Eksempelinnhold" not in indexed
    assert "Periode" in indexed  # the page's own text is indexed


def test_a_table_is_indexed_as_words(plan: Plan, pages: dict[str, str]) -> None:
    measure = next(m for _, _, m in plan.measures())
    indexed = " ".join(" ".join(search_sections(page_html(pages[page_path("measures")]))).split())
    assert f"{measure.id} {measure.title}" in indexed
    assert "Nr. Tiltak" in indexed
    assert readable_tables("<tr><td>a</td><td>b</td></tr><tr>") == "<tr><td>a</td> <td>b</td> </tr>\n<tr>"
