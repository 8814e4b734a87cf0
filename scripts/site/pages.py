"""Stage 3, render: the validated plan as Markdown pages and data files, ``{path: text}``.

One Jinja2 template per kind of page (``templates/pages/measure.md.jinja`` renders a measure), small filters
in :mod:`scripts.filters`, lookups computed once in :class:`Site`. Nothing here knows about MkDocs: the hook
in ``scripts/mkdocs_hook.py`` hands the result to MkDocs as generated files.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import posixpath
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any, TypeVar

import jinja2

from scripts import REPOSITORY, TEMPLATES
import schema
from schema import Actor, BudgetLine, FocusArea, Goal, Indicator, Measure, Plan
from scripts.editor import guide
from scripts.site import charts
from scripts.core.queries import lead_actor, lead_role, secured_and_planned
from scripts.core.filters import FILTERS, slug



def page_path(kind: str, ident: str) -> str:
    """Where the page of an item lives in the site (as a Markdown source path)."""
    folders = {
        "focus_area": "satsingsomrader",
        "goal": "mal",
        "measure": "tiltak",
        "actor": "aktorer",
        "indicator": "indikatorer",
    }
    return f"{folders[kind]}/{slug(ident)}.md"


@dataclass(frozen=True)
class SiteOptions:
    """What the pages need to know beyond the plan itself."""

    #: Address that opens a file of the repository in the web editor, ending in «/», e.g.
    #: «https://github.com/gardermoregionen/naeringsplan/edit/main/». None: no «Foreslå endring» links.
    edit_base: str | None = None
    #: Focus area id → the file it is written in, relative to the repository root.
    sources: Mapping[str, str] = field(default_factory=dict)
    #: File relative to the repository root → date of its last change (from git).
    changed: Mapping[str, dt.date] = field(default_factory=dict)
    #: Path of the plan's PDF inside the site, when one is built.
    pdf: str | None = None
    #: The folder the plan was read from (None: plan/ in the repository); the editors' guide quotes its files.
    plan_dir: Path | None = None


@dataclass(frozen=True)
class RoleEntry:
    focus_area: FocusArea
    goal: Goal
    measure: Measure
    role: str
    note: str | None


def _lines(measures: Iterable[Measure]) -> Iterator[BudgetLine]:
    return (line for measure in measures for line in measure.budget)


class Site:
    """Lookups over the plan that several pages need, computed once."""

    def __init__(self, plan: Plan, options: SiteOptions) -> None:
        self.plan = plan
        self.options = options
        self.actors = {a.id: a for a in plan.actors}
        self.statuses = {s.id: s for s in plan.vocabulary.statuses}
        self.role_types = {r.id: r for r in sorted(plan.vocabulary.role_types, key=lambda r: r.order)}
        self.indicators = {i.id: i for i in plan.indicators}
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
        ids = self.municipality_ids if measure.municipalities == "alle" else measure.municipalities
        return [self.actors[i] for i in ids]

    def status_label(self, status_id: str) -> str:
        return self.statuses[status_id].label

    def budget_totals(self, measures: Iterable[Measure]) -> tuple[int, int]:
        """(secured, planned) for the measures together."""
        return secured_and_planned(_lines(measures), lambda line: None).get(None, (0, 0))

    def measure_budget_by_year(self, measure: Measure) -> list[tuple[int, int, int]]:
        return self._by_year([measure])

    def measure_budget_by_funder(self, measure: Measure) -> list[tuple[Actor, int, int]]:
        return self._by_funder([measure])

    def _by_year(self, measures: Iterable[Measure]) -> list[tuple[int, int, int]]:
        totals = secured_and_planned(_lines(measures), lambda line: line.year)
        return [(year, s, p) for year, (s, p) in sorted(totals.items())]

    def _by_funder(self, measures: Iterable[Measure]) -> list[tuple[Actor, int, int]]:
        totals = secured_and_planned(_lines(measures), lambda line: line.funder)
        rows = [(self.actors[a], s, p) for a, (s, p) in totals.items()]
        return sorted(rows, key=lambda r: (-(r[1] + r[2]), r[0].name))

    def source(self, measure: Measure) -> str | None:
        fa, _, _ = self.measures[measure.id]
        return self.options.sources.get(fa.id)

    def edit_url(self, measure: Measure) -> str | None:
        source = self.source(measure)
        if self.options.edit_base is None or source is None:
            return None
        return self.options.edit_base + source

    def last_changed(self, measure: Measure) -> dt.date | None:
        source = self.source(measure)
        return self.options.changed.get(source) if source else None

    # -- actors --------------------------------------------------------------------------------------------

    @cached_property
    def roles_by_actor(self) -> dict[str, list[RoleEntry]]:
        result: dict[str, list[RoleEntry]] = defaultdict(list)
        for fa, goal, measure in self.measures.values():
            for role in measure.roles:
                result[role.actor].append(RoleEntry(fa, goal, measure, role.role, role.note))
        return result

    def actor_roles(self, actor_id: str) -> list[tuple[str, list[tuple[FocusArea, list[RoleEntry]]]]]:
        """For each role type the actor has: the focus areas with the measures, in plan order."""
        result = []
        for role_id in self.role_types:
            entries = [e for e in self.roles_by_actor.get(actor_id, []) if e.role == role_id]
            if entries:
                grouped: dict[str, list[RoleEntry]] = defaultdict(list)
                for entry in entries:
                    grouped[entry.focus_area.id].append(entry)
                by_area = [(fa, grouped[fa.id]) for fa in self.plan.focus_areas if fa.id in grouped]
                result.append((role_id, by_area))
        return result

    @cached_property
    def funding_by_actor(self) -> dict[str, tuple[int, int]]:
        return secured_and_planned(_lines(self.all_measures()), lambda line: line.funder)

    def actor_funding(self, actor_id: str) -> tuple[int, int]:
        return self.funding_by_actor.get(actor_id, (0, 0))

    def affecting(self, municipality_id: str) -> list[tuple[FocusArea, list[Measure]]]:
        """The measures that affect a municipality (listed by name, or «alle»), by focus area."""
        result = []
        for fa in self.plan.focus_areas:
            measures = [
                m
                for g in fa.goals
                for m in g.measures
                if m.municipalities == "alle" or municipality_id in m.municipalities
            ]
            if measures:
                result.append((fa, measures))
        return result

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
        return self._by_year(self.all_measures())

    # -- status --------------------------------------------------------------------------------------------

    def status_counts(self, measures: Iterable[Measure] | None = None) -> list[tuple[str, int, str]]:
        chosen = list(self.all_measures() if measures is None else measures)
        ordered = sorted(self.statuses.values(), key=lambda s: s.order)
        return [(s.label, sum(1 for m in chosen if m.status == s.id), s.colour) for s in ordered]

    def latest_updates(self, count: int) -> list[tuple[Measure, Any]]:
        updates = [(m, u) for m in self.all_measures() for u in m.status_updates]
        updates.sort(key=lambda mu: (mu[1].date, mu[0].id), reverse=True)
        return updates[:count]

    def revisions_newest_first(self) -> list[Any]:
        return sorted(self.plan.plan.revisions, key=lambda r: r.date, reverse=True)

    def current_revision(self) -> Any:
        adopted = [r for r in self.plan.plan.revisions if r.stage == "vedtatt"]
        return max(adopted or self.plan.plan.revisions, key=lambda r: r.date)

    def years(self) -> tuple[int, int]:
        return self.plan.plan.period.start, self.plan.plan.period.end

    def timeline_rows(self, fa: FocusArea, page: str) -> list[charts.TimelineRow]:
        rows = []
        for goal in fa.goals:
            for m in goal.measures:
                status = self.statuses[m.status]
                href = html_href(page_path("measure", m.id), page)
                rows.append(
                    charts.TimelineRow(
                        f"{m.id} {m.title}", m.period.start, m.period.end, status.label, status.colour, href
                    )
                )
        return rows


def url_of(markdown_path: str) -> str:
    """The address of a page in the built site (directory URLs), relative to the site root."""
    if markdown_path == "index.md":
        return ""
    if markdown_path.endswith("/index.md"):
        return markdown_path[: -len("index.md")]
    return markdown_path[: -len(".md")] + "/"


@cache
def relpath(target: str, start: str) -> str:
    """posixpath.relpath, remembered: the pages link to the same few folders thousands of times, and
    relpath is slow (it makes both paths absolute, asking the operating system for the working folder)."""
    return posixpath.relpath(target, start)


def html_href(target: str, current: str) -> str:
    """A link from one page to another for raw HTML (MkDocs only rewrites Markdown links)."""
    here = url_of(current)
    relative = relpath(url_of(target) or ".", here or ".")
    return "./" if relative == "." else relative + "/"


@dataclass(frozen=True)
class Figure:
    """A chart drawn twice: wide for larger screens, narrow (with larger text) for phones."""

    wide: str
    narrow: str


NARROW_WIDTH = 360


def figure(kind: str, chart_id: str, *args: Any) -> Figure:
    """Draw a chart of `charts` (status_chart, budget_chart, indicator_chart, timeline_chart) in both sizes."""
    draw = getattr(charts, kind)
    return Figure(draw(chart_id, *args), draw(f"{chart_id}-smal", *args, width=NARROW_WIDTH))


def markdown_environment() -> jinja2.Environment:
    """The Jinja2 environment for Markdown page templates, with the filters of scripts/filters.py."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # the output is Markdown: every value goes through an explicit filter
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(FILTERS)
    env.filters["budget_row"] = budget_row
    return env


