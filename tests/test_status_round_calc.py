"""A status workbook that has been through LibreOffice Calc imports as the one openpyxl wrote.

Leads open the workbook in Excel or LibreOffice and save it again, which rewrites all of it: shared strings, styles,
dates, the hidden «Eksportdata» sheet, formulas with their computed values. Here LibreOffice headless
(`soffice --convert-to xlsx`, Debian's `libreoffice-calc`, installed by `make test`) re-saves workbooks filled in
with openpyxl, and the import must give exactly the same new plan files as from the original. These tests start
LibreOffice, each with a profile of its own, so they are `slow`.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from test_status_round import HURDAL, NES, errors, files, filled, newest, run
from tools import program

from conftest import VALID_PLAN

pytestmark = pytest.mark.slow


def resaved(book: Path, work: Path) -> Path:
    """The workbook opened and saved again as .xlsx by LibreOffice Calc, in a folder of its own."""
    out = work / "libreoffice"
    profile = work / "lo-profile"
    command = [program("soffice"), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore"]
    command += ["--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(book)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    saved = out / book.name
    assert done.returncode == 0 and saved.exists(), done.stdout + done.stderr
    assert saved.read_bytes() != book.read_bytes()
    return saved


def plan_copy(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / name / "plan"
    shutil.copytree(VALID_PLAN, folder)
    return folder


def test_an_unanswered_workbook_resaved_by_libreoffice_imports_nothing_and_no_problem(tmp_path: Path) -> None:
    folder = plan_copy(tmp_path, "plan")
    before = files(folder)
    book = resaved(filled(folder, {}), tmp_path)

    result = run(folder, book)

    assert [str(m) for m in result.messages] == []
    assert result.updates == [] and files(folder) == before


def test_a_filled_in_workbook_resaved_by_libreoffice_gives_the_same_new_files_as_the_original(tmp_path: Path) -> None:
    original, through_calc = plan_copy(tmp_path, "original"), plan_copy(tmp_path, "calc")
    answers = {
        (NES, 2): {"new_status": "Fullført", "text": "Nettverket har 40 bedrifter.\nSlutt: «ferdig» & vel."},
        (HURDAL, 2): {"new_status": "Utsatt"},
    }
    book = filled(original, answers)
    copy = resaved(book, tmp_path)
    before = files(original)

    assert errors(run(original, book)) == []
    assert errors(run(through_calc, copy)) == []

    assert files(original) != before
    assert files(through_calc) == files(original)


def test_a_formula_resaved_by_libreoffice_is_read_as_its_saved_value(tmp_path: Path) -> None:
    folder = plan_copy(tmp_path, "plan")
    book = resaved(filled(folder, {(NES, 2): {"new_status": '="Full"&"ført"', "text": "Ferdig."}}), tmp_path)

    result = run(folder, book)

    assert errors(result) == []
    assert newest(folder, "1.1.1") == ("2026-12-31", "fullført", "Ferdig.")
