"""Link previews and icons: what a chat or a social network shows when someone shares a page, and what a browser or
a phone shows for the site.

Every page names an image per kind of page (:data:`KINDS`, and :data:`DEFAULT` for the rest) in its OpenGraph
and Twitter card tags (the theme's ``main.html``); the images, the PNG icons and the web app manifest are drawn
at build time with Pillow (publish/drawing.py), in the shipped Liberation Sans (the PDF's font), with nothing
fetched from anywhere. The same plan gives the same bytes, so the plugin keeps them in its file memo
(publish/memo.py) and an unchanged build neither draws them again nor imports Pillow.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from schema import Plan

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
    """Every preview image, the icons and the manifest, by their path in the site (Pillow is imported only when
    they are drawn: a build with nothing changed takes them from the file memo)."""
    from scripts.publish.drawing import Colours, card, icon

    colours = Colours(BLUE, WHITE)
    labels = {**KINDS, DEFAULT: text.short_title}
    files = {image_path(kind): card(text.title, label, text.region, colours, CARD) for kind, label in labels.items()}
    for name, side in ICONS.items():
        files[icon_path(name)] = icon(side, colours, rounded=name != "apple-touch-icon.png")
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
