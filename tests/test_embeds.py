"""Embeds for the municipalities' own websites (scripts/site/embeds.py): a small page per municipality and per
measure that another site shows in an <iframe>, with its content as JSON for a municipality that builds its own
view, a snippet and a preview on the municipality's page, and a frame policy that only the sites listed in
plan.yaml may frame them (for the hosts that read _headers)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser

from conftest import WCAG, replace_once
from schema import Plan
from scripts.dev.lighthouse.serve import HeaderHandler, served, site_headers
from scripts.present.lookups import SiteOptions
from scripts.publish import csp
from scripts.site import embeds
from scripts.site.registry import page_path
from scripts.validate.validator import validate_folder

SITE_URL = "https://gardermoregionen.github.io/naeringsplan/"
#: axe-core: the WCAG 2.1 A and AA rules and the best-practice rules.
RULES = {"runOnly": {"type": "tag", "values": [*WCAG["runOnly"]["values"], "best-practice"]}}
DOMAINS = ["https://www.nes.kommune.no", "https://www.eidsvoll.kommune.no:8443"]


@pytest.fixture(scope="module")
def files(valid_plan: Plan) -> dict[str, str]:
    return embeds.embed_files(valid_plan, SiteOptions(site_url=SITE_URL), page_path)


def with_domains(workdir: Path, lines: str) -> tuple[Plan | None, list[str]]:
    """The small plan with an `embed:` block in plan.yaml; the plan (None when invalid) and the problems' texts."""
    replace_once(workdir / "plan" / "plan.yaml", "revisions:", f"embed:\n{lines}revisions:")
    plan, problems = validate_folder(workdir / "plan", commits=False)
    return plan, [str(p) for p in problems]


class Page(HTMLParser):
    """What an embed page holds: its elements' attributes, and the text of each element by its class."""

    VOID = frozenset({"meta", "link", "br", "img", "input"})

    def __init__(self, text: str) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.texts: dict[str, list[str]] = {}
        self.open: list[tuple[str, list[str]]] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.elements.append((tag, values))
        if tag not in self.VOID:
            self.open.append((values.get("class", ""), []))

    def handle_endtag(self, tag: str) -> None:
        cls, parts = self.open.pop()
        if cls:
            self.texts.setdefault(cls, []).append(" ".join("".join(parts).split()))

    def handle_data(self, data: str) -> None:
        for _, parts in self.open:
            parts.append(data)

    def text(self, cls: str) -> list[str]:
        return self.texts.get(cls, [])


def test_there_is_an_embed_for_each_municipality_and_each_measure_with_the_municipalities_data(
    valid_plan: Plan, files: dict[str, str]
) -> None:
    towns = [a.id for a in valid_plan.actors if a.kind == "kommune"]
    assert towns
    measures = [m.id for _, _, m in valid_plan.measures()]
    pages = {p for p in files if p.endswith(".html")}
    assert pages == {f"embed/kommune/{t}/index.html" for t in towns} | {
        f"embed/tiltak/{m.replace('.', '-')}/index.html" for m in measures
    }
    assert {p for p in files if p.startswith("data/")} == {f"data/kommuner/{t}.json" for t in towns}
    assert {"embed/embed.css", "embed/embed.js"} <= set(files)


def test_an_embed_loads_nothing_from_elsewhere_and_stays_out_of_search_engines(files: dict[str, str]) -> None:
    for path, text in files.items():
        if not path.endswith(".html"):
            continue
        page = Page(text)
        assert ("meta", {"name": "robots", "content": "noindex"}) in page.elements, path
        assert page.elements[0] == ("html", {"lang": "nb"}), path
        addresses = [v for _, attrs in page.elements for k, v in attrs.items() if k in ("src", "href", "action")]
        assert addresses and not [a for a in addresses if re.match(r"^[a-z]+:|^//", a)], path
        assert [t for t, _ in page.elements].count("nav") == 0  # no menu
        assert "<title>" in text and "</title>" in text and "<title></title>" not in text
    style = files["embed/embed.css"]
    assert "url(" not in style and "@import" not in style
    assert "http" not in files["embed/embed.js"].replace("https://", "")  # no address to load


