"""SVG charts for the website, drawn at build time: status counts, budgets, indicators and a timeline.

Every public chart function returns the markup of one ``<svg>`` element as a string and writes no files. The
geometry is computed here; the markup comes from the Jinja2 templates in ``scripts/templates/charts``, which
escape every text. The charts need no JavaScript, fetch nothing and give the same bytes for the same input
(coordinates are rounded to one decimal).

Accessibility, the same for every chart:

* the root has ``role="img"`` and ``aria-labelledby`` pointing to a ``<title>`` and a ``<desc>`` that states the
  data in words, in Norwegian bokmål; a timeline with links is ``role="group"`` instead, see :func:`timeline_chart`;
* the viewBox is :data:`WIDTH` units wide and no text is smaller than :data:`SMALL` units, so text is at least
  12 px when the chart is 640 px wide; the width is 100 % of the container;
* colour never carries meaning alone: bars have text labels, budget amounts that are only planned are hatched
  and explained in a legend, indicator lines have labels, markers and a legend;
* the colours hard-coded here have at least 4.5:1 contrast against white for text and 3:1 for graphics.

Numbers are written the Norwegian way: :func:`number` and :func:`nok`.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from scripts import TEMPLATES
from schema import Indicator
from scripts.core import filters

CHART_TEMPLATES = TEMPLATES / "charts"

NBSP = "\u00a0"
ELLIPSIS = "…"

#: Default width of a chart's viewBox. At 640 px on screen one unit is one pixel.
WIDTH = 640
#: Narrowest viewBox a chart can be drawn for. A chart drawn 360 wide for phones keeps its text at 12 px or
#: more on a 360 px wide screen; see the ``width`` parameter of the chart functions.
MIN_WIDTH = 320
#: Timelines narrower than this put each row's label on its own line above the bar.
STACK_BELOW = 480
#: Font size of labels, in viewBox units.
FONT = 14
#: Font size of the smallest text (tick labels, notes), in viewBox units; at least 12 px at 640 px width.
SMALL = 13
FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

# Colours, each with at least 4.5:1 (text) or 3:1 (graphics) contrast against white and against STRIPE.
WHITE = "#ffffff"
#: Body text, axis lines.
TEXT = "#1f2328"
#: Secondary text: notes, tick labels, axis titles.
MUTED = "#4a5560"
#: Grid lines.
GRID = "#848d97"
#: Budget bars, indicator measurements and links.
ACCENT = "#1a5e9a"
#: The baseline of an indicator.
BASELINE = "#4a5560"
#: The target of an indicator.
TARGET = "#8f4a00"
#: Background of every other timeline row; decorative only, never the only carrier of meaning.
STRIPE = "#f3f5f7"

#: Hard-coded colours used for text, and for graphics (lines, bars, markers): see the contrast tests.
TEXT_COLOURS = {"TEXT": TEXT, "MUTED": MUTED, "ACCENT": ACCENT, "TARGET": TARGET, "BASELINE": BASELINE}
GRAPHIC_COLOURS = {"TEXT": TEXT, "GRID": GRID, "ACCENT": ACCENT, "BASELINE": BASELINE, "TARGET": TARGET}

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
_CHART_ID = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")


# --------------------------------------------------------------------------------------------------------
# Norwegian number formatting
# --------------------------------------------------------------------------------------------------------


def number(value: float) -> str:
    """A number for a chart label: at most one decimal («45,3»), otherwise as on the pages."""
    return filters.number(value, decimals=1)


def nok(amount: int) -> str:
    """An amount in Norwegian kroner: «1 250 000 kr» (SVG text does not wrap, so a plain space before «kr»)."""
    return f"{number(amount)} kr"


years = filters.year_span


def quantity(value: float, unit: str) -> str:
    """A value with its unit, «45,5 %», «1 450 dekar»; the unit «antall» is left out, «52 400»."""
    return number(value) if unit.strip().lower() == "antall" else f"{number(value)} {unit.strip()}"


# --------------------------------------------------------------------------------------------------------
# Text measuring, colour and geometry helpers
# --------------------------------------------------------------------------------------------------------

# Advance widths in thousandths of an em, close to DejaVu Sans, one of the widest system fonts: text that
# fits with these widths fits with narrower fonts too.
_WIDTHS: dict[str, int] = {
    **dict.fromkeys(" \u00a0.,;:!'|", 320),
    **dict.fromkeys("0123456789", 636),
    **dict.fromkeys("()[]{}-/\\", 390),
    **dict.fromkeys('«»"*', 560),
    "%": 950,
    "&": 780,
    "+": 838,
    "?": 531,
    "–": 500,
    "—": 1000,
    "\u2212": 838,
    "…": 1000,
    **dict.fromkeys("abdeghnopquå", 635),
    **dict.fromkeys("cksvxyz", 592),
    **dict.fromkeys("fjlirt", 411),
    **dict.fromkeys("mwæ", 981),
    "ø": 635,
    **dict.fromkeys("IJ", 300),
    **dict.fromkeys("MWÆ", 1000),
}


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Estimated width of a text in viewBox units, on the generous side."""
    em = 0.0
    for char in text:
        known = _WIDTHS.get(char)
        if known is None:
            known = 780 if char.isupper() else 640
        em += known
    return em / 1000 * size * (1.12 if bold else 1.0)


