"""The filters of «Alle tiltak» never mislead: an unknown value in the address is named and dropped, a reader
without JavaScript is told that the filters need it, the list does not move when the filters appear, and the text
search reads descriptions, goals and focus areas too (the small test plan's site, in chromium)."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Browser, Page

from conftest import WIDTHS
from schema import Plan

pytestmark = pytest.mark.browser

#: Every layout shift the page makes (PerformanceObserver, buffered), summed as Lighthouse's CLS does for one page.
LAYOUT_SHIFT = """
() => new Promise((resolve) => {
  let total = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) { if (!entry.hadRecentInput) { total += entry.value; } }
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(total), 1500);
})
"""


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    page = browser.new_page(viewport={"width": WIDTHS["phone"], "height": 900})
    yield page
    page.close()


def shown(page: Page) -> list[str]:
    return [str(c) for c in page.locator("#tiltakstabell tbody tr:visible td:first-child").all_inner_texts()]


def test_an_unknown_value_in_the_address_is_named_and_dropped_from_the_address(server: str, page: Page) -> None:
    page.goto(server + "tiltak/?status=pagar&ar=2024", wait_until="load")
    notice = page.locator(".measure-filter__notice")
    assert notice.is_visible()
    assert notice.inner_text() == "Ukjent verdi «pagar» for status, filteret er ikke brukt."
    assert parse_qs(urlparse(page.url).query) == {"ar": ["2024"]}
    assert page.locator("#filter-ar").input_value() == "2024"


def test_known_values_give_no_notice(server: str, page: Page) -> None:
    page.goto(server + "tiltak/?status=pågår", wait_until="load")
    assert page.locator(".measure-filter__notice").count() == 0
    assert parse_qs(urlparse(page.url).query) == {"status": ["pågår"]}


def test_without_javascript_the_filters_are_gone_and_a_line_says_they_need_it(server: str, browser: Browser) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": WIDTHS["phone"], "height": 900})
    page = context.new_page()
    page.goto(server + "tiltak/?status=planlagt", wait_until="load")
    assert not page.locator(".measure-filter").is_visible()
    line = page.locator(".measure-filter-noscript")  # by class: Playwright's text search skips <noscript>
    assert line.is_visible()
    assert line.inner_text().startswith("Filtrene trenger JavaScript. Uten JavaScript vises alle tiltakene")
    assert len(shown(page)) == page.locator("#tiltakstabell tbody tr").count()
    context.close()


def test_with_javascript_the_line_about_javascript_is_not_shown(server: str, page: Page) -> None:
    page.goto(server + "tiltak/", wait_until="load")
    assert page.locator(".measure-filter").is_visible()
    assert not page.locator(".measure-filter-noscript").is_visible()


@pytest.mark.parametrize("width", sorted(WIDTHS.values()))
def test_the_list_does_not_move_when_the_filters_appear(server: str, browser: Browser, width: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(server + "tiltak/", wait_until="load")
    assert page.evaluate(LAYOUT_SHIFT) < 0.05
    page.close()


def test_the_text_search_reads_descriptions_goals_and_focus_areas(server: str, page: Page, plan: Plan) -> None:
    page.goto(server + "tiltak/", wait_until="load")
    for fa, goal, measure in plan.measures():
        for words in (measure.description.split()[-1].strip(".,"), f"mål {goal.id}", fa.title):
            page.fill("#filter-sok", words)
            page.wait_for_timeout(50)
            assert measure.id in shown(page), words
