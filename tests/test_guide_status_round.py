"""The guide page «Statusrunden»: the steps of the status round, with the workbook's columns and the plan's
statuses as they are, the commands, the import's real messages for typical mistakes, and the workbook's picture."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, VALID_PLAN
from schema import Plan
from scripts.editor.guide import status_round
from scripts.editor.status.layout import COLUMNS
from scripts.present.lookups import SiteOptions
from scripts.publish.providers import render_pages
from scripts.validate.validator import validate_folder

PATH = "veiledning/statusrunden.md"


@pytest.fixture(scope="module")
def page(valid_plan: Plan) -> str:
    return render_pages(valid_plan, SiteOptions(edit_base=None, plan_dir=VALID_PLAN))[PATH]


def table_rows(page: str, header: str) -> list[str]:
    """The first cells of the Markdown table whose header row begins with `header`."""
    lines = page.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"| {header} |"))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append(line.split("|")[1].strip())
    return rows


def test_the_page_is_part_of_the_guide_and_linked_from_its_index(valid_plan: Plan) -> None:
    pages = render_pages(valid_plan, SiteOptions(edit_base=None, plan_dir=VALID_PLAN))
    assert PATH in pages
    assert "](statusrunden.md)" in pages["veiledning/index.md"]
    assert pages[PATH].startswith("---\ntitle: Statusrunden\n")


def test_the_columns_are_the_workbooks_columns_split_into_locked_and_fill_in(page: str) -> None:
    assert table_rows(page, "Kolonne") == [c.title for c in COLUMNS if not c.fill_in]
    later = page.split("| Kolonne | Hva den ansvarlige skriver |", 1)[1]
    assert table_rows("| Kolonne | Hva den ansvarlige skriver |" + later, "Kolonne") == [
        c.title for c in COLUMNS if c.fill_in
    ]


def test_every_column_is_explained() -> None:
    assert set(status_round.MEANING) == {c.key for c in COLUMNS}


def test_the_statuses_are_the_vocabularys_labels_in_order(valid_plan: Plan, page: str) -> None:
    statuses = sorted(valid_plan.vocabulary.statuses, key=lambda s: s.order)
    assert table_rows(page, "Status") == [s.label for s in statuses]


@pytest.mark.parametrize(
    "command",
    [
        ".venv/bin/plan status export --out statusrunde-ÅR.xlsx",
        "--actor nes-kommune",
        "--year ÅR",
        ".venv/bin/plan status import ../svar-ÅR/*.xlsx --dry-run",
        ".venv/bin/plan status import ../svar-ÅR/*.xlsx --pr-body pr.md",
        "git switch -c statusrunde-ÅR",
        ".venv/bin/plan validate",
        'git commit -m "Statusrunden ÅR"',
        "git push -u origin statusrunde-ÅR",
    ],
)
def test_the_page_shows_the_commands_from_export_to_pull_request(page: str, command: str) -> None:
    assert command in page


def test_the_commands_are_in_the_order_of_the_round(page: str) -> None:
    order = ["status export", "--dry-run", "git switch -c", "--pr-body", "plan validate", "git push"]
    places = [page.index(text) for text in order]
    assert places == sorted(places)


def test_each_typical_mistake_shows_the_imports_located_message() -> None:
    examples = status_round.message_examples()
    assert [e.heading for e in examples] == [heading for heading, _, _ in status_round.MISTAKES]
    for example, column in zip(examples, ["Ny status", "Dato", None, "Ny status"], strict=True):
        assert example.messages, example.heading
        place = "statusrunde-2026.xlsx: ark «Nes"
        assert example.messages[0].startswith(place), example.messages
        if column:
            assert f"rad 2, kolonne «{column}»" in example.messages[0]
    assert "mente du «Fullført»" in examples[0].messages[0]
    assert "frem i tid" in examples[1].messages[0]
    assert "Gi det tilbake navnet «Nes kommune»" in examples[2].messages[0]
    assert "endret i planen etter at arbeidsboken ble laget" in examples[3].messages[0]


def test_the_messages_are_on_the_page_with_a_fix(page: str) -> None:
    for example in status_round.message_examples():
        assert f"### {example.heading}" in page
        assert example.messages[0] in page
        assert example.fix in page


def test_the_page_says_nothing_is_written_on_error_and_importing_twice_is_safe(page: str) -> None:
    part = page.split("## Hvis noe går galt", 1)[1]
    assert "Ingenting skrives når det er en feil" in part
    assert "samme arbeidsbok to ganger" in part


def test_the_picture_exists_is_about_1200_px_wide_and_has_an_alt_text_naming_every_column(page: str) -> None:
    match = re.search(r"!\[([^\]]+)\]\(\.\./(assets/veiledning/[^)]+\.png)\)", page)
    assert match, "the page shows the picture"
    alt, path = match.groups()
    picture = ROOT / "docs" / path
    assert picture.is_file()
    from PIL import Image

    with Image.open(picture) as image:
        assert 1000 <= image.width <= 1400
    assert len(alt) > 80
    for column in COLUMNS:
        assert f"«{column.title}»" in alt


def test_the_shipped_plan_gets_the_page_too() -> None:
    plan, problems = validate_folder(ROOT / "plan")
    assert plan is not None, problems
    page = render_pages(plan, SiteOptions(edit_base=None, plan_dir=ROOT / "plan"))[PATH]
    assert "## Vanlige meldinger" in page


def test_the_picture_script_is_run_by_make_guide_picture() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^guide-picture:.*\n\t.*-m scripts\.dev\.workbook_picture", makefile, re.M)
    assert Path(ROOT / "scripts" / "dev" / "workbook_picture.py").is_file()
