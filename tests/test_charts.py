"""The SVG charts of the website: well-formed, accessible, escaped, deterministic and readable."""

from __future__ import annotations

import itertools
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator

import pytest

from schema import Indicator, Observation, Plan, Point
from scripts.present import charts
from scripts.present.charts import budget_chart, indicator_chart, nok, number, status_chart
from scripts.present.charts.layout import Labeller, labelled_years, nice_ticks, segment_hits_box
from scripts.present.charts.style import check_colour, outline, text_on
from scripts.present.charts.svg import coord
from scripts.present.charts.text import lower_first, sentence, text_width, truncate, wrap

SVG = "{http://www.w3.org/2000/svg}"
NBSP = "\u00a0"
NASTY = '<script>alert("x")</script> & «Tom & Jerry» "sitat" \'apostrof\''


# --------------------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------------------


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def texts(root: ET.Element) -> list[str]:
    """Every visible text of the chart (the <text> elements), in document order."""
    return ["".join(el.itertext()) for el in root.iter(f"{SVG}text")]


def view_box(root: ET.Element) -> tuple[float, float, float, float]:
    x, y, w, h = (float(v) for v in root.attrib["viewBox"].split())
    return x, y, w, h


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a #rrggbb colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_ratio(a: str, b: str) -> float:
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def indicator(**changes: object) -> Indicator:
    data: dict[str, object] = {
        "id": "arbeidsplasser",
        "title": "Arbeidsplasser i regionen",
        "unit": "antall",
        "source": "SSB",
        "better": "høyere",
        "baseline": Point(year=2020, value=52400),
        "target": Point(year=2030, value=60000),
        "observations": [
            Observation(year=2020, value=52400),
            Observation(year=2021, value=53100),
            Observation(year=2022, value=55200),
            Observation(year=2025, value=57150, note="Foreløpig tall."),
        ],
    }
    data.update(changes)
    if "better" not in changes and data["target"].value < data["baseline"].value:  # type: ignore[attr-defined]
        data["better"] = "lavere"  # a target below the baseline is valid only where lower is better
    return Indicator.model_validate(data)


STATUS_ROWS = [("Planlagt", 3, "#4a5560"), ("Pågår", 24, "#1a5e9a"), ("Fullført", 14, "#2b6e31")]
BUDGET_ROWS = [("Nettverk og klynger", 1_000_000, 250_000), ("Omstilling", 12_750_000, 0), ("Ny satsing", 0, 800_000)]

#: One way to draw each kind of chart, taking the chart id, the user text and the width.
CHARTS: dict[str, Callable[[str, str, int], str]] = {
    "status": lambda cid, text, width: status_chart(cid, [(text, 2, "#1a5e9a"), *STATUS_ROWS], text, width=width),
    "budget": lambda cid, text, width: budget_chart(cid, [(text, 500_000, 100_000), *BUDGET_ROWS], text, width=width),
    "indicator": lambda cid, text, width: indicator_chart(cid, indicator(title=text, unit=text), width=width),
}
WIDTHS = [charts.WIDTH, 360]


def every_chart(text: str = "Tittel") -> Iterator[tuple[str, str]]:
    for kind, draw in CHARTS.items():
        for width in WIDTHS:
            yield f"{kind}-{width}", draw(f"{kind}-chart", text, width)


# --------------------------------------------------------------------------------------------------------
# Number formatting
# --------------------------------------------------------------------------------------------------------


def test_nok_writes_kroner_with_non_breaking_spaces_between_thousands() -> None:
    assert nok(1250000) == "1\u00a0250\u00a0000 kr"
    assert nok(950) == "950 kr"
    assert nok(0) == "0 kr"


def test_number_writes_a_decimal_comma() -> None:
    assert number(45.5) == "45,5"
    assert number(21.5) == "21,5"


def test_number_writes_whole_numbers_without_decimals() -> None:
    assert number(28.0) == "28"
    assert number(56600) == f"56{NBSP}600"
    assert number(1_250_000.0) == f"1{NBSP}250{NBSP}000"


def test_number_rounds_to_one_decimal_half_up() -> None:
    assert number(21.54) == "21,5"
    assert number(45.25) == "45,3"
    assert number(29.96) == "30"
    assert number(1234.56) == f"1{NBSP}234,6"


def test_number_writes_negative_numbers_with_a_minus_sign() -> None:
    assert number(-3.5) == "\u22123,5"
    assert number(-0.01) == "0"


def test_number_refuses_what_is_not_a_number() -> None:
    with pytest.raises(ValueError):
        number(float("nan"))


def test_years_are_written_with_an_en_dash() -> None:
    assert charts.years(2021, 2024) == "2021–2024"
    assert charts.years(2021, 2021) == "2021"
    assert charts.years(2021, None) == "fra 2021"