def truncate(text: str, size: float, max_width: float, *, bold: bool = False) -> str:
    """The text, shortened with «…» when it is wider than max_width."""
    if text_width(text, size, bold=bold) <= max_width:
        return text
    kept = text
    while kept and text_width(kept.rstrip() + ELLIPSIS, size, bold=bold) > max_width:
        kept = kept[:-1]
    return kept.rstrip(" ,.:;–-") + ELLIPSIS


def wrap(text: str, size: float, max_width: float, *, bold: bool = False, max_lines: int = 2) -> list[str]:
    """The text broken into lines at spaces so that each fits in max_width; the last line is shortened with
    «…» if the text needs more than max_lines."""
    lines: list[str] = []
    words = text.split()
    while words and len(lines) < max_lines:
        line = words.pop(0)
        while words and text_width(f"{line} {words[0]}", size, bold=bold) <= max_width:
            line = f"{line} {words.pop(0)}"
        lines.append(line)
    if words:
        lines[-1] = f"{lines[-1]} {' '.join(words)}"
    return [truncate(line, size, max_width, bold=bold) for line in lines]


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio between two #rrggbb colours, from 1 to 21."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _text_on(colour: str) -> str:
    """White or dark text, whichever reads better on the colour."""
    return WHITE if contrast(WHITE, colour) >= contrast(TEXT, colour) else TEXT


def _outline(colour: str) -> str:
    """A dark outline for a fill too light to stand out against white on its own, else none."""
    return TEXT if contrast(colour, WHITE) < 3 else "none"


def _f(value: float) -> str:
    """A coordinate rounded to one decimal, without a trailing «.0»."""
    rounded = round(value, 1) + 0.0  # + 0.0 turns -0.0 into 0.0
    return f"{rounded:.1f}".removesuffix(".0")


def _check(chart_id: str, width: int) -> None:
    if not _CHART_ID.match(chart_id):
        raise ValueError(f"chart_id «{chart_id}» kan ikke brukes som id: bruk bokstaver, sifre, - og _")
    if width < MIN_WIDTH:
        raise ValueError(f"diagrammet må være minst {MIN_WIDTH} enheter bredt, ikke {width}")


def _check_colour(colour: str) -> str:
    if not _HEX.match(colour):
        raise ValueError(f"fargen «{colour}» må skrives som #rrggbb")
    return colour.lower()


def _lower_first(text: str) -> str:
    """«Fullført» → «fullført» inside a sentence, but «SSB» stays «SSB»."""
    return text[0].lower() + text[1:] if len(text) > 1 and text[1].islower() else text


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(CHART_TEMPLATES),
        autoescape=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _render(
    kind: str,
    chart_id: str,
    title: str,
    desc: str,
    width: float,
    height: float,
    *,
    interactive: bool = False,
    **context: Any,
) -> str:
    template = _environment().get_template(f"{kind}.svg.jinja")
    return template.render(
        kind=kind,
        interactive=interactive,
        id=chart_id,
        title=title,
        desc=desc,
        view_box=f"0 0 {_f(width)} {_f(height)}",
        font_family=FONT_FAMILY,
        font_size=FONT,
        small=SMALL,
        text_colour=TEXT,
        muted=MUTED,
        grid=GRID,
        **context,
    )


@dataclass(frozen=True)
class _Text:
    """A text in the chart: position as formatted coordinates, anchor start, middle or end."""

    x: str
    y: str
    text: str
    anchor: str = "start"
    fill: str = TEXT
    size: int = FONT
    weight: str = "normal"
    underline: bool = False


def _text(
    x: float,
    y: float,
    text: str,
    anchor: str = "start",
    fill: str = TEXT,
    size: int = FONT,
    weight: str = "normal",
    underline: bool = False,
) -> _Text:
    return _Text(_f(x), _f(y), text, anchor, fill, size, weight, underline)


@dataclass(frozen=True)
class _Rect:
    x: str
    y: str
    width: str
    height: str
    fill: str
    stroke: str = "none"
    title: str = ""


