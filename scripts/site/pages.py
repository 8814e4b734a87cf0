"""Stage 6, render: the validated plan as Markdown pages, ``{path: markdown}``.

In: a validated :class:`schema.Plan`, :class:`SiteOptions` and the page registry. Out: Markdown text by source
path. One Jinja2 template per kind of page (``templates/pages/measure.md.jinja``), rows of
:data:`scripts.site.registry.REGISTRY` say which pages there are; small filters in :mod:`scripts.core.filters`,
lookups computed once in :class:`scripts.site.lookups.Site`. Nothing here knows about MkDocs: the plugin in
``scripts/publish/plugin.py`` hands the result to MkDocs as generated files.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from schema import Plan
from scripts import TEMPLATES
from scripts.core.filters import FILTERS
from scripts.present import charts, indicators
from scripts.present.budget import budget_row
from scripts.present.lookups import SiteOptions
from scripts.site import embeds, glossary, search
from scripts.site.badges import followup_badges, status_badge
from scripts.site.lookups import Site
from scripts.site.registry import REGISTRY, Registry
from scripts.site.urls import html_href, relpath, url_of

__all__ = ["Site", "html_href", "render_site", "url_of"]


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


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept for the life of the object (Jinja2 checks each against its source's checksum and
    compiles again when it changed), so that the live preview, which makes new environments for every rebuild,
    compiles each template once; with a `folder`, also kept on disk between processes, so that `plan build` does
    not compile the theme and the page templates every time. Files are written whole or not at all."""

    def __init__(self, folder: Path | None = None) -> None:
        self.compiled: dict[str, bytes] = {}
        self.folder = folder

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.compiled.get(bucket.key)
        kept = self.folder / f"{bucket.key}.cache" if self.folder is not None else None
        if code is None and kept is not None and kept.is_file():
            code = kept.read_bytes()
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.compiled[bucket.key] = bucket.bytecode_to_string()
        if self.folder is not None:
            self.folder.mkdir(parents=True, exist_ok=True)
            partial = self.folder / f".{bucket.key}.{os.getpid()}.tmp"
            partial.write_bytes(code)
            partial.replace(self.folder / f"{bucket.key}.cache")


#: The page templates' compiled code when the caller gives no cache of its own (tests, the benchmark).
TEMPLATE_CACHE = MemoryBytecodeCache()


def markdown_environment(
    extra: Sequence[Path] = (),
    filters: Mapping[str, Callable[..., Any]] | None = None,
    bytecode_cache: jinja2.BytecodeCache = TEMPLATE_CACHE,
) -> jinja2.Environment:
    """The Jinja2 environment for Markdown page templates (from `extra` folders first, then the package's), with
    the filters of scripts/core/filters.py and `filters` (those the registry's wired providers add)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([*extra, TEMPLATES]),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # the output is Markdown: every value goes through an explicit filter
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=bytecode_cache,
    )
    env.filters.update(FILTERS)
    env.filters.update(filters or {})
    env.filters["budget_row"] = budget_row
    env.filters.update(indicators.MARKDOWN_FILTERS)
    env.globals["verdict_rule"] = indicators.RULE
    env.globals["glossary_anchor"] = glossary.anchor
    env.filters["status_badge"] = status_badge
    env.filters["followup_badges"] = followup_badges
    env.globals["embed_for"] = embeds.for_actor
    return env


def render_site(
    plan: Plan,
    options: SiteOptions | None = None,
    registry: Registry = REGISTRY,
    *,
    bytecode_cache: jinja2.BytecodeCache = TEMPLATE_CACHE,
) -> dict[str, str]:
    """Every generated page of the registry, as Markdown source path → Markdown text (templates compiled once into
    `bytecode_cache`)."""
    site = Site(plan, options or SiteOptions())
    env = markdown_environment(site.options.templates, registry.filters(), bytecode_cache)
    shared: dict[Any, Mapping[str, Any]] = {}
    pages: dict[str, str] = {}
    for page in registry.pages(plan):
        context = dict(page.item.context) if page.item else {}
        make = registry.context(page.spec)
        if make is not None:
            if make not in shared:
                shared[make] = make(plan, site.options)
            context.update(shared[make])
        assert page.spec.template is not None
        markdown = _render(env, page.spec.template, page.path, site, registry, context)
        pages[page.path] = search.with_boost(markdown, search.search_kind(page.spec.kind, context))
    return pages


def _render(
    env: jinja2.Environment, template: str, path: str, site: Site, registry: Registry, context: Mapping[str, Any]
) -> str:
    folder = posixpath.dirname(path) or "."

    def link(target: str) -> str:
        return relpath(target, folder)

    shared = {
        "site": site,
        "plan": site.plan,
        "info": site.plan.plan,
        "page": path,
        "link": link,
        "href": lambda target: html_href(target, path),
        "file_href": lambda target: relpath(target, url_of(path) or "."),
        "page_path": registry.page_path,
        "term": glossary.Terms(
            site.glossary_anchors,
            link(registry.page_path("glossary")),
            html_href(registry.page_path("glossary"), path),
        ),
        "figure": figure,
    }
    return env.get_template(template).render({**shared, **context})
