"""The models of ``plan/indikatorer.yaml``: the numbers that show whether the plan works, each with a baseline,
a target and the values measured (the rules that need more than one indicator are in scripts/validate/rules.py)."""

from __future__ import annotations

from datetime import date

from pydantic import StrictBool, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from scripts.model.base import Model
from scripts.model.english import IndicatorEnglish
from scripts.model.fields import Markdown, Slug, Text, Url, Year
from scripts.model.fixed import Direction


class Point(Model):
    """En verdi et bestemt år."""

    year: Year
    """Året verdien gjelder."""
    value: float
    """Verdien, i indikatorens enhet."""


class Observation(Model):
    """En måling av indikatoren."""

    year: Year
    """Året målingen gjelder."""
    value: float
    """Målt verdi, i indikatorens enhet."""
    preliminary: StrictBool = False
    """true når tallet er foreløpig og kan bli rettet (f.eks. SSBs foreløpige tall). Tallet vises som «foreløpig»
    i tabeller og som et åpent punkt i grafen, og en vurdering som bygger på det, sier at den gjør det."""
    note: Text | None = None
    """Merknad til målingen, f.eks. hva som er spesielt med tallet. Skriv ikke «foreløpig» her: bruk
    «preliminary: true»."""


class Indicator(Model):
    """Et tall som viser om planen virker."""

    id: Slug
    """Kort, varig id, f.eks. «sysselsatte»."""
    title: Text
    """Navnet på indikatoren."""
    description: Markdown | None = None
    """Hva indikatoren måler og hvorfor den er valgt (Markdown)."""
    unit: Text
    """Enheten verdiene står i, f.eks. «antall», «%» eller «kr»."""
    en: IndicatorEnglish | None = None
    """Engelsk oversettelse av tekstene over, med de samme nøklene (title, description, unit). Tekster som ikke er
    oversatt, vises på norsk i den engelske utgaven."""
    source: Text
    """Hvem tallene kommer fra, f.eks. «Statistisk sentralbyrå (SSB)»."""
    source_url: Url | None = None
    """Nettadressen til kilden, helst rett til tabellen."""
    source_table: Text | None = None
    """Tabellen eller serien tallene er hentet fra, f.eks. «tabell 07984: Sysselsatte etter arbeidssted»."""
    source_fetched: date | None = None
    """Datoen tallene sist ble hentet fra kilden (ÅÅÅÅ-MM-DD). Kan ikke være fra et tidligere år enn den
    siste målingen."""
    better: Direction
    """Retningen indikatoren skal gå: «høyere» når høyere verdier er bedre, «lavere» når lavere verdier er
    bedre. Avgjør hvilken vei fremdriften mot målverdien regnes (se «Slik vurderer vi fremdriften»)."""
    baseline: Point
    """Utgangsverdien: år og verdi da planen startet."""
    target: Point
    """Målverdien: år og verdi planen sikter mot. Må være lik eller bedre enn utgangsverdien i retningen
    «better» sier."""
    observations: list[Observation] = []
    """Målingene, ett år per linje, eldste først."""
    illustrative: StrictBool = False
    """true når indikatoren er et eksempel og ikke en del av den vedtatte planen."""

    @field_validator("target")
    @classmethod
    def _target_in_direction(cls, target: Point, info: ValidationInfo) -> Point:
        better, baseline = info.data.get("better"), info.data.get("baseline")
        if baseline is None or better is None:
            return target
        worse = target.value < baseline.value if better == "høyere" else target.value > baseline.value
        if worse:
            than = "lavere" if better == "høyere" else "høyere"
            raise PydanticCustomError(
                "plan_rule",
                "{melding}",
                {
                    "melding": f"målverdien ({_plain(target.value)}) er {than} enn utgangsverdien "
                    f"({_plain(baseline.value)}), men «better: {better}» sier at {better} verdier er bedre: "
                    "rett målverdien eller «better»"
                },
            )
        return target

    @model_validator(mode="after")
    def _fetched_after_last_observation(self) -> Indicator:
        if self.source_fetched is not None and self.observations:
            last = self.observations[-1].year
            if self.source_fetched.year < last:
                raise PydanticCustomError(
                    "plan_rule",
                    "{melding}",
                    {
                        "melding": f"«source_fetched» er {self.source_fetched.isoformat()}, men den siste målingen "
                        f"gjelder {last}: skriv datoen du hentet de nyeste tallene"
                    },
                )
        return self


def _plain(value: float) -> str:
    """A value as an editor wrote it: «90», «21.5»."""
    return str(int(value)) if value.is_integer() else str(value)


class IndicatorsFile(Model):
    """Indikatorene som følger med planen (plan/indikatorer.yaml)."""

    indicators: list[Indicator]
    """Indikatorene, hver med utgangsverdi, målverdi og målinger."""
