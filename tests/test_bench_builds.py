"""The benchmark's builds (``make bench``, ``python -m scripts.dev.bench --builds-only``): it reads what `plan build`
said of its PDFs, edits the text of one measure the way an editor would, and judges each figure against its budget.
A benchmark measures; this is not a timed test: nothing here checks how long anything took."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest

from scripts.core.progress import Progress
from scripts.dev.bench.budgets import BUILD_BUDGETS, build_budget, build_budgets, cold_build
from scripts.dev.bench.builds import edit_measure, pdf_counts, pdf_note
from scripts.dev.bench.common import ROOT
from scripts.dev.bench.figures import BUILD_STATES, BuildRuns, Runs
from scripts.dev.bench.report import build_section
from scripts.publish.pdfs import Made
from scripts.validate.validator import validate_folder

#: The benchmark is a developer's tool; its tests run in `make test`, not in `make check`.
pytestmark = pytest.mark.slow


def _build_output(made: Made) -> str:
    """What `plan build` writes when it has made its PDFs (the plugin's progress line)."""
    out = io.StringIO()
    progress = Progress(out)
    progress.begin("Lager PDF-ene", total=len(made.rendered) + len(made.cached), unit="PDF-er")
    progress.end(made.summary())
    return "  Bygger nettstedet  3,1 s\n" + out.getvalue()


def _build(synthetic: bool, state: str, seconds: list[float], pdfs: str = "10 nye") -> BuildRuns:
    return BuildRuns(
        "1 000 tiltak (syntetisk)" if synthetic else "Levert plan (46 tiltak)",
        synthetic,
        state,
        Runs(seconds=seconds, cpu=[s * 1.5 for s in seconds], peak_kb=512 * 1024),
        loads=[1.25] * len(seconds),
        pdfs=[pdfs] * len(seconds),
    )


@pytest.mark.parametrize(
    ("rendered", "cached"), [(["a.pdf", "b.pdf"], ["c.pdf"]), ([], ["a.pdf", "b.pdf", "c.pdf"]), (["a.pdf"], [])]
)
def test_the_pdf_line_of_plan_build_says_how_many_pdfs_were_made_and_taken_from_the_cache(
    rendered: list[str], cached: list[str]
) -> None:
    made = Made(rendered=rendered, cached=cached)
    note = pdf_note(_build_output(made))
    assert note == made.summary()
    assert pdf_counts(note) == (len(rendered), len(cached))


def test_a_build_that_printed_no_pdf_line_has_no_pdf_note() -> None:
    assert pdf_note("  Bygger nettstedet  3,1 s\n") == "–"
    assert pdf_counts("–") == (0, 0)


def test_the_edit_changes_the_text_of_measure_1_1_1_only_and_the_plan_stays_valid(tmp_path: Path) -> None:
    plan_dir = tmp_path / "plan"
    shutil.copytree(ROOT / "plan", plan_dir)
    before, _ = validate_folder(plan_dir)
    changed = edit_measure(plan_dir, 1)
    edit_measure(plan_dir, 2)
    after, problems = validate_folder(plan_dir)
    assert before is not None and after is not None, problems
    old = {m.id: m for _, _, m in before.measures()}
    new = {m.id: m for _, _, m in after.measures()}
    assert new["1.1.1"].description.startswith("Endret 2. Endret 1. ")
    assert new["1.1.1"].description.removeprefix("Endret 2. Endret 1. ") == old["1.1.1"].description
    assert {i for i in old if old[i] != new[i]} == {"1.1.1"}
    unchanged = [p for p in (ROOT / "plan").rglob("*.yaml") if plan_dir / p.relative_to(ROOT / "plan") != changed]
    assert all(p.read_bytes() == (plan_dir / p.relative_to(ROOT / "plan")).read_bytes() for p in unchanged)


def test_each_build_is_judged_against_its_budget_with_the_load_and_the_pdfs_beside_it() -> None:
    under = _build(False, "unchanged", [4.2, 4.9, 4.5], "10 fra hurtigbufferen")
    over = _build(True, "cold", [BUILD_BUDGETS[(True, "cold")] + 1])
    assert build_budget(under) == (
        f"- `plan build` med PDF-er, Levert plan (46 tiltak), {BUILD_STATES['unchanged']}, under 5 s på "
        f"{os.cpu_count()} kjerner: 4,50 s (median av 3; load 1,25 · 1,25 · 1,25; "
        "PDF-er: 10 fra hurtigbufferen): **oppfylt**."
    )
    line = build_budget(over)
    assert line is not None and "under 120 s" in line and "én kjøring" in line
    assert line.endswith("**ikke oppfylt**.")


def test_every_budget_of_the_issue_is_there_and_a_state_without_one_gives_no_line() -> None:
    assert BUILD_BUDGETS == {
        (False, "cold"): 30.0,
        (False, "unchanged"): 5.0,
        (False, "edited"): 15.0,
        (True, "cold"): 120.0,
        (True, "unchanged"): 30.0,
    }
    edited_synthetic = _build(True, "edited", [10.0])
    assert build_budget(edited_synthetic) is None
    assert build_budgets([edited_synthetic, _build(False, "edited", [16.0])]) == [
        build_budget(_build(False, "edited", [16.0]))
    ]


def test_the_section_has_a_row_per_build_and_the_stage_table_shows_the_cold_build_of_the_shipped_plan() -> None:
    cold = _build(False, "cold", [20.0, 22.0, 21.0])
    builds = [cold, _build(False, "unchanged", [3.0], "10 fra hurtigbufferen"), _build(True, "cold", [100.0])]
    rows = [line for line in build_section(builds) if line.startswith("| Levert") or line.startswith("| 1 000")]
    assert len(rows) == 3
    assert rows[0].startswith(f"| Levert plan (46 tiltak) | {BUILD_STATES['cold']} | 3 | 21,00 s | 20,00 · 22,00 · ")
    assert "· 21,00 s | 31,50 s | 512 MB | 1,25 · 1,25 · 1,25 | 10 nye |" in rows[0]
    assert rows[1].endswith("| 10 fra hurtigbufferen |")
    assert cold_build(builds) is cold.runs
    assert cold_build(builds[1:]) is None
