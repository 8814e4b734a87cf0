"""`plan validate --comment FILE`: the plan's problems for the pull-request comment, those in files the pull request
did not change listed first, each with its file, its line and a link to that line on GitHub (GitHub annotates only
the lines of changed files, so a problem elsewhere is otherwise seen by nobody)."""

from __future__ import annotations

from pathlib import Path

from conftest import replace_once, run_plan
from scripts.core.problems import WARNING, Diagnostic
from scripts.editor.review import MOST, Links, changed_files, comment

HEAD = "https://github.com/gardermoregionen/naeringsplan/blob/1111111111111111111111111111111111111111/"
BASE = "https://github.com/gardermoregionen/naeringsplan/blob/2222222222222222222222222222222222222222/"
MEASURES = "plan/satsingsomrader/1-nettverk.yaml"
UNCHANGED = "I filer som ikke er endret i denne pull requesten"
CHANGED = "I filene som er endret"


def rename_an_actor(workdir: Path) -> None:
    """The pull request changes only actors.yaml: Nes kommune's id becomes «nes»; the measure file that names the
    old id, which the pull request did not touch, is now wrong."""
    actors = workdir / "plan" / "actors.yaml"
    replace_once(actors, "- id: nes-kommune", "- id: nes")
    replace_once(actors, "municipality: nes-kommune", "municipality: nes")
    (workdir / "changed.txt").write_text("plan/actors.yaml\n", encoding="utf-8")


def validate_for_comment(workdir: Path, *extra: str) -> tuple[int, str]:
    result = run_plan(
        "validate", "--plan", "plan", "--format", "github", "--comment", "kommentar.md", *extra, cwd=workdir
    )
    return result.code, (workdir / "kommentar.md").read_text(encoding="utf-8")


def test_an_error_in_a_file_the_pull_request_did_not_change_is_listed_with_its_line_and_a_link(workdir: Path) -> None:
    rename_an_actor(workdir)
    code, text = validate_for_comment(workdir, "--changed", "changed.txt", "--link", HEAD, "--link-base", BASE)
    assert code == 1
    assert text.startswith("**Planen er ikke gyldig: 1 feil**")
    assert f"#### {UNCHANGED}" in text and CHANGED not in text
    [line] = [line for line in text.splitlines() if line.startswith("- ")]
    # the file is as on the base branch: the link goes to the base commit, at the line
    assert line.startswith(f"- Feil: [`{MEASURES}` linje 14]({BASE}{MEASURES}#L14): ")
    assert "ukjent aktør «nes-kommune»" in line


def test_an_error_in_a_changed_file_is_listed_after_them_linked_at_the_pull_requests_commit(workdir: Path) -> None:
    rename_an_actor(workdir)
    (workdir / "changed.txt").write_text(f"plan/actors.yaml\n{MEASURES}\n", encoding="utf-8")
    _, text = validate_for_comment(workdir, "--changed", "changed.txt", "--link", HEAD, "--link-base", BASE)
    assert UNCHANGED not in text and f"#### {CHANGED}" in text
    assert f"- Feil: [`{MEASURES}` linje 14]({HEAD}{MEASURES}#L14): " in text


def test_a_valid_plan_says_so_and_lists_nothing(workdir: Path) -> None:
    code, text = validate_for_comment(workdir, "--changed", "/dev/null")
    assert code == 0
    assert text == "**Planen er gyldig.**\n"


def test_without_links_the_file_and_line_are_still_named(workdir: Path) -> None:
    rename_an_actor(workdir)
    _, text = validate_for_comment(workdir, "--changed", "changed.txt")
    assert f"- Feil: `{MEASURES}` linje 14: " in text
    assert "](" not in text


def test_files_outside_come_first_errors_before_warnings() -> None:
    problems = [
        Diagnostic("plan/b.yaml", 3, 1, "advarsel i en endret fil", WARNING),
        Diagnostic("plan/b.yaml", 9, 1, "feil i en endret fil"),
        Diagnostic("plan/a.yaml", 5, 1, "advarsel utenfor", WARNING),
        Diagnostic("plan/a.yaml", 7, 1, "feil utenfor"),
    ]
    text = comment(problems, {"plan/b.yaml"}, Links(HEAD, BASE), Path.cwd())
    items = [line.split("): ")[1] for line in text.splitlines() if line.startswith("- ")]
    assert items == ["feil utenfor", "advarsel utenfor", "feil i en endret fil", "advarsel i en endret fil"]
    assert text.startswith("**Planen er ikke gyldig: 2 feil** og 2 advarsler.")


def test_a_message_quoting_plan_text_cannot_mention_anyone_or_make_markdown() -> None:
    problems = [Diagnostic("plan/a.yaml", 1, 1, "ukjent aktør «@kommunen» i [lenke](x)")]
    text = comment(problems, set(), Links(), Path.cwd())
    assert "@kommunen" not in text  # a joiner after «@»
    assert "\\[lenke\\]" in text


def test_a_long_list_is_cut_and_points_to_the_job_summary() -> None:
    problems = [Diagnostic("plan/a.yaml", n, 1, f"feil {n}") for n in range(1, MOST + 6)]
    text = comment(problems, set(), Links(), Path.cwd())
    assert sum(line.startswith("- Feil") for line in text.splitlines()) == MOST
    assert "- … og 5 til: se sammendraget av kjøringen." in text


def test_the_changed_files_are_read_as_git_diff_name_only_prints_them() -> None:
    assert changed_files("plan/actors.yaml\n\nplan/satsingsomrader/1-nettverk.yaml\n") == {
        "plan/actors.yaml",
        "plan/satsingsomrader/1-nettverk.yaml",
    }
