"""The MkDocs plugin `naeringsplan` between our pipeline and MkDocs.

In: a :class:`BuildInput` handed over for one build through :meth:`PlanPlugin.given` by `plan build` and `plan
serve` (the validated plan, the registry, progress, the PDF cache, today's date), or, for a plain `mkdocs build` or
`mkdocs serve`, the plugin's config (`plan_dir`, validated here; an invalid plan stops the build with the editor's
messages). Out: the pages and data files rendered by :mod:`scripts.site` handed to MkDocs as generated files
(``File.generated``, so nothing is ever written into ``docs/``), the menu and the sitemap dates from the page
registry, the Content-Security-Policy on every page and in ``_headers``, the link previews' images, icons and
manifest (publish/social.py), and the PDFs under ``pdf/`` (the plan, the status reports and the adopted editions,
from the cache when unchanged: publish/pdfs.py). The adopted editions are
read here (publish/editions.py) and handed to the site as data, through the registry's providers
(publish/providers.py). All state lives on the plugin instance; rendering itself knows nothing of MkDocs. In the
live preview (`plan serve`, command «serve») there are no PDFs, no workbook and no policy, and a rebuild keeps the
pages whose Markdown did not change (publish/reuse.py).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import gc
import hashlib
import os
import pickle
import subprocess
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.utils import clean_directory

from schema import Plan
from scripts.core.collector import gc_paused
from scripts.core.dates import today
from scripts.core.followup import status_as_of
from scripts.core.problems import Diagnostic, errors, sorted_unique
from scripts.core.progress import Progress
from scripts.core.queries import document_dates
from scripts.load.folder import load_plan
from scripts.pdf import document as pdf
from scripts.present.i18n import catalogue
from scripts.present.lookups import SiteOptions
from scripts.publish import (
    csp,
    editions,
    languages,
    measure_history,
    memo,
    page_memo,
    providers,
    reuse,
    search,
    social,
)
from scripts.publish.languages import Language
from scripts.publish.memo import FileMemo
from scripts.publish.page_memo import PageMemo
from scripts.publish.pdfs import Made, PdfBatch, PdfCache, PdfJob, cache_root
from scripts.publish.stylesheets import one_stylesheet
from scripts.site import embeds
from scripts.site.feeds import feed_files
from scripts.site.footer import footer, not_found_links
from scripts.site.pages import MemoryBytecodeCache, render_site
from scripts.site.redirects import redirect_files
from scripts.site.registry import REGISTRY, Registry
from scripts.validate.validator import source_files, validate_files

#: The open data's spreadsheet, which the live preview does not make (it takes a second), and a build takes from
#: the cache when the plan did not change (publish/memo.py).
WORKBOOK = PREVIEW_WORKBOOK = "data/naeringsplan.xlsx"


@dataclass(frozen=True)
class PlanSource:
    """A validated plan and where it came from: its folder and the file each focus area is written in."""

    plan: Plan
    folder: Path
    #: Focus area id → the file it was read from.
    files: dict[str, str]

    @functools.cached_property
    def data_hash(self) -> str:
        """A hash of the plan's data, for the caches' keys (made once per build)."""
        return plan_hash(self.plan)


def read_plan(folder: Path, on: dt.date | None = None) -> tuple[PlanSource | None, list[Diagnostic]]:
    """Load and validate a plan folder on a day (None: today); the source is returned only when there is no error
    (with the warnings)."""
    with gc_paused():
        files, problems = load_plan(folder)
        plan, more = validate_files(files, on)
    diagnostics = sorted_unique(problems + more)
    if errors(diagnostics) or plan is None:
        return None, diagnostics
    return PlanSource(plan, folder, source_files(files)), diagnostics


class PlanPluginConfig(Config):  # type: ignore[no-untyped-call]
    #: The plan folder, relative to mkdocs.yml (when `plan build` does not hand over a validated plan).
    plan_dir = c.Type(str, default="plan")
    #: Make the PDFs after the site (`false` times MkDocs and WeasyPrint apart, as the benchmark does).
    pdf = c.Type(bool, default=True)


@dataclass(frozen=True)
class BuildInput:
    """What `plan build` and `plan serve` give the plugin for one build (:meth:`PlanPlugin.given`). The defaults are
    a plain `mkdocs build`'s: the config's plan folder, validated here, and the clock's date."""

    #: The validated plan (then it is not validated twice); None: the config's `plan_dir`.
    source: PlanSource | None = None
    #: The kinds of page (a caller may add rows) and extra template folders.
    registry: Registry = REGISTRY
    templates: tuple[Path, ...] = ()
    progress: Progress = field(default_factory=Progress)
    #: In the live preview: only files in the plan folder changed since the last build (publish/reuse.py).
    reuse: bool = False
    #: Where PDFs are kept between builds (publish/pdfs.py); None: the repository's .cache/pdf/.
    pdf_cache: PdfCache | None = None
    #: How many processes render PDFs at most; None: one per core, as memory allows.
    workers: int | None = None
    #: Today's date (is a status report's year over?); None: the clock's, in Norway (core/dates.today).
    today: dt.date | None = None
    #: The edition this build makes and the languages `plan build` makes (publish/languages.py); the default: the
    #: plan's own language only, with no link to another.
    language: Language = field(default_factory=Language)
    #: For another language's edition: the options the root edition's build made (its git dates and histories).
    options: SiteOptions | None = None


