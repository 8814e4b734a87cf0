"""The status badge (one look for a status wherever the site shows it) and the front page's low status bar."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET

import pytest

from schema import Plan, Status
from scripts.present.charts import WIDTH, contrast, status_bar
from scripts.site.badges import DEFAULT_SYMBOL, MIN_CONTRAST, badge_colours, status_badge

SVG = "{http://www.w3.org/2000/svg}"
ROWS = [("Planlagt", 3, "#4a5560"), ("Pågår", 24, "#1a5e9a"), ("Fullført", 0, "#2b6e31"), ("Utsatt", 13, "#8f4a00")]


def status(**fields: object) -> Status:
    return Status.model_validate(
        {"id": "pågår", "label": "Pågår", "description": "I gang.", "colour": "#1a5e9a"} | {"order": 1, **fields}
    )


# -- the badge -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "colour", ["#4a5560", "#1a5e9a", "#2b6e31", "#8f4a00", "#6b3f7a", "#ffff00", "#7f7f7f", "#00ff00", "#ffffff"]
)
def test_the_badge_text_keeps_4_5_to_1_against_its_background_whatever_the_colour(colour: str) -> None:
    text, background = badge_colours(colour)
    assert contrast(text, background) >= MIN_CONTRAST
    assert contrast(background, "#ffffff") < 1.5  # a light tint: the badge reads as a label, not a block of colour


def test_a_dark_colour_is_used_as_it_is_for_the_badge_text() -> None:
    assert badge_colours("#1A5E9A") == ("#1a5e9a", "#e4ecf3")


def test_every_status_of_the_plan_gets_a_readable_badge_with_its_own_symbol(plan: Plan) -> None:
    symbols = [s.symbol for s in plan.vocabulary.statuses]
    assert None not in symbols and len(set(symbols)) == len(symbols)
    for s in plan.vocabulary.statuses:
        assert contrast(*badge_colours(s.colour)) >= MIN_CONTRAST


def test_the_badge_shows_symbol_and_name_and_hides_the_symbol_from_screen_readers() -> None:
    badge = status_badge(status(symbol="◐"))
    assert badge == (
        '<span class="status-badge" style="--status-text:#1a5e9a;--status-bg:#e4ecf3">'
        '<span class="status-badge__symbol" aria-hidden="true">◐</span>Pågår</span>'
    )


def test_a_status_without_a_symbol_gets_the_default_one() -> None:
    assert f'aria-hidden="true">{DEFAULT_SYMBOL}</span>' in status_badge(status())


def test_text_in_the_badge_can_neither_open_html_nor_start_markdown() -> None:
    badge = status_badge(status(label='<b>*Pågår*</b> | "x" [y](z)', symbol="<"))
    inner = badge.split(">", 1)[1]
    assert "<b>" not in inner and "*" not in inner and "|" not in inner and "[" not in inner and '"x"' not in inner
    assert "&#60;b&#62;&#42;Pågår&#42;&#60;/b&#62; &#124; &#34;x&#34; &#91;y&#93;(z)" in badge
    assert 'aria-hidden="true">&#60;</span>' in badge


# -- the low status bar ----------------------------------------------------------------------------------------


def parts(svg: str) -> list[ET.Element]:
    return list(ET.fromstring(svg).iter(f"{SVG}rect"))


def test_the_status_bar_has_a_part_per_status_with_measures_as_long_as_its_share() -> None:
    found = parts(status_bar("s", ROWS, "Status"))
    assert [p.find(f"{SVG}title").text for p in found] == [  # type: ignore[union-attr]
        "Planlagt: 3 tiltak",
        "Pågår: 24 tiltak",
        "Utsatt: 13 tiltak",
    ]
    widths = [float(p.attrib["width"]) for p in found]
    assert widths[1] / widths[0] == pytest.approx(8, rel=0.01)
    assert widths[2] / widths[0] == pytest.approx(13 / 3, rel=0.01)
    assert [p.attrib["fill"] for p in found] == ["#4a5560", "#1a5e9a", "#8f4a00"]


def test_the_status_bar_fills_its_width_with_white_gaps_between_the_parts() -> None:
    found = parts(status_bar("s", ROWS, "Status"))
    ends = [(float(p.attrib["x"]), float(p.attrib["x"]) + float(p.attrib["width"])) for p in found]
    assert ends[0][0] == 0 and ends[-1][1] == pytest.approx(WIDTH, abs=0.2)
    assert all(later[0] - earlier[1] == pytest.approx(2, abs=0.2) for earlier, later in itertools.pairwise(ends))


def test_the_status_bar_states_the_counts_in_its_description() -> None:
    desc = ET.fromstring(status_bar("s", ROWS, "Status")).find(f"{SVG}desc")
    assert desc is not None
    assert (
        desc.text
        == "Planlagt: 3 tiltak, pågår: 24 tiltak, fullført: 0 tiltak, utsatt: 13 tiltak. Til sammen 40 tiltak."
    )


def test_a_status_bar_without_measures_says_so() -> None:
    svg = status_bar("s", [("Planlagt", 0, "#4a5560")], "Status")
    assert "Ingen tiltak å vise." in svg


def test_a_negative_count_is_refused() -> None:
    with pytest.raises(ValueError, match="negativt"):
        status_bar("s", [("Planlagt", -1, "#4a5560")], "Status")


def test_the_status_bar_is_an_image_named_by_its_title_and_description_that_fills_its_container() -> None:
    root = ET.fromstring(status_bar("status-alle", ROWS, "Status for alle tiltakene", width=360))
    assert root.attrib["role"] == "img"
    assert root.attrib["aria-labelledby"] == "status-alle-title status-alle-desc"
    assert root.find(f"{SVG}title").text == "Status for alle tiltakene"  # type: ignore[union-attr]
    assert root.attrib["width"] == "100%" and "height" not in root.attrib
    assert root.attrib["viewBox"] == "0 0 360 24"
    assert root.attrib["class"] == "chart chart--status-bar"
