"""The English edition: `plan build` makes the site a second time from the same validated plan, in English, under
/en/ with the same page paths. Every page made in both languages links the other with hreflang, both ways, and has a
language switch to the same page in the other language; the editors' guide and the history are Norwegian only and
their switch leads to the English front page. The English edition has its own search index, in English, and takes
the open data, the feeds and the PDFs from the root site; the Norwegian site is the one a build without the English
edition makes, with the links to it added."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from conftest import VALID_PLAN
from schema import Plan
from scripts.publish.build import build_site
from scripts.publish.languages import Alternates, Language, SharedLinks, hand_written, pdf_name
from scripts.publish.page_memo import PageMemo
from scripts.publish.pdfs import PdfCache
from scripts.publish.plugin import read_plan
from scripts.site.footer import PDF_PATH, footer
from scripts.site.registry import GUIDE_PAGES, REGISTRY, page_path
from scripts.site.urls import url_of

SITE_URL = "https://gardermoregionen.github.io/naeringsplan/"  # site_url in mkdocs.yml
HREFLANG = re.compile(r'<link rel="alternate " hreflang="([^"]+)" href="([^"]+)">')
SWITCH = re.compile(r'<a class="plan-language__link" href="([^"]*)" hreflang="([^"]+)" lang="[^"]+">([^<]*)</a>')
BOTH = Language("nb", ("nb", "en"))


def page(site: Path, markdown_path: str) -> str:
    return (site / url_of(markdown_path) / "index.html").read_text(encoding="utf-8")


def file_of(site: Path, address: str) -> Path:
    """The built file an absolute address of the site names."""
    assert address.startswith(SITE_URL), address
    return site / address.removeprefix(SITE_URL) / "index.html"


def switch_target(site: Path, page_file: Path, href: str) -> Path:
    return (page_file.parent / href / "index.html").resolve().relative_to(site.resolve())


# ----------------------------------------------------------------------------------------------------------------
# Each page's alternates and the links to the root site, without a build
# ----------------------------------------------------------------------------------------------------------------


def test_a_page_in_both_languages_links_both_with_hreflang_and_x_default_the_norwegian_one() -> None:
    links = Alternates(BOTH, frozenset({"tiltak/1-1-1.md"}), SITE_URL)("tiltak/1-1-1.md").hreflang
    assert [(link.hreflang, link.href) for link in links] == [
        ("nb", SITE_URL + "tiltak/1-1-1/"),
        ("en", SITE_URL + "en/tiltak/1-1-1/"),
        ("x-default", SITE_URL + "tiltak/1-1-1/"),
    ]


def test_the_switch_leads_to_the_same_page_in_the_other_language_relative_to_the_page() -> None:
    shared = frozenset({"tiltak/1-1-1.md", "index.md"})
    norwegian = Alternates(BOTH, shared, SITE_URL)
    english = Alternates(Language("en", ("nb", "en")), shared, SITE_URL)
    assert [(s.href, s.hreflang, s.text) for s in norwegian("tiltak/1-1-1.md").switches] == [
        ("../../en/tiltak/1-1-1/", "en", "In English")
    ]
    assert [(s.href, s.hreflang, s.text) for s in english("tiltak/1-1-1.md").switches] == [
        ("../../../tiltak/1-1-1/", "nb", "På norsk")
    ]
    assert [s.href for s in norwegian("index.md").switches] == ["en/"]
    assert [s.href for s in english("index.md").switches] == ["../"]


def test_a_norwegian_only_page_has_no_hreflang_and_its_switch_leads_to_the_english_front_page() -> None:
    guide = Alternates(BOTH, frozenset({"index.md"}), SITE_URL)("veiledning/endre-status.md")
    assert guide.hreflang == ()
    assert [s.href for s in guide.switches] == ["../../en/"]


def test_the_404_page_which_is_served_at_any_depth_switches_by_the_full_address() -> None:
    english = Alternates(Language("en", ("nb", "en")), frozenset(), SITE_URL)
    assert [s.href for s in english(None).switches] == [SITE_URL]


def test_a_single_edition_links_no_other_language() -> None:
    alone = Alternates(Language(), frozenset({"index.md"}), SITE_URL)("index.md")
    assert (alone.hreflang, alone.switches) == ((), ())


def test_english_links_to_what_only_the_root_site_has_lead_there_and_its_own_links_stay(tmp_path: Path) -> None:
    for name in ("data/plan.json", "historikk/index.html", "veiledning/index.html", "tiltak/1-1-1/index.html"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    own = ["tiltak/1-1-1/index.html", "tiltak/index.html"]
    html = (
        '<a href="../../../data/plan.json">raw</a> <a href="../historikk.md#horing">markdown</a> '
        '<a href="../../../veiledning/">guide</a> <a href="../">own</a> <a href="https://example.org/">out</a>'
    )
    rewritten = SharedLinks(tmp_path, own).rewrite(html, "tiltak/1-1-1.md")
    assert re.findall(r'href="([^"]*)"', rewritten) == [
        "../../../data/plan.json",
        "../../../historikk/#horing",
        "../../../veiledning/",
        "../",
        "https://example.org/",
    ]
    # a raw link written for the Norwegian site («../../data/…» from tiltak/1-1-1/) is one level short in /en/
    assert 'href="../../../data/plan.json"' in SharedLinks(tmp_path, own).rewrite(
        '<a href="../../data/plan.json">x</a>', "tiltak/1-1-1.md"
    )


def test_the_english_footer_offers_the_english_pdf_from_the_root_site(valid_plan: Plan) -> None:
    norwegian, english = footer(valid_plan, REGISTRY), footer(valid_plan, REGISTRY, "en")
    assert [link.href for link in english.links if link.href.startswith("pdf/")] == ["pdf/naeringsplan-en.pdf"]
    assert [link.href for link in norwegian.links if link.href.startswith("pdf/")] == [PDF_PATH]
    assert pdf_name("en") == "naeringsplan-en.pdf"


def test_the_page_memo_keys_on_the_language(tmp_path: Path) -> None:
    config = {"markdown_extensions": ["toc"], "mdx_configs": {}}
    file = type("File", (), {"src_uri": "index.md"})()
    salts = {PageMemo(tmp_path, config, [file], lang).markdown_salt for lang in ("nb", "en")}
    assert len(salts) == 2


# ----------------------------------------------------------------------------------------------------------------
# The built site of the small test plan
# ----------------------------------------------------------------------------------------------------------------


def test_the_english_front_page_is_in_english(built_site: Path) -> None:
    assert '<html lang="en"' in (built_site / "en" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nb"' in (built_site / "index.html").read_text(encoding="utf-8")


def test_every_hreflang_link_leads_to_an_existing_page_that_links_back(built_site: Path) -> None:
    pages = [p for p in built_site.rglob("index.html") if HREFLANG.search(p.read_text(encoding="utf-8"))]
    assert len(pages) > 40
    for path in pages:
        links = dict((lang, href) for lang, href in HREFLANG.findall(path.read_text(encoding="utf-8")))
        assert set(links) == {"nb", "en", "x-default"}, path
        assert links["x-default"] == links["nb"]
        assert path.resolve() in {
            file_of(built_site, links["nb"]).resolve(),
            file_of(built_site, links["en"]).resolve(),
        }
        for lang in ("nb", "en"):
            other = file_of(built_site, links[lang])
            assert other.is_file(), (path, links[lang])
            assert dict(HREFLANG.findall(other.read_text(encoding="utf-8"))) == links


def test_the_switch_on_a_measure_page_leads_to_the_same_measure_in_the_other_language(built_site: Path) -> None:
    measure = url_of(page_path("measure", "1.1.1"))
    norwegian = built_site / measure / "index.html"
    english = built_site / "en" / measure / "index.html"
    [(href, lang, text)] = SWITCH.findall(norwegian.read_text(encoding="utf-8"))
    assert (lang, text) == ("en", "In English")
    assert switch_target(built_site, norwegian, href) == Path("en", measure, "index.html")
    [(href, lang, text)] = SWITCH.findall(english.read_text(encoding="utf-8"))
    assert (lang, text) == ("nb", "På norsk")
    assert switch_target(built_site, english, href) == Path(measure, "index.html")


def test_the_editors_guide_and_the_history_are_norwegian_only(built_site: Path) -> None:
    for path in [*GUIDE_PAGES, page_path("history")]:
        assert (built_site / url_of(path) / "index.html").is_file(), path
        assert not (built_site / "en" / url_of(path)).exists(), path
    guide = built_site / url_of(page_path("guide-index")) / "index.html"
    text = guide.read_text(encoding="utf-8")
    assert HREFLANG.findall(text) == []
    [(href, _, _)] = SWITCH.findall(text)
    assert switch_target(built_site, guide, href) == Path("en", "index.html")
    assert "veiledning" not in (built_site / "en" / "sitemap.xml").read_text(encoding="utf-8")


def test_the_english_edition_has_its_own_search_index_in_english(built_site: Path) -> None:
    english = json.loads((built_site / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    norwegian = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert english["config"]["lang"] == ["en"]
    assert norwegian["config"]["lang"] == ["no"]
    assert {doc["location"].split("#")[0] for doc in english["docs"]} >= {"", url_of(page_path("measure", "1.1.1"))}


def test_the_english_edition_takes_open_data_and_pdfs_from_the_root_site_and_has_its_own_pdf(built_site: Path) -> None:
    assert not (built_site / "en" / "data").exists()
    assert not (built_site / "en" / "pdf").exists()
    assert (built_site / "pdf" / "naeringsplan-en.pdf").read_bytes().startswith(b"%PDF")
    front = (built_site / "en" / "index.html").read_text(encoding="utf-8")
    assert 'href="../pdf/naeringsplan-en.pdf"' in front


def test_the_site_url_and_sitemap_of_the_english_edition_are_under_en(built_site: Path) -> None:
    sitemap = (built_site / "en" / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>([^<]*)</loc>", sitemap)
    assert locations and all(loc.startswith(SITE_URL + "en/") for loc in locations)
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', (built_site / "en" / "index.html").read_text())
    assert canonical is not None and canonical.group(1) == SITE_URL + "en/"


@pytest.fixture(scope="module")
def norwegian_only(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small test plan built with the Norwegian edition only."""
    out = tmp_path_factory.mktemp("norwegian-only") / "site"
    source, problems = read_plan(VALID_PLAN)
    assert source is not None, problems
    cache = PdfCache(tmp_path_factory.mktemp("pdf-cache"))
    build_site(out, source, pdf_cache=cache, today=dt.date(2026, 12, 1), languages=("nb",))
    return out


