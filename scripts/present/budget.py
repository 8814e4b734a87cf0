"""A row of a budget chart or table as both the website and the print edition draw it."""

from __future__ import annotations

from typing import Any

from schema import Actor, FocusArea
from scripts.core.queries import abbreviates, plain_name
from scripts.present.charts import Label


def budget_row(row: tuple[Any, int, int], *, short: bool = True) -> tuple[str | Label, int, int]:
    """(focus area, actor or year, secured, planned) → (label, secured, planned) for a budget chart. An actor
    whose short name is an abbreviation is drawn short with its full name in the text alternative («GRIP»,
    «Gardermoregionen IPR (GRIP)»); with `short` False (print) every actor gets its full name."""
    item, secured, planned = row
    label: str | Label
    if isinstance(item, FocusArea):
        label = f"{item.id} {item.title}"
    elif isinstance(item, Actor) and not short:
        label = item.name
    elif isinstance(item, Actor) and item.short_name and abbreviates(item.short_name, item.name):
        label = Label(item.short_name, f"{item.name} ({item.short_name})")
    elif isinstance(item, Actor):
        label = plain_name(item)
    else:
        label = str(item)
    return label, secured, planned