def test_quantities_carry_their_unit_except_plain_counts() -> None:
    assert charts.quantity(45.5, "%") == "45,5 %"
    assert charts.quantity(1450, "dekar") == f"1{NBSP}450 dekar"
    assert charts.quantity(52400, "antall") == f"52{NBSP}400"


# --------------------------------------------------------------------------------------------------------
# What every chart does
# --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "svg"), list(every_chart()))
def test_every_chart_is_well_formed_svg(name: str, svg: str) -> None:
    root = parse(svg)
    assert root.tag == f"{SVG}svg"
    assert svg.endswith("</svg>\n")


@pytest.mark.parametrize(("name", "svg"), list(every_chart()))
def test_every_chart_has_a_title_and_a_description(name: str, svg: str) -> None:
    root = parse(svg)
    first, second = list(root)[:2]
    assert first.tag == f"{SVG}title"
    assert second.tag == f"{SVG}desc"
    assert (first.text or "").strip()
    assert (second.text or "").strip()
    assert root.attrib["role"] == "img"
    assert root.attrib["aria-labelledby"].split() == [first.attrib["id"], second.attrib["id"]]


@pytest.mark.parametrize(("name", "svg"), list(every_chart()))
def test_every_chart_is_named_by_its_kind(name: str, svg: str) -> None:
    kind = name.split("-")[0]
    root = parse(svg)
    assert root.attrib["class"] == f"chart chart--{kind}"
    assert root.find(f"{SVG}title").attrib["id"] == f"{kind}-chart-title"  # type: ignore[union-attr]
    assert root.find(f"{SVG}desc").attrib["id"] == f"{kind}-chart-desc"  # type: ignore[union-attr]


@pytest.mark.parametrize(("name", "svg"), list(every_chart()))
def test_every_chart_scales_to_the_width_of_its_container(name: str, svg: str) -> None:
    root = parse(svg)
    assert root.attrib["width"] == "100%"
    assert "height" not in root.attrib
    assert root.attrib["preserveAspectRatio"] == "xMidYMid meet"
    _, _, width, height = view_box(root)
    assert width in WIDTHS
    assert height > 0


@pytest.mark.parametrize(("name", "svg"), list(every_chart()))
def test_every_id_in_a_chart_is_unique_and_starts_with_the_chart_id(name: str, svg: str) -> None:
    ids = [el.attrib["id"] for el in parse(svg).iter() if "id" in el.attrib]
    assert len(ids) == len(set(ids))
    assert all(i.startswith(name.split("-")[0] + "-chart-") for i in ids)


def test_charts_with_different_ids_can_share_a_page() -> None:
    page = "".join(draw(f"{kind}-{n}", "Tittel", charts.WIDTH) for kind, draw in CHARTS.items() for n in (1, 2))
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(("name", "svg"), list(every_chart()))
def test_every_chart_runs_no_script_and_fetches_nothing(name: str, svg: str) -> None:
    root = parse(svg)
    tags = {el.tag.removeprefix(SVG) for el in root.iter()}
    assert not tags & {"script", "image", "foreignObject", "style", "use", "feImage"}
    for el in root.iter():
        for attribute, value in el.attrib.items():
            assert not attribute.startswith("on")
            if value.startswith("url("):
                assert value.startswith("url(#")
    assert "http://" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in svg
    assert "@import" not in svg


@pytest.mark.parametrize(("name", "svg"), list(every_chart()))
def test_every_text_is_at_least_12_px_when_the_chart_is_640_px_wide(name: str, svg: str) -> None:
    root = parse(svg)
    _, _, width, _ = view_box(root)
    default = float(root.attrib["font-size"])
    sizes = [float(el.attrib.get("font-size", default)) for el in root.iter(f"{SVG}text")]
    assert sizes
    assert min(sizes) * 640 / width >= 12


@pytest.mark.parametrize(("name", "svg"), list(every_chart()))
def test_every_text_stays_inside_the_chart(name: str, svg: str) -> None:
    root = parse(svg)
    _, _, width, height = view_box(root)
    for el in root.iter(f"{SVG}text"):
        text = "".join(el.itertext())
        size = float(el.attrib["font-size"])
        bold = el.attrib.get("font-weight", "normal") != "normal"
        x, y = float(el.attrib["x"]), float(el.attrib["y"])
        text_width = charts.text_width(text, size, bold=bold)
        left = {"start": x, "middle": x - text_width / 2, "end": x - text_width}[el.attrib.get("text-anchor", "start")]
        assert left >= -0.5, text
        assert left + text_width <= width + 0.5, text
        assert y - size * 0.8 >= 0, text
        assert y <= height, text


