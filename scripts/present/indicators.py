"""How an indicator is going, in plain words: its latest measurement against its baseline and target, a verdict
(«på vei mot målet», «går feil vei», «for tidlig å si») and its values one row per year.

The rule (:func:`verdict`, said to readers in :data:`RULE`): while there are fewer than two measurements after the
baseline year it is too early to say; otherwise the indicator is on its way when the latest measurement is better
than the baseline in the direction the indicator declares (``better``: higher or lower), and going the wrong way
when it is the same or worse. The validator makes sure the target lies in that direction from the baseline, so
«better than the baseline» is «moved towards the target».
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from schema import Indicator, Observation
from scripts.core.filters import inline
from scripts.present.charts.text import lower_first, quantity, sentence

#: Measurements needed after the baseline year before a verdict is given: one could be a bump.
MIN_MEASUREMENTS = 2


@dataclass(frozen=True)
class Verdict:
    """A verdict as readers see it: its words, a symbol beside them (never the meaning alone) and a CSS name."""

    key: str
    label: str
    symbol: str


ON_THE_WAY = Verdict("pa-vei", "På vei mot målet", "✓")
WRONG_WAY = Verdict("feil-vei", "Går feil vei", "✗")
TOO_EARLY = Verdict("for-tidlig", "For tidlig å si", "…")

#: The rule in one sentence, shown wherever a verdict is (it says MIN_MEASUREMENTS in words).
RULE = (
    "Slik vurderer vi: «på vei mot målet» når siste måling er bedre enn utgangsverdien, «går feil vei» når den "
    "er lik eller dårligere, og «for tidlig å si» når det er færre enn to målinger etter utgangsåret."
)

#: The direction in words.
DIRECTION = {"høyere": "Høyere verdi er bedre", "lavere": "Lavere verdi er bedre"}


def after_baseline(indicator: Indicator) -> list[Observation]:
    """The measurements from the years after the baseline year, oldest first."""
    return [o for o in indicator.observations if o.year > indicator.baseline.year]


def is_better(indicator: Indicator, value: float, than: float) -> bool:
    """True when `value` is strictly better than `than` in the indicator's direction."""
    return value > than if indicator.better == "høyere" else value < than


def verdict(indicator: Indicator) -> Verdict:
    """How the indicator is going (see the module's docstring and :data:`RULE`)."""
    later = after_baseline(indicator)
    if len(later) < MIN_MEASUREMENTS:
        return TOO_EARLY
    return ON_THE_WAY if is_better(indicator, later[-1].value, indicator.baseline.value) else WRONG_WAY


@dataclass(frozen=True)
class Progress:
    """What a page says about an indicator at a glance."""

    verdict: Verdict
    #: The newest measurement, None before the first.
    latest: Observation | None
    #: True when the newest measurement is at the target or beyond it.
    reached: bool


def progress(indicator: Indicator) -> Progress:
    latest = indicator.observations[-1] if indicator.observations else None
    reached = latest is not None and not is_better(indicator, indicator.target.value, latest.value)
    return Progress(verdict(indicator), latest, reached)


@dataclass(frozen=True)
class YearRow:
    """One year of an indicator's table: the value shown and what it is («Utgangsverdi», «Målverdi», a note)."""

    year: int
    value: float
    notes: tuple[str, ...]


def year_rows(indicator: Indicator) -> list[YearRow]:
    """Baseline, measurements and target, one row per year, oldest first. A year with a measurement shows the
    measured value; the baseline and the target of the same year become notes on its row (with their own value
    when it differs from the measurement)."""
    measured = {o.year: o for o in indicator.observations}
    notes: dict[int, list[str]] = {year: [] for year in measured}
    values = {year: o.value for year, o in measured.items()}
    for label, point in (("Utgangsverdi", indicator.baseline), ("Målverdi", indicator.target)):
        if point.year not in values:
            values[point.year], notes[point.year] = point.value, []
        differs = point.value != values[point.year]
        notes[point.year].append(f"{label} {quantity(point.value, indicator.unit)}" if differs else label)
    for year, o in measured.items():
        if o.note:
            notes[year].append(o.note)
    return [YearRow(year, values[year], tuple(notes[year])) for year in sorted(values)]


#: Registered as Jinja2 filters for the page templates.
FILTERS: dict[str, Callable[..., Any]] = {
    "progress": progress,
    "year_rows": year_rows,
    "direction": DIRECTION.__getitem__,
    "quantity": quantity,
    "lower_first": lower_first,
    "sentence": sentence,
}


def _markdown_quantity(value: float, unit: str) -> str:
    """A value with its unit in a Markdown page: the unit is plan text, so it is escaped like any other."""
    return inline(quantity(value, unit))


#: The same filters for Markdown pages, where nothing escapes plan text but the filters themselves.
MARKDOWN_FILTERS: dict[str, Callable[..., Any]] = {**FILTERS, "quantity": _markdown_quantity}
