"""Rendered Markdown, one page of each kind, compared with the snapshots in tests/snapshots/.

The pages are rendered from the small plan in scripts/editor/guide/examples/plan/, so the snapshots change only when a
template or filter does. After an intended change, run `UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/test_render.py`
and read the diff before committing.
"""

from __future__ import annotations

import datetime as dt
import os

import pytest

from conftest import ROOT, VALID_PLAN
from schema import Plan
from scripts.site.pages import SiteOptions, html_href, render_site, url_of
from scripts.validate.validator import validate_folder

SNAPSHOTS = ROOT / "tests" / "snapshots"
PAGES = {
    "home": "index.md",
    "focus-areas": "satsingsomrader/index.md",
    "focus-area": "satsingsomrader/1.md",
    "goal": "mal/1-1.md",
    "measures": "tiltak/index.md",
    "measure": "tiltak/1-1-1.md",
    "actors": "aktorer/index.md",
    "roles-matrix": "aktorer/rollematrise.md",
    "actor-municipality": "aktorer/nes-kommune.md",
    "actor-replaced": "aktorer/viken-fylkeskommune.md",
    "indicators": "indikatorer/index.md",
    "indicator": "indikatorer/arbeidsplasser.md",
    "economy": "okonomi.md",
    "timeline": "tidslinje.md",
    "history": "historikk.md",
    "open-data": "apne-data.md",
}
OPTIONS = SiteOptions(
    edit_base="https://github.com/eksempel/plan/edit/main/",
    sources={"1": "plan/satsingsomrader/1-nettverk.yaml"},
    changed={"plan/satsingsomrader/1-nettverk.yaml": dt.date(2026, 11, 12)},
)


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    plan, problems = validate_folder(VALID_PLAN)
    assert problems == [] and isinstance(plan, Plan)
    return render_site(plan, OPTIONS)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_a_page_of_each_kind_renders_as_in_its_snapshot(pages: dict[str, str], name: str) -> None:
    snapshot = SNAPSHOTS / f"{name}.md"
    rendered = pages[PAGES[name]]
    if os.environ.get("UPDATE_SNAPSHOTS"):
        snapshot.write_text(rendered, encoding="utf-8")
    assert rendered == snapshot.read_text(encoding="utf-8")


def test_rendering_twice_gives_the_same_pages(pages: dict[str, str]) -> None:
    plan, _ = validate_folder(VALID_PLAN)
    assert plan is not None
    assert render_site(plan, OPTIONS) == pages


def test_the_measure_page_links_to_its_yaml_file_in_the_web_editor(pages: dict[str, str]) -> None:
    assert (
        "[Foreslå endring](https://github.com/eksempel/plan/edit/main/plan/satsingsomrader/1-nettverk.yaml)"
        in (pages["tiltak/1-1-1.md"])
    )
    assert "Sist endret 12. november 2026." in pages["tiltak/1-1-1.md"]


def test_without_a_repository_there_is_no_edit_link() -> None:
    plan, _ = validate_folder(VALID_PLAN)
    assert plan is not None
    assert "Foreslå endring" not in render_site(plan)["tiltak/1-1-1.md"]


@pytest.mark.parametrize(
    ("path", "url"), [("index.md", ""), ("tiltak/index.md", "tiltak/"), ("tiltak/1-1-1.md", "tiltak/1-1-1/")]
)
def test_pages_get_directory_addresses(path: str, url: str) -> None:
    assert url_of(path) == url


@pytest.mark.parametrize(
    ("target", "current", "href"),
    [
        ("tiltak/1-1-1.md", "index.md", "tiltak/1-1-1/"),
        ("tiltak/1-1-1.md", "tidslinje.md", "../tiltak/1-1-1/"),
        ("tiltak/1-1-1.md", "tiltak/index.md", "1-1-1/"),
        ("index.md", "tiltak/1-1-1.md", "../../"),
    ],
)
def test_links_in_raw_html_are_relative_to_the_page_address(target: str, current: str, href: str) -> None:
    assert html_href(target, current) == href
