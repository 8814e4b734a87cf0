"""The picture of the status workbook on the guide page «Statusrunden»: the first actor sheet of the workbook
``plan status export`` makes from ``plan/``, as LibreOffice Calc prints it, cropped to the table.

    python -m scripts.dev.workbook_picture [--plan plan] [--out docs/assets/veiledning/statusrunden-arbeidsbok.png]

Steps: export the workbook (the day is ``SOURCE_DATE_EPOCH``'s, else today's), keep only the first actor sheet
(openpyxl), print it to PDF with ``soffice --headless --convert-to pdf``, render the first page with ``pdftoppm``
and crop it to the table with a small white margin (Pillow), about 1200 pixels wide. Needs LibreOffice Calc and
poppler-utils (``make test`` installs Calc).
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from openpyxl import load_workbook  # type: ignore[import-untyped]
from PIL import Image, ImageChops

from scripts import REPOSITORY
from scripts.core.dates import today
from scripts.editor.status.export import export_workbook
from scripts.editor.status.layout import GUIDE_SHEET, META_SHEET
from scripts.validate.validator import validate_folder

PICTURE = REPOSITORY / "docs" / "assets" / "veiledning" / "statusrunden-arbeidsbok.png"
WIDTH = 1200
MARGIN = 16
#: Pixels per inch for pdftoppm: an A4 landscape page is 11.7 inches wide, so the table gets well over WIDTH.
DPI = 150


def first_actor_sheet(plan_dir: Path) -> bytes:
    """The exported workbook with only its first actor sheet left."""
    day = today()
    plan, problems = validate_folder(plan_dir, day)
    if plan is None:
        raise SystemExit("\n".join(str(p) for p in problems))
    exported = export_workbook(plan, year=day.year, today=day)
    book = load_workbook(io.BytesIO(exported.data))
    for name in (GUIDE_SHEET, META_SHEET, *list(exported.info.sheets)[1:]):
        book.remove(book[name])
    sheet = book.worksheets[0]
    sheet.oddFooter.left.text = sheet.oddFooter.right.text = None  # the picture is the sheet's name and its table
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def render(workbook: bytes, folder: Path) -> Image.Image:
    """The workbook's first printed page, as LibreOffice prints it."""
    source = folder / "arbeidsbok.xlsx"
    source.write_bytes(workbook)
    run = ["soffice", "--headless", f"-env:UserInstallation=file://{folder / 'profile'}"]
    subprocess.run([*run, "--convert-to", "pdf", "--outdir", str(folder), str(source)], check=True, capture_output=True)
    pdf = folder / "arbeidsbok.pdf"
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(DPI), "-f", "1", "-l", "1", str(pdf), str(folder / "side")], check=True
    )
    page = next(folder.glob("side*.png"))
    return Image.open(page).convert("RGB")


def cropped(page: Image.Image) -> Image.Image:
    """The page cut to what is printed on it, with a white margin, scaled to WIDTH pixels."""
    background = Image.new("RGB", page.size, "white")
    box = ImageChops.difference(page, background).getbbox()
    if box is None:
        raise SystemExit("siden er tom")
    left, top, right, bottom = box
    table = page.crop((max(0, left - MARGIN), max(0, top - MARGIN), right + MARGIN, bottom + MARGIN))
    if table.width > WIDTH:
        table = table.resize((WIDTH, round(table.height * WIDTH / table.width)), Image.Resampling.LANCZOS)
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plan", type=Path, default=REPOSITORY / "plan")
    parser.add_argument("--out", type=Path, default=PICTURE)
    args = parser.parse_args(argv)
    for tool in ("soffice", "pdftoppm"):
        if shutil.which(tool) is None:
            print(f"{tool} mangler (LibreOffice Calc og poppler-utils)", file=sys.stderr)
            return 1
    with tempfile.TemporaryDirectory(prefix="arbeidsbok-") as temp:
        picture = cropped(render(first_actor_sheet(args.plan), Path(temp)))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    picture.save(args.out, optimize=True)
    print(f"Skrev {args.out} ({picture.width} × {picture.height} px)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
