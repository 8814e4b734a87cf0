"""Layout shared by the charts: round axis values, which years to label, and labels placed without collisions.

:class:`Labeller` tries the candidate positions of a label one by one and keeps the first that overlaps nothing
drawn before (other labels, markers, lines); boxes are estimated with :func:`~.text.text_width`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from scripts.present.charts.style import SMALL
from scripts.present.charts.svg import Text, text_at
from scripts.present.charts.text import text_width

#: A rectangle as (left, top, right, bottom).
Box = tuple[float, float, float, float]
#: A line segment as (x1, y1, x2, y2).
Segment = tuple[float, float, float, float]
#: Where a label may go: (x, y, anchor) as for :func:`~.svg.text_at`.
Candidate = tuple[float, float, str]


def text_box(x: float, y: float, text: str, size: float, anchor: str, pad: float = 2.0) -> Box:
    """The box a text takes when drawn at (x, y) with the anchor, padded on every side."""
    width = text_width(text, size)
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    return (left - pad, y - size * 0.78 - pad, left + width + pad, y + size * 0.22 + pad)


def boxes_overlap(a: Box, b: Box) -> bool:
    """Do the two boxes share some area (touching edges do not count)?"""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def segment_hits_box(segment: Segment, box: Box) -> bool:
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
class Labeller:
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
        """How many boxes and segments the box hits, plus 100 if it sticks out of the bounds."""
        inside = (
            box[0] >= self.bounds[0]
            and box[1] >= self.bounds[1]
            and box[2] <= self.bounds[2]
            and box[3] <= self.bounds[3]
        )
        hits = sum(boxes_overlap(box, other) for other in self.boxes)
        hits += sum(segment_hits_box(segment, box) for segment in self.segments)
        return hits + (0 if inside else 100)

    def place(
        self,
        text: str,
        size: int,
        candidates: Sequence[Candidate],
        owner: int | None = None,
        **style: Any,
    ) -> Text:
        """The first candidate (x, y, anchor) that collides with nothing, else the one with fewest collisions.
        owner is the index of the point the label belongs to, if any."""
        best: tuple[int, int] | None = None
        for i, (x, y, anchor) in enumerate(candidates):
            box = text_box(x, y, text, size, anchor)
            hits = self.collisions(box) + (owner is not None and self.ambiguous(box, owner))
            if best is None or hits < best[0]:
                best = (hits, i)
            if hits == 0:
                break
        assert best is not None
        x, y, anchor = candidates[best[1]]
        self.boxes.append(text_box(x, y, text, size, anchor))
        return text_at(x, y, text, anchor, size=size, **style)


def nice_ticks(low: float, high: float) -> list[float]:
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


def labelled_years(first_year: int, last_year: int, per_year: float) -> list[int]:
    """The years to write on an axis with per_year units between years: every year when there is room,
    else every 2nd, 5th or 10th, on round years (2020, 2022, …)."""
    step = next((s for s in (1, 2, 5, 10, 20, 50) if s * per_year >= text_width("2030", SMALL) + 5), 100)
    labelled = [year for year in range(first_year, last_year + 1) if year % step == 0]
    return labelled or [first_year]
