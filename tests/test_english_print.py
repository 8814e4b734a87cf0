"""The words made outside the page templates and the print edition, in English: dates, amounts and numbers the
English way, the charts' and the print edition's fixed texts from the English catalogue, and a plan text without a
translation shown in Norwegian and marked as such (lang="nb" in the HTML, /Lang nb in the tagged PDF). The
Norwegian edition says what it said before: its words come from the Norwegian catalogue."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from types import SimpleNamespace

import pikepdf
import pytest
from markupsafe import Markup

from conftest import structure_elements
from schema import Plan
from scripts.core.catalogue import catalogue
from scripts.core.dates import nb_date
from scripts.core.numbers import nok, number, percent, year_span
from scripts.model.fixed import MONTHS
from scripts.pdf.document import block_in_lang, in_lang, plan_html, render_pdf
from scripts.present import charts
from scripts.present.indicators import markdown_filters_in
from scripts.present.progress import VERDICTS, rule

#: Fixed Norwegian texts of the print templates that the English edition must not show outside a Norwegian part.
NORWEGIAN_FIXED = ["Innhold", "Rollematrise", "Økonomi", "Bevilget", "Planlagt", "sist oppdatert", "Kilde:", "Side "]
#: The same texts in English.
ENGLISH_FIXED = ["Contents", "Role matrix", "Budget", "Secured", "Planned", "last updated", "Source:", "Page "]


@pytest.fixture(scope="module")
def english_html(shipped_plan: Plan) -> str:
    return plan_html(shipped_plan, lang="en")


def outside_norwegian_parts(html: str) -> str:
    """The text of the document's body without its parts marked Norwegian (<span lang="nb">, <div lang="nb">).
    (A chart's text alternative names the statuses as the vocabulary does: an attribute has no language.)"""
    body = html.split("<body", 1)[1]
    body = re.sub(r'<span lang="nb">.*?</span>', "", body, flags=re.S)
    body = re.sub(r'<div lang="nb">.*?</div>', "", body, flags=re.S)
    return re.sub(r"<[^>]*>", " ", body)


def test_a_date_in_english_is_day_month_year_without_a_full_stop() -> None:
    assert nb_date(dt.date(2024, 6, 14), "en") == "14 June 2024"
    assert nb_date("2020-01", "en") == "January 2020"
    assert nb_date(dt.date(2024, 6, 14)) == "14. juni 2024"


def test_the_norwegian_months_of_the_catalogue_are_the_models() -> None:
    assert tuple(catalogue("nb").t(f"date.month.{n}") for n in range(1, 13)) == MONTHS


def test_money_and_numbers_in_english_have_commas_for_thousands_and_a_decimal_point() -> None:
    assert nok(250_000, "en") == "NOK\u00a0250,000"
    assert number(62_000, lang="en") == "62,000"
    assert number(1.5, lang="en") == "1.5"
    assert percent(45, "en") == "45%"
    assert year_span(2024, None, "en") == "from 2024"


def test_money_and_numbers_in_norwegian_are_as_before() -> None:
    assert nok(250_000) == "250\u00a0000\u00a0kr"
    assert number(1.5) == "1,5"
    assert percent(45) == "45\u00a0%"
    assert year_span(2024, None) == "fra 2024"


def test_the_verdicts_norwegian_words_in_the_catalogue_are_the_verdicts_own() -> None:
    assert [v.label_in("nb") for v in VERDICTS] == [v.label for v in VERDICTS]
    assert [v.when_in("nb") for v in VERDICTS] == [v.when for v in VERDICTS]
    assert "on track" in rule("en")


def test_a_chart_in_english_says_its_data_in_english() -> None:
    svg = charts.budget_chart("b", [("Nettverk", 1_000_000, 250_000)], "Budget", lang="en")
    assert "Secured NOK 1,000,000, planned NOK 250,000" in svg
    assert "Bevilget" not in svg
    status = charts.status_chart("s", [("Ongoing", 24, "#1a4f80")], "Status", lang="en")
    assert "Ongoing: 24 measures" in status


def test_a_text_without_translation_is_marked_norwegian_and_a_translated_one_is_not() -> None:
    untranslated = SimpleNamespace(title="Nettverk", en=None)
    translated = SimpleNamespace(title="Nettverk", en=SimpleNamespace(title="Networks"))
    assert in_lang("Nettverk", untranslated, "title", lang="en") == Markup('<span lang="nb">Nettverk</span>')
    assert in_lang("Networks", translated, "title", lang="en") == "Networks"
    assert in_lang("Nettverk", untranslated, "title", lang="nb") == "Nettverk"
    block = block_in_lang(Markup("<p>Tekst</p>"), untranslated, "title", lang="en")
    assert block == Markup('<div lang="nb"><p>Tekst</p></div>')


def test_the_english_plan_is_in_english_with_its_fixed_texts_from_the_english_catalogue(english_html: str) -> None:
    assert '<html lang="en">' in english_html
    shown = outside_norwegian_parts(english_html)
    assert [word for word in NORWEGIAN_FIXED if word in shown] == []
    assert [word for word in ENGLISH_FIXED if word not in english_html] == []
    assert "NOK\u00a0" in shown


def test_the_english_plan_shows_an_untranslated_text_in_norwegian_marked_and_says_so(
    shipped_plan: Plan, english_html: str
) -> None:
    area = shipped_plan.focus_areas[0]
    if getattr(area, "en", None) is None:  # until the shipped plan is translated: its Norwegian title, marked
        assert f'<span lang="nb">{area.id} {area.title}</span>' in english_html
    assert 'lang="nb"' in english_html.split("<body", 1)[1]
    assert catalogue("en").t("print.partly_untranslated") in english_html


def test_the_norwegian_plan_has_no_english_and_no_marked_parts(shipped_plan: Plan) -> None:
    html = plan_html(shipped_plan)
    assert '<html lang="nb">' in html
    assert 'lang="' not in html.split("<body", 1)[1]
    assert [word for word in ENGLISH_FIXED if word in html.split("<body", 1)[1]] == []
    assert catalogue("en").t("print.partly_untranslated") not in html


def test_a_status_report_is_norwegian_only(shipped_plan: Plan) -> None:
    with pytest.raises(ValueError, match="bare på norsk"):
        plan_html(shipped_plan, report=2025, today=dt.date(2026, 1, 1), lang="en")


def test_the_english_pdf_is_tagged_in_english_with_its_norwegian_parts_tagged_norwegian(
    english_html: str, tmp_path: Path
) -> None:
    out = render_pdf(english_html, tmp_path / "plan-en.pdf")
    with pikepdf.open(out) as pdf:
        assert str(pdf.Root.Lang) == "en"
        assert bool(pdf.Root.MarkInfo.Marked)
        languages = {str(element.get("/Lang")) for element in structure_elements(pdf) if "/Lang" in element}
        assert languages == {"nb"}
        title = str(pdf.open_metadata().get("dc:title"))
    assert "current plan, version" in title


def test_an_indicators_change_and_quantity_in_english() -> None:
    english = markdown_filters_in("en")
    assert english["change"](-0.38, "%") == "\u22120.38\u00a0percentage points"
    assert english["quantity"](1450.5, "dekar") == "1,450.5 dekar"
    assert english["direction"]("lavere") == "A lower value is better"
    assert markdown_filters_in("nb")["change"](-0.38, "%") == "\u22120,38\u00a0prosentpoeng"


def test_an_indicator_chart_in_english_writes_shares_and_counts_the_english_way(shipped_plan: Plan) -> None:
    share = next(i for i in shipped_plan.indicators if i.unit.strip() == "%")
    count = next(i for i in shipped_plan.indicators if i.unit.strip() == "antall")
    assert re.search(r"\d%", charts.indicator_chart("a", share, lang="en"))
    assert not re.search(r"\d %", charts.indicator_chart("a", share, lang="en"))
    counted = charts.indicator_chart("b", count, lang="en")
    assert "Number" in counted and "Antall" not in counted and "antall" not in counted
