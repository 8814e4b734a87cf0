"""Which measures need following up (`core/followup.py`): «forsinket» when a milestone or the end of the period has
passed without it being reached or the measure finished, «ikke oppdatert» when the newest status update is older
than the plan's limit; both counted from the date the plan's status is as of, never from the clock."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from schema import Measure, Milestone, Plan, StatusUpdate
from scripts.core.followup import LATE, UNREPORTED, Rule, by_lead, follow_ups, months_before, status_as_of

AS_OF = dt.date(2026, 11, 12)
#: The rule as the shipped plan has it: six months, «fullført» done and «avsluttet» laid aside.
RULE = Rule(AS_OF, 6, frozenset({"fullført", "avsluttet"}))


@pytest.fixture(scope="module")
def base(plan: Plan) -> Measure:
    return next(m for _, _, m in plan.measures() if m.id == "1.1.1")


def measure(base: Measure, *, updated: dt.date | None = dt.date(2026, 10, 1), **changes: Any) -> Measure:
    """The test plan's measure 1.1.1 running 2024–2027, last updated on `updated` («pågår»), with `changes`."""
    updates = [StatusUpdate(date=updated, status=changes.pop("status", "pågår"), text="Nytt.")] if updated else []
    fields = {"period": base.period.model_copy(update={"start": 2024, "end": 2027}), "status_updates": updates}
    fields["status"] = updates[-1].status if updates else "planlagt"
    return base.model_copy(update={**fields, **changes})


def test_a_milestone_passed_without_being_reached_makes_the_measure_late(base: Measure) -> None:
    due = Milestone(date=dt.date(2026, 3, 1), text="Utkast sendt på høring")
    result = RULE.check(measure(base, milestones=[due]))
    assert result.flags == (LATE,)
    assert result.late == ("milepælen «Utkast sendt på høring» skulle vært nådd 1. mars 2026",)


def test_a_milestone_reached_or_not_yet_due_is_no_delay(base: Measure) -> None:
    reached = Milestone(date=dt.date(2026, 3, 1), text="Utkast", reached=dt.date(2026, 3, 4))
    due_today = Milestone(date=AS_OF, text="Høring")
    assert RULE.check(measure(base, milestones=[reached, due_today])).flags == ()


def test_a_milestone_reached_after_the_status_date_was_not_reached_then(base: Measure) -> None:
    later = Milestone(date=dt.date(2026, 3, 1), text="Utkast", reached=dt.date(2026, 12, 1))
    assert RULE.check(measure(base, milestones=[later])).flags == (LATE,)


def test_a_period_that_has_ended_without_the_measure_finished_makes_it_late(base: Measure) -> None:
    ended = measure(base, period=base.period.model_copy(update={"start": 2024, "end": 2025}))
    assert RULE.check(ended).late == ("perioden sluttet i 2025, men tiltaket er ikke fullført",)
    ends_this_year = measure(base, period=base.period.model_copy(update={"start": 2024, "end": 2026}))
    assert RULE.check(ends_this_year).flags == ()


def test_a_finished_or_laid_aside_measure_is_neither_late_nor_unreported(base: Measure) -> None:
    due = Milestone(date=dt.date(2025, 3, 1), text="Utkast")
    for status in ("fullført", "avsluttet"):
        old = measure(
            base,
            updated=dt.date(2023, 5, 1),
            status=status,
            milestones=[due],
            period=base.period.model_copy(update={"start": 2022, "end": 2024}),
        )
        result = RULE.check(old)
        assert (result.flags, result.last_update) == ((), dt.date(2023, 5, 1))


def test_an_update_older_than_six_months_makes_the_measure_unreported(base: Measure) -> None:
    result = RULE.check(measure(base, updated=dt.date(2025, 6, 12)))
    assert result.flags == (UNREPORTED,)
    assert result.unreported == "siste oppdatering 12. juni 2025"


def test_the_limit_is_the_same_day_six_months_before_the_status_date(base: Measure) -> None:
    assert RULE.limit == dt.date(2026, 5, 12)
    assert RULE.check(measure(base, updated=dt.date(2026, 5, 12))).flags == ()
    assert RULE.check(measure(base, updated=dt.date(2026, 5, 11))).flags == (UNREPORTED,)


def test_a_custom_limit_counts_its_own_months(base: Measure) -> None:
    strict = Rule(AS_OF, 3, RULE.done)
    assert strict.check(measure(base, updated=dt.date(2026, 7, 1))).flags == (UNREPORTED,)
    assert RULE.check(measure(base, updated=dt.date(2026, 7, 1))).flags == ()


def test_a_measure_never_updated_is_unreported_once_its_period_has_run_longer_than_the_limit(base: Measure) -> None:
    never = measure(base, updated=None)
    assert RULE.check(never).unreported == "ingen statusoppdatering ennå"
    not_begun = measure(base, updated=None, period=base.period.model_copy(update={"start": 2027, "end": 2028}))
    assert RULE.check(not_begun).flags == ()