@pytest.mark.parametrize(("name", "svg"), list(every_chart()))
def test_every_coordinate_is_rounded_to_one_decimal(name: str, svg: str) -> None:
    numbers = re.findall(r'(?:x|y|x1|x2|y1|y2|cx|cy|width|height|points|d)="([^"%]*)"', svg)
    assert numbers
    for value in numbers:
        assert not re.search(r"\d\.\d\d", value), value


@pytest.mark.parametrize("kind", list(CHARTS))
def test_the_same_input_gives_the_same_bytes(kind: str) -> None:
    draw = CHARTS[kind]
    assert draw("c", "Tittel", charts.WIDTH) == draw("c", "Tittel", charts.WIDTH)


@pytest.mark.parametrize(("name", "svg"), list(every_chart(NASTY)))
def test_user_text_is_escaped(name: str, svg: str) -> None:
    root = parse(svg)  # raises if < & " were written raw
    assert not [el for el in root.iter() if el.tag.removeprefix(SVG) == "script"]
    assert "<script>" not in svg
    assert root.find(f"{SVG}title").text == NASTY  # type: ignore[union-attr]


@pytest.mark.parametrize("kind", list(CHARTS))
def test_a_chart_id_that_is_not_a_valid_id_is_refused(kind: str) -> None:
    with pytest.raises(ValueError, match="chart_id"):
        CHARTS[kind]('a" onload="x', "Tittel", charts.WIDTH)


@pytest.mark.parametrize("kind", list(CHARTS))
def test_a_chart_narrower_than_the_minimum_is_refused(kind: str) -> None:
    with pytest.raises(ValueError, match="bredt"):
        CHARTS[kind]("c", "Tittel", charts.MIN_WIDTH - 1)


# --------------------------------------------------------------------------------------------------------
# Contrast
# --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "colour"), list(charts.TEXT_COLOURS.items()))
def test_hard_coded_text_colours_have_4_5_to_1_contrast_against_the_background(name: str, colour: str) -> None:
    assert contrast_ratio(colour, "#ffffff") >= 4.5


@pytest.mark.parametrize(("name", "colour"), list(charts.GRAPHIC_COLOURS.items()))
def test_hard_coded_graphic_colours_have_3_to_1_contrast_against_the_background(name: str, colour: str) -> None:
    assert contrast_ratio(colour, "#ffffff") >= 3


@pytest.mark.parametrize(("name", "svg"), list(every_chart()))
def test_every_dark_text_in_a_chart_uses_a_colour_with_enough_contrast(name: str, svg: str) -> None:
    for el in parse(svg).iter(f"{SVG}text"):
        fill = el.attrib["fill"]
        if fill != "#ffffff":  # white text stands inside bars: see the next test
            assert contrast_ratio(fill, "#ffffff") >= 4.5, fill


def test_a_light_bar_gets_a_dark_outline() -> None:
    svg = status_chart("s", [("Planlagt", 3, "#ffd966")], "Status")
    rect = parse(svg).find(f".//{SVG}rect")
    assert rect is not None
    assert rect.attrib["stroke"] == charts.TEXT


# --------------------------------------------------------------------------------------------------------
# Status chart
# --------------------------------------------------------------------------------------------------------


def test_status_bars_are_labelled_with_their_label_and_count() -> None:
    root = parse(status_chart("s", STATUS_ROWS, "Tiltak etter status"))
    assert texts(root) == ["Planlagt: 3", "Pågår: 24", "Fullført: 14"]


def test_status_labels_stand_at_the_end_of_their_bars() -> None:
    root = parse(status_chart("s", STATUS_ROWS, "Tiltak etter status"))
    for group in root.iter(f"{SVG}g"):
        rect, text = group.find(f"{SVG}rect"), group.find(f"{SVG}text")
        assert rect is not None
        assert text is not None
        assert float(text.attrib["x"]) > float(rect.attrib["x"]) + float(rect.attrib["width"])


def test_status_bar_lengths_are_proportional_to_the_counts() -> None:
    root = parse(status_chart("s", STATUS_ROWS, "Tiltak etter status"))
    widths = [float(r.attrib["width"]) for r in root.iter(f"{SVG}rect")]
    assert widths[1] / widths[0] == pytest.approx(24 / 3, rel=0.01)
    assert widths[2] / widths[0] == pytest.approx(14 / 3, rel=0.01)


def test_status_description_states_the_counts_in_words() -> None:
    root = parse(status_chart("s", STATUS_ROWS, "Tiltak etter status"))
    desc = root.find(f"{SVG}desc")
    assert desc is not None
    assert desc.text == "Planlagt: 3 tiltak, pågår: 24 tiltak, fullført: 14 tiltak. Til sammen 41 tiltak."


