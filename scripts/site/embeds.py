"""Embeds: small pages made to sit in an ``<iframe>`` on the municipalities' own websites (issue 25, part 2).

In: a validated plan, :class:`~scripts.present.lookups.SiteOptions` (its language; the site's address for the
snippet) and the registry's ``page_path``. Out (:func:`embed_files`): for each municipality
``embed/kommune/<actor-id>/index.html`` (its measures counted by status and listed: number, title, status, lead,
period) and ``data/kommuner/<actor-id>.json`` with the same content, for each measure
``embed/tiltak/<measure>/index.html`` (number, title, status, lead, period, newest status update), and the
embeds' own stylesheet and script (``embed/embed.css``, ``embed/embed.js``). Each page names the plan and links
back to its full page (in a new tab); it has no menu, loads nothing from elsewhere and tells no one who reads it.

The pages are standalone HTML rendered with Jinja2 from ``scripts/templates/embed/`` (autoescape on), not MkDocs
pages: like the redirect pages they are in neither the sitemap nor the search index, and say ``noindex``. The
script posts the page's height to the parent page (:data:`MESSAGE_TYPE`), which the host may listen for with the
snippet's listener (:func:`snippet`); without any script the frame shows the page at its default height, and
scrolls. Which sites may frame the pages is ``plan.embed.allowed_domains`` (:func:`frame_ancestors`), a header
only hosts that read ``_headers`` send.
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

import jinja2

from schema import Actor, Measure, Plan
from scripts import TEMPLATES
from scripts.core.dates import nb_date
from scripts.core.followup import status_as_of
from scripts.present.i18n import Catalogue, catalogue, localized
from scripts.present.lookups import SiteOptions
from scripts.site.badges import badge_colours
from scripts.site.lookups import Site
from scripts.site.urls import relpath, url_of

#: page_path(kind, id) of the page registry.
PagePath = Callable[..., str]

FOLDER = "embed"
#: The embeds' own files, copied from the templates' folder as they are.
ASSETS = ("embed.css", "embed.js")
#: The type of the message the embed's script posts to its parent page: {type, height}.
MESSAGE_TYPE = "naeringsplan:embed-height"
#: The frame's height in the snippet (CSS pixels) before, or without, the host's listener.
DEFAULT_HEIGHT = {"municipality": 640, "measure": 420}
#: The paths `_headers` gives the embeds' own frame policy.
HEADER_PATH = f"/{FOLDER}/*"


def municipality_path(actor_id: str) -> str:
    """«embed/kommune/nes-kommune/index.html»."""
    return f"{FOLDER}/kommune/{actor_id}/index.html"


def measure_path(page_path: PagePath, measure_id: str) -> str:
    """«embed/tiltak/1-1-1/index.html»: the measure page's address under embed/."""
    return f"{FOLDER}/{url_of(page_path('measure', measure_id))}index.html"


def data_path(actor_id: str) -> str:
    """«data/kommuner/nes-kommune.json»."""
    return f"data/kommuner/{actor_id}.json"


@dataclass(frozen=True)
class StatusView:
    """A status as the embeds show it: its id, label and badge colours (text, background)."""

    id: str
    label: str
    text: str
    background: str


@dataclass(frozen=True)
class Update:
    date: dt.date
    date_text: str
    text: str


@dataclass(frozen=True)
class MeasureView:
    """One measure in an embed: number, title, status, lead, period, newest update, its page."""

    id: str
    title: str
    status: StatusView
    lead: str
    lead_id: str
    start: int
    end: int | None
    period: str
    update: Update | None
    page: str
    illustrative: bool


@dataclass(frozen=True)
class StatusCount:
    status: StatusView
    count: int


@dataclass(frozen=True)
class MunicipalityView:
    """What a municipality's embed and JSON file say: its measures counted by status, and listed."""

    actor: Actor
    counts: tuple[StatusCount, ...]
    measures: tuple[MeasureView, ...]
    page: str

    @property
    def illustrative(self) -> bool:
        return any(m.illustrative for m in self.measures)


@dataclass(frozen=True)
class Context:
    """What every embed needs: the plan's lookups, the catalogue, the registry's paths and the status date."""

    site: Site
    words: Catalogue
    page_path: PagePath
    as_of: dt.date

    @property
    def lang(self) -> str:
        return self.words.lang

    def date(self, day: dt.date) -> str:
        return nb_date(day, self.lang)

    def status(self, status_id: str) -> StatusView:
        status = self.site.statuses[status_id]
        text, background = badge_colours(status.colour)
        return StatusView(status.id, localized(status, "label", self.lang).text or status.label, text, background)



