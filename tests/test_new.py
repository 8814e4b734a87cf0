"""`plan new` adds a skeleton with the next free id and leaves the rest of the file exactly as it was; the skeleton
is valid once its texts are written (left in, they are errors: they would be published)."""

from __future__ import annotations

import datetime as dt
import difflib
import errno
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from tools import program

from conftest import ROOT, VALID_PLAN, run_plan
from scripts.core.problems import Diagnostic
from scripts.editor import new
from scripts.editor.guide.new_measure import new_measure_example
from scripts.editor.guide.sources import SourceFiles
from scripts.validate.validator import validate_folder


def git(folder: Path, *args: str) -> str:
    return subprocess.run([program("git"), *args], cwd=folder, capture_output=True, text=True, check=True).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository holding a copy of the shipped plan as ./plan."""
    shutil.copytree(ROOT / "plan", tmp_path / "plan")
    plan_yaml = tmp_path / "plan" / "plan.yaml"  # the editions' commits are in the project's repository, not here
    plan_yaml.write_text(re.sub(r"(?m)^    commit: \w+\n", "", plan_yaml.read_text(encoding="utf-8")), encoding="utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "-c", "user.email=test@example.org", "-c", "user.name=Test", "commit", "-qm", "plan")
    return tmp_path


def only_the_texts_to_write(problems: list[Diagnostic]) -> bool:
    """Every problem is a text of the skeleton left in (errors until the editor writes them)."""
    return bool(problems) and all("er teksten fra malen til «plan new»" in p.message for p in problems)


def validates_once_written(folder: Path) -> bool:
    plan, problems = validate_folder(folder)
    return plan is None and only_the_texts_to_write(problems)


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
    assert validates_once_written(repo / "plan")


def test_a_new_goal_and_a_measure_under_it_validate(repo: Path) -> None:
    assert run_plan("new", "goal", "--focus-area", "2", cwd=repo).code == 0
    assert run_plan("new", "measure", "--goal", "2.4", cwd=repo).code == 0
    added = only_added_lines(repo)
    assert added[0].strip() == '- id: "2.4"'
    assert '- id: "2.4.1"' in [line.strip() for line in added]
    assert validates_once_written(repo / "plan")


def test_a_new_actor_is_added_at_the_end_of_the_actors(repo: Path) -> None:
    result = run_plan("new", "actor", "--id", "ruter", "--name", "Ruter", "--kind", "annet", cwd=repo)
    assert result.code == 0, result.stderr
    assert only_added_lines(repo) == ["  - id: ruter", '    name: "Ruter"', "    kind: annet"]
    assert run_plan("validate", cwd=repo).code == 0


def test_once_the_plan_has_english_texts_plan_new_reminds_of_the_translation_but_writes_no_en(repo: Path) -> None:
    area = next((repo / "plan" / "satsingsomrader").glob("1-*.yaml"))
    text = area.read_text(encoding="utf-8")
    plan, _ = validate_folder(repo / "plan")
    assert plan is not None
    if not any(fa.en for fa in plan.focus_areas):
        title = next(line for line in text.splitlines() if line.startswith("title: "))
        area.write_text(text.replace(title + "\n", title + "\nen: {title: In English}\n", 1), encoding="utf-8")
        git(repo, "-c", "user.email=test@example.org", "-c", "user.name=Test", "commit", "-qam", "translated")

    result = run_plan("new", "measure", "--goal", "1.2", cwd=repo)

    assert result.code == 0, result.stderr
    assert "  - en: engelsk oversettelse (title og description)" in result.stdout
    assert not [line for line in only_added_lines(repo) if "en:" in line]


def test_a_plan_without_english_texts_gets_no_reminder_of_them(tmp_path: Path) -> None:
    folder = tmp_path / "plan"
    shutil.copytree(VALID_PLAN, folder)
    added = new.new_goal(folder, "1")
    assert not [line for line in added.fill_in if "engelsk" in line]


def test_a_new_measure_is_the_skeleton_the_guide_shows_with_the_owner_of_the_plan_as_lead(tmp_path: Path) -> None:
    folder = tmp_path / "plan"
    shutil.copytree(VALID_PLAN, folder)
    plan, _ = validate_folder(folder)
    assert plan is not None
    shown = new_measure_example(plan, SourceFiles.load(folder, plan))
    owner = plan.plan.owner
    assert shown.lead.id != owner and shown.lead.kind == "kommune"

    added = new.new_measure(folder, shown.goal.id, today=dt.date(shown.year, 12, 31))

    written = added.path.read_text(encoding="utf-8").splitlines()[added.first_line - 1 : added.last_line]
    expected = (
        shown.skeleton.replace(f"actor: {shown.lead.id}", f"actor: {owner}")
        .replace(f"municipalities: [{shown.lead.id}]", "municipalities: alle")
        .split("\n")
    )
    assert written == expected


def test_an_unknown_goal_is_named_with_the_goals_there_are(repo: Path) -> None:
    result = run_plan("new", "measure", "--goal", "9.9", cwd=repo)
    assert result.code == 1
    assert result.stderr.startswith("plan: målet «9.9» finnes ikke. Målene er: 1.1, 1.2")
    assert git(repo, "status", "--porcelain") == ""


def test_an_existing_actor_id_is_refused(repo: Path) -> None:
    result = run_plan("new", "actor", "--id", "nes-kommune", "--name", "Nes", "--kind", "kommune", cwd=repo)
    assert (result.code, result.stderr) == (1, "plan: aktøren «nes-kommune» finnes allerede\n")


# -- the editor's files are never reordered, reformatted or cut short ------------------------------------------


def only_insertions(before: bytes, after: bytes) -> list[bytes]:
    """The lines `after` adds to `before`; fails if any line of `before` was changed, moved or dropped."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    edits = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    assert all(tag == "insert" for tag, *_ in edits), edits
    return [line for _, _, _, j1, j2 in edits for line in new[j1:j2]]