def test_status_chart_draws_a_count_of_zero_as_an_empty_bar() -> None:
    root = parse(status_chart("s", [("Pågår", 4, "#1a5e9a"), ("Avsluttet", 0, "#6b3f7a")], "Status"))
    assert [r.attrib["width"] for r in root.iter(f"{SVG}rect")][1] == "0"
    assert "Avsluttet: 0" in texts(root)


def test_status_chart_without_rows_says_there_is_nothing_to_show() -> None:
    root = parse(status_chart("s", [], "Status"))
    assert "Ingen tiltak å vise." in texts(root)


def test_status_chart_refuses_a_colour_that_is_not_rrggbb() -> None:
    with pytest.raises(ValueError, match="#rrggbb"):
        status_chart("s", [("Pågår", 4, "blue")], "Status")


# --------------------------------------------------------------------------------------------------------
# Budget chart
# --------------------------------------------------------------------------------------------------------


def test_budget_planned_money_is_hatched_with_an_outline() -> None:
    root = parse(budget_chart("b", BUDGET_ROWS, "Budsjett"))
    pattern = root.find(f".//{SVG}pattern")
    assert pattern is not None
    assert pattern.attrib["id"] == "b-hatch"
    planned = [r for r in root.iter(f"{SVG}rect") if (r.findtext(f"{SVG}title") or "").startswith("Planlagt")]
    assert len(planned) == 2
    assert all(r.attrib["fill"] == "url(#b-hatch)" and r.attrib["stroke"] == charts.ACCENT for r in planned)


def test_budget_secured_money_is_solid_in_the_same_hue() -> None:
    root = parse(budget_chart("b", BUDGET_ROWS, "Budsjett"))
    secured = [r for r in root.iter(f"{SVG}rect") if (r.findtext(f"{SVG}title") or "").startswith("Bevilget")]
    assert len(secured) == 2
    assert {r.attrib["fill"] for r in secured} == {charts.ACCENT}


def test_budget_legend_explains_solid_and_hatched_bars() -> None:
    root = parse(budget_chart("b", BUDGET_ROWS, "Budsjett"))
    legend = next(g for g in root.iter(f"{SVG}g") if g.attrib.get("class") == "chart__legend")
    assert texts(legend) == ["Bevilget", "Planlagt"]
    assert [r.attrib["fill"] for r in legend.iter(f"{SVG}rect")] == [charts.ACCENT, "url(#b-hatch)"]


def test_budget_total_is_written_at_the_end_of_each_bar() -> None:
    root = parse(budget_chart("b", BUDGET_ROWS, "Budsjett"))
    written = texts(root)
    assert "1\u00a0250\u00a0000 kr" in written
    assert "12\u00a0750\u00a0000 kr" in written
    assert "800\u00a0000 kr" in written


def test_budget_writes_both_amounts_under_each_bar() -> None:
    root = parse(budget_chart("b", BUDGET_ROWS, "Budsjett"))
    assert "Bevilget 1\u00a0000\u00a0000 kr, planlagt 250\u00a0000 kr" in texts(root)


def test_budget_bars_are_proportional_to_the_amounts() -> None:
    root = parse(budget_chart("b", [("A", 1_000_000, 0), ("B", 500_000, 0)], "Budsjett"))
    widths = [float(r.attrib["width"]) for r in root.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    assert widths[0] == pytest.approx(2 * widths[1], rel=0.01)


def test_budget_handles_amounts_of_zero() -> None:
    root = parse(budget_chart("b", [("Ingenting ennå", 0, 0), ("Alt planlagt", 0, 0)], "Budsjett"))
    assert texts(root).count("0 kr") == 2


def test_budget_description_states_the_amounts_in_words() -> None:
    desc = parse(budget_chart("b", BUDGET_ROWS, "Budsjett")).findtext(f"{SVG}desc")
    assert desc is not None
    assert (
        "Nettverk og klynger: bevilget 1\u00a0000\u00a0000 kr, planlagt 250\u00a0000 kr, "
        "til sammen 1\u00a0250\u00a0000 kr." in desc
    )


def test_budget_long_labels_wrap_onto_a_second_line_in_a_narrow_chart() -> None:
    label = "Samarbeid på tvers av kommunegrensene i hele regionen"
    root = parse(budget_chart("b", [(label, 1_000, 0)], "Budsjett", width=360))
    bold = [t for t in root.iter(f"{SVG}text") if t.attrib.get("font-weight") == "600" and "kr" not in (t.text or "")]
    assert len(bold) == 2
    assert " ".join(t.text or "" for t in bold) == label


# --------------------------------------------------------------------------------------------------------
# Indicator chart
# --------------------------------------------------------------------------------------------------------


def test_indicator_charts_render_for_every_indicator_of_the_plan(plan: Plan) -> None:
    for item in plan.indicators:
        for width in WIDTHS:
            root = parse(indicator_chart(f"indikator-{item.id}", item, width=width))
            written = texts(root)
            assert f"Utgangsverdi {item.baseline.year}: {charts.quantity(item.baseline.value, item.unit)}" in written
            assert f"Mål {item.target.year}: {charts.quantity(item.target.value, item.unit)}" in written
            assert root.findtext(f"{SVG}title") == item.title


def test_indicator_labels_of_the_plans_indicators_do_not_overlap(plan: Plan) -> None:
    for item in plan.indicators:
        for width in WIDTHS:
            root = parse(indicator_chart("i", item, width=width))
            boxes = []
            for el in root.iter(f"{SVG}text"):
                text, size = "".join(el.itertext()), float(el.attrib["font-size"])
                x, y, w = float(el.attrib["x"]), float(el.attrib["y"]), charts.text_width(text, size)
                left = {"start": x, "middle": x - w / 2, "end": x - w}[el.attrib.get("text-anchor", "start")]
                boxes.append((text, left, y - size * 0.75, left + w, y + size * 0.2))
            for i, a in enumerate(boxes):
                for b in boxes[i + 1 :]:
                    overlap = a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]
                    assert not overlap, f"{item.id} ({width}): «{a[0]}» overlaps «{b[0]}»"