def test_a_municipality_embed_says_what_its_json_file_says(valid_plan: Plan, files: dict[str, str]) -> None:
    for actor in (a for a in valid_plan.actors if a.kind == "kommune"):
        data = json.loads(files[f"data/kommuner/{actor.id}.json"])
        page = Page(files[f"embed/kommune/{actor.id}/index.html"])
        assert data["kommune"] == {"id": actor.id, "navn": actor.name}
        assert page.text("embed__plan") == [data["plan"]] == [valid_plan.plan.title]
        titles = page.text("embed__measure-title")
        assert titles == [f"{m['id']} {m['tittel']}" for m in data["tiltak"]]
        statuses = page.text("embed__status")
        counted = [c["status"] for c in data["antall_etter_status"]]
        assert statuses == counted + [m["status"] for m in data["tiltak"]]
        assert sum(c["antall"] for c in data["antall_etter_status"]) == len(data["tiltak"])
        facts = " ".join(page.text("embed__facts"))
        for m in data["tiltak"]:
            assert f"Ansvarlig: {m['ansvarlig']}" in facts
            assert f"{m['start']}–{m['slutt']}" in facts if m["slutt"] else f"fra {m['start']}" in facts


def test_a_measure_embed_shows_its_number_title_status_lead_period_and_newest_update(
    valid_plan: Plan, files: dict[str, str]
) -> None:
    site = embeds._context(valid_plan, SiteOptions(), page_path).site
    for _, _, measure in valid_plan.measures():
        text = files[embeds.measure_path(page_path, measure.id)]
        page = Page(text)
        assert page.text("embed__id") == [f"Tiltak {measure.id}"]
        assert measure.title in text and f"<dd>{site.lead(measure).name}</dd>" in text
        assert page.text("embed__status") == [site.statuses[measure.status].label]
        newest = measure.newest_update()
        if newest is not None:
            assert f'<time datetime="{newest.date.isoformat()}">' in text
        assert f'href="../../../tiltak/{measure.id.replace(".", "-")}/" target="_blank" rel="noopener"' in text


def test_an_embed_in_the_english_edition_takes_its_words_from_the_english_catalogue(valid_plan: Plan) -> None:
    english = embeds.embed_files(valid_plan, SiteOptions(lang="en"), page_path)
    page = english[embeds.municipality_path("nes-kommune")]
    assert '<html lang="en">' in page and "Status as of " in page and "(opens in a new tab)" in page
    assert "Tiltak" not in Page(page).text("embed__more")[0]


def test_the_height_script_posts_a_namespaced_message_to_the_parent(files: dict[str, str]) -> None:
    script = files["embed/embed.js"]
    assert "window.parent.postMessage" in script and embeds.MESSAGE_TYPE in script
    for path, text in files.items():
        if path.endswith(".html"):
            assert '<script src="../../embed.js" defer></script>' in text, path
            assert "<script>" not in text  # no inline script: the policy needs no hash


def test_the_snippet_listener_checks_the_sites_origin_and_frames_keep_a_default_height() -> None:
    code = embeds.snippet(SITE_URL, "embed/kommune/nes-kommune/index.html", 'Nes «kommune» <"x">', 640)
    assert code.src == SITE_URL + "embed/kommune/nes-kommune/"
    assert 'height="640"' in code.frame and "&lt;&#34;x&#34;&gt;" in code.frame  # escaped
    assert code.listener is not None
    assert 'event.origin !== "https://gardermoregionen.github.io"' in code.listener
    assert embeds.MESSAGE_TYPE in code.listener
    relative = embeds.snippet(None, "embed/kommune/nes-kommune/index.html", "Nes", 640)
    assert relative.listener is None and relative.src == "embed/kommune/nes-kommune/"


def test_plan_yaml_lists_the_domains_that_may_frame_the_embeds(workdir: Path) -> None:
    plan, problems = with_domains(workdir, "  allowed_domains:\n" + "".join(f"    - {d}\n" for d in DOMAINS))
    assert problems == [] and plan is not None
    assert embeds.frame_ancestors(plan) == "frame-ancestors 'self' " + " ".join(DOMAINS)


@pytest.mark.parametrize(
    "domain", ["http://www.nes.kommune.no", "https://www.nes.kommune.no/", "https://www.nes.kommune.no/side", "nes.no"]
)
def test_a_domain_that_is_not_an_https_origin_is_an_error_naming_file_and_line(workdir: Path, domain: str) -> None:
    plan, problems = with_domains(workdir, f"  allowed_domains:\n    - https://www.hurdal.kommune.no\n    - {domain}\n")
    assert plan is None
    line = (workdir / "plan" / "plan.yaml").read_text(encoding="utf-8").splitlines().index(f"    - {domain}") + 1
    assert len(problems) == 1 and f"plan.yaml:{line}:" in problems[0], problems
    assert "https://" in problems[0] and "uten sti" in problems[0]


