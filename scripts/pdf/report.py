"""What the print editions say about the status: the date the status is as of («Status per 12. november 2026»),
the plan as it stood on that date, and the figures of the yearly status report (the summary for a decision,
what changed since the report before, the measures that need following up by their lead actor).

«The report before» is the status report of the year before, as its own figures stand: its «status per» date is
the newest status update up to the end of that year, and a measure's status then is its status at the end of that
year. The first year of the plan period has none; its changes are counted from the start (every measure planned).

A status is always the one of the newest status update up to a date (of several on that day, the one written
last), and before the first update the vocabulary's first status («planlagt»), as in :class:`schema.Measure`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from schema import Actor, Measure, Plan, StatusUpdate
from scripts.core.followup import FollowUp, Rule, by_lead, status_as_of
from scripts.present.progress import Assessment, assess

__all__ = [
    "Report",
    "YearState",
    "as_of_date",
    "build_report",
    "follow_up_by_lead",
    "plan_as_of",
    "report_as_of",
    "status_on",
]


def start_status(plan: Plan) -> str:
    """The status of a measure before its first update: the vocabulary's first («planlagt»)."""
    return min(plan.vocabulary.statuses, key=lambda s: s.order).id


def updates_until(measure: Measure, day: dt.date) -> list[StatusUpdate]:
    return [u for u in measure.status_updates if u.date <= day]


def status_on(measure: Measure, day: dt.date, first: str) -> str:
    """The measure's status at the end of `day`."""
    known = updates_until(measure, day)
    return max(reversed(known), key=lambda u: u.date).status if known else first


def as_of_date(plan: Plan, until: dt.date | None = None) -> dt.date:
    """The date the status is as of: `until` when it is given, else the date of the newest status update (the
    first day of the plan period when there is none)."""
    return until if until is not None else status_as_of(plan)


def plan_as_of(plan: Plan, day: dt.date) -> Plan:
    """The plan with only the status updates up to `day`, and each measure's status as it was then. The plan
    itself when nothing is left out."""
    if all(u.date <= day for _, _, m in plan.measures() for u in m.status_updates):
        return plan
    first = start_status(plan)

    def measure(m: Measure) -> Measure:
        return m.model_copy(update={"status_updates": updates_until(m, day), "status": status_on(m, day, first)})

    areas = [
        fa.model_copy(
            update={"goals": [g.model_copy(update={"measures": [measure(m) for m in g.measures]}) for g in fa.goals]}
        )
        for fa in plan.focus_areas
    ]
    return plan.model_copy(update={"focus_areas": areas})


@dataclass(frozen=True)
class YearState:
    """A measure in the year of the report: its status now (as of) and at the end of the year before, its
    updates in the year and its budget for the year."""

    measure: Measure
    status: str
    before: str
    updates: list[StatusUpdate]
    secured: int
    planned: int
    #: The date of the newest update up to the report's limit (None: no update yet then).
    last: dt.date | None = None

    @property
    def changed(self) -> bool:
        return self.status != self.before


@dataclass(frozen=True)
class Report:
    """The figures of the status report for `year`, with the status as of `as_of`."""

    year: int
    as_of: dt.date
    #: True for a report on the current year: «hittil i år» instead of «ved utgangen av».
    so_far: bool
    states: list[YearState]
    #: The measures whose period begins / ends in the year.
    new: list[Measure]
    ended: list[Measure]
    #: Each indicator as it stood in the year: assessed on the measurements up to the year.
    indicators: list[Assessment]
    #: The «status per» date of the report on the year before (None: the year is the plan period's first).
    previous: dt.date | None
    #: The measures that are late or unreported as of `as_of` (core/followup's rule), by their lead actor.
    follow_up: list[tuple[Actor, list[FollowUp]]]

    @property
    def changed(self) -> list[YearState]:
        return [s for s in self.states if s.changed]

    @property
    def secured(self) -> int:
        return sum(s.secured for s in self.states)

    @property
    def planned(self) -> int:
        return sum(s.planned for s in self.states)


def report_as_of(plan: Plan, year: int, until: dt.date | None = None) -> dt.date:
    """The «status per» date of the report on `year`: `until` when it is given and not after the year's end,
    else the newest status update up to the year's end (the year's last day when there is none)."""
    end = dt.date(year, 12, 31)
    if until is not None and until <= end:
        return until
    return max((u.date for _, _, m in plan.measures() for u in m.status_updates if u.date <= end), default=end)


def follow_up_by_lead(plan: Plan, as_of: dt.date) -> list[tuple[Actor, list[FollowUp]]]:
    """The measures that need following up as of `as_of`, by their lead actor: core/followup's rule, counted
    from `as_of` (a report's «status per» date) with each measure as it stood then."""
    then = plan_as_of(plan, as_of)
    rule = dataclasses.replace(Rule.of(then), as_of=as_of)
    return by_lead(then, {m.id: rule.check(m) for _, _, m in then.measures()})


def build_report(plan: Plan, year: int, today: dt.date, until: dt.date | None = None) -> Report:
    """The report on `year`: the status as of the newest update in the year (or `until`, when it is earlier
    than the year's end), compared with the status at the end of the year before, which is the status the
    report on that year gave. Measures that had not started by the end of the year are left out."""
    end = dt.date(year, 12, 31)
    limit = min(until or end, end)
    first = start_status(plan)
    before_day = dt.date(year - 1, 12, 31)
    as_of = report_as_of(plan, year, until)
    states = []
    for _, _, m in plan.measures():
        if m.period.start > year:
            continue
        lines = [b for b in m.budget if b.year == year]
        states.append(
            YearState(
                m,
                status_on(m, limit, first),
                status_on(m, before_day, first),
                [u for u in updates_until(m, limit) if u.date.year == year],
                sum(b.amount for b in lines if b.secured),
                sum(b.amount for b in lines if not b.secured),
                max((u.date for u in updates_until(m, limit)), default=None),
            )
        )
    return Report(
        year=year,
        as_of=as_of,
        so_far=year >= today.year,
        states=states,
        new=[s.measure for s in states if s.measure.period.start == year],
        ended=[s.measure for s in states if s.measure.period.end == year],
        indicators=[assess(i, until=year) for i in plan.indicators],
        previous=report_as_of(plan, year - 1) if year > plan.plan.period.start else None,
        follow_up=follow_up_by_lead(plan, as_of),
    )
