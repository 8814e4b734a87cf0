"""The MkDocs plugin `naeringsplan` between our pipeline and MkDocs.

In: the validated plan, handed over by `plan build` (:attr:`PlanPlugin.source`), or, for a plain `mkdocs build`
or `mkdocs serve`, the plan folder of the plugin's config (`plan_dir`, validated here; an invalid plan stops the
build with the editor's messages). Out: the pages and data files rendered by :mod:`scripts.site` handed to MkDocs
as generated files (``File.generated``, so nothing is ever written into ``docs/``), the menu and the sitemap dates
from the page registry, the Content-Security-Policy on every page and in ``_headers``, and the PDFs under
``pdf/``. All state lives on the plugin instance; rendering itself knows nothing of MkDocs. In the live preview
(`plan serve`, command «serve») there are no PDFs, no workbook and no policy, and a rebuild keeps the pages whose
Markdown did not change (publish/reuse.py).
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.utils import clean_directory

from schema import Plan
from scripts.core.problems import Diagnostic, errors, sorted_unique
from scripts.core.progress import Progress
from scripts.core.queries import document_dates
from scripts.load.folder import load_plan
from scripts.pdf import document as pdf
from scripts.publish import csp, reuse, search
from scripts.site.feeds import feed_files
from scripts.site.footer import footer, not_found_links
from scripts.site.lookups import SiteOptions
from scripts.site.open_data import data_files
from scripts.site.pages import MemoryBytecodeCache, render_site
from scripts.site.registry import REGISTRY, Registry
from scripts.validate.validator import gc_paused, source_files, validate_files

#: The open data's spreadsheet, which the live preview does not make (it takes a second).
PREVIEW_WORKBOOK = "data/naeringsplan.xlsx"
#: The theme's compiled templates (their own cache: compiled code depends on the environment's settings).
THEME_CACHE = MemoryBytecodeCache()


@dataclass(frozen=True)
class PlanSource:
    """A validated plan and where it came from: its folder and the file each focus area is written in."""

    plan: Plan
    folder: Path
    #: Focus area id → the file it was read from.
    files: dict[str, str]


def read_plan(folder: Path) -> tuple[PlanSource | None, list[Diagnostic]]:
    """Load and validate a plan folder; the source is returned only when there is no error (with the warnings)."""
    with gc_paused():
        files, problems = load_plan(folder)
        plan, more = validate_files(files)
    diagnostics = sorted_unique(problems + more)
    if errors(diagnostics) or plan is None:
        return None, diagnostics
    return PlanSource(plan, folder, source_files(files)), diagnostics


class PlanPluginConfig(Config):  # type: ignore[no-untyped-call]
    #: The plan folder, relative to mkdocs.yml (when `plan build` does not hand over a validated plan).
    plan_dir = c.Type(str, default="plan")
    #: Make the PDFs after the site (`false` times MkDocs and WeasyPrint apart, as the benchmark does).
    pdf = c.Type(bool, default=True)


@dataclass
class BuildState:
    """What one build has made so far."""

    source: PlanSource
    options: SiteOptions
    generated: dict[str, str | bytes]
    dates: dict[str, str]
    script_hashes: set[str] = field(default_factory=set)
    #: In the live preview: the frame around the pages and the pages' titles (publish/reuse.py).
    frame: reuse.Frame | None = None
    titles: dict[str, str] = field(default_factory=dict)


class PlanPlugin(BasePlugin[PlanPluginConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        #: Set by `plan build` before a build: the validated plan (then it is not validated twice).
        self.source: PlanSource | None = None
        #: Set by `plan serve --plan`: the plan folder, instead of the config's `plan_dir`.
        self.plan_dir: Path | None = None
        #: The kinds of page; a caller may add rows (and template folders) before a build.
        self.registry: Registry = REGISTRY
        self.templates: tuple[Path, ...] = ()
        self.progress = Progress()
        self.command = "build"
        self.state: BuildState | None = None
        #: Set by `plan serve` before each build: only files in the plan folder changed since the last one, so
        #: pages whose Markdown is unchanged may keep their HTML (publish/reuse.py).
        self.reuse = False
        #: In the live preview: what the last successful build made, and what this one keeps of it.
        self.last: reuse.LastBuild | None = None
        self.kept_from: reuse.LastBuild | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command  # «serve» skips the PDFs and the policy, so that the live preview stays quick

    def on_shutdown(self) -> None:
        """MkDocs keeps this instance for the process: after a preview, the next build is an ordinary one."""
        self.command, self.reuse, self.last, self.kept_from = "build", False, None, None
        self.plan_dir = None  # the preview's plan folder (`plan serve --plan`) is not the next build's

    def on_serve(self, server: Any, *, config: Any, builder: Any) -> Any:
        """The live preview also rebuilds when a file changes in the plan folder."""
        server.watch(str(self._plan_dir(config)))
        return server

    def on_config(self, config: Any) -> Any:
        root = Path(config["config_file_path"]).parent
        self.progress.begin("Lager sidene og de åpne dataene")
        source = self.source or self._validated(self._plan_dir(config))
        options = self._options(source, root, config)
        with gc_paused():
            generated: dict[str, str | bytes] = {**render_site(source.plan, options, self.registry)}
            generated.update(data_files(source.plan, config["site_url"], workbook=self.command != "serve"))
            if self.command == "serve":  # links find it; the preview answers with a note (publish/serve.py)
                generated.setdefault(PREVIEW_WORKBOOK, b"")
            generated.update(feed_files(source.plan, config["site_url"], self.registry.page_path))
        config["nav"] = self.registry.navigation(source.plan)
        self.state = BuildState(source, options, generated, self._page_dates(source.plan, options))
        self.progress.end()
        return config

    def on_pre_build(self, *, config: Any) -> None:
        """In the live preview (always a dirty build): keep the last build's pages when only the plan changed and
        the frame around the pages is the same; otherwise start from an empty site folder (publish/reuse.py)."""
        if self.command != "serve":
            return
        assert self.state is not None
        frame = reuse.Frame(
            menu=repr(config["nav"]),
            footer=repr(footer(self.state.source.plan, self.registry)),
            paths=frozenset(self.state.generated),
        )
        last, self.last = self.last, None  # set again when this build succeeds
        self.kept_from = last if last is not None and reuse.can_keep(last, frame, self.reuse) else None
        if self.kept_from is None:
            clean_directory(config["site_dir"])
        self.state.frame = frame

    def _plan_dir(self, config: Any) -> Path:
        return self.plan_dir or Path(config["config_file_path"]).parent / self.config.plan_dir

    @staticmethod
    def _validated(folder: Path) -> PlanSource:
        source, problems = read_plan(folder)
        if source is None:
            messages = "\n".join(str(p) for p in problems)
            raise PluginError(f"Planen er ikke gyldig. Rett feilene under og bygg på nytt:\n{messages}")
        return source

    def _options(self, source: PlanSource, root: Path, config: Any) -> SiteOptions:
        sources = {ident: _relative(Path(path), root) for ident, path in source.files.items()}
        repository = (config["extra"] or {}).get("repository") or {}
        edit_base = (
            f"{repository['url'].rstrip('/')}/edit/{repository.get('branch', 'main')}/" if "url" in repository else None
        )
        return SiteOptions(
            edit_base=edit_base,
            sources=sources,
            changed=_git_dates(root, sources.values()),
            plan_dir=source.folder,
            templates=self.templates,
        )

    def _page_dates(self, plan: Plan, options: SiteOptions) -> dict[str, str]:
        """The «last changed» date of each page in sitemap.xml, taken from the data so that two builds of the same
        commit give the same bytes: the pages that show a focus area's YAML file (the focus area, its goals and
        measures) get the date of the file's last commit; every other page the newest date in the plan (as the
        PDF's modification date)."""
        dates = {"": document_dates(plan)[1]}
        for path, focus_area in self.registry.focus_area_pages(plan):
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
        self.progress.begin("Bygger nettstedet med MkDocs", total=len(files.documentation_pages()), unit="sider")
        return files

    def on_env(self, env: Any, *, config: Any, files: Files) -> Any:
        """The theme's footer on every page, the 404 page too, gets its content from the plan, and the 404 page its
        ways on (site/footer.py)."""
        assert self.state is not None
        env.globals["plan_footer"] = footer(self.state.source.plan, self.registry)
        env.globals["plan_not_found_links"] = not_found_links(self.registry)
        env.bytecode_cache = THEME_CACHE  # MkDocs makes a new environment for every build of the preview
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
        return page

    def on_page_content(self, html: str, *, page: Any, config: Any, files: Files) -> str:
        """Whitespace between table cells, so that the search index reads a table as words (publish/search.py);
        the live preview has no search index."""
        return html if self.command == "serve" else search.readable_tables(html)

    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        """Each page carries the site's Content-Security-Policy (see scripts/publish/csp.py)."""
        self.progress.advance()
        return self._with_policy(output)

    def on_post_template(self, output_content: str, *, template_name: str, config: Any) -> str:
        """The theme's own pages (404.html) get the policy too; sitemap.xml is left alone."""
        return self._with_policy(output_content) if template_name.endswith(".html") else output_content

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
        headers = csp.headers_file(self.state.script_hashes)
        Path(config["site_dir"], csp.HEADERS_FILE).write_text(headers, encoding="utf-8")
        if self.command != "serve" and self.config.pdf:
            self._write_pdfs(Path(config["site_dir"]) / "pdf")

    def _write_pdfs(self, out: Path) -> None:
        assert self.state is not None
        plan, options = self.state.source.plan, self.state.options
        years = pdf.report_years(plan)
        self.progress.begin("Lager PDF-ene", total=1 + len(years), unit="PDF-er")
        pdf.write_pdf(plan, out / pdf.PDF_NAME, options)
        self.progress.advance()
        for year in years:
            pdf.write_pdf(plan, out / pdf.report_name(year), options, report=year)
            self.progress.advance()
        self.progress.end()


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
