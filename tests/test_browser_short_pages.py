"""Shorter pages on the shipped plan (issue 23, part 9), in a real browser at a phone's 390 × 844 and a desktop's
1280 px: the timeline shows each measure once with its whole name and a line for today, the changes between two
editions name each measure once, and the front page's status overview begins within the first two screens of a
phone. The site is built on a pinned day (SOURCE_DATE_EPOCH), so the line for today stands where that day falls."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from conftest import ROOT, WCAG, WIDTHS, QuietHandler, run_plan, serving, site_headers
from schema import Plan
from scripts.core.filters import nb_date
from scripts.site.registry import page_path
from scripts.site.urls import url_of
from scripts.validate.validator import validate_folder

pytestmark = [pytest.mark.browser, pytest.mark.slow]

#: The day the site is built on when no consultation is open: inside the plan's years, after every date in the data.
LATE_DAY = dt.date(2030, 7, 2)


def build_day() -> dt.date:
    """The last day of the shipped plan's open consultation, if it has one (so that the front page carries its box,
    the longest the front page gets), else LATE_DAY."""
    plan, problems = validate_folder(ROOT / "plan")
    assert plan is not None, problems
    deadlines = [r.consultation.deadline for r in plan.plan.revisions if r.stage == "høring" and r.consultation]
    return max(deadlines, default=LATE_DAY)


DAY = build_day()
PHONE = {"width": 390, "height": 844}
#: axe's WCAG 2.1 A and AA rules and its best practices, on the content (the theme's parts: test_browser.py).
WCAG_AND_BEST_PRACTICE = {"runOnly": {"type": "tag", "values": [*WCAG["runOnly"]["values"], "best-practice"]}}
PAGE_CONTENT = {"exclude": [[".md-header"], [".md-tabs"], [".md-sidebar"]]}


@pytest.fixture(scope="module")
def shipped_plan() -> Plan:
    plan, problems = validate_folder(ROOT / "plan", DAY)
    assert plan is not None, problems
    return plan


@pytest.fixture(scope="module")
def shipped_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    out = tmp_path_factory.mktemp("shipped-short") / "site"
    epoch = dt.datetime.combine(DAY, dt.time(12), tzinfo=dt.UTC).timestamp()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", str(int(epoch)))
        result = run_plan("build", "--plan", str(ROOT / "plan"), "--out", str(out))
    assert result.code == 0, result.stderr
    QuietHandler.headers_to_send = site_headers(out)
    with serving(out) as url:
        yield url


def open_page(browser: Browser, url: str, width: int, height: int = 900) -> Page:
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(url, wait_until="load")
    return page


TIMELINE = url_of(page_path("timeline"))
CHANGES = url_of(page_path("edition-changes", "2.1"))

#: Each name on the timeline: its text, whether it is cut (wider inside than its box) and its box's edges.
NAMES = """
() => [...document.querySelectorAll(".timeline__name")].map((a) => {
  const box = a.getBoundingClientRect();
  return {text: a.textContent, cut: a.scrollWidth > a.clientWidth, left: box.left, right: box.right};
})
"""


@pytest.mark.parametrize("width", WIDTHS.values())
def test_the_timeline_shows_each_measure_once_with_its_whole_name(
    shipped_server: str, browser: Browser, shipped_plan: Plan, width: int
) -> None:
    page = open_page(browser, shipped_server + TIMELINE, width)
    names = page.evaluate(NAMES)
    assert [name["text"] for name in names] == [f"{m.id} {m.title}" for _, _, m in shipped_plan.measures()]
    assert [n["text"] for n in names if n["cut"] or n["left"] < 0 or n["right"] > width] == []
    for _, _, measure in shipped_plan.measures():
        address = url_of(page_path("measure", measure.id))
        assert page.locator(f'article a[href$="/{address}"]').count() == 1, measure.id
    assert page.locator("article svg").count() == 0, "no chart beside the list repeats the measures"
    page.close()


#: Where the line for today is drawn in each row (from the left edge of the row's years, in px) and how wide the
#: years are; and where the label «i dag» is centred.
TODAY = """
() => {
  const tracks = [...document.querySelectorAll(".timeline__track")];
  const label = document.querySelector(".timeline__today").getBoundingClientRect();
  const years = document.querySelector(".timeline__years").getBoundingClientRect();
  return {
    lines: tracks.map((t) => ({
      at: parseFloat(getComputedStyle(t, "::after").left),
      width: t.getBoundingClientRect().width,
      shown: getComputedStyle(t, "::after").borderLeftStyle,
    })),
    label: (label.left + label.right) / 2 - years.left,
    years: years.width,
  };
}
"""


@pytest.mark.parametrize("width", WIDTHS.values())
def test_a_line_marked_i_dag_stands_where_the_build_day_falls_in_the_plans_years(
    shipped_server: str, browser: Browser, shipped_plan: Plan, width: int
) -> None:
    page = open_page(browser, shipped_server + TIMELINE, width)
    start, end = shipped_plan.plan.period.start, shipped_plan.plan.period.end
    share = (DAY - dt.date(start, 1, 1)).days / (dt.date(end + 1, 1, 1) - dt.date(start, 1, 1)).days
    assert f"«i dag» er {nb_date(DAY)}" in page.locator("article").inner_text()
    drawn = page.evaluate(TODAY)
    assert len(drawn["lines"]) == len(list(shipped_plan.measures()))
    for line in drawn["lines"]:
        assert line["shown"] == "dashed"
        assert line["at"] == pytest.approx(share * line["width"], abs=1)
    assert drawn["label"] == pytest.approx(share * drawn["years"], abs=2)
    assert page.locator(".timeline__today").first.inner_text() == "i dag"
    page.close()


def test_the_changes_of_edition_2_1_name_each_measure_once_in_each_section(
    shipped_server: str, browser: Browser
) -> None:
    page = open_page(browser, shipped_server + CHANGES, PHONE["width"], PHONE["height"])
    sections = page.evaluate(
        """() => [...document.querySelectorAll(".edition-changes dl")].map((dl) =>
             [...dl.querySelectorAll(":scope > dt")].map((dt) => dt.textContent))"""
    )
    terms = [term for section in sections for term in section]
    assert len(terms) > 10
    for section in sections:
        assert len(section) == len(set(section)), section
    lines = page.locator(".edition-changes dd li").all_inner_texts()
    assert lines and [line for line in lines if line.startswith("Tiltak ")] == []
    page.close()


def test_the_front_pages_status_overview_begins_within_two_phone_screens(shipped_server: str, browser: Browser) -> None:
    page = open_page(browser, shipped_server, PHONE["width"], PHONE["height"])
    assert page.locator(".consultation").count() == (DAY != LATE_DAY)
    top = page.locator("#status-for-tiltakene").evaluate("(h) => h.getBoundingClientRect().top + window.scrollY")
    assert top < 2 * PHONE["height"]
    page.close()


@pytest.mark.parametrize("width", WIDTHS.values())
@pytest.mark.parametrize("path", ["", TIMELINE, CHANGES])
def test_the_shortened_pages_have_no_axe_violation(
    shipped_server: str, browser: Browser, path: str, width: int
) -> None:
    page = open_page(browser, shipped_server + path, width)
    results = Axe().run(page, context=PAGE_CONTENT, options=WCAG_AND_BEST_PRACTICE)
    assert results.violations_count == 0, results.generate_report()
    page.close()
