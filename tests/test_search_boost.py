"""Each kind of page gets its search boost from the one table in scripts/site/search.py, in its front matter."""

from __future__ import annotations

import yaml

from schema import Plan
from scripts.site import search
from scripts.site.pages import render_site
from scripts.site.registry import page_path


def front_matter(markdown: str) -> dict[str, object]:
    head = markdown.split("---\n", 2)[1]
    loaded = yaml.safe_load(head)
    assert isinstance(loaded, dict)
    return loaded


def test_every_page_carries_the_boost_of_its_kind_and_municipalities_rank_above_other_actors(plan: Plan) -> None:
    pages = render_site(plan)
    measure = next(m for _, _, m in plan.measures())
    town = next(a for a in plan.actors if a.kind == "kommune")
    other = next(a for a in plan.actors if a.kind != "kommune")
    boost = {path: front_matter(text).get("search", {}).get("boost", 1) for path, text in pages.items()}  # type: ignore[union-attr]
    assert boost[page_path("measure", measure.id)] == search.BOOST["measure"]
    assert boost[page_path("actor", town.id)] == search.BOOST["municipality"] > boost[page_path("actor", other.id)]
    assert boost[page_path("measures")] < 1 < boost[page_path("measure", measure.id)]


def test_a_measures_tags_are_its_search_tags(plan: Plan) -> None:
    measure = next(m for _, _, m in plan.measures() if m.tags)
    tags = front_matter(render_site(plan)[page_path("measure", measure.id)])["tags"]
    assert tags == [tag.replace("-", " ") for tag in measure.tags]


def test_a_page_that_sets_its_own_search_settings_keeps_them() -> None:
    page = "---\ntitle: Veiledning\nsearch:\n  exclude: true\n---\n\n# Veiledning\n"
    assert search.with_boost(page, "measures") == page
    assert search.with_boost(page, "no-such-kind") == page
