"""The money on a phone (issue 23, part 2), in a real browser on the small test plan's site.

At 390 px every «Planlagt» and «Sum» cell of a measure's budget tables, of the three budget tables on «Økonomi» and of
the roles matrix is inside the screen, not covered by anything, without sideways scrolling: the budget tables (and a
measure's roles table) fit the screen whole, and the roles matrix, which scrolls sideways, keeps its «Sum» column at
the right edge. The tables stay tables at both widths: Chromium's accessibility tree (what a screen reader is given)
has a table, its column headers and its cells, each read as it is written («kr» too, where the screen hides it). At
1280 px the tables fit their column with every «kr» shown, nothing to scroll and no hint; and the pages pass axe-core
(WCAG 2.1 A/AA and best practice) at both widths.

The small test plan's roles matrix fits a phone; the shipped plan's (seven columns) does not, so every page with totals
is checked on the shipped plan's site too, where the matrix scrolls sideways and keeps its «Sum» column in view."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from conftest import ROOT, WCAG, WIDTHS
from schema import Plan
from scripts.site.registry import page_path
from scripts.site.urls import url_of
from scripts.validate.validator import validate_folder

pytestmark = pytest.mark.browser

TOTALS = ("Planlagt", "Sum")
PHONE = WIDTHS["phone"]


def budget_pages(plan: Plan) -> list[str]:
    """The pages whose tables must fit a phone whole: the measures with a budget and «Økonomi»."""
    measures = [url_of(page_path("measure", m.id)) for _, _, m in plan.measures() if m.budget]
    return [*measures, url_of(page_path("economy"))]


@pytest.fixture(scope="module")
def paths(valid_plan: Plan) -> list[str]:
    """Every page with a table of totals: the budget pages and the roles matrix."""
    found = budget_pages(valid_plan)
    assert len(found) >= 2  # at least one measure with a budget in the test plan
    return [*found, url_of(page_path("roles-matrix"))]


@pytest.fixture(params=sorted(WIDTHS.items()), ids=lambda item: item[0])
def page(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    _, width = request.param
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": PHONE, "height": 900})
    page = context.new_page()
    yield page
    context.close()


# Each cell of each table in the content, with its column's header and its row's first cell; the page is scrolled
# (downwards only) to bring the cell to the middle of the screen, and `seen` says whether the element at the middle
# of the cell's box is the cell or inside it (not a sticky column or anything else over it).
CELLS = """
() => Array.from(document.querySelectorAll(".md-content table")).flatMap((table, t) => {
  const headers = Array.from(table.querySelectorAll("thead th")).map((th) => th.textContent.replace(/\\u00ad/g, "").trim());
  return Array.from(table.querySelectorAll("tbody tr, tfoot tr")).flatMap((row) =>
    Array.from(row.children).map((cell, i) => {
      window.scrollTo(0, window.scrollY + cell.getBoundingClientRect().top - window.innerHeight / 2);
      const r = cell.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return {table: t, header: headers[i] || "", row: row.children[0].textContent.trim(),
              text: cell.textContent.trim(), left: r.left, right: r.right, width: r.width,
              seen: hit !== null && cell.contains(hit), scrollX: window.scrollX};
    }));
})
"""


def not_on_screen(cells: list[dict[str, object]], width: int) -> list[str]:
    """The cells (with text) that are not wholly and visibly inside a screen `width` wide, described."""
    return [
        f"{c['header']} of «{c['row']}»: {float(str(c['left'])):.0f}–{float(str(c['right'])):.0f} px, seen: {c['seen']}"
        for c in cells
        if c["text"]
        and (
            c["width"] == 0
            or float(str(c["left"])) < 0
            or float(str(c["right"])) > width
            or not c["seen"]
            or c["scrollX"] != 0
        )
    ]


def test_at_phone_width_every_planlagt_and_sum_cell_is_on_the_screen_without_scrolling_sideways(
    phone: Page, server: str, paths: list[str]
) -> None:
    for path in paths:
        phone.goto(server + path, wait_until="load")
        totals = [c for c in phone.evaluate(CELLS) if c["header"] in TOTALS]
        assert {c["header"] for c in totals} >= {"Sum"}, f"/{path} has no «Sum» column"
        assert not_on_screen(totals, PHONE) == [], f"/{path}"
        assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE, f"/{path}"


def test_at_phone_width_the_budget_tables_and_a_measures_roles_fit_the_screen_whole(
    phone: Page, server: str, valid_plan: Plan
) -> None:
    for path in budget_pages(valid_plan):
        phone.goto(server + path, wait_until="load")
        cells = phone.evaluate(CELLS)
        assert {"Planlagt", "Sum"} <= {c["header"] for c in cells}, f"/{path}"
        assert not_on_screen(cells, PHONE) == [], f"/{path}"
        regions = phone.locator(".md-content .scroll-region, .md-content .md-typeset__scrollwrap")
        assert regions.count() >= 2, f"/{path}"
        for i in range(regions.count()):  # nothing to scroll sideways, so no hint either
            assert regions.nth(i).evaluate("(box) => box.scrollWidth <= box.clientWidth + 1"), f"/{path}"
        assert phone.locator(".md-content .scroll-hint:visible").count() == 0, f"/{path}"


@pytest.fixture(scope="module")
def shipped_plan() -> Plan:
    loaded, problems = validate_folder(ROOT / "plan")
    assert problems == []
    assert loaded is not None
    return loaded


@pytest.mark.slow
def test_on_the_shipped_plan_at_phone_width_every_planlagt_and_sum_cell_is_on_the_screen(
    phone: Page, shipped_server: str, shipped_plan: Plan
) -> None:
    test_at_phone_width_every_planlagt_and_sum_cell_is_on_the_screen_without_scrolling_sideways(
        phone, shipped_server, [*budget_pages(shipped_plan), url_of(page_path("roles-matrix"))]
    )
    test_at_phone_width_the_budget_tables_and_a_measures_roles_fit_the_screen_whole(phone, shipped_server, shipped_plan)


@pytest.mark.slow
def test_on_the_shipped_plan_at_phone_width_the_roles_matrix_scrolls_sideways_and_keeps_its_sum_column_in_view(
    phone: Page, shipped_server: str
) -> None:
    phone.goto(shipped_server + url_of(page_path("roles-matrix")), wait_until="load")
    region = phone.locator(".md-content .scroll-region")
    assert region.evaluate("(box) => box.scrollWidth > box.clientWidth")  # the focus areas scroll …
    assert phone.locator(".md-content .scroll-hint:visible").count() == 1
    region.evaluate("(box) => { box.scrollLeft = box.scrollWidth; }")
    sums = [c for c in phone.evaluate(CELLS) if c["header"] == "Sum"]
    assert sums and not_on_screen(sums, PHONE) == []  # … and the Sum column stays, at either end


# The table roles of Chromium's accessibility tree, with the names of its cells.
def accessibility_tables(page: Page) -> dict[str, list[str]]:
    session = page.context.new_cdp_session(page)
    nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    session.detach()
    found: dict[str, list[str]] = {"table": [], "columnheader": [], "cell": []}
    for node in nodes:
        role = str(node.get("role", {}).get("value", ""))
        if not node.get("ignored") and role in found:
            found[role].append(" ".join(str(node.get("name", {}).get("value", "")).split()))
    return found


CONTENT_CELLS = """
() => Array.from(document.querySelectorAll(".md-content table td"))
  .map((td) => td.textContent.replace(/\\u00ad/g, "").split(/\\s+/).join(" ").trim())
