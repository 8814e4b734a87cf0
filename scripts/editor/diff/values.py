"""How `plan diff` names fields and shows values: Norwegian labels, names for ids, kroner, dates, yes and no.

A field without a label here is named by its key («`new_field`»), so a field added to the schema is reported
without code; a label makes the sentence read better.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from schema import ALL_MUNICIPALITIES, Actor, Period, Plan
from scripts.core.dates import nb_date
from scripts.core.numbers import NBSP, nok, number, years
from scripts.editor.diff.text import md, quote

#: Norwegian names of the fields, by key (the same key means the same thing in every model).
LABELS: dict[str, str] = {
    "title": "tittel",
    "short_title": "kort tittel",
    "region": "region",
    "period": "periode",
    "vision": "visjon",
    "summary": "sammendrag",
    "description": "beskrivelse",
    "owner": "eier",
    "sdg": "bærekraftsmål",
    "content_notice": "merknad om eksempelinnhold",
    "contact": "kontakt",
    "embed": "innbygging",
    "allowed_domains": "nettsteder som får vise innbyggingen",
    "licence": "lisens",
    "name": "navn",
    "short_name": "kort navn",
    "kind": "type",
    "municipality": "kommune",
    "municipalities": "kommuner",
    "url": "nettadresse",
    "email": "e-post",
    "phone": "telefon",
    "address": "adresse",
    "feedback_url": "skjema for innspill",
    "consultation": "høring",
    "deadline": "høringsfrist",
    "documents": "høringsdokumenter",
    "file": "fil",
    "respond": "hvordan man svarer",
    "active_from": "aktiv fra",
    "active_to": "aktiv til",
    "replaced_by": "erstattet av",
    "illustrative": "eksempel",
    "reconstructed": "rekonstruert",
    "label": "navn",
    "lead": "ledende rolle",
    "order": "rekkefølge",
    "colour": "farge",
    "symbol": "symbol",
    "done": "regnes som gjennomført",
    "closed": "lagt bort",
    "milestones": "milepæler",
    "reached": "nådd",
    "stale_after_months": "måneder før «ikke oppdatert»",
    "unit": "enhet",
    "source": "kilde",
    "source_url": "kildens nettadresse",
    "source_table": "kildetabell",
    "source_fetched": "hentet",
    "better": "bedre retning",
    "baseline": "utgangsverdi",
    "target": "målverdi",
    "observations": "målinger",
    "year": "år",
    "value": "verdi",
    "note": "merknad",
    "preliminary": "foreløpig",
    "start": "første år",
    "end": "siste år",
    "roles": "roller",
    "actor": "aktør",
    "role": "rolle",
    "status": "status",
    "priority": "prioritet",
    "budget": "budsjett",
    "amount": "beløp",
    "funder": "finansiør",
    "secured": "bevilget",
    "status_updates": "statusoppdateringer",
    "date": "dato",
    "text": "tekst",
    "indicators": "indikatorer",
    "related": "relaterte tiltak",
    "links": "lenker",
    "tags": "stikkord",
    "version": "versjon",
    "stage": "fase",
    "changes": "endringer",
    "decision": "vedtak",
    "body": "vedtaksorgan",
    "case_number": "saksnummer",
    "role_types": "rolletyper",
    "statuses": "statuser",
    "terms": "ordforklaringer",
}

#: How a yes or no reads, by key.
BOOLEANS: dict[str, tuple[str, str]] = {
    "secured": ("bevilget", "ikke bevilget"),
    "illustrative": ("eksempel", "ikke eksempel"),
    "reconstructed": ("rekonstruert", "ikke rekonstruert"),
    "done": ("regnes som gjennomført", "regnes ikke som gjennomført"),
    "closed": ("lagt bort", "ikke lagt bort"),
    "lead": ("ledende rolle", "ikke ledende rolle"),
    "preliminary": ("foreløpig", "endelig"),
}

#: Keys whose values are actor ids, shown with the actor's name.
ACTOR_KEYS = {"actor", "funder", "owner", "municipality", "replaced_by", "municipalities"}


def label(path: tuple[str, ...]) -> str:
    """«utgangsverdi, verdi (`baseline.value`)»."""
    words = ", ".join(LABELS.get(name, "") for name in path)
    code = f"`{'.'.join(path)}`"
    return f"{words} ({code})" if all(name in LABELS for name in path) else f"feltet {code}"


@dataclass(frozen=True)
class Names:
    """How the two versions name actors, statuses and roles (new names first), and which role is the lead."""

    actors: dict[str, str]
    statuses: dict[str, str]
    roles: dict[str, str]
    lead: str

    @classmethod
    def of(cls, old: Plan, new: Plan) -> Names:
        actors: list[Actor] = [*old.actors, *new.actors]
        return cls(
            {a.id: md(a.name) for a in actors},
            {s.id: md(s.label.lower()) for s in [*old.vocabulary.statuses, *new.vocabulary.statuses]},
            {r.id: md(r.label.lower()) for r in [*old.vocabulary.role_types, *new.vocabulary.role_types]},
            _lead(new) or _lead(old),
        )

    def actor(self, ident: str) -> str:
        return self.actors.get(ident, md(ident))

    def status(self, ident: str | None) -> str:
        return "–" if ident is None else self.statuses.get(ident, md(ident))

    def role(self, ident: str) -> str:
        return self.roles.get(ident, md(ident))

    def shown(self, value: Any, key: str = "") -> str:
        """A value as Markdown: names for ids, kroner, Norwegian dates, «bevilget» for true; «–» for nothing."""
        if value is None or value == []:
            return "–"
        if isinstance(value, bool):
            yes, no = BOOLEANS.get(key, ("ja", "nei"))
            return yes if value else no
        if isinstance(value, list):
            return ", ".join(self.shown(item, key) for item in value)
        if isinstance(value, BaseModel):
            return self.item(value)
        if isinstance(value, dt.date):
            return nb_date(value)
        if isinstance(value, float):
            return figure(value)
        if isinstance(value, int):
            return nok(value) if key == "amount" else str(value)
        return self._text(str(value), key)

    def _text(self, value: str, key: str) -> str:
        if key == "municipalities" and value == ALL_MUNICIPALITIES:
            return "alle kommuner"
        if key in ACTOR_KEYS:
            return self.actor(value)
        if key == "status":
            return self.status(value)
        if key == "role":
            return self.role(value)
        if key in {"date", "active_from", "active_to", "source_fetched"}:
            return nb_date(value)
        return quote(value)

    def item(self, value: BaseModel) -> str:
        """A list item or small model on one line: its values that are set, in field order."""
        if isinstance(value, Period):
            return years(value)
        parts = [
            self.shown(getattr(value, name), name)
            for name, info in type(value).model_fields.items()
            if getattr(value, name) not in (None, [], info.default) or info.is_required()
        ]
        return ", ".join(parts)


def figure(value: float, unit: str = "") -> str:
    """A measured value as written, the Norwegian way, with every decimal it has («56 600», «21,55»), and its unit
    («45,5 %», «1 450 dekar»; «antall» is left out, as on the site)."""
    exponent = Decimal(repr(value)).as_tuple().exponent
    decimals = max(0, -exponent) if isinstance(exponent, int) else 0
    shown = number(value, decimals)
    unit = unit.strip()
    return f"{shown}{NBSP}{md(unit)}" if unit and unit.lower() != "antall" else shown


def _lead(plan: Plan) -> str:
    """The lead role type (``core.queries.lead_role``), or «» when a version has none."""
    leads = sorted((r for r in plan.vocabulary.role_types if r.lead), key=lambda r: r.order)
    return leads[0].id if leads else ""
