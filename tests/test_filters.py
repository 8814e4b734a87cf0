"""The template filters: Norwegian formats, and text from the plan kept from turning into markup."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

import pytest

from schema import Period
from scripts.core.filters import (
    attr,
    cell,
    inline,
    markdown_html,
    nb_date,
    nok,
    number,
    percent,
    plural,
    prose,
    slug,
    url,
    years,
)
from scripts.pdf.document import css_string

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("value", "text"),
    [(0, "0"), (56600, f"56{NBSP}600"), (1250000, f"1{NBSP}250{NBSP}000"), (21.5, "21,5"), (0.25, "0,25"), (-3, "−3")],
)
def test_number_uses_a_non_breaking_space_for_thousands_and_a_decimal_comma(value: float, text: str) -> None:
    assert number(value) == text


def test_nok_writes_kroner_after_the_amount() -> None:
    assert nok(1250000) == f"1{NBSP}250{NBSP}000{NBSP}kr"


def test_percent_has_a_space_before_the_sign() -> None:
    assert percent(45) == f"45{NBSP}%"


@pytest.mark.parametrize(
    ("value", "text"),
    [(dt.date(2021, 4, 23), "23. april 2021"), ("2021-04-23", "23. april 2021"), ("2020-01", "januar 2020")],
)
def test_dates_are_written_the_norwegian_way(value: dt.date | str, text: str) -> None:
    assert nb_date(value) == text


@pytest.mark.parametrize(
    ("period", "text"),
    [
        (Period(start=2021, end=2024), "2021–2024"),
        (Period(start=2023, end=2023), "2023"),
        (Period(start=2024), "fra 2024"),
    ],
)
def test_periods_use_an_en_dash_and_say_when_a_measure_is_ongoing(period: Period, text: str) -> None:
    assert years(period) == text


def test_cell_keeps_a_table_cell_on_one_line_and_escapes_pipes_and_html() -> None:
    assert cell("a | b\n<script>x</script>") == "a \\| b &lt;script&gt;x&lt;/script&gt;"


def test_inline_shows_markdown_and_html_as_text() -> None:
    assert inline("*fet* [lenke](javascript:x) <b>") == "\\*fet\\* \\[lenke\\](javascript:x) &lt;b&gt;"


def test_cell_shows_markdown_as_text_so_a_note_cannot_become_an_image_or_a_link() -> None:
    assert cell("![x](data:x) [y](javascript:y) **z**") == "\\!\\[x\\](data:x) \\[y\\](javascript:y) \\*\\*z\\*\\*"


def test_inline_puts_the_text_on_one_line() -> None:
    assert inline("a\n\n- b\n    c\u2028d") == "a - b c d"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("1. Mai", "1\\. Mai"),
        ("- x", "\\- x"),
        ("+ x", "\\+ x"),
        ("---", "\\---"),
        (": x", "&#58; x"),
        ("=== x", "&#61;== x"),
        ("| x |", "&#124; x |"),
        ("2021 var et år", "2021 var et år"),
    ],
)
def test_inline_text_cannot_start_a_list_a_rule_a_definition_or_a_table(text: str, shown: str) -> None:
    assert inline(text) == shown


def test_attr_escapes_quotes() -> None:
    assert attr('a "b" <c>') == "a &quot;b&quot; &lt;c&gt;"


def test_attr_is_safe_in_a_double_quoted_yaml_string_of_the_front_matter() -> None:
    """No backslash (YAML would read «\\x3c» as «<»), no line break (a «---» line would end the front matter)."""
    assert attr("a\\x3cb\n---\nc") == "a&#92;x3cb --- c"


def test_url_cannot_end_a_markdown_link_or_leave_an_attribute() -> None:
    assert url("https://x.test/a_b?c=1&d=2") == "https://x.test/a_b?c=1&d=2"
    assert url('https://x.test/)"<b> {:x}') == "https://x.test/%29%22%3Cb%3E%20%7B:x%7D"


def test_plural_picks_the_form_by_count() -> None:
    assert (plural(1, "aktør", "aktører"), plural(2, "aktør", "aktører")) == ("1 aktør", "2 aktører")


def test_slug_turns_an_id_into_an_address() -> None:
    assert slug("1.2.3") == "1-2-3"


def test_markdown_from_the_plan_keeps_its_formatting() -> None:
    assert markdown_html("**Viktig:** se [SSB](https://www.ssb.no/).") == (
        '<p><strong>Viktig:</strong> se <a href="https://www.ssb.no/" rel="noopener noreferrer">SSB</a>.</p>'
    )


@pytest.mark.parametrize(
    "attack",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        '<a href="javascript:alert(1)">x</a>',
        "<svg onload=alert(1)>",
    ],
)
def test_raw_html_in_the_plan_is_shown_as_text_and_never_runs(attack: str) -> None:
    html = markdown_html(f"Før {attack} etter")
    assert elements(html) == [("p", [])]  # no element but the paragraph, no attribute at all
    assert "&lt;" in html and "etter" in html  # the editor's text is still there, as text


def elements(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """The start tags of an HTML fragment, with their attributes."""
    found: list[tuple[str, list[tuple[str, str | None]]]] = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, attrs))

    Collector().feed(html)
    return found


def test_a_markdown_link_to_javascript_loses_its_address() -> None:
    html = markdown_html("[klikk](javascript:alert(1))")
    assert elements(html) == [("p", []), ("a", [("rel", "noopener noreferrer")])]
    assert "klikk" in html


def test_a_markdown_image_is_not_loaded_and_its_text_stays() -> None:
    html = markdown_html("![kart](https://x.test/kart.png)")
    assert elements(html) == [("p", [])]
    assert "![kart](https://x.test/kart.png)" in html


def test_html_in_code_is_shown_once_escaped() -> None:
    assert markdown_html("`<b> & &amp;`") == "<p><code>&lt;b&gt; &amp; &amp;amp;</code></p>"


def test_print_keeps_links_to_the_web_mail_and_the_document_only() -> None:
    html = markdown_html("[a](https://x.test) [b](mailto:a@x.test) [c](#mal-1-1) [d](../tiltak/)", relative_links=False)
    assert [dict(attrs).get("href") for _, attrs in elements(html)[1:]] == [
        "https://x.test",
        "mailto:a@x.test",
        "#mal-1-1",
        None,
    ]


def test_css_string_cannot_end_the_string_the_rule_or_the_style_element() -> None:
    assert css_string('Plan "2" }</style>') == "Plan \\22 2\\22  \\7d \\3c \\2f style\\3e "


def test_prose_wraps_the_html_in_a_block_that_markdown_leaves_alone() -> None:
    assert prose("Hei") == '<div class="prose">\n<p>Hei</p>\n</div>'