def _rect(x: float, y: float, width: float, height: float, fill: str, stroke: str = "none", title: str = "") -> _Rect:
    return _Rect(_f(x), _f(y), _f(max(width, 0.0)), _f(height), fill, stroke, title)


@dataclass(frozen=True)
class _Line:
    x1: str
    y1: str
    x2: str
    y2: str


def _line(x1: float, y1: float, x2: float, y2: float) -> _Line:
    return _Line(_f(x1), _f(y1), _f(x2), _f(y2))


def _points(coords: Sequence[tuple[float, float]]) -> str:
    return " ".join(f"{_f(x)},{_f(y)}" for x, y in coords)


# --------------------------------------------------------------------------------------------------------
# 1. Status: how many measures have each status
# --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _StatusBar:
    title: str
    bar: _Rect
    label: _Text


def status_chart(chart_id: str, rows: list[tuple[str, int, str]], title: str, *, width: int = WIDTH) -> str:
    """Horizontal bars, one per status: rows are (label, count, colour "#rrggbb"), drawn in the given order.

    Each bar has its label and count written at its end, «Pågår: 24»."""
    _check(chart_id, width)
    top, row_height, bar_height, gap = 4.0, 34.0, 22.0, 8.0
    texts = [f"{label}: {number(count)}" for label, count, _ in rows]
    room = width - 6 - gap
    texts = [truncate(t, FONT, room - 80) for t in texts]  # leave at least 80 units of bar for the largest
    scales = [(room - text_width(t, FONT)) / count for t, (_, count, _) in zip(texts, rows, strict=True) if count > 0]
    scale = min(scales, default=0.0)
    bars: list[_StatusBar] = []
    for i, ((label, count, colour), text) in enumerate(zip(rows, texts, strict=True)):
        if count < 0:
            raise ValueError(f"antallet for «{label}» er negativt ({count})")
        colour = _check_colour(colour)
        y = top + i * row_height
        bar_width = count * scale
        bars.append(
            _StatusBar(
                title=f"{label}: {number(count)} tiltak",
                bar=_rect(1, y, bar_width, bar_height, colour, _outline(colour)),
                label=_text(1 + bar_width + gap, y + bar_height / 2 + FONT * 0.36, text),
            )
        )
    height = top + max(len(rows), 1) * row_height
    total = sum(count for _, count, _ in rows)
    parts = [
        f"{label if i == 0 else _lower_first(label)}: {number(count)} tiltak"
        for i, (label, count, _) in enumerate(rows)
    ]
    desc = (", ".join(parts) + f". Til sammen {number(total)} tiltak.") if rows else "Ingen tiltak å vise."
    empty = None if rows else _text(1, top + bar_height / 2 + FONT * 0.36, "Ingen tiltak å vise.", fill=MUTED)
    axis = _line(0.5, 0, 0.5, height - (row_height - bar_height - top) if rows else height)
    return _render("status", chart_id, title, desc, width, height, bars=bars, axis=axis, empty=empty)


# --------------------------------------------------------------------------------------------------------
# 2. Budget: secured and planned money per category
# --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _BudgetRow:
    title: str
    label: list[_Text]
    segments: list[_Rect]
    total: _Text
    breakdown: list[_Text]


