"""How far an indicator has come towards its target, by a published method: one function (:func:`assess`) that the
website, the status report, the plan PDF and the open data all use.

Where the method comes from. Open SDG (the open-source platform for reporting on the Sustainable Development Goals)
measures progress the way Statistics Canada does: the growth per year observed since the base year is compared
with the growth per year needed to reach the target by the target year, as a ratio R, and R is sorted by fixed
thresholds (``sdg-build``, ``sdg/ProgressMeasure.py``: ``get_progress_thresholds``, ``is_target_achieved``,
``get_progress_status``; described in ``open-sdg``'s ``docs/progress-methodology.md``). Copied from there as they
are:

* the thresholds: R ≥ 95 % «on track» (:data:`ON_TRACK`), 60 % ≤ R < 95 % «progress made but acceleration
  needed» (:data:`SOME_PROGRESS`), 0 ≤ R < 60 % «limited progress» (:data:`LITTLE_PROGRESS`, an unchanged value
  included), R < 0 «deterioration» (:data:`WRONG_WAY`);
* «target achieved» (:data:`ACHIEVED`): the newest value is at the target or beyond it in the desired direction,
  whatever the trend, checked before the ratio;
* «unable to assess» (:data:`TOO_EARLY`): no value from a year after the base year (Open SDG needs two years of
  data: the base year and one later);
* R counts the direction: R = d · (change per year so far) / |change per year needed|, d = +1 when higher is
  better and −1 when lower is.

One deliberate difference: Open SDG measures the change per year as compound growth (the compound annual growth
rate, an exponential model); we use the plain change per year, the straight path from the baseline to the target.
The plan's readers think in that path («5 300 in 2024, where the path to 3 500 passes 5 060»), anyone can check it
with a calculator, and it works for values of zero or below (Open SDG replaces a zero by 0,001 and cannot assess a
series that changes sign; net out-commuting can turn into net in-commuting). The thresholds are the same.

A measurement may be preliminary (``preliminary: true``); a verdict that rests on a preliminary value says so
(:attr:`Assessment.preliminary`).
"""

from __future__ import annotations

from dataclasses import dataclass

from schema import Indicator, Observation, Point
from scripts.core.catalogue import catalogue
from scripts.core.numbers import NBSP, number

#: Open SDG's thresholds for the ratio R of the change per year so far to the change per year needed.
ON_TRACK_FROM = 0.95
SOME_PROGRESS_FROM = 0.60
LITTLE_PROGRESS_FROM = 0.0


@dataclass(frozen=True)
class Verdict:
    """A verdict as readers see it: its words, a symbol beside them that repeats them without colour (a gauge of
    four dots, as Open SDG's gauge of four segments; only characters the shipped Liberation fonts have), a CSS
    name, and when it is given."""

    key: str
    label: str
    symbol: str
    when: str

    def label_in(self, lang: str = "nb") -> str:
        """The verdict's words in `lang` (catalogue key verdict.<key>.label; the Norwegian ones are :attr:`label`)."""
        return catalogue(lang).t(f"verdict.{self.key}.label")

    def when_in(self, lang: str = "nb") -> str:
        """When the verdict is given, in `lang` (catalogue key verdict.<key>.when)."""
        return catalogue(lang).t(f"verdict.{self.key}.when")


ACHIEVED = Verdict("nadd", "Målet er nådd", "●●●●", "siste måling er på målverdien eller bedre")
ON_TRACK = Verdict("i-rute", "I rute", "●●●○", "endringen per år er minst 95 % av det som trengs")
SOME_PROGRESS = Verdict("noe-fremgang", "Noe fremgang", "●●○○", "endringen per år er 60–95 % av det som trengs")
LITTLE_PROGRESS = Verdict(
    "lite-fremgang", "Lite fremgang", "●○○○", "endringen per år er under 60 % av det som trengs, eller null"
)
WRONG_WAY = Verdict("feil-vei", "Går feil vei", "○○○○", "verdien har gått motsatt vei av målet siden utgangsåret")
TOO_EARLY = Verdict("for-tidlig", "For tidlig å si", "…", "det finnes ingen måling fra et år etter utgangsåret")

#: Every verdict, best first.
VERDICTS = (ACHIEVED, ON_TRACK, SOME_PROGRESS, LITTLE_PROGRESS, WRONG_WAY, TOO_EARLY)


#: The rule in one sentence, for the places that have no room for the page «Slik vurderer vi fremdriften» (the
#: status report's summary must stay on one page). «Målet er nådd» and «for tidlig å si» say themselves.
def rule(lang: str = "nb") -> str:
    """The rule in one sentence in `lang` (catalogue key progress.rule)."""
    return catalogue(lang).t(
        "progress.rule",
        on_track=ON_TRACK.label_in(lang).lower(),
        on_track_from=number(ON_TRACK_FROM * 100, lang=lang),
        some=SOME_PROGRESS.label_in(lang).lower(),
        some_from=number(SOME_PROGRESS_FROM * 100, lang=lang),
        little=LITTLE_PROGRESS.label_in(lang).lower(),
        little_from=number(LITTLE_PROGRESS_FROM * 100, lang=lang),
        wrong=WRONG_WAY.label_in(lang).lower(),
    )


RULE = rule()


