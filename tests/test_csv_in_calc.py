"""The CSV files open in a Norwegian spreadsheet without an id turning into a date or a number.

LibreOffice Calc headless (Debian's `libreoffice-calc`, installed by `make test`) opens each CSV file of the open
data as a Norwegian user who double-clicks it does: semicolon-separated, UTF-8, language Norwegian Bokmål (nb-NO),
«detect special numbers» on, «quoted field as text» off (the dialogue's defaults), and saves it as a workbook that
openpyxl reads back. Every text column (the ids among them) must hold the text the file wrote, as text: «T1.1.1»,
not 1 January 2001; «S4», not the number 4. Written plainly, «1.1.1» does turn into a date there, quoted or not:
the last test shows it, so the check can fail. LibreOffice starts with a profile of its own, so these are `slow`.
"""

from __future__ import annotations

import csv
import io
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from tools import program

from conftest import ROOT
from scripts.site.open_data import TABLES, data_files
from scripts.validate.validator import validate_folder

pytestmark = pytest.mark.slow

#: The CSV import filter's options (https://help.libreoffice.org/latest/en-US/text/shared/guide/csv_params.html):
#: separator «;» (59), text delimiter «"» (34), UTF-8 (76), from line 1, no column formats, language nb-NO (1044),
#: quoted field as text off, detect special numbers on.
CALC_NB_NO = "CSV:59,34,76,1,,1044,false,true"


def opened_in_calc(csv_files: list[Path], work: Path) -> dict[str, Any]:
    """The files as LibreOffice Calc reads them with Norwegian settings, saved as workbooks: name → worksheet."""
    out, profile = work / "calc", work / "lo-profile"
    command = [program("soffice"), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore"]
    command += [f"--infilter={CALC_NB_NO}", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out)]
    done = subprocess.run([*command, *map(str, csv_files)], capture_output=True, text=True, timeout=300, check=False)
    books = {path.stem: out / f"{path.stem}.xlsx" for path in csv_files}
    assert done.returncode == 0 and all(book.exists() for book in books.values()), done.stdout + done.stderr
    return {name: openpyxl.load_workbook(book).active for name, book in books.items()}


def written(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=";"))


def changed_text_cells(sheet: Any, rows: list[list[str]], text_columns: set[int]) -> list[str]:
    """The cells of the text columns that Calc did not keep as the text the file wrote."""
    found = []
    for row, cells in zip(rows[1:], sheet.iter_rows(min_row=2), strict=True):
        for index in text_columns:
            value, cell = row[index], cells[index]
            if value and (cell.data_type != "s" or cell.value != value):
                found.append(f"{rows[0][index]}: {value!r} → {cell.value!r}")
    return found


@pytest.fixture(scope="module")
def shipped_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    plan, _ = validate_folder(ROOT / "plan")
    assert plan is not None
    folder = tmp_path_factory.mktemp("open-data")
    for name, content in data_files(plan, workbook=False).items():
        if name.endswith(".csv"):
            (folder / Path(name).name).write_text(str(content), encoding="utf-8")
    return folder


def test_every_text_column_of_every_csv_file_reads_back_as_written_in_norwegian_calc(
    shipped_data: Path, tmp_path: Path
) -> None:
    paths = [shipped_data / f"{table.name}.csv" for table in TABLES]
    sheets = opened_in_calc(paths, tmp_path)
    ids_seen = 0
    for table in TABLES:
        rows = written(shipped_data / f"{table.name}.csv")
        assert rows[0] == list(table.header)
        text_columns = {i for i, column in enumerate(table.columns) if column.type == "string"}
        assert changed_text_cells(sheets[table.name], rows, text_columns) == [], table.name
        ids_seen += sum(1 for row in rows[1:] for i, c in enumerate(table.columns) if c.csv_prefix and row[i])
    assert ids_seen > 100  # the numbered ids were there to be read


def test_the_measures_numbers_read_back_as_text_with_their_letter(shipped_data: Path, tmp_path: Path) -> None:
    sheet = opened_in_calc([shipped_data / "tiltak.csv"], tmp_path)["tiltak"]
    first = next(sheet.iter_rows(min_row=2, max_col=5, values_only=True))
    assert first == ("T1.1.1", "Klyngeprogram for logistikk og luftfart", "S1", "Nettverk og klynger", "M1.1")


def test_plain_numbers_would_turn_into_dates_and_numbers_quoted_or_not(tmp_path: Path) -> None:
    """Why the letters: the same ids without them, plain and quoted, do not survive."""
    plain = tmp_path / "plain.csv"
    plain.write_text('\ufeffid;tekst\n1.1.1;"1.1.1"\n1.1;"1.1"\n4;"4"\n', encoding="utf-8")
    sheet = opened_in_calc([plain], tmp_path)["plain"]
    kinds = [cell.data_type for row in sheet.iter_rows(min_row=2) for cell in row]
    assert kinds == ["d", "d", "d", "d", "n", "n"]
