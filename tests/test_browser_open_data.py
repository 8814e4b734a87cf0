"""The open data page in a real browser: its tables of columns fit a phone's screen without scrolling sideways."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from conftest import WIDTHS
from scripts.site.open_data import TABLES

pytestmark = pytest.mark.browser

#: The tables on the page that are wider than the content column, with their width over it in pixels.
WIDE_TABLES = """() => {
  const edge = document.querySelector(".md-content").getBoundingClientRect().right + 1;
  return [...document.querySelectorAll(".md-content table")]
    .map((t) => [t.closest(".md-typeset__table, .scroll-region")?.previousElementSibling?.textContent ?? "",
                 Math.round(t.getBoundingClientRect().right - edge)])
    .filter(([, over]) => over > 0);
}"""


@pytest.mark.parametrize("width", WIDTHS.values())
def test_the_tables_of_columns_fit_the_screen(server: str, browser: Browser, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(server + "apne-data/", wait_until="load")
    headings = page.locator("h3").all_inner_texts()
    assert [f"{t.name}.csv" for t in TABLES] == [h for h in headings if h.endswith(".csv")]
    assert page.evaluate(WIDE_TABLES) == []
    context.close()
