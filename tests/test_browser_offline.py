"""The copy of the site made by `plan build --offline`, opened from disk (file://) in Chromium as an editor opens
the unzipped preview of a pull request: the menu, the links in the pages and the footer lead to pages (never a
listing of a folder's files), back works, the PDF opens, the measure list's filters work, and the pages are
accessible and free of errors at desktop and phone width."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from playwright.sync_api import Browser, Page
from test_browser import page_failures

from conftest import VALID_PLAN, WIDTHS, run_plan
from scripts.publish.offline import NOTICE

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("offline") / "nettsted-forhandsvisning"
    result = run_plan("build", "--offline", "--plan", str(VALID_PLAN), "--out", str(out))
    assert result.code == 0, result.stderr
    return out


@pytest.fixture
def problems() -> list[str]:
    """Errors in the console, errors of the page's scripts and failed loads of the `page` fixture."""
    return []


@pytest.fixture
def page(browser: Browser, problems: list[str]) -> Iterator[Page]:
    """A page at desktop width that records its problems."""
    context = browser.new_context(viewport={"width": WIDTHS["desktop"], "height": 900})
    page = context.new_page()
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("requestfailed", lambda request: problems.append(f"{request.url}: {request.failure}"))
    yield page
    context.close()


def file_of(url: str) -> Path:
    return Path(unquote(urlparse(url).path))


def assert_a_page_of_the_site(page: Page, site: Path, title: str | None = None) -> None:
    """The browser shows a page of the site, not a folder's listing or an error page."""
    page.wait_for_load_state("load")
    shown = file_of(page.url)
    assert shown.is_file() and shown.suffix == ".html", page.url
    assert shown.is_relative_to(site), page.url
    assert page.locator(".md-content h1").count() == 1, page.url
    assert not page.title().startswith("Index of"), page.url
    assert page.locator(".md-banner .offline-notice").inner_text() == NOTICE
    if title is not None:
        assert title in page.locator(".md-content h1").inner_text()


def test_an_editor_clicks_from_the_front_page_through_the_menu_to_a_measure_and_back(
    offline_site: Path, page: Page, problems: list[str]
) -> None:
    home = (offline_site / "index.html").as_uri()
    page.goto(home)
    assert_a_page_of_the_site(page, offline_site)

    page.locator(".md-tabs").get_by_role("link", name="Planen", exact=True).click()
    assert_a_page_of_the_site(page, offline_site, "Om planen")
    page.locator("nav.md-nav--primary").get_by_role("link", name="1 Nettverk", exact=True).click()
    assert_a_page_of_the_site(page, offline_site, "Nettverk")
    page.locator(".md-content").get_by_role("link", name="1.1 Flere nettverk").first.click()
    assert_a_page_of_the_site(page, offline_site, "Flere nettverk")
    page.locator(".md-content").get_by_role("link", name="Nettverk for logistikk").first.click()
    assert_a_page_of_the_site(page, offline_site, "1.1.1 Nettverk for logistikk")
    assert file_of(page.url) == offline_site / "tiltak" / "1-1-1" / "index.html"

    page.go_back()
    assert_a_page_of_the_site(page, offline_site, "Flere nettverk")
    page.locator(".md-content").get_by_role("link", name="Nettverk for logistikk").first.click()
    page.locator(".md-tabs").get_by_role("link", name="Forside", exact=True).click()
    assert file_of(page.url) == offline_site / "index.html"
    page.locator(".md-header").get_by_role("link").first.click()  # the logo
    assert file_of(page.url) == offline_site / "index.html"
    assert problems == []


def test_every_link_of_the_menu_and_the_footer_opens_a_page_and_the_pdf_link_a_pdf(
    offline_site: Path, page: Page, problems: list[str]
) -> None:
    page.goto((offline_site / "tiltak" / "1-1-1" / "index.html").as_uri())
    menu = page.locator("nav.md-nav--primary a.md-nav__link[href]:not([href^='#'])")
    footer = page.locator("footer a[href]:not([href^='mailto:']):not([href^='tel:']):not([href^='http'])")
    addresses = menu.evaluate_all("links => links.map(a => a.href)") + footer.evaluate_all(
        "links => links.map(a => a.href)"
    )
    assert len(addresses) > 20
    pdfs = [address for address in addresses if address.endswith(".pdf")]
    assert [file_of(address).name for address in pdfs] == ["naeringsplan.pdf"]
    assert file_of(pdfs[0]).read_bytes().startswith(b"%PDF")
    for address in sorted(set(addresses) - set(pdfs)):
        page.goto(address)
        assert_a_page_of_the_site(page, offline_site)
    assert problems == []


def test_the_measure_list_filters_from_disk_and_keeps_the_choice_in_the_address(
    offline_site: Path, page: Page, problems: list[str]
) -> None:
    page.goto((offline_site / "index.html").as_uri())
    page.locator(".md-content").get_by_role("link", name="Alle tiltakene").click()
    assert_a_page_of_the_site(page, offline_site)
    choice = page.locator(".md-content select").first
    choice.select_option(index=1)
    assert urlparse(page.url).query
    assert file_of(page.url) == offline_site / "tiltak" / "index.html"
    assert problems == []


OFFLINE_PAGES = ["index.html", "tiltak/index.html", "tiltak/1-1-1/index.html", "veiledning/index.html"]


def test_the_offline_pages_are_accessible_error_free_and_fit_at_desktop_and_phone_width(
    offline_site: Path, browser: Browser
) -> None:
    assert page_failures(browser, offline_site.as_uri() + "/", OFFLINE_PAGES, preload=False) == []


def test_on_a_phone_the_menu_drawer_leads_to_pages_from_disk(offline_site: Path, browser: Browser) -> None:
    context = browser.new_context(viewport={"width": WIDTHS["phone"], "height": 900})
    page = context.new_page()
    page.goto((offline_site / "index.html").as_uri())
    assert page.locator(".md-banner").bounding_box()["width"] <= WIDTHS["phone"]  # type: ignore[index]
    page.locator(".md-header label[for='__drawer']").click()
    page.locator("nav.md-nav--primary").get_by_role("link", name="Økonomi", exact=True).click()
    assert_a_page_of_the_site(page, offline_site, "Økonomi")
    context.close()
