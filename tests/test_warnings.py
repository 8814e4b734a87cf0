"""Warnings beside errors: a slip that changes what is published is an error; one that only looks wrong is a warning.

`plan validate` exits 0 with warnings and 1 with errors, and prints them as `::warning`/`::error` in GitHub
Actions; `plan build` builds with warnings (and prints them) and refuses errors. «Today» comes from the caller
(SOURCE_DATE_EPOCH or the clock at the top; a date handed to the validator in these tests), never from deep
inside a rule.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import replace_once, run_plan
from scripts.cli import github_annotation
from scripts.core.dates import today
from scripts.core.problems import WARNING, Diagnostic, errors, warnings
from scripts.editor import new
from scripts.validate import rules
from scripts.validate.validator import validate_folder

TODAY = dt.date(2026, 12, 1)
AREA = "satsingsomrader/1-nettverk.yaml"
UPDATE = "            text: I gang.\n"


@pytest.fixture
def folder(workdir: Path) -> Path:
    return workdir / "plan"


def edit(folder: Path, old: str, new_text: str) -> None:
    replace_once(folder / AREA, old, new_text)


def add_update(folder: Path, date: str, status: str = "pågår") -> None:
    edit(folder, UPDATE, f"{UPDATE}          - date: {date}\n            status: {status}\n            text: Nytt.\n")


def found(folder: Path, on: dt.date = TODAY) -> tuple[list[str], list[str]]:
    """The messages of the errors and of the warnings."""
    plan, problems = validate_folder(folder, on)
    assert (plan is None) == bool(errors(problems))
    return [p.message for p in errors(problems)], [p.message for p in warnings(problems)]


# -- «today» -------------------------------------------------------------------------------------------------


def test_today_is_the_day_of_source_date_epoch_when_it_is_set() -> None:
    assert today({"SOURCE_DATE_EPOCH": "1796126400"}) == dt.date(2026, 12, 1)  # 2026-12-01 12:00 UTC


def test_without_source_date_epoch_today_is_the_clocks_day_in_norway() -> None:
    assert abs(today({}) - dt.datetime.now(dt.UTC).date()) <= dt.timedelta(days=1)


def test_a_status_update_dated_today_is_fine_and_one_dated_tomorrow_is_an_error(folder: Path) -> None:
    add_update(folder, "2026-12-01")
    assert found(folder) == ([], [])
    assert found(folder, TODAY - dt.timedelta(days=1))[0] == [
        "tiltak 1.1.1, statusoppdatering nr. 2, felt «date»: statusoppdateringen er datert 2026-12-01, etter dagens "
        "dato (30. november 2026). En statusoppdatering forteller hva som har skjedd: rett datoen (skrivefeil i "
        "året?), eller vent med å legge den inn til dagen er kommet"
    ]


def test_plan_validate_takes_today_from_source_date_epoch(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    add_update(folder, "2027-05-01", "fullført")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796126400")
    assert run_plan("validate", "--plan", str(folder)).code == 1
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2027, 5, 1, tzinfo=dt.UTC).timestamp())))
    assert run_plan("validate", "--plan", str(folder)).code == 0


def test_the_shipped_plan_has_no_update_after_the_day_this_was_written() -> None:
    plan, problems = validate_folder(Path(__file__).resolve().parents[1] / "plan", TODAY)
    assert plan is not None and problems == []


# -- errors ----------------------------------------------------------------------------------------------------


def test_a_budget_line_pasted_twice_is_an_error_but_two_lines_that_differ_in_anything_are_not(folder: Path) -> None:
    line = "          - {year: 2022, amount: 250000, funder: viken-fylkeskommune, secured: true}\n"
    edit(folder, line, line + line.replace("true}", "false}"))
    assert found(folder) == ([], [])
    edit(folder, line, line + line)
    [message], _ = found(folder)
    assert "budsjettposten er lik budsjettpost nr. 1" in message and "slett den ene" in message


def test_a_new_measure_left_as_plan_new_wrote_it_names_both_texts_at_their_lines(folder: Path) -> None:
    added = new.new_measure(folder, "1.1", today=TODAY)
    plan, problems = validate_folder(folder, TODAY)
    assert plan is None
    assert [(p.line, p.message.split(": ", 1)[0]) for p in problems] == [
        (added.first_line + 1, "tiltak 1.1.3, felt «title»"),
        (added.first_line + 2, "tiltak 1.1.3, felt «description»"),
    ]
    assert all("er teksten fra malen til «plan new»" in p.message for p in problems)


def test_plan_new_may_add_a_measure_under_the_goal_it_just_added(folder: Path) -> None:
    goal = new.new_goal(folder, "1")
    measure = new.new_measure(folder, goal.ident, today=TODAY)
    assert measure.ident == f"{goal.ident}.1"
    assert len(found(folder)[0]) == 4  # the goal's and the measure's title and description


# -- warnings --------------------------------------------------------------------------------------------------


def test_an_update_before_the_period_that_says_more_than_planned_is_a_warning(folder: Path) -> None:
    edit(folder, "          - date: 2021-09-15\n            status: pågår", "          - date: 2020-09-15\n"
         "            status: planlagt")  # fmt: skip
    assert found(folder) == ([], [])  # planned the year before: usual
    add_update(folder, "2020-10-01", "pågår")
    assert found(folder)[1] == [
        "tiltak 1.1.1, statusoppdatering nr. 2, felt «date»: statusoppdateringen er datert 2020-10-01 og sier "
        "«pågår», men tiltakets periode begynner først i 2021: rett datoen, eller endre «start» i «period» hvis "
        "arbeidet begynte tidligere"
    ]


@pytest.mark.parametrize(("length", "warned"), [(rules.MAX_TITLE, False), (rules.MAX_TITLE + 1, True)])
def test_a_title_over_120_characters_is_a_warning(folder: Path, length: int, warned: bool) -> None:
    edit(folder, "title: Nettverk for reiseliv\n", "title: " + "x" * length + "\n")
    assert found(folder) == ([], [f"tiltak 1.1.2, felt «title»: tittelen har {length} tegn; en tittel bør ha høyst "
                                  "120, så den får plass i lister og menyer: gjør den kortere, og flytt resten til "
                                  "«description»"] if warned else [])  # fmt: skip


@pytest.mark.parametrize(("amount", "warned"), [(999, True), (1000, False), (0, True)])
def test_an_amount_under_1000_kroner_is_a_warning(folder: Path, amount: int, warned: bool) -> None:
    edit(folder, "amount: 250000", f"amount: {amount}")
    errors_found, warnings_found = found(folder)
    assert errors_found == []
    assert [f"beløpet er bare {amount} kr" in w for w in warnings_found] == ([True] if warned else [])


# -- the command line -------------------------------------------------------------------------------------------


def test_plan_validate_with_only_warnings_prints_them_and_exits_0(folder: Path) -> None:
    edit(folder, "amount: 250000", "amount: 250")
    result = run_plan("validate", "--plan", str(folder))
    assert result.code == 0
    assert result.stderr.startswith(f"{folder / AREA}:20:34: advarsel: tiltak 1.1.1, budsjettpost nr. 1")
    assert "1 advarsel: sjekk den og rett det som er feil." in result.stdout
    assert "er gyldig" in result.stdout


def test_in_github_actions_a_warning_is_a_warning_annotation_and_an_error_an_error_annotation() -> None:
    warning = Diagnostic("plan/x.yaml", 3, 5, "tiltak 1.1.1: beløpet er bare 250 kr", WARNING)
    error = Diagnostic("plan/x.yaml", 4, 1, "tiltak 1.1.1: mangler")
    assert github_annotation(warning) == (
        "::warning file=plan/x.yaml,line=3,col=5,title=Advarsel om planen::tiltak 1.1.1: beløpet er bare 250 kr"
    )
    assert github_annotation(error).startswith("::error file=plan/x.yaml,line=4,col=1,title=Feil i planen::")


def test_the_job_summary_counts_errors_and_warnings_apart(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    edit(folder, "amount: 250000", "amount: 250")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = run_plan("validate", "--plan", str(folder), "--format", "github")
    assert result.code == 0
    assert result.stderr.startswith("::warning file=")
    lines = summary.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "## Planen er gyldig (1 advarsel)"
    assert lines[2].startswith("- `") and "` Advarsel: tiltak 1.1.1" in lines[2]


def test_a_warning_reads_as_one_in_a_terminal() -> None:
    assert str(Diagnostic("a.yaml", 1, 2, "noe", WARNING)) == "a.yaml:1:2: advarsel: noe"
    assert str(Diagnostic("a.yaml", 1, 2, "noe")) == "a.yaml:1:2: noe"


def test_plan_build_refuses_an_error_without_building(folder: Path, tmp_path: Path) -> None:
    line = "          - {year: 2022, amount: 250000, funder: viken-fylkeskommune, secured: true}\n"
    edit(folder, line, line + line)
    result = run_plan("build", "--plan", str(folder), "--out", str(tmp_path / "site"))
    assert result.code == 1
    assert "Fant 1 feil. Nettstedet er ikke bygget" in result.stdout
    assert not (tmp_path / "site").exists()


@pytest.mark.slow  # a whole build with PDFs
def test_plan_build_builds_a_plan_with_warnings_and_prints_them(folder: Path, tmp_path: Path) -> None:
    edit(folder, "amount: 250000", "amount: 250")
    result = run_plan("build", "--plan", str(folder), "--out", str(tmp_path / "site"))
    assert result.code == 0, result.stderr
    assert ": advarsel: tiltak 1.1.1, budsjettpost nr. 1, felt «amount»: beløpet er bare 250 kr" in result.stderr
    assert "1 advarsel" in result.stdout
    assert (tmp_path / "site" / "tiltak" / "1-1-1" / "index.html").exists()
