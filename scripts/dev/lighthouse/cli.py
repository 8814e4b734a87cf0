"""The command line: build or take the site, serve it with gzip, run Lighthouse on the five pages and print the
scores (the median performance of ``--runs`` runs, the lowest of the other scores) with the machine's load."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from scripts.dev.bench.common import BIN, ROOT, nb
from scripts.dev.lighthouse.report import HEADING, with_section
from scripts.dev.lighthouse.run import CATEGORIES, METRICS, PAGES, Lighthouse, Report, find_cli
from scripts.dev.lighthouse.serve import serving

#: The categories asserted by tests/test_lighthouse.py: they do not depend on the machine's load.
ASSERTED = ("accessibility", "best-practices", "seo")


@dataclass(frozen=True)
class PageResult:
    """A page's reports, one a run, and the load average (1 minute) after each run."""

    name: str
    reports: list[Report]
    loads: list[float]

    def score(self, category: str) -> int:
        values = [r.scores[category] for r in self.reports]
        return round(statistics.median(values)) if category == "performance" else min(values)

    def performance_range(self) -> str:
        values = sorted(r.scores["performance"] for r in self.reports)
        return f"{values[0]}–{values[-1]}" if values[0] != values[-1] else str(values[0])

    def metric(self, name: str) -> float:
        return statistics.median(r.metrics.get(name, 0.0) for r in self.reports)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.dev.lighthouse",
        description="Kjør Lighthouse (mobil, simulert struping) på fem sider av nettstedet, servert med gzip.",
    )
    parser.add_argument("--site", type=Path, help="et bygget nettsted (standard: bygg plan/ med «plan build»)")
    parser.add_argument("--runs", type=int, default=3, help="kjøringer per side (ytelse: medianen)")
    parser.add_argument("--lighthouse", type=Path, help="Lighthouses cli/index.js (standard: fra «make test»)")
    parser.add_argument("--chrome", default="/usr/bin/chromium", help="nettleseren Lighthouse styrer")
    parser.add_argument("--write", type=Path, help="skriv resultatet som avsnittet om Lighthouse i denne filen")
    args = parser.parse_args(argv)
    cli = args.lighthouse or find_cli(ROOT / ".venv" / "share")
    node = shutil.which("node")
    if cli is None or node is None:
        print("Lighthouse eller Node.js mangler: kjør «make test», som installerer dem.", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as work:
        site = args.site or _build(Path(work) / "site")
        if site is None:
            return 1
        results = measure(Lighthouse(node, cli, args.chrome), site, max(args.runs, 1))
    if isinstance(results, str):
        print(results, file=sys.stderr)
        return 1
    print(table(results))
    if args.write:
        old = args.write.read_text(encoding="utf-8") if args.write.exists() else ""
        args.write.write_text(with_section(old, markdown(results)), encoding="utf-8")
        print(f"Skrev avsnittet «{HEADING.removeprefix('## ')}» i {args.write}.", file=sys.stderr)
    return 0 if all(r.score(c) == 100 for r in results for c in ASSERTED) else 1


def _build(out: Path) -> Path | None:
    print("Bygger nettstedet av plan/ …", file=sys.stderr)
    done = subprocess.run([str(BIN / "plan"), "build", "--plan", str(ROOT / "plan"), "--out", str(out)], check=False)
    return out if done.returncode == 0 else None


def measure(lighthouse: Lighthouse, site: Path, runs: int) -> list[PageResult] | str:
    """Every page ``runs`` times, one page after the other (never two Chromiums at once)."""
    results = []
    with serving(site) as url:
        for name, path in PAGES.items():
            reports, loads = [], []
            for run in range(runs):
                report = lighthouse.audit(url + path, list(CATEGORIES))
                if isinstance(report, str):
                    return report
                reports.append(report)
                loads.append(os.getloadavg()[0])
                print(f"{name}, kjøring {run + 1}: {report.scores}", file=sys.stderr)
            results.append(PageResult(name, reports, loads))
    return results


def table(results: list[PageResult]) -> str:
    """The scores per page as aligned text, then the audits that cost points in the asserted categories."""
    heads = ["Side", *CATEGORIES.values(), "Ytelse (alle)", *METRICS.values(), "Last"]
    rows = [heads, *(_row(r) for r in results)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(heads))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) for row in rows]
    for result in results:
        for category in ASSERTED:
            failing = sorted({line for report in result.reports for line in report.failing.get(category, [])})
            if failing:
                lines.append(f"{result.name}, {CATEGORIES[category]}:")
                lines.extend(f"  {line}" for line in failing)
    return "\n".join(lines)


def markdown(results: list[PageResult]) -> str:
    """The section of BENCHMARKS.md: the table, how it was measured, the load."""
    version = results[0].reports[0].version if results else "?"
    runs = len(results[0].reports) if results else 0
    heads = ["Side", *CATEGORIES.values(), "Ytelse (alle)", *METRICS.values(), "Last"]
    rows = [heads, ["---"] * len(heads), *(_row(r) for r in results)]
    return "\n".join(
        [
            HEADING,
            "",
            f"Målt {dt.date.today():%d.%m.%Y} med `python -m scripts.dev.lighthouse --write BENCHMARKS.md`: Lighthouse "
            f"{version} med standardinnstillingene for mobil (simulert struping), {runs} kjøringer per side, "
            "nettstedet for den leverte planen servert med gzip og sikkerhetshodene fra `_headers` på localhost. "
            "Ytelse er medianen (og spennet mellom kjøringene), de andre poengene den laveste; FCP, LCP, TBT og SI i "
            "millisekunder og CLS, som medianer. «Last» er maskinens belastning (snitt siste minutt) etter "
            f"kjøringene, på en maskin med {os.cpu_count()} kjerner: ytelsen avhenger av den, de andre poengene ikke "
            "(dem sjekker `tests/test_lighthouse.py`).",
            "",
            *("| " + " | ".join(row) + " |" for row in rows),
            "",
        ]
    )


def _row(result: PageResult) -> list[str]:
    scores = [str(result.score(c)) for c in CATEGORIES]
    metrics = [nb(result.metric(m), 3) if m == "cumulative-layout-shift" else nb(result.metric(m), 0) for m in METRICS]
    loads = "–".join(nb(load, 1) for load in (min(result.loads), max(result.loads)))
    return [result.name, *scores, result.performance_range(), *metrics, loads]
