"""Bugs from issue 12 in a real browser (Debian's chromium driven by Playwright), on the small test plan's site: the
timeline's links (no error from the theme's instant navigation),
the theme's controls without a name (the search dialog, the table of contents' checkbox, section menus), and words
that broke in the middle («Nes Næringsforeni|ng»)."""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from conftest import WCAG, WIDTHS
from schema import Plan
from scripts.site.registry import page_path
from scripts.site.urls import url_of

pytestmark = pytest.mark.browser

#: axe-core's WCAG 2.1 A and AA rules and its best practices.
WCAG_AND_BEST_PRACTICE = {"runOnly": {"type": "tag", "values": [*WCAG["runOnly"]["values"], "best-practice"]}}


def errors_of(page: Page) -> list[str]:
    """A list that fills with the page's uncaught exceptions and console errors."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    return errors


@pytest.mark.parametrize("width", WIDTHS.values())
def test_the_timeline_loads_without_errors_and_a_link_leads_to_its_measure(
    server: str, browser: Browser, plan: Plan, width: int
) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})
    errors = errors_of(page)
    page.goto(server + url_of(page_path("timeline")), wait_until="networkidle")
    page.locator(".timeline__name").first.click()
    first = next(m for _, _, m in plan.measures())
    page.wait_for_url("**/" + url_of(page_path("measure", first.id)))
    assert page.locator("h1").first.inner_text().startswith(first.id)
    assert errors == []
    page.close()


def test_the_timeline_is_reached_by_the_themes_instant_navigation_without_errors(server: str, browser: Browser) -> None:
    """Material's instant navigation makes every link of the next page absolute, which failed on the links of the
    SVG chart the timeline once was."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors = errors_of(page)
    page.goto(server, wait_until="networkidle")
    timeline = url_of(page_path("timeline"))
    page.evaluate(
        f"document.querySelector('.md-content').insertAdjacentHTML('beforeend', '<a id=t href=\"{timeline}\">t</a>')"
    )
    page.click("#t")
    page.wait_for_url("**/" + timeline)
    page.wait_for_selector(".timeline")
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1  # no full page load: instant
    assert errors == []
    page.close()


#: Pages the bugs were seen on: the search dialog on every page, #__toc on pages without headings.
THEME_PAGES = ["", "personvern/", "aktorer/rollematrise/", "tidslinje/", "historikk/", "okonomi/"]


def test_the_themes_controls_have_names_and_pass_axe_with_best_practices(server: str, browser: Browser) -> None:
    axe = Axe()
    failures = []
    for name, width in WIDTHS.items():
        page = browser.new_page(viewport={"width": width, "height": 900})
        for path in THEME_PAGES:
            page.goto(server + path, wait_until="load")
            assert page.get_attribute(".md-search", "aria-label") == "Søk på nettstedet"
            unlabelled = page.evaluate(
                "[...document.querySelectorAll('input')].filter(i => !i.labels.length && !i.ariaLabel).map(i => i.id)"
            )
            assert unlabelled == [], path
            results = axe.run(page, options=WCAG_AND_BEST_PRACTICE)
            if results.violations_count:
                failures.append(f"/{path} ({name}):\n{results.generate_report()}")
        page.close()
    assert failures == []


# Each word (letters and digits) of the content that the browser broke over two lines although it fits on one.
BROKEN_WORDS = """() => {
  const broken = [];
  const column = document.querySelector(".md-content") || document.querySelector("main");  // main: an embed
  const walker = document.createTreeWalker(column, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (node.parentElement.closest("svg, script, style, pre")) continue;  // code wraps anywhere (the embed snippet)
    for (const word of node.data.matchAll(/[\\p{L}\\p{N}]{2,}/gu)) {
      const range = document.createRange();
      range.setStart(node, word.index);
      range.setEnd(node, word.index + word[0].length);
      const lines = [...range.getClientRects()].filter((r) => r.width > 0);
      if (lines.length < 2) continue;
      const room = node.parentElement.closest("td, th, dt, dd, li, p, h1, h2, h3, h4, figcaption, article");
      const width = lines.reduce((sum, r) => sum + r.width, 0);
      if (width < room.getBoundingClientRect().width) broken.push(word[0]);
    }
  }
  return broken;
}"""


def test_words_wrap_between_words_and_never_inside_one_that_fits_on_a_line(
    built_site: Path, server: str, browser: Browser
) -> None:
    pages = sorted(str(p.parent.relative_to(built_site)) + "/" for p in built_site.rglob("index.html"))
    broken = []
    for name, width in WIDTHS.items():
        page = browser.new_page(viewport={"width": width, "height": 900})
        for path in pages:
            page.goto(server + path.removeprefix("./"), wait_until="load")
            words = page.evaluate(BROKEN_WORDS)
            if words:
                broken.append(f"/{path} ({name}): {', '.join(words)}")
        page.close()
    assert len(pages) > 20
    assert broken == []
