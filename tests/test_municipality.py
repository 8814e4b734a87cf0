"""What an actor's page sums up (scripts/site/municipality.py), on the small test plan: Nes leads 1.1.1, which
affects every municipality; Hurdal leads 1.1.2, which affects Hurdal only; Nes Næringsforening takes part in 1.1.2;
Viken fylkeskommune funds 1.1.1."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from schema import Plan
from scripts.present.lookups import SiteOptions
from scripts.site.lookups import Site
from scripts.site.municipality import ActorSummary, MeasureRow, summarise
from scripts.validate.validator import validate_folder


def summary_of(plan: Plan, actor_id: str, **more: int) -> ActorSummary:
    site = Site(plan, SiteOptions())
    return summarise(site, site.actors[actor_id], **more)


def ids(measures: object) -> list[str]:
    return [m.id for m in measures]  # type: ignore[attr-defined]


def rows(summary: ActorSummary) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """Focus area id → (measure id, the actor's roles) as the page lists them."""
    return {fa.id: [(row.measure.id, row.roles) for row in group] for fa, group in summary.groups}


def test_a_municipality_counts_what_it_leads_takes_part_in_and_is_affected_by(plan: Plan) -> None:
    nes = summary_of(plan, "nes-kommune")
    assert nes.is_municipality
    assert (ids(nes.leads), ids(nes.takes_part), ids(nes.affected)) == (["1.1.1"], [], ["1.1.1"])
    hurdal = summary_of(plan, "hurdal-kommune")
    assert (ids(hurdal.leads), ids(hurdal.takes_part), ids(hurdal.affected)) == (["1.1.2"], [], ["1.1.1", "1.1.2"])


def test_the_counts_are_broken_down_by_status_in_the_vocabularys_order_leaving_out_statuses_no_measure_has(
    plan: Plan,
) -> None:
    hurdal = summary_of(plan, "hurdal-kommune")
    assert [(r.status.label, r.leads, r.takes_part, r.affected) for r in hurdal.by_status] == [
        ("Planlagt", 1, 0, 1),
        ("Pågår", 0, 0, 1),
    ]


def test_each_measure_is_listed_once_with_the_municipalitys_roles_or_none_when_it_is_only_affected(
    plan: Plan,
) -> None:
    assert rows(summary_of(plan, "hurdal-kommune")) == {"1": [("1.1.1", ()), ("1.1.2", ("ansvarlig",))]}
    assert rows(summary_of(plan, "nes-kommune")) == {"1": [("1.1.1", ("ansvarlig",))]}


def test_another_actor_is_affected_by_nothing_and_lists_only_the_measures_it_has_a_role_in(plan: Plan) -> None:
    forening = summary_of(plan, "nes-naeringsforening")
    assert not forening.is_municipality
    assert (ids(forening.leads), ids(forening.takes_part), forening.affected) == ([], ["1.1.2"], ())
    assert forening.affected_budget == (0, 0)
    assert rows(forening) == {"1": [("1.1.2", ("samarbeidspartner",))]}
    assert summary_of(plan, "akershus-fylkeskommune").groups == ()


def test_own_funding_is_what_the_actor_pays_and_the_affected_budget_is_every_funders_money(plan: Plan) -> None:
    assert summary_of(plan, "viken-fylkeskommune").own_funding == (250_000, 0)
    nes = summary_of(plan, "nes-kommune")
    assert nes.own_funding == (0, 0)
    assert nes.affected_budget == (250_000, 0)


def test_the_latest_updates_are_those_of_the_measures_the_actor_works_on(plan: Plan) -> None:
    assert [(m.id, u.date) for m, u in summary_of(plan, "nes-kommune").updates] == [("1.1.1", dt.date(2021, 9, 15))]
    assert summary_of(plan, "nes-naeringsforening").updates == ()
    # Hurdal is affected by 1.1.1, but does not work on it.
    assert summary_of(plan, "hurdal-kommune").updates == ()


# -- a variant of the test plan: Nes also funds 1.1.1 and takes part in 1.1.2, which gets two updates ------------

MORE_ROLES = """
          - actor: viken-fylkeskommune
            role: finansiør
          - actor: nes-kommune
            role: finansiør
            note: Betaler lokalene.
"""
MORE_BUDGET = """
          - {year: 2022, amount: 250000, funder: viken-fylkeskommune, secured: true}
          - {year: 2023, amount: 40000, funder: nes-kommune, secured: false}
          - {year: 2023, amount: 10000, funder: nes-kommune, secured: true}
"""
MORE_UPDATES = """
        municipalities: [hurdal-kommune]
        status_updates:
          - {date: 2024-03-01, status: planlagt, text: Forarbeid.}
          - {date: 2024-06-01, status: planlagt, text: Søknad sendt.}
"""


@pytest.fixture
def richer_plan(workdir: Path) -> Plan:
    area = workdir / "plan" / "satsingsomrader" / "1-nettverk.yaml"
    text = area.read_text(encoding="utf-8")
    text = text.replace(
        "          - actor: viken-fylkeskommune\n            role: finansiør\n", MORE_ROLES.lstrip("\n"), 1
    )
    text = text.replace(
        "          - {year: 2022, amount: 250000, funder: viken-fylkeskommune, secured: true}\n",
        MORE_BUDGET.lstrip("\n"),
        1,
    )
    text = text.replace(
        "          - actor: nes-naeringsforening\n",
        "          - actor: nes-kommune\n            role: pådriver\n          - actor: nes-naeringsforening\n",
        1,
    )
    text = text.replace("        municipalities: [hurdal-kommune]\n", MORE_UPDATES.lstrip("\n"), 1)
    area.write_text(text, encoding="utf-8")
    loaded, problems = validate_folder(workdir / "plan")
    assert problems == [] and loaded is not None
    return loaded


def test_a_measure_the_municipality_has_several_roles_in_is_listed_once_with_each_role_and_its_notes(
    richer_plan: Plan,
) -> None:
    nes = summary_of(richer_plan, "nes-kommune")
    first = nes.groups[0][1][0]
    assert first == MeasureRow(first.measure, ("ansvarlig", "finansiør"), ("Betaler lokalene.",))
    assert rows(nes) == {"1": [("1.1.1", ("ansvarlig", "finansiør")), ("1.1.2", ("pådriver",))]}


def test_a_measure_the_municipality_leads_is_not_counted_again_among_those_it_takes_part_in(
    richer_plan: Plan,
) -> None:
    nes = summary_of(richer_plan, "nes-kommune")
    assert (ids(nes.leads), ids(nes.takes_part), ids(nes.affected)) == (["1.1.1"], ["1.1.2"], ["1.1.1"])
    assert [(r.status.id, r.leads, r.takes_part, r.affected) for r in nes.by_status] == [
        ("planlagt", 0, 1, 0),
        ("pågår", 1, 0, 1),
    ]


def test_own_funding_sums_the_municipalitys_secured_and_planned_lines(richer_plan: Plan) -> None:
    nes = summary_of(richer_plan, "nes-kommune")
    assert nes.own_funding == (10_000, 40_000)
    assert nes.affected_budget == (260_000, 40_000)


def test_the_latest_updates_come_newest_first_and_only_as_many_as_asked_for(richer_plan: Plan) -> None:
    nes = summary_of(richer_plan, "nes-kommune")
    assert [(m.id, str(u.date)) for m, u in nes.updates] == [
        ("1.1.2", "2024-06-01"),
        ("1.1.2", "2024-03-01"),
        ("1.1.1", "2021-09-15"),
    ]
    assert [str(u.date) for _, u in summary_of(richer_plan, "nes-kommune", updates=2).updates] == [
        "2024-06-01",
        "2024-03-01",
    ]
