"""The page registry: every kind of page of the site, once.

A :class:`PageSpec` row says what a kind of page is made of (its template), where it lives (its path, or a path
pattern for the pages made one per item), where it sits in the menu and which items it is made for. Rendering
(:func:`scripts.site.pages.render_site`), the menu and the sitemap dates (the MkDocs plugin), the home page's
links (``page_path`` in the templates) and the tests all read the same table, :data:`REGISTRY`. Adding a kind of
page means a template, one row here and its snapshot.

Hand-written pages in ``docs/`` have a row without a template: they take their place in the menu from here.

Some pages are laid out here but their content is made outside the site: the editors' guide (from
``scripts.editor.guide``) and the history of the adopted editions (read from git by the publishing stage). Their rows
name a *provider*; the publishing stage wires the providers in (``publish/providers.py``,
:meth:`Registry.with_providers`). A registry without a row's provider leaves those pages out, so the site never
imports the editor's package, runs git or validates.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from schema import Plan
from scripts.core.catalogue import catalogue
from scripts.core.filters import attr, slug
from scripts.core.queries import adopted_editions, document_dates, reader_contact
from scripts.present import progress
from scripts.present.facts import plain_name_in
from scripts.present.i18n import DEFAULT, localized
from scripts.site import feeds, glossary
from scripts.site.open_data.page import page_context


@dataclass(frozen=True)
class Item:
    """One thing a page is made for (a measure, an actor …): its id, what its template gets, its menu title
    (None: not in the menu), the focus area whose YAML file it is written in (for the page's date) and, for a page
    outside the menu, the page it sits under (kind and item id: a measure under its goal), which gives it its
    breadcrumb and active tab."""

    ident: str
    context: Mapping[str, Any]
    menu_title: str | None = None
    focus_area: str | None = None
    parent: tuple[str, str | None] | None = None


@dataclass(frozen=True)
class PageSpec:
    """A kind of page. `path` is the Markdown path, or with `items` a pattern where «{}» is the item's slug."""

    kind: str
    path: str
    #: Template under the template folders («pages/measure.md.jinja»); None: a hand-written page in docs/.
    template: str | None
    #: The menu sections the page sits in, outermost first; () is the top of the menu.
    section: tuple[str, ...] = ()
    #: The menu title of a single page; None: the page's own title. Item pages take Item.menu_title.
    menu_title: str | None = None
    #: For pages made one per item: the items of a plan (called with the plan, and `lang` for the menu titles).
    items: Callable[..., Iterable[Item]] | None = None
    #: Context every page of this kind gets beyond the item's, computed once per build from (plan, options).
    context: Callable[[Plan, Any], Mapping[str, Any]] | None = None
    #: The provider that gives this kind's context instead (wired in by the publishing stage); the pages are made
    #: only when it is wired.
    provider: str | None = None

    def page_path(self, ident: str | None = None) -> str:
        if self.items is None:
            return self.path
        if ident is None:
            raise ValueError(f"sider av typen «{self.kind}» lages for én ting om gangen: oppgi hvilken")
        return self.path.format(slug(ident))


@dataclass(frozen=True)
class Page:
    """A page to render: its spec, path, the context its template gets beyond the shared one, and the item."""

    spec: PageSpec
    path: str
    item: Item | None = None


@dataclass(frozen=True)
class Provider:
    """Content for pages the site lays out but does not make: the context their templates get, computed once per
    build from (plan, options), and the Jinja2 filters those templates use beyond the site's own."""

    context: Callable[[Plan, Any], Mapping[str, Any]]
    filters: Mapping[str, Callable[..., Any]] = field(default_factory=dict)


@dataclass(frozen=True)
class Registry:
    """The page specs, in menu order, and the providers wired in for the rows that name one."""

    specs: Sequence[PageSpec]
    providers: Mapping[str, Provider] = field(default_factory=dict)
    _by_kind: dict[str, PageSpec] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_kind", {spec.kind: spec for spec in self.specs})

    def with_rows(self, *more: PageSpec) -> Registry:
        """This registry and more kinds of page after it."""
        return Registry([*self.specs, *more], self.providers)

    def with_providers(self, **providers: Provider) -> Registry:
        """This registry with providers wired in (by the publishing stage) for the rows that name them."""
        return Registry(self.specs, {**self.providers, **providers})

    def made(self, spec: PageSpec) -> bool:
        """Is this kind of page made: a hand-written page, or a template whose provider (if any) is wired in."""
        return spec.provider is None or spec.provider in self.providers

    def context(self, spec: PageSpec) -> Callable[[Plan, Any], Mapping[str, Any]] | None:
        """The function that gives every page of this kind its shared context (the row's, or its provider's)."""
        return self.providers[spec.provider].context if spec.provider is not None else spec.context

    def filters(self) -> dict[str, Callable[..., Any]]:
        """The filters the wired providers' templates need."""
        return {name: f for provider in self.providers.values() for name, f in provider.filters.items()}

    def spec(self, kind: str) -> PageSpec:
        return self._by_kind[kind]

    def page_path(self, kind: str, ident: str | None = None) -> str:
        """Where a page lives (as a Markdown source path): page_path("measure", "1.1.2"), page_path("economy")."""
        return self._by_kind[kind].page_path(ident)

    def pages(self, plan: Plan) -> Iterator[Page]:
        """Every generated page of the plan (hand-written pages are not generated)."""
        for spec in self.specs:
            if spec.template is None or not self.made(spec):
                continue
            if spec.items is None:
                yield Page(spec, spec.path)
            else:
                yield from (Page(spec, spec.page_path(item.ident), item) for item in spec.items(plan))

    def navigation(self, plan: Plan, lang: str = DEFAULT) -> list[Any]:
        """The site's menu as MkDocs' `nav`: sections in the order they first appear. Titles from the plan are
        HTML escaped, since the theme puts menu titles into the page as they are. In `lang`, the same paths with
        the titles and sections in `lang` (catalogue keys nav.<kind>, nav.section.<key>; the plan's texts where
        translated)."""
        menu: list[Any] = []
        for spec in filter(self.made, self.specs):
            section = tuple(section_title(name, lang) for name in spec.section)
            for title, path in _menu_entries(spec, plan, lang):
                _section(menu, section).append(path if title is None else {title: path})
        return menu

    def menu_title(self, kind: str, lang: str = DEFAULT) -> str | None:
        """The menu title of a single page of `kind` in `lang` (None: the page's own title)."""
        return _menu_title(self._by_kind[kind], lang)

    def parents(self, plan: Plan) -> Iterator[tuple[str, str]]:
        """(page path, parent page path) for each page outside the menu: the page it sits under, which in turn is
        in the menu or has a parent of its own (a measure under its goal, the goal under its focus area)."""
        for page in self.pages(plan):
            item = page.item
            if item is not None and item.menu_title is None and item.parent is not None:
                yield page.path, self.page_path(*item.parent)

    def focus_area_pages(self, plan: Plan) -> Iterator[tuple[str, str]]:
        """(page path, focus area id) for the pages that show what one focus area's YAML file holds."""
        for page in self.pages(plan):
            if page.item is not None and page.item.focus_area is not None:
                yield page.path, page.item.focus_area


#: The menu's sections (named in Norwegian in the rows below) → their keys in the catalogue, nav.section.<key>.
SECTION_KEYS = {
    "Planen": "plan",
    "Satsingsområder": "focus_areas",
    "Aktører": "actors",
    "Indikatorer": "indicators",
    "Om nettstedet": "about",
    "For redaktører": "editors",
}


def _words(key: str, norwegian: str, lang: str) -> str:
    """The catalogue's text of `key` in `lang`; the Norwegian one in Norwegian, and for a row the catalogue does not
    know (one added by :meth:`Registry.with_rows`)."""
    if lang == DEFAULT:
        return norwegian
    return catalogue(lang).words.get(key, norwegian)


def section_title(name: str, lang: str = DEFAULT) -> str:
    """A menu section's name in `lang`."""
    return _words(f"nav.section.{SECTION_KEYS.get(name, name)}", name, lang)


def _menu_title(spec: PageSpec, lang: str) -> str | None:
    return None if spec.menu_title is None else _words(f"nav.{spec.kind}", spec.menu_title, lang)


def _menu_entries(spec: PageSpec, plan: Plan, lang: str = DEFAULT) -> Iterator[tuple[str | None, str]]:
    if spec.items is None:
        yield _menu_title(spec, lang), spec.path
        return
    for item in spec.items(plan, lang) if lang != DEFAULT else spec.items(plan):
        if item.menu_title is not None:
            yield item.menu_title, spec.page_path(item.ident)


def _section(menu: list[Any], names: tuple[str, ...]) -> list[Any]:
    """The list of entries under the named (nested) section of the menu, made when it is first needed."""
    for name in names:
        found = next((entry[name] for entry in menu if isinstance(entry, dict) and name in entry), None)
        if found is None:
            found = []
            menu.append({name: found})
        menu = found
    return menu


# --------------------------------------------------------------------------------------------------------
# The items of the plan that get a page each
# --------------------------------------------------------------------------------------------------------


def focus_areas(plan: Plan, lang: str = DEFAULT) -> Iterator[Item]:
    for fa in plan.focus_areas:
        yield Item(fa.id, {"focus_area": fa}, f"{fa.id} {attr(localized(fa, 'title', lang).text)}", fa.id)


def goals(plan: Plan, lang: str = DEFAULT) -> Iterator[Item]:
    for fa in plan.focus_areas:
        for goal in fa.goals:
            yield Item(goal.id, {"focus_area": fa, "goal": goal}, None, fa.id, ("focus-area", fa.id))


def measures(plan: Plan, lang: str = DEFAULT) -> Iterator[Item]:
    for fa, goal, measure in plan.measures():
        yield Item(measure.id, {"focus_area": fa, "goal": goal, "measure": measure}, None, fa.id, ("goal", goal.id))


def actors(plan: Plan, lang: str = DEFAULT) -> Iterator[Item]:
    """Every actor; the municipalities are in the menu, the others under the list of actors."""
    for actor in plan.actors:
        title = attr(plain_name_in(actor, lang)) if actor.kind == "kommune" else None
        yield Item(actor.id, {"actor": actor}, title, parent=("actors", None))


def indicators(plan: Plan, lang: str = DEFAULT) -> Iterator[Item]:
    for indicator in plan.indicators:
        yield Item(indicator.id, {"indicator": indicator}, attr(localized(indicator, "title", lang).text))


def edition_changes(plan: Plan, lang: str = DEFAULT) -> Iterator[Item]:
    """A page «Endringer i rulleringen» for each kept edition after the first (the content: publish/editions.py)."""
    kept = adopted_editions(plan)
    for previous, revision in zip(kept, kept[1:], strict=False):
        yield Item(revision.version, {"revision": revision, "previous": previous}, parent=("history", None))


def _open_data(plan: Plan, options: Any) -> Mapping[str, Any]:
    return page_context(plan, options)


def _feeds(plan: Plan, options: Any) -> Mapping[str, Any]:
    """The feeds to follow the plan (the whole plan's and each municipality's) and where each lives."""
    return {"feeds": feeds.feed_list(plan), "feed_path": feeds.feed_path, "feed_entries": feeds.MAX_ENTRIES}


def _lang(options: Any) -> str:
    """The language of the pages being made (SiteOptions.lang; Norwegian without options)."""
    return str(getattr(options, "lang", DEFAULT))


def _progress_method(plan: Plan, options: Any) -> Mapping[str, Any]:
    return progress.page_context(plan.indicators, _lang(options))


def _accessibility(plan: Plan, options: Any) -> Mapping[str, Any]:
    owner = next(a for a in plan.actors if a.id == plan.plan.owner)
    name = localized(owner, "name", _lang(options)).text
    return {"owner": name, "contact": reader_contact(plan), "modified": document_dates(plan)[1]}


def _contact(plan: Plan, options: Any) -> Mapping[str, Any]:
    owner = next(a for a in plan.actors if a.id == plan.plan.owner)
    return {"owner": owner, "contact": reader_contact(plan)}


def _page(kind: str, path: str, section: tuple[str, ...] = (), title: str | None = None, **more: Any) -> PageSpec:
    return PageSpec(kind, path, f"pages/{kind}.md.jinja", section, title, **more)


#: The providers the publishing stage wires in: the editors' guide and the adopted editions' history.
GUIDE, EDITIONS = "guide", "editions"

#: The editors' guide («Veiledning for redaktører»): page path → template name in templates/pages/.
GUIDE_PAGES: dict[str, str] = {
    "veiledning/index.md": "guide-index",
    "veiledning/endre-status.md": "guide-endre-status",
    "veiledning/nytt-tiltak.md": "guide-nytt-tiltak",
    "veiledning/feilmeldinger.md": "guide-feilmeldinger",
    "veiledning/rullering.md": "guide-rullering",
    "veiledning/statusrunden.md": "guide-statusrunden",
    "veiledning/vs-code.md": "guide-vs-code",
}

PLAN, AREAS, ACTORS, INDICATORS = ("Planen",), ("Planen", "Satsingsområder"), ("Aktører",), ("Indikatorer",)
ABOUT, EDITORS = ("Om nettstedet",), ("For redaktører",)

#: Every kind of page, in menu order.
REGISTRY = Registry(
    [
        _page("home", "index.md", title="Forside", context=_feeds),
        PageSpec("about", "om-planen.md", None, PLAN),
        _page("focus-areas", "satsingsomrader/index.md", AREAS),
        _page("focus-area", "satsingsomrader/{}.md", AREAS, items=focus_areas),
        _page("goal", "mal/{}.md", items=goals),
        _page("measures", "tiltak/index.md", PLAN, "Alle tiltak"),
        _page("measure", "tiltak/{}.md", items=measures),
        _page("timeline", "tidslinje.md", PLAN, "Tidslinje"),
        _page("followup", "oppfolging.md", PLAN, "Oppfølging"),
        _page("history", "historikk.md", PLAN, "Planens historikk", provider=EDITIONS),
        _page("edition-changes", "historikk/endringer-{}.md", items=edition_changes, provider=EDITIONS),
        _page("glossary", "ordforklaringer.md", PLAN, "Ordforklaringer", context=glossary.context),
        _page("actors", "aktorer/index.md", ACTORS),
        _page("roles-matrix", "aktorer/rollematrise.md", ACTORS, "Rollematrise"),
        _page("actor", "aktorer/{}.md", ACTORS, items=actors, context=_feeds),
        _page("economy", "okonomi.md", title="Økonomi"),
        _page("indicators", "indikatorer/index.md", INDICATORS),
        _page("indicator", "indikatorer/{}.md", INDICATORS, items=indicators),
        _page(
            "progress-method", "indikatorer/slik-vurderer-vi.md", INDICATORS, "Slik vurderer vi", context=_progress_method
        ),
        _page("open-data", "apne-data.md", ABOUT, context=_open_data),
        _page("follow", "folg-planen.md", ABOUT, "Følg planen", context=_feeds),
        _page("contact", "kontakt.md", ABOUT, "Kontakt", context=_contact),
        _page("accessibility", "tilgjengelighet.md", ABOUT, context=_accessibility),
        PageSpec("privacy", "personvern.md", None, ABOUT),
        PageSpec("security", "sikkerhet.md", None, ABOUT),
        *[
            PageSpec(template, path, f"pages/{template}.md.jinja", EDITORS, provider=GUIDE)
            for path, template in GUIDE_PAGES.items()
        ],
    ]
)


def page_path(kind: str, ident: str | None = None) -> str:
    """Where a page of the site lives (as a Markdown source path)."""
    return REGISTRY.page_path(kind, ident)
