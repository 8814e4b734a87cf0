"""Who publishes the open data, under which licence, whom to contact and how new the data is: what the workbook's
first sheet and the DCAT description both state, taken from the plan (never from the clock).

And what of it is example content (``illustrative: true`` on a focus area, an indicator, an actor or a revision):
:class:`Examples` words the notice that every place the data goes carries (the Data Package and each of its
resources, the workbook's first sheet, the DCAT description, the feeds), in plain Norwegian; a plan without example
content gets no notice anywhere."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import quote

from schema import Actor, FocusArea, Indicator, Plan, Revision
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


#: What the data says when the plan has example content but no notice of its own (plan.content_notice).
DEFAULT_NOTICE = "Deler av innholdet er eksempler og ikke den vedtatte planen."
#: The columns that tell which item a table's row is about, in the order they are looked for.
KEY_COLUMNS = ("tiltak_id", "indikator_id", "aktør_id")
#: The label every notice starts with: the word the site's pages and the PDFs use.
LABEL = "Eksempelinnhold"


@dataclass(frozen=True)
class Examples:
    """What of the plan is example content (``illustrative: true``), and the plan's notice about it."""

    focus_areas: tuple[FocusArea, ...]
    indicators: tuple[Indicator, ...]
    actors: tuple[Actor, ...]
    revisions: tuple[Revision, ...]
    #: The plan's own words (plan.content_notice), or :data:`DEFAULT_NOTICE`.
    notice: str
    #: Whether the contact's e-mail, phone and address are examples (contact.illustrative).
    contact: bool = False

    def __bool__(self) -> bool:
        return bool(self.focus_areas or self.indicators or self.actors or self.revisions or self.contact)

    @property
    def measure_ids(self) -> set[str]:
        """The measures of the example focus areas."""
        return {m.id for fa in self.focus_areas for g in fa.goals for m in g.measures}

    def plan_notice(self) -> str | None:
        """The notice for the whole data set: the plan's words and what is marked as example. None without
        example content."""
        if not self:
            return None
        parts: list[str] = []
        if self.focus_areas:
            parts.append(f"satsingsområde {listed(fa.id for fa in self.focus_areas)} (med mål og tiltak)")
        if self.indicators:
            parts.append(counted(len(self.indicators), "indikator", "indikatorer"))
        if self.actors:
            parts.append(counted(len(self.actors), "aktør", "aktører"))
        if self.revisions:
            which = "rulleringen" if len(self.revisions) == 1 else "rulleringene"
            parts.append(f"{which} {listed(r.version for r in self.revisions)}")
        if self.contact:
            parts.append("e-post og telefon i kontakten")
        return f"{LABEL}: {self.notice} Dette er eksempler: {listed(parts)} (merket «illustrative: true» i plan.json)."

    def rows_notice(self, header: Sequence[str], rows: Iterable[Sequence[object]]) -> str | None:
        """The notice for one table, from the values of its first key column (a measure, an indicator or an
        actor, whichever the header names first): how many rows are examples and which. None when none is."""
        column = next((c for c in KEY_COLUMNS if c in header), None)
        if column is None:
            return self.plan_notice()
        index = list(header).index(column)
        chosen = {
            "tiltak_id": self.measure_ids,
            "indikator_id": {i.id for i in self.indicators},
            "aktør_id": {a.id for a in self.actors},
        }[column]
        keys = [row[index] for row in rows]
        count = sum(1 for key in keys if key in chosen)
        if not count:
            return None
        share = f"alle de {len(keys)} radene" if count == len(keys) else f"{count} av {len(keys)} rader"
        return f"{LABEL}: {share} gjelder {self._which(column)}. {self._honest(column)}".rstrip()

    def _which(self, column: str) -> str:
        if column == "tiltak_id":
            return f"tiltak i satsingsområde {listed(fa.id for fa in self.focus_areas)}, som er eksempler"
        if column == "indikator_id":
            titles = listed(f"«{i.title}»" for i in self.indicators)
            one = len(self.indicators) == 1
            return f"indikatoren {titles}, som er et eksempel" if one else f"indikatorene {titles}, som er eksempler"
        names = listed(a.name for a in self.actors)
        return (
            f"aktøren {names}, som er et eksempel" if len(self.actors) == 1 else f"aktørene {names}, som er eksempler"
        )

    @staticmethod
    def _honest(column: str) -> str:
        if column == "indikator_id":
            return "Tallene er ikke hentet fra kildene som er oppgitt for indikatorene, og er ikke målte verdier."
        return "Teksten er ikke den vedtatte planen." if column == "tiltak_id" else ""

    def feed_notice(self, measure_ids: Iterable[str]) -> str | None:
        """The notice for a feed of these measures' status updates: None when none of them is an example."""
        shown = set(measure_ids)
        areas = [fa.id for fa in self.focus_areas if any(m.id in shown for g in fa.goals for m in g.measures)]
        if not areas:
            return None
        return (
            f"{LABEL}: tiltakene i satsingsområde {listed(areas)} og statusoppdateringene deres er eksempler, "
            "ikke den vedtatte planen."
        )


def examples(plan: Plan) -> Examples:
    """What of the plan is example content."""
    return Examples(
        tuple(fa for fa in plan.focus_areas if fa.illustrative),
        tuple(i for i in plan.indicators if i.illustrative),
        tuple(a for a in plan.actors if a.illustrative),
        tuple(r for r in plan.plan.revisions if r.illustrative),
        " ".join((plan.plan.content_notice or DEFAULT_NOTICE).split()),
        contact=plan.plan.contact is not None and plan.plan.contact.illustrative,
    )


def with_notice(text: str, notice: str | None) -> str:
    """A description with the example notice before it, where a reader (or a catalogue that shows only the
    beginning) sees it first; as it is without one."""
    return f"{notice} {text}" if notice else text


def listed(items: Iterable[object]) -> str:
    """«1, 2 og 3»."""
    words = [str(item) for item in items]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " og " + words[-1]


def counted(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"
