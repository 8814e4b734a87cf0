"""Feeds to follow the plan: one Atom feed of status updates for the whole plan and one per municipality.

Each feed is read back with feedparser (a well-kept feed parser, as feed readers use) and with ElementTree (strict
XML): it is Atom without errors, holds one entry per status update (of the measures that concern the municipality),
newest first, with stable ids, and every link leads to a page of the built site. Text from the plan, the injection
corpus too, stays text: the XML parses, no element or attribute is added, and the text comes back as written.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import feedparser
import pytest
import yaml
from test_injection import CORPUS, FILES, attacked_plan, flat, write_plan

from conftest import ROOT, VALID_PLAN, theme_pages
from schema import Plan
from scripts.core.problems import errors  # the corpus's long titles give warnings
from scripts.core.queries import municipality_ids
from scripts.present.i18n import catalogue
from scripts.site import feeds
from scripts.site.registry import REGISTRY
from scripts.validate.validator import validate_folder

SITE_URL = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\ntheme:")[0])["site_url"]
A = "{http://www.w3.org/2005/Atom}"
#: Every element and attribute a feed may have.
ELEMENTS = {
    "feed", "id", "title", "subtitle", "updated", "published", "link", "author", "name", "uri", "rights", "entry",
    "category", "content",
}  # fmt: skip
ATTRIBUTES = {"rel", "type", "href", "term", "label", "{http://www.w3.org/XML/1998/namespace}lang"}


def make_feeds(plan: Plan, limit: int = feeds.MAX_ENTRIES) -> dict[str, str]:
    return feeds.feed_files(plan, SITE_URL, REGISTRY.page_path, limit)


def parsed(xml: str) -> Any:
    result = feedparser.parse(xml.encode("utf-8"))
    assert not result.bozo, result.get("bozo_exception")
    assert result.version == "atom10"
    return result


def plan_data() -> dict[str, Any]:
    return {key: yaml.safe_load((VALID_PLAN / path).read_text(encoding="utf-8")) for key, path in FILES.items()}


def measures(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {m["id"]: m for goal in data["focus_area"]["goals"] for m in goal["measures"]}


def validated(data: dict[str, Any], folder: Path) -> Plan:
    if folder.exists():
        shutil.rmtree(folder)
    plan, problems = validate_folder(write_plan(data, folder))
    assert errors(problems) == [] and plan is not None, problems
    return plan


def update(date: str, status: str, text: str) -> dict[str, Any]:
    return {"date": dt.date.fromisoformat(date), "status": status, "text": text}


def with_updates(data: dict[str, Any]) -> dict[str, Any]:
    """The small plan with more updates: 1.1.1 (all municipalities) three, two of them on one day; 1.1.2 (Hurdal
    only) two."""
    found = measures(data)
    found["1.1.1"]["status_updates"] += [
        update("2022-03-01", "pågår", "Første møte *holdt*."),
        update("2022-03-01", "pågår", "Andre møte samme dag."),
    ]
    found["1.1.2"]["status_updates"] = [
        update("2024-02-01", "pågår", "Startet."),
        update("2025-06-30", "utsatt", "Utsatt til neste år."),
    ]
    found["1.1.2"]["status"] = "utsatt"
    return data


@pytest.fixture(scope="module")
def rich(tmp_path_factory: pytest.TempPathFactory) -> Plan:
    return validated(with_updates(plan_data()), tmp_path_factory.mktemp("feeds") / "plan")


def all_updates(plan: Plan, town: str | None = None) -> list[tuple[str, dt.date, str]]:
    return [
        (m.id, u.date, u.text)
        for _, _, m in plan.measures()
        if town is None or town in municipality_ids(plan, m)
        for u in m.status_updates
    ]


# -- what a feed holds -------------------------------------------------------------------------------------------


def test_there_is_a_feed_for_the_whole_plan_and_one_per_municipality(rich: Plan) -> None:
    files = make_feeds(rich)
    towns = [a.id for a in rich.actors if a.kind == "kommune"]
    assert sorted(files) == sorted(["feed.xml", *(f"feed-{t}.xml" for t in towns)])
    for xml in files.values():
        parsed(xml)


def test_the_whole_plans_feed_has_one_entry_per_status_update_newest_first(rich: Plan) -> None:
    result = parsed(make_feeds(rich)[feeds.ALL])
    assert len(result.entries) == len(all_updates(rich)) == 5
    dates = [e.updated_parsed[:3] for e in result.entries]
    assert dates == sorted(dates, reverse=True)
    assert [e.title.split()[0] for e in result.entries] == ["1.1.2", "1.1.2", "1.1.1", "1.1.1", "1.1.1"]


def test_a_municipalitys_feed_has_exactly_the_updates_of_the_measures_that_concern_it(rich: Plan) -> None:
    files = make_feeds(rich)
    for town in ("nes-kommune", "hurdal-kommune"):
        result = parsed(files[feeds.feed_path(town)])
        shown = sorted((e.title.split()[0], e.content[0].value) for e in result.entries)
        expected = sorted((m, text) for m, _, text in all_updates(rich, town))
        assert shown == expected
    assert len(parsed(files["feed-nes-kommune.xml"]).entries) == 3  # 1.1.1 concerns all, 1.1.2 Hurdal


def test_an_entry_names_the_measure_and_its_new_status_and_shows_the_text(rich: Plan) -> None:
    entry = parsed(make_feeds(rich)[feeds.ALL]).entries[0]
    assert entry.title == "1.1.2 Nettverk for reiseliv – status: Utsatt"
    assert entry.content[0].value == "Utsatt til neste år."
    assert entry.content[0].type == "text/plain"
    assert entry.link == SITE_URL + "tiltak/1-1-2/"
    assert entry.author == "Hurdal kommune"  # the lead actor
    assert entry.updated_parsed[:3] == entry.published_parsed[:3] == (2025, 6, 30)
    assert [(t.term, t.label) for t in entry.tags] == [("utsatt", "Utsatt")]


def test_an_updates_text_is_shown_as_written_as_on_the_sites_pages(rich: Plan) -> None:
    """The pages show an update as plain text (the `inline` filter), so the feed does too: Markdown stays as typed."""
    contents = [e.content[0].value for e in parsed(make_feeds(rich)[feeds.ALL]).entries]
    assert "Første møte *holdt*." in contents


def test_the_feed_says_what_it_is_in_norwegian_with_its_own_address_and_its_page(rich: Plan) -> None:
    feed = parsed(make_feeds(rich)["feed-hurdal-kommune.xml"]).feed
    assert feed.language == "nb"
    assert feed.title == "Testplanen: tiltakene som gjelder Hurdal kommune"
    assert "Hurdal kommune" in feed.subtitle
    assert feed.id.startswith("tag:gardermoregionen.github.io,")
    links = {link.rel: link.href for link in feed.links}
    assert links == {
        "self": SITE_URL + "feed-hurdal-kommune.xml",
        "alternate": SITE_URL + "aktorer/hurdal-kommune/",
    }
    assert feed.updated_parsed[:3] == (2025, 6, 30)  # the newest entry, not the clock
    assert feed.author == "Regionrådet"  # the plan's owner


def test_a_feed_without_updates_is_dated_from_the_plan(plan: Plan) -> None:
    """Hurdal's only measure of its own has no update; 1.1.1 (all municipalities) has one."""
    bare = parsed(make_feeds(plan, limit=0)[feeds.ALL])
    assert bare.entries == []
    newest = max(u.date for _, _, m in plan.measures() for u in m.status_updates)
    assert bare.feed.updated_parsed[:3] == newest.timetuple()[:3]


