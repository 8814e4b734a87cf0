"""``make bench``: time each stage of the build for the shipped plan and for synthetic plans of 100, 1 000 and
5 000 measures, and write BENCHMARKS.md (in Norwegian) with the figures, how they grow and the budgets.

Every stage runs in a process of its own, several times; the report gives the median wall time and the
highest peak memory (``ru_maxrss`` of the child, read with :func:`os.wait4`). Python stages time only the
stage itself (after the imports and the untimed steps it needs, such as validating before rendering); MkDocs
and ``plan build`` are timed as the whole command, as an editor would meet them.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gzip
import html.parser
import io
import json
import os
import platform
import posixpath
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make `schema` and `scripts` importable
    sys.path.insert(0, str(ROOT))

BIN = Path(sys.executable).parent
SIZES = [100, 1000, 5000]
#: The measure page whose size is followed across plan sizes (every plan has it).
MEASURE_PAGE = "tiltak/1-1-1/index.html"
#: The stages whose figures are compared across plan sizes, with their Norwegian names.
STAGES = {
    "validate": "Last inn + valider",
    "render": "Render (sider, diagrammer, åpne data)",
    "mkdocs": "MkDocs build --strict (uten PDF)",
    "pdf": "PDF av planen (WeasyPrint)",
}


# --------------------------------------------------------------------------------------------------------
# The child side: one stage, timed inside its own process
# --------------------------------------------------------------------------------------------------------


def _options(plan_dir: Path, *, git_dates: bool = False) -> Any:
    """The SiteOptions the MkDocs hook would make for this plan folder."""
    import yaml

    from scripts.load import load_plan
    from scripts.render import SiteOptions
    from scripts.validate import source_files

    files, _ = load_plan(plan_dir)
    sources = {ident: _relative(Path(path)) for ident, path in source_files(files).items()}
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    repository = (config.get("extra") or {}).get("repository") or {}
    edit_base = f"{repository['url'].rstrip('/')}/edit/{repository.get('branch', 'main')}/" if repository else None
    changed = {}
    if git_dates:
        from scripts.mkdocs_hook import _git_dates

        changed = _git_dates(ROOT, sources.values())
    return SiteOptions(edit_base=edit_base, sources=sources, changed=changed)


def _relative(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def _valid(plan_dir: Path) -> Any:
    from scripts.validate import validate_folder

    plan, problems = validate_folder(plan_dir)
    if plan is None:
        raise SystemExit(f"{plan_dir} er ikke gyldig: {problems[:3]}")
    return plan


def run_stage(stage: str, plan_dir: Path, out: Path) -> dict[str, float]:
    """Run one stage and return its timings in seconds (wall and CPU of the stage itself)."""
    timings: dict[str, float] = {}

    def timed(name: str, work: Callable[[], Any]) -> Any:
        wall, cpu = time.perf_counter(), time.process_time()
        result = work()
        timings[name] = time.perf_counter() - wall
        timings[name + "_cpu"] = time.process_time() - cpu
        return result

    if stage == "validate":
        from scripts.validate import validate_folder

        plan, problems = timed("seconds", lambda: validate_folder(plan_dir))
        if plan is None:
            raise SystemExit(f"{plan_dir} er ikke gyldig: {problems[:3]}")
    elif stage == "render":
        from scripts.render import data_files, render_site

        plan, options = _valid(plan_dir), _options(plan_dir)
        timed("seconds", lambda: (render_site(plan, options), data_files(plan)))
    elif stage == "pdf":
        from scripts import pdf

        plan, options = _valid(plan_dir), _options(plan_dir)
        timed("html", lambda: pdf.plan_html(plan, options))
        timed("seconds", lambda: pdf.write_pdf(plan, out / pdf.PDF_NAME, options))
    elif stage == "ours":
        # Everything our own code does in `plan build`: what the MkDocs hook does (validate, git dates, render,
        # open data) and the print HTML of every PDF. The rest of the build is MkDocs and WeasyPrint.
        from scripts import pdf
        from scripts.render import data_files, render_site
        from scripts.validate import validate_folder

        plan, _ = timed("validate", lambda: validate_folder(plan_dir))
        options = timed("git", lambda: _options(plan_dir, git_dates=True))
        timed("render", lambda: (render_site(plan, options), data_files(plan)))
        timed("html", lambda: [pdf.plan_html(plan, options, year) for year in [None, *pdf.report_years(plan)]])
        timings["seconds"] = sum(timings[k] for k in ("validate", "git", "render", "html"))
    elif stage == "profile":
        from scripts.render import data_files, render_site
        from scripts.validate import validate_folder

        options = _options(plan_dir)
        profile = cProfile.Profile()
        profile.enable()
        plan, _ = validate_folder(plan_dir)
        assert plan is not None
        render_site(plan, options)
        data_files(plan)
        profile.disable()
        text = io.StringIO()
        pstats.Stats(profile, stream=text).sort_stats("tottime").print_stats(12)
        (out / "profile.txt").write_text(text.getvalue(), encoding="utf-8")
    else:
        raise SystemExit(f"ukjent steg {stage}")
    return timings


# --------------------------------------------------------------------------------------------------------
# The parent side: run the children, collect medians and peaks
# --------------------------------------------------------------------------------------------------------


@dataclass
class Runs:
    """Several runs of one stage on one plan."""

    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    peak_kb: int = 0
    extra: dict[str, list[float]] = field(default_factory=dict)
    skipped: str | None = None

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    def median_of(self, key: str) -> float:
        return statistics.median(self.extra[key])


def _child(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float, int, str]:
    """Run a command; return its wall time, CPU time, peak memory (kB) and standard output."""
    with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=stdout, stderr=stderr)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        stdout.seek(0)
        stderr.seek(0)
        if process.returncode != 0:
            raise SystemExit(f"{' '.join(command)} feilet:\n{stderr.read().decode(errors='replace')[-3000:]}")
        return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, stdout.read().decode()


def _environment(plan_dir: Path) -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PLAN_DIR": str(plan_dir), "PLAN_PDF": "0"}


def python_stage(stage: str, plan_dir: Path, runs: int, work: Path) -> Runs:
    result = Runs()
    for _ in range(runs):
        command = [sys.executable, str(Path(__file__)), "--stage", stage, "--plan", str(plan_dir), "--work", str(work)]
        _, _, peak, stdout = _child(command)
        timings = json.loads(stdout.strip().splitlines()[-1])
        result.seconds.append(timings.pop("seconds"))
        result.cpu.append(timings.pop("seconds_cpu", 0.0))
        for key, value in timings.items():
            result.extra.setdefault(key, []).append(value)
        result.peak_kb = max(result.peak_kb, peak)
    return result


def command_stage(command: list[str], env: dict[str, str], runs: int, before: Callable[[], None]) -> Runs:
    result = Runs()
    for _ in range(runs):
        before()
        wall, cpu, peak, _ = _child(command, env)
        result.seconds.append(wall)
        result.cpu.append(cpu)
        result.peak_kb = max(result.peak_kb, peak)
    return result


# --------------------------------------------------------------------------------------------------------
# The built site: size, pages, and what a first visit to a measure page transfers
# --------------------------------------------------------------------------------------------------------


class _References(html.parser.HTMLParser):
    """The files a page loads by itself: style sheets, scripts, images and icons."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.config: dict[str, Any] = {}
        self._in_config = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        rel = (a.get("rel") or "").split()
        if tag == "link" and {"stylesheet", "icon", "preload", "modulepreload"} & set(rel) and a.get("href"):
            self.found.append(a["href"] or "")
        elif tag in ("script", "img", "source", "audio", "video", "iframe") and a.get("src"):
            self.found.append(a["src"] or "")
        self._in_config = tag == "script" and a.get("id") == "__config"

    def handle_data(self, data: str) -> None:
        if self._in_config:
            self.config = json.loads(data)
            self._in_config = False


