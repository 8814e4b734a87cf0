"""Stage 6, render: the validated plan as Markdown pages, ``{path: markdown}``.

In: a validated :class:`schema.Plan`, :class:`SiteOptions` and the page registry. Out: Markdown text by source
path. One Jinja2 template per kind of page (``templates/pages/measure.md.jinja``), rows of
:data:`scripts.site.registry.REGISTRY` say which pages there are; small filters in :mod:`scripts.core.filters`,
lookups computed once in :class:`scripts.site.lookups.Site`. Nothing here knows about MkDocs: the plugin in
``scripts/publish/plugin.py`` hands the result to MkDocs as generated files.
"""

from __future__ import annotations

import functools
import inspect
import os
import posixpath
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from schema import Plan
from scripts import TEMPLATES
from scripts.core.filters import FILTERS, attr, cell, inline, prose
from scripts.present import charts, indicators
from scripts.present.budget import budget_row
from scripts.present.i18n import DEFAULT, HTML_LANG, catalogue, localized
from scripts.present.lookups import SiteOptions
from scripts.present.progress import rule
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


def figure(kind: str, chart_id: str, *args: Any, lang: str = DEFAULT) -> Figure:
    """Draw a chart of `charts` (status_chart, budget_chart, indicator_chart, timeline_chart) in both sizes, in
    `lang` when the chart takes a `lang` keyword."""
    draw = in_language(getattr(charts, kind), lang) if lang != DEFAULT else getattr(charts, kind)
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
    lang: str = DEFAULT,
) -> jinja2.Environment:
    """The Jinja2 environment for Markdown page templates (from `extra` folders first, then the package's), with
    the filters of scripts/core/filters.py and `filters` (those the registry's wired providers add), in `lang`:
    `t(key, **fields)` gives the interface's words from that language's catalogue, and every filter or global that
    takes a `lang` keyword gets it (the Norwegian pages call them as they always did)."""
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
    env.filters.update(indicators.MARKDOWN_FILTERS if lang == DEFAULT else indicators.markdown_filters_in(lang))
    env.globals["verdict_rule"] = indicators.RULE if lang == DEFAULT else rule(lang)
    env.globals["glossary_anchor"] = glossary.anchor
    env.filters["status_badge"] = status_badge
    env.filters["followup_badges"] = followup_badges
    if lang != DEFAULT:
        env.filters.update({name: in_language(f, lang) for name, f in env.filters.items()})
    words = catalogue(lang)
    env.globals["t"] = words.t
    env.globals["tn"] = lambda count, key: words.t(f"{key}.{'one' if count == 1 else 'other'}", count=count)
    env.globals["lang"] = lang
    env.globals["anchor_kept"] = (lambda ident: "") if lang == DEFAULT else (lambda ident: f" {{ #{ident} }}")
    env.globals["embed_for"] = embeds.for_actor
    return env


def in_language(function: Callable[..., Any], lang: str) -> Callable[..., Any]:
    """`function` with `lang` given when it takes a `lang` keyword; else `function` as it is."""
    try:
        takes = "lang" in inspect.signature(function).parameters
    except (TypeError, ValueError):  # a builtin without a signature
        return function
    return functools.partial(function, lang=lang) if takes else function


#: How a plan text is put into a page: the filter it goes through, and whether it can carry a language mark
#: (an attribute or a front matter value cannot).
TEXT_FORMS: dict[str, tuple[Callable[[Any], str], bool]] = {
    "inline": (inline, True),
    "cell": (cell, True),
    "prose": (prose, True),
    "html": (attr, True),  # escaped for HTML element content, where a span can go
    "attr": (attr, False),
    "plain": (str, False),
}


@dataclass
class PageLanguage:
    """The language of one page as it is rendered: plan texts in it, or in Norwegian where they have no
    translation yet, marked with their language (WCAG 3.1.2); `fell_back` says whether any text did."""

    lang: str
    fell_back: bool = False

    def text(self, obj: Any, field: str, form: str = "inline") -> str:
        """`obj.<field>` in the page's language through the filter `form` (TEXT_FORMS); a Norwegian text on a
        page in another language inside `<span lang="nb">` (a block: the prose `div` gets the attribute)."""
        shown = localized(obj, field, self.lang)
        if shown.text is None:
            return ""
        show, markable = TEXT_FORMS[form]
        text = show(shown.text)
        if shown.lang == self.lang:
            return text
        self.fell_back = True
        if not markable:
            return text
        if form == "prose":
            return text.replace('<div class="prose">', f'<div class="prose" lang="{HTML_LANG[shown.lang]}">', 1)
        return f'<span lang="{HTML_LANG[shown.lang]}">{text}</span>'

    def note(self, markdown: str) -> str:
        """`markdown` with, when a text fell back to Norwegian, one note under the page's heading (or at the top
        of its body) saying that parts of the page are not yet translated. A text the template itself marks as
        Norwegian (one with no translation field: a data file's description, the change log) counts too."""
        if self.lang == DEFAULT or not (self.fell_back or f'lang="{HTML_LANG[DEFAULT]}"' in markdown):
            return markdown
        words = catalogue(self.lang)
        box = (
            '<div class="admonition note" data-search-exclude markdown>\n'
            f'<p class="admonition-title">{attr(words.t("lang.not_translated"))}</p>\n\n'
            f"{inline(words.t('page.partly_untranslated'))}\n\n</div>\n\n"
        )
        return _after_heading(markdown, box)


def _after_heading(markdown: str, block: str) -> str:
    """`block` put into `markdown` after its first level-one heading, or else at the start of its body (after
    the front matter)."""
    lines = markdown.splitlines(keepends=True)
    start = 0
    if lines and lines[0].strip() == "---":
        start = next((n + 1 for n in range(1, len(lines)) if lines[n].strip() == "---"), 0)
    at = next((n + 1 for n in range(start, len(lines)) if lines[n].startswith("# ")), None)
    if at is None:
        return "".join(lines[:start]) + "\n" + block + "".join(lines[start:])
    return "".join(lines[:at]) + "\n" + block + "".join(lines[at:]).lstrip("\n")


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
    env = markdown_environment(site.options.templates, registry.filters(), bytecode_cache, site.options.lang)
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
        language = PageLanguage(site.options.lang)
        markdown = language.note(
            _render(env, page.spec.template, page.path, site, registry, {**context, "tr": language.text})
        )
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
        "figure": functools.partial(figure, lang=site.options.lang),
    }
    return env.get_template(template).render({**shared, **context})
