"""``make bench``: time each stage of the build for the shipped plan and for synthetic plans of 100, 1 000 and
5 000 measures, and write BENCHMARKS.md (in Norwegian) with the figures, how they grow and the budgets.

Every stage runs in a process of its own, several times; the report gives the median wall time and the
highest peak memory (``ru_maxrss`` of the child, read with :func:`os.wait4`). Python stages time only the
stage itself (after the imports and the untimed steps it needs, such as validating before rendering); MkDocs
and ``plan build`` are timed as the whole command, as an editor would meet them.

Two figures come from running things as a reader and an editor would: a first visit to a measure page, in
Debian's Chromium through Playwright (every file the browser asks for, gzip sizes), then what starting a search
adds; and how long ``plan serve`` takes, for the shipped plan, from saving a YAML file to serving the changed page.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gzip
import http.server
import io
import json
import os
import platform
import posixpath
import pstats
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
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

    from scripts.load.folder import load_plan
    from scripts.site.lookups import SiteOptions
    from scripts.validate.validator import source_files

    files, _ = load_plan(plan_dir)
    sources = {ident: _relative(Path(path)) for ident, path in source_files(files).items()}
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    repository = (config.get("extra") or {}).get("repository") or {}
    edit_base = f"{repository['url'].rstrip('/')}/edit/{repository.get('branch', 'main')}/" if repository else None
    changed = {}
    if git_dates:
        from scripts.publish.plugin import _git_dates

        changed = _git_dates(ROOT, sources.values())
    return SiteOptions(edit_base=edit_base, sources=sources, changed=changed, plan_dir=plan_dir)


def _relative(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def _valid(plan_dir: Path) -> Any:
    from scripts.validate.validator import validate_folder

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
        from scripts.validate.validator import validate_folder

        plan, problems = timed("seconds", lambda: validate_folder(plan_dir))
        if plan is None:
            raise SystemExit(f"{plan_dir} er ikke gyldig: {problems[:3]}")
    elif stage == "render":
        from scripts.site.open_data import data_files
        from scripts.site.pages import render_site
        from scripts.validate.validator import gc_paused

        plan, options = _valid(plan_dir), _options(plan_dir)
        with gc_paused():  # as in the MkDocs hook
            timed("seconds", lambda: (render_site(plan, options), data_files(plan)))
    elif stage == "pdf":
        from scripts.pdf import document as pdf

        plan, options = _valid(plan_dir), _options(plan_dir)
        timed("html", lambda: pdf.plan_html(plan, options))
        timed("seconds", lambda: pdf.write_pdf(plan, out / pdf.PDF_NAME, options))
    elif stage == "ours":
        # Everything our own code does in `plan build`: what the MkDocs hook does (validate, git dates, render,
        # open data) and the print HTML of every PDF. The rest of the build is MkDocs and WeasyPrint.
        from scripts.pdf import document as pdf
        from scripts.site.open_data import data_files
        from scripts.site.pages import render_site
        from scripts.validate.validator import gc_paused, validate_folder

        plan, _ = timed("validate", lambda: validate_folder(plan_dir))
        options = timed("git", lambda: _options(plan_dir, git_dates=True))
        with gc_paused():  # as in the MkDocs hook
            timed("render", lambda: (render_site(plan, options), data_files(plan)))
        timed("html", lambda: [pdf.plan_html(plan, options, year) for year in [None, *pdf.report_years(plan)]])
        timings["seconds"] = sum(timings[k] for k in ("validate", "git", "render", "html"))
    elif stage == "profile":
        from scripts.site.open_data import data_files
        from scripts.site.pages import render_site
        from scripts.validate.validator import validate_folder

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


def _environment() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def bench_config(plan_dir: Path, work: Path) -> Path:
    """mkdocs.yml with the plugin pointed at another plan folder and without the PDFs (timed apart)."""
    config = work / f"mkdocs-{plan_dir.name}.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: {ROOT / 'docs'}\n"
        f"theme:\n  name: material\n  custom_dir: {ROOT / 'scripts' / 'templates' / 'theme'}\n"
        f"watch: [{ROOT / 'plan'}, {ROOT / 'schema.py'}, {ROOT / 'scripts'}]\n"
        f"plugins:\n  - search:\n      lang: 'no'\n  - naeringsplan:\n      plan_dir: {plan_dir}\n      pdf: false\n",
        encoding="utf-8",
    )
    return config


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


CHROMIUM = "/usr/bin/chromium"
#: The word typed into the search field when measuring what a search costs (it is in every plan).
SEARCH_WORD = "samarbeid"


def _gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


class _LoggingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site and notes every path asked for (the browser's own list misses nothing, but this one
    also has what a web worker fetches)."""

    requested: list[str]

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self) -> Any:
        self.requested.append(urllib.parse.urlsplit(self.path).path)
        return super().send_head()


