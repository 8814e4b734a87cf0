"""The tables of the open data: one row per measure, role, budget line … with typed columns.

A :class:`Table` is what every format is written from: the CSV files, the Data Package's Table Schemas, the
workbook's sheets and the DCAT description of the datasets. Its rows hold typed Python values (str, int, float,
bool, date, None for an empty cell); each writer turns them into its own format.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from schema import Plan
from scripts.core.queries import lead_actor, lead_role, municipality_ids

#: The Table Schema types the columns use (https://specs.frictionlessdata.io/table-schema/#types-and-formats).
ColumnType = Literal["string", "integer", "number", "boolean", "date", "year"]

#: A cell: what a row holds in one column.
Cell = str | int | float | bool | dt.date | None


@dataclass(frozen=True)
class Column:
    """A column: its header (stable: users' programs read it), Norwegian title and description, and type."""

    name: str
    title: str
    type: ColumnType
    description: str = ""
    #: A regular expression every value matches (ids), as in Table Schema's `constraints.pattern`.
    pattern: str | None = None
    required: bool = False


@dataclass(frozen=True)
class Table:
    """A table of the open data: its file name (data/NAME.csv), title, description, columns and rows."""

    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    rows: Callable[[Plan], Iterable[Sequence[Cell]]]

    @property
    def header(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)


def _measure_rows(plan: Plan) -> Iterator[list[Cell]]:
    lead = lead_role(plan.vocabulary)
    for fa, g, m in plan.measures():
        start, end = m.period.start, m.period.end
        lead_id, municipalities = lead_actor(m, lead), " ".join(municipality_ids(plan, m))
        yield [m.id, m.title, fa.id, g.id, m.status, m.priority, start, end, lead_id, municipalities]


def _role_rows(plan: Plan) -> Iterator[list[Cell]]:
    return ([m.id, r.actor, r.role, r.note] for _, _, m in plan.measures() for r in m.roles)


def _budget_rows(plan: Plan) -> Iterator[list[Cell]]:
    for _, _, m in plan.measures():
        for b in m.budget:
            yield [m.id, b.year, b.amount, b.funder, b.secured, b.note]


def _update_rows(plan: Plan) -> Iterator[list[Cell]]:
    return ([m.id, u.date, u.status, u.text] for _, _, m in plan.measures() for u in m.status_updates)


def _actor_rows(plan: Plan) -> Iterator[list[Cell]]:
    for a in plan.actors:
        yield [a.id, a.name, a.short_name, a.kind, a.municipality, a.url, a.active_from, a.active_to, a.replaced_by]


def _indicator_rows(plan: Plan) -> Iterator[list[Cell]]:
    for i in plan.indicators:
        first: list[Cell] = [i.id, i.title, i.unit, i.better]
        yield [*first, i.baseline.year, i.baseline.value, "utgangsverdi"]
        for o in i.observations:
            yield [*first, o.year, o.value, "måling"]
        yield [*first, i.target.year, i.target.value, "målverdi"]


def _columns(*names: str, types: dict[str, ColumnType] | None = None) -> tuple[Column, ...]:
    """Plain columns (to be described): string unless `types` says otherwise."""
    types = types or {}
    return tuple(Column(name, name, types.get(name, "string")) for name in names)


#: The tables, in the order of the open data page.
TABLES: tuple[Table, ...] = (
    Table(
        "tiltak",
        "Tiltak",
        "Ett tiltak per linje: nummer, tittel, satsingsområde, mål, status, periode, ansvarlig og kommuner.",
        _columns(
            "tiltak",
            "tittel",
            "satsingsomrade",
            "mal",
            "status",
            "prioritet",
            "start",
            "slutt",
            "ansvarlig",
            "kommuner",
            types={"start": "year", "slutt": "year"},
        ),
        _measure_rows,
    ),
    Table(
        "roller",
        "Roller",
        "Én rolle per linje: tiltak, aktør, rolle og merknad.",
        _columns("tiltak", "aktor", "rolle", "merknad"),
        _role_rows,
    ),
    Table(
        "budsjett",
        "Budsjett",
        "Én budsjettpost per linje: tiltak, år, beløp i kroner, finansiør og om beløpet er bevilget.",
        _columns(
            "tiltak",
            "ar",
            "belop_kr",
            "finansior",
            "bevilget",
            "merknad",
            types={"ar": "year", "belop_kr": "integer", "bevilget": "boolean"},
        ),
        _budget_rows,
    ),
    Table(
        "statusoppdateringer",
        "Statusoppdateringer",
        "Én statusoppdatering per linje.",
        _columns("tiltak", "dato", "status", "tekst", types={"dato": "date"}),
        _update_rows,
    ),
    Table(
        "aktorer",
        "Aktører",
        "Én aktør per linje.",
        _columns(
            "aktor",
            "navn",
            "kortnavn",
            "type",
            "kommune",
            "nettsted",
            "aktiv_fra",
            "aktiv_til",
            "erstattet_av",
            types={"aktiv_fra": "date", "aktiv_til": "date"},
        ),
        _actor_rows,
    ),
    Table(
        "indikatorer",
        "Indikatorer",
        "Utgangsverdi, målinger og målverdi for hver indikator, og om høyere eller lavere verdi er bedre.",
        _columns(
            "indikator", "tittel", "enhet", "retning", "ar", "verdi", "type", types={"ar": "year", "verdi": "number"}
        ),
        _indicator_rows,
    ),
)