def struck_labels(root: ET.Element) -> list[str]:
    """The labels of an indicator chart (the points', the baseline's, the target's) that a grid line passes through
    where no white halo covers the label."""
    groups = {g.attrib.get("class"): g for g in root.iter(f"{SVG}g")}
    grid = [
        (float(el.attrib["x1"]), float(el.attrib["x2"]), float(el.attrib["y1"]))
        for el in groups["chart__axes"].iter(f"{SVG}line")
        if el.attrib["stroke"] == charts.GRID
    ]
    halos = [
        (
            float(r.attrib["x"]),
            float(r.attrib["y"]),
            float(r.attrib["x"]) + float(r.attrib["width"]),
            float(r.attrib["y"]) + float(r.attrib["height"]),
        )
        for r in (groups["chart__halos"].iter(f"{SVG}rect") if "chart__halos" in groups else ())
    ]
    struck = []
    for name in ("chart__line", "chart__baseline", "chart__target"):
        for el in groups[name].iter(f"{SVG}text"):
            text, size = "".join(el.itertext()), float(el.attrib["font-size"])
            x, y, w = float(el.attrib["x"]), float(el.attrib["y"]), charts.text_width(text, size)
            left = {"start": x, "middle": x - w / 2, "end": x - w}[el.attrib.get("text-anchor", "start")]
            box = (left, y - size * 0.75, left + w, y + size * 0.2)
            crossed = any(x1 < box[2] and box[0] < x2 and box[1] < gy < box[3] for x1, x2, gy in grid)
            covered = any(h[0] <= box[0] and h[1] <= box[1] and box[2] <= h[2] and box[3] <= h[3] for h in halos)
            if crossed and not covered:
                struck.append(text)
    return struck


def test_no_grid_line_strikes_through_a_label_of_the_plans_indicators(plan: Plan) -> None:
    for item in plan.indicators:
        for width in WIDTHS:
            root = parse(indicator_chart("i", item, width=width))
            assert struck_labels(root) == [], f"{item.id} ({width})"


def test_the_labels_move_off_the_grid_lines_where_there_is_room() -> None:
    """A value on a grid line («28» where the grid has 26, 28, 30) gets its label above or below it, off the line,
    so that no halo is needed."""
    item = indicator(
        unit="%",
        baseline=Point(year=2020, value=27.4),
        target=Point(year=2030, value=32),
        observations=[Observation(year=y, value=v) for y, v in [(2020, 27.4), (2021, 28), (2022, 28.6), (2024, 29.5)]],
    )
    root = parse(indicator_chart("i", item))
    assert struck_labels(root) == []
    assert not [g for g in root.iter(f"{SVG}g") if g.attrib.get("class") == "chart__halos"]


def test_a_label_that_cannot_leave_a_grid_line_gets_a_white_halo_over_the_line() -> None:
    from scripts.present.charts.indicator import _halos
    from scripts.present.charts.svg import text_at

    on_line, off_line = text_at(50, 104, "1 262", size=13), text_at(50, 150, "1 300", size=13)
    halos = _halos([on_line, off_line], [(0.0, 100.0, 600.0, 100.0)])
    assert len(halos) == 1
    x, y, width, height = (float(v) for v in halos[0])
    assert x < 50 and y < 100 < y + height and x + width > 50 + charts.text_width("1 262", 13)