def budget_row(row: tuple[Any, int, int]) -> tuple[str, int, int]:
    """(focus area, actor or year, secured, planned) → (label, secured, planned) for a budget chart."""
    item, secured, planned = row
    if isinstance(item, FocusArea):
        label = f"{item.id} {item.title}"
    elif isinstance(item, Actor):
        label = item.short_name or item.name
    else:
        label = str(item)
    return label, secured, planned


def render_site(plan: Plan, options: SiteOptions | None = None) -> dict[str, str]:
    """Every generated page, as Markdown source path → Markdown text."""
    site = Site(plan, options or SiteOptions())
    env = markdown_environment()
    pages: dict[str, str] = {}

    def render(template: str, path: str, **context: Any) -> None:
        folder = posixpath.dirname(path) or "."

        def link(target: str) -> str:
            return relpath(target, folder)

        pages[path] = env.get_template(f"pages/{template}.md.jinja").render(
            site=site,
            plan=plan,
            info=plan.plan,
            page=path,
            link=link,
            href=lambda target: html_href(target, path),
            file_href=lambda target: relpath(target, url_of(path) or "."),
            page_path=page_path,
            figure=figure,
            **context,
        )

    render("home", "index.md")
    render("focus-areas", "satsingsomrader/index.md")
    for fa in plan.focus_areas:
        render("focus-area", page_path("focus_area", fa.id), focus_area=fa)
        for goal in fa.goals:
            render("goal", page_path("goal", goal.id), focus_area=fa, goal=goal)
    render("measures", "tiltak/index.md")
    for fa, goal, measure in plan.measures():
        render("measure", page_path("measure", measure.id), focus_area=fa, goal=goal, measure=measure)
    render("actors", "aktorer/index.md")
    render("roles-matrix", "aktorer/rollematrise.md")
    for actor in plan.actors:
        render("actor", page_path("actor", actor.id), actor=actor)
    render("indicators", "indikatorer/index.md")
    for indicator in plan.indicators:
        render("indicator", page_path("indicator", indicator.id), indicator=indicator)
    render("economy", "okonomi.md")
    render("timeline", "tidslinje.md")
    render("history", "historikk.md", report_years=report_years(plan))
    render("open-data", "apne-data.md", models=OPEN_DATA_MODELS)
    plan_dir = site.options.plan_dir or REPOSITORY / "plan"
    guide_env = markdown_environment()
    guide_env.filters.update(guide.FILTERS)
    guide_context = guide.guide_context(plan, site.options.edit_base, plan_dir)
    for path, template in guide.PAGES.items():

        def guide_link(target: str, here: str = path) -> str:
            return posixpath.relpath(target, posixpath.dirname(here) or ".")

        context = {**guide_context, "page_path": page_path, "page": path, "link": guide_link}
        pages[path] = guide_env.get_template(f"pages/{template}.md.jinja").render(**context)
    return pages


