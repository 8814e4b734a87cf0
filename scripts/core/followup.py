"""Which measures need following up, by one rule that anyone can check, counted from the date the plan's status is
as of (its newest status update), never from the clock, so that the same plan always gives the same answer.

A measure is **forsinket** (late) when it is not finished (its status neither counts as done nor as laid aside,
``done`` and ``closed`` in plan/vocabulary.yaml) and

* a milestone's date has passed without the milestone being reached, or
* its period has ended (the «status per» date is in a later year than the period's last).

A measure is **ikke oppdatert** (unreported) when it is not finished, its period has begun, and its newest status
update (or, before the first, the first day of its period) is older than the plan's limit (``stale_after_months``
in plan/plan.yaml, six months unless set) before the «status per» date.

Each flag carries its reason in Norwegian («siste oppdatering 12. juni 2025», «milepælen «…» skulle vært nådd
1. mars 2026»). The website, the open data, the status round's workbook and the monthly issue all read
:func:`follow_ups`; it lives here, below the editor and the website, so that both can ask it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from schema import Actor, Measure, Plan
from scripts.core.catalogue import catalogue
from scripts.core.dates import nb_date
from scripts.core.queries import lead_actor, lead_role

__all__ = ["LATE", "UNREPORTED", "FollowUp", "Rule", "by_lead", "follow_ups", "months_before", "status_as_of"]

#: The flags, as the address's filter (?oppfolging=…) and the open data name them.
LATE, UNREPORTED = "forsinket", "ikke-oppdatert"
#: What the reader sees for each flag.
LABELS = {LATE: "Forsinket", UNREPORTED: "Ikke oppdatert"}


def status_as_of(plan: Plan) -> dt.date:
    """The date the plan's status is as of: its newest status update (the first day of the plan period when there
    is none), the same date the print edition says «Status per»."""
    dates = [u.date for _, _, m in plan.measures() for u in m.status_updates]
    return max(dates, default=dt.date(plan.plan.period.start, 1, 1))


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months earlier (the month's last day when it is shorter: 31 August less six
    months is 28 or 29 February)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    following = dt.date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1)
    return dt.date(year, month + 1, min(day.day, (following - dt.timedelta(days=1)).day))


@dataclass(frozen=True)
class FollowUp:
    """What the rule says of one measure: the reasons it is late (none: not late), the reason it is unreported
    (None: it is not) and the date of its newest status update."""

    measure: Measure
    late: tuple[Reason, ...] = ()
    unreported: Reason | None = None
    last_update: dt.date | None = None

    @property
    def flags(self) -> tuple[str, ...]:
        """The flags that hold, «forsinket» before «ikke-oppdatert»."""
        return ((LATE,) if self.late else ()) + ((UNREPORTED,) if self.unreported else ())

    @property
    def needed(self) -> bool:
        return bool(self.flags)

    def reasons(self, lang: str = "nb") -> list[str]:
        """Every reason, late ones first, as sentences' parts in `lang`: «siste oppdatering 12. juni 2025»."""
        return [r.in_lang(lang) for r in (*self.late, *([self.unreported] if self.unreported else []))]


class Reason(str):
    """A reason the rule gives, as the Norwegian text (it is a `str`, so the status round and the open data read
    it as before), which also knows how to say itself in another language (catalogue keys followup.reason.*)."""

    key: str
    fields: dict[str, Any]

    def __new__(cls, key: str, **fields: Any) -> Reason:
        made = super().__new__(cls, _reason_text(key, fields, "nb"))
        made.key, made.fields = key, fields
        return made

    def in_lang(self, lang: str) -> str:
        return str(self) if lang == "nb" else _reason_text(self.key, self.fields, lang)


def _reason_text(key: str, fields: dict[str, Any], lang: str) -> str:
    shown = {k: nb_date(v, lang) if isinstance(v, dt.date) else v for k, v in fields.items()}
    return catalogue(lang).t(f"followup.reason.{key}", **shown)


@dataclass(frozen=True)
class Rule:
    """The rule with what it counts from: the «status per» date, the limit in months and the statuses of a measure
    that is finished (done or laid aside), which is neither late nor unreported."""

    as_of: dt.date
    months: int
    done: frozenset[str]

    @classmethod
    def of(cls, plan: Plan) -> Rule:
        done = frozenset(s.id for s in plan.vocabulary.statuses if s.done or s.closed)
        return cls(status_as_of(plan), plan.plan.stale_after_months, done)

    @property
    def limit(self) -> dt.date:
        """An update before this day is too old."""
        return months_before(self.as_of, self.months)

    def check(self, measure: Measure) -> FollowUp:
        newest = measure.newest_update()
        last = newest.date if newest is not None else None
        if measure.status in self.done:
            return FollowUp(measure, last_update=last)
        return FollowUp(measure, tuple(self._late(measure)), self._unreported(measure, last), last)

    def _late(self, measure: Measure) -> Iterator[Reason]:
        for milestone in sorted(measure.milestones, key=lambda m: m.date):
            reached = milestone.reached is not None and milestone.reached <= self.as_of
            if milestone.date < self.as_of and not reached:
                yield Reason("milestone", text=milestone.text, date=milestone.date)
        end = measure.period.end
        if end is not None and self.as_of.year > end:
            yield Reason("period_ended", year=end)

    def _unreported(self, measure: Measure, last: dt.date | None) -> Reason | None:
        if measure.period.start > self.as_of.year:
            return None
        since = last if last is not None else dt.date(measure.period.start, 1, 1)
        if since >= self.limit:
            return None
        return Reason("last_update", date=last) if last is not None else Reason("no_update")


def follow_ups(plan: Plan) -> dict[str, FollowUp]:
    """Measure id → what the rule says of it, for every measure of the plan, in the plan's order."""
    rule = Rule.of(plan)
    return {m.id: rule.check(m) for _, _, m in plan.measures()}


def by_lead(plan: Plan, found: dict[str, FollowUp] | None = None) -> list[tuple[Actor, list[FollowUp]]]:
    """The measures that need following up, grouped by their lead actor (in plan/actors.yaml's order; each actor's
    measures in the plan's order); actors with none left out."""
    found = follow_ups(plan) if found is None else found
    lead = lead_role(plan.vocabulary)
    groups: dict[str, list[FollowUp]] = {}
    for f in found.values():
        if f.needed:
            groups.setdefault(lead_actor(f.measure, lead), []).append(f)
    return [(a, groups[a.id]) for a in plan.actors if a.id in groups]
