"""`plan new` adds a valid skeleton with the next free id and leaves the rest of the file exactly as it was."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, run_plan


def git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, check=True).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository holding a copy of the shipped plan as ./plan."""
    shutil.copytree(ROOT / "plan", tmp_path / "plan")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "-c", "user.email=test@example.org", "-c", "user.name=Test", "commit", "-qm", "plan")
    return tmp_path


def only_added_lines(repo: Path) -> list[str]:
    diff = git(repo, "diff", "--unified=0")
    changed = [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert all(line.startswith("+") for line in changed), diff
    return [line[1:] for line in changed]


@pytest.mark.parametrize("goal", ["1.2", "5.3"])
def test_a_new_measure_gets_the_next_number_validates_and_only_adds_lines(repo: Path, goal: str) -> None:
    result = run_plan("new", "measure", "--goal", goal, cwd=repo)
    assert result.code == 0, result.stderr
    added = only_added_lines(repo)
    number = added[0].split('"')[1]
    assert number.startswith(goal + ".")
    assert f"La til tiltak {number} i plan/satsingsomrader/" in result.stdout
    assert run_plan("validate", cwd=repo).code == 0


def test_a_new_goal_and_a_measure_under_it_validate(repo: Path) -> None:
    assert run_plan("new", "goal", "--focus-area", "2", cwd=repo).code == 0
    assert run_plan("new", "measure", "--goal", "2.4", cwd=repo).code == 0
    added = only_added_lines(repo)
    assert added[0].strip() == '- id: "2.4"'
    assert '- id: "2.4.1"' in [line.strip() for line in added]
    assert run_plan("validate", cwd=repo).code == 0


def test_a_new_actor_is_added_at_the_end_of_the_actors(repo: Path) -> None:
    result = run_plan("new", "actor", "--id", "ruter", "--name", "Ruter", "--kind", "annet", cwd=repo)
    assert result.code == 0, result.stderr
    assert only_added_lines(repo) == ["  - id: ruter", '    name: "Ruter"', "    kind: annet"]
    assert run_plan("validate", cwd=repo).code == 0


def test_an_unknown_goal_is_named_with_the_goals_there_are(repo: Path) -> None:
    result = run_plan("new", "measure", "--goal", "9.9", cwd=repo)
    assert result.code == 1
    assert result.stderr.startswith("plan: målet «9.9» finnes ikke. Målene er: 1.1, 1.2")
    assert git(repo, "status", "--porcelain") == ""


def test_an_existing_actor_id_is_refused(repo: Path) -> None:
    result = run_plan("new", "actor", "--id", "nes-kommune", "--name", "Nes", "--kind", "kommune", cwd=repo)
    assert (result.code, result.stderr) == (1, "plan: aktøren «nes-kommune» finnes allerede\n")
