"""Feeds to follow the plan: the measures' status updates as Atom feeds (RFC 4287), one for the whole plan and one
per municipality, newest first.

In: a validated plan, the site's address (``site_url``) and the registry's ``page_path`` (where a measure's or an
actor's page lives). Out: ``{path: xml}`` beside the pages (``feed.xml``, ``feed-<municipality id>.xml``), and
:func:`feed_list` for the pages that link to the feeds.

The XML is built with ElementTree, which escapes every text and attribute. An update's text is the entry's content
as plain text, as written, just as the site's pages show it (``inline``: Markdown in it is not interpreted), so a
feed reader shows the same words and there is no HTML in a feed to sanitise.
Nothing comes from the clock: an entry's ``updated`` is its update's date and a feed's is its newest entry's, so
two builds of the same plan give the same bytes. Entry ids are ``tag:`` URIs (RFC 4151) made of the site's host,
the measure's number, the update's date and, for a second update on the same day, its place among that day's:
they stay the same when updates are added and when the site is built again. The same update has the same id in
the whole plan's feed and in a municipality's, so a reader that follows both shows it once.
A feed whose measures include example content (a focus area with ``illustrative: true``) says so in its subtitle,
«Eksempelinnhold: …», as the open data does (:class:`~scripts.site.open_data.publication.Examples`).
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from schema import LICENCES, Actor, Measure, Plan, StatusUpdate
from scripts.core.filters import slug
from scripts.core.queries import lead_actor, lead_role, municipality_ids
from scripts.site.open_data.publication import examples, with_notice
from scripts.site.urls import url_of

#: The whole plan's feed; a municipality's is feed-<id>.xml. In the site's root folder: the theme fetches
#: «sitemap.xml» beside the address of every <link rel="alternate"> in a page's head (Material's language switcher),
#: so a feed in a folder of its own would cost every page view a request for a sitemap that is not there.
ALL = "feed.xml"
#: The newest updates a feed holds. A reader fetches a feed again and again and only needs what is new since the
#: last time; a new subscriber gets about two years of the plan's updates at today's pace (≈ 25 a year). The full
#: history stays on each measure's page and in the open data (statusoppdateringer.csv), and the file stays small
#: (≈ 1 kB per entry) however long the plan runs.
MAX_ENTRIES = 50
#: The date in the tag: URIs (RFC 4151 asks for a date at which the tagger held the host name): the year the feeds
#: were introduced. Never change it, or every reader sees every entry again as new.
TAG_DATE = "2025"

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: Characters XML 1.0 cannot hold (the validator already refuses the control characters; this is the last guard).
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class Feed:
    """A feed: where it lives, its title, and the municipality it is for (None: the whole plan)."""

    path: str
    title: str
    municipality: Actor | None = None


@dataclass(frozen=True)
class Entry:
    """One status update of a measure, with what its entry needs."""

    measure: Measure
    update: StatusUpdate
    #: 1 for the first update of the measure on that day, 2 for the second …
    same_day: int
    #: The measure's place in the plan (for a stable order among updates of the same day).
    position: int


def feed_path(municipality_id: str | None = None) -> str:
    """Where a feed lives in the site: the whole plan's, or a municipality's."""
    return ALL if municipality_id is None else f"feed-{slug(municipality_id)}.xml"


def feed_list(plan: Plan) -> list[Feed]:
    """The whole plan's feed and each municipality's, in the order of the actors file."""
    whole = Feed(ALL, f"{plan.plan.short_title}: alle statusoppdateringer")
    towns = [
        Feed(feed_path(a.id), f"{plan.plan.short_title}: tiltakene som gjelder {a.name}", a)
        for a in plan.actors
        if a.kind == "kommune"
    ]
    return [whole, *towns]


def entries(plan: Plan, municipality_id: str | None = None) -> list[Entry]:
    """Every status update (of the measures that concern the municipality), newest first."""
    found = []
    for position, (_, _, measure) in enumerate(plan.measures()):
        if municipality_id is not None and municipality_id not in municipality_ids(plan, measure):
            continue
        seen: dict[dt.date, int] = {}
        for update in measure.status_updates:
            seen[update.date] = seen.get(update.date, 0) + 1
            found.append(Entry(measure, update, seen[update.date], position))
    return sorted(found, key=lambda e: (e.update.date, e.position, e.same_day), reverse=True)


def feed_files(
    plan: Plan, site_url: str | None, page_path: Callable[..., str], limit: int = MAX_ENTRIES
) -> dict[str, str]:
    """Every feed as Atom XML, by its path in the site. `site_url` is the site's address (MkDocs' site_url; without
    one the addresses point at localhost, as in a local preview)."""
    site = _SiteAddresses(site_url or "http://localhost/", page_path)
    return {feed.path: atom(plan, feed, site, limit) for feed in feed_list(plan)}


@dataclass(frozen=True)
class _SiteAddresses:
    """Absolute addresses and tag: ids in the site."""

    base: str
    page_path: Callable[..., str]

    def url(self, path: str) -> str:
        return self.base.rstrip("/") + "/" + path

    def page(self, kind: str, ident: str | None = None) -> str:
        return self.url(url_of(self.page_path(kind, ident)))

    def tag(self, name: str) -> str:
        parts = urlsplit(self.base)
        return f"tag:{parts.hostname or 'localhost'},{TAG_DATE}:{parts.path.rstrip('/')}/{name}"


def atom(plan: Plan, feed: Feed, site: _SiteAddresses, limit: int = MAX_ENTRIES) -> str:
    """One feed as an Atom document."""
    town = feed.municipality
    chosen = entries(plan, town.id if town else None)[:limit]
    owner = next(a for a in plan.actors if a.id == plan.plan.owner)
    root = ET.Element("feed", {"xmlns": ATOM, XML_LANG: "nb"})
    _text(root, "id", site.tag(f"feed/kommune/{town.id}" if town else "feed/alle"))
    _text(root, "title", feed.title)
    which = "alle tiltakene" if town is None else f"tiltakene som gjelder {town.name},"
    subtitle = f"Statusoppdateringer for {which} i {plan.plan.title}, nyeste først."
    _text(root, "subtitle", with_notice(subtitle, examples(plan).feed_notice(_measure_ids(plan, town))))
    _text(root, "updated", _instant(chosen[0].update.date if chosen else _newest_date(plan)))
    _link(root, "self", site.url(feed.path), "application/atom+xml")
    _link(root, "alternate", site.page("actor", town.id) if town else site.url(""), "text/html")
    _author(root, owner, site)
    _text(root, "rights", f"{LICENCES[plan.plan.licence][0]} ({plan.plan.licence})")
    statuses = {s.id: s.label for s in plan.vocabulary.statuses}
    lead = lead_role(plan.vocabulary)
    actors = {a.id: a for a in plan.actors}
    for entry in chosen:
        _entry(root, entry, statuses[entry.update.status], actors[lead_actor(entry.measure, lead)], site)
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def _entry(root: ET.Element, entry: Entry, label: str, lead: Actor, site: _SiteAddresses) -> None:
    measure, update = entry.measure, entry.update
    element = ET.SubElement(root, "entry")
    suffix = "" if entry.same_day == 1 else f"/{entry.same_day}"
    _text(element, "id", site.tag(f"tiltak/{measure.id}/status/{update.date.isoformat()}{suffix}"))
    _text(element, "title", f"{measure.id} {measure.title} – status: {label}")
    _text(element, "published", _instant(update.date))
    _text(element, "updated", _instant(update.date))
    _link(element, "alternate", site.page("measure", measure.id), "text/html")
    _author(element, lead, site)
    ET.SubElement(element, "category", {"term": update.status, "label": _xml(label)})
    _text(element, "content", update.text, type="text")


def _measure_ids(plan: Plan, town: Actor | None) -> list[str]:
    """The measures a feed follows: all of them, or those that concern the municipality."""
    return [m.id for _, _, m in plan.measures() if town is None or town.id in municipality_ids(plan, m)]


def _text(parent: ET.Element, name: str, text: str, **attributes: str) -> None:
    ET.SubElement(parent, name, attributes).text = _xml(text)


def _link(parent: ET.Element, rel: str, href: str, media_type: str) -> None:
    ET.SubElement(parent, "link", {"rel": rel, "type": media_type, "href": href})


def _author(parent: ET.Element, actor: Actor, site: _SiteAddresses) -> None:
    author = ET.SubElement(parent, "author")
    _text(author, "name", actor.name)
    _text(author, "uri", site.page("actor", actor.id))


def _xml(text: str) -> str:
    return NOT_XML.sub("\ufffd", text)


def _instant(date: dt.date) -> str:
    """A date as an Atom instant: noon UTC, so that it shows as the same day in every time zone from UTC−11 to
    UTC+11 (the plan knows only the day)."""
    return f"{date.isoformat()}T12:00:00Z"


def _newest_date(plan: Plan) -> dt.date:
    """The newest date in the plan, for a feed without entries: the newest revision (a month counts as its first
    day) or status update."""
    return max(_dates(plan))


def _dates(plan: Plan) -> Iterator[dt.date]:
    for revision in plan.plan.revisions:
        yield dt.date.fromisoformat(revision.date if len(revision.date) == 10 else revision.date + "-01")
    for _, _, measure in plan.measures():
        yield from (update.date for update in measure.status_updates)