def test_indicator_writes_the_value_at_each_point() -> None:
    root = parse(indicator_chart("i", indicator()))
    written = texts(root)
    for value in ["52\u00a0400", "53\u00a0100", "55\u00a0200", "57\u00a0150"]:
        assert value in written
    assert len(list(root.iter(f"{SVG}circle"))) == 4 + 1  # four points and the legend's marker


def test_indicator_baseline_is_dashed_and_labelled() -> None:
    root = parse(indicator_chart("i", indicator()))
    group = next(g for g in root.iter(f"{SVG}g") if g.attrib.get("class") == "chart__baseline")
    line = group.find(f"{SVG}line")
    assert line is not None
    assert line.attrib["stroke-dasharray"] == "8 5"
    assert texts(group) == ["Utgangsverdi 2020: 52\u00a0400"]


def test_indicator_target_is_dotted_with_a_marked_point_and_labelled() -> None:
    root = parse(indicator_chart("i", indicator()))
    group = next(g for g in root.iter(f"{SVG}g") if g.attrib.get("class") == "chart__target")
    line, marker = group.find(f"{SVG}line"), group.find(f"{SVG}polygon")
    assert line is not None
    assert marker is not None
    assert line.attrib["stroke-dasharray"] == "2 4"
    assert texts(group) == ["Mål 2030: 60\u00a0000"]


def test_indicator_y_axis_has_three_to_five_formatted_values_and_the_unit() -> None:
    for item in [
        indicator(),
        indicator(unit="%", baseline=Point(year=2019, value=24), target=Point(year=2030, value=20)),
    ]:
        root = parse(indicator_chart("i", item))
        axes = next(g for g in root.iter(f"{SVG}g") if g.attrib.get("class") == "chart__axes")
        ticks = [t for t in axes.iter(f"{SVG}text") if t.attrib.get("text-anchor") == "end"]
        assert 3 <= len(ticks) <= 5
        assert all(re.fullmatch(r"[0-9\u00a0,]+", t.text or "") for t in ticks)
    assert "Antall" in texts(parse(indicator_chart("i", indicator())))
    assert "Prosent (%)" in texts(parse(indicator_chart("i", indicator(unit="%"))))


def test_indicator_x_axis_has_the_years() -> None:
    written = texts(parse(indicator_chart("i", indicator())))
    assert all(str(year) in written for year in range(2020, 2031))


def test_indicator_without_observations_shows_baseline_and_target_and_says_so() -> None:
    root = parse(indicator_chart("i", indicator(observations=[])))
    written = texts(root)
    assert "Ingen målinger ennå" in written
    assert "Mål 2030: 60\u00a0000" in written
    assert root.find(f".//{SVG}polyline") is None
    assert "Ingen målinger ennå." in (root.findtext(f"{SVG}desc") or "")


def test_indicator_with_one_observation_shows_a_point_without_a_line() -> None:
    root = parse(indicator_chart("i", indicator(observations=[Observation(year=2021, value=53100)])))
    assert root.find(f".//{SVG}polyline") is None
    assert "53\u00a0100" in texts(root)


@pytest.mark.parametrize(
    ("baseline", "target", "values"),
    [(0.2, 0.5, [0.21, 0.3, 0.28]), (5_000_000, 9_500_000, [5_200_000, 6_100_000]), (24, 20, [21.5, 23])],
)
def test_indicator_handles_values_of_any_magnitude(baseline: float, target: float, values: list[float]) -> None:
    item = indicator(
        baseline=Point(year=2020, value=baseline),
        target=Point(year=2030, value=target),
        observations=[Observation(year=2021 + i, value=v) for i, v in enumerate(values)],
    )
    root = parse(indicator_chart("i", item))
    axes = next(g for g in root.iter(f"{SVG}g") if g.attrib.get("class") == "chart__axes")
    ticks = [t.text for t in axes.iter(f"{SVG}text") if t.attrib.get("text-anchor") == "end"]
    assert 3 <= len(ticks) <= 5
    assert len(set(ticks)) == len(ticks)
    for element in root.iter(f"{SVG}circle"):
        assert 0 <= float(element.attrib["cy"]) <= view_box(root)[3]


def test_indicator_description_states_the_data_in_words() -> None:
    desc = parse(indicator_chart("i", indicator())).findtext(f"{SVG}desc") or ""
    assert "2020: 52\u00a0400; 2021: 53\u00a0100" in desc
    assert "2025: 57\u00a0150 (Foreløpig tall)" in desc
    assert "Utgangsverdi 2020: 52\u00a0400." in desc
    assert "Mål 2030: 60\u00a0000." in desc
    assert "Høyere er bedre." in desc


def test_indicator_where_lower_is_better_says_so_in_the_description() -> None:
    item = indicator(better="lavere", target=Point(year=2030, value=50000))
    desc = parse(indicator_chart("i", item)).findtext(f"{SVG}desc") or ""
    assert "Lavere er bedre." in desc


