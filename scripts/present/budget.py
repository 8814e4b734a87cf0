"""A row of a budget chart or table as both the website and the print edition draw it."""

from __future__ import annotations

from typing import Any

from schema import Actor, FocusArea
from scripts.core.queries import abbreviates
from scripts.present.charts import Label
from scripts.present.facts import plain_name_in
from scripts.present.i18n import localized


def budget_row(row: tuple[Any, int, int], *, short: bool = True, lang: str = "nb") -> tuple[str | Label, int, int]:
    """(focus area, actor or year, secured, planned) → (label, secured, planned) for a budget chart. An actor
    whose short name is an abbreviation is drawn short with its full name in the text alternative («GRIP»,
    «Gardermoregionen IPR (GRIP)»); with `short` False (print) every actor gets its full name. Names and titles
    are in `lang` where translated."""
    item, secured, planned = row
    label: str | Label
    if isinstance(item, FocusArea):
        label = f"{item.id} {localized(item, 'title', lang).text}"
    elif isinstance(item, Actor) and not short:
        label = localized(item, "name", lang).text or item.name
    elif isinstance(item, Actor) and item.short_name and abbreviates(item.short_name, item.name):
        name, short_name = localized(item, "name", lang).text, localized(item, "short_name", lang).text
        label = Label(short_name or item.short_name, f"{name} ({short_name})")
    elif isinstance(item, Actor):
        label = plain_name_in(item, lang)
    else:
        label = str(item)
    return label, secured, planned