def test_the_headers_give_the_embeds_exactly_the_listed_domains_and_other_pages_no_framing(workdir: Path) -> None:
    plan, _ = with_domains(workdir, "  allowed_domains:\n" + "".join(f"    - {d}\n" for d in DOMAINS))
    assert plan is not None
    text = csp.headers_file(set(), (embeds.HEADER_PATH, embeds.frame_ancestors(plan)))
    rules = re.split(r"\n(?=/)", text.split("\n", 1)[1].strip())
    assert rules[0].startswith("/*\n") and "X-Frame-Options: DENY" in rules[0] and "frame-ancestors" not in rules[0]
    assert rules[1] == "/embed/*\n  Content-Security-Policy: frame-ancestors 'self' " + " ".join(DOMAINS)


def test_the_built_site_has_the_embeds_outside_sitemap_and_search_with_the_policy(
    built_site: Path, valid_plan: Plan
) -> None:
    embed_pages = sorted((built_site / "embed").rglob("index.html"))
    assert len(embed_pages) == len(list(valid_plan.measures())) + sum(a.kind == "kommune" for a in valid_plan.actors)
    assert "embed/" not in (built_site / "sitemap.xml").read_text(encoding="utf-8")
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc for doc in index["docs"] if doc["location"].startswith("embed/")]
    for path in embed_pages:
        text = path.read_text(encoding="utf-8")
        assert f'content="{csp.policy(text)}"' in text and "frame-src 'self'" in text
    headers = (built_site / csp.HEADERS_FILE).read_text(encoding="utf-8")
    assert headers.endswith(f"/embed/*\n  Content-Security-Policy: {embeds.frame_ancestors(valid_plan)}\n")
    assert (built_site / "data" / "kommuner" / "nes-kommune.json").is_file()


def test_a_municipality_page_has_the_snippet_to_copy_and_a_preview(built_site: Path) -> None:
    page = (built_site / "aktorer" / "nes-kommune" / "index.html").read_text(encoding="utf-8")
    assert 'id="innbygging"' in page and page.count('<div class="copy highlight">') == 1
    assert '<iframe class="embed-preview" src="../../embed/kommune/nes-kommune/"' in page
    assert 'href="../../data/kommuner/nes-kommune.json"' in page
    other = (built_site / "aktorer" / "regionradet" / "index.html").read_text(encoding="utf-8")
    assert 'id="innbygging"' not in other and "<iframe" not in other


# -- in a real browser: a plain host page on another origin frames the embed ------------------------------------


class SiteHandler(HeaderHandler):
    """The built site, served apart from the tests' shared server (whose headers other modules set)."""


class HostHandler(HeaderHandler):
    """The host: a municipality's page, on another origin than the site."""


HOST_PAGE = """<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Næringsliv – Nes kommune</title>
</head>
<body style="margin:0;font-family:sans-serif">
<main style="padding:8px">
<h1>Næringsliv i Nes</h1>
<p>Slik går tiltakene i næringsplanen som gjelder kommunen.</p>
{frame}
</main>
{listener}
</body>
</html>
"""


def host_page(folder: Path, site: str, path: str, listener: bool = True) -> Path:
    """A plain page of a municipality's website with the embed's snippet (and its listener), for `site`."""
    code = embeds.snippet(site, path, "Næringsplanen: tiltakene som gjelder Nes kommune", 640)
    folder.mkdir(exist_ok=True)
    (folder / "index.html").write_text(
        HOST_PAGE.format(frame=code.frame, listener=code.listener if listener else ""), encoding="utf-8"
    )
    return folder


FRAME_FITS = """() => {
  const frame = document.querySelector("iframe");
  return frame.style.height !== "" && frame.contentDocument === null;
}"""
INSIDE = """() => ({
  height: Math.ceil(document.documentElement.getBoundingClientRect().height),
  scrollWidth: document.documentElement.scrollWidth,
  clientWidth: document.documentElement.clientWidth,
  heading: document.querySelector("h1") && document.querySelector("h1").textContent,
})"""


@pytest.fixture(scope="module")
def site_server(built_site: Path) -> Iterator[str]:
    SiteHandler.headers_to_send = []  # as GitHub Pages serves it: no headers of the site's own
    with served(SiteHandler, built_site, "127.0.0.1") as url:
        yield url


