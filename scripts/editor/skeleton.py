"""The skeleton of a new measure: the smallest measure that validates, with the next free number.

``plan new measure`` writes it into a focus area file and the editors' guide shows it on «Legge til et nytt
tiltak», so both are built here: what differs between them is only who leads the measure, from which year it
runs and how far it is indented.
"""

from __future__ import annotations

import re

import schema
from schema import Actor, Plan
from scripts.core.queries import lead_role
from scripts.validate import rules

#: The texts an editor replaces (the validator refuses them when they are left in).
TITLE, DESCRIPTION = rules.MEASURE_TITLE, rules.MEASURE_DESCRIPTION


def next_id(prefix: str, existing: list[str]) -> str:
    """The prefix and one more than the highest running number after it: «1.2.4» after 1.2.3 (prefix «1.2.»)."""
    numbers = [int(i.rsplit(".", 1)[-1]) for i in existing if re.fullmatch(re.escape(prefix) + r"\d+", i)]
    return f"{prefix}{max(numbers, default=0) + 1}"


def period(year: int, plan_end: int) -> str:
    """Two years from `year`, as a YAML flow mapping; only the start when the next year is after the plan."""
    end = f", end: {year + 1}" if year + 1 <= plan_end else ""
    return f"{{start: {year}{end}}}"


def measure_skeleton(plan: Plan, ident: str, lead: Actor, year: int, indent: int) -> list[str]:
    """The lines of a new measure as a list item whose «- » starts `indent` spaces in: the required fields, led
    by `lead`, with the municipality that leads it (or all, when another actor leads). No status: before its
    first status update a measure has the vocabulary's first status («planlagt»)."""
    municipalities = f"[{lead.id}]" if lead.kind == "kommune" else schema.ALL_MUNICIPALITIES
    pad = " " * indent
    return [
        f'{pad}- id: "{ident}"',
        f"{pad}  title: {TITLE}",
        f"{pad}  description: |",
        f"{pad}    {DESCRIPTION}",
        f"{pad}  roles:",
        f"{pad}    - actor: {lead.id}",
        f"{pad}      role: {lead_role(plan.vocabulary)}",
        f"{pad}  period: {period(year, plan.plan.period.end)}",
        f"{pad}  municipalities: {municipalities}",
    ]