@pytest.mark.slow
def test_the_norwegian_site_is_the_same_with_the_english_edition_except_the_links_to_it(
    built_site: Path, norwegian_only: Path
) -> None:
    def without_links(text: str) -> str:
        text = re.sub(r'<div class="md-header__option plan-language">.*?</div>', "", HREFLANG.sub("", text), flags=re.S)
        return "\n".join(line for line in text.splitlines() if line.strip())  # the lines they stood on

    alone = {p.relative_to(norwegian_only).as_posix() for p in norwegian_only.rglob("*") if p.is_file()}
    both = {
        p.relative_to(built_site).as_posix()
        for p in built_site.rglob("*")
        if p.is_file() and not p.relative_to(built_site).as_posix().startswith("en/")
    }
    assert both - alone == {"pdf/naeringsplan-en.pdf"}
    assert alone - both == set()
    changed = [
        name
        for name in sorted(alone)
        if name.endswith(".html")
        and without_links((built_site / name).read_text(encoding="utf-8"))
        != without_links((norwegian_only / name).read_text(encoding="utf-8"))
    ]
    assert changed == []
    assert (built_site / "search" / "search_index.json").read_bytes() == (
        norwegian_only / "search" / "search_index.json"
    ).read_bytes()


# ----------------------------------------------------------------------------------------------------------------
# In a browser
# ----------------------------------------------------------------------------------------------------------------


