"""Who publishes the open data, under which licence, whom to contact and how new the data is: what the workbook's
first sheet and the DCAT description both state, taken from the plan (never from the clock)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import quote

from schema import Actor, Plan
from scripts.core.queries import ReaderContact, document_dates, reader_contact
from scripts.present.licence import Licence, licence

#: Characters allowed in an address as they are (RFC 3987's reserved and unreserved characters and «%»); any other
#: (space, quotes, angle brackets, braces, non-ASCII letters…) is percent-encoded.
ADDRESS_SAFE = ":/?#[]@!$&'()*+,;=%~-._"


def encoded(address: str) -> str:
    """An address from the plan as one that a link in a workbook or an IRI in RDF can hold."""
    return quote(address, safe=ADDRESS_SAFE)


@dataclass(frozen=True)
class Publication:
    title: str
    publisher: Actor
    contact: ReaderContact
    licence: Licence
    #: The oldest and the newest date in the plan (first revision, newest revision or status update).
    created: dt.date
    modified: dt.date


def publication(plan: Plan) -> Publication:
    info = plan.plan
    owner = next(actor for actor in plan.actors if actor.id == info.owner)
    created, modified = data_dates(plan)
    return Publication(
        title=f"{info.title} – åpne data",
        publisher=owner,
        contact=reader_contact(plan),
        licence=licence(plan),
        created=created,
        modified=modified,
    )


def data_dates(plan: Plan) -> tuple[dt.date, dt.date]:
    """The oldest and the newest date in the plan (:func:`~scripts.core.queries.document_dates`), as dates."""
    created, modified = document_dates(plan)
    return dt.date.fromisoformat(created), dt.date.fromisoformat(modified)
