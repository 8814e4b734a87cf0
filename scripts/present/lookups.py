"""Lookups over the validated plan that the website's pages and the print edition both read, computed once
(:class:`Lookups`), and :class:`SiteOptions`, what the publishing stage knows beyond the plan itself.

Nothing here makes a link: the website adds its addresses in :class:`scripts.site.lookups.Site`."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from schema import Actor, BudgetLine, FocusArea, Goal, Measure, Plan
from scripts.core.followup import FollowUp, Rule, by_lead
from scripts.core.queries import lead_actor, lead_role, municipality_ids, secured_and_planned
from scripts.present.facts import MeasureFacts, measure_facts
from scripts.present.i18n import localized


@dataclass(frozen=True)
class TextChange:
    """One commit that changed a measure's own fields (not its status updates): the commit's date and what
    changed, in `plan diff`'s sentences as the site's Markdown (each with the lines under it)."""

    date: dt.date
    lines: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class MeasureHistory:
    """The changes to a measure's own fields read from git (publish/measure_history.py), newest first. Not
    `complete` when the history read was cut short (a shallow clone, or more commits than are read): older
    changes are not listed, and without a change in what was read the date of the last one is not known."""

    changes: tuple[TextChange, ...]
    complete: bool = True

    @property
    def changed(self) -> dt.date | None:
        """The date of the last commit that changed the measure's own fields, when it is known."""
        return self.changes[0].date if self.changes else None


@dataclass(frozen=True)
class SiteOptions:
    """What the pages need to know beyond the plan itself (the print edition reads none of it)."""

    #: Address that opens a file of the repository in the web editor, ending in «/», e.g.
    #: «https://github.com/gardermoregionen/naeringsplan/edit/main/». None: no «Foreslå endring» links.
    edit_base: str | None = None
    #: Focus area id → the file it is written in, relative to the repository root.
    sources: Mapping[str, str] = field(default_factory=dict)
    #: File relative to the repository root → date of its last change (from git).
    changed: Mapping[str, dt.date] = field(default_factory=dict)
    #: Measure id → the changes to its own fields, from git (none without git history). Not in the repr, which
    #: keys the PDFs' cache (publish/plugin.pdf_jobs): print reads none of the options.
    histories: Mapping[str, MeasureHistory] = field(default_factory=dict, repr=False)
    #: Path of the plan's PDF inside the site, when one is built.
    pdf: str | None = None
    #: The folder the plan was read from (the editors' guide quotes its files); None: plan/ in the repository.
    plan_dir: Path | None = None
    #: Folders searched for page templates before the package's own (a page kind added outside the package).
    templates: tuple[Path, ...] = ()
    #: The build's day (the timeline's line for today; is a consultation's deadline past?); None: no line, and the
    #: clock's day for the deadline. Not in the repr, which keys the PDFs' cache: print reads none of the options.
    today: dt.date | None = field(default=None, repr=False)
    #: The language of the pages (scripts/present/i18n.LANGS): «nb» at the site's root, «en» under /en/.
    lang: str = "nb"
    #: The site's address (MkDocs' site_url), for the embeds' copy-ready snippet; None: relative addresses only.
    site_url: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class RoleEntry:
    focus_area: FocusArea
    goal: Goal
    measure: Measure
    role: str
    note: str | None


#: Æ, Ø and Å after Z, in that order (Python's order of code points puts Å before Æ); Ü as Y.
_NORWEGIAN_ORDER = str.maketrans({"æ": "\uffe0", "ø": "\uffe1", "å": "\uffe2", "ü": "y"})


def _norwegian_key(text: str) -> str:
    """A key that sorts text in Norwegian alphabetical order: «gründer» < «grønn» < «øl» < «ål», «é» as «e»."""
    folded = text.lower().translate(_NORWEGIAN_ORDER)
    return "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))


def _lines(measures: Iterable[Measure]) -> Iterator[BudgetLine]:
    return (line for measure in measures for line in measure.budget)


