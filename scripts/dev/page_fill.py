"""How full each page of a PDF is: the lowest ink on the page, text or drawing, as a share of the type area.

    python -m scripts.dev.page_fill PDF [--limit 0.6] [--top 24] [--bottom 22]

A page is rendered in grey at a low resolution with ``pdftoppm``; its fill is how far down the type area (the page
less the top and bottom margins, in millimetres, where the running header and footer stand) the lowest row with a
dark pixel lies: 0 for an empty page, 1 for a page written to its foot. Charts count as much as text, which
``pdftotext``'s word boxes would miss. Prints one line per page and how many pages are at most ``--limit`` full.
Needs poppler-utils.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PIL import Image

#: Pixels per inch: enough to see one line of 8.5 pt text, cheap for hundreds of pages.
DPI = 40
#: A pixel darker than this (0 black, 255 white) is ink; the lightest fills of the print edition are lighter.
INK = 200
MM_PER_INCH = 25.4


def page_fills(pdf: Path, top_mm: float = 24.0, bottom_mm: float = 22.0) -> list[float]:
    """The fill of every page of `pdf`, in page order."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        raise RuntimeError("pdftoppm (poppler-utils) trengs")
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([pdftoppm, "-gray", "-r", str(DPI), "-png", str(pdf), f"{folder}/p"], check=True)
        pictures = sorted(Path(folder).glob("p-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        return [_fill(Image.open(p), top_mm, bottom_mm) for p in pictures]


def _fill(picture: Image.Image, top_mm: float, bottom_mm: float) -> float:
    """How far down the type area the lowest ink of one page lies, from 0 to 1."""
    grey = picture.convert("L")
    width, height = grey.size
    per_mm = DPI / MM_PER_INCH
    top, bottom = round(top_mm * per_mm), height - round(bottom_mm * per_mm)
    ink = grey.point(lambda v: 255 if v < INK else 0).crop((0, top, width, bottom))
    box = ink.getbbox()
    return 0.0 if box is None else box[3] / (bottom - top)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="page_fill", description=__doc__.split("\n\n")[0])
    parser.add_argument("pdf", type=Path)
    parser.add_argument("--limit", type=float, default=0.6, help="a page at most this full counts as near-empty")
    parser.add_argument("--top", type=float, default=24.0, help="top margin in mm")
    parser.add_argument("--bottom", type=float, default=22.0, help="bottom margin in mm")
    parser.add_argument("--quiet", action="store_true", help="only the summary line")
    args = parser.parse_args(argv)
    fills = page_fills(args.pdf, args.top, args.bottom)
    low = [n for n, fill in enumerate(fills, start=1) if fill <= args.limit]
    if not args.quiet:
        for n, fill in enumerate(fills, start=1):
            print(f"{n:4d} {fill:5.0%}{'  *' if fill <= args.limit else ''}")
    print(f"{len(low)} av {len(fills)} sider er høyst {args.limit:.0%} fulle: {', '.join(map(str, low))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
