"""The `plan` command: Norwegian help, exit codes 0/1/2, and never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import VALID_PLAN, run_plan, run_plan_process


def test_help_is_in_norwegian() -> None:
    result = run_plan("--help")
    assert result.code == 0
    assert "sjekk planfilene" in result.stdout
    assert "kommandoer" in result.stdout


def test_an_unknown_command_is_a_usage_error_with_exit_code_2() -> None:
    result = run_plan("valider")
    assert result.code == 2
    assert "plan: feil: argument KOMMANDO: ugyldig valg: 'valider'" in result.stderr


def test_an_unknown_option_is_a_usage_error_with_exit_code_2() -> None:
    result = run_plan("validate", "--plna", "x")
    assert result.code == 2
    assert "ukjente argumenter: --plna x" in result.stderr


def test_a_missing_plan_folder_is_reported_not_crashed_on(tmp_path: Path) -> None:
    result = run_plan("validate", "--plan", str(tmp_path / "finnes-ikke"))
    assert result.code == 1
    assert result.stderr == f"{tmp_path / 'finnes-ikke'}:1:1: mappen med planen finnes ikke (bruk --plan MAPPE)\n"
    assert "Traceback" not in result.stderr


def test_a_valid_plan_prints_a_summary_and_exits_0(workdir: Path) -> None:
    result = run_plan("validate", "--plan", "plan", cwd=workdir)
    assert result.code == 0
    assert result.stderr == ""
    assert result.stdout.startswith("plan er gyldig: 1 satsingsområder, 1 mål, 2 tiltak, 6 aktører, 1 indikatorer")


def test_a_file_that_cannot_be_read_is_reported(workdir: Path) -> None:
    path = workdir / "plan" / "actors.yaml"
    path.unlink()
    path.mkdir()
    (path / "x").write_text("")
    result = run_plan("validate", "--plan", "plan", cwd=workdir)
    assert result.code == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0].startswith("plan/actors.yaml:1:1: filen mangler")


def test_github_format_marks_each_problem_on_its_line_and_writes_the_job_summary(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fixture = VALID_PLAN.parent / "mistakes" / "unknown-actor.yaml"
    (workdir / "plan" / "satsingsomrader" / "1-nettverk.yaml").write_bytes(fixture.read_bytes())
    summary = workdir / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = run_plan("validate", "--plan", "plan", "--format", "github", cwd=workdir)
    assert result.code == 1
    assert result.stderr.splitlines() == [
        "::error file=plan/satsingsomrader/1-nettverk.yaml,line=17,col=20,title=Feil i planen::tiltak 1.1.1, "
        "rolle nr. 1, felt «actor»: ukjent aktør «nes-kommun» – mente du «nes-kommune»?"
    ]
    assert "- `plan/satsingsomrader/1-nettverk.yaml:17:20` tiltak 1.1.1" in summary.read_text(encoding="utf-8")


# -- the installed console script, in a process of its own ------------------------------------------------------


def test_the_console_script_exits_0_for_a_valid_plan_and_1_for_an_invalid_one(workdir: Path) -> None:
    valid = run_plan_process("validate", cwd=workdir)
    (workdir / "plan" / "actors.yaml").write_text("actors: [\n", encoding="utf-8")
    invalid = run_plan_process("validate", cwd=workdir)
    assert (valid.code, invalid.code) == (0, 1)
    assert valid.stdout.startswith("plan er gyldig:")
    assert invalid.stderr.startswith("plan/actors.yaml:")
    assert "Traceback" not in valid.stderr + invalid.stderr


def test_the_console_script_exits_2_for_a_usage_error() -> None:
    result = run_plan_process("valider")
    assert result.code == 2
    assert "ugyldig valg: 'valider'" in result.stderr
