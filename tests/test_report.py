"""The yearly status report as a paper for a decision, and the date every print edition's status is as of: what
the summary and the list of missing updates must say (computed here from the plan's data, independently of
scripts/pdf/report.py), the cover fields for the meeting, type large enough to read, the same bytes every time."""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from tools import program

from conftest import ROOT, VALID_PLAN, run_plan
from schema import Plan
from scripts.present.progress import assess
from scripts.validate.validator import validate_folder

SHIPPED = ROOT / "plan"
YEAR = 2025
MEASURE_ID = re.compile(r"\b\d+\.\d+\.\d+\b")


@pytest.fixture(scope="module")
def shipped() -> Plan:
    plan, problems = validate_folder(SHIPPED)
    assert plan is not None, problems
    return plan


@pytest.fixture(scope="module")
def clock() -> Iterator[None]:
    """Today is 1 December 2026 for every build in this file (as SOURCE_DATE_EPOCH, the reproducible build's)."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(dt.datetime(2026, 12, 1, tzinfo=dt.UTC).timestamp()))
    yield
    if before is None:
        del os.environ["SOURCE_DATE_EPOCH"]
    else:
        os.environ["SOURCE_DATE_EPOCH"] = before


def build(out: Path, *args: str, plan: Path = SHIPPED) -> Path:
    result = run_plan("pdf", "--plan", str(plan), "--out", str(out), *args)
    assert result.code == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory, clock: None) -> Path:
    out = tmp_path_factory.mktemp("rapport") / "rapport.pdf"
    return build(out, "--report", str(YEAR), "--meeting", "2026-02-12", "--case", "PS 12/26")


def page_texts(path: Path) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages]


def expected(plan: Plan, year: int) -> dict[str, Any]:
    """From the plan's data as JSON: each started measure's status at the end of the year before and of the
    year (the newest update up to then, «planlagt» before the first), and whether it had an update in the year."""
    data = plan.model_dump(mode="json")
    done = {s["id"] for s in data["vocabulary"]["statuses"] if s["done"]}
    first = min(data["vocabulary"]["statuses"], key=lambda s: s["order"])["id"]

    def status(updates: list[dict[str, Any]], until: str) -> str:
        known = [(u["date"], i, u["status"]) for i, u in enumerate(updates) if u["date"] <= until]
        return max(known)[2] if known else first

    changed, missing = set(), set()
    for area in data["focus_areas"]:
        for goal in area["goals"]:
            for m in goal["measures"]:
                start, end = m["period"]["start"], m["period"]["end"]
                if start > year:
                    continue
                updates = m["status_updates"]
                before, now = status(updates, f"{year - 1}-12-31"), status(updates, f"{year}-12-31")
                if before != now:
                    changed.add(m["id"])
                in_year = [u for u in updates if u["date"].startswith(str(year))]
                if not in_year and before not in done and (end is None or end >= year):
                    missing.add(m["id"])
    return {"changed": changed, "missing": missing}


def section(texts: list[str], start: str, end: str) -> str:
    whole = " ".join(texts)
    return whole[whole.index(start) : whole.index(end, whole.index(start))]


def test_the_summary_lists_exactly_the_measures_that_changed_status_since_the_report_before(
    report: Path, shipped: Plan
) -> None:
    """«The report before» is the report on the year before: its «status per» date is the newest update up to the
    end of that year, and the changes are counted from there."""
    summary = page_texts(report)[1]
    assert summary.startswith(f"Sammendrag: status ved utgangen av {YEAR}")
    changed = section([summary], "Endret siden forrige rapport", f"Starter i {YEAR}")
    before = max(u.date for _, _, m in shipped.measures() for u in m.status_updates if u.date.year < YEAR)
    assert f"siden statusrapporten for {YEAR - 1} (status per {before.day}. " in changed
    want = expected(shipped, YEAR)["changed"]
    assert want, "the shipped plan should have measures that changed status in the year"
    assert set(MEASURE_ID.findall(changed)) == want
    assert f"{len(want)} tiltak har endret status" in changed


def flagged_by_lead(plan: Plan, as_of: dt.date) -> dict[str, set[str]]:
    """Written out from the plan's data, as the page «Oppfølging» explains it: a measure not finished is late when
    its period ended before the year of `as_of` or a milestone passed unreached, and unreported when its period has
    begun and its newest update up to `as_of` (else its first day) is more than six months old. By lead actor."""
    data = plan.model_dump(mode="json")
    finished = {s["id"] for s in data["vocabulary"]["statuses"] if s["done"] or s["closed"]}
    first = min(data["vocabulary"]["statuses"], key=lambda s: s["order"])["id"]
    months = as_of.year * 12 + as_of.month - 1 - 6
    limit = str(
        dt.date(months // 12, months % 12 + 1, min(as_of.day, calendar.monthrange(months // 12, months % 12 + 1)[1]))
    )
    day = str(as_of)
    found: dict[str, set[str]] = {}
    for area in data["focus_areas"]:
        for goal in area["goals"]:
            for m in goal["measures"]:
                known = sorted(
                    (u["date"], i, u["status"]) for i, u in enumerate(m["status_updates"]) if u["date"] <= day
                )
                status = known[-1][2] if known else first
                start, end = m["period"]["start"], m["period"]["end"]
                if status in finished or start > as_of.year:
                    continue
                late = (end is not None and end < as_of.year) or any(
                    s["date"] < day and not (s["reached"] and s["reached"] <= day) for s in m["milestones"]
                )
                since = known[-1][0] if known else f"{start}-01-01"
                if late or since < limit:
                    lead = next(r["actor"] for r in m["roles"] if r["role"] == "ansvarlig")
                    found.setdefault(lead, set()).add(m["id"])
    return found


def test_the_report_lists_exactly_the_late_and_unreported_measures_under_their_lead(
    report: Path, shipped: Plan
) -> None:
    heading = "Tiltak som trenger oppfølging"
    whole = " ".join(page_texts(report))
    start = whole.index(heading, whole.index("Slik vurderer vi"))
    listed = whole[start : whole.index(f"1 {shipped.focus_areas[0].title}", start)]
    as_of = max(u.date for _, _, m in shipped.measures() for u in m.status_updates if u.date.year <= YEAR)
    want = flagged_by_lead(shipped, as_of)
    assert want
    names = {a.id: a.name for a in shipped.actors}
    assert sorted(MEASURE_ID.findall(listed)) == sorted(i for ids in want.values() for i in ids)
    # In plan/actors.yaml's order, each actor's measures under its caption.
    captions = [f"{names[a.id]}: {len(want[a.id])} tiltak" for a in shipped.actors if a.id in want]
    assert all(c in listed for c in captions)
    assert sorted(captions, key=listed.index) == captions
    for lead, ids in want.items():
        after = listed[listed.index(f"{names[lead]}: {len(ids)} tiltak") :]
        assert all(i in after.split(": ", 1)[1] for i in ids)


def test_the_summary_is_one_page_with_status_a_year_before_money_and_indicator_verdicts(
    report: Path, shipped: Plan
) -> None:
    texts = page_texts(report)
    summary = texts[1]
    assert f"Ved utgangen av {YEAR - 1}" in summary and "Sum" in summary
    assert f"Penger for {YEAR}" in summary and "bevilget" in summary
    assert all(i.title in summary for i in shipped.indicators)
    assert "Vurdering" in summary and "Slik vurderer vi" in summary
    assert texts[2].startswith("Tiltak som trenger oppfølging")


def test_an_indicator_verdict_that_rests_on_a_preliminary_value_says_so_in_the_summary(
    report: Path, shipped: Plan
) -> None:
    summary = page_texts(report)[1]
    resting = [i for i in shipped.indicators if assess(i, until=YEAR).preliminary]
    assert resting and summary.count("(foreløpig tall)") == len(resting)


def test_the_cover_and_every_footer_say_the_case_and_the_date_the_status_is_as_of(report: Path, shipped: Plan) -> None:
    newest = max(u.date for _, _, m in shipped.measures() for u in m.status_updates if u.date.year <= YEAR)
    per = f"Status per {newest.day}. "
    texts = page_texts(report)
    assert "Status per" in texts[0] and per in texts[0]
    assert all(f"PS 12/26 · {per}" in page for page in texts[1:]), "every footer names the case and the date"
    assert "Møte 12. februar 2026" in texts[0]
    assert "Saksnummer PS 12/26" in texts[0]
    assert "Kontakt Sekretariatet i Gardermoregionen IPR" in texts[0]
    assert "vedtatt av Styret i Gardermoregionen IPR 14. juni 2024" in texts[0]


def test_a_report_on_the_current_year_says_so_far_this_year(tmp_path: Path, clock: None) -> None:
    texts = page_texts(build(tmp_path / "i-år.pdf", "--report", "2026"))
    assert "hittil i år" in texts[0]
    assert texts[1].startswith("Sammendrag: status hittil i år")
    assert "ved utgangen av 2026" not in " ".join(texts)


def test_no_text_in_the_report_is_smaller_than_9_5_pt(report: Path) -> None:
    small: list[tuple[int, float, str]] = []
    for number, page in enumerate(PdfReader(report).pages, start=1):

        def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float, number: int = number) -> None:
            effective = abs(size * tm[3] * cm[3])
            if text.strip() and effective < 9.5 - 0.01:
                small.append((number, round(effective, 2), text.strip()[:30]))

        page.extract_text(visitor_text=visit)
    assert small == []


def test_two_builds_of_the_report_give_the_same_bytes(report: Path, tmp_path: Path, clock: None) -> None:
    again = build(tmp_path / "igjen.pdf", "--report", str(YEAR), "--meeting", "2026-02-12", "--case", "PS 12/26")
    assert again.read_bytes() == report.read_bytes()


def test_the_plan_pdf_says_the_status_is_as_of_its_newest_update_or_the_date_asked_for(tmp_path: Path) -> None:
    texts = page_texts(build(tmp_path / "plan.pdf", plan=VALID_PLAN))
    assert "Status per 15. september 2021" in texts[0]
    assert all("Status per 15. september 2021 · Versjon 1.0, vedtatt 23. april 2021" in t for t in texts[1:])
    earlier = page_texts(build(tmp_path / "tidligere.pdf", "--as-of", "2021-06-01", plan=VALID_PLAN))
    assert "Status per 1. juni 2021" in earlier[0]
    assert "15. september 2021" not in " ".join(earlier)


def test_an_as_of_that_is_not_a_date_is_a_usage_error_in_norwegian() -> None:
    result = run_plan("pdf", "--plan", str(VALID_PLAN), "--as-of", "12.11.2026")
    assert result.code == 2
    assert "ikke en dato" in result.stderr


#: A measure title of 118 characters, two under the length the validator warns about, with long words.
LONG_TITLE = (
    "Samarbeidsnettverk for logistikkbedrifter, godsterminaler og flyfraktaktører i hele regionen med "
    "kompetanseprogrammene"
)


def test_status_words_and_headings_are_never_broken_beside_a_118_character_title(tmp_path: Path) -> None:
    """«Fullført», «Avsluttet», «Planlagt» and «Status» stay whole words in every table of the report, however
    long the title in the same row (pdftotext of the pages: a word broken over two lines of a cell reads as two in a row, «Fullfør t»)."""
    assert len(LONG_TITLE) == 118
    folder = tmp_path / "plan"
    shutil.copytree(VALID_PLAN, folder)
    area = folder / "satsingsomrader" / "1-nettverk.yaml"
    text = area.read_text(encoding="utf-8")
    text = text.replace("title: Nettverk for logistikk", f"title: {LONG_TITLE}")
    text = text.replace("title: Nettverk for reiseliv", f"title: {LONG_TITLE[:-1]}e")
    text = text.replace(
        "            text: I gang.\n",
        "            text: I gang.\n          - date: 2021-11-20\n            status: fullført\n            text: Ferdig.\n",
    )
    text = text.replace(
        "        period: {start: 2024}\n",
        "        period: {start: 2021}\n        status_updates:\n          - date: 2021-10-01\n"
        "            status: avsluttet\n            text: Lagt bort.\n",
    )
    area.write_text(text, encoding="utf-8")
    pdf = build(tmp_path / "lang.pdf", "--report", "2021", plan=folder)
    words = subprocess.run(
        [program("pdftotext"), str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.split()
    for word in ("Fullført", "Avsluttet", "Planlagt", "Status"):
        assert word in words
        assert not [(a, b) for a, b in itertools.pairwise(words) if a + b == word], word
