"""Old addresses that keep working: a page at each former id of a measure, goal or actor that sends the reader on.

A measure that is moved (1.3.3 to goal 1.2 as 1.2.4) lists its old number in ``former_ids``; its old page
``tiltak/1-3-3/`` must not become a 404 for the links in news, council papers and search engines. For each former
id this writes a small static HTML page at the old address: an immediate ``<meta http-equiv="refresh">`` (no
script, so the Content-Security-Policy needs nothing), ``<link rel="canonical">`` to the new page, ``noindex`` and a
visible link for a reader whose browser does not follow the refresh. They are files, not MkDocs pages: they are
in neither the sitemap nor the search index, and have no menu. The validator makes sure a former id is not in use.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from schema import Plan
from scripts.core.catalogue import catalogue
from scripts.present.i18n import DEFAULT, localized
from scripts.site.urls import html_href, url_of

#: page_path(kind, id) of the page registry.
PagePath = Callable[[str, str], str]


@dataclass(frozen=True)
class Moved:
    """One old address: the kind of page, the former id, the current id and what the reader is sent to."""

    kind: str
    former: str
    current: str
    label: str


def moved(plan: Plan, lang: str = DEFAULT) -> Iterator[Moved]:
    """Every former id of the plan's measures, goals and actors, with the name of what it now is (in `lang`)."""
    words = catalogue(lang)
    for fa in plan.focus_areas:
        for goal in fa.goals:
            label = words.t("site.moved.goal", id=goal.id, title=localized(goal, "title", lang).text)
            yield from (Moved("goal", f, goal.id, label) for f in goal.former_ids)
            for m in goal.measures:
                label = words.t("site.moved.measure", id=m.id, title=localized(m, "title", lang).text)
                yield from (Moved("measure", f, m.id, label) for f in m.former_ids)
    for actor in plan.actors:
        name = localized(actor, "name", lang).text or actor.name
        yield from (Moved("actor", f, actor.id, name) for f in actor.former_ids)


def redirect_files(
    plan: Plan, page_path: PagePath, site_url: str | None = None, lang: str = DEFAULT
) -> dict[str, str]:
    """{path of the old page's HTML: the redirect page}, e.g. «tiltak/1-3-3/index.html» → «../1-2-4/». A former
    address that is a page now is left to that page. The pages' words in `lang`."""
    current = {page_path(m.kind, m.current) for m in moved(plan)}
    files: dict[str, str] = {}
    for m in moved(plan, lang):
        old, new = page_path(m.kind, m.former), page_path(m.kind, m.current)
        if old in current:
            continue
        files[url_of(old) + "index.html"] = redirect_page(m, html_href(new, old), url_of(new), site_url, lang)
    return files


def redirect_page(m: Moved, href: str, new: str, site_url: str | None, lang: str = DEFAULT) -> str:
    """The page at the old address that sends the reader to `href` (relative to it), the address `new` of the site
    (relative to its root); its words in `lang` (catalogue keys site.moved.*)."""
    words = catalogue(lang)
    canonical = (site_url.rstrip("/") + "/" + new) if site_url else href
    what = words.t(f"site.moved.what.{m.kind}", former=m.former)
    moved_text = words.t("site.moved.text", what=html.escape(what), link=f'<a href="{html.escape(href)}">{html.escape(m.label)}</a>')
    return f"""<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{html.escape(words.t("site.moved.title", label=m.label))}</title>
<link rel="canonical" href="{html.escape(canonical)}">
<meta http-equiv="refresh" content="0; url={html.escape(href)}">
</head>
<body>
<main>
<h1>{html.escape(words.t("site.moved.heading"))}</h1>
<p>{moved_text}</p>
</main>
</body>
</html>
"""
