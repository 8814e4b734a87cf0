"""Sizes and colours shared by every chart, and the contrast arithmetic that keeps the colours readable.

The viewBox is :data:`WIDTH` units wide and no text is smaller than :data:`SMALL` units, so text is at least
12 px when the chart is 640 px wide. The colours hard-coded here have at least 4.5:1 contrast against white
for text and 3:1 for graphics; colours passed in by callers are checked with :func:`check_colour` and get an
outline (:func:`outline`) or a text colour (:func:`text_on`) chosen by :func:`contrast`.
"""

from __future__ import annotations

import re

#: Default width of a chart's viewBox. At 640 px on screen one unit is one pixel.
WIDTH = 640
#: Narrowest viewBox a chart can be drawn for. A chart drawn 360 wide for phones keeps its text at 12 px or
#: more on a 360 px wide screen; see the ``width`` parameter of the chart functions.
MIN_WIDTH = 320
#: Font size of labels, in viewBox units.
FONT = 14
#: Font size of the smallest text (tick labels, notes), in viewBox units; at least 12 px at 640 px width.
SMALL = 13
FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

# Colours, each with at least 4.5:1 (text) or 3:1 (graphics) contrast against white.
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

#: Hard-coded colours used for text, and for graphics (lines, bars, markers): see the contrast tests.
TEXT_COLOURS = {"TEXT": TEXT, "MUTED": MUTED, "ACCENT": ACCENT, "TARGET": TARGET, "BASELINE": BASELINE}
GRAPHIC_COLOURS = {"TEXT": TEXT, "GRID": GRID, "ACCENT": ACCENT, "BASELINE": BASELINE, "TARGET": TARGET}

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio between two #rrggbb colours, from 1 to 21."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_on(colour: str) -> str:
    """White or dark text, whichever reads better on the colour."""
    return WHITE if contrast(WHITE, colour) >= contrast(TEXT, colour) else TEXT


def outline(colour: str) -> str:
    """A dark outline for a fill too light to stand out against white on its own, else none."""
    return TEXT if contrast(colour, WHITE) < 3 else "none"


def check_colour(colour: str) -> str:
    """The colour in lower case; a ValueError (in Norwegian) unless it is written #rrggbb."""
    if not _HEX.match(colour):
        raise ValueError(f"fargen «{colour}» må skrives som #rrggbb")
    return colour.lower()