@dataclass(frozen=True)
class Assessment:
    """An indicator's progress: the verdict and the figures it rests on (None where the verdict needs none)."""

    indicator: Indicator
    verdict: Verdict
    #: The newest measurement (up to the year asked for), None before the first.
    latest: Observation | None
    #: The change per year from the baseline to the newest measurement, in the indicator's unit.
    actual_per_year: float | None = None
    #: The change per year from the baseline that reaches the target in the target year.
    needed_per_year: float | None = None
    #: R = d · actual / |needed| (1 = exactly on the straight path's pace).
    ratio: float | None = None

    @property
    def reached(self) -> bool:
        """True when the newest measurement is at the target or beyond it."""
        return self.verdict == ACHIEVED

    @property
    def preliminary(self) -> bool:
        """True when the verdict rests on a preliminary value (the newest measurement)."""
        return self.verdict != TOO_EARLY and self.latest is not None and self.latest.preliminary

    @property
    def on_path(self) -> float | None:
        """Where the straight path from the baseline to the target stands in the year of the newest measurement."""
        if self.latest is None or self.needed_per_year is None:
            return None
        return self.indicator.baseline.value + self.needed_per_year * self.years_since

    @property
    def years_since(self) -> int:
        """Years from the baseline year to the newest measurement (0 before one)."""
        return 0 if self.latest is None else self.latest.year - self.indicator.baseline.year

    @property
    def caveat(self) -> str:
        """«Bygger på et foreløpig tall (2025).» when the verdict does, else nothing."""
        return self.caveat_in()

    def caveat_in(self, lang: str = "nb") -> str:
        """:attr:`caveat` in `lang` (catalogue key progress.caveat)."""
        if self.preliminary and self.latest:
            return catalogue(lang).t("progress.caveat", year=self.latest.year)
        return ""


def _direction(indicator: Indicator) -> int:
    return 1 if indicator.better == "høyere" else -1


def years_to_target(indicator: Indicator) -> int:
    """Years from the baseline year to the target year (at least one, so that a target in the baseline year is
    needed at once)."""
    return max(indicator.target.year - indicator.baseline.year, 1)


def per_year(start: Point, end: Point | Observation, years: int) -> float:
    """The change per year on the straight line from `start` to `end` over `years` years."""
    return (end.value - start.value) / years


def by_ratio(ratio: float) -> Verdict:
    """The verdict for a ratio R by Open SDG's thresholds."""
    if ratio >= ON_TRACK_FROM:
        return ON_TRACK
    if ratio >= SOME_PROGRESS_FROM:
        return SOME_PROGRESS
    return LITTLE_PROGRESS if ratio >= LITTLE_PROGRESS_FROM else WRONG_WAY


def assess(indicator: Indicator, until: int | None = None) -> Assessment:
    """The indicator's progress by the measurements up to the year `until` (all when None); see the module."""
    known = [o for o in indicator.observations if until is None or o.year <= until]
    latest = known[-1] if known else None
    if latest is None:
        return Assessment(indicator, TOO_EARLY, None)
    d, baseline, target = _direction(indicator), indicator.baseline, indicator.target
    needed = per_year(baseline, target, years_to_target(indicator))
    if d * (latest.value - target.value) >= 0:
        return Assessment(indicator, ACHIEVED, latest, needed_per_year=needed)
    years = latest.year - baseline.year
    if years < 1:
        return Assessment(indicator, TOO_EARLY, latest)
    actual = per_year(baseline, latest, years)
    if needed == 0:  # the target is the baseline, and the newest value is worse than both
        return Assessment(indicator, WRONG_WAY, latest, actual, needed)
    ratio = d * actual / abs(needed)
    return Assessment(indicator, by_ratio(ratio), latest, actual, needed, ratio)


def change_unit(unit: str, lang: str = "nb") -> str:
    """The unit of a change: a share changes in «prosentpoeng» («percentage points»); «antall» is left out, as in a
    quantity."""
    return {"%": catalogue(lang).t("progress.points"), "antall": ""}.get(unit.strip(), unit.strip())


def signed(value: float, lang: str = "nb") -> str:
    """«+950», «−200», «0»."""
    return ("+" if value > 0 else "") + number(value, lang=lang)


def change(value: float, unit: str, lang: str = "nb") -> str:
    """A change with its sign and unit: «+950», «−200», «−0,38 prosentpoeng»."""
    named = change_unit(unit, lang)
    return signed(value, lang) + (NBSP + named if named else "")


def worked_example(indicators: list[Indicator]) -> Assessment:
    """The assessment the page «Slik vurderer vi fremdriften» works through: the first indicator behind the pace
    it needs, else the first with a ratio, else a made-up indicator (whose figures are computed all the same)."""
    assessed = [assess(i) for i in indicators]
    with_ratio = [a for a in assessed if a.ratio is not None]
    behind = [a for a in with_ratio if a.verdict != ON_TRACK]
    return (behind or with_ratio or [assess(EXAMPLE)])[0]


def page_context(indicators: list[Indicator], lang: str = "nb") -> dict[str, object]:
    """What the page «Slik vurderer vi fremdriften» shows: the verdicts, the thresholds in per cent and the
    worked example."""
    thresholds = {
        "on_track": number(ON_TRACK_FROM * 100, lang=lang),
        "some": number(SOME_PROGRESS_FROM * 100, lang=lang),
    }
    return {"verdicts": VERDICTS, "thresholds": thresholds, "example": worked_example(indicators)}


#: The made-up indicator of the worked example when the plan has none to work through.
EXAMPLE = Indicator(
    id="eksempel",
    title="Arbeidsplasser (eksempel)",
    unit="antall",
    source="Eksempel",
    better="høyere",
    baseline=Point(year=2020, value=10000),
    target=Point(year=2030, value=12000),
    observations=[Observation(year=2024, value=10600)],
    illustrative=True,
)