def test_a_feed_holds_only_the_newest_updates(rich: Plan) -> None:
    result = parsed(make_feeds(rich, limit=2)[feeds.ALL])
    newest = parsed(make_feeds(rich)[feeds.ALL]).entries[:2]
    assert [e.id for e in result.entries] == [e.id for e in newest]
    assert feeds.MAX_ENTRIES >= 20


# -- ids and reproducible bytes -----------------------------------------------------------------------------------


def test_entry_ids_are_unique_tag_uris(rich: Plan) -> None:
    ids = [e.id for e in parsed(make_feeds(rich)[feeds.ALL]).entries]
    assert len(set(ids)) == len(ids)
    assert all(
        re.fullmatch(r"tag:gardermoregionen\.github\.io,\d{4}:/naeringsplan/tiltak/[\d.]+/status/\S+", i) for i in ids
    )


def test_the_same_update_has_the_same_id_in_every_feed(rich: Plan) -> None:
    files = make_feeds(rich)
    whole = {e.id: e.title for e in parsed(files[feeds.ALL]).entries}
    for entry in parsed(files["feed-hurdal-kommune.xml"]).entries:
        assert whole[entry.id] == entry.title


def test_ids_stay_when_updates_are_added_and_two_builds_give_the_same_bytes(rich: Plan, tmp_path: Path) -> None:
    before = make_feeds(rich)
    assert make_feeds(rich) == before
    data = with_updates(plan_data())
    measures(data)["1.1.1"]["status_updates"] += [update("2022-03-01", "pågår", "Tredje samme dag.")]
    measures(data)["1.1.1"]["status_updates"] += [update("2023-01-01", "fullført", "Ferdig.")]
    measures(data)["1.1.1"]["status"] = "fullført"
    after = make_feeds(validated(data, tmp_path / "plan"))
    old = {e.id: (e.title, e.content[0].value) for e in parsed(before[feeds.ALL]).entries}
    new = {e.id: (e.title, e.content[0].value) for e in parsed(after[feeds.ALL]).entries}
    assert len(new) == len(old) + 2
    assert {i: new[i] for i in old} == old


