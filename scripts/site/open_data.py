"""Open data: the validated plan as data/plan.json and CSV tables, and the models the open data page describes."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

import schema
from schema import Indicator, Plan
from scripts.core.queries import lead_actor, lead_role, municipality_ids


#: The models described on the open data page, with Norwegian headings.
OPEN_DATA_MODELS: list[tuple[str, type[Any]]] = [
    ("Planen (plan)", schema.PlanInfo),
    ("Rullering (plan.revisions)", schema.Revision),
    ("Vedtak (plan.revisions.decision)", schema.Decision),
    ("Aktør (actors)", schema.Actor),
    ("Rolletype (vocabulary.role_types)", schema.RoleType),
    ("Status (vocabulary.statuses)", schema.Status),
    ("Satsingsområde (focus_areas)", schema.FocusArea),
    ("Mål (focus_areas.goals)", schema.Goal),
    ("Tiltak (focus_areas.goals.measures)", schema.Measure),
    ("Rolle (measures.roles)", schema.Role),
    ("Budsjettpost (measures.budget)", schema.BudgetLine),
    ("Statusoppdatering (measures.status_updates)", schema.StatusUpdate),
    ("Indikator (indicators)", schema.Indicator),
    ("Måling (indicators.observations)", schema.Observation),
]


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: Any) -> Any:
    """Text that a spreadsheet would read as a formula («=HYPERLINK(…)», «@SUM(…)») gets an apostrophe in front,
    as OWASP recommends for CSV files; numbers and other text are written as they are. plan.json is unchanged."""
    return "'" + cell if isinstance(cell, str) and cell.startswith(FORMULA_START) else cell


def data_files(plan: Plan) -> dict[str, str]:
    """data/plan.json and the CSV tables beside it (UTF-8, comma separated, one header row)."""
    lead = lead_role(plan.vocabulary)
    # pydantic's serializer writes the same text as json.dumps(plan.model_dump(mode="json"), ensure_ascii=False,
    # indent=2), ten times faster: json.dumps uses its slow pure-Python encoder whenever it indents.
    files = {"data/plan.json": plan.model_dump_json(indent=2) + "\n"}

    def table(name: str, header: list[str], rows: Iterable[Iterable[Any]]) -> None:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        writer.writerows([spreadsheet_safe(cell) for cell in row] for row in rows)
        files[f"data/{name}.csv"] = out.getvalue()

    table(
        "tiltak",
        ["tiltak", "tittel", "satsingsomrade", "mal", "status", "prioritet", "start", "slutt", "ansvarlig", "kommuner"],
        (
            [
                m.id,
                m.title,
                fa.id,
                g.id,
                m.status,
                m.priority or "",
                m.period.start,
                m.period.end or "",
                lead_actor(m, lead),
                " ".join(municipality_ids(plan, m)),
            ]
            for fa, g, m in plan.measures()
        ),
    )
    table(
        "roller",
        ["tiltak", "aktor", "rolle", "merknad"],
        ([m.id, r.actor, r.role, r.note or ""] for _, _, m in plan.measures() for r in m.roles),
    )
    table(
        "budsjett",
        ["tiltak", "ar", "belop_kr", "finansior", "bevilget", "merknad"],
        (
            [m.id, b.year, b.amount, b.funder, "ja" if b.secured else "nei", b.note or ""]
            for _, _, m in plan.measures()
            for b in m.budget
        ),
    )
    table(
        "statusoppdateringer",
        ["tiltak", "dato", "status", "tekst"],
        ([m.id, u.date.isoformat(), u.status, u.text] for _, _, m in plan.measures() for u in m.status_updates),
    )
    table(
        "aktorer",
        ["aktor", "navn", "kortnavn", "type", "kommune", "nettsted", "aktiv_fra", "aktiv_til", "erstattet_av"],
        (
            [
                a.id,
                a.name,
                a.short_name or "",
                a.kind,
                a.municipality or "",
                a.url or "",
                a.active_from or "",
                a.active_to or "",
                a.replaced_by or "",
            ]
            for a in plan.actors
        ),
    )
    table(
        "indikatorer",
        ["indikator", "tittel", "enhet", "ar", "verdi", "type"],
        _indicator_rows(plan.indicators),
    )
    return files


def _indicator_rows(indicators: Iterable[Indicator]) -> Iterable[list[Any]]:
    for i in indicators:
        yield [i.id, i.title, i.unit, i.baseline.year, i.baseline.value, "utgangsverdi"]
        for o in i.observations:
            yield [i.id, i.title, i.unit, o.year, o.value, "måling"]
        yield [i.id, i.title, i.unit, i.target.year, i.target.value, "målverdi"]

