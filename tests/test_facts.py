"""A measure's facts are worked out once (`present/facts.py`) and stated by both the measure page and the print
edition, each in its own words: the same status, period, municipalities and role holders in both."""

from __future__ import annotations

import datetime as dt

import pytest

from schema import Plan
from scripts.pdf.document import plan_html
from scripts.present.lookups import Lookups, SiteOptions
from scripts.publish.providers import render_pages


@pytest.fixture(scope="module")
def site(plan: Plan) -> Lookups:
    return Lookups(plan)


def test_the_facts_of_a_measure_resolve_its_ids(site: Lookups) -> None:
    facts = site.facts(site.measures["1.1.1"][2])
    assert (facts.status.id, facts.updated) == ("pågår", dt.date(2021, 9, 15))
    assert (facts.period.start, facts.period.end, facts.priority) == (2021, 2023, None)
    assert facts.lead.id == "nes-kommune"
    assert facts.municipalities is None  # «alle»
    assert facts.tags == ("logistikk", "nettverk")
    assert [(g.role_type.id, [h.actor.id for h in g.holders]) for g in facts.roles] == [
        ("ansvarlig", ["nes-kommune"]),
        ("finansiør", ["viken-fylkeskommune"]),
    ]


def test_a_measure_without_updates_for_named_municipalities(site: Lookups) -> None:
    facts = site.facts(site.measures["1.1.2"][2])
    assert facts.updated is None and facts.status.id == "planlagt"
    assert [a.id for a in facts.municipalities or ()] == ["hurdal-kommune"]
    assert [g.role_type.id for g in facts.roles] == ["ansvarlig", "samarbeidspartner"]  # the vocabulary's order


def test_the_page_and_the_print_edition_state_the_same_facts(plan: Plan, site: Lookups) -> None:
    page = render_pages(plan, SiteOptions())["tiltak/1-1-2.md"]
    printed = plan_html(plan)
    printed = printed[printed.index('id="tiltak-1-1-2"') :]
    printed = printed[: printed.index("</section>")]
    facts = site.facts(site.measures["1.1.2"][2])
    for group in facts.roles:
        for holder in group.holders:
            assert holder.actor.name in page and holder.actor.name in printed
        assert group.role_type.label in page and group.role_type.label in printed
    assert "Hurdal" in page and "Hurdal" in printed
    assert "fra 2024" in printed and "fra 2024" in page and "Planlagt" in printed and "Planlagt" in page
