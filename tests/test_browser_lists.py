"""Lists of measures and wide tables in a real browser, on a phone (390 px) and a desktop (1280 px): every row shows
its number, title, lead and status without sideways scrolling, nothing in the content column is wider than the
column except tables that scroll inside a named region with a visible hint, the filters of the measure list live in
the address, and the pages have no axe violation (WCAG 2.1 A/AA and best practice)."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, unquote, urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page

from conftest import WCAG, WIDTHS
from scripts.site.registry import REGISTRY
from scripts.site.urls import url_of

pytestmark = pytest.mark.browser


def address(kind: str, ident: str | None = None) -> str:
    return url_of(REGISTRY.page_path(kind, ident))


#: Every page of the small test plan that lists measures in a table (an indicator page lists those that name it: none
#: here; the timeline lists them in its own way, test_browser_short_pages.py).
MEASURE_LISTS = [
    address("measures"),
    address("focus-area", "1"),
    address("goal", "1.1"),
    address("actor", "nes-kommune"),
]
#: The pages this part of the site changed: the lists, the wide tables, the front page's status overview.
CHANGED = [
    address("home"),
    *MEASURE_LISTS,
    address("timeline"),
    address("roles-matrix"),
    address("economy"),
    address("measure", "1.1.1"),
    address("indicator", "arbeidsplasser"),
]
#: What this part of the site changed: the page, without the theme's header (with the search dialog) and menus, which
#: test_browser.py checks on every page.
PAGE_CONTENT = {"exclude": [[".md-header"], [".md-tabs"], [".md-sidebar"]]}
#: axe's WCAG 2.1 A and AA rules and its best-practice rules.
WCAG_AND_BEST_PRACTICE = {"runOnly": {"type": "tag", "values": [*WCAG["runOnly"]["values"], "best-practice"]}}


@pytest.fixture(params=sorted(WIDTHS.items()), ids=lambda item: item[0])
def context(request: pytest.FixtureRequest, browser: Browser) -> Iterator[BrowserContext]:
    """A browser window at phone and at desktop width."""
    _, width = request.param
    context = browser.new_context(viewport={"width": width, "height": 900})
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Iterator[Page]:
    page = context.new_page()
    yield page
    page.close()


# Each measure row's number, title, lead and status, with where they are on the screen.
ROW_CELLS = """
() => Array.from(document.querySelectorAll(".measure-table tbody tr, .actor-measures tbody tr")).filter((row) => row.offsetParent !== null)
  .map((row) => {
    const box = (selector) => {
      const cell = row.querySelector(selector);
      if (!cell) { return null; }
      const r = cell.getBoundingClientRect();
      return {left: r.left, right: r.right, width: r.width, text: cell.textContent.trim()};
    };
    return {id: box(".measure-table__id"), title: box(".measure-table__title"), lead: box(".measure-table__lead"),
            status: box(".measure-table__status .status-badge")};
  })
