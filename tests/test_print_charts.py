"""The print edition's charts and roles matrix: every piece of text in the shipped fonts, and a roles matrix a
council member reads without a key to abbreviations (focus areas named in the header, counts in words, sums)."""

from __future__ import annotations

import base64
import re
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from tools import program

from schema import Plan
from scripts.core.queries import plain_name
from scripts.pdf.document import PRINT, PRINT_FONT, area_short, plan_html

#: The name of an embedded font in `pdffonts`: a subset tag, then the family and style WeasyPrint gives it.
SHIPPED_FONT_NAME = re.compile(r"[A-Z]{6}\+Plan-Sans(-Bold|-Italic|-BoldItalic)?")


def font_names(pdf: Path) -> list[str]:
    """The fonts `pdffonts` lists for the PDF: the first column after the two header lines."""
    listing = subprocess.run([program("pdffonts"), str(pdf)], capture_output=True, text=True, check=True).stdout
    return [line.split()[0] for line in listing.splitlines()[2:] if line.strip()]


# --------------------------------------------------------------------------------------------------------
# Fonts
# --------------------------------------------------------------------------------------------------------


def test_the_print_styles_take_every_font_from_the_shipped_files() -> None:
    css = (PRINT / "print.css").read_text(encoding="utf-8")
    faces = re.findall(r"@font-face\s*\{([^}]*)\}", css)
    assert faces
    for face in faces:
        assert f'font-family: "{PRINT_FONT}"' in face
        source = re.search(r"src:\s*url\(fonts/([^)]+)\)", face)
        assert source is not None and (PRINT / "fonts" / source.group(1)).is_file()


def test_charts_in_print_name_the_shipped_font_family(valid_plan: Plan) -> None:
    html = plan_html(valid_plan)
    charts = [base64.b64decode(data).decode() for data in re.findall(r"data:image/svg\+xml;base64,([^\"]+)", html)]
    assert charts
    for svg in charts:
        assert re.findall(r'font-family="([^"]*)"', svg) == [PRINT_FONT]


def test_pdffonts_lists_only_the_shipped_fonts(plan_pdf: Path) -> None:
    names = font_names(plan_pdf)
    assert any("Plan-Sans" in name for name in names)
    assert [name for name in names if not SHIPPED_FONT_NAME.fullmatch(name)] == []


# --------------------------------------------------------------------------------------------------------
# Roles matrix
# --------------------------------------------------------------------------------------------------------


class RolesTable(HTMLParser):
    """The rows of <table class="roles"> as lists of cell texts, and the text just before the table."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.inside = False
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table" and dict(attrs).get("class") == "roles":
            self.inside = True
        elif self.inside and tag == "tr":
            self.rows.append([])
        elif self.inside and tag in ("th", "td"):
            self.cell = []
        elif self.cell is not None and tag == "br":
            self.cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self.inside = False
        elif self.cell is not None and tag in ("th", "td"):
            self.rows[-1].append(" ".join("".join(self.cell).split()))
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def roles_section(plan: Plan) -> str:
    html = plan_html(plan)
    start = html.index('<section id="rollematrise">')
    return html[start : html.index("</section>", start)]


def roles_rows(plan: Plan) -> list[list[str]]:
    parser = RolesTable()
    parser.feed(roles_section(plan))
    return parser.rows


def in_words(leads: int, others: int) -> str:
    parts = ([f"{leads} ansvarlig"] if leads else []) + ([f"{others} deltar"] if others else [])
    return " ".join(parts) or "–"


def counted_roles(plan: Plan) -> Counter[tuple[str, str, bool]]:
    """(actor, focus area, lead?) → number of roles, straight from the plan's measures."""
    leads = {t.id for t in plan.vocabulary.role_types if t.lead}
    return Counter(
        (role.actor, fa.id, role.role in leads)
        for fa in plan.focus_areas
        for goal in fa.goals
        for measure in goal.measures
        for role in measure.roles
    )


def test_the_matrix_header_names_each_focus_area_and_the_key_gives_the_full_names(valid_plan: Plan) -> None:
    header = roles_rows(valid_plan)[0]
    areas = valid_plan.focus_areas
    assert header == ["Aktør", *(f"{fa.id} {area_short(fa.title)}" for fa in areas), "Sum"]
    key = roles_section(valid_plan).split('<table class="roles">')[0]
    assert all(f"{fa.id} {fa.title}" in key for fa in areas)


def test_each_cell_counts_the_roles_in_words(valid_plan: Plan) -> None:
    counted = counted_roles(valid_plan)
    names = {a.id: a for a in valid_plan.actors}
    body = roles_rows(valid_plan)[1:-1]
    actors = [a for a in valid_plan.actors if any(key[0] == a.id for key in counted)]
    assert len(body) == len(actors)
    for actor, row in zip(actors, body, strict=True):
        assert row[0] == plain_name(names[actor.id])
        expected = [
            in_words(counted[actor.id, fa.id, True], counted[actor.id, fa.id, False]) for fa in valid_plan.focus_areas
        ]
        total = in_words(
            sum(n for (a, _, lead), n in counted.items() if a == actor.id and lead),
            sum(n for (a, _, lead), n in counted.items() if a == actor.id and not lead),
        )
        assert row[1:] == [*expected, total]


def test_the_last_row_sums_each_focus_area_and_the_whole_plan(valid_plan: Plan) -> None:
    counted = counted_roles(valid_plan)
    sums = roles_rows(valid_plan)[-1]
    expected = [
        in_words(
            sum(n for (_, area, lead), n in counted.items() if area == fa.id and lead),
            sum(n for (_, area, lead), n in counted.items() if area == fa.id and not lead),
        )
        for fa in valid_plan.focus_areas
    ]
    everything = in_words(sum(n for k, n in counted.items() if k[2]), sum(n for k, n in counted.items() if not k[2]))
    assert sums == ["Sum", *expected, everything]


def test_the_matrix_explains_its_words_and_uses_no_abbreviation(valid_plan: Plan) -> None:
    section = roles_section(valid_plan)
    assert "<strong>ansvarlig</strong>" in section
    assert "<strong>deltar</strong>" in section
    for row in roles_rows(valid_plan)[1:]:
        for cell in row[1:]:
            assert re.fullmatch(r"–|(\d+ ansvarlig)?( ?\d+ deltar)?", cell), cell


@pytest.mark.parametrize(
    ("title", "short"),
    [
        ("Nettverk og klynger", "Nettverk"),
        ("Samarbeid på tvers av kommunegrensene", "Samarbeid"),
        ("Attraktiv region å bo og arbeide i", "Attraktiv region"),
        ("Klima", "Klima"),
    ],
)
def test_a_focus_areas_short_name_is_its_first_word_or_two(title: str, short: str) -> None:
    assert area_short(title) == short


def test_the_matrix_in_the_pdf_reads_in_words_on_one_page(plan_pdf: Path, valid_plan: Plan) -> None:
    pages = subprocess.run(
        [program("pdftotext"), str(plan_pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    page = next(p for p in pages.split("\f") if "\nRollematrise\n" in f"\n{p}" and "Aktør" in p)
    assert "ansvarlig" in page and "deltar" in page
    assert all(fa.title.split()[0] in page for fa in valid_plan.focus_areas)
    assert not re.search(r"\d A, \d D", page)