def budget_chart(chart_id: str, rows: list[tuple[str, int, int]], title: str, *, width: int = WIDTH) -> str:
    """Stacked horizontal bars, one per category: rows are (label, secured_nok, planned_nok).

    Secured money is a solid bar, planned money the same hue hatched with an outline; a legend explains
    both, the total is written at the end of each bar and the two amounts under it."""
    _check(chart_id, width)
    legend_height, label_height, bar_height, line_height, row_gap = 34.0, 20.0, 22.0, 18.0, 18.0
    gap = 8.0
    room = width - 6 - gap
    for label, secured, planned in rows:
        if secured < 0 or planned < 0:
            raise ValueError(f"beløpene for «{label}» kan ikke være negative")
    totals = [secured + planned for _, secured, planned in rows]
    scales = [(room - text_width(nok(total), FONT, bold=True)) / total for total in totals if total > 0]
    scale = min(scales, default=0.0)
    out: list[_BudgetRow] = []
    y = legend_height
    for (label, secured, planned), total in zip(rows, totals, strict=True):
        label_lines = wrap(label, FONT, width - 2, bold=True)
        bar_y = y + label_height + (len(label_lines) - 1) * line_height
        secured_width, planned_width = secured * scale, planned * scale
        segments = []
        if secured > 0:
            segments.append(_rect(1, bar_y, secured_width, bar_height, ACCENT, title=f"Bevilget: {nok(secured)}"))
        if planned > 0:
            # The outline is drawn inside the segment, so that it stays visible next to the solid part.
            segments.append(
                _rect(
                    1 + secured_width + 0.75,
                    bar_y + 0.75,
                    planned_width - 1.5,
                    bar_height - 1.5,
                    f"url(#{chart_id}-hatch)",
                    ACCENT,
                    f"Planlagt: {nok(planned)}",
                )
            )
        # The two amounts under the bar, on one line when they fit and on two when they do not.
        one_line = f"Bevilget {nok(secured)}, planlagt {nok(planned)}"
        if text_width(one_line, SMALL) <= width - 2:
            lines = [one_line]
        else:
            lines = [f"Bevilget {nok(secured)},", f"planlagt {nok(planned)}"]
        breakdown = [
            _text(1, bar_y + bar_height + SMALL + 3 + k * line_height, text, fill=MUTED, size=SMALL)
            for k, text in enumerate(lines)
        ]
        out.append(
            _BudgetRow(
                title=f"{label}: bevilget {nok(secured)}, planlagt {nok(planned)}, til sammen {nok(total)}",
                label=[_text(1, y + FONT + k * line_height, t, weight="600") for k, t in enumerate(label_lines)],
                segments=segments,
                total=_text(1 + total * scale + gap, bar_y + bar_height / 2 + FONT * 0.36, nok(total), weight="600"),
                breakdown=breakdown,
            )
        )
        y = bar_y + bar_height + 2 + len(lines) * line_height + row_gap
    height = (y - row_gap + 4) if rows else legend_height + label_height + 8
    sentences = [
        f"{label}: bevilget {nok(secured)}, planlagt {nok(planned)}, til sammen {nok(secured + planned)}."
        for label, secured, planned in rows
    ]
    all_secured = sum(secured for _, secured, _ in rows)
    all_planned = sum(planned for _, _, planned in rows)
    if rows:
        sentences.append(
            f"Alle til sammen: bevilget {nok(all_secured)}, planlagt {nok(all_planned)}, "
            f"i alt {nok(all_secured + all_planned)}."
        )
    desc = " ".join(sentences) if rows else "Ingen budsjettposter å vise."
    planned_x = 1 + 18 + 6 + text_width("Bevilget", SMALL) + 24
    swatches = [_rect(1, 4, 18, 14, ACCENT), _rect(planned_x, 4, 18, 14, f"url(#{chart_id}-hatch)", ACCENT)]
    legend = [
        _text(1 + 18 + 6, 4 + 7 + SMALL * 0.36, "Bevilget", size=SMALL),
        _text(planned_x + 18 + 6, 4 + 7 + SMALL * 0.36, "Planlagt", size=SMALL),
    ]
    empty = None if rows else _text(1, legend_height + FONT, "Ingen budsjettposter å vise.", fill=MUTED)
    return _render(
        "budget",
        chart_id,
        title,
        desc,
        width,
        height,
        rows=out,
        accent=ACCENT,
        legend_swatches=swatches,
        legend=legend,
        empty=empty,
    )


# --------------------------------------------------------------------------------------------------------
# 3. Indicator: measurements by year with baseline and target
# --------------------------------------------------------------------------------------------------------

Box = tuple[float, float, float, float]
Segment = tuple[float, float, float, float]


def _text_box(x: float, y: float, text: str, size: float, anchor: str, pad: float = 2.0) -> Box:
    width = text_width(text, size)
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    return (left - pad, y - size * 0.78 - pad, left + width + pad, y + size * 0.22 + pad)


def _boxes_overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _segment_hits_box(segment: Segment, box: Box) -> bool:
    """Liang–Barsky: does the segment pass through the box?"""
    x1, y1, x2, y2 = segment
    dx, dy = x2 - x1, y2 - y1
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, x1 - box[0]), (dx, box[2] - x1), (-dy, y1 - box[1]), (dy, box[3] - y1)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            if t > t1:
                return False
            t0 = max(t0, t)
        else:
            if t < t0:
                return False
            t1 = min(t1, t)
    return t0 <= t1


