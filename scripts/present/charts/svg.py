"""SVG building blocks: coordinates, the elements the templates draw, and rendering a chart's template.

Coordinates are rounded to one decimal (:func:`coord`), so the same input gives the same bytes. The markup itself
comes from the Jinja2 templates in ``scripts/templates/charts``, whose environment escapes every text.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from typing import Any

import jinja2

from scripts import TEMPLATES
from scripts.present.charts.style import FONT, FONT_FAMILY, GRID, MIN_WIDTH, MUTED, SMALL, TEXT

CHART_TEMPLATES = TEMPLATES / "charts"

_CHART_ID = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")

#: The font family of the charts drawn now: the site's system fonts, or the print edition's shipped font.
_FONT_FAMILY: ContextVar[str] = ContextVar("chart_font_family", default=FONT_FAMILY)


@contextlib.contextmanager
def font_family(family: str) -> Iterator[None]:
    """Charts drawn inside the block set their text in the family, e.g. the print edition's shipped font, so
    that the PDF depends on no font of the machine (the text widths assume Arial's metrics, as Liberation Sans)."""
    token = _FONT_FAMILY.set(family)
    try:
        yield
    finally:
        _FONT_FAMILY.reset(token)


def coord(value: float) -> str:
    """A coordinate rounded to one decimal, without a trailing «.0»."""
    rounded = round(value, 1) + 0.0  # + 0.0 turns -0.0 into 0.0
    return f"{rounded:.1f}".removesuffix(".0")


def check_chart(chart_id: str, width: int) -> None:
    """A ValueError (in Norwegian) if chart_id cannot be an XML id or the chart is narrower than MIN_WIDTH."""
    if not _CHART_ID.match(chart_id):
        raise ValueError(f"chart_id «{chart_id}» kan ikke brukes som id: bruk bokstaver, sifre, - og _")
    if width < MIN_WIDTH:
        raise ValueError(f"diagrammet må være minst {MIN_WIDTH} enheter bredt, ikke {width}")


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


def render(
    kind: str,
    chart_id: str,
    title: str,
    desc: str,
    width: float,
    height: float,
    **context: Any,
) -> str:
    """The ``<svg>`` element of the template ``{kind}.svg.jinja``, with the shared frame, sizes and colours."""
    template = _environment().get_template(f"{kind}.svg.jinja")
    return template.render(
        kind=kind,
        id=chart_id,
        title=title,
        desc=desc,
        view_box=f"0 0 {coord(width)} {coord(height)}",
        font_family=_FONT_FAMILY.get(),
        font_size=FONT,
        small=SMALL,
        text_colour=TEXT,
        muted=MUTED,
        grid=GRID,
        **context,
    )


@dataclass(frozen=True)
class Text:
    """A text in the chart: position as formatted coordinates, anchor start, middle or end."""

    x: str
    y: str
    text: str
    anchor: str = "start"
    fill: str = TEXT
    size: int = FONT
    weight: str = "normal"


def text_at(
    x: float,
    y: float,
    text: str,
    anchor: str = "start",
    fill: str = TEXT,
    size: int = FONT,
    weight: str = "normal",
) -> Text:
    """A text whose baseline starts, is centred or ends (anchor) at (x, y)."""
    return Text(coord(x), coord(y), text, anchor, fill, size, weight)


@dataclass(frozen=True)
class Rect:
    """A rectangle, optionally outlined and with a <title> (its tooltip and accessible name)."""

    x: str
    y: str
    width: str
    height: str
    fill: str
    stroke: str = "none"
    title: str = ""


def rect(x: float, y: float, width: float, height: float, fill: str, stroke: str = "none", title: str = "") -> Rect:
    """A rectangle with its top left corner at (x, y); a negative width is drawn as zero."""
    return Rect(coord(x), coord(y), coord(max(width, 0.0)), coord(height), fill, stroke, title)


@dataclass(frozen=True)
class Line:
    """A straight line from (x1, y1) to (x2, y2)."""

    x1: str
    y1: str
    x2: str
    y2: str


def line(x1: float, y1: float, x2: float, y2: float) -> Line:
    """A line between two points."""
    return Line(coord(x1), coord(y1), coord(x2), coord(y2))


def points(coords: Sequence[tuple[float, float]]) -> str:
    """The ``points`` attribute of a polyline or polygon: «x,y x,y …»."""
    return " ".join(f"{coord(x)},{coord(y)}" for x, y in coords)


def diamond(x: float, y: float, r: float) -> list[tuple[float, float]]:
    """The corners of a diamond centred on (x, y), r from the centre to each corner."""
    return [(x, y - r), (x + r, y), (x, y + r), (x - r, y)]