def _gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def _local(site: Path, base: str, reference: str) -> str | None:
    """A reference as a path inside the site, or None for data: and other hosts."""
    reference = reference.split("#")[0].split("?")[0]
    if not reference or re.match(r"^[a-z]+:", reference) or reference.startswith("//"):
        return None
    path = posixpath.normpath(posixpath.join(posixpath.dirname(base), reference))
    if (site / path).is_dir():
        path = posixpath.join(path, "index.html")
    return path


def first_visit(site: Path, page: str) -> tuple[dict[str, int], dict[str, int]]:
    """Gzip sizes (level 6) of the page and every file it references (CSS, JS, the fonts and images the CSS
    references), and apart from those, what Material's script fetches as soon as the page has loaded: the
    search worker with its language files, the search index and the sitemap (checked in Chromium)."""
    parser = _References()
    parser.feed((site / page).read_text(encoding="utf-8"))
    own: dict[str, int] = {page: _gzip_size(site / page)}
    queue = [path for ref in parser.found if (path := _local(site, page, ref))]
    while queue:
        path = queue.pop(0)
        if path in own or not (site / path).is_file():
            continue
        own[path] = _gzip_size(site / path)
        if path.endswith(".css"):
            text = (site / path).read_text(encoding="utf-8", errors="replace")
            for ref in re.findall(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)", text):
                local = _local(site, path, ref)
                if local:
                    queue.append(local)
    after: dict[str, int] = {}
    worker = parser.config.get("search")
    if worker:
        after_paths = [_local(site, page, worker), "search/search_index.json", "sitemap.xml"]
        index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
        languages = [lang for lang in index["config"]["lang"] if lang != "en"]
        if languages:
            after_paths.append("assets/javascripts/lunr/min/lunr.stemmer.support.min.js")
            after_paths += [f"assets/javascripts/lunr/min/lunr.{lang}.min.js" for lang in languages]
        if len(index["config"]["lang"]) > 1:
            after_paths.append("assets/javascripts/lunr/min/lunr.multi.min.js")
        after = {p: _gzip_size(site / p) for p in after_paths if p and (site / p).is_file()}
    return own, after