def municipalities(plan: Plan) -> list[Actor]:
    """The municipalities of the plan (actors of kind «kommune»), in the file's order."""
    return [a for a in plan.actors if a.kind == "kommune"]


def measure_view(ctx: Context, measure: Measure) -> MeasureView:
    fa, _, _ = ctx.site.measures[measure.id]
    lead = ctx.site.lead(measure)
    newest = measure.newest_update()
    end = measure.period.end
    start = measure.period.start
    period = f"{start}–{end}" if end is not None else ctx.words.t("embed.period_open", start=start)
    return MeasureView(
        id=measure.id,
        title=measure.title,
        status=ctx.status(measure.status),
        lead=lead.name,
        lead_id=lead.id,
        start=measure.period.start,
        end=end,
        period=period,
        update=Update(newest.date, ctx.date(newest.date), newest.text) if newest is not None else None,
        page=url_of(ctx.page_path("measure", measure.id)),
        illustrative=fa.illustrative,
    )


def municipality_view(ctx: Context, actor: Actor) -> MunicipalityView:
    summary = ctx.site.summary(actor)
    measures = tuple(measure_view(ctx, row.measure) for _, rows in summary.groups for row in rows)
    order = sorted(ctx.site.statuses.values(), key=lambda s: s.order)
    counts = tuple(StatusCount(ctx.status(s.id), n) for s in order if (n := sum(m.status.id == s.id for m in measures)))
    return MunicipalityView(actor, counts, measures, url_of(ctx.page_path("actor", actor.id)))


# -- the pages --------------------------------------------------------------------------------------------------


@cache
def environment() -> jinja2.Environment:
    """The embeds' templates: HTML, so every value is escaped unless marked safe."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES / FOLDER),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _render(ctx: Context, template: str, path: str, **fields: object) -> str:
    folder = posixpath.dirname(path)

    def href(target: str) -> str:
        """A link from this embed to a file or folder of the site (relative to the site's root)."""
        return relpath(target or ".", folder) + ("/" if target.endswith("/") or not target else "")

    return (
        environment()
        .get_template(template)
        .render(
            t=ctx.words.t,
            lang=ctx.lang,
            plan=ctx.site.plan.plan,
            as_of=ctx.date(ctx.as_of),
            href=href,
            **fields,
        )
    )


def embed_pages(plan: Plan, options: SiteOptions, page_path: PagePath) -> Iterator[tuple[str, str]]:
    """(path, HTML) of every embed page, the municipalities' first."""
    ctx = _context(plan, options, page_path)
    for actor in municipalities(plan):
        path = municipality_path(actor.id)
        yield path, _render(ctx, "municipality.html.jinja", path, view=municipality_view(ctx, actor))
    for _, _, measure in plan.measures():
        path = measure_path(page_path, measure.id)
        yield path, _render(ctx, "measure.html.jinja", path, measure=measure_view(ctx, measure))


def _context(plan: Plan, options: SiteOptions, page_path: PagePath) -> Context:
    return Context(Site(plan, options), catalogue(options.lang), page_path, status_as_of(plan))


def embed_files(plan: Plan, options: SiteOptions, page_path: PagePath) -> dict[str, str]:
    """Every file of the embeds: the pages, their stylesheet and script, and each municipality's JSON file."""
    files = dict(embed_pages(plan, options, page_path))
    for name in ASSETS:
        files[f"{FOLDER}/{name}"] = (TEMPLATES / FOLDER / name).read_text(encoding="utf-8")
    files.update(municipality_data(plan, options, page_path))
    return files


# -- the JSON files -------------------------------------------------------------------------------------------


def municipality_data(plan: Plan, options: SiteOptions, page_path: PagePath) -> dict[str, str]:
    """{«data/kommuner/<id>.json»: JSON} for each municipality: what its embed shows, as data."""
    ctx = _context(plan, options, page_path)
    return {
        data_path(actor.id): json.dumps(_json(ctx, municipality_view(ctx, actor)), ensure_ascii=False, indent=2) + "\n"
        for actor in municipalities(plan)
    }


def _json(ctx: Context, view: MunicipalityView) -> dict[str, object]:
    """The documented keys (docs: the partial partials/embed-snippet.md.jinja and ARCHITECTURE.md)."""
    return {
        "kommune": {"id": view.actor.id, "navn": view.actor.name},
        "plan": ctx.site.plan.plan.title,
        "status_per": ctx.as_of.isoformat(),
        "side": view.page,
        "eksempelinnhold": view.illustrative,
        "antall_etter_status": [
            {"status_id": c.status.id, "status": c.status.label, "antall": c.count} for c in view.counts
        ],
        "tiltak": [_measure_json(m) for m in view.measures],
    }


def _measure_json(m: MeasureView) -> dict[str, object]:
    return {
        "id": m.id,
        "tittel": m.title,
        "status_id": m.status.id,
        "status": m.status.label,
        "ansvarlig_id": m.lead_id,
        "ansvarlig": m.lead,
        "start": m.start,
        "slutt": m.end,
        "siste_oppdatering": {"dato": m.update.date.isoformat(), "tekst": m.update.text} if m.update else None,
        "side": m.page,
        "eksempelinnhold": m.illustrative,
    }


# -- who may frame them, and the snippet -------------------------------------------------------------------------


def allowed_domains(plan: Plan) -> tuple[str, ...]:
    """The origins plan.yaml lets frame the embeds, each once, in its order."""
    embed = plan.plan.embed
    return tuple(dict.fromkeys(embed.allowed_domains)) if embed is not None else ()


def frame_ancestors(plan: Plan) -> str:
    """The `frame-ancestors` directive of the embeds: the site itself and the listed origins."""
    return " ".join(["frame-ancestors", "'self'", *allowed_domains(plan)])


def origin_of(site_url: str) -> str:
    """«https://gardermoregionen.github.io» of «https://gardermoregionen.github.io/naeringsplan/»."""
    scheme, _, rest = site_url.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}"