@dataclass
class BuildState:
    """What one build has made so far."""

    source: PlanSource
    options: SiteOptions
    registry: Registry
    found: list[editions.Edition]
    generated: dict[str, str | bytes]
    dates: dict[str, str]
    script_hashes: set[str] = field(default_factory=set)
    #: In the live preview: the frame around the pages and the pages' titles (publish/reuse.py).
    frame: reuse.Frame | None = None
    titles: dict[str, str] = field(default_factory=dict)
    #: The PDFs under way (started with the pages, rendered while MkDocs builds), then what was made.
    batch: PdfBatch | None = None
    pdfs: Made = field(default_factory=Made)
    #: The pages' HTML and search entries kept from earlier builds (not in the live preview; publish/page_memo.py).
    pages: PageMemo | None = None
    #: Each page's link preview for the theme's head (publish/social.py).
    sharing: social.Sharing | None = None
    #: Each page's hreflang links and language switch (publish/languages.py), when more than one edition is made.
    alternates: languages.Alternates | None = None
    #: In another language's edition: its links to what only the root site has, rewritten to lead there.
    shared_links: languages.SharedLinks | None = None


def place_outside_menu(files: Files, parents: Iterable[tuple[str, str]]) -> None:
    """Give each page outside the menu its parent: the parent page, or, for a section's index page (the list of
    actors), the section itself, so that the breadcrumb does not name the section twice."""
    for path, parent_path in parents:
        page, parent = (getattr(files.get_file_from_path(p), "page", None) for p in (path, parent_path))
        if page is None or parent is None:
            continue
        page.parent = parent.parent if parent.is_index and parent.parent is not None else parent


