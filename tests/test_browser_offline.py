"""The copy of the site made by `plan build --offline`, opened from disk (file://) in Chromium as an editor opens
the unzipped preview of a pull request: the menu, the links in the pages and the footer lead to pages (never a
listing of a folder's files), back works, the PDF opens, the measure list's filters work, and the pages are
accessible and free of errors at desktop and phone width."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from playwright.sync_api import Browser, Frame, Page, Request
from test_browser import page_failures

from conftest import VALID_PLAN, WIDTHS, run_plan, serving
from scripts.publish.offline import NOTICE

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("offline") / "nettsted-forhandsvisning"
    result = run_plan("build", "--offline", "--plan", str(VALID_PLAN), "--out", str(out))
    assert result.code == 0, result.stderr
    return out


class PageProblems:
    """What goes wrong on a page while a test uses it: errors in the console, errors of the page's scripts and
    failed loads. A load the browser aborted (net::ERR_ABORTED) because the page went on to another document before
    it was done (the favicon of a page left at once) is the browser's doing, not the site's: it is left out when a
    later document came. Any other failed load, and an abort with no document after it, counts."""

    def __init__(self, page: Page) -> None:
        self.errors: list[str] = []
        self.failed_loads: list[tuple[str, str, int]] = []  # address, why, the document it was asked for in
        self.documents = 0
        self.document_of: dict[Request, int] = {}
        page.on("console", lambda message: self.errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("framenavigated", lambda frame: self.navigated(page, frame))
        page.on("request", lambda request: self.document_of.setdefault(request, self.documents))
        page.on("requestfailed", self.failed)

    def navigated(self, page: Page, frame: Frame) -> None:
        if frame == page.main_frame:
            self.documents += 1

    def failed(self, request: Request) -> None:
        document = self.document_of.get(request, self.documents)
        self.failed_loads.append((request.url, request.failure or "", document))

    def found(self) -> list[str]:
        """The problems so far, aborted loads of a page that was left set aside."""
        left = [
            f"{url}: {why}"
            for url, why, document in self.failed_loads
            if not (why == "net::ERR_ABORTED" and document < self.documents)
        ]
        return self.errors + left


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A page at desktop width."""
    context = browser.new_context(viewport={"width": WIDTHS["desktop"], "height": 900})
    yield context.new_page()
    context.close()


@pytest.fixture
def problems(page: Page) -> PageProblems:
    """The problems of the `page` fixture, recorded from its start."""
    return PageProblems(page)


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
    offline_site: Path, page: Page, problems: PageProblems
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
    assert_a_page_of_the_site(page, offline_site, "1.1.1 Nettverk for logistikk")
    page.locator(".md-tabs").get_by_role("link", name="Forside", exact=True).click()
    assert_a_page_of_the_site(page, offline_site)
    assert file_of(page.url) == offline_site / "index.html"
    page.locator(".md-header").get_by_role("link").first.click()  # the logo
    assert_a_page_of_the_site(page, offline_site)
    assert file_of(page.url) == offline_site / "index.html"
    assert problems.found() == []


def test_every_link_of_the_menu_and_the_footer_opens_a_page_and_the_pdf_link_a_pdf(
    offline_site: Path, page: Page, problems: PageProblems
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
    assert problems.found() == []


def test_the_measure_list_filters_from_disk_and_keeps_the_choice_in_the_address(
    offline_site: Path, page: Page, problems: PageProblems
) -> None:
    page.goto((offline_site / "index.html").as_uri())
    page.locator(".md-content").get_by_role("link", name="Alle tiltakene").click()
    assert_a_page_of_the_site(page, offline_site)
    choice = page.locator(".md-content select").first
    choice.select_option(index=1)
    assert urlparse(page.url).query
    assert file_of(page.url) == offline_site / "tiltak" / "index.html"
    assert problems.found() == []


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


def test_a_load_aborted_because_the_page_was_left_is_set_aside_and_every_other_failure_counts(
    browser: Browser, tmp_path: Path
) -> None:
    (tmp_path / "a.html").write_text('<!DOCTYPE html><title>a</title><img src="borte.png"><img src="avbrutt.png">')
    (tmp_path / "b.html").write_text("<!DOCTYPE html><title>b</title>")
    context = browser.new_context()
    page = context.new_page()
    problems = PageProblems(page)
    page.route("**/avbrutt.png", lambda route: route.abort("aborted"))  # as the browser aborts a page's loads
    with serving(tmp_path) as site:
        page.goto(site + "a.html")
        on_the_page = problems.found()
        page.goto(site + "b.html")
        left = problems.found()
    context.close()
    assert any("avbrutt.png: net::ERR_ABORTED" in problem for problem in on_the_page)
    assert not any("avbrutt.png" in problem for problem in left)
    assert any("404" in problem for problem in left)  # borte.png is missing
