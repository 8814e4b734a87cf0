"""A measure's facts, as both the website's measure page and the print edition state them: its status and when
it was last updated, period, priority, lead, municipalities, tags, and who holds which role. Data only: each
medium words and links them itself (``templates/pages/measure.md.jinja``, ``templates/print/_measure.html.jinja``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from schema import Actor, Measure, Period, RoleType, Status
from scripts.core.queries import abbreviates
from scripts.present.i18n import localized


class Lookups(Protocol):
    """What the facts are looked up in (:class:`scripts.present.lookups.Lookups`, which imports this module)."""

    @property
    def actors(self) -> Mapping[str, Actor]: ...

    @property
    def statuses(self) -> Mapping[str, Status]: ...

    @property
    def role_types(self) -> Mapping[str, RoleType]: ...

    def lead(self, measure: Measure) -> Actor: ...

    def municipalities(self, measure: Measure) -> list[Actor]: ...


@dataclass(frozen=True)
class Holder:
    """An actor in a role on the measure, with what it contributes (the role's note), if written."""

    actor: Actor
    note: str | None


@dataclass(frozen=True)
class RoleGroup:
    """The actors holding one kind of role on the measure, in the order the measure names them."""

    role_type: RoleType
    holders: tuple[Holder, ...]


@dataclass(frozen=True)
class MeasureFacts:
    status: Status
    #: The date of the newest status update; None before the first.
    updated: dt.date | None
    period: Period
    priority: str | None
    lead: Actor
    #: The municipalities the measure is for; None when it is for all of them («alle»).
    municipalities: tuple[Actor, ...] | None
    tags: tuple[str, ...]
    #: One group per kind of role that someone holds, in the vocabulary's order.
    roles: tuple[RoleGroup, ...]


def measure_facts(site: Lookups, measure: Measure) -> MeasureFacts:
    """The facts of `measure`, with every id resolved through the plan's lookups."""
    roles = (
        RoleGroup(role_type, tuple(Holder(site.actors[r.actor], r.note) for r in measure.roles if r.role == ident))
        for ident, role_type in site.role_types.items()
    )
    return MeasureFacts(
        status=site.statuses[measure.status],
        updated=measure.status_updates[-1].date if measure.status_updates else None,
        period=measure.period,
        priority=measure.priority,
        lead=site.lead(measure),
        municipalities=None if measure.municipalities == "alle" else tuple(site.municipalities(measure)),
        tags=tuple(measure.tags),
        roles=tuple(group for group in roles if group.holders),
    )


def plain_name_in(actor: Actor, lang: str = "nb") -> str:
    """:func:`scripts.core.queries.plain_name` in `lang`: the short name when it is the first words of the name
    («Eidsvoll»), else the name; each in `lang` where translated."""
    name = localized(actor, "name", lang).text or actor.name
    short = localized(actor, "short_name", lang).text
    return short if short and not abbreviates(short, name) else name
