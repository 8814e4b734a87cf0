"""``python -m scripts.dev.synth --measures N OUT``: the command line of the synthetic plan."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scripts.dev.synth.files import write


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.dev.synth", description="Skriver en syntetisk, gyldig plan med N tiltak i mappen UT."
    )
    parser.add_argument("--measures", type=int, required=True, metavar="N", help="antall tiltak (minst 1)")
    parser.add_argument("out", type=Path, metavar="UT", help="mappen planen skrives til")
    args = parser.parse_args(argv)
    if args.measures < 1:
        parser.error("--measures må være minst 1")
    try:
        write(args.measures, args.out)
    except FileExistsError as error:
        print(f"Feil: {error}. Velg en tom mappe.", file=sys.stderr)
        return 2
    return 0
