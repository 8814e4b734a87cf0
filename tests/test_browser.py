"""The site of the small test plan in a real browser (Debian's chromium driven by Playwright): accessible at desktop
and phone width (one page of each kind here, every other page in the slow set), no request to another host, and a
measures table that filters with JavaScript and is whole without it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from conftest import VALID_PLAN, WCAG, WIDTHS, run_plan, serving
from schema import Plan
from scripts.site.registry import REGISTRY
from scripts.site.urls import url_of

pytestmark = pytest.mark.browser


def site_pages(site: Path) -> list[str]:
    """The address of every page of a built site, relative to its root ("" for the home page)."""
    folders = (str(p.parent.relative_to(site)) for p in site.rglob("index.html"))
    return sorted("" if folder == "." else folder + "/" for folder in folders)


def kind_pages(plan: Plan) -> dict[str, str]:
    """The address of the first page of each kind in the page registry (hand-written pages included); a kind the
    plan has no item for (the changes between adopted editions, in a plan without commits) has no page."""
    first: dict[str, str] = {}
    for spec in REGISTRY.specs:
        path = spec.path if spec.items is None else next((spec.page_path(i.ident) for i in spec.items(plan)), None)
        if path is not None:
            first[spec.kind] = url_of(path)
    return first


#: Elements in the content column (the theme lets tables and code blocks use its padding) that stand out past its
#: right edge, except inside a region that scrolls on its own and can be reached with the keyboard.
OVERFLOW = """() => {
  const column = document.querySelector(".md-content");
  if (!column) { return []; }
  const edge = column.getBoundingClientRect().right + 1;
  const scrolls = (el) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX) && el.tabIndex >= 0;
  const inRegion = (el) => { for (let a = el.parentElement; a && a !== column; a = a.parentElement) {
    if (scrolls(a)) { return true; } } return false; };
  const wide = [];
  for (const el of column.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.width > 0 && box.right > edge && !inRegion(el) && !el.closest("svg *")) {
      wide.push(`${el.tagName.toLowerCase()}.${el.className} (${Math.round(box.right - edge)} px)`);
    }
  }
  return wide.slice(0, 5);
}"""

#: axe-core: the WCAG 2.1 A and AA rules and the best-practice rules.
AXE_RULES = {"runOnly": {"type": "tag", "values": [*WCAG["runOnly"]["values"], "best-practice"]}}


def page_failures(browser: Browser, server: str, pages: list[str], *, preload: bool = True) -> list[str]:
    """On each page (its address is `server` + path: a web server or a file:// folder), at desktop and at phone
    width: axe-core's violations, errors in the console, and content wider than the column. Without `preload`
    axe-core does not read the stylesheets again, a request that file:// refuses (an error of the test's own)."""
    return [
        failure
        for name, width in WIDTHS.items()
        for failure in failures_at(browser, server, pages, name, width, preload)
    ]


def failures_at(browser: Browser, server: str, pages: list[str], name: str, width: int, preload: bool) -> list[str]:
    axe, rules = Axe(), AXE_RULES if preload else {**AXE_RULES, "preload": False}
    failures = []
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    for path in pages:
        errors.clear()
        page.goto(server + path, wait_until="load")
        results = axe.run(page, options=rules)
        if results.violations_count:
            failures.append(f"/{path} ({name}):\n{results.generate_report()}")
        if errors:
            failures.append(f"/{path} ({name}): feil i konsollen: {errors}")
        if wide := page.evaluate(OVERFLOW):
            failures.append(f"/{path} ({name}): bredere enn spalten: {wide}")
    context.close()
    return failures


def test_one_page_of_each_kind_is_accessible_error_free_and_fits_its_column_at_desktop_and_phone_width(
    built_site: Path, server: str, browser: Browser, valid_plan: Plan
) -> None:
    pages = kind_pages(valid_plan)
    # The test plan has no adopted edition with a commit; test_editions.py checks that page in the browser.
    assert set(pages) == {spec.kind for spec in REGISTRY.specs} - {"edition-changes"}
    assert set(pages.values()) <= set(site_pages(built_site))
    assert page_failures(browser, server, sorted(set(pages.values()))) == []


@pytest.mark.slow
def test_every_other_page_is_accessible_error_free_and_fits_its_column_at_desktop_and_phone_width(
    built_site: Path, server: str, browser: Browser, valid_plan: Plan
) -> None:
    others = sorted(set(site_pages(built_site)) - set(kind_pages(valid_plan).values()))
    assert others
    assert page_failures(browser, server, others) == []


# Records every Content-Security-Policy violation from the first moment of each page.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
    (e) => window.__violations.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + e.sourceFile));
