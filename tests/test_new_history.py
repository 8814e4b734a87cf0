"""`plan new` never gives a new measure or goal a number used before in the repository's history (the number is
in the measure's web address), reads that history in the repository the plan is in, fast however many commits
it has, and says in one Norwegian line when it could not read it."""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pytest
from tools import program

from conftest import VALID_PLAN, run_plan
from scripts.editor import new
from scripts.editor.history import used_ids

AREA = "plan/satsingsomrader/1-nettverk.yaml"


def git(folder: Path, *args: str) -> str:
    return subprocess.run([program("git"), *args], cwd=folder, capture_output=True, text=True, check=True).stdout


def commit(folder: Path, message: str) -> None:
    git(folder, "add", "-A")
    git(folder, "-c", "user.email=test@example.org", "-c", "user.name=Test", "commit", "-qm", message)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose history had measure 1.1.3: added in the second commit, deleted in the third."""
    shutil.copytree(VALID_PLAN, tmp_path / "plan")
    git(tmp_path, "init", "-q")
    commit(tmp_path, "plan")
    original = (tmp_path / AREA).read_bytes()
    assert new.new_measure(tmp_path / "plan", "1.1").ident == "1.1.3"
    commit(tmp_path, "measure 1.1.3")
    (tmp_path / AREA).write_bytes(original)
    commit(tmp_path, "measure 1.1.3 removed")
    return tmp_path


def test_a_number_removed_earlier_is_not_given_again(repo: Path) -> None:
    result = run_plan("new", "measure", "--goal", "1.1", cwd=repo)
    assert result.code == 0, result.stderr
    assert "La til tiltak 1.1.4 i plan/satsingsomrader/1-nettverk.yaml" in result.stdout
    assert result.stderr == ""


def test_the_history_is_read_in_the_repository_of_the_plan_not_where_the_tool_is(
    repo: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    result = run_plan("new", "measure", "--goal", "1.1", "--plan", str(repo / "plan"), cwd=elsewhere)
    assert result.code == 0, result.stderr
    assert "La til tiltak 1.1.4" in result.stdout


def test_a_goal_number_removed_earlier_is_not_given_again(repo: Path) -> None:
    original = (repo / AREA).read_bytes()
    assert new.new_goal(repo / "plan", "1").ident == "1.2"
    commit(repo, "goal 1.2")
    (repo / AREA).write_bytes(original)
    commit(repo, "goal 1.2 removed")
    assert new.new_goal(repo / "plan", "1").ident == "1.3"


def test_a_number_in_a_file_since_renamed_is_not_given_again(repo: Path) -> None:
    git(repo, "mv", AREA, "plan/satsingsomrader/1-nettverk-og-klynger.yaml")
    commit(repo, "renamed")
    assert new.new_measure(repo / "plan", "1.1").ident == "1.1.4"


def test_without_a_repository_the_numbers_in_the_file_are_used_and_one_line_says_so(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(workdir.parent))  # even when the tests run inside a repository
    result = run_plan("new", "measure", "--goal", "1.1", cwd=workdir)
    assert result.code == 0, result.stderr
    assert "La til tiltak 1.1.3" in result.stdout
    assert result.stderr == (
        "Merk: plan/satsingsomrader er ikke i et git-depot, så nummeret 1.1.3 bygger bare på filen slik den er nå. "
        "Sjekk at ikke et tiltak eller mål som er tatt ut av planen, har hatt nummeret 1.1.3.\n"
    )


def test_a_repository_without_commits_has_no_history_to_read_and_says_nothing(workdir: Path) -> None:
    git(workdir, "init", "-q")
    result = run_plan("new", "measure", "--goal", "1.1", cwd=workdir)
    assert (result.code, result.stderr) == (0, "")
    assert "La til tiltak 1.1.3" in result.stdout


def test_without_git_installed_the_numbers_in_the_file_are_used_and_one_line_says_so(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(repo / "no-programs-here"))
    result = run_plan("new", "measure", "--goal", "1.1", cwd=repo)
    assert result.code == 0, result.stderr
    assert "La til tiltak 1.1.3" in result.stdout
    assert result.stderr.startswith("Merk: git er ikke installert på maskinen, så nummeret 1.1.3 bygger bare på")
    assert result.stderr.count("\n") == 1


def test_a_shallow_clone_says_its_history_is_incomplete(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    clone = tmp_path_factory.mktemp("clone") / "repo"
    git(repo, "clone", "-q", "--depth=1", f"file://{repo}", str(clone))
    result = run_plan("new", "measure", "--goal", "1.1", cwd=clone)
    assert result.code == 0, result.stderr
    assert "La til tiltak 1.1.3" in result.stdout  # the clone has not got the commit with 1.1.3
    assert "grunn kopi" in result.stderr and "git fetch --unshallow" in result.stderr


@pytest.mark.serial  # it times a read: alone, so that other tests do not take the cores
def test_a_history_of_a_thousand_commits_is_read_in_well_under_a_second(tmp_path: Path) -> None:
    """Only the first commit has measure 1.1.9 (where the others have 1.1.1); the 999 after it change the text of
    a status update."""
    lines = (VALID_PLAN / "satsingsomrader" / "1-nettverk.yaml").read_text(encoding="utf-8").splitlines()
    first = "\n".join(line.replace('- id: "1.1.1"', '- id: "1.1.9"') for line in lines)
    versions = [first, *("\n".join(lines).replace("I gang.", f"I gang ({n}).") for n in range(999))]
    stream = b""
    for number, text in enumerate(versions, start=1):
        data = text.encode("utf-8") + b"\n"
        parent = f"from :{number - 1}\n" if number > 1 else ""
        stream += (
            (
                f"commit refs/heads/main\nmark :{number}\n"
                f"committer Test <test@example.org> {1_600_000_000 + number} +0000\ndata 1\nx\n{parent}"
                f"M 100644 inline satsingsomrader/1-nettverk.yaml\ndata {len(data)}\n"
            ).encode()
            + data
            + b"\n"
        )
    git(tmp_path, "init", "-q", "-b", "main")
    subprocess.run([program("git"), "fast-import", "--quiet"], cwd=tmp_path, input=stream, check=True)
    git(tmp_path, "checkout", "-q", "main")
    assert git(tmp_path, "rev-list", "--count", "HEAD").strip() == "1000"

    started = time.perf_counter()
    found = used_ids(tmp_path / "satsingsomrader", "1.1.")
    took = time.perf_counter() - started

    assert found.ids == {"1.1.1", "1.1.2", "1.1.9"} and found.missing_history is None
    assert took < 1.0, took
