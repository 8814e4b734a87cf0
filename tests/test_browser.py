"""The site in a real browser (Debian's chromium driven by Playwright): accessible at desktop and phone width,
no request to another host, and a measures table that filters with JavaScript and is whole without it."""

from __future__ import annotations

import contextlib
import functools
import http.server
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, sync_playwright

from conftest import VALID_PLAN, run_plan

CHROMIUM = "/usr/bin/chromium"
WIDTHS = {"desktop": 1280, "phone": 390}
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site as a host would that reads the site's _headers file (Netlify, Cloudflare Pages)."""

    headers_to_send: ClassVar[list[tuple[str, str]]] = []

    def end_headers(self) -> None:
        for name, value in self.headers_to_send:
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


def site_headers(built_site: Path) -> list[tuple[str, str]]:
    lines = (built_site / "_headers").read_text(encoding="utf-8").splitlines()
    return [(name.strip(), value.strip()) for name, _, value in (line.partition(":") for line in lines[2:])]


@contextlib.contextmanager
def serving(folder: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="module")
def server(built_site: Path) -> Iterator[str]:
    QuietHandler.headers_to_send = site_headers(built_site)
    assert "Content-Security-Policy" in dict(QuietHandler.headers_to_send)
    with serving(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), "Debian's chromium is missing: run 'make test', which installs it"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield browser
        browser.close()


def site_pages(built_site: Path) -> list[str]:
    return sorted(str(p.parent.relative_to(built_site)) + "/" for p in built_site.rglob("index.html"))


def test_every_page_has_no_wcag_2_1_a_or_aa_violation_at_desktop_and_phone_width(
    built_site: Path, server: str, browser: Browser
) -> None:
    axe = Axe()
    failures = []
    pages = site_pages(built_site)
    for name, width in WIDTHS.items():
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        for path in pages:
            page.goto(server + path.removeprefix("./"), wait_until="load")
            results = axe.run(page, options=WCAG)
            if results.violations_count:
                failures.append(f"{path} ({name}):\n{results.generate_report()}")
        context.close()
    assert len(pages) > 90
    assert failures == [], "\n".join(failures)


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
        page.goto(server + path.removeprefix("./"), wait_until="load")
        violations += page.evaluate("window.__violations")
    page.goto(server, wait_until="networkidle")
    page.click("input.md-search__input")  # the search runs in a worker and fetches its index
    page.wait_for_load_state("networkidle")
    page.keyboard.type("klynge")
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("Escape")
    page.locator("a.md-tabs__link[href$='/okonomi/']").click()  # instant navigation fetches the next page
    page.wait_for_url("**/okonomi/")
    violations += page.evaluate("window.__violations")
    elsewhere = [url for url in requests if urlparse(url).netloc != host and not url.startswith("data:")]
    assert len(pages) > 90
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
    page.keyboard.type("klynge")
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

    page.select_option("#filter-status", "Fullført")
    done = page.locator("#tiltakstabell tbody tr[data-status='Fullført']").count()
    assert 0 < done < total
    assert visible_rows(page) == done

    page.select_option("#filter-kommune", "Hurdal")
    both = page.locator("#tiltakstabell tbody tr[data-status='Fullført'][data-municipalities*='Hurdal']").count()
    assert visible_rows(page) == both
    assert page.locator(".measure-count").inner_text() == f"Viser {both} av {total} tiltak."

    page.click("text=Vis alle")
    page.wait_for_timeout(100)
    assert visible_rows(page) == total
    page.close()


def test_the_year_filter_keeps_the_measures_that_run_that_year(server: str, browser: Browser) -> None:
    page = browser.new_page()
    page.goto(server + "tiltak/", wait_until="load")
    page.select_option("#filter-ar", "2022")
    rows = page.locator("#tiltakstabell tbody tr:visible")
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
    assert page.locator("select").count() == 0
    assert not page.locator(".measure-filter").is_visible()
    context.close()


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
            page.goto(url + path.removeprefix("./"), wait_until="load")
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 390:
                wide.append(f"{path}: {width} px")
    context.close()
    assert wide == []
