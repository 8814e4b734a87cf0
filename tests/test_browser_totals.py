"""The money on a phone (issue 23, part 2), in a real browser on the small test plan's site: at 390 px every
«Planlagt» and «Sum» cell of a measure's budget tables, of the three tables on «Økonomi» and of the roles matrix is
inside the screen without sideways scrolling (each row is a card there), and so is every cell of a measure's roles
table; the cards are still a table for a screen reader (Chromium's accessibility tree); at 1280 px the same tables
are tables with their header row; and the pages pass axe-core (WCAG 2.1 A/AA and best practice) at both widths."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from conftest import WCAG, WIDTHS
from schema import Plan
from scripts.site.registry import page_path
from scripts.site.urls import url_of

pytestmark = pytest.mark.browser

TOTALS = ("Planlagt", "Sum")


def pages_with_totals(plan: Plan) -> list[str]:
    """Every page with a table of totals: the measures with a budget, «Økonomi» and the roles matrix."""
    measures = [url_of(page_path("measure", m.id)) for _, _, m in plan.measures() if m.budget]
    return [*measures, url_of(page_path("economy")), url_of(page_path("roles-matrix"))]


@pytest.fixture(scope="module")
def paths(valid_plan: Plan) -> list[str]:
    found = pages_with_totals(valid_plan)
    assert len(found) >= 3  # at least one measure with a budget in the test plan
    return found


@pytest.fixture(params=sorted(WIDTHS.items()), ids=lambda item: item[0])
def page(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    _, width = request.param
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    yield page
    context.close()


# Each cell of each table in the content, with its column's header, its row's first cell and its box on the screen.
CELLS = """
() => Array.from(document.querySelectorAll(".md-content table")).flatMap((table, t) => {
  const headers = Array.from(table.querySelectorAll("thead th")).map((th) => th.textContent.trim());
  return Array.from(table.querySelectorAll("tbody tr, tfoot tr")).flatMap((row) =>
    Array.from(row.children).map((cell, i) => {
      const r = cell.getBoundingClientRect();
      return {table: t, header: headers[i] || "", row: row.children[0].textContent.trim(),
              text: cell.textContent.trim(), left: r.left, right: r.right, width: r.width};
    }));
})
"""


def outside(cells: list[dict[str, object]], width: int) -> list[str]:
    return [
        f"{c['header']} of «{c['row']}»: {c['left']:.0f}–{c['right']:.0f} px"
        for c in cells
        if c["text"] and (c["width"] == 0 or float(str(c["left"])) < 0 or float(str(c["right"])) > width)
    ]


def test_at_phone_width_every_planlagt_and_sum_cell_is_inside_the_screen(
    browser: Browser, server: str, paths: list[str]
) -> None:
    context = browser.new_context(viewport={"width": WIDTHS["phone"], "height": 900})
    page = context.new_page()
    for path in paths:
        page.goto(server + path, wait_until="load")
        totals = [c for c in page.evaluate(CELLS) if c["header"] in TOTALS]
        assert totals, f"/{path} has no «Planlagt» or «Sum» column"
        assert outside(totals, WIDTHS["phone"]) == [], f"/{path}"
        assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS["phone"]
        regions = page.locator(".md-content .scroll-region, .md-content .md-typeset__scrollwrap")
        for i in range(regions.count()):  # nothing to scroll sideways, so no hint either
            assert regions.nth(i).evaluate("(box) => box.scrollWidth <= box.clientWidth + 1"), f"/{path}"
        assert page.locator(".md-content .scroll-hint:visible").count() == 0, f"/{path}"
    context.close()


def test_at_phone_width_every_cell_of_a_measures_roles_and_budget_tables_is_inside_the_screen(
    browser: Browser, server: str, valid_plan: Plan
) -> None:
    context = browser.new_context(viewport={"width": WIDTHS["phone"], "height": 900})
    page = context.new_page()
    for _, _, measure in valid_plan.measures():
        page.goto(server + url_of(page_path("measure", measure.id)), wait_until="load")
        cells = page.evaluate(CELLS)
        assert any(c["header"] == "Rolle" for c in cells)
        assert outside(cells, WIDTHS["phone"]) == [], measure.id
    context.close()


# The roles of Chromium's accessibility tree (what a screen reader is given), counted.
def accessibility_roles(page: Page) -> dict[str, int]:
    session = page.context.new_cdp_session(page)
    nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    session.detach()
    counts: dict[str, int] = {}
    for node in nodes:
        if not node.get("ignored"):
            role = str(node.get("role", {}).get("value", ""))
            counts[role] = counts.get(role, 0) + 1
    return counts


def test_at_both_widths_the_tables_are_tables_for_a_screen_reader(page: Page, server: str, paths: list[str]) -> None:
    for path in paths:
        page.goto(server + path, wait_until="load")
        tables = page.locator(".md-content table").count()
        headers = page.locator(".md-content thead th").count()
        cells = page.locator(".md-content tbody td, .md-content tfoot td").count()
        roles = accessibility_roles(page)
        assert roles.get("table", 0) == tables, f"/{path}"
        assert roles.get("columnheader", 0) == headers, f"/{path}"
        assert roles.get("cell", 0) + roles.get("gridcell", 0) >= cells, f"/{path}"


# Each table's header row: how it is displayed and where its cells are.
HEADER_ROWS = """
() => Array.from(document.querySelectorAll(".md-content table")).map((table) => {
  const row = table.querySelector("thead tr");
  const boxes = Array.from(row.children).map((th) => th.getBoundingClientRect());
  return {display: getComputedStyle(row).display, rowDisplay: getComputedStyle(table.querySelector("tbody tr")).display,
          tops: boxes.map((b) => Math.round(b.top)), visible: boxes.every((b) => b.width > 1 && b.height > 1)};
})
"""


def test_at_desktop_width_the_tables_are_tables_with_their_header_row_visible(
    browser: Browser, server: str, paths: list[str]
) -> None:
    context = browser.new_context(viewport={"width": WIDTHS["desktop"], "height": 900})
    page = context.new_page()
    for path in paths:
        page.goto(server + path, wait_until="load")
        rows = page.evaluate(HEADER_ROWS)
        assert rows, f"/{path}"
        for row in rows:
            assert row["display"] == row["rowDisplay"] == "table-row", f"/{path}"
            assert row["visible"], f"/{path}"
            assert len(set(row["tops"])) == 1, f"/{path}: the header cells are not side by side"
    context.close()


#: axe-core's WCAG 2.1 A and AA rules and its best-practice rules.
RULES = {"runOnly": {"type": "tag", "values": [*WCAG["runOnly"]["values"], "best-practice"]}}


def test_the_pages_with_totals_have_no_axe_violation(page: Page, server: str, paths: list[str]) -> None:
    for path in paths:
        page.goto(server + path, wait_until="load")
        results = Axe().run(page, options=RULES)
        assert results.violations_count == 0, f"/{path}\n" + results.generate_report()
