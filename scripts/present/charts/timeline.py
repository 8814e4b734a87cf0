"""The timeline: one bar per measure from its first to its last year, like a Gantt chart, rows optionally links."""

from __future__ import annotations

from dataclasses import dataclass

from scripts.present.charts.layout import labelled_years
from scripts.present.charts.style import (
    ACCENT,
    FONT,
    MUTED,
    SMALL,
    STACK_BELOW,
    STRIPE,
    TEXT,
    WIDTH,
    check_colour,
    outline,
    text_on,
)
from scripts.present.charts.svg import Rect, Text, check_chart, coord, points, rect, render, text_at
from scripts.present.charts.text import lower_first, number, text_width, truncate, years

_UNSAFE_SCHEMES = ("javascript:", "data:", "vbscript:")


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
    stripe: Rect | None
    label: Text
    shape: str
    fill: str
    stroke: str
    status: Text


@dataclass(frozen=True)
class _Frame:
    """Where a timeline's parts go: a header with years, then one row per measure, the label left of the bar
    or, when stacked, above it."""

    first_year: int
    last_year: int
    rows: int
    width: int
    stacked: bool
    row_height: float
    label_width: float
    plot_left: float
    plot_right: float
    header: float = 30.0
    bar_height: float = 20.0

    @property
    def column(self) -> float:
        """Units per year along x."""
        return (self.plot_right - self.plot_left) / (self.last_year - self.first_year + 1)

    @property
    def body_bottom(self) -> float:
        return self.header + max(self.rows, 1) * self.row_height

    def x_of(self, year: int) -> float:
        """The left edge of the year's column."""
        return self.plot_left + (year - self.first_year) * self.column


def _frame(first_year: int, last_year: int, rows: int, width: int) -> _Frame:
    if width < STACK_BELOW:
        return _Frame(first_year, last_year, rows, width, True, 48.0, width - 4.0, 2.0, width - 2.0)
    label_width = round(width * 0.37)
    return _Frame(first_year, last_year, rows, width, False, 28.0, label_width, label_width + 10.0, width - 2.0)


def timeline_chart(
    chart_id: str, rows: list[TimelineRow], first_year: int, last_year: int, title: str, *, width: int = WIDTH
) -> str:
    """A Gantt-like chart: one row per measure with a bar from its first to its last year, year labels on top
    and at the bottom, the row label on the left and the status written after or inside the bar.

    A row without an end runs to last_year and ends in an arrow. A row with href is a link, and a timeline with
    links has ``role="group"`` (named by its title, described by its desc) instead of ``role="img"``, whose
    content screen readers skip, so that the links can be reached. A row's link holds its label and bar, and is
    named by the row title, which starts with the label as shown (WCAG 2.5.3, label in name). Long labels are
    shortened with «…»; the row's <title> has the whole text. Narrower than :data:`STACK_BELOW`, each label
    stands on its own line above its bar, so that the bars keep the full width."""
    check_chart(chart_id, width)
    if last_year < first_year:
        raise ValueError(f"tidslinjen slutter ({last_year}) før den begynner ({first_year})")
    frame = _frame(first_year, last_year, len(rows), width)
    bars = [_timeline_bar(frame, i, row) for i, row in enumerate(rows)]
    if rows:
        listed = "; ".join(bar.title for bar in bars)
        desc = f"{number(len(rows))} tiltak i årene {years(first_year, last_year)}. {listed}."
    else:
        desc = "Ingen tiltak å vise."
    empty_y = frame.header + frame.row_height / 2 + FONT * 0.36
    empty = None if rows else text_at(frame.plot_left + 4, empty_y, "Ingen tiltak å vise.", fill=MUTED)
    return render(
        "timeline",
        chart_id,
        title,
        desc,
        width,
        frame.body_bottom + 30,
        rows=bars,
        year_texts=_year_texts(frame),
        grid_path=_grid_path(frame),
        empty=empty,
        # Links inside role="img" would be hidden from screen readers (and axe: nested-interactive), so a
        # timeline with links is a group; its links are then named by the whole row title.  They are written with
        # xlink:href, which Material's instant navigation leaves to the browser (it fails on an SVG `href`).
        interactive=any(row.href is not None for row in rows),
    )


def _year_texts(frame: _Frame) -> list[Text]:
    """The years, centred on their columns, above the first row and under the last."""
    texts = []
    for year in labelled_years(frame.first_year, frame.last_year, frame.column):
        centre = frame.x_of(year) + frame.column / 2
        texts.append(text_at(centre, frame.header - 10, str(year), "middle", MUTED, SMALL))
        texts.append(text_at(centre, frame.body_bottom + 20, str(year), "middle", MUTED, SMALL))
    return texts


