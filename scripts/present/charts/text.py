"""Text for the charts: numbers written the Norwegian way, and text measured, shortened and wrapped to fit.

SVG text does not wrap by itself and the font is the reader's, so widths are estimated from a table of advance
widths close to one of the widest system fonts: text that fits by :func:`text_width` fits on screen too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from scripts.core import filters
from scripts.core.catalogue import catalogue

NBSP = "\u00a0"
ELLIPSIS = "…"


def number(value: float) -> str:
    """A number for a chart label: at most one decimal («45,3»), otherwise as on the pages."""
    return filters.number(value, decimals=1)


def nok(amount: int) -> str:
    """An amount in Norwegian kroner: «1 250 000 kr» (SVG text does not wrap, so a plain space before «kr»)."""
    return f"{number(amount)} kr"


years = filters.year_span


def quantity(value: float, unit: str) -> str:
    """A value with its unit, «45,5 %», «1 450 dekar»; the unit «antall» is left out, «52 400»."""
    return number(value) if unit.strip().lower() == "antall" else f"{number(value)} {unit.strip()}"


@dataclass(frozen=True)
class Words:
    """A chart's words and numbers in one language: the catalogue's texts (keys chart.*) and the numbers written
    as in :func:`number` and :func:`nok`, the Norwegian way or (`lang` «en») the English way («NOK 1,250,000»)."""

    lang: str = "nb"

    def t(self, key: str, /, **fields: Any) -> str:
        return catalogue(self.lang).t(key, **fields)

    def number(self, value: float) -> str:
        return filters.number(value, decimals=1, lang=self.lang)

    def nok(self, amount: int) -> str:
        return self.t("money.chart", amount=self.number(amount))

    def quantity(self, value: float, unit: str) -> str:
        """As :func:`quantity`; a share as the language writes it («45 %», in English «45%»)."""
        shown = self.number(value)
        if unit.strip() == "%":
            return self.t("chart.percent", value=shown)
        return shown if unit.strip().lower() == "antall" else f"{shown} {unit.strip()}"


def lower_first(text: str) -> str:
    """«Fullført» → «fullført» inside a sentence, but «SSB» stays «SSB»."""
    return text[0].lower() + text[1:] if len(text) > 1 and text[1].islower() else text


def sentence(text: str) -> str:
    """The text stripped, with a full stop added unless it already ends a sentence."""
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


# Advance widths in thousandths of an em, close to DejaVu Sans, one of the widest system fonts: text that
# fits with these widths fits with narrower fonts too.
_WIDTHS: dict[str, int] = {
    **dict.fromkeys(" \u00a0.,;:!'|", 320),
    **dict.fromkeys("0123456789", 636),
    **dict.fromkeys("()[]{}-/\\", 390),
    **dict.fromkeys('«»"*', 560),
    "%": 950,
    "&": 780,
    "+": 838,
    "?": 531,
    "–": 500,
    "—": 1000,
    "\u2212": 838,
    "…": 1000,
    **dict.fromkeys("abdeghnopquå", 635),
    **dict.fromkeys("cksvxyz", 592),
    **dict.fromkeys("fjlirt", 411),
    **dict.fromkeys("mwæ", 981),
    "ø": 635,
    **dict.fromkeys("IJ", 300),
    **dict.fromkeys("MWÆ", 1000),
}


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Estimated width of a text in viewBox units, on the generous side."""
    em = 0.0
    for char in text:
        known = _WIDTHS.get(char)
        if known is None:
            known = 780 if char.isupper() else 640
        em += known
    return em / 1000 * size * (1.12 if bold else 1.0)


def truncate(text: str, size: float, max_width: float, *, bold: bool = False) -> str:
    """The text, shortened with «…» when it is wider than max_width."""
    if text_width(text, size, bold=bold) <= max_width:
        return text
    # The longest beginning that fits with «…» after it. Its width only grows with its length, so it is found by
    # halving (a few measurements, not one per letter: a word of 5 000 letters took seconds).
    fits, too_wide = 0, len(text) + 1
    while too_wide - fits > 1:
        middle = (fits + too_wide) // 2
        if text_width(text[:middle].rstrip() + ELLIPSIS, size, bold=bold) > max_width:
            too_wide = middle
        else:
            fits = middle
    return text[:fits].rstrip(" ,.:;–-") + ELLIPSIS


def wrap(text: str, size: float, max_width: float, *, bold: bool = False, max_lines: int = 2) -> list[str]:
    """The text broken into lines at spaces so that each fits in max_width; the last line is shortened with
    «…» if the text needs more than max_lines."""
    lines: list[str] = []
    words = text.split()
    while words and len(lines) < max_lines:
        line = words.pop(0)
        while words and text_width(f"{line} {words[0]}", size, bold=bold) <= max_width:
            line = f"{line} {words.pop(0)}"
        lines.append(line)
    if words:
        lines[-1] = f"{lines[-1]} {' '.join(words)}"
    return [truncate(line, size, max_width, bold=bold) for line in lines]