@dataclass
class _Labeller:
    """Places text labels one by one where they overlap nothing placed before, lines and markers included."""

    bounds: Box
    boxes: list[Box]
    segments: list[Segment]
    #: Points that get labels: a label must be nearer its own point than any other, or it reads as theirs.
    points: Sequence[tuple[float, float]] = ()

    def ambiguous(self, box: Box, owner: int) -> bool:
        """Is the middle of the label nearer another point than its own?"""
        middle = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
        own = math.dist(middle, self.points[owner])
        return any(math.dist(middle, p) < own for i, p in enumerate(self.points) if i != owner)

    def collisions(self, box: Box) -> int:
        inside = (
            box[0] >= self.bounds[0]
            and box[1] >= self.bounds[1]
            and box[2] <= self.bounds[2]
            and box[3] <= self.bounds[3]
        )
        hits = sum(_boxes_overlap(box, other) for other in self.boxes)
        hits += sum(_segment_hits_box(segment, box) for segment in self.segments)
        return hits + (0 if inside else 100)

    def place(
        self,
        text: str,
        size: int,
        candidates: Sequence[tuple[float, float, str]],
        owner: int | None = None,
        **style: Any,
    ) -> _Text:
        """The first candidate (x, y, anchor) that collides with nothing, else the one with fewest collisions.
        owner is the index of the point the label belongs to, if any."""
        best: tuple[int, int] | None = None
        for i, (x, y, anchor) in enumerate(candidates):
            box = _text_box(x, y, text, size, anchor)
            hits = self.collisions(box) + (owner is not None and self.ambiguous(box, owner))
            if best is None or hits < best[0]:
                best = (hits, i)
            if hits == 0:
                break
        assert best is not None
        x, y, anchor = candidates[best[1]]
        self.boxes.append(_text_box(x, y, text, size, anchor))
        return _text(x, y, text, anchor, size=size, **style)


def _nice_ticks(low: float, high: float) -> list[float]:
    """Three to five round values that cover low..high: steps of 1, 2, 2.5 or 5 times a power of ten."""
    if high < low:
        low, high = high, low
    if high == low:
        spread = abs(high) * 0.1 or 1.0
        low, high = low - spread, high + spread
    magnitude = 10.0 ** math.floor(math.log10(high - low) - 1)
    step = magnitude
    for _ in range(40):
        for factor in (1.0, 2.0, 2.5, 5.0):
            step = factor * magnitude
            if step < 0.1 or (factor == 2.5 and step < 10):
                continue  # keep to tick values that one decimal can write
            first, last = math.floor(low / step + 1e-9), math.ceil(high / step - 1e-9)
            if last - first + 1 <= 5:
                if last - first + 1 < 3:
                    last = first + 2
                return [round(k * step, 10) for k in range(first, last + 1)]
        magnitude *= 10
    raise AssertionError("no tick step found")  # pragma: no cover - the loop always finds one


def _labelled_years(first_year: int, last_year: int, per_year: float) -> list[int]:
    """The years to write on an axis with per_year units between years: every year when there is room,
    else every 2nd, 5th or 10th, on round years (2020, 2022, …)."""
    step = next((s for s in (1, 2, 5, 10, 20, 50) if s * per_year >= text_width("2030", SMALL) + 5), 100)
    labelled = [year for year in range(first_year, last_year + 1) if year % step == 0]
    return labelled or [first_year]


def _axis_title(unit: str) -> str:
    named = {"%": "Prosent (%)", "kr": "Kroner (kr)"}
    text = unit.strip()
    return named.get(text, text[:1].upper() + text[1:])


@dataclass(frozen=True)
class _Point:
    cx: str
    cy: str
    title: str