class PlanPlugin(BasePlugin[PlanPluginConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        #: What this build was given (PlanPlugin.given); a plain `mkdocs build` has the defaults.
        self.input = BuildInput()
        self.command = "build"
        self.state: BuildState | None = None
        #: The adopted editions read so far (a commit never changes: `plan serve` reads each once).
        self.editions = editions.EditionReader()
        #: In the live preview: what the last successful build made, and what this one keeps of it.
        self.last: reuse.LastBuild | None = None
        self.kept_from: reuse.LastBuild | None = None
        #: Compiled templates of the pages and of the theme (their own: compiled code depends on the environment's
        #: settings), in memory and in .cache/jinja/ of the plan's repository (set at the first build).
        self.compiled: dict[str, MemoryBytecodeCache] = {}
        #: Plan folder → the .cache/ folder of its repository (publish/pdfs.cache_root).
        self.cache_roots: dict[Path, Path] = {}

    @contextlib.contextmanager
    def given(self, build: BuildInput) -> Iterator[None]:
        """The one way in: `build` is this plugin's input while the block runs (one MkDocs build), and the defaults
        again afterwards, whatever happens, since MkDocs keeps one instance of each plugin per process."""
        self.input = build
        try:
            yield
        finally:
            self.input = BuildInput()
            gc.unfreeze()
            if self.state is not None and self.state.batch is not None:
                self.state.batch.cancel()  # a build that stopped before its PDFs were collected leaves no worker

    def state_hashes(self) -> set[str]:
        """The hashes of the inline scripts of the pages the last build made (for the site's _headers)."""
        return set(self.state.script_hashes) if self.state is not None else set()

    def embed_rule(self) -> tuple[str, str] | None:
        """The embeds' rule for the site's _headers (their paths, who may frame them), from the last build's plan."""
        return embeds.framed(self.state.source.plan) if self.state is not None else None

    def built_options(self) -> SiteOptions | None:
        """The options the last build made (another language's edition of the same plan takes them)."""
        return self.state.options if self.state is not None else None

    @property
    def progress(self) -> Progress:
        return self.input.progress

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command  # «serve» skips the PDFs and the policy, so that the live preview stays quick

    def on_shutdown(self) -> None:
        """MkDocs keeps this instance for the process: after a preview, the next build is an ordinary one."""
        self.command, self.last, self.kept_from = "build", None, None

    def on_serve(self, server: Any, *, config: Any, builder: Any) -> Any:
        """The live preview also rebuilds when a file changes in the plan folder (the one the last build read)."""
        server.watch(str(self.state.source.folder if self.state is not None else self._plan_dir(config)))
        return server

    def on_config(self, config: Any) -> Any:
        root = Path(config["config_file_path"]).parent
        self.progress.begin("Lager sidene og de åpne dataene")
        source = self.input.source or self._validated(self._plan_dir(config))
        language = self.input.language
        if not language.is_root:
            languages.name_site(config, source.plan, language.lang)
        options = self._options(source, root, config)
        found = self.editions.read(source.plan, source.folder, self.input.today) if language.is_root else []
        # What exists now (the plan, MkDocs' configuration) and the pages made next live until the build ends: the
        # cycle collector need not walk them again on every collection while MkDocs builds (a tenth of the MkDocs
        # time at 1 000 measures), and forked PDF workers share them untouched. Unfrozen when the build ends (`given`).
        gc.freeze()
        # The PDFs are started first: the largest takes longest, and is rendered while the pages are made.
        make_pdfs = self.command != "serve" and self.config.pdf and language.is_root  # another edition: none of its own
        batch = self._start_pdfs(source, options, found) if make_pdfs else None
        try:
            self.state = self._pages(config, source, options, found, batch)
            if self.command != "serve":  # the preview keeps them apart: its configuration is read once
                css = one_stylesheet(Path(config["docs_dir"]), list(config["extra_css"]))
                config["extra_css"] = css.links
                self.state.generated.update(css.files)
        except BaseException:  # MkDocs calls no on_build_error for a failure here: the workers are stopped now
            if batch is not None:
                batch.cancel()
            raise
        gc.freeze()
        self.progress.end()
        return config

    def _pages(
        self,
        config: Any,
        source: PlanSource,
        options: SiteOptions,
        found: list[editions.Edition],
        batch: PdfBatch | None,
    ) -> BuildState:
        """The pages, the open data and the feeds; the menu and the sitemap dates."""
        files_memo = self._memo(source.folder)
        root = self.input.language.is_root
        # Another language's edition has neither the editors' guide nor the history pages (their providers are not
        # wired in), and takes the open data and the feeds from the root site (publish/languages.py).
        registry = self.input.registry
        if root:
            registry = providers.wired(registry, editions.history(found), files_memo)
        with gc_paused():
            compiled = self._compiled("pages", source.folder)
            generated: dict[str, str | bytes] = {**render_site(source.plan, options, registry, bytecode_cache=compiled)}
            if root:
                generated.update(self._data_files(source, config["site_url"], files_memo))
                generated.update(feed_files(source.plan, config["site_url"], registry.page_path))
            generated.update(self._redirect_files(source.plan, config["site_url"], registry))
            if root:  # made once, at the site's root, like the open data
                generated.update(self._embed_files(source.plan, options, registry))
            generated.update(self._social_files(source, config["site_name"], files_memo))
        config["nav"] = registry.navigation(source.plan, options.lang)
        dates = self._page_dates(source.plan, options, registry)
        state = BuildState(source, options, registry, found, generated, dates, batch=batch)
        state.sharing = social.Sharing(
            {page.path: page.spec.kind for page in registry.pages(source.plan)},
            social.CardText.of(source.plan),
            config["site_url"],
        )
        return state

    @staticmethod
    def _redirect_files(plan: Plan, site_url: str | None, registry: Registry) -> dict[str, str | bytes]:
        """The pages at the former addresses of moved measures, goals and actors, with the site's policy."""
        moved = redirect_files(plan, registry.page_path, site_url)
        return {path: csp.add_policy(page) for path, page in moved.items()}

    @staticmethod
    def _embed_files(plan: Plan, options: SiteOptions, registry: Registry) -> dict[str, str | bytes]:
        """The pages other sites may show in a frame (site/embeds.py), with the site's policy, and their data."""
        made = embeds.embed_files(plan, options, registry.page_path)
        return {path: csp.add_policy(text) if path.endswith(".html") else text for path, text in made.items()}

    def on_pre_build(self, *, config: Any) -> None:
        """In the live preview (always a dirty build): keep the last build's pages when only the plan changed and
        the frame around the pages is the same; otherwise start from an empty site folder (publish/reuse.py)."""
        if self.command != "serve":
            return
        assert self.state is not None
        frame = reuse.Frame(
            menu=repr(config["nav"]),
            footer=repr(footer(self.state.source.plan, self.state.registry)),
            paths=frozenset(self.state.generated),
        )
        last, self.last = self.last, None  # set again when this build succeeds
        self.kept_from = last if last is not None and reuse.can_keep(last, frame, self.input.reuse) else None
        if self.kept_from is None:
            clean_directory(config["site_dir"])
        self.state.frame = frame

    def _compiled(self, which: str, folder: Path) -> MemoryBytecodeCache:
        """The compiled templates of the pages or the theme, kept on disk in the plan's repository."""
        if which not in self.compiled:
            self.compiled[which] = MemoryBytecodeCache(self._cache_root(folder) / "jinja" / which)
        return self.compiled[which]

    def _plan_dir(self, config: Any) -> Path:
        return Path(config["config_file_path"]).parent / self.config.plan_dir

    @staticmethod
    def _validated(folder: Path) -> PlanSource:
        source, problems = read_plan(folder)
        if source is None:
            messages = "\n".join(str(p) for p in problems)
            raise PluginError(f"Planen er ikke gyldig. Rett feilene under og bygg på nytt:\n{messages}")
        return source

    def _options(self, source: PlanSource, root: Path, config: Any) -> SiteOptions:
        lang = self.input.language.lang
        if self.input.options is not None:  # another edition of the same plan: the root edition's git dates
            return dataclasses.replace(self.input.options, lang=lang)
        day = site_day(source.plan, source.folder)
        options = site_options(source, root, config["extra"], templates=self.input.templates, today=day)
        return dataclasses.replace(options, lang=lang, site_url=config["site_url"])

    def _page_dates(self, plan: Plan, options: SiteOptions, registry: Registry) -> dict[str, str]:
        """The «last changed» date of each page in sitemap.xml, taken from the data so that two builds of the same
        commit give the same bytes: the pages that show a focus area's YAML file (the focus area, its goals and
        measures) get the date of the file's last commit; every other page the newest date in the plan (as the
        PDF's modification date)."""
        dates = {"": document_dates(plan)[1]}
        for path, focus_area in registry.focus_area_pages(plan):
            changed = options.changed.get(options.sources.get(focus_area, ""))
            if changed is not None:
                dates[path] = changed.isoformat()
        return dates

    def on_files(self, files: Files, *, config: Any) -> Files:
        assert self.state is not None
        for path, content in sorted(self.state.generated.items()):
            files.append(reuse.KeptFile.generated(config, path, content=content))
        if self.kept_from is not None:
            reuse.keep_unchanged(files, self.state.generated, self.kept_from)
        self._languages(config, files)
        if self.command != "serve":
            self.state.pages = self._page_memo(config, files)
        self.progress.begin("Bygger nettstedet med MkDocs", total=len(files.documentation_pages()), unit="sider")
        return files

    def on_nav(self, nav: Any, *, config: Any, files: Files) -> Any:
        """Pages outside the menu (measures, goals, the other actors, the changes of a revision) get the page they
        sit under from the registry as their parent, so Material marks the right tab and menu section as active
        and shows the breadcrumb (`navigation.path`) without putting them in the menu."""
        assert self.state is not None
        place_outside_menu(files, self.state.registry.parents(self.state.source.plan))
        return nav

    def _languages(self, config: Any, files: Files) -> None:
        """With more than one edition: each page's hreflang links and language switch; in another language's
        edition, its own hand-written pages (docs/en/) in place of the bokmål ones, and its links to what only the
        root site has rewritten to lead there (publish/languages.py)."""
        assert self.state is not None
        language = self.input.language
        if len(language.editions) < 2:
            return
        docs = Path(config["docs_dir"])
        hand_written = [f for f in files.documentation_pages() if f.generated_by is None]
        for file in hand_written:
            own = languages.hand_written(docs, file.src_uri, language.lang)
            if own is not None:
                file.abs_src_path = str(own)
        made = (page.path for page in self.input.registry.pages(self.state.source.plan))
        shared = languages.other_edition_pages(made, (f.src_uri for f in hand_written))
        self.state.alternates = languages.Alternates(language, shared, self._root_url(config))
        if language.root_site is not None:
            self.state.shared_links = languages.SharedLinks(language.root_site, (f.dest_uri for f in files))

    def _root_url(self, config: Any) -> str | None:
        """The root site's address (this edition's without /<lang>/)."""
        site_url: str | None = config["site_url"]
        lang = self.input.language.lang
        if not site_url or self.input.language.is_root:
            return site_url
        return site_url.rstrip("/").removesuffix(f"/{lang}") + "/"

    def _page_memo(self, config: Any, files: Files) -> PageMemo:
        """The kept pages of earlier builds, one memo per language; Material's search index takes its entries from
        there too."""
        assert self.state is not None
        folder = self._cache_root(self.state.source.folder) / page_memo.FOLDER
        language = self.input.language
        memo = PageMemo(folder if language.is_root else folder / language.lang, config, files, language.lang)
        search = config["plugins"].get("material/search")
        if search is not None and getattr(search, "search_index", None) is not None:
            search.search_index = memo.search_index(search.search_index)
        return memo

    def on_env(self, env: Any, *, config: Any, files: Files) -> Any:
        """The theme's footer on every page, the 404 page too, gets its content from the plan, and the 404 page its
        ways on (site/footer.py)."""
        assert self.state is not None
        env.globals["plan_footer"] = footer(self.state.source.plan, self.state.registry, self.state.options.lang)
        env.globals["plan_languages"] = self.state.alternates
        env.globals["plan_not_found_links"] = not_found_links(self.state.registry, self.state.options.lang)
        env.globals["plan_share"] = self.state.sharing
        env.globals["t"] = catalogue(str(config["theme"]["language"])).t  # the theme's words (templates/locale)
        env.bytecode_cache = self._compiled("theme", self.state.source.folder)  # MkDocs makes one for every build
        if self.kept_from is not None:  # kept pages were not read: the title they had (for the menu), their date
            for page in reuse.restore_titles(files, self.kept_from):
                self.on_pre_page(page, config=config, files=files)
        if self.command == "serve":
            self.state.titles = reuse.titles(files)
        return env

    def on_pre_page(self, page: Any, *, config: Any, files: Files) -> Any:
        """Sitemap dates from the data instead of the clock (MkDocs' default is the build date), unless the caller
        set SOURCE_DATE_EPOCH."""
        if "SOURCE_DATE_EPOCH" not in os.environ:
            assert self.state is not None
            dates = self.state.dates
            page.update_date = dates.get(page.file.src_uri, dates[""])
        if self.state is not None and self.state.pages is not None:
            page.render = functools.partial(self.state.pages.render, page)  # MkDocs' conversion, or the kept HTML
        return page

    def on_page_content(self, html: str, *, page: Any, config: Any, files: Files) -> str:
        """Whitespace between table cells, so that the search index reads a table as words (publish/search.py);
        the live preview has no search index."""
        return html if self.command == "serve" else search.readable_tables(html)

    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        """Each page carries the site's Content-Security-Policy (see scripts/publish/csp.py); in another language's
        edition, its links to what only the root site has lead there (publish/languages.py)."""
        self.progress.advance()
        if self.state is not None and self.state.shared_links is not None:
            output = self.state.shared_links.rewrite(output, page.file.src_uri)
        return self._with_policy(output)

    def on_post_template(self, output_content: str, *, template_name: str, config: Any) -> str:
        """The theme's own pages (404.html) get the policy too, and in another language's edition its links to what
        only the root site has lead there; sitemap.xml is left alone."""
        if not template_name.endswith(".html"):
            return output_content
        if self.state is not None and self.state.shared_links is not None:
            own, root = (urlsplit(url or "/").path for url in (config["site_url"], self._root_url(config)))
            output_content = self.state.shared_links.rewrite_absolute(output_content, own, root)
        return self._with_policy(output_content)

    def _with_policy(self, page_html: str) -> str:
        """The page with its policy, except in the live preview, whose reload script MkDocs adds while serving."""
        if self.command == "serve":
            return page_html
        assert self.state is not None
        self.state.script_hashes |= csp.script_hashes(page_html)
        return csp.add_policy(page_html)

    def on_post_build(self, *, config: Any) -> None:
        """The security headers for hosts that read a _headers file, and the print edition and the yearly status
        reports under pdf/ (not in the live preview, and not with `pdf: false`)."""
        assert self.state is not None
        self.progress.end()
        if self.command == "serve" and self.state.frame is not None:
            self.last = reuse.LastBuild(self.state.frame, self.state.generated, self.state.titles)
        if self.input.language.is_root:  # one file for the whole site; `plan build` adds the other editions' hashes
            headers = csp.headers_file(self.state.script_hashes, embeds.framed(self.state.source.plan))
            Path(config["site_dir"], csp.HEADERS_FILE).write_text(headers, encoding="utf-8")
        if self.command != "serve" and self.config.pdf and self.state.batch is not None:
            self._write_pdfs(Path(config["site_dir"]) / "pdf")
        if self.state.pages is not None:
            self.state.pages.write()
        gc.unfreeze()

    def on_build_error(self, *, error: Exception) -> None:
        """A failed build (a plain `mkdocs build` too) leaves no PDF worker running and nothing frozen."""
        gc.unfreeze()
        if self.state is not None and self.state.batch is not None:
            self.state.batch.cancel()

    def _data_files(self, source: PlanSource, site_url: str | None, files_memo: FileMemo) -> dict[str, str | bytes]:
        """The open data (JSON, CSV, the Data Package, the workbook, DCAT): made from the plan's data and the site's
        address only, so kept between builds (publish/memo.py). The live preview makes them without the workbook,
        whose address answers with a note (publish/serve.py)."""
        from scripts.site.open_data import data_files  # with openpyxl and rdflib: only when the files are made

        if self.command == "serve":
            return {**data_files(source.plan, site_url, workbook=False), WORKBOOK: b""}
        inputs = f"{source.data_hash}\0{site_url}"
        kept = files_memo.get("open-data", inputs, lambda: pickle.dumps(data_files(source.plan, site_url)))
        files = pickle.loads(kept)
        assert isinstance(files, dict)
        return files

    @staticmethod
    def _social_files(source: PlanSource, site_name: str, files_memo: FileMemo) -> dict[str, str | bytes]:
        """The link previews' images, the PNG icons and the web app manifest (publish/social.py): drawn from the
        plan's titles and region and the site's name only, so kept between builds."""
        text = social.CardText.of(source.plan)
        kept = files_memo.get(
            "social", f"{text!r}\0{site_name}", lambda: pickle.dumps(social.social_files(text, site_name))
        )
        files = pickle.loads(kept)
        assert isinstance(files, dict)
        return files

    def _memo(self, folder: Path) -> FileMemo:
        return FileMemo(self._cache_root(folder) / memo.FOLDER)

    def _cache_root(self, folder: Path) -> Path:
        """The plan's repository's .cache/ (one git call per plan folder and plugin)."""
        if folder not in self.cache_roots:
            self.cache_roots[folder] = cache_root(folder)
        return self.cache_roots[folder]

    def _start_pdfs(self, source: PlanSource, options: SiteOptions, found: list[editions.Edition]) -> PdfBatch:
        """The plan, every year's status report and every adopted edition: from the cache when unchanged, the rest
        rendered by worker processes while the pages are made and MkDocs builds the site."""
        day = self.input.today or today()
        jobs = pdf_jobs(source.plan, options, found, day, data_hash=source.data_hash)
        jobs += languages.pdf_jobs(source.plan, options, self.input.language.others, data_hash=source.data_hash)
        cache = self.input.pdf_cache or PdfCache(self._cache_root(source.folder) / "pdf")
        return PdfBatch(jobs, cache, workers=self.input.workers, done=self.progress.advance).start()

    def _write_pdfs(self, out: Path) -> None:
        """The PDFs under way, waited for and put into the site."""
        assert self.state is not None and self.state.batch is not None
        batch = self.state.batch
        self.progress.begin("Lager PDF-ene", total=len(batch.jobs), unit="PDF-er")
        self.state.pdfs = batch.finish(out)
        self.progress.end(self.state.pdfs.summary())
        batch.cache.prune()


def plan_hash(plan: Plan) -> str:
    """A hash of the plan's data, for the caches' keys."""
    return hashlib.sha256(plan.model_dump_json().encode()).hexdigest()


def pdf_jobs(
    plan: Plan, options: SiteOptions, found: list[editions.Edition], day: dt.date, *, data_hash: str | None = None
) -> list[PdfJob]:
    """The PDFs of a build: the plan, each year's status report, each adopted edition that reads; each with what its
    HTML is made from (the plan's data, whose hash the caller may have made already, the options, the year and, for
    a report, today's date)."""
    inputs = f"{data_hash or plan_hash(plan)}\0{options!r}"
    jobs = [PdfJob(pdf.PDF_NAME, functools.partial(pdf.plan_html, plan, options), inputs)]
    for year in pdf.report_years(plan):
        html = functools.partial(pdf.plan_html, plan, options, year, today=day)
        jobs.append(PdfJob(pdf.report_name(year), html, f"{inputs}\0{year}\0{day}"))
    for edition in (e for e in found if e.plan is not None):
        assert edition.plan is not None
        mark = editions.mark(edition)
        html = functools.partial(pdf.plan_html, edition.plan, choices=pdf.PrintChoices(edition=mark))
        name = editions.pdf_name(edition.revision.version)
        jobs.append(PdfJob(name, html, f"commit {edition.revision.commit}\0{mark!r}"))
    return jobs


def edit_base(extra: Mapping[str, Any] | None) -> str | None:
    """The address that opens a file of the repository in GitHub's web editor, from mkdocs.yml's
    `extra.repository` (`url`, `branch`: main); None without a `url`."""
    repository = (extra or {}).get("repository") or {}
    if not repository.get("url"):
        return None
    return f"{repository['url'].rstrip('/')}/edit/{repository.get('branch', 'main')}/"


def site_options(
    source: PlanSource,
    root: Path,
    extra: Mapping[str, Any] | None,
    *,
    templates: tuple[Path, ...] = (),
    git: bool = True,
    today: dt.date | None = None,
) -> SiteOptions:
    """What the pages need beyond the plan: the edit links, each focus area's file (relative to the repository at
    `root`) and the date of its last commit, each measure's own history (publish/measure_history.py; neither with
    `git` False), the plan folder, extra template folders and the build's day (`today`, the timeline's line)."""
    sources = {ident: _relative(Path(path), root) for ident, path in source.files.items()}
    return SiteOptions(
        edit_base=edit_base(extra),
        sources=sources,
        changed=_git_dates(root, sources.values()) if git else {},
        histories=measure_history.histories(source.folder) if git else {},
        plan_dir=source.folder,
        templates=templates,
        today=today,
    )


def site_day(plan: Plan, folder: Path, environ: Mapping[str, str] = os.environ) -> dt.date:
    """The pages' «today» (the timeline's line, whether a consultation is open), so that the same commit gives the
    same site: the day of SOURCE_DATE_EPOCH when it is set (the deploy workflow sets it to the hour it runs, every
    day); else the day of the commit the plan folder is at; else, outside git, the day the plan's status is as of."""
    if environ.get("SOURCE_DATE_EPOCH", "").strip().isdigit():
        return today(environ)
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%cs"], cwd=folder, capture_output=True, text=True, check=False, timeout=10
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        out = ""
    return dt.date.fromisoformat(out) if out else status_as_of(plan)


def _git_dates(root: Path, paths: Iterable[str]) -> dict[str, dt.date]:
    """The date of the last commit that changed each file (none when the folder is not a git checkout)."""
    dates: dict[str, dt.date] = {}
    for path in sorted(set(paths)):
        try:
            out = subprocess.run(
                ["git", "log", "-1", "--format=%cs", "--", path],
                cwd=root,
                capture_output=True,
                text=True,
                check=False,
                timeout=10,
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            continue
        if out:
            dates[path] = dt.date.fromisoformat(out)
    return dates


def _relative(path: Path, root: Path) -> str:
    """The path relative to the repository, as the web editor and git know it."""
    try:
        return str(path.resolve().relative_to(root))
    except ValueError:
        return str(path)
