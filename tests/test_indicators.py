"""How an indicator is going: the latest value against the target, one row per year, and the pages that show them
with the verdict (scripts/present/indicators.py; the verdict itself is specified in test_progress.py)."""

from __future__ import annotations

from typing import Literal

import pytest
from test_progress import indicator

from schema import Observation, Plan
from scripts.present import indicators
from scripts.present.indicators import YearRow, progress, year_rows
from scripts.present.progress import ON_TRACK
from scripts.site.pages import render_site

# -- the latest value against the target ---------------------------------------------------------------------


def test_progress_gives_the_latest_measurement() -> None:
    got = progress(indicator(observations=[(2021, 110), (2022, 120)]))
    # +10 a year against the +5 needed: on track.
    assert (got.latest and got.latest.year, got.reached, got.verdict) == (2022, False, ON_TRACK)


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
    item = indicator().model_copy(update={"observations": [Observation(year=2020, value=100, note="Ny tabell.")]})
    assert year_rows(item)[0].notes == ("Utgangsverdi", "Ny tabell.")


def test_a_preliminary_measurement_says_so_first_in_its_row() -> None:
    measured = [Observation(year=2021, value=110), Observation(year=2030, value=151, preliminary=True, note="Anslag.")]
    rows = year_rows(indicator().model_copy(update={"observations": measured}))
    assert [r.notes for r in rows] == [("Utgangsverdi",), (), ("Foreløpig", "Målverdi 150", "Anslag.")]


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
    assert (
        'Vurdering\n:   [<span class="verdict verdict--i-rute">' in page
        and "I rute</span>](slik-vurderer-vi.md " in page
    )
    # +10 a year since 2020 against the +5 needed; the straight path passes 110 in 2022.
    assert "Fremdrift\n:   +10 per år siden 2020, mot +5 per år som trengs for å nå målet i 2030: 200 %" in page
    assert "går gjennom 110 i 2022." in page
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
    assert "I rute</span>](" in page and indicators.RULE in page
    assert "slik-vurderer-vi.md" in page