def test_indicator_lines_are_explained_in_a_legend() -> None:
    root = parse(indicator_chart("i", indicator()))
    legend = next(g for g in root.iter(f"{SVG}g") if g.attrib.get("class") == "chart__legend")
    assert texts(legend) == ["Målt verdi", "Utgangsverdi", "Mål"]


def test_a_preliminary_value_is_an_open_point_named_in_its_title_the_legend_and_the_description() -> None:
    measured = [Observation(year=2024, value=56600), Observation(year=2025, value=57150, preliminary=True)]
    root = parse(indicator_chart("i", indicator(observations=measured)))
    line = next(g for g in root.iter(f"{SVG}g") if g.attrib.get("class") == "chart__line")
    circles = list(line.iter(f"{SVG}circle"))
    assert [c.attrib["fill"] for c in circles] == [charts.ACCENT, "#ffffff"]
    assert (
        circles[1].attrib["stroke"] == charts.ACCENT
        and circles[1].findtext(f"{SVG}title") == "2025: 57\u00a0150 (foreløpig)"
    )
    legend = next(g for g in root.iter(f"{SVG}g") if g.attrib.get("class") == "chart__legend")
    assert texts(legend) == ["Målt verdi", "Foreløpig verdi", "Utgangsverdi", "Mål"]
    assert "2025: 57\u00a0150 (foreløpig)." in (root.findtext(f"{SVG}desc") or "")


def axis_parts(root: ET.Element) -> tuple[list[ET.Element], dict[str, float], list[ET.Element]]:
    """The heavy axis lines (stroke width 1.5), the tick labels by text with the y their gridline stands at,
    and the break marks of an indicator chart's axes."""
    axes = next(g for g in root.iter(f"{SVG}g") if g.attrib.get("class") == "chart__axes")
    heavy = [el for el in axes.iter(f"{SVG}line") if el.attrib["stroke-width"] == "1.5"]
    ticks = {
        t.text or "": float(t.attrib["y"]) - charts.SMALL * 0.36
        for t in axes.iter(f"{SVG}text")
        if t.attrib.get("text-anchor") == "end"
    }
    breaks = [el for el in axes.iter(f"{SVG}path") if el.attrib.get("class") == "chart__axis-break"]
    return heavy, ticks, breaks


def test_indicator_axis_that_does_not_start_at_zero_says_so_and_has_no_line_that_reads_as_zero() -> None:
    for width in WIDTHS:
        root = parse(indicator_chart("i", indicator(), width=width))
        heavy, ticks, breaks = axis_parts(root)
        assert min(ticks, key=lambda t: -ticks[t]) == f"52{NBSP}000"
        assert heavy == []
        assert len(breaks) == 1
        assert f"Aksen starter ved 52{NBSP}000, ikke ved null." in texts(root)
        assert (root.findtext(f"{SVG}desc") or "").endswith(f"Aksen starter ved 52{NBSP}000, ikke ved null.")


def test_indicator_values_near_zero_are_drawn_on_an_axis_from_zero_with_its_line_at_zero() -> None:
    item = indicator(
        unit="%",
        baseline=Point(year=2020, value=12),
        target=Point(year=2030, value=40),
        observations=[Observation(year=2021, value=15), Observation(year=2022, value=21)],
    )
    root = parse(indicator_chart("i", item))
    heavy, ticks, breaks = axis_parts(root)
    assert "0" in ticks
    assert [float(el.attrib["y1"]) for el in heavy] == pytest.approx([ticks["0"]], abs=0.2)
    assert breaks == []
    assert not any(t.startswith("Aksen") for t in texts(root))


def test_indicator_with_values_on_both_sides_of_zero_draws_the_axis_line_at_zero() -> None:
    item = indicator(
        unit="%",
        baseline=Point(year=2020, value=-4),
        target=Point(year=2030, value=6),
        observations=[Observation(year=2021, value=-2), Observation(year=2022, value=3)],
    )
    heavy, ticks, breaks = axis_parts(parse(indicator_chart("i", item)))
    assert max(ticks.values()) > ticks["0"]  # a tick below zero: zero is not the foot of the axis
    assert [float(el.attrib["y1"]) for el in heavy] == pytest.approx([ticks["0"]], abs=0.2)
    assert breaks == []


def test_indicator_axis_of_negative_values_says_where_it_ends() -> None:
    item = indicator(
        unit="%",
        better="lavere",
        baseline=Point(year=2020, value=-40),
        target=Point(year=2030, value=-50),
        observations=[Observation(year=2021, value=-42)],
    )
    root = parse(indicator_chart("i", item))
    heavy, _, breaks = axis_parts(root)
    assert heavy == []
    assert len(breaks) == 1
    assert f"Aksen slutter ved {charts.quantity(-40, '%')}, ikke ved null." in texts(root)


