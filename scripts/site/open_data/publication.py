"""Who publishes the open data, under which licence, whom to contact and how new the data is: what the workbook's
first sheet and the DCAT description both state, taken from the plan (never from the clock)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import quote

import schema
from schema import Actor, Plan

#: The licences in the EU's licence vocabulary, which DCAT-AP and data.norge.no use (SPDX id → URI).
EU_LICENCES = {
    "CC-BY-4.0": "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0",
    "NLOD-2.0": "http://publications.europa.eu/resource/authority/licence/NLOD_2_0",
}


#: Characters allowed in an address as they are (RFC 3987's reserved and unreserved characters and «%»); any other
#: (space, quotes, angle brackets, braces, non-ASCII letters…) is percent-encoded.
ADDRESS_SAFE = ":/?#[]@!$&'()*+,;=%~-._"


def encoded(address: str) -> str:
    """An address from the plan as one that a link in a workbook or an IRI in RDF can hold."""
    return quote(address, safe=ADDRESS_SAFE)


@dataclass(frozen=True)
class Contact:
    """Whom readers contact about the data: the plan's contact, or else the owner of the plan."""

    name: str
    email: str | None = None
    phone: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Publication:
    title: str
    publisher: Actor
    contact: Contact
    #: The licence's SPDX id, its Norwegian name, the address of its text and its URI in the EU vocabulary.
    licence: str
    licence_name: str
    licence_url: str
    licence_uri: str
    #: The oldest and the newest date in the plan (first revision, newest revision or status update).
    created: dt.date
    modified: dt.date


def publication(plan: Plan) -> Publication:
    info = plan.plan
    owner = next(actor for actor in plan.actors if actor.id == info.owner)
    contact = (
        Contact(info.contact.name, info.contact.email, info.contact.phone, info.contact.url)
        if info.contact is not None
        else Contact(owner.name, url=owner.url)
    )
    name, url = schema.LICENCES[info.licence]
    created, modified = data_dates(plan)
    return Publication(
        title=f"{info.title} – åpne data",
        publisher=owner,
        contact=contact,
        licence=info.licence,
        licence_name=name,
        licence_url=url,
        licence_uri=EU_LICENCES[info.licence],
        created=created,
        modified=modified,
    )


def data_dates(plan: Plan) -> tuple[dt.date, dt.date]:
    """The oldest and the newest date in the plan, as the PDFs' creation and modification dates
    (`pdf.document_dates`, which this stage cannot import): revisions (a month alone counts as its first day) and
    status updates."""
    dates = [dt.date.fromisoformat(r.date if len(r.date) == 10 else r.date + "-01") for r in plan.plan.revisions]
    dates += [u.date for _, _, m in plan.measures() for u in m.status_updates]
    return min(dates), max(dates)
