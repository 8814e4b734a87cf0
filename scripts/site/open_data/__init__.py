"""Open data: the validated plan as data/plan.json and CSV tables, and the models the open data page describes."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from typing import Any

import schema
from schema import Plan
from scripts.site.open_data.dcat import dcat_turtle
from scripts.site.open_data.tables import TABLES, Cell, Table
from scripts.site.open_data.workbook import workbook_bytes

__all__ = ["OPEN_DATA_MODELS", "TABLES", "Table", "data_files", "spreadsheet_safe"]


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


def csv_cell(cell: Cell) -> Any:
    """A typed cell as CSV text: booleans «true»/«false», dates ISO, empty for None, text spreadsheet safe."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "true" if cell else "false"
    if isinstance(cell, dt.date):
        return cell.isoformat()
    return spreadsheet_safe(cell)


def data_files(plan: Plan, site_url: str | None = None) -> dict[str, str | bytes]:
    """data/plan.json and the CSV tables beside it (UTF-8, comma separated, one header row), the same tables as a
    workbook, and their DCAT-AP-NO description (with addresses under `site_url`, the site's address)."""
    # pydantic's serializer writes the same text as json.dumps(plan.model_dump(mode="json"), ensure_ascii=False,
    # indent=2), ten times faster: json.dumps uses its slow pure-Python encoder whenever it indents.
    files: dict[str, str | bytes] = {"data/plan.json": plan.model_dump_json(indent=2) + "\n"}
    files.update({f"data/{table.name}.csv": csv_text(table.header, table.rows(plan)) for table in TABLES})
    files["data/naeringsplan.xlsx"] = workbook_bytes(plan, site_url)
    files["data/dcat.ttl"] = dcat_turtle(plan, site_url)
    return files


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([csv_cell(cell) for cell in row] for row in rows)
    return out.getvalue()