@dataclass
class Visit:
    """What a browser fetched, as site paths with their gzip sizes (level 6)."""

    first: dict[str, int]
    search: dict[str, int]
    #: Requests to anything but the local server (there should be none).
    foreign: list[str]
    #: Paths asked for that the site does not have.
    missing: list[str]
    #: Seconds from the click in the search field until the first result was on the page.
    search_seconds: float


def browser_visit(site: Path, page: str, word: str = SEARCH_WORD) -> Visit:
    """Open ``page`` in Chromium, as a first-time visitor, and then start a search: every file each step
    requests, as the path in the site and its gzip size."""
    from playwright.sync_api import sync_playwright

    requested: list[str] = []
    handler = type("Handler", (_LoggingHandler,), {"requested": requested})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    urls: list[str] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
            )
            try:
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                context.on("request", lambda request: urls.append(request.url))
                tab = context.new_page()
                tab.goto(f"{base}/{page.removesuffix('index.html')}", wait_until="networkidle", timeout=60_000)
                tab.wait_for_timeout(1000)
                first_urls, first_paths = len(urls), len(requested)
                started = time.perf_counter()
                tab.click("input.md-search__input")
                tab.wait_for_load_state("networkidle", timeout=120_000)
                tab.keyboard.type(word, delay=50)
                tab.wait_for_selector(".md-search-result__item", state="attached", timeout=300_000)
                search_seconds = time.perf_counter() - started
                tab.wait_for_load_state("networkidle", timeout=120_000)
                tab.wait_for_timeout(500)
                context.close()
            finally:
                browser.close()
    finally:
        httpd.shutdown()
        httpd.server_close()

    foreign = sorted({u for u in urls if not u.startswith(base + "/") and not u.startswith("data:")})

    def paths(found_urls: list[str], found_paths: list[str]) -> list[str]:
        local = [urllib.parse.urlsplit(u).path for u in found_urls if u.startswith(base + "/")]
        return list(dict.fromkeys(urllib.parse.unquote(p).lstrip("/") for p in [*local, *found_paths]))

    def files(names: list[str], seen: dict[str, int]) -> dict[str, int]:
        result = {}
        for name in names:
            path = name if name and not (site / name).is_dir() else posixpath.join(name, "index.html").lstrip("/")
            if path not in seen and path not in result and (site / path).is_file():
                result[path] = _gzip_size(site / path)
        return result

    first_names = paths(urls[:first_urls], requested[:first_paths])
    first = files(first_names, {})
    search_names = paths(urls[first_urls:], requested[first_paths:])
    search = files(search_names, first)
    missing = sorted({n for n in [*first_names, *search_names] if not (site / n).is_file() and not (site / n).is_dir()})
    return Visit(first=first, search=search, foreign=foreign, missing=missing, search_seconds=search_seconds)


def frame_size(html: bytes) -> int:
    """The bytes of a page outside its ``<article …>…</article>``: header, navigation, footer."""
    start, end = html.find(b"<article"), html.rfind(b"</article>")
    if start < 0 or end < 0:
        raise SystemExit("tiltakssiden har ikke noe <article>")
    return len(html) - (end + len(b"</article>") - start)