#: The models described on the open data page, with Norwegian headings.
OPEN_DATA_MODELS: list[tuple[str, type[Any]]] = [
    ("Planen (plan)", schema.PlanInfo),
    ("Rullering (plan.revisions)", schema.Revision),
    ("Vedtak (plan.revisions.decision)", schema.Decision),
    ("Aktør (actors)", schema.Actor),
    ("Rolletype (vocabulary.role_types)", schema.RoleType),
    ("Status (vocabulary.statuses)", schema.Status),
    ("Satsingsområde (focus_areas)", schema.FocusArea),
    ("Mål (focus_areas.goals)", schema.Goal),
    ("Tiltak (focus_areas.goals.measures)", schema.Measure),
    ("Rolle (measures.roles)", schema.Role),
    ("Budsjettpost (measures.budget)", schema.BudgetLine),
    ("Statusoppdatering (measures.status_updates)", schema.StatusUpdate),
    ("Indikator (indicators)", schema.Indicator),
    ("Måling (indicators.observations)", schema.Observation),
]


# --------------------------------------------------------------------------------------------------------
# Open data: the plan as JSON and CSV
# --------------------------------------------------------------------------------------------------------


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: Any) -> Any:
    """Text that a spreadsheet would read as a formula («=HYPERLINK(…)», «@SUM(…)») gets an apostrophe in front,
    as OWASP recommends for CSV files; numbers and other text are written as they are. plan.json is unchanged."""
    return "'" + cell if isinstance(cell, str) and cell.startswith(FORMULA_START) else cell


