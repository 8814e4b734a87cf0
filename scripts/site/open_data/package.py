"""data/datapackage.json: a Frictionless Data Package (v1, https://specs.frictionlessdata.io/data-package/) that
describes the open data for programs: the licence, the publisher, and for every CSV file its dialect and a
Table Schema (types, patterns, primary and foreign keys) made from the same :data:`TABLES` as the files.

The same plan gives the same bytes: the one date in it (`created`) is the newest date in the plan.

Example content (``illustrative: true``) is said in the package's description and in the description of each
resource that holds some (:class:`~scripts.site.open_data.publication.Examples`). An indicator's source (SSB, …) is
named in the indicator table's `sources` only for indicators that are not examples: an example's values were not
taken from the source it names, which only says where the real values will come from.
"""

from __future__ import annotations

import json
import re
from typing import Any

from schema import Plan
from scripts.present.licence import Licence, licence
from scripts.site.open_data.csv_files import DECIMAL_CHAR, DIALECT, FALSE, TRUE
from scripts.site.open_data.publication import Examples, examples, with_notice
from scripts.site.open_data.tables import TABLES, Column, Table

PACKAGE = "data/datapackage.json"


def newest_date(plan: Plan) -> str:
    """The newest date in the plan (a revision or a status update), ISO; a month alone counts as its first day."""
    dates = [r.date if len(r.date) == 10 else r.date + "-01" for r in plan.plan.revisions]
    dates += [u.date.isoformat() for _, _, m in plan.measures() for u in m.status_updates]
    return max(dates)


def package_name(plan: Plan) -> str:
    """The package's name: the plan's title in lower-case ASCII with hyphens («strategisk-naeringsplan-…»)."""
    ascii_title = plan.plan.title.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    return re.sub(r"[^a-z0-9]+", "-", ascii_title).strip("-") or "plan"


def licence_descriptor(lic: Licence) -> dict[str, str]:
    return {"name": lic.id, "path": lic.url, "title": lic.name}


#: What a column's description adds when the CSV file writes a letter before its values.
CSV_PREFIX_NOTE = (
    "I CSV-filen står «{prefix}» foran nummeret (som {example}), så et regneark ikke gjør det om til en dato eller "
    "et tall; i plan.json og regnearket står nummeret uten."
)
#: An example of each prefixed number.
PREFIX_EXAMPLES = {"S": "S4", "M": "M1.1", "T": "T1.1.1"}


def field(column: Column) -> dict[str, Any]:
    """A column as a Table Schema field."""
    described: dict[str, Any] = {"name": column.name, "title": column.title, "type": column.type}
    if column.description:
        described["description"] = column.description
    if column.type == "number":
        described["decimalChar"] = DECIMAL_CHAR
    if column.type == "boolean":
        described.update(trueValues=[TRUE], falseValues=[FALSE])
    if column.csv_prefix:
        example = PREFIX_EXAMPLES.get(column.csv_prefix, column.csv_prefix)
        note = CSV_PREFIX_NOTE.format(prefix=column.csv_prefix, example=example)
        described["description"] = f"{column.description} {note}".strip()
    constraints: dict[str, Any] = {}
    if column.required:
        constraints["required"] = True
    if column.pattern:
        constraints["pattern"] = re.escape(column.csv_prefix) + column.pattern
    if column.enum:
        constraints["enum"] = list(column.enum)
    if constraints:
        described["constraints"] = constraints
    return described


def table_schema(table: Table) -> dict[str, Any]:
    described: dict[str, Any] = {"fields": [field(c) for c in table.columns], "missingValues": [""]}
    if table.primary_key:
        described["primaryKey"] = list(table.primary_key)
    if table.foreign_keys:
        described["foreignKeys"] = [
            {
                "fields": list(key.columns),
                # Table Schema names the table itself with an empty resource name.
                "reference": {"resource": "" if key.table == table.name else key.table, "fields": list(key.reference)},
            }
            for key in table.foreign_keys
        ]
    return described


def table_resource(table: Table, plan: Plan, shown: Examples | None = None) -> dict[str, Any]:
    shown = shown if shown is not None else examples(plan)
    notice = shown.rows_notice(table.header, table.rows(plan)) if shown else None
    resource: dict[str, Any] = {
        "profile": "tabular-data-resource",
        "name": table.name,
        "path": f"{table.name}.csv",
        "title": table.title,
        "description": with_notice(table.description, notice),
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": DIALECT,
        "licenses": [licence_descriptor(licence(plan))],
        "schema": table_schema(table),
    }
    if table.name == "indikatorer":
        sources = {(i.source, i.source_url): None for i in plan.indicators if not i.illustrative}
        if sources:
            resource["sources"] = [{"title": t, **({"path": p} if p else {})} for t, p in sources]
    return resource


def plan_resource(plan: Plan, notice: str | None = None) -> dict[str, Any]:
    return {
        "profile": "data-resource",
        "name": "plan",
        "path": "plan.json",
        "title": "Hele planen",
        "description": with_notice(
            "Hele planen i én fil, i formen JSON Schema-filen ../schema/plan-data.schema.json beskriver.", notice
        ),
        "format": "json",
        "mediatype": "application/json",
        "encoding": "utf-8",
        "licenses": [licence_descriptor(licence(plan))],
    }


def contributors(plan: Plan) -> list[dict[str, str]]:
    """The owner as publisher, and the contact (when the plan has one) as maintainer."""
    owner = next(a for a in plan.actors if a.id == plan.plan.owner)
    found = [{"title": owner.name, "role": "publisher", **({"path": owner.url} if owner.url else {})}]
    contact = plan.plan.contact
    if contact is not None:
        # An example address (contact.illustrative) stays out of what catalogues harvest; plan.json marks it.
        more = {"email": None if contact.illustrative else contact.email, "path": contact.url}
        found.append({"title": contact.name, "role": "maintainer", **{k: v for k, v in more.items() if v}})
    return found


def datapackage(plan: Plan) -> dict[str, Any]:
    info, lic, shown = plan.plan, licence(plan), examples(plan)
    notice = shown.plan_notice()
    return {
        "profile": "data-package",
        "name": package_name(plan),
        "title": info.title,
        "description": with_notice(
            f"{info.title} som åpne data: hele planen i JSON, og tiltak, roller, budsjett, statusoppdateringer, "
            f"aktører og indikatorer som CSV-tabeller (UTF-8 med BOM, semikolon mellom feltene, desimalkomma). "
            f"{lic.statement}",
            notice,
        ),
        "keywords": ["næringsplan", "handlingsprogram", info.region, "åpne data"],
        "created": f"{newest_date(plan)}T00:00:00Z",
        "licenses": [licence_descriptor(lic)],
        "sources": [{"title": f"{lic.holder}: {info.title}"}],
        "contributors": contributors(plan),
        "resources": [plan_resource(plan, notice), *(table_resource(t, plan, shown) for t in TABLES)],
    }


def datapackage_json(plan: Plan) -> str:
    return json.dumps(datapackage(plan), ensure_ascii=False, indent=2) + "\n"


def table_schema_json(table: Table) -> str:
    """A CSV file's Table Schema as a file of its own (data/tabellskjema/NAME.json), the one the DCAT description
    says the file conforms to; the Data Package holds the same."""
    return json.dumps(table_schema(table), ensure_ascii=False, indent=2) + "\n"
