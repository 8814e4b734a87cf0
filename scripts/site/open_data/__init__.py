"""Open data: the validated plan as data/plan.json, CSV tables (:mod:`.csv_files`) and a Frictionless Data
Package describing them (:mod:`.package`), and the models the open data page describes."""

from __future__ import annotations

from typing import Any

import schema
from schema import Plan
from scripts.site.open_data.csv_files import csv_text, spreadsheet_safe
from scripts.present.licence import Licence, licence
from scripts.site.open_data.package import PACKAGE, datapackage_json, table_schema_json
from scripts.site.open_data.tables import TABLES, TYPE_NAMES, Column, Table

__all__ = [
    "OPEN_DATA_MODELS",
    "TABLES",
    "TYPE_NAMES",
    "Column",
    "Licence",
    "Table",
    "data_files",
    "licence",
    "spreadsheet_safe",
]


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


def data_files(plan: Plan, site_url: str | None = None, *, workbook: bool = True) -> dict[str, str | bytes]:
    """data/plan.json, the CSV tables beside it (see :mod:`.csv_files`), data/datapackage.json, the same tables as
    a workbook, and their DCAT-AP-NO description (with addresses under `site_url`, the site's address). Without
    `workbook` (the live preview, which it would slow down) no workbook."""
    # pydantic's serializer writes the same text as json.dumps(plan.model_dump(mode="json"), ensure_ascii=False,
    # indent=2), ten times faster: json.dumps uses its slow pure-Python encoder whenever it indents.
    files: dict[str, str | bytes] = {"data/plan.json": plan.model_dump_json(indent=2) + "\n"}
    files.update({f"data/{table.name}.csv": csv_text(table.header, table.rows(plan), table.csv_prefixes) for table in TABLES})
    files[PACKAGE] = datapackage_json(plan)
    files.update({f"data/tabellskjema/{table.name}.json": table_schema_json(table) for table in TABLES})
    # Imported here: openpyxl and rdflib take a fifth of a second to import, and a build that finds these files in
    # its cache (publish/memo.py) needs neither.
    from scripts.site.open_data.dcat import dcat_turtle
    from scripts.site.open_data.workbook import workbook_bytes

    if workbook:
        files["data/naeringsplan.xlsx"] = workbook_bytes(plan, site_url)
    files["data/dcat.ttl"] = dcat_turtle(plan, site_url)
    return files
