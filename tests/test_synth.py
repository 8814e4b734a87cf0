"""The synthetic plan for the benchmark: valid, of the size asked for, in the shape of the real plan, and the
same bytes every time."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import VALID_PLAN, run_plan
from scripts.dev import synth
from scripts.validate.validator import validate_folder


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def plan_100(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "plan"
    synth.write(100, out)
    return out


def test_a_synthetic_plan_of_100_measures_is_valid(plan_100: Path) -> None:
    plan, problems = validate_folder(plan_100)
    assert problems == []
    assert plan is not None
    assert sum(1 for _ in plan.measures()) == 100


def test_it_has_the_files_of_a_plan_folder(plan_100: Path) -> None:
    expected = {p.name for p in VALID_PLAN.iterdir()}
    assert {p.name for p in plan_100.iterdir()} == expected
    assert len(list((plan_100 / "satsingsomrader").glob("*.yaml"))) == 5


def test_it_has_the_shape_of_the_real_plan(plan_100: Path) -> None:
    plan, _ = validate_folder(plan_100)
    assert plan is not None
    measures = [m for _, _, m in plan.measures()]
    goals = [g for fa in plan.focus_areas for g in fa.goals]
    assert 2.5 <= len(measures) / len(goals) <= 3.5
    for measure in measures:
        assert [r.role for r in measure.roles].count("ansvarlig") == 1
        end = measure.period.end or plan.plan.period.end
        assert all(measure.period.start <= line.year <= end for line in measure.budget)
        if measure.status_updates:
            assert measure.status == measure.status_updates[-1].status
    assert any(r.role == "samarbeidspartner" for m in measures for r in m.roles)
    assert any(r.role == "finansiør" for m in measures for r in m.roles)
    assert any(m.status_updates for m in measures)
    assert all(i.observations for i in plan.indicators)
    assert len(plan.plan.revisions) >= 2


def test_two_runs_give_the_same_bytes(plan_100: Path, tmp_path: Path) -> None:
    synth.write(100, tmp_path / "again")
    assert files(tmp_path / "again") == files(plan_100)


@pytest.mark.parametrize("measures", [1, 7, 46, 500])
def test_any_size_gives_exactly_that_many_measures(tmp_path: Path, measures: int) -> None:
    synth.write(measures, tmp_path / "plan")
    plan, problems = validate_folder(tmp_path / "plan")
    assert problems == []
    assert plan is not None
    assert sum(1 for _ in plan.measures()) == measures
    assert 5 <= len(plan.focus_areas) <= 8


def test_the_command_writes_a_plan_that_plan_validate_accepts(tmp_path: Path) -> None:
    done = synth.main(["--measures", "30", str(tmp_path / "plan")])
    assert done == 0
    result = run_plan("validate", "--plan", str(tmp_path / "plan"))
    assert result.code == 0, result.stderr
    assert "30 tiltak" in result.stdout


def test_it_refuses_to_write_into_a_folder_that_is_not_a_plan(tmp_path: Path) -> None:
    (tmp_path / "notater.txt").write_text("viktig", encoding="utf-8")
    assert synth.main(["--measures", "10", str(tmp_path)]) == 2
    assert (tmp_path / "notater.txt").read_text(encoding="utf-8") == "viktig"


def test_measure_1_1_1_is_the_same_in_every_plan(plan_100: Path, tmp_path: Path) -> None:
    """The benchmark follows the page of measure 1.1.1 across plan sizes: its measure, goal and focus area do not
    depend on N."""
    synth.write(300, tmp_path / "plan")
    first = []
    for folder in (plan_100, tmp_path / "plan"):
        plan, problems = validate_folder(folder)
        assert problems == []
        assert plan is not None
        focus_area, goal, measure = next((fa, g, m) for fa, g, m in plan.measures() if m.id == "1.1.1")
        first.append((focus_area.id, focus_area.title, goal.id, goal.title, goal.description, measure.model_dump()))
    assert first[0] == first[1]
    assert first[0][5]["title"] == synth.FIRST_MEASURE["title"]
