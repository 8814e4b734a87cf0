"""The print edition of the small test plan: a tagged, accessible PDF of the plan and a yearly status report, the
same bytes every time."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from conftest import ROOT, VALID_PLAN, not_source, run_plan, structure_elements
from schema import Plan
from scripts.pdf.document import plan_html
from scripts.validate.validator import validate_folder


@pytest.fixture(scope="module")
def report_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "rapport.pdf"
    result = run_plan("pdf", "--plan", str(VALID_PLAN), "--report", "2021", "--out", str(out))
    assert result.code == 0, result.stderr
    return out


def page_texts(path: Path) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages]


def test_the_pdf_is_tagged_with_a_structure_tree(plan_pdf: Path) -> None:
    with pikepdf.open(plan_pdf) as pdf:
        assert pdf.Root.MarkInfo.Marked is True
        kinds = {str(e.S) for e in structure_elements(pdf)}
    assert {"/H1", "/H2", "/H3", "/Table", "/TH", "/TD", "/Figure", "/P"} <= kinds


def test_the_document_language_is_norwegian_bokmal(plan_pdf: Path) -> None:
    with pikepdf.open(plan_pdf) as pdf:
        assert str(pdf.Root.Lang) == "nb"


def test_the_title_is_in_the_metadata_and_shown_in_the_window_title(plan_pdf: Path, valid_plan: Plan) -> None:
    with pikepdf.open(plan_pdf) as pdf:
        title = f"{valid_plan.plan.title} – gjeldende plan, versjon 1.0, status per 15. september 2021"
        assert str(pdf.docinfo["/Title"]) == title
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        with pdf.open_metadata() as xmp:
            assert xmp["dc:title"] == title


def test_every_font_is_embedded(plan_pdf: Path) -> None:
    not_embedded = []
    with pikepdf.open(plan_pdf) as pdf:
        for obj in pdf.objects:
            is_descriptor = isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/FontDescriptor"
            if is_descriptor and not any(key in obj for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                not_embedded.append(str(obj.get("/FontName")))
        descriptors = [
            o for o in pdf.objects if isinstance(o, pikepdf.Dictionary) and o.get("/Type") == "/FontDescriptor"
        ]
    assert descriptors and not_embedded == []


def test_every_chart_has_a_text_alternative(plan_pdf: Path, valid_plan: Plan) -> None:
    with pikepdf.open(plan_pdf) as pdf:
        figures = [e for e in structure_elements(pdf) if e.S == "/Figure"]
        alts = [str(f.get("/Alt", "")) for f in figures]
    assert len(figures) == 1 + 3 + len(valid_plan.indicators)
    assert all(len(alt) > 20 for alt in alts)


def test_the_title_of_every_measure_is_in_the_text(plan_pdf: Path, valid_plan: Plan) -> None:
    text = " ".join(page_texts(plan_pdf))
    missing = [m.title for _, _, m in valid_plan.measures() if " ".join(m.title.split()) not in text]
    assert missing == []


def test_each_table_of_contents_entry_points_to_the_page_where_its_chapter_starts(
    plan_pdf: Path, valid_plan: Plan
) -> None:
    texts = page_texts(plan_pdf)
    with pikepdf.open(plan_pdf) as pdf:
        names = pikepdf.NameTree(pdf.Root.Names.Dests)
        page_of = {page.objgen: number for number, page in enumerate(pdf.pages)}
        targets: dict[str, int] = {}
        for annot in pdf.pages[1].get("/Annots", []):
            if annot.get("/Subtype") == "/Link" and "/Dest" in annot:
                dest = names[str(annot.Dest)]
                dest = dest.D if isinstance(dest, pikepdf.Dictionary) else dest
                targets[str(annot.Dest)] = page_of[dest[0].objgen]
    headings = {
        "visjon": "Visjon og sammendrag",
        **{f"satsingsomrade-{fa.id}": f"{fa.id} {fa.title}" for fa in valid_plan.focus_areas},
        "rollematrise": "Rollematrise",
        "okonomi": "Økonomi",
        "indikatorer": "Indikatorer",
        "historikk": "Rulleringer og vedtak",
        "aktorer": "Aktører",
    }
    # Each focus area's goals are listed under it; a goal starts inside its chapter's pages, not at the top of one.
    goals = {
        f"mal-{goal.id.replace('.', '-')}": f"Mål {goal.id} {goal.title}"
        for fa in valid_plan.focus_areas
        for goal in fa.goals
    }
    assert set(targets) == set(headings) | set(goals)
    contents = texts[1]
    for anchor, page in targets.items():
        if anchor in goals:
            assert goals[anchor] in " ".join(texts[page].split()), f"{anchor} peker på side {page + 1}"
        else:
            assert texts[page].startswith(headings[anchor]), f"{anchor} peker på side {page + 1}"
        heading = goals.get(anchor) or headings[anchor]
        assert re.search(re.escape(heading) + r"[ .]*" + str(page + 1) + r"\b", contents), anchor


def test_the_cover_names_the_version_and_the_adopting_body(plan_pdf: Path) -> None:
    cover = page_texts(plan_pdf)[0]
    assert "Versjon 1.0 Første utgave" in cover
    assert "Styret i regionrådet, 23. april 2021" in cover
    assert "Eksempelinnhold" not in cover


def test_the_cover_carries_the_notice_when_a_focus_area_is_illustrative(tmp_path: Path, valid_plan: Plan) -> None:
    shutil.copytree(VALID_PLAN, tmp_path / "plan")
    area = tmp_path / "plan" / "satsingsomrader" / "1-nettverk.yaml"
    area.write_text("illustrative: true\n" + area.read_text(encoding="utf-8"), encoding="utf-8")
    marked, problems = validate_folder(tmp_path / "plan")
    assert problems == [] and marked is not None
    cover = plan_html(marked).split('<nav class="toc"')[0]
    assert "<strong>Eksempelinnhold</strong>" in cover
    assert "Eksempelinnhold" not in plan_html(valid_plan).split('<nav class="toc"')[0]


def test_pages_carry_the_running_header_and_side_x_av_y(plan_pdf: Path) -> None:
    texts = page_texts(plan_pdf)
    assert "Testplanen 1 Nettverk" in texts[3]
    assert f"Side 4 av {len(texts)}" in texts[3]


def test_two_builds_give_the_same_bytes(plan_pdf: Path, tmp_path: Path) -> None:
    again = tmp_path / "igjen.pdf"
    assert run_plan("pdf", "--plan", str(VALID_PLAN), "--out", str(again)).code == 0
    assert again.read_bytes() == plan_pdf.read_bytes()


@pytest.mark.slow  # a copy of the repository, and a Python of its own that imports from it
def test_a_build_from_another_folder_gives_the_same_bytes(plan_pdf: Path, tmp_path: Path) -> None:
    copy = tmp_path / "kopi"
    shutil.copytree(ROOT, copy, ignore=not_source)
    out = tmp_path / "kopi.pdf"
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from scripts.cli import main; sys.exit(main(sys.argv[1:]))",
            "pdf",
            "--plan",
            str(copy / VALID_PLAN.relative_to(ROOT)),
            "--out",
            str(out),
        ],
        cwd=copy,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(copy)},
    )
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == plan_pdf.read_bytes()


def test_the_status_report_shows_the_state_at_the_end_of_the_year(report_pdf: Path, valid_plan: Plan) -> None:
    text = " ".join(page_texts(report_pdf))
    with pikepdf.open(report_pdf) as pdf:
        assert str(pdf.docinfo["/Title"]).startswith("Statusrapport 2021")
        assert str(pdf.Root.Lang) == "nb"
    assert "Sammendrag: status ved utgangen av 2021" in text
    assert "Dette skjedde i 2021" in text
    started = [m for _, _, m in valid_plan.measures() if m.period.start <= 2021]
    assert f"{len(started)} tiltak hadde startet innen utgangen av 2021" in text


def test_a_report_year_outside_the_plan_period_is_a_usage_error() -> None:
    result = run_plan("pdf", "--plan", str(VALID_PLAN), "--report", "2019")
    assert result.code == 2
    assert "utenfor planperioden" in result.stderr
