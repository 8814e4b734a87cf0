"""Numbers, money and years the Norwegian way («56 600», «1 250 000 kr», «2021–2024»), for every stage: kept apart
from :mod:`scripts.core.filters` (which needs Markdown and nh3) so that ``plan diff`` says them without loading what
renders pages."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from schema import Period

NBSP = "\u00a0"
NARROW = "\u202f"
_DECIMAL = Context(prec=80)


def number(value: float, decimals: int | None = None) -> str:
    """«56 600», «21,5», «−3»: thousands with a non-breaking space, a decimal comma, a real minus sign,
    rounded half up. `decimals` None: one decimal, two for values smaller than one; trailing zeros go."""
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"kan ikke skrive {value!r} som et tall")
    if decimals is None:
        decimals = 2 if abs(value) < 1 else 1
    rounded = Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP, context=_DECIMAL)
    sign = "\u2212" if rounded < 0 else ""
    whole, _, fraction = f"{abs(rounded):f}".partition(".")
    fraction = fraction.rstrip("0")
    return sign + f"{int(whole):,}".replace(",", NBSP) + ("," + fraction if fraction else "")


def nok(amount: float) -> str:
    """«1 250 000 kr»."""
    return f"{number(round(amount))}{NBSP}kr"


def percent(value: float) -> str:
    """«45 %» (with a non-breaking space, as Norwegian style guides ask)."""
    return f"{number(value)}{NBSP}%"


def year_span(start: int, end: int | None) -> str:
    """«2021–2024» (en dash), «2023» for a single year, «fra 2024» when there is no end."""
    if end is None:
        return f"fra {start}"
    return str(start) if end == start else f"{start}–{end}"


def years(period: Period) -> str:
    """A period the Norwegian way: «2021–2024», «2023», «fra 2024» for an ongoing measure."""
    return year_span(period.start, period.end)