"""


def test_every_page_loads_only_from_its_own_host_sets_no_cookie_and_keeps_its_security_policy(
    built_site: Path, server: str, browser: Browser
) -> None:
    host = urlparse(server).netloc
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    requests: list[str] = []
    violations: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: violations.append(message.text) if "Content Security" in message.text else None)
    pages = site_pages(built_site)
    for path in pages:
        page.goto(server + path, wait_until="load")
        violations += page.evaluate("window.__violations")
    page.goto(server, wait_until="networkidle")
    page.click("input.md-search__input")  # the search runs in a worker and fetches its index
    page.wait_for_load_state("networkidle")
    page.keyboard.type("nettverk")
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("Escape")
    page.locator("a.md-tabs__link[href$='/okonomi/']").click()  # instant navigation fetches the next page
    page.wait_for_url("**/okonomi/")
    violations += page.evaluate("window.__violations")
    elsewhere = [url for url in requests if urlparse(url).netloc != host and not url.startswith("data:")]
    assert len(pages) > 20
    assert elsewhere == []
    assert context.cookies() == []
    assert violations == []
    context.close()


def test_the_search_index_is_loaded_only_when_a_reader_starts_to_search(server: str, browser: Browser) -> None:
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(urlparse(request.url).path))
    page.goto(server + "tiltak/1-1-1/", wait_until="networkidle")
    page.wait_for_timeout(500)
    assert not any(path.endswith("search_index.json") for path in requests)
    page.keyboard.press("/")  # Material's shortcut opens the search
    page.keyboard.type("nettverk")
    page.wait_for_selector(".md-search-result__item")
    assert sum(path.endswith("search_index.json") for path in requests) == 1
    context.close()


def visible_rows(page: Page) -> int:
    return int(page.locator("#tiltakstabell tbody tr:visible").count())


def test_the_measures_table_filters_with_javascript(server: str, browser: Browser) -> None:
    page = browser.new_page()
    page.goto(server + "tiltak/", wait_until="load")
    total = page.locator("#tiltakstabell tbody tr").count()
    assert visible_rows(page) == total
    assert page.locator(".measure-count").inner_text() == f"Viser {total} av {total} tiltak."

    page.select_option("#filter-status", "Planlagt")
    planned = page.locator("#tiltakstabell tbody tr[data-status='planlagt']").count()
    assert 0 < planned < total
    assert visible_rows(page) == planned

    page.select_option("#filter-kommune", "Nes")  # Nes takes part in a measure, but not in a planned one
    assert page.locator("#tiltakstabell tbody tr[data-municipalities~='nes-kommune']").count() > 0
    assert visible_rows(page) == 0
    assert page.locator(".measure-count").inner_text() == f"Viser 0 av {total} tiltak."

    page.click("text=Vis alle")
    page.wait_for_timeout(100)
    assert visible_rows(page) == total
    page.close()


def test_the_year_filter_keeps_the_measures_that_run_that_year(server: str, browser: Browser) -> None:
    page = browser.new_page()
    page.goto(server + "tiltak/", wait_until="load")
    total = page.locator("#tiltakstabell tbody tr").count()
    page.select_option("#filter-ar", "2022")
    rows = page.locator("#tiltakstabell tbody tr:visible")
    assert 0 < rows.count() < total
    for i in range(rows.count()):
        row = rows.nth(i)
        assert int(row.get_attribute("data-start") or 0) <= 2022 <= int(row.get_attribute("data-end") or 0)
    page.close()


def test_without_javascript_the_measures_table_is_complete_and_shows_no_dead_controls(
    built_site: Path, server: str, browser: Browser
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "tiltak/", wait_until="load")
    total = (built_site / "tiltak" / "index.html").read_text(encoding="utf-8").count("<tr data-focus-area=")
    assert visible_rows(page) == total
    assert page.locator("select:visible").count() == 0, "the filters are in the page, hidden until the script runs"
    assert not page.locator(".measure-filter").is_visible()
    context.close()


@pytest.mark.slow
def test_a_very_long_word_or_address_in_the_plan_does_not_widen_any_page_on_a_phone(
    tmp_path: Path, browser: Browser
) -> None:
    shutil.copytree(VALID_PLAN, tmp_path / "plan")
    actors = tmp_path / "plan" / "actors.yaml"
    word = "Næringsutviklings" + "samarbeids" * 40
    actors.write_text(re.sub(r"(\n    name: )[^\n]+", rf"\g<1>{word}", actors.read_text(encoding="utf-8"), count=1))
    area = next((tmp_path / "plan" / "satsingsomrader").glob("*.yaml"))
    address = "https://example.org/" + "a" * 400
    area.write_text(
        area.read_text(encoding="utf-8").replace("description: Et nettverk.", f"description: Se {address}.")
    )
    assert run_plan("build", cwd=tmp_path).code == 0
    site = tmp_path / "site"
    context = browser.new_context(viewport={"width": 390, "height": 900})
    page = context.new_page()
    wide = []
    with serving(site) as url:
        for path in site_pages(site):
            page.goto(url + path, wait_until="load")
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 390:
                wide.append(f"{path}: {width} px")
    context.close()
    assert wide == []
