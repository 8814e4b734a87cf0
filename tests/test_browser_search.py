"""The site's search as a citizen uses it, in a real browser (Debian's chromium driven by Playwright) on the small
test plan's site: type in the search box, read the result list. The plan's pages come first; the editors' guide is
not in the search at all; snippets are the page's own text."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Page

from schema import Plan
from scripts.site.registry import page_path
from scripts.site.urls import url_of

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def search_page(server: str, browser: Browser) -> Page:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server, wait_until="networkidle")
    return page


def results(page: Page, query: str) -> list[tuple[str, str]]:
    """Type the query into the search box: the (address, title) of each page in the result list, in order (none when
    the search says «Ingen treff»)."""
    page.click("input.md-search__input")
    page.fill("input.md-search__input", "")
    page.keyboard.type(query)
    answered = "/treff/i.test(document.querySelector('.md-search-result__meta').innerText)"
    for _ in range(100):  # polled from here: wait_for_function would evaluate in the page, which the CSP forbids
        if page.evaluate(answered):
            break
        page.wait_for_timeout(100)
    read = "[...document.querySelectorAll('.md-search-result__item')].map(li => [li.querySelector('a').href, li.querySelector('h1, h2').innerText])"
    found: list[list[str]] | None = None
    steady = 0
    for _ in range(50):  # the list is redrawn as the worker answers each keystroke: read it until it has settled
        page.wait_for_timeout(150)
        latest = page.evaluate(read)
        steady = steady + 1 if latest == found else 0
        found = latest
        if steady == 3:
            break
    page.keyboard.press("Escape")
    return [(urlparse(href).path.lstrip("/"), title) for href, title in found or []]


def test_budsjett_finds_the_economy_page_first(search_page: Page) -> None:
    found = results(search_page, "budsjett")
    assert found[0] == (url_of(page_path("economy")), "Økonomi")
    assert len(found) > 1


def test_the_name_of_a_municipality_finds_its_page_first(search_page: Page, plan: Plan) -> None:
    nes = next(a for a in plan.actors if a.kind == "kommune" and a.short_name == "Nes")
    address, title = results(search_page, "nes")[0]
    assert address == url_of(page_path("actor", nes.id))
    assert title.startswith(nes.name)


def test_a_measures_number_finds_the_measure_first(search_page: Page, plan: Plan) -> None:
    for _, _, measure in plan.measures():
        address, title = results(search_page, measure.id)[0]
        assert address == url_of(page_path("measure", measure.id))
        assert title.startswith(measure.id)


def test_the_editors_guide_is_not_in_the_search(search_page: Page) -> None:
    for query in ("budsjett", "status", "tiltak", "feilmelding", "rullering"):
        assert not [address for address, _ in results(search_page, query) if address.startswith("veiledning/")]


def test_the_search_index_holds_no_guide_page_and_reads_tables_as_words(built_site: Path, plan: Plan) -> None:
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert docs and not [d["location"] for d in docs if d["location"].startswith("veiledning/")]
    measures = next(d for d in docs if d["location"] == url_of(page_path("measures")))
    first = next(m for _, _, m in plan.measures())
    assert f"{first.id} {first.title}" in " ".join(measures["text"].split())