def test_months_before_keeps_the_day_or_takes_the_months_last() -> None:
    assert months_before(dt.date(2026, 8, 31), 6) == dt.date(2026, 2, 28)
    assert months_before(dt.date(2026, 1, 15), 1) == dt.date(2025, 12, 15)
    assert months_before(dt.date(2024, 8, 30), 6) == dt.date(2024, 2, 29)


def test_the_rule_counts_from_the_plans_newest_update_and_its_limit(plan: Plan) -> None:
    rule = Rule.of(plan)
    assert rule.as_of == status_as_of(plan) == dt.date(2021, 9, 15)  # the test plan's only update
    assert (rule.months, rule.done) == (6, frozenset({"fullført"}))
    stricter = plan.model_copy(update={"plan": plan.plan.model_copy(update={"stale_after_months": 2})})
    assert Rule.of(stricter).months == 2


def test_the_list_by_lead_names_only_actors_with_measures_to_follow_up(plan: Plan, base: Measure) -> None:
    late = measure(base, milestones=[Milestone(date=dt.date(2021, 6, 1), text="Forstudie")])
    found = {"1.1.1": Rule(dt.date(2021, 9, 15), 6, frozenset()).check(late)}
    assert [(a.id, [f.measure.id for f in fs]) for a, fs in by_lead(plan, found)] == [("nes-kommune", ["1.1.1"])]
    assert by_lead(plan) == []  # the test plan as it is: nothing late, nothing unreported yet
    assert set(follow_ups(plan)) == {"1.1.1", "1.1.2"}


def late_plan(plan: Plan) -> Plan:
    """The test plan with measure 1.1.1 late (a milestone due 1 June 2021, not reached) and unreported (the plan's
    newest update is a new one of 1.1.2 on 1 May 2022, so 1.1.1's of 15 September 2021 is too old)."""
    areas = []
    for fa in plan.focus_areas:
        goals = []
        for goal in fa.goals:
            measures = []
            for m in goal.measures:
                if m.id == "1.1.1":
                    m = m.model_copy(update={"milestones": [Milestone(date=dt.date(2021, 6, 1), text="Forstudie")]})
                if m.id == "1.1.2":
                    newer = StatusUpdate(date=dt.date(2022, 5, 1), status="planlagt", text="Vedtatt.")
                    m = m.model_copy(update={"status_updates": [newer]})
                measures.append(m)
            goals.append(goal.model_copy(update={"measures": measures}))
        areas.append(fa.model_copy(update={"goals": goals}))
    return plan.model_copy(update={"focus_areas": areas})


def test_the_late_plan_of_the_other_tests_has_one_measure_to_follow_up(plan: Plan) -> None:
    found = follow_ups(late_plan(plan))
    assert found["1.1.1"].reasons() == [
        "milepælen «Forstudie» skulle vært nådd 1. juni 2021",
        "siste oppdatering 15. september 2021",
    ]
    assert found["1.1.2"].flags == ()


def test_the_issue_lists_the_measures_by_lead_with_why_and_the_last_update_and_links_to_the_site(plan: Plan) -> None:
    from scripts.editor.status.followup import markdown

    text = markdown(late_plan(plan), "https://example.org/plan/")
    assert text.startswith("Status per 1. mai 2022: 1 tiltak er forsinket og 1 er ikke oppdatert på 6 måneder.\n")
    assert "\n## Nes kommune\n\n- [1.1.1 Nettverk for logistikk](https://example.org/plan/tiltak/1-1-1/): " in text
    assert (
        "forsinket og ikke oppdatert (milepælen «Forstudie» skulle vært nådd 1. juni 2021). "
        "Sist oppdatert: 15. september 2021.\n"
    ) in text
    assert "1.1.2" not in text


def test_the_page_oppfolging_lists_by_lead_and_the_list_of_all_measures_can_be_filtered_to_it(plan: Plan) -> None:
    from scripts.present.lookups import SiteOptions
    from scripts.publish.providers import render_pages

    pages = render_pages(late_plan(plan), SiteOptions())
    page = pages["oppfolging.md"]
    assert "Status per 1. mai 2022: 1 tiltak er forsinket og\n1 er ikke oppdatert" in page
    assert "## [Nes kommune](aktorer/nes-kommune.md)" in page
    assert '<time datetime="2021-09-15">15. september 2021</time>' in page
    measures = pages["tiltak/index.md"]
    assert 'data-follow-up="forsinket ikke-oppdatert"' in measures and 'data-follow-up=""' in measures
    assert 'data-param="oppfolging"' in measures and '<option value="trenger">' in measures
    home = pages["index.md"]
    assert "[**1** tiltak trenger oppfølging](tiltak/index.md?oppfolging=trenger)" in home
    measure = pages["tiltak/1-1-1.md"]
    assert "Milepælen «Forstudie» skulle vært nådd 1. juni 2021; siste oppdatering 15. september 2021." in measure
    assert measure.count('class="followup-badge followup-badge--') == 2
