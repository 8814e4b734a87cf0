"""The pipeline's stages, each timed in a process of its own.

The child side (:func:`run_stage`, run as ``python -m scripts.dev.bench --stage NAME``) times one stage after the
imports and the untimed steps it needs, and prints its timings as JSON. The parent side starts the children (or a
whole command such as ``mkdocs build``) several times and collects the wall times, CPU times and the highest peak
memory (``ru_maxrss`` of the child, read with :func:`os.wait4`).
"""

from __future__ import annotations

import cProfile
import datetime as dt
import io
import json
import os
import pstats
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from scripts.dev.bench.common import ROOT
from scripts.dev.bench.figures import Runs
from scripts.dev.bench.status_round import status_export, status_import, status_prepare

#: The day the benchmark's reports are made on: fixed, so that runs on different days time the same work.
BENCH_DAY = dt.date(2026, 12, 1)


# --------------------------------------------------------------------------------------------------------
# The child side: one stage, timed inside its own process
# --------------------------------------------------------------------------------------------------------


def _options(plan_dir: Path, *, git_dates: bool = False) -> Any:
    """The SiteOptions the MkDocs plugin makes for this plan folder (publish/plugin.site_options)."""
    import yaml

    from scripts.publish.plugin import read_plan, site_options

    source, problems = read_plan(plan_dir)
    if source is None:
        raise SystemExit(f"{plan_dir} er ikke gyldig: {problems[:3]}")
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return site_options(source, ROOT, config.get("extra"), git=git_dates)


def _valid(plan_dir: Path) -> Any:
    from scripts.validate.validator import validate_folder

    plan, problems = validate_folder(plan_dir)
    if plan is None:
        raise SystemExit(f"{plan_dir} er ikke gyldig: {problems[:3]}")
    return plan


class _Timer:
    """Times named pieces of work: wall time under the name, CPU time under the name and ``_cpu``."""

    def __init__(self) -> None:
        self.timings: dict[str, float] = {}

    def __call__(self, name: str, work: Callable[[], Any]) -> Any:
        wall, cpu = time.perf_counter(), time.process_time()
        result = work()
        self.timings[name] = time.perf_counter() - wall
        self.timings[name + "_cpu"] = time.process_time() - cpu
        return result


def _validate(timed: _Timer, plan_dir: Path, out: Path) -> None:
    from scripts.validate.validator import validate_folder

    plan, problems = timed("seconds", lambda: validate_folder(plan_dir))
    if plan is None:
        raise SystemExit(f"{plan_dir} er ikke gyldig: {problems[:3]}")


def _render(timed: _Timer, plan_dir: Path, out: Path) -> None:
    from scripts.core.collector import gc_paused
    from scripts.publish.providers import render_pages as render_site
    from scripts.site.open_data import data_files

    plan, options = _valid(plan_dir), _options(plan_dir)
    with gc_paused():  # as in the MkDocs hook
        timed("seconds", lambda: (render_site(plan, options), data_files(plan)))


def _pdf(timed: _Timer, plan_dir: Path, out: Path) -> None:
    from scripts.pdf import document as pdf

    plan, options = _valid(plan_dir), _options(plan_dir)
    timed("html", lambda: pdf.plan_html(plan, options))
    timed("seconds", lambda: pdf.write_pdf(plan, out / pdf.PDF_NAME, options))


def _report(timed: _Timer, plan_dir: Path, out: Path) -> None:
    """The status report of the newest year, as `plan pdf --report YEAR` writes it."""
    from scripts.pdf import document as pdf

    plan, options = _valid(plan_dir), _options(plan_dir)
    year = pdf.report_years(plan)[-1]
    day = dt.date(year, 12, 31)
    timed("seconds", lambda: pdf.write_pdf(plan, out / pdf.report_name(year), options, report=year, today=day))