def test_adding_to_every_goal_every_focus_area_and_the_actors_keeps_every_byte_of_every_plan_file(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "plan"
    shutil.copytree(ROOT / "plan", folder)
    originals = {path: path.read_bytes() for path in sorted(folder.rglob("*.yaml"))}
    plan, problems = validate_folder(folder)
    assert plan is not None and problems == []
    for fa in plan.focus_areas:
        for goal in fa.goals:
            new.new_measure(folder, goal.id)
        new.new_goal(folder, fa.id)
    new.new_actor(folder, "ny-aktor", 'Ny "aktør" AS', "annet")
    added = {
        path.relative_to(folder).as_posix(): len(only_insertions(old, path.read_bytes()))
        for path, old in originals.items()
    }
    per_area = {fa.id: 9 * len(fa.goals) + 3 for fa in plan.focus_areas}  # a measure: 9 lines; a goal: 3
    assert added == {
        **{name: 0 for name in ["actors.yaml", "indikatorer.yaml", "plan.yaml", "vocabulary.yaml"]},
        "actors.yaml": 3,
        **{
            f"satsingsomrader/{path.name}": per_area[path.name.split("-")[0]]
            for path in (folder / "satsingsomrader").iterdir()
        },
    }
    assert sorted(p.name for p in folder.rglob("*") if p.name.startswith(".")) == []  # no temporary file left
    assert validates_once_written(folder)


@pytest.mark.parametrize(
    "variant",
    ["windows line endings", "no line break at the end", "byte order mark", "comments and blank lines"],
)
def test_unusual_formatting_is_kept_byte_for_byte(tmp_path: Path, variant: str) -> None:
    folder = tmp_path / "plan"
    shutil.copytree(VALID_PLAN, folder)
    area = next((folder / "satsingsomrader").glob("*.yaml"))
    actors = folder / "actors.yaml"
    for path in (area, actors):
        text = path.read_text(encoding="utf-8")
        if variant == "windows line endings":
            text = text.replace("\n", "\r\n")
        elif variant == "no line break at the end":
            text = text.rstrip("\n")
        elif variant == "byte order mark":
            text = "\ufeff" + text
        else:
            text = "# Kommentar øverst\n\n" + text.replace("\n  - ", "\n\n  # om neste\n  - ") + "# slutt\n"
        path.write_bytes(text.encode("utf-8"))
    before = {path: path.read_bytes() for path in (area, actors)}
    plan, problems = validate_folder(folder)
    assert plan is not None and problems == [], problems
    new.new_measure(folder, plan.focus_areas[0].goals[0].id)
    new.new_actor(folder, "ny-aktor", "Ny aktør", "annet")
    for path, old in before.items():
        if variant == "no line break at the end":
            old += b"\n"  # the one byte added: the last line gets its line break before the new lines follow
        added = only_insertions(old, path.read_bytes())
        assert added
        if variant == "windows line endings":
            assert all(line.endswith(b"\r\n") for line in added)
    assert validates_once_written(folder)


def test_a_full_disk_while_writing_leaves_the_file_as_it_was_and_no_temporary_file(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = workdir / "plan"
    before = {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()}

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError):
        new.new_actor(folder, "ny-aktor", "Ny aktør", "annet")
    assert {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()} == before
