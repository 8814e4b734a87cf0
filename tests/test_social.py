"""Shared links with a preview: every page tells chats and social networks its title, a description that says more
than the title, and an image for its kind of page (1200 × 630, drawn at build time); the site has PNG icons and a
web app manifest. The images are the same bytes every time they are drawn from the same plan."""

from __future__ import annotations

import html
import io
import json
import re
from pathlib import Path

import pytest
from PIL import Image

from conftest import VALID_PLAN, theme_pages
from schema import Plan
from scripts.publish import csp, drawing, social
from scripts.validate.validator import validate_folder

SITE_NAME = "Strategisk næringsplan for Gardermoregionen"
META = re.compile(r'<meta (?:property|name)="([^"]+)" content="([^"]*)">')
LINK = re.compile(r'<link rel="([^"]+)"(?: type="[^"]*")?(?: sizes="([^"]*)")? href="([^"]*)">')


@pytest.fixture(scope="module")
def text() -> social.CardText:
    plan, _ = validate_folder(VALID_PLAN)
    assert isinstance(plan, Plan)
    return social.CardText.of(plan)


@pytest.fixture(scope="module")
def files(text: social.CardText) -> dict[str, bytes]:
    return social.social_files(text, SITE_NAME)


def png(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG"
    return image


def test_each_kind_of_page_and_the_rest_have_an_image_of_1200_by_630(files: dict[str, bytes]) -> None:
    kinds = [*social.KINDS, social.DEFAULT]
    assert {social.image_path(kind) for kind in kinds} <= set(files)
    for kind in kinds:
        assert png(files[social.image_path(kind)]).size == (1200, 630)
    assert len({files[social.image_path(kind)] for kind in kinds}) == len(kinds), "each kind's image is its own"


def test_the_same_plan_draws_the_same_bytes(text: social.CardText, files: dict[str, bytes]) -> None:
    assert social.social_files(text, SITE_NAME) == files


def test_another_title_draws_another_image(text: social.CardText, files: dict[str, bytes]) -> None:
    colours = drawing.Colours(social.BLUE, social.WHITE)
    other = drawing.card("En annen plan", "Tiltak", text.region, colours)
    assert other != files[social.image_path("measure")]


def test_a_title_too_long_for_three_lines_still_gives_an_image_of_the_same_size() -> None:
    colours = drawing.Colours(social.BLUE, social.WHITE)
    long = " ".join(["Næringsutvikling"] * 30)
    assert png(drawing.card(long, "Mål", "Regionen", colours)).size == (1200, 630)


def test_the_text_is_white_on_the_sites_blue_with_at_least_wcag_aa_contrast() -> None:
    def luminance(rgb: tuple[int, int, int]) -> float:
        channels = [c / 255 for c in rgb]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    ratio = (luminance(social.WHITE) + 0.05) / (luminance(social.BLUE) + 0.05)
    assert ratio >= 4.5
    assert social.THEME_COLOUR == "#1a4f80"  # the primary colour of docs/stylesheets/extra.css


def test_the_icons_have_the_sizes_their_names_promise(files: dict[str, bytes]) -> None:
    for name, side in social.ICONS.items():
        assert png(files[social.icon_path(name)]).size == (side, side)


def test_the_manifest_names_the_site_in_norwegian_and_its_icons_exist_with_their_sizes(files: dict[str, bytes]) -> None:
    manifest = json.loads(files[social.MANIFEST])
    assert manifest["name"] == SITE_NAME
    assert manifest["lang"] == "nb"
    assert manifest["theme_color"] == social.THEME_COLOUR
    assert len(manifest["icons"]) >= 2
    for icon in manifest["icons"]:
        side = png(files[icon["src"]]).size[0]
        assert icon["sizes"] == f"{side}x{side}"
        assert icon["type"] == "image/png"


def test_a_page_gets_its_kinds_image_and_an_unknown_page_the_default(text: social.CardText) -> None:
    sharing = social.Sharing({"tiltak/1-1-1.md": "measure", "okonomi.md": "economy"}, text, "https://example.org/p")
    measure = sharing("tiltak/1-1-1.md")
    assert measure.image == "assets/deling/measure.png"
    assert measure.base == "https://example.org/p/"
    assert measure.alt.startswith("Tiltak: ")
    assert sharing("okonomi.md").image == sharing(None).image == "assets/deling/plan.png"
    assert social.Sharing({}, text, None)("index.md").base is None


def test_the_policy_allows_the_manifest_and_the_images_from_the_site_itself() -> None:
    assert csp.DIRECTIVES["manifest-src"] == "'self'"
    assert "'self'" in csp.DIRECTIVES["img-src"].split()


# The built site of the small test plan (slow: a full build, shared with the other tests that read it).


def site_pages(site: Path) -> list[Path]:
    return theme_pages(site)


def head_meta(page: Path) -> dict[str, str]:
    return {name: html.unescape(value) for name, value in META.findall(page.read_text(encoding="utf-8"))}


def test_every_built_page_has_a_title_a_longer_description_an_image_and_a_card(built_site: Path) -> None:
    pages = site_pages(built_site)
    assert len(pages) > 20
    for page in pages:
        meta = head_meta(page)
        where = page.relative_to(built_site)
        assert meta.get("og:title"), where
        assert meta.get("og:description"), where
        assert meta["og:description"] != meta["og:title"], where
        assert meta["og:locale"] == ("en_GB" if where.parts[0] == "en" else "nb_NO"), where
        assert meta["twitter:card"] == "summary_large_image", where
        assert meta["og:image:alt"], where
        assert meta["og:image"].startswith("https://"), where
        image = built_site / meta["og:image"].split("/naeringsplan/", 1)[1]
        assert png(image.read_bytes()).size == (1200, 630), where


def test_a_measures_preview_describes_where_it_sits_not_only_its_title(built_site: Path) -> None:
    meta = head_meta(built_site / "tiltak" / "1-1-1" / "index.html")
    assert meta["og:image"].endswith("/assets/deling/measure.png")
    assert meta["og:url"].endswith("/tiltak/1-1-1/")
    assert "under mål 1.1" in meta["og:description"]


def target_of(site: Path, page: Path, href: str) -> Path:
    """The file a link in a page points at (the 404 page links from the site's root path, as it can be anywhere)."""
    return site / href.split("/naeringsplan/", 1)[1] if href.startswith("/") else (page.parent / href).resolve()


def test_every_page_links_the_icons_and_the_manifest_that_exist(built_site: Path) -> None:
    for page in site_pages(built_site):
        links = LINK.findall(page.read_text(encoding="utf-8"))
        rels = {rel for rel, _, _ in links}
        assert {"icon", "apple-touch-icon", "manifest"} <= rels, page
        for rel, sizes, href in links:
            if rel in {"apple-touch-icon", "manifest"} or sizes:
                target = target_of(built_site, page, href)
                assert target.is_file(), (page, href)
                if sizes:
                    side = int(sizes.split("x")[0])
                    assert png(target.read_bytes()).size == (side, side), (page, href)
    manifest = json.loads((built_site / social.MANIFEST).read_text(encoding="utf-8"))
    for icon in manifest["icons"]:
        assert png((built_site / icon["src"]).read_bytes()).size == tuple(map(int, icon["sizes"].split("x")))


def test_the_built_images_are_the_bytes_this_process_draws(built_site: Path, files: dict[str, bytes]) -> None:
    for path, data in files.items():
        assert (built_site / path).read_bytes() == data, path