@pytest.mark.browser
def test_the_english_front_page_and_a_measure_page_are_accessible_and_error_free(server: str, browser: Browser) -> None:
    from test_browser import page_failures

    pages = ["en/", "en/" + url_of(page_path("measure", "1.1.1"))]
    assert page_failures(browser, server, pages) == []


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1280])
def test_the_switch_loads_the_same_measure_in_english_and_back_as_whole_pages(
    server: str, browser: Browser, width: int
) -> None:
    measure = url_of(page_path("measure", "1.1.1"))
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(server + measure, wait_until="load")
    page.get_by_role("link", name="In English").click()
    page.wait_for_url(server + "en/" + measure)
    assert page.evaluate("() => document.documentElement.lang") == "en"
    page.get_by_role("link", name="På norsk").click()
    page.wait_for_url(server + measure)
    assert page.evaluate("() => document.documentElement.lang") == "nb"
    page.close()


def test_a_hand_written_page_has_its_english_version_from_docs_en_when_there_is_one(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "om-planen.md").write_text("# About the plan\n", encoding="utf-8")
    assert hand_written(tmp_path, "om-planen.md", "en") == tmp_path / "en" / "om-planen.md"
    assert hand_written(tmp_path, "personvern.md", "en") is None
    assert hand_written(tmp_path, "om-planen.md", "nb") is None
