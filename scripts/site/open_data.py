"""Open data: the validated plan as data/plan.json and CSV tables, and the models the open data page describes."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Table:
    """A CSV table of the open data: its file name (data/NAME.csv), header and rows."""

    name: str
    header: tuple[str, ...]
    rows: Callable[[Plan], Iterable[Sequence[Any]]]


def data_files(plan: Plan) -> dict[str, str]:
    """data/plan.json and the CSV tables beside it (UTF-8, comma separated, one header row)."""
    # pydantic's serializer writes the same text as json.dumps(plan.model_dump(mode="json"), ensure_ascii=False,
    # indent=2), ten times faster: json.dumps uses its slow pure-Python encoder whenever it indents.
    files = {"data/plan.json": plan.model_dump_json(indent=2) + "\n"}
    files.update({f"data/{table.name}.csv": csv_text(table.header, table.rows(plan)) for table in TABLES})
    return files


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([spreadsheet_safe(cell) for cell in row] for row in rows)
    return out.getvalue()


def _measure_rows(plan: Plan) -> Iterator[list[Any]]:
    lead = lead_role(plan.vocabulary)
    for fa, g, m in plan.measures():
        start, end = m.period.start, m.period.end or ""
        lead_id, municipalities = lead_actor(m, lead), " ".join(municipality_ids(plan, m))
        yield [m.id, m.title, fa.id, g.id, m.status, m.priority or "", start, end, lead_id, municipalities]


def _role_rows(plan: Plan) -> Iterator[list[Any]]:
    return ([m.id, r.actor, r.role, r.note or ""] for _, _, m in plan.measures() for r in m.roles)


def _budget_rows(plan: Plan) -> Iterator[list[Any]]:
    for _, _, m in plan.measures():
        for b in m.budget:
            yield [m.id, b.year, b.amount, b.funder, "ja" if b.secured else "nei", b.note or ""]


def _update_rows(plan: Plan) -> Iterator[list[Any]]:
    return ([m.id, u.date.isoformat(), u.status, u.text] for _, _, m in plan.measures() for u in m.status_updates)


def _actor_rows(plan: Plan) -> Iterator[list[Any]]:
    for a in plan.actors:
        yield [a.id, a.name, a.short_name or "", a.kind, a.municipality or "", a.url or ""] + [
            a.active_from or "",
            a.active_to or "",
            a.replaced_by or "",
        ]


def _indicator_rows(plan: Plan) -> Iterator[list[Any]]:
    for i in plan.indicators:
        first = [i.id, i.title, i.unit, i.better]
        yield [*first, i.baseline.year, i.baseline.value, "utgangsverdi"]
        for o in i.observations:
            yield [*first, o.year, o.value, "måling"]
        yield [*first, i.target.year, i.target.value, "målverdi"]


#: The CSV tables, with Norwegian ASCII headers.
TABLES = (
    Table(
        "tiltak",
        ("tiltak", "tittel", "satsingsomrade", "mal", "status", "prioritet", "start", "slutt", "ansvarlig", "kommuner"),
        _measure_rows,
    ),
    Table("roller", ("tiltak", "aktor", "rolle", "merknad"), _role_rows),
    Table("budsjett", ("tiltak", "ar", "belop_kr", "finansior", "bevilget", "merknad"), _budget_rows),
    Table("statusoppdateringer", ("tiltak", "dato", "status", "tekst"), _update_rows),
    Table(
        "aktorer",
        ("aktor", "navn", "kortnavn", "type", "kommune", "nettsted", "aktiv_fra", "aktiv_til", "erstattet_av"),
        _actor_rows,
    ),
    Table("indikatorer", ("indikator", "tittel", "enhet", "retning", "ar", "verdi", "type"), _indicator_rows),
)
