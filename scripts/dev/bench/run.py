"""The whole benchmark: make the synthetic plans, time every stage for every plan, measure the built site, `plan
serve` for the shipped plan and `plan build` in each state of its cache (builds.py), profile one plan, and write
the report."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
import time
from functools import partial
from pathlib import Path

from scripts.dev.bench.browser import site_figures
from scripts.dev.bench.budgets import build_budgets, serve_budget, status_budget
from scripts.dev.bench.builds import measure_builds
from scripts.dev.bench.common import BIN, ROOT, count_measures, nb
from scripts.dev.bench.figures import Plan, Runs, Serve
from scripts.dev.bench.report import (
    STAGES,
    build_section,
    cell,
    growth_section,
    profile_section,
    report,
    serve_section,
    status_note,
)
from scripts.dev.bench.serve import measure_serve
from scripts.dev.bench.stages import bench_config, command_stage, environment, python_stage, run_child, stage_command
from scripts.dev.lighthouse.report import section_of, with_section


def bench(sizes: list[int], runs: int, out: Path, *, large_runs: int, pdf_limit: int, serve_edits: int) -> None:
    started_at, started = dt.datetime.now(), time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-") as temp:
        work = Path(temp)
        plans = _plans(sizes, work)
        for p in plans:
            mkdocs_runs = runs if p.measures < 5000 else large_runs
            _measure_plan(p, work, runs=runs, mkdocs_runs=mkdocs_runs, pdf_limit=pdf_limit)
        ours, serve = _measure_shipped(work, runs, serve_edits)
        builds = measure_builds(work, runs, large_runs)

        profile_plan = next((p for p in plans if p.measures == 1000), plans[-1])
        print(f"profil av {profile_plan.name}", flush=True)
        run_child(stage_command("profile", profile_plan.folder, work))
        profile = (work / "profile.txt").read_text(encoding="utf-8")

    elapsed = time.perf_counter() - started
    text = report(plans, builds, ours, serve, profile_section(profile, profile_plan.name), started_at, elapsed)
    out.write_text(with_section(text, section_of(out.read_text(encoding="utf-8") if out.exists() else "")), "utf-8")
    print(f"Skrev {out} ({nb(elapsed / 60, 1)} min)")


def builds_only(runs: int, large_runs: int) -> str:
    """Only `plan build` in each state of its cache: its section of the report and its budgets, as Markdown."""
    with tempfile.TemporaryDirectory(prefix="bench-builds-") as temp:
        builds = measure_builds(Path(temp), runs, large_runs)
    return "\n".join([*build_section(builds), *build_budgets(builds)])


def serve_only(edits: int) -> str:
    """Only `plan serve` of the shipped plan: its section of the report and its budget, as Markdown."""
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as temp:
        print(f"plan serve: {edits} endringer i den leverte planen", flush=True)
        serve = measure_serve(ROOT / "plan", Path(temp), edits)
    return "\n".join([*serve_section(serve), serve_budget(serve)])


def measure_status(p: Plan, work: Path, runs: int) -> None:
    """Time the status round's export and import for one plan (the filled-in workbook made once, untimed)."""
    print(f"{p.name}: statusrunde, eksport og import ({runs}×)", flush=True)
    p.stages["status_export"] = python_stage("status_export", p.folder, runs, work)
    run_child(stage_command("status_prepare", p.folder, work))
    p.stages["status_import"] = python_stage("status_import", p.folder, runs, work)


def status_only(sizes: list[int], runs: int) -> str:
    """Only the status round's stages, for the shipped plan and synthetic plans: the rows of the report's table
    of stages, the note under it and the budget, as Markdown."""
    with tempfile.TemporaryDirectory(prefix="bench-status-") as temp:
        plans = _plans(sizes, Path(temp))
        for p in plans:
            measure_status(p, Path(temp), runs)
    stages = {stage: STAGES[stage] for stage in ("status_export", "status_import")}
    lines = ["| Steg | " + " | ".join(p.name for p in plans) + " |", "|---|" + "--:|" * len(plans)]
    for stage, label in stages.items():
        lines.append(f"| {label} | " + " | ".join(cell(p.stages.get(stage)) for p in plans) + " |")
    thousand = next((p for p in plans[1:] if p.measures == 1000), None)
    budget = status_budget(thousand) if thousand else []
    return "\n".join([*lines, "", *status_note(plans), *growth_section(plans, stages), "", *budget])


def _plans(sizes: list[int], work: Path) -> list[Plan]:
    """The shipped plan, then a synthetic plan of each size, written under ``work``."""
    from scripts.dev import synth

    shipped = count_measures(ROOT / "plan")
    plans = [Plan(f"Levert plan ({shipped} tiltak)", ROOT / "plan", shipped)]
    for n in sizes:
        folder = work / f"plan-{n}"
        synth.write(n, folder)
        plans.append(Plan(f"{nb(n, 0)} tiltak", folder, n))
    return plans


def _measure_plan(p: Plan, work: Path, *, runs: int, mkdocs_runs: int, pdf_limit: int) -> None:
    """Time validation, rendering, MkDocs (``mkdocs_runs`` times) and the PDF for one plan, and measure its site."""
    print(f"{p.name}: valider og render", flush=True)
    p.stages["validate"] = python_stage("validate", p.folder, runs, work)
    p.stages["render"] = python_stage("render", p.folder, runs, work)
    measure_status(p, work, runs)
    print(f"{p.name}: MkDocs ({mkdocs_runs}×)", flush=True)
    site = work / f"site-{p.measures}"
    config = bench_config(p.folder, work)
    command = [str(BIN / "mkdocs"), "build", "--strict", "--quiet", "-f", str(config), "--site-dir", str(site)]
    p.stages["mkdocs"] = command_stage(command, environment(), mkdocs_runs, partial(_remove, site))
    print(f"{p.name}: første besøk i Chromium", flush=True)
    p.site = site_figures(site, p.folder)
    shutil.rmtree(site, ignore_errors=True)
    if p.measures > pdf_limit:
        p.stages["pdf"] = Runs(skipped="ikke målt (se under)")
    else:
        print(f"{p.name}: PDF ({runs}×)", flush=True)
        p.stages["pdf"] = python_stage("pdf", p.folder, runs, work)
        print(f"{p.name}: statusrapport ({runs}×)", flush=True)
        p.stages["report"] = python_stage("report", p.folder, runs, work)
    if p.folder == ROOT / "plan":
        print(f"{p.name}: vedtatt utgave fra git ({runs}×)", flush=True)
        p.stages["edition"] = python_stage("edition", p.folder, runs, work)


def _measure_shipped(work: Path, runs: int, serve_edits: int) -> tuple[Runs, Serve | None]:
    """Our own steps in `plan build` of the shipped plan, and `plan serve` (when ``serve_edits``)."""
    print("våre egne steg i plan build av den leverte planen", flush=True)
    ours = python_stage("ours", ROOT / "plan", runs, work)
    serve = None
    if serve_edits:
        print(f"plan serve: {serve_edits} endringer i den leverte planen", flush=True)
        serve = measure_serve(ROOT / "plan", work, serve_edits)
    return ours, serve


def _remove(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