@dataclass(frozen=True)
class Snippet:
    """The copy-ready code for a host page: the frame, and the optional listener that fits its height."""

    src: str
    frame: str
    listener: str | None


def snippet(site_url: str | None, path: str, title: str, height: int) -> Snippet:
    """The snippet for the embed at `path` (relative to the site's root). Without the site's address (a build
    without `site_url`) the frame's address is relative and there is no listener, whose origin check needs it."""
    src = (site_url.rstrip("/") + "/" if site_url else "") + posixpath.dirname(path) + "/"
    frame = environment().get_template("frame.html.jinja").render(src=src, title=title, height=height).strip()
    listener = None
    if site_url:
        listener = (
            environment()
            .get_template("listener.html.jinja")
            .render(origin=origin_of(site_url), message=MESSAGE_TYPE)
            .strip()
        )
    return Snippet(src, frame, listener)


# -- on the municipality's page ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActorEmbed:
    """What a municipality's page shows of its embed (partials/embed-snippet.md.jinja): the catalogue's words, the
    embed's page (as a Markdown path, for the page's `href`), its data file, the snippet and what the frames say."""

    t: Callable[..., str]
    page: str
    data: str
    code: Snippet
    height: int
    origin: str | None
    illustrative: bool

    @property
    def fence(self) -> str:
        """A code fence longer than any run of backticks in the snippet, so that no text can close it."""
        return "`" * max(3, _longest_backticks(self.code.frame + (self.code.listener or "")) + 1)


def _longest_backticks(text: str) -> int:
    longest = run = 0
    for char in text:
        run = run + 1 if char == "`" else 0
        longest = max(longest, run)
    return longest


def for_actor(site: Site, actor: Actor) -> ActorEmbed | None:
    """The embed of a municipality's page; None for any other actor."""
    if actor.kind != "kommune":
        return None
    words = catalogue(site.options.lang)
    path = municipality_path(actor.id)
    height = DEFAULT_HEIGHT["municipality"]
    title = words.t("embed.snippet.frame_title", name=actor.name)
    embed = site.plan.plan.embed
    return ActorEmbed(
        t=words.t,
        page=path.removesuffix(".html") + ".md",
        data=data_path(actor.id),
        code=snippet(site.options.site_url, path, title, height),
        height=height,
        origin=origin_of(site.options.site_url) if site.options.site_url else None,
        illustrative=embed is not None and embed.illustrative,
    )


def framed(plan: Plan) -> tuple[str, str]:
    """The embeds' rule for the site's _headers: their paths, and the sites that may frame them."""
    return HEADER_PATH, frame_ancestors(plan)
