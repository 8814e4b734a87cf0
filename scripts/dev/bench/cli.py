"""``python -m scripts.dev.bench``: the command line of the benchmark, and of the children it starts for one stage
(``--stage NAME --plan FOLDER --work FOLDER``, which prints the stage's timings as JSON)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from scripts.dev.bench.common import ROOT
from scripts.dev.bench.run import bench, builds_only, serve_only, status_only
from scripts.dev.bench.stages import run_stage

SIZES = [100, 1000, 5000]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.dev.bench", description="Mål tid og minne for hvert steg og skriv BENCHMARKS.md."
    )
    parser.add_argument("--sizes", type=int, nargs="*", default=SIZES, help="antall tiltak i de syntetiske planene")
    parser.add_argument("--runs", type=int, default=3, help="kjøringer per steg (minst 3 gir en median)")
    parser.add_argument(
        "--large-runs",
        type=int,
        default=1,
        help="kjøringer av de tregeste målingene: MkDocs for 5 000 tiltak og kald plan build for 1 000 tiltak",
    )
    parser.add_argument("--pdf-limit", type=int, default=1000, help="største plan det lages PDF av")
    parser.add_argument("--serve-edits", type=int, default=5, help="endringer målt i plan serve (0: ikke mål)")
    parser.add_argument(
        "--serve-only", action="store_true", help="mål bare plan serve og skriv resultatet her (ikke BENCHMARKS.md)"
    )
    parser.add_argument(
        "--status-only", action="store_true", help="mål bare statusrunden og skriv resultatet her (ikke BENCHMARKS.md)"
    )
    parser.add_argument(
        "--builds-only",
        action="store_true",
        help="mål bare plan build (kald, uten endringer, etter én endring) og skriv resultatet her (ikke i rapporten)",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "BENCHMARKS.md", help="rapporten (BENCHMARKS.md)")
    parser.add_argument("--stage", help=argparse.SUPPRESS)
    parser.add_argument("--plan", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.stage:
        print(json.dumps(run_stage(args.stage, args.plan, args.work)))
        return 0
    if args.status_only:
        print(status_only(args.sizes, args.runs))
        return 0
    if args.builds_only:
        print(builds_only(args.runs, args.large_runs))
        return 0
    if args.serve_only:
        print(serve_only(args.serve_edits))
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
