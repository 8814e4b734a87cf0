"""The benchmark's stages for the status round (``make bench``): the export and the import of a workbook in which
every row is answered run on a small synthetic plan and give a result. A benchmark measures; this is not a timed
test: nothing here checks how long anything took."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]

from scripts.dev import synth
from scripts.dev.bench.budgets import status_budget
from scripts.dev.bench.figures import Plan
from scripts.dev.bench.report import STAGES, status_note
from scripts.dev.bench.run import measure_status
from scripts.dev.bench.stages import run_stage
from scripts.dev.bench.status_round import filled_path
from scripts.editor.status.layout import GUIDE_SHEET, META_SHEET, TITLES

#: The benchmark is a developer's tool; its tests start processes and run in `make test`, not in `make check`.
pytestmark = pytest.mark.slow

MEASURES = 12


def _digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*.yaml")}


@pytest.fixture(scope="module")
def plan_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("synth") / "plan-12"
    synth.write(MEASURES, folder)
    return folder


def test_the_export_stage_writes_the_workbook_and_counts_its_rows(plan_dir: Path, tmp_path: Path) -> None:
    timings = run_stage("status_export", plan_dir, tmp_path)
    assert timings["seconds"] > 0
    assert 0 < timings["rows"] <= MEASURES
    book = load_workbook(tmp_path / "statusrunde-plan-12.xlsx", read_only=True)
    sheets = [name for name in book.sheetnames if name not in (GUIDE_SHEET, META_SHEET)]
    assert sum(book[name].max_row - 1 for name in sheets) == timings["rows"]


def test_every_row_of_the_prepared_workbook_has_a_new_status_a_date_and_a_text(plan_dir: Path, tmp_path: Path) -> None:
    prepared = run_stage("status_prepare", plan_dir, tmp_path)
    book = load_workbook(filled_path(plan_dir, tmp_path))
    answered = 0
    for sheet in (s for s in book.worksheets if s.title not in (GUIDE_SHEET, META_SHEET)):
        header = [cell.value for cell in sheet[1]]
        for row in sheet.iter_rows(min_row=2, values_only=True):
            cells = dict(zip(header, row, strict=False))
            assert cells[TITLES["new_status"]] and cells[TITLES["new_status"]] != cells[TITLES["status"]]
            assert cells[TITLES["date"]] is not None and cells[TITLES["text"]]
            answered += 1
    assert answered == prepared["rows"] > 0


def test_the_import_stage_adds_one_update_per_row_to_a_copy_and_leaves_the_plan_alone(
    plan_dir: Path, tmp_path: Path
) -> None:
    before = _digest(plan_dir)
    prepared = run_stage("status_prepare", plan_dir, tmp_path)
    timings = run_stage("status_import", plan_dir, tmp_path)
    assert timings["seconds"] > 0
    assert timings["rows"] == prepared["rows"]
    assert _digest(plan_dir) == before


def test_the_import_stage_says_what_is_missing_without_a_prepared_workbook(plan_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="status_prepare"):
        run_stage("status_import", plan_dir, tmp_path)


def test_the_parent_times_both_stages_in_children_and_the_report_shows_them(plan_dir: Path, tmp_path: Path) -> None:
    plan = Plan("12 tiltak", plan_dir, 1000)  # named as the plan the budget is about
    measure_status(plan, tmp_path, runs=1)
    for stage in ("status_export", "status_import"):
        runs = plan.stages[stage]
        assert len(runs.seconds) == 1 and runs.seconds[0] > 0 and runs.peak_kb > 0
    assert STAGES["status_export"] == "Statusrunde: eksport" and STAGES["status_import"] == "Statusrunde: import"
    assert "12 tiltak:" in " ".join(status_note([plan]))
    budget = status_budget(plan)
    assert len(budget) == 2
    assert budget[0].startswith("- Eksport av statusrunden for 1 000 tiltak under 5 s")
    assert budget[1].startswith("- Import av statusrunden for 1 000 tiltak under 5 s")