def _edition(timed: _Timer, plan_dir: Path, out: Path) -> None:
    """The newest adopted edition, as `plan build` makes it the first time (no cache): the plan read from its
    commit with git and validated, then its PDF. A plan without adopted commits has no edition to time."""
    from scripts.pdf import document as pdf
    from scripts.publish.editions import EditionReader

    plan = _valid(plan_dir)
    found = timed("read", lambda: EditionReader().read(plan, plan_dir))
    made = [e for e in found if e.plan is not None]
    if not made:
        raise SystemExit(f"{plan_dir}: ingen vedtatt utgave med commit å måle")
    edition_plan = made[-1].plan
    assert edition_plan is not None
    timed("pdf", lambda: pdf.write_pdf(edition_plan, out / "utgave.pdf"))
    timed.timings["seconds"] = timed.timings["read"] + timed.timings["pdf"]


def _ours(timed: _Timer, plan_dir: Path, out: Path) -> None:
    """Everything our own code does in `plan build`: what the MkDocs hook does (validate, git dates, render, open
    data) and the print HTML of every PDF. The rest of the build is MkDocs and WeasyPrint."""
    from scripts.core.collector import gc_paused
    from scripts.pdf import document as pdf
    from scripts.publish.providers import render_pages as render_site
    from scripts.site.open_data import data_files
    from scripts.validate.validator import validate_folder

    plan, _ = timed("validate", lambda: validate_folder(plan_dir))
    options = timed("git", lambda: _options(plan_dir, git_dates=True))
    with gc_paused():  # as in the MkDocs hook
        timed("render", lambda: (render_site(plan, options), data_files(plan)))
    timed(
        "html",
        lambda: [pdf.plan_html(plan, options, year, today=BENCH_DAY) for year in [None, *pdf.report_years(plan)]],
    )
    timed.timings["seconds"] = sum(timed.timings[k] for k in ("validate", "git", "render", "html"))


def _profile(timed: _Timer, plan_dir: Path, out: Path) -> None:
    """Not timed: a cProfile of loading, validating and rendering, written to ``out/profile.txt``."""
    from scripts.publish.providers import render_pages as render_site
    from scripts.site.open_data import data_files
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


_STAGES: dict[str, Callable[[_Timer, Path, Path], None]] = {
    "validate": _validate,
    "render": _render,
    "pdf": _pdf,
    "report": _report,
    "edition": _edition,
    "ours": _ours,
    "profile": _profile,
    "status_export": status_export,
    "status_prepare": status_prepare,
    "status_import": status_import,
}


def run_stage(stage: str, plan_dir: Path, out: Path) -> dict[str, float]:
    """Run one stage and return its timings in seconds (wall and CPU of the stage itself)."""
    if stage not in _STAGES:
        raise SystemExit(f"ukjent steg {stage}")
    timed = _Timer()
    _STAGES[stage](timed, plan_dir, out)
    return timed.timings


# --------------------------------------------------------------------------------------------------------
# The parent side: run the children, collect medians and peaks
# --------------------------------------------------------------------------------------------------------


def run_child(command: list[str], env: dict[str, str] | None = None, cwd: Path = ROOT) -> tuple[float, float, int, str]:
    """Run a command (in the repository root unless ``cwd``); return its wall time, CPU time, peak memory (kB) and
    standard output. The CPU time and the peak memory are :func:`os.wait4`'s: the child's own and those of the
    children it waited for (the CPU time summed, the peak memory that of the largest single process)."""
    with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=stdout, stderr=stderr)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        stdout.seek(0)
        stderr.seek(0)
        if process.returncode != 0:
            raise SystemExit(f"{' '.join(command)} feilet:\n{stderr.read().decode(errors='replace')[-3000:]}")
        return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, stdout.read().decode()


def stage_command(stage: str, plan_dir: Path, work: Path) -> list[str]:
    """The command that runs one stage in a child (in the repository root, where ``scripts`` is)."""
    return [sys.executable, "-m", "scripts.dev.bench", "--stage", stage, "--plan", str(plan_dir), "--work", str(work)]


def environment() -> dict[str, str]:
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
        _, _, peak, stdout = run_child(stage_command(stage, plan_dir, work))
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
        wall, cpu, peak, _ = run_child(command, env)
        result.seconds.append(wall)
        result.cpu.append(cpu)
        result.peak_kb = max(result.peak_kb, peak)
    return result