# --------------------------------------------------------------------------------------------------------
# The shared parts: text, coordinates, colours, layout
# --------------------------------------------------------------------------------------------------------


def test_a_text_too_wide_is_shortened_with_an_ellipsis_and_then_fits() -> None:
    text = "Kompetanse og arbeidskraft i hele regionen"
    short = truncate(text, 14, 120)
    assert short.endswith("…") and text.startswith(short[:-1])
    assert text_width(short, 14) <= 120
    assert truncate("Kort", 14, 120) == "Kort"


def test_wrap_breaks_at_spaces_and_shortens_only_the_last_of_its_lines() -> None:
    assert wrap("Bolig og infrastruktur", 14, 110) == ["Bolig og", "infrastruktur"]
    text = "en to tre fire fem seks sju åtte ni ti"
    lines = wrap(text, 14, 60)
    assert len(lines) == 2 and all(text_width(line, 14) <= 60 for line in lines)
    assert text.startswith(f"{lines[0]} {lines[1][:-1]}") and lines[1].endswith("…")


def test_a_capital_is_lowered_inside_a_sentence_unless_the_word_is_an_abbreviation() -> None:
    assert lower_first("Fullført") == "fullført"
    assert lower_first("SSB") == "SSB"
    assert sentence(" Mål 2030: 50 % ") == "Mål 2030: 50 %."
    assert sentence("Ferdig!") == "Ferdig!"


def test_coordinates_have_one_decimal_and_no_trailing_zero_or_negative_zero() -> None:
    assert coord(12.34) == "12.3"
    assert coord(12.0) == "12"
    assert coord(-0.04) == "0"
    assert coord(-1.25) == "-1.2"


def test_colours_are_written_rrggbb_and_light_ones_get_dark_text_and_an_outline() -> None:
    assert check_colour("#A1B2C3") == "#a1b2c3"
    with pytest.raises(ValueError, match="#rrggbb"):
        check_colour("red")
    assert (text_on("#f3f5f7"), outline("#f3f5f7")) == (charts.TEXT, charts.TEXT)
    assert (text_on("#1a5e9a"), outline("#1a5e9a")) == (charts.WHITE, "none")


@pytest.mark.parametrize(("low", "high"), [(0, 1), (3.2, 3.2), (-40, 15), (21.5, 28), (900, 56_600), (0.01, 0.04)])
def test_ticks_are_three_to_five_round_values_that_cover_the_range(low: float, high: float) -> None:
    ticks = nice_ticks(low, high)
    step = ticks[1] - ticks[0]
    assert 3 <= len(ticks) <= 5
    assert ticks[0] <= low and ticks[-1] >= high
    assert all(math.isclose(b - a, step) for a, b in itertools.pairwise(ticks))
    assert round(step / 10 ** math.floor(math.log10(step)), 9) in {1, 2, 2.5, 5}
    assert all(math.isclose(t / step, round(t / step), abs_tol=1e-9) for t in ticks)


def test_every_year_is_labelled_when_there_is_room_else_only_round_years() -> None:
    assert labelled_years(2021, 2024, 60) == [2021, 2022, 2023, 2024]
    assert labelled_years(2021, 2030, 20) == [2022, 2024, 2026, 2028, 2030]
    assert labelled_years(2021, 2023, 1) == [2021]


def test_a_segment_hits_a_box_only_if_it_passes_through_it() -> None:
    box = (10.0, 10.0, 20.0, 20.0)
    assert segment_hits_box((0, 15, 30, 15), box)
    assert segment_hits_box((0, 0, 30, 30), box)
    assert not segment_hits_box((0, 25, 30, 25), box)
    assert not segment_hits_box((0, 0, 5, 5), box)


def test_the_labeller_takes_the_first_free_place_and_keeps_later_labels_off_it() -> None:
    labeller = Labeller(bounds=(0, 0, 200, 100), boxes=[], segments=[(0, 50, 200, 50)])
    first = labeller.place("Mål", 13, [(100, 55, "middle"), (100, 30, "middle")])
    second = labeller.place("Mål", 13, [(100, 30, "middle"), (100, 80, "middle")])
    assert (first.x, first.y) == ("100", "30")  # the first candidate crosses the line
    assert (second.x, second.y) == ("100", "80")  # the second one's first candidate is taken


def test_the_labeller_puts_a_point_label_nearer_its_own_point_than_any_other() -> None:
    labeller = Labeller(bounds=(0, 0, 200, 100), boxes=[], segments=[], points=[(50, 50), (50, 20)])
    label = labeller.place("45", 13, [(50, 30, "middle"), (50, 70, "middle")], owner=0)
    assert label.y == "70"
