"""PDF/UA in the structure tree of the small test plan's print edition and its status report for 2021: the IDs
that table cells' /Headers name resolve through the /IDTree, years and labels in budget tables are row headers,
a link is described by the words it shows, every table of the report has a caption; and every font in both PDFs
is a shipped one."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pikepdf
import pytest
from tools import program

from conftest import VALID_PLAN, run_plan, structure_elements
from scripts.pdf.document import PRINT

#: What an anchor name looks like («satsingsomrade-1», «okonomi»): no description for a reader.
ANCHOR = re.compile(r"^[a-z0-9-]+$")


@pytest.fixture(scope="module")
def report_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf-ua") / "rapport.pdf"
    result = run_plan("pdf", "--plan", str(VALID_PLAN), "--report", "2021", "--case", "PS 12/26", "--out", str(out))
    assert result.code == 0, result.stderr
    return out


def children(element: pikepdf.Dictionary) -> list[pikepdf.Dictionary]:
    kids = element.get("/K")
    kids = kids if isinstance(kids, pikepdf.Array) else [kids]
    return [k for k in kids if isinstance(k, pikepdf.Dictionary) and "/S" in k]


def id_tree(pdf: pikepdf.Pdf) -> dict[str, pikepdf.Object]:
    tree = pikepdf.NameTree(pdf.Root.StructTreeRoot.IDTree)
    return {str(key): value for key, value in tree.items()}


@pytest.mark.parametrize("which", ["plan", "report"])
def test_every_header_id_a_cell_names_resolves_through_the_id_tree(
    which: str, plan_pdf: Path, report_pdf: Path
) -> None:
    with pikepdf.open(plan_pdf if which == "plan" else report_pdf) as pdf:
        ids = id_tree(pdf)
        named = [
            str(h)
            for e in structure_elements(pdf)
            if isinstance(e.get("/A"), pikepdf.Dictionary) and "/Headers" in e.A
            for h in e.A.Headers
        ]
        assert named, "the tables' data cells should name their headers"
        assert set(named) <= set(ids)
        for key, element in ids.items():
            assert element.S == "/TH" and str(element.ID) == key


def test_years_and_labels_in_the_budget_tables_are_row_headers(plan_pdf: Path) -> None:
    with pikepdf.open(plan_pdf) as pdf:
        rows = [
            [c for c in children(row)]
            for table in structure_elements(pdf)
            if table.S == "/Table"
            for part in children(table)
            if part.S == "/TBody"
            for row in children(part)
            if row.S == "/TR"
        ]
        # A budget table's body row: a header cell and three figures (Bevilget, Planlagt, Sum).
        budget = [cells for cells in rows if len(cells) == 4 and cells[0].S == "/TH"]
        assert len(budget) >= 5
        assert all(cells[0].A.Scope == "/Row" for cells in budget)
        assert all(
            c.S == "/TD" and str(cells[0].ID) in [str(h) for h in c.A.Headers] for cells in budget for c in cells[1:]
        )
        headings = [e for e in structure_elements(pdf) if e.S == "/TH" and e.A.get("/Scope") == "/Column"]
        assert headings, "the column headings should keep the scope Column"


@pytest.mark.parametrize("which", ["plan", "report"])
def test_every_link_is_described_by_the_words_it_shows(which: str, plan_pdf: Path, report_pdf: Path) -> None:
    with pikepdf.open(plan_pdf if which == "plan" else report_pdf) as pdf:
        descriptions = [str(a.Contents) for page in pdf.pages for a in page.get("/Annots", []) if a.Subtype == "/Link"]
        targets = [str(a.Dest) for page in pdf.pages for a in page.get("/Annots", []) if "/Dest" in a]
    assert descriptions
    assert not [d for d in descriptions if ANCHOR.match(d)]
    if which == "plan":
        assert "satsingsomrade-1" in targets and "1 Nettverk" in descriptions
        assert "Visjon og sammendrag" in descriptions and "Økonomi" in descriptions


def test_every_table_in_the_report_has_a_caption(report_pdf: Path) -> None:
    with pikepdf.open(report_pdf) as pdf:
        tables = [e for e in structure_elements(pdf) if e.S == "/Table"]
        assert len(tables) >= 4
        assert all(next(c.S for c in children(t)) == "/Caption" for t in tables)


def shipped_font_files() -> set[str]:
    return set(re.findall(r"url\(fonts/([^)]+)\)", (PRINT / "print.css").read_text(encoding="utf-8")))


@pytest.mark.parametrize("which", ["plan", "report"])
def test_every_font_in_the_pdf_is_a_shipped_liberation_font(which: str, plan_pdf: Path, report_pdf: Path) -> None:
    """pdffonts lists only the family print.css declares («Plan Sans», whose every face is a Liberation Sans file
    in templates/print/fonts): no glyph came from a font of the machine (DejaVu Sans for ✓, say)."""
    assert shipped_font_files() and all(f.startswith("LiberationSans-") for f in shipped_font_files())
    listed = subprocess.run(
        [program("pdffonts"), str(plan_pdf if which == "plan" else report_pdf)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()[2:]
    names = {line.split()[0].split("+", 1)[-1] for line in listed}
    assert names and names <= {"Plan-Sans", "Plan-Sans-Bold", "Plan-Sans-Italic", "Plan-Sans-BoldItalic"}