class Lookups:
    """Lookups over the plan that several pages need, computed once."""

    def __init__(self, plan: Plan, *, lang: str = "nb") -> None:
        self.plan = plan
        #: The language of the labels these lookups give (a status's, a tag's): the vocabulary's `en` where set.
        self.lang = lang
        self.actors = {a.id: a for a in plan.actors}
        self.statuses = {s.id: s for s in plan.vocabulary.statuses}
        self.role_types = {r.id: r for r in sorted(plan.vocabulary.role_types, key=lambda r: r.order)}
        self.indicators = {i.id: i for i in plan.indicators}
        #: Tag id → the text readers see (plan/vocabulary.yaml, «tags»).
        self.tag_labels = {t.id: localized(t, "label", lang).text or t.label for t in plan.vocabulary.tags}
        self.measures = {m.id: (fa, goal, m) for fa, goal, m in plan.measures()}
        self.goals = {g.id: (fa, g) for fa in plan.focus_areas for g in fa.goals}
        self.lead_role = lead_role(plan.vocabulary)
        self.municipality_ids = [a.id for a in plan.actors if a.kind == "kommune"]
        #: Measure id → the id of its lead actor (asked for on every row of every table of measures).
        self.leads = {m.id: lead_actor(m, self.lead_role) for m in self.all_measures()}

    # -- measures ------------------------------------------------------------------------------------------

    def all_measures(self) -> list[Measure]:
        return [m for _, _, m in self.measures.values()]

    def lead(self, measure: Measure) -> Actor:
        return self.actors[self.leads[measure.id]]

    def municipalities(self, measure: Measure) -> list[Actor]:
        return [self.actors[i] for i in municipality_ids(self.plan, measure)]

    def facts(self, measure: Measure) -> MeasureFacts:
        """What the measure page and the print edition both state about a measure (``present/facts.py``)."""
        return measure_facts(self, measure)

    def tag_label(self, tag: str) -> str:
        """A tag as readers see it: its label in the vocabulary; without one (a plan whose vocabulary lists no
        tags), the id with spaces for hyphens."""
        return self.tag_labels.get(tag) or tag.replace("-", " ")

    def tags_in_use(self) -> list[tuple[str, str]]:
        """(id, label) of every tag a measure has, in Norwegian alphabetical order of the labels."""
        used = {tag for m in self.all_measures() for tag in m.tags}
        return sorted(((tag, self.tag_label(tag)) for tag in used), key=lambda pair: _norwegian_key(pair[1]))

    def status_label(self, status_id: str) -> str:
        return self.label(self.statuses[status_id])

    def label(self, entry: Any) -> str:
        """A vocabulary entry's label (a status's, a role type's) in the language of these lookups."""
        return localized(entry, "label", self.lang).text or entry.label

    def budget_totals(self, measures: Iterable[Measure]) -> tuple[int, int]:
        """(secured, planned) for the measures together."""
        return secured_and_planned(_lines(measures), lambda line: None).get(None, (0, 0))

    def measure_budget_by_year(self, measure: Measure) -> list[tuple[int, int, int]]:
        return self._by_year([measure])

    def measure_budget_by_funder(self, measure: Measure) -> list[tuple[Actor, int, int]]:
        return self._by_funder([measure])

    def _by_year(self, measures: Iterable[Measure], span: tuple[int, int] | None = None) -> list[tuple[int, int, int]]:
        """(year, secured, planned) for every year from the first to the last, a year without budget as zeros, so
        that a chart or table never skips a year; `span` (first, last) widens the run of years, e.g. to the plan
        period."""
        totals = secured_and_planned(_lines(measures), lambda line: line.year)
        known = [*totals, *(span or ())]
        if not known:
            return []
        return [(year, *totals.get(year, (0, 0))) for year in range(min(known), max(known) + 1)]

    def _by_funder(self, measures: Iterable[Measure]) -> list[tuple[Actor, int, int]]:
        totals = secured_and_planned(_lines(measures), lambda line: line.funder)
        rows = [(self.actors[a], s, p) for a, (s, p) in totals.items()]
        return sorted(rows, key=lambda r: (-(r[1] + r[2]), r[0].name))

    # -- actors --------------------------------------------------------------------------------------------

    @cached_property
    def roles_by_actor(self) -> dict[str, list[RoleEntry]]:
        result: dict[str, list[RoleEntry]] = defaultdict(list)
        for fa, goal, measure in self.measures.values():
            for role in measure.roles:
                result[role.actor].append(RoleEntry(fa, goal, measure, role.role, role.note))
        return result

    @cached_property
    def funding_by_actor(self) -> dict[str, tuple[int, int]]:
        return secured_and_planned(_lines(self.all_measures()), lambda line: line.funder)

    def actor_funding(self, actor_id: str) -> tuple[int, int]:
        return self.funding_by_actor.get(actor_id, (0, 0))

    def matrix(self) -> list[tuple[Actor, list[tuple[FocusArea, int, int]]]]:
        """Actors × focus areas: the number of lead and partner roles (actors without roles left out)."""
        rows = []
        for actor in self.plan.actors:
            entries = self.roles_by_actor.get(actor.id, [])
            if not entries:
                continue
            cells = []
            for fa in self.plan.focus_areas:
                in_area = [e for e in entries if e.focus_area.id == fa.id]
                leads = sum(1 for e in in_area if e.role == self.lead_role)
                cells.append((fa, leads, len(in_area) - leads))
            rows.append((actor, cells))
        return rows

    # -- economy -------------------------------------------------------------------------------------------

    def budget_by_focus_area(self) -> list[tuple[FocusArea, int, int]]:
        return [(fa, *self.budget_totals(m for g in fa.goals for m in g.measures)) for fa in self.plan.focus_areas]

    def budget_by_funder(self) -> list[tuple[Actor, int, int]]:
        return self._by_funder(self.all_measures())

    def budget_by_year(self) -> list[tuple[int, int, int]]:
        """Every year of the plan period (and any budget year outside it), a year without budget as zeros."""
        return self._by_year(self.all_measures(), self.years())

    # -- status --------------------------------------------------------------------------------------------

    @cached_property
    def follow_up_rule(self) -> Rule:
        """The follow-up rule with the plan's «status per» date and limit (``core/followup.py``)."""
        return Rule.of(self.plan)

    @cached_property
    def follow_ups(self) -> dict[str, FollowUp]:
        """Measure id → whether it is late or unreported, and why."""
        return {m.id: self.follow_up_rule.check(m) for m in self.all_measures()}

    def follow_up(self, measure: Measure) -> FollowUp:
        return self.follow_ups[measure.id]

    def needing_follow_up(self) -> list[FollowUp]:
        """The measures that are late or unreported, in the plan's order."""
        return [f for f in self.follow_ups.values() if f.needed]

    def follow_up_by_lead(self) -> list[tuple[Actor, list[FollowUp]]]:
        """The measures to follow up, by lead actor (``core/followup.by_lead``)."""
        return by_lead(self.plan, self.follow_ups)

    def status_counts(self, measures: Iterable[Measure] | None = None) -> list[tuple[str, int, str]]:
        chosen = list(self.all_measures() if measures is None else measures)
        ordered = sorted(self.statuses.values(), key=lambda s: s.order)
        return [(self.label(s), sum(1 for m in chosen if m.status == s.id), s.colour) for s in ordered]

    def latest_updates(self, count: int, measures: Iterable[Measure] | None = None) -> list[tuple[Measure, Any]]:
        """The newest status updates, newest first, of the given measures (default: all)."""
        chosen = self.all_measures() if measures is None else measures
        updates = [(m, u) for m in chosen for u in m.status_updates]
        updates.sort(key=lambda mu: (mu[1].date, mu[0].id), reverse=True)
        return updates[:count]

    def revisions_newest_first(self) -> list[Any]:
        return sorted(self.plan.plan.revisions, key=lambda r: r.date, reverse=True)

    def current_revision(self) -> Any:
        adopted = [r for r in self.plan.plan.revisions if r.stage == "vedtatt"]
        return max(adopted or self.plan.plan.revisions, key=lambda r: r.date)

    def years(self) -> tuple[int, int]:
        return self.plan.plan.period.start, self.plan.plan.period.end
