"""«Din kommune» in a real browser, on the site of the small test plan: the front page links each municipality, a
municipality page's summary says what the data says and fits a phone, and both pages pass axe-core's WCAG 2.1 A/AA
and best-practice rules at phone and desktop width."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from conftest import WIDTHS
from schema import Plan
from scripts.present.lookups import SiteOptions
from scripts.site.lookups import Site
from scripts.site.municipality import summarise
from scripts.site.registry import page_path
from scripts.site.urls import url_of

pytestmark = pytest.mark.browser

#: axe-core's rules of WCAG 2.1 A and AA, and its best practices.
RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": WIDTHS["desktop"], "height": 900})
    yield context.new_page()
    context.close()


def municipalities(plan: Plan) -> list[tuple[str, str]]:
    """(short name, page address) of each municipality in the plan."""
    return [(a.short_name or a.name, url_of(page_path("actor", a.id))) for a in plan.actors if a.kind == "kommune"]


def test_the_front_page_links_each_municipality_near_the_top(server: str, page: Page, valid_plan: Plan) -> None:
    page.goto(server, wait_until="load")
    links = page.locator("nav.municipality-links a")
    found = [(links.nth(i).inner_text().strip(), links.nth(i).evaluate("a => a.href")) for i in range(links.count())]
    assert found == [(name, server + path) for name, path in municipalities(valid_plan)]
    assert page.locator("nav.municipality-links").get_attribute("aria-labelledby") == "din-kommune"
    # Above the fold on a desktop, before the figures and the status section.
    assert page.locator("nav.municipality-links").bounding_box()["y"] < 900  # type: ignore[index]
    links.first.click()
    page.wait_for_load_state("load")
    assert page.locator("h1").inner_text() == f"{valid_plan.actors[0].name} i næringsplanen"


def counts(page: Page) -> dict[str, list[str]]:
    """The summary table of a municipality page: row header → the numbers in its cells."""
    rows = page.locator("table.actor-status tr:has(th[scope=row])")
    return {
        rows.nth(i).locator("th").inner_text().strip(): [c.strip() for c in rows.nth(i).locator("td").all_inner_texts()]
        for i in range(rows.count())
    }


@pytest.mark.parametrize("actor_id", ["nes-kommune", "hurdal-kommune"])
def test_a_municipality_page_sums_up_what_the_data_says(
    server: str, page: Page, valid_plan: Plan, actor_id: str
) -> None:
    site = Site(valid_plan, SiteOptions())
    summary = summarise(site, site.actors[actor_id])
    page.goto(server + url_of(page_path("actor", actor_id)), wait_until="load")
    expected = {r.status.label: [str(r.leads), str(r.takes_part), str(r.affected)] for r in summary.by_status}
    sums = [str(len(summary.leads)), str(len(summary.takes_part)), str(len(summary.affected))]
    assert counts(page) == {**expected, "Sum": sums}
    # Each measure once, with the municipality's role or «Berøres».
    numbers = page.locator("table.actor-measures tbody tr td:first-child").all_inner_texts()
    shown = {m.id for m in (*summary.leads, *summary.takes_part, *summary.affected)}
    assert sorted(numbers) == sorted(shown)
    roles = page.locator("table.actor-measures tbody td[data-label=Rolle]").all_inner_texts()
    working = {m.id for m in (*summary.leads, *summary.takes_part)}
    assert {n for n, role in zip(numbers, roles, strict=True) if role == "Berøres"} == shown - working
    assert page.get_by_text("Kommunens egne bidrag (som finansiør)").count() == 1


def test_on_a_phone_each_measure_of_a_municipality_page_fits_with_its_status_in_view(
    server: str, browser: Browser
) -> None:
    context = browser.new_context(viewport={"width": WIDTHS["phone"], "height": 900})
    page = context.new_page()
    page.goto(server + url_of(page_path("actor", "hurdal-kommune")), wait_until="load")
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS["phone"]
    statuses = page.locator("table.actor-measures td[data-label=Status]")
    assert statuses.count() == 2
    for i in range(statuses.count()):
        box = statuses.nth(i).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= WIDTHS["phone"]
        # Labelled, since the header row is out of sight.
        assert statuses.nth(i).evaluate("td => getComputedStyle(td, '::before').content") == '"Status: "'
    header = page.locator("table.actor-measures thead").bounding_box()
    assert header is not None and header["height"] <= 1
    context.close()


#: The pages «Din kommune» touches: the front page and a municipality page.
PAGES = ["", url_of(page_path("actor", "nes-kommune"))]


def axe_violations(browser: Browser, server: str, width: int, part: str | None = None) -> list[str]:
    """axe-core's report of each violation of RULES on PAGES (only inside `part`, a CSS selector, if given)."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    failures = []
    for path in PAGES:
        page.goto(server + path, wait_until="load")
        results = Axe().run(page, context=part, options=RULES)
        if results.violations_count:
            failures.append(f"/{path} at {width} px:\n{results.generate_report()}")
    context.close()
    return failures


@pytest.mark.parametrize("width", sorted(WIDTHS.values()))
def test_the_content_of_the_front_page_and_of_a_municipality_page_has_no_axe_violation(
    server: str, browser: Browser, width: int
) -> None:
    assert axe_violations(browser, server, width, ".md-content") == []


@pytest.mark.parametrize("width", sorted(WIDTHS.values()))
def test_the_front_page_and_a_municipality_page_have_no_axe_violation(
    server: str, browser: Browser, width: int
) -> None:
    """The whole page, the theme's header, menu and search included."""
    assert axe_violations(browser, server, width) == []


@pytest.mark.slow  # the shipped plan, whose measures carry follow-up marks («Forsinket», «Ikke oppdatert»)
@pytest.mark.parametrize("width", sorted(WIDTHS.values()))
def test_the_status_and_follow_up_marks_of_an_actors_measures_stay_inside_the_table(
    shipped_server: str, browser: Browser, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(shipped_server + url_of(page_path("actor", "nes-kommune")), wait_until="load")
    assert page.locator("table.actor-measures .followup-badge").count() >= 2
    outside = page.evaluate(
        """() => [...document.querySelectorAll('table.actor-measures')].flatMap(table => {
            const right = table.getBoundingClientRect().right;
            return [...table.querySelectorAll('.status-badge, .followup-badge')]
                .filter(badge => badge.getBoundingClientRect().right > right + 0.5)
                .map(badge => badge.closest('tr').querySelector('td').textContent + ': ' + badge.textContent);
        })"""
    )
    context.close()
    assert outside == []