# -- the text of the plan stays text --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def attacked(tmp_path_factory: pytest.TempPathFactory) -> Plan:
    """The injection corpus's attacked plan (every text field attacked, the vocabulary's labels and the actors'
    names too), and every string of the corpus as a status update of its own, all on one day."""
    data, _ = attacked_plan()
    measure = measures(data)["1.1.1"]
    status = measure["status_updates"][-1]["status"]  # the measure's status: its newest update's
    measure["status_updates"] += [update("2023-05-17", status, attack.text) for attack in CORPUS]
    return validated(data, tmp_path_factory.mktemp("feeds-attacked") / "plan")


def test_the_injection_corpus_adds_no_element_or_attribute(attacked: Plan) -> None:
    for path, xml in make_feeds(attacked, limit=len(CORPUS) * 2).items():
        parsed(xml)
        root = ET.fromstring(xml)
        tags = {element.tag.removeprefix(A) for element in root.iter()}
        assert tags <= ELEMENTS, path
        assert {name for element in root.iter() for name in element.attrib} <= ATTRIBUTES, path
        assert len(root.findall(f"{A}entry")) == len(all_updates(attacked, path_town(path))), path


def path_town(path: str) -> str | None:
    return None if path == feeds.ALL else path.removeprefix("feed-").removesuffix(".xml")


def test_the_injection_corpus_comes_back_as_written(attacked: Plan) -> None:
    """Titles, names, labels and the updates' text letter for letter, as plain text (as the site's pages show an
    update), with nothing in them that a reader would run."""
    files = make_feeds(attacked, limit=len(CORPUS) * 2)
    root = ET.fromstring(files[feeds.ALL])
    labels = {s.id: s.label for s in attacked.vocabulary.statuses}
    expected = sorted(
        (f"{m.id} {m.title} – status: {labels[u.status]}", u.text)
        for _, _, m in attacked.measures()
        for u in m.status_updates
    )
    found = sorted((e.findtext(f"{A}title"), e.findtext(f"{A}content")) for e in root.iter(f"{A}entry"))
    assert found == expected
    assert {e.find(f"{A}content").get("type") for e in root.iter(f"{A}entry")} == {"text"}  # type: ignore[union-attr]
    assert all(any(attack.text in text for _, text in found) for attack in CORPUS)
    names = {e.findtext(f"{A}author/{A}name") for e in root.iter(f"{A}entry")}
    assert names and names <= {a.name for a in attacked.actors}
    reader = parsed(files[feeds.ALL])  # which may fold whitespace in text (RFC 4287, 3.1.1.1)
    assert sorted(flat(e.content[0].value) for e in reader.entries) == sorted(flat(text) for _, text in expected)
    assert {e.content[0].type for e in reader.entries} == {"text/plain"}


def test_characters_xml_cannot_hold_are_replaced(plan: Plan) -> None:
    first = next(m for _, _, m in plan.measures() if m.status_updates)
    broken = first.status_updates[0].model_copy(update={"text": "før\ufffeetter"})
    changed = plan.model_copy(deep=True)
    measure = next(m for _, _, m in changed.measures() if m.id == first.id)
    object.__setattr__(measure, "status_updates", [broken])
    entry = parsed(make_feeds(changed)[feeds.ALL]).entries[0]
    assert entry.content[0].value == "før\ufffdetter"


