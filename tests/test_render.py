"""Rendered Markdown, the first page of each kind in the page registry (and a few variants), compared with the
snapshots in tests/snapshots/.

The pages are rendered from the small test plan (VALID_PLAN), so the snapshots change only when a template or filter
does. Charts are not part of a snapshot: each inline `<svg …>…</svg>` is replaced by `<svg chart="ID"/>` (the charts
are tested in tests/test_charts.py). After an intended change run `UPDATE_SNAPSHOTS=1 make check`, which rewrites
the changed snapshots and deletes the ones no page has any more, and read `git diff tests/snapshots/` before
committing.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import warnings

import pytest

from conftest import ROOT, VALID_PLAN
from schema import Plan
from scripts.present.lookups import MeasureHistory, SiteOptions, TextChange
from scripts.publish.providers import render_pages, wired
from scripts.site.history import History
from scripts.site.registry import REGISTRY, page_path
from scripts.site.urls import html_href, url_of
from scripts.validate.validator import validate_folder

SNAPSHOTS = ROOT / "tests" / "snapshots"
UPDATE = bool(os.environ.get("UPDATE_SNAPSHOTS"))
HOW_TO_UPDATE = "if the change is intended, run `UPDATE_SNAPSHOTS=1 make check` and read `git diff tests/snapshots/`"
#: Each test measure's own history: a new title, and before it the measure's first appearance.
HISTORIES = {
    ident: MeasureHistory(
        (
            TextChange(dt.date(2026, 11, 12), ((f"Tiltak {ident} har fått ny tittel: «A» → «B»", ()),)),
            TextChange(dt.date(2021, 4, 23), ((f"Nytt tiltak {ident} «A» under mål 1.1", ()),)),
        )
    )
    for ident in ("1.1.1", "1.1.2")
}
OPTIONS = SiteOptions(
    edit_base="https://github.com/eksempel/plan/edit/main/",
    sources={"1": "plan/satsingsomrader/1-nettverk.yaml"},
    changed={"plan/satsingsomrader/1-nettverk.yaml": dt.date(2026, 12, 1)},  # the file's: not what the page says
    histories=HISTORIES,
    today=dt.date(2026, 1, 1),  # the build's day: the timeline's line for today, halfway through 2021–2030
)
#: Pages worth a snapshot beside the first of each kind: an actor that was replaced by another.
VARIANTS = {"actor-replaced": page_path("actor", "viken-fylkeskommune")}
CHART = re.compile(r"<svg\b([^>]*)>.*?</svg>", re.DOTALL)


def small_plan() -> Plan:
    plan, problems = validate_folder(VALID_PLAN)
    assert problems == [] and plan is not None
    return plan


def snapshot_pages(plan: Plan) -> dict[str, str]:
    """Snapshot name → page path: the first page of each kind in the registry, and the variants."""
    first: dict[str, str] = {}
    for page in wired(REGISTRY, History()).pages(plan):
        first.setdefault(page.spec.kind, page.path)
    return {**first, **VARIANTS}


SNAPSHOT_PAGES = snapshot_pages(small_plan())


def without_charts(page: str) -> str:
    """The page with each chart replaced by a placeholder that names it (from the ids its title and text carry)."""

    def placeholder(chart: re.Match[str]) -> str:
        labelled = re.search(r'aria-labelledby="([\w-]+?)-title\b', chart[1])
        return f'<svg chart="{labelled[1] if labelled else "?"}"/>'

    return CHART.sub(placeholder, page)


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return render_pages(small_plan(), OPTIONS)


@pytest.mark.parametrize("name", sorted(SNAPSHOT_PAGES))
def test_a_page_of_each_kind_renders_as_in_its_snapshot(pages: dict[str, str], name: str) -> None:
    snapshot = SNAPSHOTS / f"{name}.md"
    rendered = without_charts(pages[SNAPSHOT_PAGES[name]])
    stored = snapshot.read_text(encoding="utf-8") if snapshot.exists() else None
    if UPDATE and rendered != stored:
        snapshot.write_text(rendered, encoding="utf-8")
        warnings.warn(f"updated {snapshot.relative_to(ROOT)}: read the diff before committing", stacklevel=1)
        return
    assert stored is not None, f"{snapshot.relative_to(ROOT)} is missing: {HOW_TO_UPDATE}"
    assert rendered == stored, f"{SNAPSHOT_PAGES[name]} differs from {snapshot.relative_to(ROOT)}: {HOW_TO_UPDATE}"


def test_every_snapshot_belongs_to_a_page() -> None:
    """A snapshot of a page that is no longer rendered would go unnoticed: it fails here, in update mode too (where
    it is deleted, so that the next run passes)."""
    orphans = sorted(p.name for p in SNAPSHOTS.glob("*.md") if p.stem not in SNAPSHOT_PAGES)
    if UPDATE:
        for name in orphans:
            (SNAPSHOTS / name).unlink()
        assert orphans == [], f"deleted snapshots that no page has any more: {orphans}; run again"
    assert orphans == [], f"snapshots that no page has any more: {orphans}; delete them, or {HOW_TO_UPDATE}"


def test_charts_are_replaced_by_a_placeholder_that_names_them() -> None:
    page = '<p>før</p>\n<svg role="img" aria-labelledby="status-alle-title status-alle-desc">\n<g></g></svg>\netter'
    assert without_charts(page) == '<p>før</p>\n<svg chart="status-alle"/>\netter'


def test_rendering_twice_gives_the_same_pages(pages: dict[str, str]) -> None:
    assert render_pages(small_plan(), OPTIONS) == pages


def test_the_measure_page_links_to_its_yaml_file_in_the_web_editor_in_a_line_for_editors_at_the_bottom(
    pages: dict[str, str],
) -> None:
    page = pages["tiltak/1-1-1.md"]
    line = page.rstrip().splitlines()[-1]
    assert line.startswith('<p class="for-editors"><strong>For redaktører:</strong> ')
    assert (
        '<a href="https://github.com/eksempel/plan/edit/main/plan/satsingsomrader/1-nettverk.yaml">Foreslå endring</a>'
        in line
    )
    assert page.count("Foreslå endring") == 1
    assert 'Teksten sist endret <time datetime="2026-11-12">12. november 2026</time>.' in pages["tiltak/1-1-1.md"]


def test_without_a_repository_there_is_no_edit_link() -> None:
    assert "Foreslå endring" not in render_pages(small_plan())["tiltak/1-1-1.md"]


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
