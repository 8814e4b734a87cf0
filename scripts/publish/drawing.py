"""The drawings of publish/social.py, with Pillow: a link preview's image (1200 × 630) and the square icons, in
the shipped Liberation Sans (the PDF's font) and the site's colours. The same input gives the same PNG bytes: Pillow
writes no date or other metadata, and everything is drawn at a fixed size and scaled down the same way."""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONTS = Path(__file__).resolve().parents[1] / "templates" / "print" / "fonts"
#: The drawing is made this large at most and scaled down, which gives smooth edges.
DRAW_SIDE = 2048
#: The region's mark of docs/assets/favicon.svg, on a 32-unit grid: the centre and six nodes around it.
CENTRE = (16.0, 16.0)
NODES = ((16, 5.5), (25.1, 10.75), (25.1, 21.25), (16, 26.5), (6.9, 21.25), (6.9, 10.75))

RGB = tuple[int, int, int]


@dataclass(frozen=True)
class Colours:
    """The text and the mark (`foreground`) on a plain `background`."""

    background: RGB
    foreground: RGB


def card(title: str, label: str, region: str, colours: Colours, size: tuple[int, int] = (1200, 630)) -> bytes:
    """A preview image: the mark and the region at the top, the kind's name (`label`), the plan's title below."""
    image = Image.new("RGB", size, colours.background)
    draw = ImageDraw.Draw(image)
    margin, mark_side, ink = 72, 104, colours.foreground
    drawn = mark(mark_side, ink)
    image.paste(drawn, (margin, margin), drawn)
    at = (margin + mark_side + 28, margin + mark_side // 2)
    draw.text(at, region, font=_font("Regular", 32), fill=ink, anchor="lm")
    top = margin + mark_side + 64
    draw.text((margin, top), label, font=_font("Bold", 44), fill=ink)
    points, lines = _fitted(draw, title, size[0] - 2 * margin, 3)
    font = _font("Bold", points)
    y = top + 44 + 36
    for line in lines:
        draw.text((margin, y), line, font=font, fill=ink)
        y += round(points * 1.2)
    return _png(image)


def icon(side: int, colours: Colours, *, rounded: bool = True) -> bytes:
    """A square icon: the region's mark on the background colour (as favicon.svg)."""
    scale = max(1, min(8, DRAW_SIDE // side))
    big = side * scale
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    radius = round(6 / 32 * big) if rounded else 0
    ImageDraw.Draw(image).rounded_rectangle((0, 0, big - 1, big - 1), radius=radius, fill=(*colours.background, 255))
    image.alpha_composite(_mark_drawing(big, colours.foreground))
    return _png(image.resize((side, side), Image.Resampling.LANCZOS))


def mark(side: int, colour: RGB) -> Image.Image:
    """The mark alone in `colour` on transparent, `side` pixels square."""
    scale = max(1, min(8, DRAW_SIDE // side))
    return _mark_drawing(side * scale, colour).resize((side, side), Image.Resampling.LANCZOS)


def _mark_drawing(side: int, colour: RGB) -> Image.Image:
    """The mark drawn at full size: spokes, the hexagon's edges, the nodes (coordinates from favicon.svg)."""
    image = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    unit = side / 32

    def at(point: tuple[float, float]) -> tuple[float, float]:
        return point[0] * unit, point[1] * unit

    stroke = round(2 * unit)
    for node in NODES:
        draw.line((at(CENTRE), at(node)), fill=colour, width=stroke)
    draw.line([at(node) for node in (*NODES, NODES[0])], fill=colour, width=stroke, joint="curve")
    for point, radius in ((CENTRE, 4.0), *((node, 2.6) for node in NODES)):
        x, y = at(point)
        r = radius * unit
        draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
    return image


def _fitted(draw: ImageDraw.ImageDraw, text: str, width: int, most: int) -> tuple[int, list[str]]:
    """The largest size from 64 down to 36 at which `text` fits `width` in `most` lines, and its lines (cut with
    «…» when even the smallest size needs more)."""
    for size in range(64, 35, -4):
        lines = _wrapped(draw, text, _font("Bold", size), width)
        if len(lines) <= most:
            return size, lines
    lines = _wrapped(draw, text, _font("Bold", 36), width)
    return 36, [*lines[: most - 1], lines[most - 1] + " …"]


def _wrapped(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


@functools.cache
def _font(style: str, size: int) -> ImageFont.FreeTypeFont:
    """Liberation Sans with FreeType's basic layout: Pillow's raqm layout (when libraqm is there) failed on text an
    editor could write (`raqm_layout() failed`), and would draw other bytes on a machine without it."""
    return ImageFont.truetype(str(FONTS / f"LiberationSans-{style}.ttf"), size, layout_engine=ImageFont.Layout.BASIC)


def _png(image: Image.Image) -> bytes:
    """The image as PNG bytes: no date or other metadata, so the same drawing gives the same bytes."""
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
