"""The built site: its size and pages, and what a first visit to a measure page transfers, measured in Debian's
Chromium through Playwright (every file the browser asks for, gzip sizes), then what starting a search adds."""

from __future__ import annotations

import gzip
import http.server
import posixpath
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from scripts.dev.bench.figures import SiteFigures, Visit
from scripts.dev.lighthouse.serve import served

CHROMIUM = "/usr/bin/chromium"
#: The word typed into the search field when measuring what a search costs (it is in every plan).
SEARCH_WORD = "samarbeid"
#: The measure page whose size is followed across plan sizes (every plan has it).
MEASURE_PAGE = "tiltak/1-1-1/index.html"


def _gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


class _LoggingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site and notes every path asked for (the browser's own list misses nothing, but this one
    also has what a web worker fetches)."""

    requested: list[str]

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self) -> Any:
        self.requested.append(urllib.parse.urlsplit(self.path).path)
        return super().send_head()


@contextmanager
def _served(site: Path, requested: list[str]) -> Iterator[str]:
    """Serve ``site`` on a free local port while the block runs, noting each path asked for in ``requested``;
    yields the base URL."""
    handler = type("Handler", (_LoggingHandler,), {"requested": requested})
    with served(handler, site) as url:
        yield url.rstrip("/")


def _visit_and_search(url: str, word: str, urls: list[str], requested: list[str]) -> tuple[int, int, float]:
    """Open ``url`` in a fresh Chromium profile, then click in the search field and type ``word``; every URL the
    browser asks for is added to ``urls``. Returns how many URLs and served paths the first visit had, and the
    seconds from the click until the first search result."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.on("request", lambda request: urls.append(request.url))
            tab = context.new_page()
            tab.goto(url, wait_until="networkidle", timeout=60_000)
            tab.wait_for_timeout(1000)
            first_urls, first_paths = len(urls), len(requested)
            started = time.perf_counter()
            tab.click("input.md-search__input")
            tab.wait_for_load_state("networkidle", timeout=120_000)
            tab.keyboard.type(word, delay=50)
            tab.wait_for_selector(".md-search-result__item", state="attached", timeout=300_000)
            search_seconds = time.perf_counter() - started
            tab.wait_for_load_state("networkidle", timeout=120_000)
            tab.wait_for_timeout(500)
            context.close()
        finally:
            browser.close()
    return first_urls, first_paths, search_seconds


def _site_paths(base: str, found_urls: list[str], found_paths: list[str]) -> list[str]:
    """The site paths of the local URLs the browser asked for and of the paths the server was asked for, in
    order, each once."""
    local = [urllib.parse.urlsplit(u).path for u in found_urls if u.startswith(base + "/")]
    return list(dict.fromkeys(urllib.parse.unquote(p).lstrip("/") for p in [*local, *found_paths]))


def _gzip_sizes(site: Path, names: list[str], seen: dict[str, int]) -> dict[str, int]:
    """The files of the site behind ``names`` (a folder is its ``index.html``) that are not in ``seen``, with
    their gzip sizes."""
    result = {}
    for name in names:
        path = name if name and not (site / name).is_dir() else posixpath.join(name, "index.html").lstrip("/")
        if path not in seen and path not in result and (site / path).is_file():
            result[path] = _gzip_size(site / path)
    return result


def browser_visit(site: Path, page: str, word: str = SEARCH_WORD) -> Visit:
    """Open ``page`` in Chromium, as a first-time visitor, and then start a search: every file each step
    requests, as the path in the site and its gzip size."""
    requested: list[str] = []
    urls: list[str] = []
    with _served(site, requested) as base:
        page_url = f"{base}/{page.removesuffix('index.html')}"
        first_urls, first_paths, search_seconds = _visit_and_search(page_url, word, urls, requested)

    foreign = sorted({u for u in urls if not u.startswith(base + "/") and not u.startswith("data:")})
    first_names = _site_paths(base, urls[:first_urls], requested[:first_paths])
    first = _gzip_sizes(site, first_names, {})
    search_names = _site_paths(base, urls[first_urls:], requested[first_paths:])
    search = _gzip_sizes(site, search_names, first)
    missing = sorted({n for n in [*first_names, *search_names] if not (site / n).is_file() and not (site / n).is_dir()})
    return Visit(first=first, search=search, foreign=foreign, missing=missing, search_seconds=search_seconds)


def frame_size(html: bytes) -> int:
    """The bytes of a page outside its ``<article …>…</article>``: header, navigation, footer."""
    start, end = html.find(b"<article"), html.rfind(b"</article>")
    if start < 0 or end < 0:
        raise SystemExit("tiltakssiden har ikke noe <article>")
    return len(html) - (end + len(b"</article>") - start)


def site_figures(site: Path, plan_dir: Path) -> SiteFigures:
    files = [p for p in site.rglob("*") if p.is_file()]
    html = (site / MEASURE_PAGE).read_bytes()
    return SiteFigures(
        pages=sum(1 for p in files if p.suffix == ".html"),
        bytes=sum(p.stat().st_size for p in files),
        measure_html=len(html),
        measure_frame=frame_size(html),
        measure_gzip=_gzip_size(site / MEASURE_PAGE),
        visit=browser_visit(site, MEASURE_PAGE),
        focus_areas=len(list((plan_dir / "satsingsomrader").glob("*.yaml"))),
    )
