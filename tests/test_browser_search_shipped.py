"""The shipped plan's search as a citizen uses it: the site of plan/ built by `plan build`, Material's own search
(lunr in its web worker) asked through the search box in a real browser, so the ranking tested is the one a reader
gets (the boosts per kind of page in scripts/site/search.py, the measures' tags, the word separator in mkdocs.yml).
A port of lunr would rank with another tokenizer and without Material's grouping and boosts after the query."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from test_browser_search import results

from conftest import QuietHandler, serving, site_headers

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def search_page(shipped_site: Path, browser: Browser) -> Iterator[Page]:
    QuietHandler.headers_to_send = site_headers(shipped_site)
    with serving(shipped_site) as url:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url, wait_until="networkidle")
        yield page
        page.close()


def top(page: Page, query: str, n: int = 3) -> list[str]:
    return [address for address, _ in results(page, query)[:n]]


def test_kompetanse_finds_a_measure_of_focus_area_4_among_the_first_three(search_page: Page) -> None:
    assert [a for a in top(search_page, "kompetanse") if a.startswith("tiltak/4-")]


def test_jobb_finds_jobb_der_du_bor_among_the_first_three(search_page: Page) -> None:
    assert "tiltak/4-2-1/" in top(search_page, "jobb")


def test_pendling_finds_the_indicator_netto_utpendling_among_the_first_three(search_page: Page) -> None:
    assert "indikatorer/netto-utpendling/" in top(search_page, "pendling")


def test_hurdal_finds_the_municipality_first(search_page: Page) -> None:
    assert top(search_page, "Hurdal", 1) == ["aktorer/hurdal-kommune/"]


def test_a_word_of_a_measures_title_finds_the_measure_before_the_actor_pages_that_list_it(search_page: Page) -> None:
    found = top(search_page, "kontorfellesskap", 12)
    assert found[0] == "tiltak/4-3-1/"
    assert "aktorer/hurdal-kommune/" in found[1:]


def test_a_word_of_a_measures_description_finds_the_measure_first(search_page: Page) -> None:
    assert top(search_page, "høyskoler", 1) == ["tiltak/4-1-1/"]
