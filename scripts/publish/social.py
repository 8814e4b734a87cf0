"""Link previews and icons: what a chat or a social network shows when someone shares a page, and what a browser or
a phone shows for the site.

Every page names an image per kind of page (:data:`KINDS`, and :data:`DEFAULT` for the rest) in its OpenGraph
and Twitter card tags (the theme's ``main.html``); the images, the PNG icons and the web app manifest are drawn here
at build time with Pillow, in the shipped Liberation Sans (the PDF's font), with nothing fetched from anywhere. The
same plan gives the same bytes (Pillow writes no date into a PNG), so the plugin keeps them in its file memo
(publish/memo.py) and an unchanged build does not draw them again.
"""

from __future__ import annotations

import functools
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from schema import Plan

FONTS = Path(__file__).resolve().parents[1] / "templates" / "print" / "fonts"
#: Where the images live in the site.
IMAGE_FOLDER = "assets/deling"
ICON_FOLDER = "assets/ikoner"
MANIFEST = "site.webmanifest"

#: The kinds of page with their own image, and the name each image shows.
KINDS: dict[str, str] = {
    "measure": "Tiltak",
    "goal": "Mål",
    "focus-area": "Satsingsområde",
    "actor": "Aktør",
    "indicator": "Indikator",
}
#: The image of every other page: it shows the plan's short title instead of a kind's name.
DEFAULT = "plan"
CARD = (1200, 630)

#: The site's primary colour (docs/stylesheets/extra.css) with white: 8,6 : 1, well above WCAG's 4,5 : 1.
BLUE = (0x1A, 0x4F, 0x80)
WHITE = (0xFF, 0xFF, 0xFF)
THEME_COLOUR = "#{:02x}{:02x}{:02x}".format(*BLUE)
#: The icons: file name → side in pixels. The apple-touch-icon is square (iOS rounds its corners itself).
ICONS: dict[str, int] = {"favicon-32.png": 32, "apple-touch-icon.png": 180, "icon-192.png": 192, "icon-512.png": 512}
MANIFEST_ICONS = ("icon-192.png", "icon-512.png")
#: The drawing is made this large at most and scaled down, which gives smooth edges.
DRAW_SIDE = 2048

#: The region's mark of docs/assets/favicon.svg, on a 32-unit grid: the centre and six nodes around it.
CENTRE = (16.0, 16.0)
NODES = ((16, 5.5), (25.1, 10.75), (25.1, 21.25), (16, 26.5), (6.9, 21.25), (6.9, 10.75))


@dataclass(frozen=True)
class CardText:
    """What a preview image says: the plan's title, the region and the plan's short title (on the default image)."""

    title: str
    short_title: str
    region: str

    @classmethod
    def of(cls, plan: Plan) -> CardText:
        info = plan.plan
        return cls(info.title, info.short_title, info.region)


def image_path(kind: str | None) -> str:
    """The site path of a kind of page's preview image (the default for a kind without its own)."""
    return f"{IMAGE_FOLDER}/{kind if kind in KINDS else DEFAULT}.png"


def icon_path(name: str) -> str:
    return f"{ICON_FOLDER}/{name}"


def social_files(text: CardText, site_name: str) -> dict[str, bytes]:
    """Every preview image, the icons and the manifest, by their path in the site."""
    files = {image_path(kind): card(text, label) for kind, label in KINDS.items()}
    files[image_path(DEFAULT)] = card(text, text.short_title)
    files.update({icon_path(name): icon(side, rounded=name != "apple-touch-icon.png") for name, side in ICONS.items()})
    files[MANIFEST] = manifest(site_name, text.short_title).encode("utf-8")
    return files


def manifest(name: str, short_name: str) -> str:
    """The web app manifest: the site's name, its icons (relative to the manifest, at the site's root) and colours."""
    icons = [
        {"src": icon_path(name), "sizes": f"{ICONS[name]}x{ICONS[name]}", "type": "image/png"}
        for name in MANIFEST_ICONS
    ]
    content = {
        "name": name,
        "short_name": short_name,
        "lang": "nb",
        "start_url": ".",
        "display": "browser",
        "icons": icons,
        "theme_color": THEME_COLOUR,
        "background_color": "#ffffff",
    }
    return json.dumps(content, ensure_ascii=False, indent=2) + "\n"