@dataclass
class SiteFigures:
    pages: int
    bytes: int
    measure_html: int
    measure_gzip: int
    own: dict[str, int]
    after: dict[str, int]


def site_figures(site: Path) -> SiteFigures:
    files = [p for p in site.rglob("*") if p.is_file()]
    own, after = first_visit(site, MEASURE_PAGE)
    return SiteFigures(
        pages=sum(1 for p in files if p.suffix == ".html"),
        bytes=sum(p.stat().st_size for p in files),
        measure_html=(site / MEASURE_PAGE).stat().st_size,
        measure_gzip=own[MEASURE_PAGE],
        own=own,
        after=after,
    )


# --------------------------------------------------------------------------------------------------------
# The machine and the report
# --------------------------------------------------------------------------------------------------------


def machine() -> list[tuple[str, str]]:
    cpuinfo = Path("/proc/cpuinfo").read_text(encoding="utf-8") if Path("/proc/cpuinfo").exists() else ""
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.MULTILINE)
    meminfo = Path("/proc/meminfo").read_text(encoding="utf-8") if Path("/proc/meminfo").exists() else ""
    memory = re.search(r"^MemTotal:\s*(\d+) kB", meminfo, re.MULTILINE)
    os_release = Path("/etc/os-release").read_text(encoding="utf-8") if Path("/etc/os-release").exists() else ""
    pretty = re.search(r'^PRETTY_NAME="?([^"\n]+)"?', os_release, re.MULTILINE)

    def version(package: str) -> str:
        try:
            return metadata.version(package)
        except metadata.PackageNotFoundError:
            return "ikke installert"

    import yaml

    return [
        ("Prosessor", model.group(1).strip() if model else platform.processor() or "ukjent"),
        ("Kjerner", str(os.cpu_count())),
        ("Minne", f"{int(memory.group(1)) / 1024**2:.1f} GiB".replace(".", ",") if memory else "ukjent"),
        ("Operativsystem", f"{pretty.group(1) if pretty else platform.system()} (Linux {platform.release()})"),
        ("Python", platform.python_version()),
        ("MkDocs", version("mkdocs")),
        ("Material for MkDocs", version("mkdocs-material")),
        ("WeasyPrint", version("weasyprint")),
        ("pydantic", version("pydantic")),
        ("PyYAML", f"{version('pyyaml')} ({'med' if yaml.__with_libyaml__ else 'uten'} libyaml)"),
        ("Jinja2", version("jinja2")),
    ]