@dataclass
class SiteFigures:
    pages: int
    bytes: int
    measure_html: int
    measure_frame: int
    measure_gzip: int
    visit: Visit
    #: Focus areas in the plan: the navigation of every page lists them.
    focus_areas: int


def site_figures(site: Path, plan_dir: Path) -> SiteFigures:
    files = [p for p in site.rglob("*") if p.is_file()]
    html = (site / MEASURE_PAGE).read_bytes()
    return SiteFigures(
        pages=sum(1 for p in files if p.suffix == ".html"),
        bytes=sum(p.stat().st_size for p in files),
        measure_html=len(html),
        measure_frame=frame_size(html),
        measure_gzip=_gzip_size(site / MEASURE_PAGE),
        visit=browser_visit(site, MEASURE_PAGE),
        focus_areas=len(list((plan_dir / "satsingsomrader").glob("*.yaml"))),
    )


# --------------------------------------------------------------------------------------------------------
# The live preview: how long `plan serve` takes to show an edit
# --------------------------------------------------------------------------------------------------------

#: The page `plan serve` serves for measure 1.1.1 (under the path of site_url).
SERVE_PAGE = "naeringsplan/tiltak/1-1-1/"


@dataclass
class Serve:
    #: Seconds from `plan serve` starting until the page answered.
    startup: float
    #: Seconds from each write of the YAML file until the served page had the new title.
    edits: list[float]
    #: The machine's load average (1 minute) when the edits started: other work slows the rebuilds.
    load: float


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8", errors="replace"))
    except (OSError, ValueError):
        return ""