def indicator_chart(chart_id: str, indicator: Indicator, *, width: int = WIDTH) -> str:
    """A line of the indicator's measurements by year, each point with its value, against a dashed baseline
    and a dotted target with a marked target point. Works with no measurements or only one."""
    _check(chart_id, width)
    unit = indicator.unit
    observations = list(indicator.observations)
    baseline, target = indicator.baseline, indicator.target
    values = [o.value for o in observations] + [baseline.value, target.value]
    ticks = _nice_ticks(min(values), max(values))
    # A little room beyond the outer gridlines, so that no value lies on the x axis or the top edge.
    pad = (ticks[-1] - ticks[0]) * 0.04
    low, high = min(ticks[0], min(values) - pad), max(ticks[-1], max(values) + pad)
    tick_labels = [number(t) for t in ticks]

    all_years = [o.year for o in observations] + [baseline.year, target.year]
    first_year, last_year = min(all_years), max(all_years)
    if first_year == last_year:
        first_year, last_year = first_year - 1, last_year + 1

    axis_title_y = 16.0
    plot_top = 40.0
    plot_height = 220.0
    plot_bottom = plot_top + plot_height
    plot_left = max(text_width(t, SMALL) for t in tick_labels) + 10
    plot_right = width - 4.0
    inset = 28.0  # room between the axis and the first and last year, for the labels centred on points

    def x_of(year: float) -> float:
        return plot_left + inset + (year - first_year) / (last_year - first_year) * (plot_right - plot_left - 2 * inset)

    def y_of(value: float) -> float:
        return plot_bottom - (value - low) / (high - low) * plot_height

    # A grid line under the baseline or the target would blur its dashes, so it is left out.
    reference_ys = (y_of(baseline.value), y_of(target.value))
    gridlines = [
        _line(plot_left, y_of(t), plot_right, y_of(t))
        for t in ticks
        if all(abs(y_of(t) - ref) > 1.5 for ref in reference_ys)
    ]
    tick_texts = [
        _text(plot_left - 8, y_of(t) + SMALL * 0.36, label, "end", MUTED, SMALL)
        for t, label in zip(ticks, tick_labels, strict=True)
    ]
    axis_title = _text(0, axis_title_y, _axis_title(unit), fill=MUTED, size=SMALL)

    per_year = (plot_right - plot_left - 2 * inset) / (last_year - first_year)
    year_texts = [
        _text(x_of(year), plot_bottom + 20, str(year), "middle", MUTED, SMALL)
        for year in _labelled_years(first_year, last_year, per_year)
    ]

    points = [(x_of(o.year), y_of(o.value)) for o in observations]
    line_segments: list[Segment] = [(*a, *b) for a, b in itertools.pairwise(points)]
    baseline_y, target_y = y_of(baseline.value), y_of(target.value)
    target_x = x_of(target.year)
    reference_segments: list[Segment] = [
        (plot_left, baseline_y, plot_right, baseline_y),
        (plot_left, target_y, plot_right, target_y),
    ]
    marker_boxes: list[Box] = [(x - 5, y - 5, x + 5, y + 5) for x, y in points]
    marker_boxes.append((target_x - 7, target_y - 7, target_x + 7, target_y + 7))
    labeller = _Labeller(
        bounds=(0, plot_top - 22, width, plot_bottom),
        boxes=[*marker_boxes, _text_box(0, axis_title_y, axis_title.text, SMALL, "start")],
        segments=line_segments + reference_segments,
        points=points,
    )

    point_labels: list[_Text] = []
    for i, (x, y) in enumerate(points):
        before = points[i - 1][1] if i > 0 else None
        after = points[i + 1][1] if i + 1 < len(points) else None
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
        order += [above_left, above_right, below_left, below_right]
        text = number(observations[i].value)
        point_labels.append(labeller.place(text, SMALL, order, i, fill=ACCENT, weight="600"))

    target_text = f"Mål {target.year}: {quantity(target.value, unit)}"
    baseline_text = f"Utgangsverdi {baseline.year}: {quantity(baseline.value, unit)}"
    above_target, below_target = target_y - 7, target_y + 7 + SMALL * 0.78
    target_label = labeller.place(
        target_text,
        SMALL,
        [
            (target_x - 10, above_target, "end"),
            (target_x - 10, below_target, "end"),
            (target_x, above_target - 4, "middle"),
            (target_x, below_target + 4, "middle"),
            (target_x + 10, above_target, "start"),
            (target_x + 10, below_target, "start"),
            (plot_right, above_target, "end"),
            (plot_right, below_target, "end"),
            (plot_left + 4, above_target, "start"),
            (plot_left + 4, below_target, "start"),
        ],
        fill=TARGET,
        weight="600",
    )
    above_base, below_base = baseline_y - 6, baseline_y + 6 + SMALL * 0.78
    baseline_label = labeller.place(
        baseline_text,
        SMALL,
        [
            (plot_right, above_base, "end"),
            (plot_right, below_base, "end"),
            ((plot_left + plot_right) / 2, above_base, "middle"),
            ((plot_left + plot_right) / 2, below_base, "middle"),
            (plot_left + 4, above_base, "start"),
            (plot_left + 4, below_base, "start"),
        ],
        fill=BASELINE,
        weight="600",
    )

    empty = None
    if not observations:
        empty = labeller.place(
            "Ingen målinger ennå",
            FONT,
            [
                ((plot_left + plot_right) / 2, (plot_top + plot_bottom) / 2 + FONT * 0.36, "middle"),
                ((plot_left + plot_right) / 2, plot_top + 20, "middle"),
                ((plot_left + plot_right) / 2, plot_bottom - 8, "middle"),
            ],
            fill=MUTED,
        )

    # Legend under the year labels: one entry per kind of line, wrapped if the chart is too narrow.
    legend_y = plot_bottom + 48
    entries = [("obs", "Målt verdi"), ("baseline", "Utgangsverdi"), ("target", "Mål")]
    legend: list[dict[str, Any]] = []
    x = 0.0
    for kind, label in entries:
        entry_width = 30 + 6 + text_width(label, SMALL)
        if x + entry_width > width and x > 0:
            x, legend_y = 0.0, legend_y + 22
        legend.append(
            {
                "kind": kind,
                "line": _line(x, legend_y, x + 30, legend_y),
                "cx": _f(x + 15),
                "cy": _f(legend_y),
                "diamond": _points(_diamond(x + 15, legend_y, 6)),
                "text": _text(x + 36, legend_y + SMALL * 0.36, label, size=SMALL),
            }
        )
        x += entry_width + 20
    height = legend_y + 14

    point_titles = [
        f"{o.year}: {quantity(o.value, unit)}" + (f" ({o.note.strip().rstrip('.')})" if o.note else "")
        for o in observations
    ]
    desc_parts = [f"{indicator.title}, målt i {unit.strip()}."]
    if observations:
        desc_parts.append("Målinger: " + "; ".join(point_titles) + ".")
    else:
        desc_parts.append("Ingen målinger ennå.")
    desc_parts.append(_sentence(baseline_text))
    desc_parts.append(_sentence(target_text))
    desc_parts.append("Lavere er bedre." if indicator.better == "lavere" else "Høyere er bedre.")

    return _render(
        "indicator",
        chart_id,
        indicator.title,
        " ".join(desc_parts),
        width,
        height,
        gridlines=gridlines,
        tick_texts=tick_texts,
        axis_title=axis_title,
        axis=_line(plot_left, plot_bottom, plot_right, plot_bottom),
        year_texts=year_texts,
        polyline=_points(points) if len(points) > 1 else "",
        points=[_Point(_f(x), _f(y), t) for (x, y), t in zip(points, point_titles, strict=True)],
        point_labels=point_labels,
        baseline_line=_line(plot_left, baseline_y, plot_right, baseline_y),
        target_line=_line(plot_left, target_y, plot_right, target_y),
        target_marker=_points(_diamond(target_x, target_y, 7)),
        target_label=target_label,
        baseline_label=baseline_label,
        empty=empty,
        legend=legend,
        accent=ACCENT,
        baseline_colour=BASELINE,
        target_colour=TARGET,
    )


