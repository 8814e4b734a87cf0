"""Numbers, money and years the Norwegian way («56 600», «1 250 000 kr», «2021–2024»), or the English way with
`lang` «en» («56,600», «NOK 1,250,000», «from 2024»; the separators and words from the catalogue, keys number.*,
money.*, years.*), for every stage: kept apart from :mod:`scripts.core.filters` (which needs Markdown and nh3) so
that ``plan diff`` says them without loading what renders pages."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import TYPE_CHECKING

from scripts.core.catalogue import catalogue

if TYPE_CHECKING:
    from schema import Period

NBSP = "\u00a0"
NARROW = "\u202f"
_DECIMAL = Context(prec=80)


def number(value: float, decimals: int | None = None, lang: str = "nb") -> str:
    """«56 600», «21,5», «−3»: thousands with a non-breaking space, a decimal comma, a real minus sign,
    rounded half up. `decimals` None: one decimal, two for values smaller than one; trailing zeros go. In English
    «56,600», «21.5», «−3»."""
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"kan ikke skrive {value!r} som et tall")
    if decimals is None:
        decimals = 2 if abs(value) < 1 else 1
    rounded = Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP, context=_DECIMAL)
    sign = "\u2212" if rounded < 0 else ""
    whole, _, fraction = f"{abs(rounded):f}".partition(".")
    fraction = fraction.rstrip("0")
    words = catalogue(lang)
    decimal = words.t("number.decimal") + fraction if fraction else ""
    return sign + f"{int(whole):,}".replace(",", words.t("number.thousands")) + decimal


def nok(amount: float, lang: str = "nb") -> str:
    """«1 250 000 kr»; in English «NOK 1,250,000»."""
    return catalogue(lang).t("money.nok", amount=number(round(amount), lang=lang))


def percent(value: float, lang: str = "nb") -> str:
    """«45 %» (with a non-breaking space, as Norwegian style guides ask); in English «45%»."""
    return catalogue(lang).t("number.percent", value=number(value, lang=lang))


def year_span(start: int, end: int | None, lang: str = "nb") -> str:
    """«2021–2024» (en dash), «2023» for a single year, «fra 2024» (English «from 2024») when there is no end."""
    if end is None:
        return catalogue(lang).t("years.from", start=start)
    return str(start) if end == start else f"{start}–{end}"


def years(period: Period, lang: str = "nb") -> str:
    """A period the Norwegian way: «2021–2024», «2023», «fra 2024» for an ongoing measure."""
    return year_span(period.start, period.end, lang)
