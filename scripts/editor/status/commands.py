"""What ``plan status export``, ``plan status import`` and ``plan status followup`` print, and their exit codes (0
done, 1 not done)."""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

from scripts.core.files import describe_os_error, replacing
from scripts.editor.history import head_commit
from scripts.editor.status import followup as follow_up
from scripts.editor.status.apply import ImportFailed, ImportResult, import_status
from scripts.editor.status.export import ExportError, export_workbook
from scripts.editor.status.pr_body import describe
from scripts.validate.validator import PlanNotValid, require_valid

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def followup(folder: Path, site: str | None, *, today: dt.date) -> int:
    """Print the measures to follow up as Markdown (for the monthly issue); the plan must be valid."""
    try:
        plan, _files = require_valid(folder, today)
    except PlanNotValid as error:
        print(f"plan: {error}. Listen er ikke laget.", file=sys.stderr)
        return EXIT_FAILED
    address = site if site is None or site.endswith("/") else site + "/"
    sys.stdout.write(follow_up.markdown(plan, address))
    return EXIT_OK


def export(folder: Path, out: Path, year: int | None, actor: str | None, *, today: dt.date) -> int:
    """Write the workbook of the year (None: the year of `today`, the day of export)."""
    started = time.perf_counter()
    day = today
    if out.suffix.lower() != ".xlsx":
        print(f"plan: arbeidsboken må ha et navn som slutter på .xlsx, f.eks. {out.stem}.xlsx", file=sys.stderr)
        return EXIT_USAGE
    try:
        plan, _files = require_valid(folder, today)
        period = plan.plan.period
        if year is not None and not period.start <= year <= period.end:
            print(f"plan: {year} er utenfor planperioden ({period.start}–{period.end})", file=sys.stderr)
            return EXIT_USAGE
        exported = export_workbook(plan, year=year or day.year, today=day, actor=actor, commit=head_commit(folder))
    except (PlanNotValid, ExportError) as error:
        print(f"plan: {error}. Arbeidsboken er ikke laget.", file=sys.stderr)
        return EXIT_FAILED
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with replacing(out) as partial:
            partial.write_bytes(exported.data)
    except OSError as error:
        print(f"plan: kunne ikke skrive {out}: {describe_os_error(error)}", file=sys.stderr)
        return EXIT_FAILED
    sheets = len(exported.info.sheets)
    print(
        f"Skrev {out}: {exported.rows} tiltak på {sheets} ark "
        f"({len(exported.data) / 1000:.0f} kB, {time.perf_counter() - started:.1f} s). Send arbeidsboken til de "
        "ansvarlige, og les svarene inn med «plan status import»."
    )
    return EXIT_OK


def import_(folder: Path, workbooks: list[Path], *, dry_run: bool, pr_body: Path | None, today: dt.date) -> int:
    started = time.perf_counter()
    try:
        result = import_status(folder, workbooks, today=today, write=not dry_run)
    except ImportFailed as error:
        print(f"plan: {error}. Ingenting er lest inn.", file=sys.stderr)
        return EXIT_FAILED
    for message in result.messages:
        print(message, file=sys.stderr)
    if result.errors:
        count = len(result.errors)
        print(
            f"Fant {count} feil. Ingenting er skrevet: rett feilene i arbeidsboken "
            "(eller i planen), og kjør kommandoen igjen.",
            file=sys.stderr,
        )
        return EXIT_FAILED
    if pr_body is not None:
        pr_body.write_text(describe(result), encoding="utf-8")
    print(summary(result, dry_run, time.perf_counter() - started))
    if dry_run and result.changes:
        print()
        print(result.changes, end="")
    return EXIT_OK


def summary(result: ImportResult, dry_run: bool, seconds: float) -> str:
    answers = len(result.updates) + len(result.already) + len(result.unchanged)
    books = len(result.workbooks)
    lines = [f"Leste {books} {'arbeidsbok' if books == 1 else 'arbeidsbøker'}: {answers} svar."]
    if result.updates:
        files = len(result.files)
        verb = "Ville lagt til" if dry_run else "La til"
        lines.append(
            f"{verb} {len(result.updates)} {'statusoppdatering' if len(result.updates) == 1 else 'statusoppdateringer'}"
            f" i {files} {'fil' if files == 1 else 'filer'}: {', '.join(str(p) for p in result.files)}."
        )
    else:
        lines.append("Ingenting å legge til.")
    lines += result.skipped()
    if dry_run:
        lines.append("Ingenting er skrevet (--dry-run).")
    elif result.updates:
        lines.append("Kjør «plan validate», se endringene med «plan diff», og lag en pull request.")
    lines.append(f"({seconds:.1f} s)")
    return "\n".join(lines)
