"""The timeline page's rows: each measure once, its full name as text (a link that wraps, never shortened), its
period and status as text, and a bar drawn by the stylesheet from shares of the plan's years; a line for today.

The bar and the year axis are decoration (hidden from screen readers): the period and status beside them say the
same in words, so the list is its own text alternative.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from schema import Measure
from scripts.present.charts.style import check_colour, outline

__all__ = ["Axis", "Bar", "axis", "bar"]


@dataclass(frozen=True)
class Axis:
    """The plan's years along the bars, and where today falls on them (a share from 0 to 1; None: outside)."""

    first: int
    last: int
    today: dt.date | None
    today_share: float | None

    @property
    def years(self) -> list[int]:
        return list(range(self.first, self.last + 1))

    def share(self, year: int) -> float:
        """Where the year begins along the axis."""
        return (year - self.first) / (self.last - self.first + 1)


def axis(first: int, last: int, today: dt.date | None) -> Axis:
    """The axis of the years first to last; today's share only when the day falls inside them."""
    if last < first:
        raise ValueError(f"tidslinjen slutter ({last}) før den begynner ({first})")
    if today is None or not first <= today.year <= last:
        return Axis(first, last, today, None)
    begin, end = dt.date(first, 1, 1), dt.date(last + 1, 1, 1)
    return Axis(first, last, today, (today - begin).days / (end - begin).days)


@dataclass(frozen=True)
class Bar:
    """A measure's bar: where it starts and ends along the axis (shares), whether it runs on past the axis (no end,
    or an end after it), its fill and outline («none» when the fill stands out against white on its own), or no
    bar at all when the period lies wholly outside the axis."""

    start: float
    end: float
    open: bool
    fill: str
    stroke: str
    shown: bool = True

    @property
    def style(self) -> str:
        """The custom properties the stylesheet draws the bar from."""
        return (
            f"--from:{self.start * 100:.2f}%;--to:{self.end * 100:.2f}%;--bar:{self.fill};"
            f"--bar-line:{'transparent' if self.stroke == 'none' else self.stroke}"
        )


def bar(frame: Axis, measure: Measure, colour: str) -> Bar:
    """The bar of a measure on the axis, in its status's colour."""
    fill = check_colour(colour)
    start = max(measure.period.start, frame.first)
    end = frame.last if measure.period.end is None else min(measure.period.end, frame.last)
    ongoing = measure.period.end is None or measure.period.end > frame.last
    if start > end:
        return Bar(0.0, 0.0, False, fill, outline(fill), shown=False)
    return Bar(frame.share(start), frame.share(end + 1), ongoing, fill, outline(fill))
