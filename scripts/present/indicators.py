"""How an indicator is going, in plain words: its verdict (computed by :func:`scripts.present.progress.assess`,
the one rule every medium uses) and its values one row per year, with the Jinja2 filters that show them."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from schema import Indicator
from scripts.core.catalogue import catalogue
from scripts.core.filters import inline
from scripts.core.numbers import NBSP
from scripts.present.charts.text import Words, lower_first, quantity, sentence
from scripts.present.progress import RULE, Assessment, assess, change, change_unit, signed

__all__ = [
    "DIRECTION",
    "FILTERS",
    "MARKDOWN_FILTERS",
    "RULE",
    "YearRow",
    "direction",
    "filters_in",
    "markdown_filters_in",
    "progress",
    "year_rows",
]

#: The direction in words.
DIRECTION = {"høyere": "Høyere verdi er bedre", "lavere": "Lavere verdi er bedre"}


def direction(better: str, lang: str = "nb") -> str:
    """«Høyere verdi er bedre» for «høyere», in `lang` (catalogue keys indicator_words.higher / .lower)."""
    return catalogue(lang).t({"høyere": "indicator_words.higher", "lavere": "indicator_words.lower"}[better])


#: How a preliminary measurement is marked in a table.
PRELIMINARY = "Foreløpig"


def progress(indicator: Indicator) -> Assessment:
    """The indicator's progress by all its measurements (:func:`~scripts.present.progress.assess`)."""
    return assess(indicator)


@dataclass(frozen=True)
class YearRow:
    """One year of an indicator's table: the value shown and what it is («foreløpig», «Utgangsverdi», «Målverdi»,
    a note)."""

    year: int
    value: float
    notes: tuple[str, ...]


def year_rows(indicator: Indicator, lang: str = "nb") -> list[YearRow]:
    """Baseline, measurements and target, one row per year, oldest first. A year with a measurement shows the
    measured value; the baseline and the target of the same year become notes on its row (with their own value
    when it differs from the measurement). The words and numbers of the notes are in `lang`."""
    words, w = catalogue(lang), Words(lang)
    measured = {o.year: o for o in indicator.observations}
    notes: dict[int, list[str]] = {year: [] for year in measured}
    values = {year: o.value for year, o in measured.items()}
    labels = (words.t("indicator_words.baseline"), words.t("indicator_words.target"))
    for label, point in zip(labels, (indicator.baseline, indicator.target), strict=True):
        if point.year not in values:
            values[point.year], notes[point.year] = point.value, []
        differs = point.value != values[point.year]
        notes[point.year].append(f"{label} {w.quantity(point.value, indicator.unit)}" if differs else label)
    for year, o in measured.items():
        if o.preliminary:
            notes[year].insert(0, words.t("indicator_words.preliminary"))
        if o.note:
            notes[year].append(o.note)
    return [YearRow(year, values[year], tuple(notes[year])) for year in sorted(values)]


#: Registered as Jinja2 filters for the page templates.
FILTERS: dict[str, Callable[..., Any]] = {
    "progress": progress,
    "change": change,
    "year_rows": year_rows,
    "direction": DIRECTION.__getitem__,
    "quantity": quantity,
    "lower_first": lower_first,
    "sentence": sentence,
}


def _markdown_quantity(value: float, unit: str, lang: str = "nb") -> str:
    """A value with its unit in a Markdown page: the unit is plan text, so it is escaped like any other."""
    return inline(Words(lang).quantity(value, unit))


def _markdown_change(value: float, unit: str, lang: str = "nb") -> str:
    """A change with its unit in a Markdown page: the unit escaped as in :func:`_markdown_quantity`, the sign and
    the digits as they are (a «+» inside a line starts no list)."""
    named = change_unit(unit, lang)
    return signed(value, lang) + (NBSP + inline(named) if named else "")


#: The same filters for Markdown pages, where nothing escapes plan text but the filters themselves.
MARKDOWN_FILTERS: dict[str, Callable[..., Any]] = {
    **FILTERS,
    "quantity": _markdown_quantity,
    "change": _markdown_change,
}


def filters_in(lang: str) -> dict[str, Callable[..., Any]]:
    """:data:`FILTERS` with their words and numbers in `lang` (for the print edition; the verdict's own words are
    ``verdict.label_in(lang)``)."""
    w = Words(lang)
    return {
        **FILTERS,
        "change": functools.partial(change, lang=lang),
        "year_rows": functools.partial(year_rows, lang=lang),
        "direction": functools.partial(direction, lang=lang),
        "quantity": w.quantity,
    }


def markdown_filters_in(lang: str) -> dict[str, Callable[..., Any]]:
    """:data:`MARKDOWN_FILTERS` in `lang` (for the Markdown pages of the edition in `lang`)."""
    return {
        **filters_in(lang),
        "quantity": functools.partial(_markdown_quantity, lang=lang),
        "change": functools.partial(_markdown_change, lang=lang),
    }
