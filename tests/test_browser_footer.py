"""The footer, the 404 page and the logo in a real browser: accessible at desktop and phone width, nothing wider than
the screen, the 404 page whole at any address (its stylesheets and scripts load), the logo and favicon shown.

The 404 page's addresses start with the path of site_url (/naeringsplan/), as on the published site, so here the
built site is served under that path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser
from test_browser import page_failures
from test_footer import FOOTER_LINKS, SITE_PATH

from conftest import WIDTHS, QuietHandler, serving, site_headers

pytestmark = pytest.mark.browser

#: Elements of the footer that reach past the right edge of the screen, as «tag.class (px)».
FOOTER_OVERFLOW = """() => {
  const edge = document.documentElement.clientWidth + 1;
  return [...document.querySelectorAll("footer, footer *")]
    .filter((el) => el.getBoundingClientRect().right > edge)
    .map((el) => `${el.tagName.toLowerCase()}.${el.className} (${Math.round(el.getBoundingClientRect().right - edge)} px)`);
}"""


@pytest.fixture(scope="module")
def published(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The built site at http://127.0.0.1:PORT/naeringsplan/, as GitHub Pages serves it."""
    root = tmp_path_factory.mktemp("published")
    (root / SITE_PATH.strip("/")).symlink_to(built_site, target_is_directory=True)
    QuietHandler.headers_to_send = site_headers(built_site)
    with serving(root) as url:
        yield url + SITE_PATH.lstrip("/")


def test_the_404_page_is_accessible_error_free_and_fits_at_desktop_and_phone_width(
    published: str, browser: Browser
) -> None:
    assert page_failures(browser, published, ["404.html"]) == []


def test_the_404_page_is_styled_and_searchable_at_a_deep_missing_address(
    published: str, built_site: Path, browser: Browser
) -> None:
    """A host serves 404.html for a missing /naeringsplan/a/b/c/ (the test server does not, so the browser is handed
    the file there): its stylesheets, scripts and logo still load."""
    page = browser.new_page()
    failed: list[str] = []
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    missing = published + "a/b/c/"
    page.route(missing, lambda route: route.fulfill(path=built_site / "404.html", status=404))
    page.goto(missing, wait_until="load")
    assert page.locator("h1").inner_text() == "Fant ikke siden"
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    assert page.locator(".md-header img").evaluate("img => img.complete && img.naturalWidth > 0")
    assert page.locator("input.md-search__input").count() == 1
    assert failed == [missing]
    page.close()


@pytest.mark.parametrize("name", sorted(WIDTHS))
def test_the_footer_fits_the_screen_on_a_measure_page_and_the_404_page(
    published: str, browser: Browser, name: str
) -> None:
    context = browser.new_context(viewport={"width": WIDTHS[name], "height": 900})
    page = context.new_page()
    for path in ("tiltak/1-1-1/", "tilgjengelighet/", "404.html"):
        page.goto(published + path, wait_until="load")
        assert page.locator("footer nav[aria-label='Informasjon om nettstedet'] a").count() == len(FOOTER_LINKS), path
        assert page.evaluate(FOOTER_OVERFLOW) == [], f"{path} ({name})"
        assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS[name], f"{path} ({name})"
    context.close()


def test_the_logo_is_shown_with_a_name_and_the_favicon_loads(published: str, browser: Browser) -> None:
    context = browser.new_context(viewport={"width": WIDTHS["desktop"], "height": 900})
    page = context.new_page()
    page.goto(published, wait_until="load")
    logo = page.locator(".md-header a.md-logo")
    assert logo.get_attribute("aria-label") == "Strategisk næringsplan for Gardermoregionen"
    assert logo.locator("img").evaluate("img => img.complete && img.naturalWidth > 0")
    icon = page.locator("link[rel='icon'][href$='.svg']").evaluate("link => link.href")
    response = page.request.get(icon)
    assert response.ok and response.headers["content-type"].startswith("image/svg+xml")
    context.close()