def nb(value: float, decimals: int = 2) -> str:
    """«1 234,56» (a thin space between thousands, decimal comma)."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", " ").replace(".", ",")


def kb(size: int) -> str:
    return f"{nb(size / 1024, 1)} KB"


def cell(runs: Runs | None) -> str:
    if runs is None:
        return "–"
    if runs.skipped:
        return runs.skipped
    return f"{nb(runs.median)} s · {nb(runs.peak_kb / 1024, 0)} MB ({len(runs.seconds)}×)"


def verdict(ok: bool) -> str:
    return "**oppfylt**" if ok else "**ikke oppfylt**"


@dataclass
class Plan:
    name: str
    folder: Path
    measures: int
    stages: dict[str, Runs] = field(default_factory=dict)
    site: SiteFigures | None = None


def report(plans: list[Plan], build: Runs, ours: Runs, profile: str, started: dt.datetime, total: float) -> str:
    shipped = plans[0]
    by_size = {p.measures: p for p in plans[1:]}
    lines = [
        "# Ytelsesmåling",
        "",
        f"Målt {started:%d.%m.%Y} med `make bench` (`scripts/bench.py`), som tok {nb(total / 60, 1)} minutter. "
        "Den leverte planen i `plan/` og syntetiske planer laget med `scripts/synth.py --measures N` "
        "(5–8 satsingsområder, omtrent tre tiltak per mål, som i den leverte planen).",
        "",
        "Hvert steg kjøres i en egen prosess, flere ganger. Tabellene viser medianen av veggklokketiden og den "
        "høyeste minnebruken (største RSS, `ru_maxrss`) i prosessen. Python-stegene måler bare selve steget, "
        "etter importene; MkDocs og `plan build` måles som hele kommandoen, med oppstart. Maskinen var delt med "
        "andre prosesser, så enkeltkjøringer kan variere med noen titalls prosent.",
        "",
        "## Maskinen",
        "",
        "| | |",
        "|---|---|",
        *[f"| {k} | {v} |" for k, v in machine()],
        "",
        "## Tid og minne per steg",
        "",
        "Median · høyeste minnebruk (antall kjøringer).",
        "",
        "| Steg | " + " | ".join(f"{p.name}" for p in plans) + " |",
        "|---|" + "--:|" * len(plans),
    ]
    for stage, label in STAGES.items():
        lines.append(f"| {label} | " + " | ".join(cell(p.stages.get(stage)) for p in plans) + " |")
    lines += [
        f"| `plan build` med PDF-er (hele kommandoen) | {cell(build)} |" + " – |" * (len(plans) - 1),
        "",
        "«Last inn + valider» er `scripts.validate.validate_folder`; «Render» er `render_site` og `data_files`, "
        "slik MkDocs-kroken kaller dem; «MkDocs build» er `mkdocs build --strict` med `PLAN_PDF=0` (den "
        "inkluderer kroken, altså også innlasting, validering og rendering); «PDF» er `scripts.pdf.write_pdf` "
        "for planen (uten statusrapportene).",
        "",
        "## Nettstedet",
        "",
        "| | " + " | ".join(p.name for p in plans) + " |",
        "|---|" + "--:|" * len(plans),
    ]

    def row(label: str, value: Callable[[SiteFigures], str]) -> str:
        return f"| {label} | " + " | ".join(value(p.site) if p.site else "–" for p in plans) + " |"

    lines += [
        row("HTML-sider", lambda s: nb(s.pages, 0)),
        row("Størrelse på site/", lambda s: f"{nb(s.bytes / 1024**2, 1)} MB"),
        row(f"Tiltaksside `{MEASURE_PAGE}`, HTML", lambda s: kb(s.measure_html)),
        row("… gzip", lambda s: kb(s.measure_gzip)),
        row("Første besøk: siden og det den refererer til (gzip)", lambda s: kb(sum(s.own.values()))),
        row("… og det Materials skript henter straks etterpå (gzip)", lambda s: kb(sum(s.after.values()))),
        row("… i alt", lambda s: kb(sum(s.own.values()) + sum(s.after.values()))),
        row("… hvorav søkeindeksen (gzip)", lambda s: kb(s.after.get("search/search_index.json", 0))),
        "",
    ]
    if shipped.site:
        lines += [
            "Første besøk er regnet fra filene: HTML-en, hvert stilark, skript og bilde siden viser til, og "
            "skriftene og bildene stilarkene viser til, hver komprimert med gzip nivå 6. Materials skript henter i "
            "tillegg søkeskriptet med språkfilene, søkeindeksen og `sitemap.xml` så snart siden er lastet "
            "(sjekket med Chromium); de står på egen linje. Filene for den leverte planen:",
            "",
            "| Fil | gzip |",
            "|---|--:|",
            *[f"| `{path}` | {kb(size)} |" for path, size in {**shipped.site.own, **shipped.site.after}.items()],
            "",
        ]

    lines += [
        "## Hvordan stegene vokser med antall tiltak",
        "",
        "Millisekunder per tiltak (medianen delt på antall tiltak). «Vekst 1 000 → 5 000» er tiden for 5 000 "
        "delt på tiden for 1 000: 5,0 betyr at tiden vokser i takt med antall tiltak, mer enn 5 betyr at noe "
        "vokser raskere enn planen.",
        "",
        "| Steg | " + " | ".join(f"{nb(n, 0)} tiltak" for n in by_size) + " | Vekst 1 000 → 5 000 |",
        "|---|" + "--:|" * (len(by_size) + 1),
    ]
    for stage, label in STAGES.items():
        cells = []
        for n, p in by_size.items():
            runs = p.stages.get(stage)
            cells.append("–" if runs is None or runs.skipped else nb(runs.median / n * 1000, 1))
        small, large = by_size.get(1000), by_size.get(5000)
        a = small.stages.get(stage) if small else None
        b = large.stages.get(stage) if large else None
        growth = nb(b.median / a.median, 1) if a and b and not a.skipped and not b.skipped else "–"
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {growth} |")
    lines += ["", *_pdf_note(plans), *budgets(plans, build, ours), "", "## Profil", "", profile]
    return "\n".join(lines) + "\n"


def _pdf_note(plans: list[Plan]) -> list[str]:
    """Why the PDF of the largest plans is not made, from what the largest PDF that was made cost."""
    skipped = [p for p in plans if p.stages.get("pdf") and p.stages["pdf"].skipped]
    made = [p for p in plans if p.stages.get("pdf") and not p.stages["pdf"].skipped]
    if not skipped or not made:
        return []
    largest = max(made, key=lambda p: p.measures)
    runs = largest.stages["pdf"]
    factor = skipped[0].measures / largest.measures
    return [
        f"PDF-en er ikke laget for {skipped[0].name}: for {largest.name} brukte WeasyPrint {nb(runs.median, 0)} s "
        f"og {nb(runs.peak_kb / 1024**2, 1)} GiB minne, så {nb(factor, 0)} ganger så mange tiltak ville tatt "
        f"minst {nb(runs.median * factor / 60, 0)} minutter per kjøring (mer enn hele målingen får ta) og langt "
        "mer minne enn budsjettet. Av samme grunn er MkDocs-bygget for 5 000 tiltak kjørt færre ganger.",
        "",
    ]


def budgets(plans: list[Plan], build: Runs, ours: Runs) -> list[str]:
    shipped = plans[0]
    by_size = {p.measures: p for p in plans[1:]}
    lines = ["## Budsjetter", ""]
    thousand = by_size.get(1000)
    if thousand:
        total = thousand.stages["validate"].median + thousand.stages["render"].median
        lines.append(
            f"- Last inn, valider og render 1 000 tiltak på under 2 s: {nb(total)} s "
            f"({nb(thousand.stages['validate'].median)} s + {nb(thousand.stages['render'].median)} s): "
            f"{verdict(total < 2)}."
        )
    share = ours.median / build.median
    lines.append(
        f"- Våre egne steg under 15 % av `plan build` for den leverte planen: {nb(ours.median)} s av "
        f"{nb(build.median)} s = {nb(share * 100, 0)} % (innlasting og validering {nb(ours.median_of('validate'))} s, "
        f"datoer fra git {nb(ours.median_of('git'))} s, rendering og åpne data {nb(ours.median_of('render'))} s, "
        f"utskrifts-HTML for alle PDF-ene {nb(ours.median_of('html'))} s; resten er MkDocs og WeasyPrint): "
        f"{verdict(share < 0.15)}."
    )
    lines.append(
        f"- Hele `plan build` av den leverte planen med PDF-er under 20 s: {nb(build.median)} s: "
        f"{verdict(build.median < 20)}."
    )
    if shipped.site:
        for p in plans:
            if p.site:
                own, after = sum(p.site.own.values()), sum(p.site.after.values())
                lines.append(
                    f"- Første besøk på en tiltaksside under 150 KB gzip i alt, {p.name}: {kb(own + after)} "
                    f"(siden og det den refererer til {kb(own)}, det Material henter etterpå {kb(after)}): "
                    f"{verdict(own + after < 150 * 1024)}."
                )
    pdf = thousand.stages.get("pdf") if thousand else None
    if pdf and not pdf.skipped:
        lines.append(
            f"- PDF av 1 000 tiltak under 60 s og under 2 GiB minne: {nb(pdf.median)} s og "
            f"{nb(pdf.peak_kb / 1024**2, 2)} GiB: {verdict(pdf.median < 60 and pdf.peak_kb < 2 * 1024**2)}."
        )
    sized = [(n, p.site.measure_html) for n, p in by_size.items() if p.site]
    if sized:
        figures = ", ".join(f"{nb(n, 0)}: {nb(size, 0)} byte" for n, size in sized)
        sizes = [size for _, size in sized]
        lines.append(
            f"- HTML-en til en tiltaksside vokser ikke med antall tiltak ({figures}): "
            f"{verdict(max(sizes) - min(sizes) < 0.02 * min(sizes))} (tillatt variasjon 2 %: siden har samme "
            "innhold i alle planene bare når tiltaket er likt, og tiltak 1.1.1 er trukket tilfeldig i hver plan)."
        )
    return lines


# --------------------------------------------------------------------------------------------------------
# The whole benchmark
# --------------------------------------------------------------------------------------------------------


def bench(sizes: list[int], runs: int, out: Path, *, large_runs: int, pdf_limit: int) -> None:
    from scripts import synth

    started_at, started = dt.datetime.now(), time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-") as temp:
        work = Path(temp)
        plans = [Plan(f"Levert plan ({_count(ROOT / 'plan')} tiltak)", ROOT / "plan", _count(ROOT / "plan"))]
        for n in sizes:
            folder = work / f"plan-{n}"
            synth.write(n, folder)
            plans.append(Plan(f"{nb(n, 0)} tiltak", folder, n))

        for p in plans:
            many = runs if p.measures < 5000 else large_runs
            print(f"{p.name}: valider og render", flush=True)
            p.stages["validate"] = python_stage("validate", p.folder, runs, work)
            p.stages["render"] = python_stage("render", p.folder, runs, work)
            print(f"{p.name}: MkDocs ({many}×)", flush=True)
            site = work / f"site-{p.measures}"
            command = [str(BIN / "mkdocs"), "build", "--strict", "--quiet", "--site-dir", str(site)]
            p.stages["mkdocs"] = command_stage(command, _environment(p.folder), many, partial(_remove, site))
            p.site = site_figures(site)
            shutil.rmtree(site, ignore_errors=True)
            if p.measures > pdf_limit:
                p.stages["pdf"] = Runs(skipped="ikke målt (se under)")
            else:
                print(f"{p.name}: PDF ({runs}×)", flush=True)
                p.stages["pdf"] = python_stage("pdf", p.folder, runs, work)

        print("plan build av den leverte planen", flush=True)
        build_out = work / "plan-build"
        build = command_stage(
            [str(BIN / "plan"), "build", "--out", str(build_out)],
            {**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            runs,
            partial(_remove, build_out),
        )
        ours = python_stage("ours", ROOT / "plan", runs, work)

        profile_plan = next((p for p in plans if p.measures == 1000), plans[-1])
        print(f"profil av {profile_plan.name}", flush=True)
        script = [sys.executable, str(Path(__file__))]
        _child([*script, "--stage", "profile", "--plan", str(profile_plan.folder), "--work", str(work)])
        profile = (work / "profile.txt").read_text(encoding="utf-8")

    elapsed = time.perf_counter() - started
    text = report(plans, build, ours, _profile_section(profile, profile_plan.name), started_at, elapsed)
    out.write_text(text, encoding="utf-8")
    print(f"Skrev {out} ({nb(elapsed / 60, 1)} min)")


def _remove(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def _profile_section(profile: str, name: str) -> str:
    shortened = profile.replace(str(ROOT) + os.sep, "")
    shortened = re.sub(r"\S*/site-packages/", "", shortened)
    shortened = re.sub(r"\S*/lib/python3\.\d+/", "", shortened)
    body = "\n".join(line.rstrip() for line in shortened.strip().splitlines())
    return (
        f"`cProfile` av innlasting, validering og rendering for planen med {name}, sortert etter tid i "
        "funksjonen selv (de 12 øverste; tidene er høyere enn uten profilering):\n\n```text\n" + body + "\n```"
    )


def _count(folder: Path) -> int:
    from scripts.validate import validate_folder

    plan, _ = validate_folder(folder)
    return sum(1 for _ in plan.measures()) if plan else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Mål tid og minne for hvert steg og skriv BENCHMARKS.md.")
    parser.add_argument("--sizes", type=int, nargs="*", default=SIZES, help="antall tiltak i de syntetiske planene")
    parser.add_argument("--runs", type=int, default=3, help="kjøringer per steg (minst 3 gir en median)")
    parser.add_argument("--large-runs", type=int, default=1, help="kjøringer av MkDocs for planer med 5 000 tiltak")
    parser.add_argument("--pdf-limit", type=int, default=1000, help="største plan det lages PDF av")
    parser.add_argument("--out", type=Path, default=ROOT / "BENCHMARKS.md", help="rapporten (BENCHMARKS.md)")
    parser.add_argument("--stage", help=argparse.SUPPRESS)
    parser.add_argument("--plan", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.stage:
        print(json.dumps(run_stage(args.stage, args.plan, args.work)))
        return 0
    bench(args.sizes, args.runs, args.out, large_runs=args.large_runs, pdf_limit=args.pdf_limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
