"""Every kind of bad input an editor can make is reported in Norwegian at the right FILE:LINE:COL.

Each file in tests/fixtures/invalid/ replaces (or adds) one file of the small valid plan in
tests/fixtures/valid-plan/. Its header says which file it replaces and every line `plan validate` must print:

    # Et tiltak uten status.
    # replaces: satsingsomrader/1-nettverk.yaml
    # expect: plan/satsingsomrader/1-nettverk.yaml:29:9: tiltak 1.1.2: mangler feltet «status» (Status nå)
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import FIXTURES, VALID_PLAN, run_plan
from scripts.editor.guide.errors import EXAMPLE_TODAY

#: The broken files of the tests, and those the editors' guide shows beside its example plan.
INVALID = sorted(
    [*(FIXTURES / "invalid").glob("*.yaml"), *(VALID_PLAN.parent / "mistakes").glob("*.yaml")], key=lambda p: p.name
)


def header(path: Path) -> tuple[str, list[str]]:
    """The file a fixture replaces and the lines it expects, read from its comment header."""
    replaces, expected = "", []
    for raw in path.read_bytes().splitlines():
        if not raw.startswith(b"#"):
            break
        line = raw.decode("utf-8")
        if line.startswith("# replaces: "):
            replaces = line.removeprefix("# replaces: ")
        elif line.startswith("# expect: "):
            expected.append(line.removeprefix("# expect: "))
    return replaces, expected


def test_there_is_a_fixture_for_each_kind_of_bad_input() -> None:
    assert len(INVALID) >= 40


@pytest.fixture(autouse=True)
def today_frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    """«Today» is the day the guide's examples are made on (errors.EXAMPLE_TODAY), never the clock's."""
    noon = dt.datetime.combine(EXAMPLE_TODAY, dt.time(12), tzinfo=dt.UTC)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(noon.timestamp())))


@pytest.mark.parametrize("fixture", INVALID, ids=[p.stem for p in INVALID])
def test_bad_input_gives_the_expected_messages_and_exit_code_1_or_0_for_only_warnings(
    fixture: Path, workdir: Path
) -> None:
    replaces, expected = header(fixture)
    assert replaces and expected, f"{fixture.name} needs '# replaces:' and '# expect:' lines"
    (workdir / "plan" / replaces).write_bytes(fixture.read_bytes())
    only_warnings = all(": advarsel: " in line for line in expected)

    result = run_plan("validate", "--plan", "plan", cwd=workdir)

    assert result.stderr.splitlines() == expected
    assert "Traceback" not in result.stderr + result.stdout
    if only_warnings:
        assert result.code == 0
        assert "er gyldig" in result.stdout and "Planen er ikke gyldig" not in result.stdout
    else:
        assert result.code == 1
        assert "Planen er ikke gyldig" in result.stdout


def test_the_valid_plan_that_the_fixtures_break_is_valid(workdir: Path) -> None:
    result = run_plan("validate", "--plan", "plan", cwd=workdir)
    assert (result.code, result.stderr) == (0, "")


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(workdir: Path) -> None:
    big = workdir / "plan" / "satsingsomrader" / "1-nettverk.yaml"
    big.write_text("# fyll\n" * 200_000, encoding="utf-8")

    result = run_plan("validate", "--plan", "plan", cwd=workdir)

    assert result.code == 1
    assert result.stderr.splitlines() == [
        "plan/satsingsomrader/1-nettverk.yaml:1:1: filen er for stor (1.4 MB; grensen er 1 MB per fil). "
        "En planfil er vanligvis under 100 kB: sjekk at det ikke er limt inn noe ved en feil"
    ]


def test_a_missing_file_is_named(workdir: Path) -> None:
    (workdir / "plan" / "vocabulary.yaml").unlink()

    result = run_plan("validate", "--plan", "plan", cwd=workdir)

    assert result.code == 1
    assert result.stderr.splitlines() == ["plan/vocabulary.yaml:1:1: filen mangler: den er en fast del av planen"]


def test_every_problem_in_the_plan_is_reported_in_one_run_sorted_by_file_and_line(workdir: Path) -> None:
    focus_area = workdir / "plan" / "satsingsomrader" / "1-nettverk.yaml"
    text = focus_area.read_text(encoding="utf-8")
    text = text.replace("actor: nes-kommune", "actor: nes-kommun")  # unknown reference
    text = text.replace("period: {start: 2024}", "period: {start: 2024}\n        titel: x")  # unknown field
    text = text.replace("{year: 2022, amount", "{year: 2020, amount")  # rule: budget outside the period
    focus_area.write_text(text, encoding="utf-8")
    plan = workdir / "plan" / "plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("owner: regionradet", "owner: regionråd"))

    result = run_plan("validate", "--plan", "plan", cwd=workdir)

    assert result.code == 1
    lines = result.stderr.splitlines()
    assert [line.split(": ", 1)[0] for line in lines] == [
        "plan/plan.yaml:8:8",
        "plan/satsingsomrader/1-nettverk.yaml:14:20",
        "plan/satsingsomrader/1-nettverk.yaml:20:20",
        "plan/satsingsomrader/1-nettverk.yaml:36:9",
    ]
    assert "Fant 4 feil i 2 filer" in result.stdout
