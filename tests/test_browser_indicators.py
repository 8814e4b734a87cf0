"""The indicator page and the measure page in a real browser: no axe-core violation of WCAG 2.1 A/AA or of the
best-practice rules at phone and desktop width, and the verdict, the date line and the previous/next links on
screen as a reader sees them."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser

from conftest import WCAG, WIDTHS

pytestmark = pytest.mark.browser

#: WCAG 2.1 A and AA, and axe's best-practice rules.
RULES = {"runOnly": {"type": "tag", "values": [*WCAG["runOnly"]["values"], "best-practice"]}}
PAGES = ["indikatorer/arbeidsplasser/", "tiltak/1-1-1/"]


def axe_report(browser: Browser, server: str, path: str, width: int, part: str | None = None) -> str:
    """axe-core's report of the violations of RULES on the page (only inside `part`, a CSS selector, if given);
    empty when there are none."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(server + path, wait_until="load")
    results = Axe().run(page, context=part, options=RULES)
    context.close()
    return results.generate_report() if results.violations_count else ""


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_the_content_of_the_page_has_no_axe_violation(server: str, browser: Browser, path: str, width: int) -> None:
    assert axe_report(browser, server, path, width, ".md-content") == ""


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_the_whole_page_has_no_axe_violation(server: str, browser: Browser, path: str, width: int) -> None:
    """The theme's header, menu and search included."""
    assert axe_report(browser, server, path, width) == ""


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_the_verdict_is_said_in_words_beside_the_latest_value_and_fits_the_screen(
    server: str, browser: Browser, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(server + "indikatorer/arbeidsplasser/", wait_until="load")
    verdict = page.locator(".indicator-facts .verdict")
    # +10 a year against the +5 needed: on track; the badge links to the page on the method.
    assert verdict.inner_text().strip() == "●●●○ I rute"
    # Material's instant navigation may make the address absolute once it has read the sitemap: compare the path.
    target = page.locator(".indicator-facts a:has(.verdict)").evaluate("a => new URL(a.href).pathname")
    assert target.endswith("/indikatorer/slik-vurderer-vi/")
    assert page.locator(".verdict__symbol").get_attribute("aria-hidden") == "true"
    box = verdict.bounding_box()
    assert box is not None and box["x"] + box["width"] <= width
    assert page.locator(".verdict-rule").inner_text().startswith("Slik vurderer vi:")
    context.close()


def test_the_measure_page_shows_its_date_line_and_links_to_the_next_measure(server: str, browser: Browser) -> None:
    page = browser.new_page()
    page.goto(server + "tiltak/1-1-1/", wait_until="load")
    dates = page.locator(".measure-dates").inner_text()
    assert dates.startswith("Teksten sist endret ") and dates.endswith(". Status sist oppdatert 15. september 2021.")
    pager = page.get_by_role("navigation", name="Forrige og neste tiltak under mål 1.1")
    pager.get_by_role("link", name="Neste tiltak: 1.1.2 Nettverk for reiseliv").click()
    page.wait_for_url("**/tiltak/1-1-2/")
    assert page.locator("h1").inner_text().startswith("1.1.2")
    page.close()
