"""What an actor does in the plan, summed up for the top of its page (issue 12, «Din kommune»).

In: the site's lookups (:class:`scripts.site.lookups.Site`) and an actor. Out: an :class:`ActorSummary` — the
measures it leads, takes part in (any other role) and, for a municipality, is affected by, counted by status; the
money it puts in as a funder and the budget of the measures that affect it; its measures once each, with its
role(s), by focus area; and the newest status updates of the measures it works on.

The actor page's template asks ``site.summary(actor)``; ``lookups`` imports this module, so this module reads the
lookups through the :class:`Lookups` protocol instead of importing them back.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from schema import Actor, FocusArea, Goal, Measure, Plan, RoleType, Status, StatusUpdate
from scripts.core.queries import municipality_ids

#: How many status updates the summary keeps, newest first.
UPDATES = 5


class Lookups(Protocol):
    """What the summary reads of :class:`scripts.site.lookups.Site`."""

    plan: Plan
    statuses: dict[str, Status]
    role_types: dict[str, RoleType]
    measures: dict[str, tuple[FocusArea, Goal, Measure]]
    lead_role: str

    def actor_funding(self, actor_id: str) -> tuple[int, int]: ...

    def budget_totals(self, measures: Iterable[Measure]) -> tuple[int, int]: ...

    def latest_updates(self, count: int, measures: Iterable[Measure] | None = None) -> list[tuple[Measure, Any]]: ...


@dataclass(frozen=True)
class StatusRow:
    """How many of the actor's measures have one status: those it leads, takes part in, is affected by."""

    status: Status
    leads: int
    takes_part: int
    affected: int


@dataclass(frozen=True)
class MeasureRow:
    """A measure as the actor's page lists it: the actor's roles in it (role type ids in the vocabulary's order;
    none when a municipality is only affected by it) and the notes on those roles."""

    measure: Measure
    roles: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActorSummary:
    actor: Actor
    #: The measures the actor leads.
    leads: tuple[Measure, ...]
    #: The measures the actor has another role in, without leading them.
    takes_part: tuple[Measure, ...]
    #: The measures that affect a municipality (named, or «alle»); empty for other actors.
    affected: tuple[Measure, ...]
    #: The statuses any of these measures have, in the vocabulary's order.
    by_status: tuple[StatusRow, ...]
    #: (secured, planned): what the actor puts into the measures as their funder.
    own_funding: tuple[int, int]
    #: (secured, planned): the whole budget of the measures that affect the municipality, from every funder.
    affected_budget: tuple[int, int]
    #: Every measure the actor leads, takes part in or is affected by, once, by focus area in plan order.
    groups: tuple[tuple[FocusArea, tuple[MeasureRow, ...]], ...]
    #: The newest status updates of the measures the actor leads or takes part in, newest first.
    updates: tuple[tuple[Measure, StatusUpdate], ...]

    @property
    def is_municipality(self) -> bool:
        return self.actor.kind == "kommune"


def summarise(site: Lookups, actor: Actor, updates: int = UPDATES) -> ActorSummary:
    """The summary of what `actor` does in the plan (see :class:`ActorSummary`)."""
    rows = _rows(site, actor.id)
    roles = {ident: row.roles for ident, row in rows.items()}
    all_measures = [m for _, _, m in site.measures.values()]
    leads = tuple(m for m in all_measures if site.lead_role in roles.get(m.id, ()))
    takes_part = tuple(m for m in all_measures if m.id in roles and site.lead_role not in roles[m.id])
    affected = tuple(m for m in all_measures if actor.id in municipality_ids(site.plan, m)) if actor.kind == "kommune" else ()
    shown = {m.id for m in (*leads, *takes_part, *affected)}
    groups: dict[str, list[MeasureRow]] = {}
    for fa, _, measure in site.measures.values():
        if measure.id in shown:
            groups.setdefault(fa.id, []).append(rows.get(measure.id, MeasureRow(measure)))
    return ActorSummary(
        actor=actor,
        leads=leads,
        takes_part=takes_part,
        affected=affected,
        by_status=_by_status(site.statuses, leads, takes_part, affected),
        own_funding=site.actor_funding(actor.id),
        affected_budget=site.budget_totals(affected),
        groups=tuple((fa, tuple(groups[fa.id])) for fa in site.plan.focus_areas if fa.id in groups),
        updates=tuple(site.latest_updates(updates, (*leads, *takes_part))),
    )


def _rows(site: Lookups, actor_id: str) -> dict[str, MeasureRow]:
    """Measure id → the measure with the actor's roles in it (each role type once, in the vocabulary's order) and
    their notes, for the measures the actor has a role in."""
    order = list(site.role_types)
    found: dict[str, MeasureRow] = {}
    for _, _, measure in site.measures.values():
        mine = [r for r in measure.roles if r.actor == actor_id]
        if mine:
            roles = tuple(sorted({r.role for r in mine}, key=order.index))
            found[measure.id] = MeasureRow(measure, roles, tuple(r.note for r in mine if r.note))
    return found


def _by_status(
    statuses: Mapping[str, Status], leads: Iterable[Measure], takes_part: Iterable[Measure], affected: Iterable[Measure]
) -> tuple[StatusRow, ...]:
    counted = [[m.status for m in measures] for measures in (leads, takes_part, affected)]
    rows = (StatusRow(s, *(ids.count(s.id) for ids in counted)) for s in sorted(statuses.values(), key=_order))
    return tuple(row for row in rows if row.leads or row.takes_part or row.affected)


def _order(status: Status) -> int:
    return status.order
