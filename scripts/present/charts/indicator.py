"""The indicator chart: an indicator's measurements by year as a line, against its baseline and its target.

The value axis gets round ticks (:func:`~.layout.nice_ticks`); the labels of the points, the target and the
baseline are placed by a :class:`~.layout.Labeller` so that they overlap neither each other nor the lines, grid
lines included. A label that finds no place off every grid line gets a white background (a halo, drawn over the
grid and under the text), so that no grid line strikes through it.

The axis is honest about zero: values near zero get an axis from zero, and the heavy axis line is drawn only at
zero. An axis that does not reach zero (52 000 to 60 000 workplaces) has no heavy line at its foot; instead a
zigzag break mark and the note «Aksen starter ved 52 000, ikke ved null» say so, on the web and in print.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

from schema import Indicator, Observation
from scripts.present.charts.layout import (
    Box,
    Candidate,
    Labeller,
    Segment,
    labelled_years,
    nice_ticks,
    segment_hits_box,
    text_box,
)
from scripts.present.charts.style import ACCENT, BASELINE, FONT, MUTED, SMALL, TARGET, WIDTH
from scripts.present.charts.svg import Text, check_chart, coord, diamond, line, points, render, text_at
from scripts.present.charts.text import Words, sentence, text_width, truncate
from scripts.present.i18n import localized

#: The baseline of the axis title above the plot.
_AXIS_TITLE_Y = 16.0


@dataclass(frozen=True)
class _Plot:
    """The plotting area and its scales: years along x, values upwards along y, with round ticks."""

    ticks: list[float]
    tick_labels: list[str]
    low: float
    high: float
    first_year: int
    last_year: int
    left: float
    right: float
    top: float = 40.0
    height: float = 220.0
    #: Room between the axis and the first and last year, for the labels centred on points.
    inset: float = 28.0

    @property
    def has_zero(self) -> bool:
        return self.low <= 0 <= self.high

    @property
    def bottom(self) -> float:
        return self.top + self.height

    @property
    def centre(self) -> float:
        return (self.left + self.right) / 2

    @property
    def per_year(self) -> float:
        """Units between two years along x."""
        return (self.right - self.left - 2 * self.inset) / (self.last_year - self.first_year)

    def x_of(self, year: float) -> float:
        span = self.right - self.left - 2 * self.inset
        return self.left + self.inset + (year - self.first_year) / (self.last_year - self.first_year) * span

    def y_of(self, value: float) -> float:
        return self.bottom - (value - self.low) / (self.high - self.low) * self.height


@dataclass(frozen=True)
class _Point:
    cx: str
    cy: str
    title: str
    #: A preliminary value is drawn as an open point.
    preliminary: bool = False


def indicator_chart(chart_id: str, indicator: Indicator, *, width: int = WIDTH, lang: str = "nb") -> str:
    """A line of the indicator's measurements by year, each point with its value, against a dashed baseline
    and a dotted target with a marked target point. Works with no measurements or only one. The words, numbers,
    title and unit are in `lang` (the plan's Norwegian texts where they are not translated)."""
    check_chart(chart_id, width)
    w = Words(lang)
    unit, baseline, target = unit_in(indicator, lang), indicator.baseline, indicator.target
    observations = list(indicator.observations)
    plot = _plot(w, indicator, width)
    spots = [(plot.x_of(o.year), plot.y_of(o.value)) for o in observations]
    baseline_y, target_y, target_x = plot.y_of(baseline.value), plot.y_of(target.value), plot.x_of(target.year)
    # The texts drawn are shortened to the chart's width (a unit of plan text may be a long word); the
    # description says them whole.
    axis_title = text_at(0, _AXIS_TITLE_Y, truncate(_axis_title(w, unit), SMALL, width), fill=MUTED, size=SMALL)
    grid = _grid_segments(plot, (baseline_y, target_y))
    labeller = _labeller(plot, spots, (baseline_y, target_y), target_x, axis_title, width, grid)
    point_labels = _point_labels(w, labeller, spots, observations)
    target_text = w.t("chart.indicator.target_at", year=target.year, value=w.quantity(target.value, unit))
    baseline_text = w.t("chart.indicator.baseline_at", year=baseline.year, value=w.quantity(baseline.value, unit))
    target_label = _target_label(labeller, plot, truncate(target_text, SMALL, width, bold=True), target_x, target_y)
    baseline_label = _baseline_label(labeller, plot, truncate(baseline_text, SMALL, width, bold=True), baseline_y)
    empty = None if observations else _empty_label(w, labeller, plot)
    halos = _halos([*point_labels, target_label, baseline_label], grid)
    note = _axis_note(w, plot, unit)
    preliminary = any(o.preliminary for o in observations)
    legend, height = _legend(w, plot.bottom + (70 if note else 48), width, preliminary=preliminary)
    point_titles = [_point_title(w, o, unit) for o in observations]
    return render(
        "indicator",
        chart_id,
        localized(indicator, "title", lang).text or "",
        _description(w, indicator, unit, point_titles, (baseline_text, target_text, note)),
        width,
        height,
        **_axes(plot, grid),
        halos=halos,
        axis_note=text_at(0, plot.bottom + 44, truncate(note, SMALL, width), fill=MUTED, size=SMALL) if note else None,
        axis_title=axis_title,
        polyline=points(spots) if len(spots) > 1 else "",
        points=[
            _Point(coord(x), coord(y), t, o.preliminary)
            for (x, y), t, o in zip(spots, point_titles, observations, strict=True)
        ],
        point_labels=point_labels,
        baseline_line=line(plot.left, baseline_y, plot.right, baseline_y),
        target_line=line(plot.left, target_y, plot.right, target_y),
        target_marker=points(diamond(target_x, target_y, 7)),
        target_label=target_label,
        baseline_label=baseline_label,
        empty=empty,
        legend=legend,
        accent=ACCENT,
        baseline_colour=BASELINE,
        target_colour=TARGET,
    )


def unit_in(indicator: Indicator, lang: str = "nb") -> str:
    """The indicator's unit as the chart writes it: in `lang` where translated; «antall» (no unit) stays as it is."""
    if indicator.unit.strip().lower() == "antall":
        return indicator.unit
    return localized(indicator, "unit", lang).text or indicator.unit


def _point_title(w: Words, observation: Observation, unit: str) -> str:
    """«2025: 57 150 (foreløpig)»: a measurement in words, with what is special about it."""
    remarks = [w.t("chart.indicator.preliminary")] if observation.preliminary else []
    if observation.note:
        remarks.append(observation.note.strip().rstrip("."))
    value = w.quantity(observation.value, unit)
    return f"{observation.year}: {value}" + (f" ({'; '.join(remarks)})" if remarks else "")


def _plot(w: Words, indicator: Indicator, width: int) -> _Plot:
    """Scales that fit every measurement, the baseline and the target, with room for the tick labels."""
    values = [o.value for o in indicator.observations] + [indicator.baseline.value, indicator.target.value]
    smallest, largest = min(values), max(values)
    # Values no further from zero than their spread are drawn on an axis from zero.
    if 0 < smallest <= largest - smallest:
        smallest = 0.0
    elif largest < 0 and smallest <= 2 * largest:
        largest = 0.0
    ticks = nice_ticks(smallest, largest)
    # A little room beyond the outer gridlines, so that no value lies on the x axis or the top edge; none beyond
    # zero, where the axis stands.
    pad = (ticks[-1] - ticks[0]) * 0.04
    low = ticks[0] if ticks[0] == 0 <= min(values) else min(ticks[0], min(values) - pad)
    high = ticks[-1] if ticks[-1] == 0 >= max(values) else max(ticks[-1], max(values) + pad)
    tick_labels = [w.number(t) for t in ticks]
    all_years = [o.year for o in indicator.observations] + [indicator.baseline.year, indicator.target.year]
    first_year, last_year = min(all_years), max(all_years)
    if first_year == last_year:
        first_year, last_year = first_year - 1, last_year + 1
    return _Plot(
        ticks=ticks,
        tick_labels=tick_labels,
        low=low,
        high=high,
        first_year=first_year,
        last_year=last_year,
        left=max(text_width(t, SMALL) for t in tick_labels) + 10,
        right=width - 4.0,
    )


def _axis_title(w: Words, unit: str) -> str:
    named = {
        "%": w.t("chart.indicator.percent_axis"),
        "kr": w.t("chart.indicator.kroner_axis"),
        "antall": w.t("chart.indicator.count_axis"),
    }
    text = unit.strip()
    return named.get(text, text[:1].upper() + text[1:])


def _grid_segments(plot: _Plot, reference_ys: tuple[float, float]) -> list[Segment]:
    """The grid lines, one per tick; a grid line under the baseline, the target or the zero line would blur it, so
    it is left out."""
    zero_y = plot.y_of(0) if plot.has_zero else None
    return [
        (plot.left, plot.y_of(t), plot.right, plot.y_of(t))
        for t in plot.ticks
        if all(abs(plot.y_of(t) - ref) > 1.5 for ref in (*reference_ys, zero_y) if ref is not None)
    ]


def _halos(labels: list[Text], grid: list[Segment]) -> list[tuple[str, str, str, str]]:
    """The white background (x, y, width, height) of each label that a grid line would cross (a label the labeller
    could not place off every grid line), a little larger than its text."""
    boxes = [text_box(float(t.x), float(t.y), t.text, t.size, t.anchor, pad=1.5) for t in labels]
    return [
        (coord(box[0]), coord(box[1]), coord(box[2] - box[0]), coord(box[3] - box[1]))
        for box in boxes
        if any(segment_hits_box(g, box) for g in grid)
    ]


def _axes(plot: _Plot, grid: list[Segment]) -> dict[str, Any]:
    """Grid lines, tick labels, the x axis and the year labels, as template context."""
    zero_y = plot.y_of(0) if plot.has_zero else None
    gridlines = [line(*g) for g in grid]
    tick_texts = [
        text_at(plot.left - 8, plot.y_of(t) + SMALL * 0.36, label, "end", MUTED, SMALL)
        for t, label in zip(plot.ticks, plot.tick_labels, strict=True)
    ]
    year_texts = [
        text_at(plot.x_of(year), plot.bottom + 20, str(year), "middle", MUTED, SMALL)
        for year in labelled_years(plot.first_year, plot.last_year, plot.per_year)
    ]
    # The heavy axis line stands at zero only; an axis that does not reach zero is broken by a zigzag instead.
    axis = line(plot.left, zero_y, plot.right, zero_y) if zero_y is not None else None
    edge = plot.top if plot.high < 0 else plot.bottom
    zigzag = [(plot.left - 2 + 4 * i, edge + (0 if i in (0, 4) else 4 if i % 2 else -4)) for i in range(5)]
    axis_break = None if zero_y is not None else "M" + points(zigzag).replace(" ", " L")
    return {
        "gridlines": gridlines,
        "tick_texts": tick_texts,
        "year_texts": year_texts,
        "axis": axis,
        "axis_break": axis_break,
    }


def _axis_note(w: Words, plot: _Plot, unit: str) -> str:
    """«Aksen starter ved 52 000, ikke ved null.» when the value axis does not reach zero, else nothing."""
    if plot.has_zero:
        return ""
    if plot.high < 0:
        return w.t("chart.indicator.axis_ends", value=w.quantity(plot.ticks[-1], unit))
    return w.t("chart.indicator.axis_starts", value=w.quantity(plot.ticks[0], unit))


def _labeller(
    plot: _Plot,
    spots: list[tuple[float, float]],
    reference_ys: tuple[float, float],
    target_x: float,
    axis_title: Text,
    width: int,
    grid: list[Segment],
) -> Labeller:
    """A labeller that keeps labels inside the chart and off the markers, the lines, the grid lines and the axis
    title."""
    baseline_y, target_y = reference_ys
    line_segments: list[Segment] = [(*a, *b) for a, b in itertools.pairwise(spots)]
    reference_segments: list[Segment] = [
        (plot.left, baseline_y, plot.right, baseline_y),
        (plot.left, target_y, plot.right, target_y),
    ]
    marker_boxes: list[Box] = [(x - 5, y - 5, x + 5, y + 5) for x, y in spots]
    marker_boxes.append((target_x - 7, target_y - 7, target_x + 7, target_y + 7))
    return Labeller(
        bounds=(0, plot.top - 22, width, plot.bottom),
        boxes=[*marker_boxes, text_box(0, _AXIS_TITLE_Y, axis_title.text, SMALL, "start")],
        segments=line_segments + reference_segments + grid,
        points=spots,
    )


def _point_labels(
    w: Words, labeller: Labeller, spots: list[tuple[float, float]], observations: list[Observation]
) -> list[Text]:
    """The value of each measurement, written next to its point, in the order of the points."""
    return [
        labeller.place(w.number(o.value), SMALL, _point_candidates(spots, i), i, fill=ACCENT, weight="600")
        for i, o in enumerate(observations)
    ]


def _point_candidates(spots: list[tuple[float, float]], i: int) -> list[Candidate]:
    """Where the label of point i may go, best first: away from the line on both sides of the point."""
    x, y = spots[i]
    before = spots[i - 1][1] if i > 0 else None
    after = spots[i + 1][1] if i + 1 < len(spots) else None
    # Screen y grows downwards: a smaller y is a higher value.
    rising = (before is not None and before > y) or (after is not None and after < y)
    falling = (before is not None and before < y) or (after is not None and after > y)
    above = (x, y - 10, "middle")
    below = (x, y + 10 + SMALL * 0.78, "middle")
    above_left = (x - 5, y - 9, "end")
    above_right = (x + 5, y - 9, "start")
    below_left = (x - 5, y + 8 + SMALL * 0.78, "end")
    below_right = (x + 5, y + 8 + SMALL * 0.78, "start")
    if rising and falling:  # a peak or a valley
        peak = (before is None or before >= y) and (after is None or after >= y)
        order = [above, below] if peak else [below, above]
    elif rising:
        order = [above_left, above, below_right, below]
    elif falling:
        order = [above_right, above, below_left, below]
    else:
        order = [above, below]
    return [*order, above_left, above_right, below_left, below_right]


def _target_label(labeller: Labeller, plot: _Plot, text: str, target_x: float, target_y: float) -> Text:
    """«Mål 2030: 50 %» beside the target marker, or failing that at either end of the target line."""
    above, below = target_y - 7, target_y + 7 + SMALL * 0.78
    candidates = [
        (target_x - 10, above, "end"),
        (target_x - 10, below, "end"),
        (target_x, above - 4, "middle"),
        (target_x, below + 4, "middle"),
        (target_x + 10, above, "start"),
        (target_x + 10, below, "start"),
        (plot.right, above, "end"),
        (plot.right, below, "end"),
        (plot.left + 4, above, "start"),
        (plot.left + 4, below, "start"),
    ]
    return labeller.place(text, SMALL, candidates, fill=TARGET, weight="600")


def _baseline_label(labeller: Labeller, plot: _Plot, text: str, baseline_y: float) -> Text:
    """«Utgangsverdi 2020: 40 %» above or below the baseline: at its right end, its middle or its left end."""
    above, below = baseline_y - 6, baseline_y + 6 + SMALL * 0.78
    candidates = [
        (plot.right, above, "end"),
        (plot.right, below, "end"),
        (plot.centre, above, "middle"),
        (plot.centre, below, "middle"),
        (plot.left + 4, above, "start"),
        (plot.left + 4, below, "start"),
    ]
    return labeller.place(text, SMALL, candidates, fill=BASELINE, weight="600")


def _empty_label(w: Words, labeller: Labeller, plot: _Plot) -> Text:
    """«Ingen målinger ennå» in the middle of the plot, or near its top or bottom if the middle is taken."""
    candidates = [
        (plot.centre, (plot.top + plot.bottom) / 2 + FONT * 0.36, "middle"),
        (plot.centre, plot.top + 20, "middle"),
        (plot.centre, plot.bottom - 8, "middle"),
    ]
    return labeller.place(w.t("chart.indicator.no_measurements"), FONT, candidates, fill=MUTED)


def _legend(w: Words, legend_y: float, width: int, *, preliminary: bool = False) -> tuple[list[dict[str, Any]], float]:
    """The legend from legend_y down, one entry per kind of line (and for an open point when a value is
    preliminary), wrapped if the chart is too narrow; and the height of the chart under it."""
    entries = [(kind, w.t(f"chart.indicator.legend.{kind}")) for kind in ("obs", "baseline", "target")]
    if preliminary:
        entries.insert(1, ("preliminary", w.t("chart.indicator.legend.preliminary")))
    legend: list[dict[str, Any]] = []
    x = 0.0
    for kind, label in entries:
        entry_width = 30 + 6 + text_width(label, SMALL)
        if x + entry_width > width and x > 0:
            x, legend_y = 0.0, legend_y + 22
        legend.append(
            {
                "kind": kind,
                "line": line(x, legend_y, x + 30, legend_y),
                "cx": coord(x + 15),
                "cy": coord(legend_y),
                "diamond": points(diamond(x + 15, legend_y, 6)),
                "text": text_at(x + 36, legend_y + SMALL * 0.36, label, size=SMALL),
            }
        )
        x += entry_width + 20
    return legend, legend_y + 14


def _description(
    w: Words, indicator: Indicator, unit: str, point_titles: list[str], texts: tuple[str, str, str]
) -> str:
    """The chart in words: what is measured, every measurement, the baseline, the target, which way is better,
    and where the axis starts if not at zero (`texts`: the baseline's, the target's and the axis note)."""
    baseline_text, target_text, axis_note = texts
    title = localized(indicator, "title", w.lang).text
    named = w.t("chart.indicator.count_unit") if unit.strip() == "antall" else unit.strip()
    parts = [w.t("chart.indicator.measured_in", title=title, unit=named)]
    if point_titles:
        parts.append(w.t("chart.indicator.measurements", points="; ".join(point_titles)))
    else:
        parts.append(w.t("chart.indicator.no_measurements") + ".")
    parts.append(sentence(baseline_text))
    parts.append(sentence(target_text))
    parts.append(
        w.t("chart.indicator.lower_better" if indicator.better == "lavere" else "chart.indicator.higher_better")
    )
    if axis_note:
        parts.append(axis_note)
    return " ".join(parts)