@pytest.mark.browser
def test_on_a_host_page_at_320_px_the_frame_fits_its_content_with_no_sideways_scrolling(
    browser: Browser, site_server: str, tmp_path: Path
) -> None:
    path = embeds.municipality_path("nes-kommune")
    with served(HostHandler, host_page(tmp_path / "host", site_server, path), "localhost") as host:
        context = browser.new_context(viewport={"width": 320, "height": 640})
        page = context.new_page()
        page.goto(host, wait_until="load")
        page.wait_for_function(FRAME_FITS)
        frame = page.frame_locator("iframe").locator("h1")
        assert frame.inner_text() == "Nes kommune i næringsplanen"
        inside = page.frames[1].evaluate(INSIDE)
        height = page.evaluate("() => document.querySelector('iframe').getBoundingClientRect().height")
        assert height == inside["height"] != 640
        assert inside["scrollWidth"] <= inside["clientWidth"] <= 320
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
        # A message from anywhere but the site (here the host page itself) does not change the height.
        page.evaluate(f"() => window.postMessage({{type: '{embeds.MESSAGE_TYPE}', height: 50}}, '*')")
        page.wait_for_timeout(200)
        assert page.evaluate("() => document.querySelector('iframe').getBoundingClientRect().height") == height
        context.close()


@pytest.mark.browser
def test_without_the_listener_the_frame_keeps_its_default_height_and_shows_the_content(
    browser: Browser, site_server: str, tmp_path: Path
) -> None:
    path = embeds.municipality_path("nes-kommune")
    with served(HostHandler, host_page(tmp_path / "host", site_server, path, listener=False), "localhost") as host:
        context = browser.new_context(viewport={"width": 320, "height": 640})
        page = context.new_page()
        page.goto(host, wait_until="load")
        page.frame_locator("iframe").locator("h1").wait_for()
        assert page.evaluate("() => document.querySelector('iframe').getBoundingClientRect().height") == 640
        inside = page.frames[1].evaluate(INSIDE)
        assert inside["heading"] == "Nes kommune i næringsplanen" and inside["scrollWidth"] <= inside["clientWidth"]
        # The frame scrolls when its content is taller (no «scrolling» or «overflow: hidden» in the snippet).
        assert page.evaluate("() => getComputedStyle(document.querySelector('iframe')).overflow") != "hidden"
        assert page.locator("iframe").get_attribute("scrolling") is None
        context.close()


@pytest.mark.browser
def test_with_the_sites_headers_only_the_listed_sites_and_the_site_itself_may_frame_an_embed(
    browser: Browser, built_site: Path, tmp_path: Path
) -> None:
    SiteHandler.headers_to_send = site_headers(built_site)
    path = embeds.municipality_path("nes-kommune")
    with (
        served(SiteHandler, built_site, "127.0.0.1") as site,
        served(HostHandler, host_page(tmp_path / "host", site, path), "localhost") as host,
    ):
        context = browser.new_context(viewport={"width": 390, "height": 800})
        page = context.new_page()
        page.goto(host, wait_until="load")
        page.wait_for_timeout(500)
        blocked = page.frames[1]  # localhost is not in plan.yaml: the browser shows its error page instead
        assert not blocked.url.startswith(site) and "Nes kommune i næringsplanen" not in blocked.content()
        page.goto(site + "aktorer/nes-kommune/", wait_until="load")
        preview = page.frame_locator("iframe.embed-preview").locator("h1")
        assert preview.inner_text() == "Nes kommune i næringsplanen"  # the site itself may
        context.close()
    SiteHandler.headers_to_send = []


@pytest.mark.browser
@pytest.mark.parametrize("path", [embeds.municipality_path("nes-kommune"), "embed/tiltak/1-1-1/index.html"])
def test_an_embed_is_accessible_at_320_px(browser: Browser, site_server: str, path: str) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(site_server + path.removesuffix("index.html"), wait_until="load")
    page.wait_for_timeout(300)  # the icon is asked for after the load
    assert errors == []  # no address that is not there (not even /favicon.ico)
    results = Axe().run(page, options=RULES)
    assert results.violations_count == 0, results.generate_report()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
    page.keyboard.press("Tab")
    focused = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert page.evaluate("() => document.activeElement.tagName") == "A" and focused == "solid"
    context.close()