def _diamond(x: float, y: float, r: float) -> list[tuple[float, float]]:
    return [(x, y - r), (x + r, y), (x, y + r), (x - r, y)]


# --------------------------------------------------------------------------------------------------------
# 4. Timeline: one bar per measure from its first to its last year
# --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineRow:
    """One measure in the timeline: label, first and last year (None: ongoing), status text and colour, and
    the address of the measure's page (None: no link)."""

    label: str
    start: int
    end: int | None
    status_label: str
    colour: str
    href: str | None = None


@dataclass(frozen=True)
class _TimelineBar:
    title: str
    href: str | None
    stripe: _Rect | None
    label: _Text
    shape: str
    fill: str
    stroke: str
    status: _Text | None


def timeline_chart(
    chart_id: str, rows: list[TimelineRow], first_year: int, last_year: int, title: str, *, width: int = WIDTH
) -> str:
    """A Gantt-like chart: one row per measure with a bar from its first to its last year, year labels on top
    and at the bottom, the row label on the left and the status written after or inside the bar.

    A row without an end runs to last_year and ends in an arrow. A row with href is a link, and a timeline with
    links has ``role="group"`` (named by its title, described by its desc) instead of ``role="img"``, whose
    content screen readers skip, so that the links can be reached. Long labels are
    shortened with «…»; the row's <title> has the whole text. Narrower than :data:`STACK_BELOW`, each label
    stands on its own line above its bar, so that the bars keep the full width."""
    _check(chart_id, width)
    if last_year < first_year:
        raise ValueError(f"tidslinjen slutter ({last_year}) før den begynner ({first_year})")
    stacked = width < STACK_BELOW
    header, bar_height = 30.0, 20.0
    if stacked:
        row_height, label_width = 48.0, width - 4.0
        plot_left, plot_right = 2.0, width - 2.0
    else:
        row_height, label_width = 28.0, round(width * 0.37)
        plot_left, plot_right = label_width + 10.0, width - 2.0
    n_years = last_year - first_year + 1
    column = (plot_right - plot_left) / n_years

    def x_of(year: int) -> float:
        return plot_left + (year - first_year) * column

    body_bottom = header + max(len(rows), 1) * row_height
    year_texts = []
    for year in _labelled_years(first_year, last_year, column):
        centre = x_of(year) + column / 2
        year_texts.append(_text(centre, header - 10, str(year), "middle", MUTED, SMALL))
        year_texts.append(_text(centre, body_bottom + 20, str(year), "middle", MUTED, SMALL))
    boundaries = [x_of(year) for year in range(first_year, last_year + 2)]
    if stacked:  # grid lines only beside the bars, never through the labels
        bands = [
            (header + i * row_height + 20, header + i * row_height + 20 + bar_height + 4) for i in range(len(rows))
        ]
    else:
        bands = [(header - 4, body_bottom + 4)]
    grid_path = " ".join(f"M{_f(x)} {_f(y0)}V{_f(y1)}" for y0, y1 in bands for x in boundaries)

    bars: list[_TimelineBar] = []
    for i, row in enumerate(rows):
        if row.href is not None and row.href.strip().lower().startswith(("javascript:", "data:", "vbscript:")):
            raise ValueError(f"lenken «{row.href}» er ikke tillatt i et diagram")
        if row.end is not None and row.end < row.start:
            raise ValueError(f"«{row.label}» slutter ({row.end}) før det begynner ({row.start})")
        colour = _check_colour(row.colour)
        top = header + i * row_height
        bar_top = top + 22 if stacked else top + (row_height - bar_height) / 2
        middle = bar_top + bar_height / 2
        baseline = middle + SMALL * 0.36
        label = _text(
            2 if stacked else label_width,
            top + 16 if stacked else baseline,
            truncate(row.label, SMALL, label_width - 2),
            "start" if stacked else "end",
            ACCENT if row.href else TEXT,
            SMALL,
            underline=row.href is not None,
        )
        start = max(row.start, first_year)
        end = last_year if row.end is None else min(row.end, last_year)
        shape, status = "", None
        if start <= end:
            x0, x1 = x_of(start) + 1, x_of(end + 1) - 1
            ongoing = row.end is None or row.end > last_year
            if ongoing:
                tip = min(10.0, (x1 - x0) / 2)
                corners = [(x0, bar_top), (x1 - tip, bar_top), (x1, middle), (x1 - tip, bar_top + bar_height)]
                shape = _points([*corners, (x0, bar_top + bar_height)])
            else:
                shape = _points([(x0, bar_top), (x1, bar_top), (x1, bar_top + bar_height), (x0, bar_top + bar_height)])
            status = _status_text(
                row.status_label, colour, x0, x1 - (12 if ongoing else 6), x1, baseline, plot_left, width
            )
        else:
            outside = f"{row.status_label} (utenfor {years(first_year, last_year)})"
            status = _text(plot_left + 4, baseline, outside, size=SMALL)
        period = years(row.start, row.end) + (", løpende" if row.end is None else "")
        bars.append(
            _TimelineBar(
                title=f"{row.label}: {period}, {_lower_first(row.status_label)}",
                href=row.href,
                stripe=_rect(0, top, width, row_height, STRIPE) if i % 2 == 0 else None,
                label=label,
                shape=shape,
                fill=colour,
                stroke=_outline(colour),
                status=status,
            )
        )
    height = body_bottom + 30
    if rows:
        listed = "; ".join(bar.title for bar in bars)
        desc = f"{number(len(rows))} tiltak i årene {years(first_year, last_year)}. {listed}."
    else:
        desc = "Ingen tiltak å vise."
    empty_y = header + row_height / 2 + FONT * 0.36
    empty = None if rows else _text(plot_left + 4, empty_y, "Ingen tiltak å vise.", fill=MUTED)
    return _render(
        "timeline",
        chart_id,
        title,
        desc,
        width,
        height,
        rows=bars,
        year_texts=year_texts,
        grid_path=grid_path,
        empty=empty,
        # Links inside role="img" would be hidden from screen readers (and axe: nested-interactive), so a
        # timeline with links is a group; its links are then named by the whole row title.
        interactive=any(row.href is not None for row in rows),
    )


def _status_text(
    text: str, colour: str, x0: float, inner_right: float, x1: float, baseline: float, plot_left: float, width: int
) -> _Text:
    """The status of a timeline row: after the bar if there is room, else inside it, else before it."""
    gap = 6.0
    if x1 + gap + text_width(text, SMALL) <= width - 1:
        return _text(x1 + gap, baseline, text, size=SMALL)
    if inner_right - x0 - 6 >= text_width(text, SMALL, bold=True):
        return _text(x0 + 6, baseline, text, fill=_text_on(colour), size=SMALL, weight="600")
    if x0 - gap - text_width(text, SMALL) >= plot_left:
        return _text(x0 - gap, baseline, text, "end", size=SMALL)
    # A short bar in a narrow chart: shorten the text to fit inside.
    fitted = truncate(text, SMALL, max(inner_right - x0 - 6, 0), bold=True)
    return _text(x0 + 6, baseline, fitted, fill=_text_on(colour), size=SMALL, weight="600")