"""


def test_at_both_widths_the_tables_are_tables_for_a_screen_reader_that_reads_each_cell_as_written(
    page: Page, server: str, paths: list[str]
) -> None:
    for path in paths:
        page.goto(server + path, wait_until="load")
        tree = accessibility_tables(page)
        assert len(tree["table"]) == page.locator(".md-content table").count(), f"/{path}"
        assert len(tree["columnheader"]) == page.locator(".md-content thead th").count(), f"/{path}"
        cells = Counter(text for text in page.evaluate(CONTENT_CELLS) if text)
        assert Counter(name for name in tree["cell"] if name in cells) == cells, f"/{path}"
        if path != url_of(page_path("roles-matrix")):  # the amounts are read with their «kr»
            assert any(text.endswith(" kr") for text in cells), f"/{path}"


def test_at_desktop_width_the_tables_fit_their_column_with_every_kr_shown(
    browser: Browser, server: str, paths: list[str]
) -> None:
    context = browser.new_context(viewport={"width": WIDTHS["desktop"], "height": 900})
    page = context.new_page()
    for path in paths:
        page.goto(server + path, wait_until="load")
        units = page.locator(".md-content .unit")
        widths = units.evaluate_all("(spans) => spans.map((s) => s.getBoundingClientRect().width)")
        assert all(width > 5 for width in widths), f"/{path}"
        regions = page.locator(".md-content .scroll-region, .md-content .md-typeset__scrollwrap")
        for i in range(regions.count()):
            assert regions.nth(i).evaluate("(box) => box.scrollWidth <= box.clientWidth + 1"), f"/{path}"
        assert page.locator(".md-content .scroll-hint:visible").count() == 0, f"/{path}"
    context.close()


#: axe-core's WCAG 2.1 A and AA rules and its best-practice rules.
RULES = {"runOnly": {"type": "tag", "values": [*WCAG["runOnly"]["values"], "best-practice"]}}


def test_the_pages_with_totals_have_no_axe_violation(page: Page, server: str, paths: list[str]) -> None:
    for path in paths:
        page.goto(server + path, wait_until="load")
        results = Axe().run(page, options=RULES)
        assert results.violations_count == 0, f"/{path}\n" + results.generate_report()
