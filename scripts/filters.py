"""Small, tested functions that turn plan values into Norwegian text for the pages (registered as Jinja2
filters in one place: :data:`FILTERS`). Logic lives here, not in the templates."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable
from typing import Any

from schema import MONTHS, Period

NBSP = "\u00a0"
NARROW = "\u202f"


def number(value: float) -> str:
    """«56 600», «21,5», «-3»: thousands with a non-breaking space, decimal comma, at most one decimal
    (two when the value is smaller than one)."""
    if float(value).is_integer():
        text = f"{int(value):,}".replace(",", NBSP)
    else:
        decimals = 2 if abs(value) < 1 else 1
        text = f"{value:,.{decimals}f}".replace(",", NBSP).replace(".", ",")
    return text.replace("-", "−")


def nok(amount: float) -> str:
    """«1 250 000 kr»."""
    return f"{number(round(amount))}{NBSP}kr"


def percent(value: float) -> str:
    """«45 %» (with a non-breaking space, as Norwegian style guides ask)."""
    return f"{number(value)}{NBSP}%"


def nb_date(value: dt.date | str) -> str:
    """«23. april 2021»; «januar 2020» for a date known only to the month."""
    if isinstance(value, str):
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 2:
            return f"{MONTHS[parts[1] - 1]} {parts[0]}"
        value = dt.date(*parts)
    return f"{value.day}. {MONTHS[value.month - 1]} {value.year}"


def years(period: Period) -> str:
    """«2021–2024», «2023» for a single year, «fra 2024» for an ongoing measure."""
    if period.end is None:
        return f"fra {period.start}"
    if period.end == period.start:
        return str(period.start)
    return f"{period.start}–{period.end}"


def cell(text: Any) -> str:
    """Text safe inside a Markdown table cell: HTML escaped, pipes escaped, on one line."""
    escaped = html.escape(str(text), quote=False)
    return re.sub(r"\s+", " ", escaped.replace("|", "\\|")).strip()


def inline(text: Any) -> str:
    """Text from the plan, shown as plain text inside Markdown (not interpreted as Markdown or HTML)."""
    escaped = html.escape(str(text), quote=False)
    return re.sub(r"([\\`*_\[\]#!{}])", r"\\\1", escaped)


def attr(text: Any) -> str:
    """Text safe inside an HTML attribute value in double quotes."""
    return html.escape(str(text), quote=True)


def plural(count: int, one: str, many: str) -> str:
    """«1 tiltak», «3 mål», «2 aktører»."""
    return f"{number(count)} {one if count == 1 else many}"


def slug(ident: str) -> str:
    """The id as it appears in addresses: «1.2.3» → «1-2-3»."""
    return ident.replace(".", "-")


FILTERS: dict[str, Callable[..., str]] = {
    "number": number,
    "nok": nok,
    "percent": percent,
    "nb_date": nb_date,
    "years": years,
    "cell": cell,
    "inline": inline,
    "attr": attr,
    "plural": plural,
    "slug": slug,
}
