"""The thin MkDocs hook between our pipeline and MkDocs.

It validates the plan (a build with an invalid plan stops with the editor's messages), renders the pages and
data files with :mod:`scripts.render` and hands them to MkDocs as generated files (``File.generated``), so
nothing is ever written into ``docs/``. It also builds the navigation from the plan and points the edit
link of each measure page at the YAML file the measure is written in.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from schema import Plan
from scripts.core import progress
from scripts.core.filters import attr
from scripts.editor import guide
from scripts.load.folder import load_plan
from scripts.pdf import document as pdf
from scripts.publish import csp
from scripts.site.pages import SiteOptions, data_files, page_path, render_site
from scripts.validate.validator import gc_paused, source_files, validate_files

_generated: dict[str, str] = {}
_state: dict[str, Any] = {"command": "build"}


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command  # «serve» skips the PDFs, so that the live preview stays quick


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    """The live preview also rebuilds when a file changes in a plan folder given by PLAN_DIR (plan/ is watched
    through mkdocs.yml)."""
    if os.environ.get("PLAN_DIR"):
        server.watch(os.environ["PLAN_DIR"])
    return server


def on_config(config: Any) -> Any:
    root = Path(config["config_file_path"]).parent
    progress.begin("Lager sidene og de åpne dataene")
    with gc_paused():
        files, problems = load_plan(Path(os.environ.get("PLAN_DIR") or root / "plan"))
        plan, more = validate_files(files)
    if problems or more or plan is None:
        messages = "\n".join(str(p) for p in sorted(set(problems + more)))
        raise PluginError(f"Planen er ikke gyldig. Rett feilene under og bygg på nytt:\n{messages}")
    sources = {ident: _relative(Path(path), root) for ident, path in source_files(files).items()}
    repository = (config["extra"] or {}).get("repository") or {}
    edit_base = (
        f"{repository['url'].rstrip('/')}/edit/{repository.get('branch', 'main')}/" if "url" in repository else None
    )
    options = SiteOptions(edit_base=edit_base, sources=sources, changed=_git_dates(root, sources.values()))
    _generated.clear()
    with gc_paused():
        _generated.update(render_site(plan, options))
        _generated.update(data_files(plan))
    config["nav"] = navigation(plan)
    _state["plan"], _state["options"] = plan, options
    _state["dates"] = page_dates(plan, options)
    _state["script_hashes"] = set()
    progress.end()
    return config


def page_dates(plan: Plan, options: SiteOptions) -> dict[str, str]:
    """The «last changed» date of each page in sitemap.xml, taken from the data so that two builds of the same
    commit give the same bytes: the pages of a focus area, its goals and measures get the date of the last commit
    of their YAML file; every other page the newest date in the plan (as the PDF's modification date)."""
    dates = {"": pdf.document_dates(plan)[1]}
    for fa in plan.focus_areas:
        changed = options.changed.get(options.sources.get(fa.id, ""))
        if changed is None:
            continue
        pages = [page_path("focus_area", fa.id)] + [page_path("goal", g.id) for g in fa.goals]
        pages += [page_path("measure", m.id) for g in fa.goals for m in g.measures]
        dates.update(dict.fromkeys(pages, changed.isoformat()))
    return dates


def on_pre_page(page: Any, config: Any, files: Files) -> Any:
    """Sitemap dates from the data instead of the clock (MkDocs' default is the build date), unless the caller
    set SOURCE_DATE_EPOCH."""
    if "SOURCE_DATE_EPOCH" not in os.environ:
        dates = _state["dates"]
        page.update_date = dates.get(page.file.src_uri, dates[""])
    return page


def on_post_build(config: Any) -> None:
    """The security headers for hosts that read a _headers file, and the print edition and the yearly status
    reports under pdf/ (not in the live preview, and not when PLAN_PDF=0, which the benchmark uses to time MkDocs
    and WeasyPrint apart)."""
    progress.end()
    headers = csp.headers_file(_state["script_hashes"])
    Path(config["site_dir"], csp.HEADERS_FILE).write_text(headers, encoding="utf-8")
    if _state["command"] == "serve" or os.environ.get("PLAN_PDF") == "0":
        return
    out = Path(config["site_dir"]) / "pdf"
    plan, options = _state["plan"], _state["options"]
    years = pdf.report_years(plan)
    progress.begin("Lager PDF-ene", total=1 + len(years), unit="PDF-er")
    pdf.write_pdf(plan, out / pdf.PDF_NAME, options)
    progress.advance()
    for year in years:
        pdf.write_pdf(plan, out / pdf.report_name(year), options, report=year)
        progress.advance()
    progress.end()


def on_files(files: Files, config: Any) -> Files:
    for path, content in sorted(_generated.items()):
        files.append(File.generated(config, path, content=content))
    progress.begin("Bygger nettstedet med MkDocs", total=len(files.documentation_pages()), unit="sider")
    return files


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Each page carries the site's Content-Security-Policy (see scripts/csp.py)."""
    progress.advance()
    return _with_policy(output)


def on_post_template(output: str, template_name: str, config: Any) -> str:
    """The theme's own pages (404.html) get the policy too; sitemap.xml is left alone."""
    return _with_policy(output) if template_name.endswith(".html") else output


def _with_policy(page_html: str) -> str:
    """The page with its policy, except in the live preview, whose reload script MkDocs adds while serving."""
    if _state["command"] == "serve":
        return page_html
    _state["script_hashes"] |= csp.script_hashes(page_html)
    return csp.add_policy(page_html)


def navigation(plan: Plan) -> list[Any]:
    """The site's menu: sections with index pages; single measures, goals and most actors are reached through
    the pages that list them, so that the menu does not grow with the plan. Titles from the plan are HTML
    escaped: the theme puts menu titles into the page as they are."""
    municipalities = [
        {attr(a.short_name or a.name): page_path("actor", a.id)} for a in plan.actors if a.kind == "kommune"
    ]
    return [
        {"Forside": "index.md"},
        {
            "Planen": [
                "om-planen.md",
                {
                    "Satsingsområder": [
                        "satsingsomrader/index.md",
                        *[{f"{fa.id} {attr(fa.title)}": page_path("focus_area", fa.id)} for fa in plan.focus_areas],
                    ]
                },
                {"Alle tiltak": "tiltak/index.md"},
                {"Tidslinje": "tidslinje.md"},
                {"Planens historikk": "historikk.md"},
            ]
        },
        {"Aktører": ["aktorer/index.md", {"Rollematrise": "aktorer/rollematrise.md"}, *municipalities]},
        {"Økonomi": "okonomi.md"},
        {
            "Indikatorer": [
                "indikatorer/index.md",
                *[{attr(i.title): page_path("indicator", i.id)} for i in plan.indicators],
            ]
        },
        {"Om nettstedet": ["apne-data.md", "tilgjengelighet.md", "personvern.md", "sikkerhet.md"]},
        {"For redaktører": list(guide.PAGES)},
    ]


def _git_dates(root: Path, paths: Any) -> dict[str, dt.date]:
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
