"""The page registry is the one table of page kinds: rendering, the menu, the sitemap and the link check read it,
so a new kind of page needs a template and a row, and nothing else."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, VALID_PLAN
from scripts import TEMPLATES
from scripts.publish.build import BuildFailed, build_site
from scripts.publish.plugin import PlanSource, read_plan
from scripts.publish.providers import render_pages, wired
from scripts.site.history import History
from scripts.site.registry import REGISTRY, PageSpec

#: The registry as the publishing stage wires it (the guide and the history pages too).
WIRED = wired(REGISTRY, History())

PAGE_KIND = ROOT / "tests" / "fixtures" / "page-kind"
TRIAL = PageSpec("proeve", "om-nettstedet/proeve.md", "proeve.md.jinja", ("Om nettstedet",), "Prøveside")


@pytest.fixture(scope="module")
def source() -> PlanSource:
    loaded, problems = read_plan(VALID_PLAN)
    assert problems == [] and loaded is not None
    return loaded


def test_every_row_with_a_template_has_its_template_and_every_row_without_one_a_hand_written_page() -> None:
    for spec in REGISTRY.specs:
        if spec.template is None:
            assert (ROOT / "docs" / spec.path).is_file(), spec.kind
        else:
            assert (TEMPLATES / spec.template).is_file(), spec.kind


def test_kinds_and_paths_are_unique() -> None:
    kinds = [spec.kind for spec in REGISTRY.specs]
    paths = [spec.path for spec in REGISTRY.specs]
    assert len(set(kinds)) == len(kinds)
    assert len(set(paths)) == len(paths)


def test_an_item_page_needs_its_item_and_gets_a_slug_path() -> None:
    assert REGISTRY.page_path("measure", "1.2.3") == "tiltak/1-2-3.md"
    assert REGISTRY.page_path("economy") == "okonomi.md"
    with pytest.raises(ValueError, match="oppgi hvilken"):
        REGISTRY.page_path("measure")


def test_every_generated_page_comes_from_a_registry_row(source: PlanSource) -> None:
    pages = render_pages(source.plan)
    assert set(pages) == {page.path for page in WIRED.pages(source.plan)}


def test_the_menu_has_every_single_page_once_and_the_items_that_ask_for_it(source: PlanSource) -> None:
    menu = repr(WIRED.navigation(source.plan))
    for spec in REGISTRY.specs:
        if spec.items is None:
            assert menu.count(f"'{spec.path}'") == 1, spec.kind
    municipalities = [a for a in source.plan.actors if a.kind == "kommune"]
    assert all(f"'{REGISTRY.page_path('actor', a.id)}'" in menu for a in municipalities)
    assert f"'{REGISTRY.page_path('measure', next(source.plan.measures())[2].id)}'" not in menu


def test_every_page_outside_the_menu_sits_under_a_page_that_leads_to_the_menu(source: PlanSource) -> None:
    """Measures, goals, the actors that are not municipalities and the changes of a revision are not in the menu (it
    would grow with the plan); each names the page it sits under, which gives it its breadcrumb and active tab."""
    menu = repr(WIRED.navigation(source.plan))
    parents = dict(WIRED.parents(source.plan))
    outside = [p.path for p in WIRED.pages(source.plan) if f"'{p.path}'" not in menu]
    assert outside and sorted(parents) == sorted(outside)
    for path in outside:
        chain = [path]
        while chain[-1] in parents:
            chain.append(parents[chain[-1]])
        assert f"'{chain[-1]}'" in menu, chain
    fa, goal, measure = next(source.plan.measures())
    measure_path, goal_path = REGISTRY.page_path("measure", measure.id), REGISTRY.page_path("goal", goal.id)
    assert [parents[measure_path], parents[goal_path]] == [goal_path, REGISTRY.page_path("focus-area", fa.id)]


@pytest.mark.slow
def test_a_new_page_kind_from_a_row_and_a_template_is_in_the_menu_the_sitemap_and_the_link_check(
    source: PlanSource, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    build_site(out, source, registry=REGISTRY.with_rows(TRIAL), templates=(PAGE_KIND,))
    page = out / "om-nettstedet" / "proeve" / "index.html"
    assert "Denne siden er en ny sidetype" in page.read_text(encoding="utf-8")
    home = (out / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="om-nettstedet/proeve/"[^>]*>\s*(<[^>]+>\s*)*Prøveside', home)
    assert "om-nettstedet/proeve/</loc>" in (out / "sitemap.xml").read_text(encoding="utf-8")

    broken = PageSpec("proeve-brutt", "om-nettstedet/proeve.md", "proeve-brutt.md.jinja", ("Om nettstedet",), "Prøve")
    with pytest.raises(BuildFailed, match=r"om-nettstedet/proeve.*finnes-ikke"):
        build_site(tmp_path / "brutt", source, registry=REGISTRY.with_rows(broken), templates=(PAGE_KIND,))
    assert not (tmp_path / "brutt").exists()