"""


@pytest.mark.parametrize("path", MEASURE_LISTS)
def test_every_measure_row_shows_number_title_lead_and_status_inside_the_screen(
    server: str, page: Page, path: str
) -> None:
    page.goto(server + path, wait_until="load")
    width = page.viewport_size["width"] if page.viewport_size else 0
    rows = page.evaluate(ROW_CELLS)
    assert rows, f"/{path} shows no measure"
    outside = [
        f"{row['id']['text']} {name}: {cell['left']:.0f}–{cell['right']:.0f} px"
        for row in rows
        for name, cell in row.items()
        if cell is None or cell["width"] == 0 or cell["left"] < 0 or cell["right"] > width
    ]
    assert outside == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width


# What in the content column (.md-content, between the menus; Material's table boxes reach into the margins of the
# text inside it) is wider than the column, and every box that scrolls sideways with what it lacks: a
# focusable, named region whose hint (aria-describedby) is visible while the table is wider than the box.
OVERFLOW = """
() => {
  const column = document.querySelector(".md-content").getBoundingClientRect();
  const fits = (r) => r.left >= column.left - 1 && r.right <= column.right + 1;
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
    (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\\s+/).join(".") : "");
  const wide = [];
  const boxes = new Set();
  for (const el of document.querySelectorAll(".md-content__inner *")) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || fits(r)) { continue; }
    let clip = el.parentElement;  // the nearest ancestor that fits the column and cuts off what is beyond it
    while (clip && clip !== document.body) {
      const style = getComputedStyle(clip);
      const cuts = style.overflowX !== "visible" || style.clipPath !== "none";
      if (cuts && fits(clip.getBoundingClientRect())) { break; }
      clip = clip.parentElement;
    }
    if (clip && clip !== document.body) {
      if (["auto", "scroll"].includes(getComputedStyle(clip).overflowX)) { boxes.add(clip); }
      continue;
    }
    wide.push(name(el) + ` (${Math.round(r.left)}–${Math.round(r.right)} px)`);
  }
  const lacking = [];
  for (const box of boxes) {
    if (box.scrollWidth <= box.clientWidth + 1) { continue; }
    const hint = document.getElementById(box.getAttribute("aria-describedby") || "");
    const label = box.getAttribute("aria-label") ||
      (document.getElementById(box.getAttribute("aria-labelledby") || "") || {}).textContent;
    if (box.getAttribute("tabindex") !== "0") { lacking.push(name(box) + ": not focusable"); }
    if (box.getAttribute("role") !== "region" || !label) { lacking.push(name(box) + ": not a named region"); }
    if (!hint || !hint.checkVisibility() || !hint.textContent.includes("rull sideveis")) {
      lacking.push(name(box) + ": no visible hint");
    }
  }
  return {wide, lacking, scrolling: boxes.size};
}
"""


@pytest.mark.parametrize("path", CHANGED)
def test_nothing_is_wider_than_the_content_column_except_tables_that_scroll_in_a_region_with_a_hint(
    server: str, page: Page, path: str
) -> None:
    page.goto(server + path, wait_until="load")
    found = page.evaluate(OVERFLOW)
    assert found["wide"] == []
    assert found["lacking"] == []


@pytest.mark.parametrize("path", [address("roles-matrix"), address("economy")])
def test_wide_tables_fit_a_desktop_column_and_show_no_hint_there(server: str, browser: Browser, path: str) -> None:
    context = browser.new_context(viewport={"width": WIDTHS["desktop"], "height": 900})
    page = context.new_page()
    page.goto(server + path, wait_until="load")
    regions = page.locator(".scroll-region")
    assert regions.count() >= 1
    for i in range(regions.count()):
        assert not regions.nth(i).evaluate("(box) => box.scrollWidth > box.clientWidth + 1")
    assert page.locator(".scroll-hint:visible").count() == 0
    context.close()


@pytest.mark.parametrize("path", [address("roles-matrix"), address("economy")])
def test_a_table_wider_than_its_box_shows_the_hint_and_keeps_its_first_column_in_view(
    server: str, browser: Browser, path: str
) -> None:
    context = browser.new_context(viewport={"width": WIDTHS["phone"], "height": 900})
    page = context.new_page()
    page.goto(server + path, wait_until="load")
    region = page.locator(".scroll-region").first
    hint = page.locator("#" + str(region.get_attribute("aria-describedby")))
    # Narrower than any of these tables, though a phone sets them tighter (lists.css, «Totals on a phone»).
    region.evaluate("(box) => { box.style.width = '8rem'; window.dispatchEvent(new Event('resize')); }")
    page.wait_for_timeout(100)
    assert region.evaluate("(box) => box.scrollWidth > box.clientWidth + 1")
    assert hint.is_visible()
    assert "rull sideveis" in hint.inner_text()
    first = region.locator("tbody tr:first-child > :first-child")
    second = region.locator("tbody tr:first-child > :nth-child(2)")
    before, other = first.bounding_box(), second.bounding_box()
    region.evaluate("(box) => { box.scrollLeft = box.scrollWidth; }")
    after, moved = first.bounding_box(), second.bounding_box()
    assert before and after and other and moved
    assert after["x"] == before["x"]  # the first column stays
    assert moved["x"] < other["x"]  # the rest scrolls
    context.close()


# -- the filters of the measure list -------------------------------------------------------------------------


def shown(page: Page) -> list[str]:
    return [str(cell) for cell in page.locator("#tiltakstabell tbody tr:visible td:first-child").all_inner_texts()]


def query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def count_text(page: Page) -> str:
    page.wait_for_timeout(600)  # the count of a typed search is announced once typing pauses
    return str(page.locator(".measure-count").inner_text())


def test_the_filters_are_read_from_the_address_and_written_back_to_it(server: str, page: Page) -> None:
    page.goto(server + "tiltak/?status=planlagt", wait_until="load")
    assert page.locator("#filter-status").input_value() == "planlagt"
    assert shown(page) == ["1.1.2"]
    assert count_text(page) == "Viser 1 av 2 tiltak."
    assert page.locator(".measure-count").get_attribute("aria-live") == "polite"

    page.select_option("#filter-status", "pågår")
    assert query(page) == {"status": ["pågår"]}
    assert shown(page) == ["1.1.1"]

    page.select_option("#filter-kommune", "hurdal-kommune")
    assert query(page) == {"status": ["pågår"], "kommune": ["hurdal-kommune"]}
    assert shown(page) == ["1.1.1"]  # a measure for all municipalities concerns Hurdal too

    page.select_option("#filter-status", "")
    page.select_option("#filter-kommune", "")
    assert urlparse(page.url).query == ""
    assert shown(page) == ["1.1.1", "1.1.2"]


def test_a_shared_address_restores_every_filter_and_ignores_what_it_does_not_know(server: str, page: Page) -> None:
    page.goto(server + "tiltak/?sok=reiseliv&ar=2024&kommune=hurdal-kommune&status=finnes-ikke&x=1", wait_until="load")
    assert page.locator("#filter-sok").input_value() == "reiseliv"
    assert page.locator("#filter-ar").input_value() == "2024"
    assert page.locator("#filter-kommune").input_value() == "hurdal-kommune"
    assert page.locator("#filter-status").input_value() == ""
    assert shown(page) == ["1.1.2"]


def test_a_tag_link_from_a_measure_page_opens_the_list_filtered_by_that_tag(server: str, page: Page) -> None:
    page.goto(server + "tiltak/1-1-2/", wait_until="load")
    page.get_by_role("link", name="reiseliv", exact=True).click()
    page.wait_for_url("**/tiltak/?tagg=reiseliv")
    assert page.locator("#filter-tagg").input_value() == "reiseliv"
    assert shown(page) == ["1.1.2"]
    page.select_option("#filter-tagg", "nettverk")
    assert query(page) == {"tagg": ["nettverk"]}
    assert shown(page) == ["1.1.1", "1.1.2"]


def test_the_text_filter_finds_measures_by_number_or_by_words_of_the_title(server: str, page: Page) -> None:
    page.goto(server + "tiltak/", wait_until="load")
    page.fill("#filter-sok", "1.1.2")
    assert shown(page) == ["1.1.2"]
    assert query(page) == {"sok": ["1.1.2"]}
    page.fill("#filter-sok", "NETTVERK logistikk")
    assert shown(page) == ["1.1.1"]
    assert count_text(page) == "Viser 1 av 2 tiltak."
    page.fill("#filter-sok", "nettverk")
    assert shown(page) == ["1.1.1", "1.1.2"]


def test_when_nothing_matches_the_list_says_so_and_vis_alle_brings_every_measure_back(server: str, page: Page) -> None:
    page.goto(server + "tiltak/?status=planlagt&kommune=nes-kommune", wait_until="load")
    assert shown(page) == []
    assert not page.locator("#tiltakstabell").is_visible()  # no bare header row
    empty = page.locator(".measure-empty")
    assert empty.is_visible()
    assert "Ingen tiltak passer" in empty.inner_text()
    assert count_text(page) == "Viser 0 av 2 tiltak."

    empty.get_by_role("button", name="Vis alle").click()
    assert shown(page) == ["1.1.1", "1.1.2"]
    assert not empty.is_visible()
    assert urlparse(page.url).query == ""
    assert page.locator("#filter-status").input_value() == ""
    assert page.evaluate("document.activeElement.id") == "filter-sok"


def test_a_status_on_the_front_page_opens_the_list_filtered_by_it(server: str, page: Page) -> None:
    page.goto(server, wait_until="load")
    page.locator(".status-overview__counts a", has_text="Planlagt").click()
    page.wait_for_url("**/tiltak/?status=*")
    assert unquote(urlparse(page.url).query) == "status=planlagt"
    page.wait_for_selector("#filter-status")
    assert page.locator("#filter-status").input_value() == "planlagt"
    assert shown(page) == ["1.1.2"]


# What the theme's instant navigation does (navigation.instant): fetch the next page, put its content in place of
# the current one, change the address, and announce the new page on its `document$` observable.
INSTANT_NAVIGATION = """
async (next) => {
  const html = await (await fetch(next)).text();
  const fresh = new DOMParser().parseFromString(html, "text/html");
  document.querySelector("article").replaceWith(document.adoptNode(fresh.querySelector("article")));
  history.pushState({}, "", next);
  window.document$.next(document);
}
"""


def test_the_filters_start_again_when_the_themes_instant_navigation_replaces_the_page(server: str, page: Page) -> None:
    page.goto(server + "tiltak/", wait_until="load")
    page.evaluate(INSTANT_NAVIGATION, server + "tiltak/?status=planlagt")
    assert page.locator("#filter-status").count() == 1
    assert page.locator("#filter-status").input_value() == "planlagt"
    assert shown(page) == ["1.1.2"]
    page.select_option("#filter-status", "pågår")
    assert query(page) == {"status": ["pågår"]}
    assert shown(page) == ["1.1.1"]


def test_without_javascript_the_lists_are_complete_and_fit_a_phone(server: str, browser: Browser) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": WIDTHS["phone"], "height": 900})
    page = context.new_page()
    page.goto(server + "tiltak/?status=planlagt", wait_until="load")
    assert shown(page) == ["1.1.1", "1.1.2"]
    assert page.locator(".md-content select:visible, .md-content input[type=search]:visible").count() == 0
    rows = page.evaluate(ROW_CELLS)
    assert all(row["status"]["right"] <= WIDTHS["phone"] for row in rows)
    page.goto(server + address("roles-matrix"), wait_until="load")
    assert page.locator(".scroll-hint").first.is_visible()
    context.close()


# -- status badges ---------------------------------------------------------------------------------------------


def test_every_status_badge_has_a_symbol_a_name_and_colours_with_4_5_to_1_contrast(server: str, page: Page) -> None:
    page.goto(server + "tiltak/", wait_until="load")
    badges = page.evaluate(
        """() => Array.from(document.querySelectorAll(".status-badge")).map((b) => {
          const s = getComputedStyle(b);
          return {text: b.textContent, symbol: b.querySelector("[aria-hidden=true]").textContent,
                  colour: s.color, background: s.backgroundColor};
        })"""
    )
    assert {b["text"] for b in badges} == {"◐Pågår", "○Planlagt"}
    for badge in badges:
        assert badge["symbol"] in "◐○"
        assert contrast(badge["colour"], badge["background"]) >= 4.5


def contrast(a: str, b: str) -> float:
    """WCAG contrast of two CSS «rgb(r, g, b)» colours."""

    def luminance(colour: str) -> float:
        channels = [int(c) / 255 for c in colour[colour.index("(") + 1 : colour.index(")")].split(",")[:3]]
        r, g, bl = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * bl

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# -- accessibility -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [*CHANGED, "tiltak/?status=planlagt&kommune=nes-kommune"])
def test_the_content_of_the_changed_pages_has_no_axe_violation_of_wcag_2_1_or_best_practice(
    server: str, page: Page, path: str
) -> None:
    page.goto(server + path, wait_until="load")
    results = Axe().run(page, context=PAGE_CONTENT, options=WCAG_AND_BEST_PRACTICE)
    assert results.violations_count == 0, results.generate_report()
