"""How an indicator is going: the verdict rule, the latest value against the target, one row per year, and the
pages that show them (scripts/present/indicators.py)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import pytest

from schema import Indicator, Observation, Plan, Point
from scripts.present import indicators
from scripts.present.indicators import ON_THE_WAY, TOO_EARLY, WRONG_WAY, YearRow, progress, verdict, year_rows
from scripts.site.pages import render_site


def indicator(
    better: Literal["høyere", "lavere"] = "høyere", target: float = 150, observations: Sequence[tuple[int, float]] = ()
) -> Indicator:
    """An indicator with baseline 100 in 2020 and its target in 2030."""
    return Indicator(
        id="arbeidsplasser",
        title="Arbeidsplasser",
        unit="antall",
        source="SSB",
        better=better,
        baseline=Point(year=2020, value=100),
        target=Point(year=2030, value=target),
        observations=[Observation(year=y, value=v) for y, v in observations],
    )


# -- the verdict ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "observations",
    [[], [(2021, 120)], [(2020, 100), (2021, 120)], [(2019, 90), (2020, 100), (2022, 130)]],
    ids=["none", "one", "one-after-a-measured-baseline", "one-after-the-baseline-year"],
)
def test_with_fewer_than_two_measurements_after_the_baseline_year_it_is_too_early_to_say(
    observations: list[tuple[int, float]],
) -> None:
    assert verdict(indicator(observations=observations)) == TOO_EARLY


def test_higher_is_better_and_the_latest_value_is_higher_than_the_baseline_is_on_the_way() -> None:
    assert verdict(indicator(observations=[(2021, 90), (2022, 101)])) == ON_THE_WAY


def test_higher_is_better_and_the_latest_value_is_lower_than_the_baseline_is_the_wrong_way() -> None:
    assert verdict(indicator(observations=[(2021, 130), (2022, 99)])) == WRONG_WAY


def test_lower_is_better_and_the_latest_value_is_lower_than_the_baseline_is_on_the_way() -> None:
    item = indicator(better="lavere", target=50, observations=[(2021, 120), (2022, 95)])
    assert verdict(item) == ON_THE_WAY


def test_lower_is_better_and_the_latest_value_is_higher_than_the_baseline_is_the_wrong_way() -> None:
    item = indicator(better="lavere", target=50, observations=[(2021, 80), (2022, 105)])
    assert verdict(item) == WRONG_WAY


@pytest.mark.parametrize("better", ["høyere", "lavere"])
def test_a_latest_value_equal_to_the_baseline_is_not_on_the_way(better: Literal["høyere", "lavere"]) -> None:
    assert verdict(indicator(better=better, target=100, observations=[(2021, 120), (2022, 100)])) == WRONG_WAY


def test_only_the_latest_measurement_counts_not_the_best_one() -> None:
    assert verdict(indicator(observations=[(2021, 140), (2022, 145), (2023, 98)])) == WRONG_WAY


def test_the_rule_is_said_in_one_norwegian_sentence_naming_every_verdict() -> None:
    assert indicators.RULE.count(".") == 1 and indicators.RULE.endswith(".")
    for each in (ON_THE_WAY, WRONG_WAY, TOO_EARLY):
        assert f"«{each.label.lower()}»" in indicators.RULE
    assert indicators.MIN_MEASUREMENTS == 2 and "færre enn to målinger" in indicators.RULE


def test_each_verdict_has_its_own_words_symbol_and_style() -> None:
    verdicts = (ON_THE_WAY, WRONG_WAY, TOO_EARLY)
    for field in ("key", "label", "symbol"):
        assert len({getattr(v, field) for v in verdicts}) == 3


# -- the latest value against the target ---------------------------------------------------------------------


def test_progress_gives_the_latest_measurement() -> None:
    got = progress(indicator(observations=[(2021, 110), (2022, 120)]))
    assert (got.latest and got.latest.year, got.reached, got.verdict) == (2022, False, ON_THE_WAY)


def test_progress_without_measurements_has_no_latest_value() -> None:
    assert progress(indicator()).latest is None


@pytest.mark.parametrize(("better", "target", "latest", "reached"), [
    ("høyere", 150, 150, True), ("høyere", 150, 151, True), ("høyere", 150, 149, False),
    ("lavere", 50, 50, True), ("lavere", 50, 40, True), ("lavere", 50, 51, False),
])  # fmt: skip
def test_the_target_is_reached_when_the_latest_value_is_at_or_beyond_it(
    better: Literal["høyere", "lavere"], target: float, latest: float, reached: bool
) -> None:
    assert progress(indicator(better, target, [(2021, 100), (2022, latest)])).reached is reached


# -- one row per year ----------------------------------------------------------------------------------------


def test_a_measured_baseline_year_is_one_row_that_says_it_is_the_baseline() -> None:
    rows = year_rows(indicator(observations=[(2020, 100), (2021, 110)]))
    assert rows == [
        YearRow(2020, 100, ("Utgangsverdi",)),
        YearRow(2021, 110, ()),
        YearRow(2030, 150, ("Målverdi",)),
    ]


def test_baseline_and_target_years_without_measurements_get_rows_of_their_own_in_year_order() -> None:
    rows = year_rows(indicator(observations=[(2022, 120), (2031, 160)]))
    assert [(r.year, r.value, r.notes) for r in rows] == [
        (2020, 100, ("Utgangsverdi",)),
        (2022, 120, ()),
        (2030, 150, ("Målverdi",)),
        (2031, 160, ()),
    ]


def test_a_measurement_that_differs_from_the_baseline_of_its_year_shows_the_measurement_and_names_the_baseline() -> (
    None
):
    rows = year_rows(indicator(observations=[(2020, 98), (2030, 155)]))
    assert rows == [YearRow(2020, 98, ("Utgangsverdi 100",)), YearRow(2030, 155, ("Målverdi 150",))]


def test_a_measurement_note_is_kept_beside_the_baseline() -> None:
    item = indicator().model_copy(update={"observations": [Observation(year=2020, value=100, note="Foreløpig.")]})
    assert year_rows(item)[0].notes == ("Utgangsverdi", "Foreløpig.")


# -- the pages -----------------------------------------------------------------------------------------------


def with_measure(plan: Plan, ident: str, **changes: object) -> Plan:
    """The plan with one measure changed (the example plan's measures name no indicators and no tags)."""
    areas = [
        fa.model_copy(
            update={
                "goals": [
                    g.model_copy(
                        update={"measures": [m.model_copy(update=changes) if m.id == ident else m for m in g.measures]}
                    )
                    for g in fa.goals
                ]
            }
        )
        for fa in plan.focus_areas
    ]
    return plan.model_copy(update={"focus_areas": areas})


@pytest.fixture(scope="module")
def pages(plan: Plan) -> dict[str, str]:
    return render_site(with_measure(plan, "1.1.1", indicators=["arbeidsplasser"]))


def test_the_indicator_page_shows_latest_value_target_verdict_rule_direction_and_source(pages: dict[str, str]) -> None:
    page = pages["indikatorer/arbeidsplasser.md"]
    assert "Siste måling\n:   **120** (2022)" in page
    assert "Målverdi\n:   150 (2030)" in page
    assert 'Vurdering\n:   <span class="verdict verdict--pa-vei">' in page and "På vei mot målet</span>" in page
    assert indicators.RULE in page
    assert "Retning\n:   Høyere verdi er bedre" in page
    assert "[Statistisk sentralbyrå (SSB)](https://www.ssb.no/statbank/table/07984/), tabell 07984:" in page
    assert "Tallene er hentet 1. mars 2023." in page


def test_the_indicator_page_table_has_one_row_per_year(pages: dict[str, str]) -> None:
    rows = [line for line in pages["indikatorer/arbeidsplasser.md"].splitlines() if line.startswith("| 20")]
    years = [row.split("|")[1].strip() for row in rows]
    assert years == sorted(set(years)) == ["2020", "2021", "2022", "2030"]


@pytest.mark.parametrize("path", ["mal/1-1.md", "tiltak/1-1-1.md", "indikatorer/index.md"])
def test_goal_measure_and_indicator_list_pages_show_latest_value_and_verdict(pages: dict[str, str], path: str) -> None:
    page = pages[path]
    assert "[Arbeidsplasser](" in page
    assert "Siste måling **120** (2022), mål 150 (2030)." in page
    assert "På vei mot målet</span>" in page and indicators.RULE in page