def _grid_path(frame: _Frame) -> str:
    """The ``d`` of the path of vertical grid lines between the years."""
    boundaries = [frame.x_of(year) for year in range(frame.first_year, frame.last_year + 2)]
    if frame.stacked:  # grid lines only beside the bars, never through the labels
        tops = [frame.header + i * frame.row_height + 20 for i in range(frame.rows)]
        bands = [(top, top + frame.bar_height + 4) for top in tops]
    else:
        bands = [(frame.header - 4, frame.body_bottom + 4)]
    return " ".join(f"M{coord(x)} {coord(y0)}V{coord(y1)}" for y0, y1 in bands for x in boundaries)


def _timeline_bar(frame: _Frame, i: int, row: TimelineRow) -> _TimelineBar:
    """Row i: its stripe, its label (a link if it has href), its bar and its status."""
    if row.href is not None and row.href.strip().lower().startswith(_UNSAFE_SCHEMES):
        raise ValueError(f"lenken «{row.href}» er ikke tillatt i et diagram")
    if row.end is not None and row.end < row.start:
        raise ValueError(f"«{row.label}» slutter ({row.end}) før det begynner ({row.start})")
    colour = check_colour(row.colour)
    top = frame.header + i * frame.row_height
    bar_top = top + 22 if frame.stacked else top + (frame.row_height - frame.bar_height) / 2
    label = text_at(
        2 if frame.stacked else frame.label_width,
        top + 16 if frame.stacked else bar_top + frame.bar_height / 2 + SMALL * 0.36,
        truncate(row.label, SMALL, frame.label_width - 2),
        "start" if frame.stacked else "end",
        ACCENT if row.href else TEXT,
        SMALL,
        underline=row.href is not None,
    )
    shape, status = _bar_and_status(frame, row, colour, bar_top)
    period = years(row.start, row.end) + (", løpende" if row.end is None else "")
    return _TimelineBar(
        title=f"{row.label}: {period}, {lower_first(row.status_label)}",
        href=row.href,
        stripe=rect(0, top, frame.width, frame.row_height, STRIPE) if i % 2 == 0 else None,
        label=label,
        shape=shape,
        fill=colour,
        stroke=outline(colour),
        status=status,
    )


def _bar_and_status(frame: _Frame, row: TimelineRow, colour: str, bar_top: float) -> tuple[str, Text]:
    """The polygon points of the row's bar (an arrow at the end if it runs on) and its status text; a row
    wholly outside the timeline's years has no bar and says so."""
    middle = bar_top + frame.bar_height / 2
    baseline = middle + SMALL * 0.36
    start = max(row.start, frame.first_year)
    end = frame.last_year if row.end is None else min(row.end, frame.last_year)
    if start > end:
        outside = f"{row.status_label} (utenfor {years(frame.first_year, frame.last_year)})"
        return "", text_at(frame.plot_left + 4, baseline, outside, size=SMALL)
    x0, x1 = frame.x_of(start) + 1, frame.x_of(end + 1) - 1
    bottom = bar_top + frame.bar_height
    ongoing = row.end is None or row.end > frame.last_year
    if ongoing:
        tip = min(10.0, (x1 - x0) / 2)
        shape = points([(x0, bar_top), (x1 - tip, bar_top), (x1, middle), (x1 - tip, bottom), (x0, bottom)])
    else:
        shape = points([(x0, bar_top), (x1, bar_top), (x1, bottom), (x0, bottom)])
    inner_right = x1 - (12 if ongoing else 6)
    return shape, _status_text(frame, row.status_label, colour, x0, inner_right, x1, baseline)


def _status_text(
    frame: _Frame, text: str, colour: str, x0: float, inner_right: float, x1: float, baseline: float
) -> Text:
    """The status of a timeline row: after the bar if there is room, else inside it, else before it."""
    gap = 6.0
    if x1 + gap + text_width(text, SMALL) <= frame.width - 1:
        return text_at(x1 + gap, baseline, text, size=SMALL)
    if inner_right - x0 - 6 >= text_width(text, SMALL, bold=True):
        return text_at(x0 + 6, baseline, text, fill=text_on(colour), size=SMALL, weight="600")
    if x0 - gap - text_width(text, SMALL) >= frame.plot_left:
        return text_at(x0 - gap, baseline, text, "end", size=SMALL)
    # A short bar in a narrow chart: shorten the text to fit inside.
    fitted = truncate(text, SMALL, max(inner_right - x0 - 6, 0), bold=True)
    return text_at(x0 + 6, baseline, fitted, fill=text_on(colour), size=SMALL, weight="600")