def _wait_for(url: str, text: str, timeout: float, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.perf_counter() + timeout
    while text not in _get(url):
        if process.poll() is not None:
            raise SystemExit(f"plan serve stoppet:\n{log.read_text(encoding='utf-8', errors='replace')[-3000:]}")
        if time.perf_counter() > deadline:
            raise SystemExit(f"{url} viste ikke «{text}» etter {timeout:.0f} s")
        time.sleep(0.05)


def measure_serve(plan_dir: Path, work: Path, edits: int = 5) -> Serve:
    """Start `plan serve` on a copy of the plan, then change the title of measure 1.1.1 ``edits`` times and time
    each write until the served page shows the new title (polled every 50 ms)."""
    copy = work / "serve-plan"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(plan_dir, copy)
    source = next(f for f in sorted((copy / "satsingsomrader").glob("*.yaml")) if _TITLE.search(f.read_text("utf-8")))
    port = _free_port()
    url = f"http://127.0.0.1:{port}/{SERVE_PAGE}"
    log = work / "serve.log"
    started = time.perf_counter()
    with log.open("wb") as output:
        # A session of its own: `plan serve` runs MkDocs as a child, and both are stopped together.
        process = subprocess.Popen(
            [str(BIN / "plan"), "serve", "--port", str(port), "--plan", str(copy)],
            cwd=ROOT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    times = []
    try:
        _wait_for(url, "1.1.1", 300, process, log)
        startup = time.perf_counter() - started
        time.sleep(1.5)
        load = os.getloadavg()[0]
        for i in range(edits):
            title = f"Endret tittel {i + 1} {time.time_ns()}"
            text = source.read_text(encoding="utf-8")
            match = _TITLE.search(text)
            assert match is not None
            source.write_text(text[: match.start(2)] + title + text[match.end(2) :], encoding="utf-8")
            written = time.perf_counter()
            _wait_for(url, title, 120, process, log)
            times.append(time.perf_counter() - written)
            time.sleep(1.5)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    return Serve(startup=startup, edits=times, load=load)


#: The title line of measure 1.1.1 in a focus area file.
_TITLE = re.compile(r"""(- id: ["']?1\.1\.1["']?\n\s+title: )(.*)\n""")


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


def report(
    plans: list[Plan], build: Runs, ours: Runs, serve: Serve | None, profile: str, started: dt.datetime, total: float
) -> str:
    shipped = plans[0]
    by_size = {p.measures: p for p in plans[1:]}
    lines = [
        "# Ytelsesmåling",
        "",
        f"Målt {started:%d.%m.%Y} med `make bench` (`scripts/dev/bench.py`), som tok {nb(total / 60, 1)} minutter. "
        "Den leverte planen i `plan/` og syntetiske planer laget med `scripts/dev/synth.py --measures N` "
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
        "slik MkDocs-kroken kaller dem; «MkDocs build» er `mkdocs build --strict` med `pdf: false` "
        "for utvidelsen `naeringsplan` (den "
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
        row("Satsingsområder", lambda s: nb(s.focus_areas, 0)),
        row("HTML-sider", lambda s: nb(s.pages, 0)),
        row("Størrelse på site/", lambda s: f"{nb(s.bytes / 1024**2, 1)} MB"),
        row(f"Tiltaksside `{MEASURE_PAGE}`, HTML", lambda s: f"{nb(s.measure_html, 0)} byte"),
        row("… rammen (alt utenfor `<article>`)", lambda s: f"{nb(s.measure_frame, 0)} byte"),
        row("… gzip", lambda s: kb(s.measure_gzip)),
        row("Første besøk på tiltakssiden (gzip, målt i Chromium)", lambda s: kb(sum(s.visit.first.values()))),
        row("… antall filer", lambda s: nb(len(s.visit.first), 0)),
        row("… hvorav `sitemap.xml` (gzip)", lambda s: kb(s.visit.first.get("sitemap.xml", 0))),
        row("… når leseren begynner å søke, i tillegg (gzip)", lambda s: kb(sum(s.visit.search.values()))),
        row("… hvorav søkeindeksen (gzip)", lambda s: kb(s.visit.search.get("search/search_index.json", 0))),
        row("Fra klikk i søkefeltet til første treff", lambda s: f"{nb(s.visit.search_seconds, 1)} s"),
        "",
        "Rammen er det som står rundt selve innholdet på siden: toppen, navigasjonen og bunnen. Det er den som "
        "ville vokst om navigasjonen listet alle tiltakene. Menyen lister satsingsområdene, ikke målene eller "
        "tiltakene. Tiltak 1.1.1 (og mål 1.1 og satsingsområde 1) har samme innhold i alle de syntetiske planene, "
        "så tallene kan sammenlignes på tvers av planstørrelsene.",
        "",
    ]
    if shipped.site:
        visit = shipped.site.visit
        lines += [
            "Første besøk er målt i Debians Chromium (Playwright): nettstedet serveres fra en lokal server, "
            "tiltakssiden åpnes i en ny nettleserprofil uten hurtiglager, og vi venter til nettverket er stille "
            "og ett sekund til. Hver fil nettleseren (også søkeskriptets web worker) ber om, telles med "
            "størrelsen komprimert med gzip nivå 6 (en mappe er `index.html` i den). Skrifter hentes ikke: "
            "nettstedet bruker systemets skrifter. Materials raske sidebytte (`navigation.instant`) henter "
            "`sitemap.xml` ved første besøk; den har en linje per side og vokser derfor med planen. Søkeindeksen "
            "hentes først "
            "når leseren begynner å søke (`docs/javascripts/search-on-demand.js`); det er målt for seg ved å "
            f"klikke i søkefeltet, skrive «{SEARCH_WORD}» og vente på første treff. Filene for den leverte planen:",
            "",
            "| Fil | Når | gzip |",
            "|---|---|--:|",
            *[f"| `{path}` | første besøk | {kb(size)} |" for path, size in visit.first.items()],
            *[f"| `{path}` | ved søk | {kb(size)} |" for path, size in visit.search.items()],
            "",
        ]
        for p in plans:
            if p.site and p.site.visit.foreign:
                lines += [f"Forespørsler til andre verter ({p.name}): " + ", ".join(p.site.visit.foreign), ""]
            if p.site and p.site.visit.missing:
                names = ", ".join(f"`{m}`" for m in p.site.visit.missing)
                lines += [f"Filer nettleseren ba om som ikke finnes ({p.name}): {names}", ""]
    if serve:
        lines += [
            "## Forhåndsvisning (`plan serve`)",
            "",
            "`plan serve` startes på en kopi av den leverte planen. Så endres tittelen på tiltak 1.1.1 i "
            f"YAML-filen {len(serve.edits)} ganger, med 1,5 s mellom hver, og vi måler tiden fra filen er skrevet "
            "til siden serveren leverer (`/naeringsplan/tiltak/1-1-1/`) har den nye tittelen (spurt hvert 50. ms). "
            "Det er tiden en redaktør venter fra hun lagrer til hun kan se endringen.",
            "",
            "| | |",
            "|---|--:|",
            f"| Fra start til siden svarer | {nb(serve.startup, 1)} s |",
            f"| Median fra lagring til endret side | {nb(statistics.median(serve.edits))} s |",
            f"| Hver endring | {' · '.join(f'{nb(t)} s' for t in serve.edits)} |",
            f"| Belastning på maskinen da endringene begynte (load average, 1 min, {os.cpu_count()} kjerner) | "
            f"{nb(serve.load)} |",
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
    lines += ["", *_pdf_note(plans), *budgets(plans, build, ours, serve), "", "## Profil", "", profile]
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


def budgets(plans: list[Plan], build: Runs, ours: Runs, serve: Serve | None) -> list[str]:
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
    for p in plans:
        if p.site:
            first, search = sum(p.site.visit.first.values()), sum(p.site.visit.search.values())
            lines.append(
                f"- Første besøk på en tiltaksside under 150 KB gzip i alt, skrifter medregnet, {p.name}: "
                f"{kb(first)}: {verdict(first < 150 * 1024)}. Begynner leseren å søke, henter nettleseren "
                f"{kb(search)} til (søkeindeksen {kb(p.site.visit.search.get('search/search_index.json', 0))}), "
                f"{kb(first + search)} i alt."
            )
    if serve:
        median = statistics.median(serve.edits)
        lines.append(
            f"- `plan serve` bygger siden på nytt etter en endring i YAML-filen på under 3 s for den leverte planen: "
            f"median {nb(median)} s (hver gang: {', '.join(nb(t) for t in serve.edits)} s; den tregeste "
            f"{nb(max(serve.edits))} s): {verdict(median < 3)}."
        )
    pdf = thousand.stages.get("pdf") if thousand else None
    if pdf and not pdf.skipped:
        lines.append(
            f"- PDF av 1 000 tiltak under 60 s og under 2 GiB minne: {nb(pdf.median)} s og "
            f"{nb(pdf.peak_kb / 1024**2, 2)} GiB: {verdict(pdf.median < 60 and pdf.peak_kb < 2 * 1024**2)}."
        )
    sized = [(n, p.site) for n, p in by_size.items() if p.site]
    if sized:
        lines.append(_growth_budget(sized))
    return lines


def _growth_budget(sized: list[tuple[int, SiteFigures]]) -> str:
    """The budget «the HTML of a measure page does not grow with the number of measures», judged on the page and
    on its frame, between plans with the same number of focus areas (the menu lists each focus area)."""
    figures = ", ".join(
        f"{nb(n, 0)} tiltak: {nb(site.measure_html, 0)} byte, hvorav rammen {nb(site.measure_frame, 0)} byte "
        f"({site.focus_areas} satsingsområder)"
        for n, site in sized
    )

    def spread(values: list[int]) -> tuple[int, bool]:
        return max(values) - min(values), max(values) - min(values) <= 0.02 * min(values)

    groups: dict[int, list[tuple[int, SiteFigures]]] = {}
    for n, site in sized:
        groups.setdefault(site.focus_areas, []).append((n, site))
    compared = [group for group in groups.values() if len(group) > 1]
    parts, ok = [], True
    for group in compared:
        html, html_ok = spread([site.measure_html for _, site in group])
        frame, frame_ok = spread([site.measure_frame for _, site in group])
        ok = ok and html_ok and frame_ok
        names = " og ".join(nb(n, 0) for n, _ in group)
        parts.append(f"mellom {names} tiltak varierer siden med {nb(html, 0)} byte og rammen med {nb(frame, 0)} byte")
    text = (
        f"- HTML-en til en tiltaksside vokser ikke med antall tiltak ({figures}): "
        + (f"{verdict(ok)}. " if compared else "ikke vurdert (ingen to planer med like mange satsingsområder). ")
        + "Tillatt variasjon er 2 % av den minste, både for hele siden og for rammen, mellom planer med like mange "
        "satsingsområder" + (f": {'; '.join(parts)}." if parts else ".")
    )
    fewest, most = min(sized, key=lambda x: x[1].focus_areas), max(sized, key=lambda x: x[1].focus_areas)
    extra = most[1].focus_areas - fewest[1].focus_areas
    if extra:
        per_area = (most[1].measure_frame - fewest[1].measure_frame) / extra
        text += (
            f" Planen med {nb(fewest[0], 0)} tiltak har {extra} satsingsområder færre i menyen; rammen er "
            f"{nb(per_area, 0)} byte mindre per satsingsområde (syntetiske planer får flere satsingsområder opp "
            "til 8 når de vokser)."
        )
    return text + " Tiltak 1.1.1 har samme innhold i alle planene."


# --------------------------------------------------------------------------------------------------------
# The whole benchmark
# --------------------------------------------------------------------------------------------------------


def bench(sizes: list[int], runs: int, out: Path, *, large_runs: int, pdf_limit: int, serve_edits: int) -> None:
    from scripts.dev import synth

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
            config = bench_config(p.folder, work)
            command = [str(BIN / "mkdocs"), "build", "--strict", "--quiet", "-f", str(config), "--site-dir", str(site)]
            p.stages["mkdocs"] = command_stage(command, _environment(), many, partial(_remove, site))
            print(f"{p.name}: første besøk i Chromium", flush=True)
            p.site = site_figures(site, p.folder)
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
        serve = None
        if serve_edits:
            print(f"plan serve: {serve_edits} endringer i den leverte planen", flush=True)
            serve = measure_serve(ROOT / "plan", work, serve_edits)

        profile_plan = next((p for p in plans if p.measures == 1000), plans[-1])
        print(f"profil av {profile_plan.name}", flush=True)
        script = [sys.executable, str(Path(__file__))]
        _child([*script, "--stage", "profile", "--plan", str(profile_plan.folder), "--work", str(work)])
        profile = (work / "profile.txt").read_text(encoding="utf-8")

    elapsed = time.perf_counter() - started
    text = report(plans, build, ours, serve, _profile_section(profile, profile_plan.name), started_at, elapsed)
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
    from scripts.validate.validator import validate_folder

    plan, _ = validate_folder(folder)
    return sum(1 for _ in plan.measures()) if plan else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Mål tid og minne for hvert steg og skriv BENCHMARKS.md.")
    parser.add_argument("--sizes", type=int, nargs="*", default=SIZES, help="antall tiltak i de syntetiske planene")
    parser.add_argument("--runs", type=int, default=3, help="kjøringer per steg (minst 3 gir en median)")
    parser.add_argument("--large-runs", type=int, default=1, help="kjøringer av MkDocs for planer med 5 000 tiltak")
    parser.add_argument("--pdf-limit", type=int, default=1000, help="største plan det lages PDF av")
    parser.add_argument("--serve-edits", type=int, default=5, help="endringer målt i plan serve (0: ikke mål)")
    parser.add_argument("--out", type=Path, default=ROOT / "BENCHMARKS.md", help="rapporten (BENCHMARKS.md)")
    parser.add_argument("--stage", help=argparse.SUPPRESS)
    parser.add_argument("--plan", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.stage:
        print(json.dumps(run_stage(args.stage, args.plan, args.work)))
        return 0
    bench(
        args.sizes,
        args.runs,
        args.out,
        large_runs=args.large_runs,
        pdf_limit=args.pdf_limit,
        serve_edits=args.serve_edits,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
