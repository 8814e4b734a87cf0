"""The plan shipped in plan/ is valid, holds the real facts, and marks what is illustrative."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from conftest import run_plan
from schema import Measure, Plan

MUNICIPALITIES = ["Eidsvoll", "Gjerdrum", "Hurdal", "Nannestad", "Nes", "Ullensaker"]


def measures(plan: Plan) -> Iterator[Measure]:
    return (measure for _, _, measure in plan.measures())


def test_plan_validate_accepts_the_shipped_plan() -> None:
    result = run_plan("validate")
    assert result.code == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith("plan er gyldig: ")


def test_the_action_programme_has_the_promised_size(plan: Plan) -> None:
    assert len(plan.focus_areas) >= 5
    assert sum(len(fa.goals) for fa in plan.focus_areas) >= 14
    assert sum(1 for _ in measures(plan)) >= 40


def test_most_measures_have_budget_lines(plan: Plan) -> None:
    all_measures = list(measures(plan))
    with_budget = [m for m in all_measures if m.budget]
    assert len(with_budget) > 0.75 * len(all_measures)
    assert {line.secured for m in with_budget for line in m.budget} == {True, False}


def test_status_updates_are_spread_over_2021_to_2026(plan: Plan) -> None:
    years = {update.date.year for m in measures(plan) for update in m.status_updates}
    assert set(range(2021, 2027)) <= years


def test_every_status_is_used(plan: Plan) -> None:
    assert {m.status for m in measures(plan)} == {s.id for s in plan.vocabulary.statuses}


def test_there_are_six_indicators_with_observations(plan: Plan) -> None:
    assert len([i for i in plan.indicators if len(i.observations) >= 3]) >= 6


def test_the_six_municipalities_are_actors_and_each_leads_and_is_involved(plan: Plan) -> None:
    municipalities = {a.id: a.short_name for a in plan.actors if a.kind == "kommune"}
    assert sorted(municipalities.values()) == MUNICIPALITIES
    leads = {r.actor for m in measures(plan) for r in m.roles if r.role == "ansvarlig"}
    affected = {
        ident for m in measures(plan) for ident in (municipalities if m.municipalities == "alle" else m.municipalities)
    }
    assert set(municipalities) <= leads
    assert set(municipalities) <= affected


def test_viken_is_replaced_by_akershus_from_1_january_2024(plan: Plan) -> None:
    actors = {a.id: a for a in plan.actors}
    viken = actors["viken-fylkeskommune"]
    assert viken.replaced_by == "akershus-fylkeskommune"
    assert viken.active_to == dt.date(2023, 12, 31)
    assert actors["akershus-fylkeskommune"].active_from == dt.date(2024, 1, 1)


def test_the_real_decisions_are_recorded_and_not_marked_illustrative(plan: Plan) -> None:
    adopted = {(r.decision.date, r.illustrative) for r in plan.plan.revisions if r.decision}
    assert ("2020-01", False) in adopted  # the strategic platform, regional council, January 2020
    assert ("2021-04-23", False) in adopted  # the action programme, GRIP board, 23 April 2021
    assert plan.plan.owner == "gardermoregionen-ipr"
    assert plan.plan.sdg == [17]


def test_illustrative_content_is_marked_and_explained(plan: Plan) -> None:
    assert plan.plan.content_notice
    assert all(fa.illustrative for fa in plan.focus_areas)
    assert all(i.illustrative for i in plan.indicators)
    assert any(r.illustrative for r in plan.plan.revisions)
