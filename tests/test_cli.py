"""The `plan` command: Norwegian help, exit codes 0/1/2, and never a traceback."""

from __future__ import annotations

import argparse
import gettext
import inspect
import os
import re
from pathlib import Path

import pytest

from conftest import VALID_PLAN, run_plan, run_plan_process
from scripts.cli import ARGPARSE_NORWEGIAN, norwegian_message


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


# -- argparse's own words -----------------------------------------------------------------------------------------

#: The words argparse looks up through gettext that never reach an editor as argparse writes them: the headings,
#: the help option and the error line, which NorwegianParser writes itself, and mistakes in the code of the parser.
NOT_FOR_EDITORS = {
    "positional arguments",
    "options",
    "show this help message and exit",
    "%(prog)s: error: %(message)s\\n",
    ".__call__() not defined",
    "conflicting subparser: %s",
    "conflicting subparser alias: %s",
    'argument "-" with mode %r',
    "cannot merge actions - two groups are named %r",
    "'required' is an invalid argument for positionals",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r",
    "dest= is required for options like %r",
    "invalid conflict_resolution value: %r",
    "conflicting option string: %s",
    "conflicting option strings: %s",
    "mutually exclusive arguments must be optional",
    "cannot have multiple subparser arguments",
    "%r is not callable",
}


def argparse_words() -> set[str]:
    """Every text argparse's source passes to gettext (``_()``, ``ngettext()``), as written there."""
    source = inspect.getsource(argparse)
    quoted = r"(['\"])((?:(?!\1).)*?)\1"
    words = {m.group(2) for m in re.finditer(r"\b_\(" + quoted + r"\)", source)}
    for m in re.finditer(r"ngettext\(" + quoted + r",\s*" + quoted, source):
        words |= {m.group(2), m.group(4)}
    split = re.finditer(r"_\('([^']*)'\s*'([^']*)'\)", source)  # a text written as two adjacent strings
    return words | {m.group(1) + m.group(2) for m in split}


def test_every_word_argparse_can_say_to_an_editor_has_a_norwegian_translation() -> None:
    """Fails when a new Python's argparse brings a message the table does not know."""
    missing = {w for w in argparse_words() if w not in ARGPARSE_NORWEGIAN and w not in NOT_FOR_EDITORS}
    assert missing == set()


@pytest.mark.parametrize(
    ("english", "norwegian"),
    [
        ("the following arguments are required: --goal, MÅL", "disse argumentene mangler: --goal, MÅL"),
        (
            "argument --kind: invalid choice: 'x' (choose from 'kommune', 'annet')",
            "argument --kind: ugyldig valg: 'x' (velg blant 'kommune', 'annet')",
        ),
        ("argument --port: invalid int value: 'åtte'", "argument --port: ugyldig verdi: 'åtte'"),
        ("argument --plan: expected one argument", "argument --plan: venter én verdi"),
        ("argument x: expected 2 arguments", "argument x: venter 2 verdier"),
        ("ambiguous option: --p could match --plan, --port", "tvetydig valg: --p kan være --plan, --port"),
        ("argument --as-of: «i går» er ikke en dato", "argument --as-of: «i går» er ikke en dato"),
    ],
)
def test_a_usage_error_is_rewritten_in_bokmal_from_its_template(english: str, norwegian: str) -> None:
    assert norwegian_message(english) == norwegian


def test_the_command_leaves_argparse_as_it_found_it() -> None:
    """The translation belongs to the plan command's parser, not to every argparse parser in the process."""
    result = run_plan("valider")
    assert "ugyldig valg" in result.stderr
    assert argparse._ is gettext.gettext  # type: ignore[attr-defined]
    assert argparse.ngettext is gettext.ngettext  # type: ignore[attr-defined]
    assert argparse.ArgumentParser(prog="x").format_usage() == "usage: x [-h]\n"


def test_the_command_leaves_the_environment_as_it_found_it(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No setting for a library through the environment (Material's notice about MkDocs 2 shows only under the
    `mkdocs` command, never under `plan`)."""
    monkeypatch.delenv("NO_MKDOCS_2_WARNING", raising=False)
    before = dict(os.environ)
    result = run_plan("validate", "--plan", "plan", cwd=workdir)
    assert result.code == 0
    assert dict(os.environ) == before