def data_files(plan: Plan) -> dict[str, str]:
    """data/plan.json and the CSV tables beside it (UTF-8, comma separated, one header row)."""
    site = Site(plan, SiteOptions())
    # pydantic's serializer writes the same text as json.dumps(plan.model_dump(mode="json"), ensure_ascii=False,
    # indent=2), ten times faster: json.dumps uses its slow pure-Python encoder whenever it indents.
    files = {"data/plan.json": plan.model_dump_json(indent=2) + "\n"}

    def table(name: str, header: list[str], rows: Iterable[Iterable[Any]]) -> None:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        writer.writerows([spreadsheet_safe(cell) for cell in row] for row in rows)
        files[f"data/{name}.csv"] = out.getvalue()

    table(
        "tiltak",
        ["tiltak", "tittel", "satsingsomrade", "mal", "status", "prioritet", "start", "slutt", "ansvarlig", "kommuner"],
        (
            [
                m.id,
                m.title,
                fa.id,
                g.id,
                m.status,
                m.priority or "",
                m.period.start,
                m.period.end or "",
                site.lead(m).id,
                " ".join(a.id for a in site.municipalities(m)),
            ]
            for fa, g, m in plan.measures()
        ),
    )
    table(
        "roller",
        ["tiltak", "aktor", "rolle", "merknad"],
        ([m.id, r.actor, r.role, r.note or ""] for _, _, m in plan.measures() for r in m.roles),
    )
    table(
        "budsjett",
        ["tiltak", "ar", "belop_kr", "finansior", "bevilget", "merknad"],
        (
            [m.id, b.year, b.amount, b.funder, "ja" if b.secured else "nei", b.note or ""]
            for _, _, m in plan.measures()
            for b in m.budget
        ),
    )
    table(
        "statusoppdateringer",
        ["tiltak", "dato", "status", "tekst"],
        ([m.id, u.date.isoformat(), u.status, u.text] for _, _, m in plan.measures() for u in m.status_updates),
    )
    table(
        "aktorer",
        ["aktor", "navn", "kortnavn", "type", "kommune", "nettsted", "aktiv_fra", "aktiv_til", "erstattet_av"],
        (
            [
                a.id,
                a.name,
                a.short_name or "",
                a.kind,
                a.municipality or "",
                a.url or "",
                a.active_from or "",
                a.active_to or "",
                a.replaced_by or "",
            ]
            for a in plan.actors
        ),
    )
    table(
        "indikatorer",
        ["indikator", "tittel", "enhet", "ar", "verdi", "type"],
        _indicator_rows(plan.indicators),
    )
    return files


def _indicator_rows(indicators: Iterable[Indicator]) -> Iterable[list[Any]]:
    for i in indicators:
        yield [i.id, i.title, i.unit, i.baseline.year, i.baseline.value, "utgangsverdi"]
        for o in i.observations:
            yield [i.id, i.title, i.unit, o.year, o.value, "måling"]
        yield [i.id, i.title, i.unit, i.target.year, i.target.value, "målverdi"]


def report_years(plan: Plan) -> list[int]:
    """The years there is a status report for: from the plan's start to the newest status update."""
    newest = max((u.date.year for _, _, m in plan.measures() for u in m.status_updates), default=plan.plan.period.start)
    return list(range(plan.plan.period.start, newest + 1))