# -- in the built site ------------------------------------------------------------------------------------------------


def site_file(site: Path, address: str) -> Path:
    """The file of the built site an absolute address of the site leads to."""
    assert address.startswith(SITE_URL), address
    path = address.removeprefix(SITE_URL)
    return site / (path + "index.html" if path.endswith("/") or not path else path)


def test_every_link_in_the_built_feeds_leads_to_a_page_of_the_site(built_site: Path) -> None:
    paths = sorted(built_site.glob("feed*.xml"))
    assert len(paths) == 3  # the whole plan, Nes, Hurdal
    for path in paths:
        result = parsed(path.read_text(encoding="utf-8"))
        addresses = [link.href for link in result.feed.links] + [result.feed.author_detail.href]
        for entry in result.entries:
            addresses += [entry.link, entry.author_detail.href]
        for address in addresses:
            assert site_file(built_site, address).is_file(), f"{path.name}: {address}"
        assert site_file(built_site, result.feed.links[0].href) == path


def test_the_built_feeds_are_what_the_plan_gives(built_site: Path, plan: Plan) -> None:
    """No clock, no chance: the build wrote the same bytes as making the feeds again from the plan."""
    for path, xml in make_feeds(plan).items():
        assert (built_site / path).read_text(encoding="utf-8") == xml


HEAD_LINK = re.compile(r'<link rel="alternate" type="application/atom\+xml" title="([^"]+)" href="([^"]+)">')


def head_feeds(page: Path) -> list[tuple[str, str]]:
    head = page.read_text(encoding="utf-8").partition("</head>")[0]
    return HEAD_LINK.findall(head)


def resolve(site: Path, page: Path, href: str) -> Path:
    if href.startswith("/"):
        return site / urlsplit(href).path.removeprefix(urlsplit(SITE_URL).path)
    return Path(posixpath.normpath(posixpath.join(page.parent.as_posix(), href)))


TITLES = {"nb": "Alle statusoppdateringer i planen", "en": "All status updates in the plan"}


def test_every_page_names_the_whole_plans_feed_in_its_head(built_site: Path) -> None:
    """And every feed named in a head lies beside sitemap.xml, which the theme fetches beside each
    <link rel="alternate"> (else each page view would ask for a file that is not there)."""
    pages = theme_pages(built_site)
    assert len(pages) > 20
    for page in pages:
        found = head_feeds(page)
        assert found, page
        title, href = found[0]
        assert resolve(built_site, page, href) == built_site / feeds.ALL, page
        lang = "en" if page.relative_to(built_site).parts[0] == "en" else "nb"
        assert title == catalogue(lang).t("theme.feed_title") == TITLES[lang], page  # the feed itself is Norwegian
        for _, href in found:
            assert (resolve(built_site, page, href).parent / "sitemap.xml").is_file(), (page, href)


def test_a_municipalitys_page_names_and_links_its_own_feed(built_site: Path) -> None:
    page = built_site / "aktorer" / "hurdal-kommune" / "index.html"
    found = dict((resolve(built_site, page, href), title) for title, href in head_feeds(page))
    own = built_site / "feed-hurdal-kommune.xml"
    assert found[own] == "Testplanen: tiltakene som gjelder Hurdal kommune"
    text = page.read_text(encoding="utf-8")
    visible = re.search(
        r'<a href="([^"]+)">Følg tiltakene som gjelder Hurdal kommune med varsel i en nyhetsleser \(RSS/Atom\)</a>',
        text,
    )
    assert visible is not None and resolve(built_site, page, visible.group(1)) == own
    assert re.search(r'<a href="[^"]*folg-planen/">Slik får du varsel</a>', text)
    other = built_site / "aktorer" / "regionradet" / "index.html"
    assert len(head_feeds(other)) == 1  # not a municipality: the whole plan's feed only


def test_the_follow_page_links_every_feed(built_site: Path) -> None:
    page = built_site / "folg-planen" / "index.html"
    text = page.read_text(encoding="utf-8").partition("<article")[2]
    linked = {resolve(built_site, page, href) for href in re.findall(r'href="([^"]+\.xml)"', text)}
    assert linked == set(built_site.glob("feed*.xml"))
    assert "Hva er en feed?" in text
