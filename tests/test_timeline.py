"""The timeline's rows (`site/timeline.py`): where a measure's bar starts and ends along the plan's years, whether it
runs on past them, and where the build's day falls; the page states the day and draws nothing for a day outside."""

from __future__ import annotations

import datetime as dt

import pytest

from schema import Measure, Plan
from scripts.present.lookups import SiteOptions
from scripts.site.pages import render_site
from scripts.site.timeline import axis, bar

#: A timeline of the plan's ten years, 2021–2030, on New Year's Day 2026: halfway.
YEARS = axis(2021, 2030, dt.date(2026, 1, 1))


@pytest.fixture(scope="module")
def base(plan: Plan) -> Measure:
    return next(m for _, _, m in plan.measures() if m.id == "1.1.1")


def running(base: Measure, start: int, end: int | None) -> Measure:
    return base.model_copy(update={"period": base.period.model_copy(update={"start": start, "end": end})})


def test_today_falls_where_the_days_since_the_first_year_put_it() -> None:
    assert YEARS.today_share == 0.5
    assert axis(2021, 2030, dt.date(2021, 1, 1)).today_share == 0
    assert axis(2021, 2030, dt.date(2030, 12, 31)).today_share == pytest.approx(1, abs=0.001)


def test_a_day_outside_the_years_has_no_line() -> None:
    assert axis(2021, 2030, dt.date(2031, 1, 1)).today_share is None
    assert axis(2021, 2030, dt.date(2020, 12, 31)).today_share is None
    assert axis(2021, 2030, None).today_share is None


def test_a_bar_runs_from_the_start_of_its_first_year_to_the_end_of_its_last(base: Measure) -> None:
    drawn = bar(YEARS, running(base, 2023, 2025), "#1A5E9A")
    assert (drawn.start, drawn.end, drawn.open, drawn.shown) == (0.2, 0.5, False, True)
    assert drawn.style == "--from:20.00%;--to:50.00%;--bar:#1a5e9a;--bar-line:transparent"


def test_a_bar_without_an_end_or_past_the_years_runs_to_the_last_year_and_on(base: Measure) -> None:
    for end in (None, 2034):
        drawn = bar(YEARS, running(base, 2028, end), "#1a5e9a")
        assert (drawn.start, drawn.end, drawn.open) == (0.7, 1.0, True)


def test_a_light_bar_gets_a_dark_outline_and_a_period_outside_the_years_no_bar(base: Measure) -> None:
    assert "--bar-line:#" in bar(YEARS, running(base, 2023, 2025), "#ffd966").style
    assert not bar(YEARS, running(base, 2017, 2019), "#1a5e9a").shown
    with pytest.raises(ValueError, match="rrggbb"):
        bar(YEARS, running(base, 2023, 2025), "blue")


def test_the_timeline_page_states_the_build_day_and_draws_its_line(plan: Plan) -> None:
    page = render_site(plan, SiteOptions(today=dt.date(2026, 1, 1)))["tidslinje.md"]
    assert "«i dag» er 1. januar 2026." in page
    assert 'class="timeline timeline--today" style="--years:10;--today:50.00%"' in page
    assert '<span class="timeline__today">i dag</span>' in page


def test_without_a_build_day_or_outside_the_years_the_timeline_has_no_line(plan: Plan) -> None:
    for options in (SiteOptions(), SiteOptions(today=dt.date(2040, 1, 1))):
        page = render_site(plan, options)["tidslinje.md"]
        assert "i dag" not in page and "timeline--today" not in page and "--today" not in page


def test_each_measure_stands_once_on_the_timeline_with_its_whole_title(plan: Plan) -> None:
    page = render_site(plan, SiteOptions())["tidslinje.md"]
    for _, _, measure in plan.measures():
        assert page.count(f"tiltak/{measure.id.replace('.', '-')}/") == 1, measure.id
        assert f">{measure.id} {measure.title}</a>" in page
