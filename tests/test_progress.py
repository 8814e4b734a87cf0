"""How far an indicator has come, by Open SDG's method (scripts/present/progress.py): the change per year since the
baseline against the change per year needed to reach the target in time, sorted by Open SDG's thresholds, with
«målet er nådd» and «for tidlig å si» before them, and a word when the verdict rests on a preliminary value.

Every expected verdict here is computed by hand in the test's name or comment."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import pytest
from fontTools.ttLib import TTFont

from schema import Indicator, Observation, Point
from scripts import TEMPLATES
from scripts.present import progress
from scripts.present.progress import (
    ACHIEVED,
    LITTLE_PROGRESS,
    ON_TRACK,
    SOME_PROGRESS,
    TOO_EARLY,
    VERDICTS,
    WRONG_WAY,
    assess,
    change,
    worked_example,
)


def indicator(
    better: Literal["høyere", "lavere"] = "høyere",
    target: float = 150,
    observations: Sequence[tuple[int, float] | tuple[int, float, bool]] = (),
) -> Indicator:
    """Baseline 100 in 2020, the target in 2030: with the default target, +5 a year is needed."""
    return Indicator(
        id="arbeidsplasser",
        title="Arbeidsplasser",
        unit="antall",
        source="SSB",
        better=better,
        baseline=Point(year=2020, value=100),
        target=Point(year=2030, value=target),
        observations=[
            Observation(year=o[0], value=o[1], preliminary=o[2] if len(o) > 2 else False) for o in observations
        ],
    )


# -- the two examples ----------------------------------------------------------------------------------


def net_out_commuting() -> Indicator:
    """«Netto utpendling»: 6 100 in 2020, the target 3 500 in 2030, 5 300 in 2024."""
    return Indicator(
        id="netto-utpendling",
        title="Netto utpendling",
        unit="antall",
        source="SSB",
        better="lavere",
        baseline=Point(year=2020, value=6100),
        target=Point(year=2030, value=3500),
        observations=[
            Observation(year=y, value=v) for y, v in [(2020, 6100), (2021, 6350), (2022, 5800), (2024, 5300)]
        ],
    )


def test_net_out_commuting_behind_the_straight_path_to_its_target_is_not_on_track() -> None:
    got = assess(net_out_commuting())
    # Needed: (3 500 − 6 100) / 10 = −260 a year; so far: (5 300 − 6 100) / 4 = −200 a year; 200/260 = 76,9 %.
    assert (got.needed_per_year, got.actual_per_year) == (-260, -200)
    assert got.on_path == 5060  # 6 100 − 4 · 260: the straight path passes 5 060 in 2024
    assert got.ratio == pytest.approx(200 / 260)
    assert got.verdict == SOME_PROGRESS != ON_TRACK


def workplaces() -> Indicator:
    """«Arbeidsplasser i regionen»: 52 400 in 2020, the target 60 000 in 2030, a preliminary 57 150 in 2025."""
    return Indicator(
        id="arbeidsplasser",
        title="Arbeidsplasser i regionen",
        unit="antall",
        source="SSB",
        better="høyere",
        baseline=Point(year=2020, value=52400),
        target=Point(year=2030, value=60000),
        observations=[
            Observation(year=2024, value=56600),
            Observation(year=2025, value=57150, preliminary=True),
        ],
    )


def test_a_verdict_on_the_preliminary_57_150_says_it_rests_on_a_preliminary_figure() -> None:
    got = assess(workplaces())
    # Needed: 7 600 / 10 = 760 a year; so far: 4 750 / 5 = 950 a year; 950/760 = 125 %.
    assert (got.verdict, got.ratio) == (ON_TRACK, pytest.approx(1.25))
    assert got.preliminary
    assert got.caveat == "Bygger på et foreløpig tall (2025)."


def test_the_same_indicator_a_year_earlier_rests_on_a_final_figure() -> None:
    got = assess(workplaces(), until=2024)
    assert (got.latest and got.latest.value, got.preliminary, got.caveat) == (56600, False, "")
    assert got.ratio == pytest.approx(4200 / 4 / 760)


# -- the thresholds -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("latest", "expected"),
    [
        ((2022, 110), ON_TRACK),  # +5 a year of +5: 100 %
        ((2022, 109.5), ON_TRACK),  # +4,75 of +5: exactly 95 %
        ((2022, 109.4), SOME_PROGRESS),  # +4,7: 94 %
        ((2024, 112), SOME_PROGRESS),  # +3 of +5: exactly 60 %
        ((2024, 111.9), LITTLE_PROGRESS),  # +2,975: 59,5 %
        ((2024, 100), LITTLE_PROGRESS),  # unchanged: 0 %, Open SDG's «limited progress»
        ((2024, 99), WRONG_WAY),  # −0,25 a year: −5 %
    ],
    ids=["100%", "95%", "94%", "60%", "59.5%", "unchanged", "minus-5%"],
)
def test_the_ratio_of_the_change_so_far_to_the_change_needed_is_sorted_by_open_sdgs_thresholds(
    latest: tuple[int, float], expected: progress.Verdict
) -> None:
    assert assess(indicator(observations=[latest])).verdict == expected


def test_lower_is_better_counts_the_fall_as_progress() -> None:
    # Target 50: −5 a year needed. 2024: 80, so −5 a year: 100 %; 120: +5 a year, −100 %.
    assert assess(indicator("lavere", 50, [(2024, 80)])).verdict == ON_TRACK
    assert assess(indicator("lavere", 50, [(2024, 88)])).verdict == SOME_PROGRESS  # −3 a year: 60 %
    assert assess(indicator("lavere", 50, [(2024, 120)])).ratio == pytest.approx(-1)
    assert assess(indicator("lavere", 50, [(2024, 120)])).verdict == WRONG_WAY


def test_only_the_newest_measurement_counts_not_the_best_one() -> None:
    assert assess(indicator(observations=[(2021, 140), (2022, 98)])).verdict == WRONG_WAY


# -- target achieved, too early -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("better", "target", "latest"),
    [("høyere", 150, 150), ("høyere", 150, 151), ("lavere", 50, 50), ("lavere", 50, 40)],
)
def test_the_target_is_achieved_when_the_newest_value_is_at_it_or_beyond_whatever_the_pace(
    better: Literal["høyere", "lavere"], target: float, latest: float
) -> None:
    got = assess(indicator(better, target, [(2021, latest)]))
    assert (got.verdict, got.reached) == (ACHIEVED, True)


def test_achieved_is_checked_before_the_pace_even_after_a_fall_back() -> None:
    assert assess(indicator(observations=[(2029, 160), (2031, 150)])).verdict == ACHIEVED


@pytest.mark.parametrize(
    "observations",
    [[], [(2020, 100)], [(2019, 90)], [(2019, 90), (2020, 104)]],
    ids=["none", "only-the-baseline-year", "only-before", "before-and-the-baseline-year"],
)
def test_without_a_measurement_from_a_year_after_the_baseline_it_is_too_early_to_say(
    observations: list[tuple[int, float]],
) -> None:
    got = assess(indicator(observations=observations))
    assert (got.verdict, got.ratio, got.reached) == (TOO_EARLY, None, False)


def test_one_measurement_after_the_baseline_year_is_enough_as_in_open_sdg() -> None:
    assert assess(indicator(observations=[(2021, 105)])).verdict == ON_TRACK


def test_a_target_equal_to_the_baseline_is_achieved_while_held_and_the_wrong_way_when_lost() -> None:
    assert assess(indicator(target=100, observations=[(2022, 100)])).verdict == ACHIEVED
    assert assess(indicator(target=100, observations=[(2022, 99)])).verdict == WRONG_WAY


def test_the_year_asked_for_leaves_out_later_measurements() -> None:
    item = indicator(observations=[(2022, 110), (2024, 99)])
    assert (assess(item, until=2023).verdict, assess(item).verdict) == (ON_TRACK, WRONG_WAY)
    assert assess(item, until=2021).verdict == TOO_EARLY


# -- preliminary values ---------------------------------------------------------------------------------------


def test_only_a_preliminary_newest_value_makes_the_verdict_preliminary() -> None:
    assert not assess(indicator(observations=[(2022, 108, True), (2023, 115)])).preliminary
    assert assess(indicator(observations=[(2022, 108), (2023, 115, True)])).preliminary


def test_a_preliminary_value_in_the_baseline_year_gives_no_verdict_to_rest_on_it() -> None:
    assert not assess(indicator(observations=[(2020, 100, True)])).preliminary


# -- the words ------------------------------------------------------------------------------------------------


def test_each_verdict_has_its_own_words_symbol_and_style() -> None:
    for field in ("key", "label", "symbol", "when"):
        assert len({getattr(v, field) for v in VERDICTS}) == len(VERDICTS) == 6


def test_every_symbol_is_in_each_shipped_font_and_none_is_a_tick_or_a_cross() -> None:
    fonts = sorted((TEMPLATES / "print" / "fonts").glob("*.ttf"))
    assert len(fonts) == 4
    for path in fonts:
        characters = TTFont(Path(path)).getBestCmap()
        for v in VERDICTS:
            assert all(ord(c) in characters for c in v.symbol), (path.name, v.symbol)
    assert not any(c in v.symbol for v in VERDICTS for c in "✓✔✗✘")


def test_the_rule_names_every_verdict_given_by_the_pace_and_its_threshold() -> None:
    for v in (ON_TRACK, SOME_PROGRESS, LITTLE_PROGRESS, WRONG_WAY):
        assert f"«{v.label.lower()}»" in progress.RULE
    assert "«i rute» fra 95 %" in progress.RULE and "«noe fremgang» fra 60 %" in progress.RULE
    assert "«lite fremgang» fra 0 %" in progress.RULE and progress.RULE.count(".") == 1


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [(950, "antall", "+950"), (-200, "antall", "\u2212200"), (-0.38, "%", "\u22120,38\u00a0prosentpoeng")],
)
def test_a_change_per_year_has_its_sign_and_a_share_changes_in_points(value: float, unit: str, expected: str) -> None:
    assert change(value, unit) == expected


# -- the worked example ---------------------------------------------------------------------------------------


def test_the_worked_example_is_the_first_indicator_behind_the_pace_it_needs() -> None:
    ahead = indicator(observations=[(2022, 120)])
    assert worked_example([ahead, net_out_commuting()]).indicator.id == "netto-utpendling"
    assert worked_example([ahead]).indicator is ahead


def test_without_an_indicator_to_work_through_the_example_is_made_up_and_computed() -> None:
    got = worked_example([indicator(observations=[(2021, 160)])])
    assert got.indicator is progress.EXAMPLE and got.indicator.illustrative
    # 10 000 → 12 000 in ten years: +200 a year; 10 600 in 2024: +150 a year, 75 %.
    assert (got.verdict, got.ratio) == (SOME_PROGRESS, pytest.approx(0.75))