def card(text: CardText, label: str) -> bytes:
    """A 1200 × 630 preview image: the mark and the region at the top, the kind's name, the plan's title below."""
    image = Image.new("RGB", CARD, BLUE)
    draw = ImageDraw.Draw(image)
    margin = 72
    mark_side = 104
    image.paste(mark(mark_side), (margin, margin), mark(mark_side))
    region = _font("Regular", 32)
    draw.text((margin + mark_side + 28, margin + mark_side // 2), text.region, font=region, fill=WHITE, anchor="lm")
    top = margin + mark_side + 64
    draw.text((margin, top), label, font=_font("Bold", 44), fill=WHITE)
    width = CARD[0] - 2 * margin
    size, lines = _fitted(draw, text.title, width, 3)
    title = _font("Bold", size)
    y = top + 44 + 36
    for line in lines:
        draw.text((margin, y), line, font=title, fill=WHITE)
        y += round(size * 1.2)
    return _png(image)


def icon(side: int, *, rounded: bool = True) -> bytes:
    """A square icon: the region's mark in white on the site's blue (as favicon.svg)."""
    scale = max(1, min(8, DRAW_SIDE // side))
    big = side * scale
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    radius = round(6 / 32 * big) if rounded else 0
    ImageDraw.Draw(image).rounded_rectangle((0, 0, big - 1, big - 1), radius=radius, fill=(*BLUE, 255))
    image.alpha_composite(_mark_drawing(big))
    return _png(image.resize((side, side), Image.Resampling.LANCZOS))


def mark(side: int) -> Image.Image:
    """The mark alone, white on transparent, `side` pixels square."""
    scale = max(1, min(8, DRAW_SIDE // side))
    return _mark_drawing(side * scale).resize((side, side), Image.Resampling.LANCZOS)


def _mark_drawing(side: int) -> Image.Image:
    """The mark drawn at full size: spokes, the hexagon's edges, the nodes (coordinates from favicon.svg)."""
    image = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    unit = side / 32

    def at(point: tuple[float, float]) -> tuple[float, float]:
        return point[0] * unit, point[1] * unit

    stroke = round(2 * unit)
    for node in NODES:
        draw.line((at(CENTRE), at(node)), fill=WHITE, width=stroke)
    draw.line([at(node) for node in (*NODES, NODES[0])], fill=WHITE, width=stroke, joint="curve")
    for point, radius in ((CENTRE, 4.0), *((node, 2.6) for node in NODES)):
        x, y = at(point)
        r = radius * unit
        draw.ellipse((x - r, y - r, x + r, y + r), fill=WHITE)
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
    return ImageFont.truetype(str(FONTS / f"LiberationSans-{style}.ttf"), size)


def _png(image: Image.Image) -> bytes:
    """The image as PNG bytes: no date or other metadata, so the same drawing gives the same bytes."""
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


@dataclass(frozen=True)
class IconLink:
    rel: str
    sizes: str
    path: str


#: The icons the head links to (the 512 one only the manifest names).
ICON_LINKS = (
    IconLink("icon", "32x32", icon_path("favicon-32.png")),
    IconLink("icon", "192x192", icon_path("icon-192.png")),
    IconLink("apple-touch-icon", "180x180", icon_path("apple-touch-icon.png")),
)


@dataclass(frozen=True)
class Share:
    """What the theme writes into a page's head for link previews (scripts/templates/theme/main.html)."""

    image: str
    alt: str
    #: The site's address, for absolute image addresses (previews need them); None: relative addresses.
    base: str | None
    width: int = CARD[0]
    height: int = CARD[1]
    icons: tuple[IconLink, ...] = ICON_LINKS
    manifest: str = MANIFEST
    theme_color: str = THEME_COLOUR


@dataclass(frozen=True)
class Sharing:
    """The preview of each page, from the kind of each generated page (page path → kind)."""

    kinds: Mapping[str, str]
    text: CardText
    site_url: str | None

    def __call__(self, src_uri: str | None) -> Share:
        kind = self.kinds.get(src_uri or "")
        label = KINDS.get(kind or "", self.text.short_title)
        alt = f"{label}: {self.text.title}. {self.text.region}."
        base = self.site_url.rstrip("/") + "/" if self.site_url else None
        return Share(image_path(kind), alt, base)
