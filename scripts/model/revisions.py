"""The editions (revisions) of the plan and the political decisions that adopted them, in ``plan/plan.yaml``."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StrictBool, model_validator
from pydantic_core import PydanticCustomError

from scripts.model.base import Model
from scripts.model.fields import COMMIT, Markdown, PlanDate, Text, Url
from scripts.model.fixed import Stage


class Decision(Model):
    """Et politisk vedtak."""

    body: Text
    """Vedtaksorganet, f.eks. «Styret i Gardermoregionen IPR»."""
    date: PlanDate
    """Datoen for vedtaket (ÅÅÅÅ-MM-DD), eller ÅÅÅÅ-MM når bare måneden er kjent."""
    case_number: Text | None = None
    """Saksnummeret, f.eks. «21/00123»."""
    url: Url | None = None
    """Lenke til vedtaket eller møteprotokollen."""
    text: Markdown | None = None
    """Vedtaksteksten eller et sammendrag av den (Markdown)."""


class Revision(Model):
    """En utgave (rullering) av planen."""

    version: Text
    """Versjonsnummer, f.eks. «2.0». Må være unikt."""
    title: Text
    """Hva utgaven heter, f.eks. «Handlingsprogram 2021»."""
    date: PlanDate
    """Datoen utgaven gjelder fra (ÅÅÅÅ-MM-DD), eller ÅÅÅÅ-MM når bare måneden er kjent."""
    stage: Stage
    """Hvor langt utgaven har kommet: utkast, høring eller vedtatt."""
    changes: Markdown
    """Hva som er endret fra forrige utgave (Markdown)."""
    decision: Decision | None = None
    """Vedtaket. Påkrevd når «stage» er vedtatt."""
    illustrative: StrictBool = False
    """true når utgaven er et eksempel og ikke har skjedd."""
    reconstructed: StrictBool = False
    """true når planen i utgavens «commit» er gjenskapt i ettertid og ikke er den vedtatte teksten selv; nettstedet
    og PDF-en av utgaven merker den «rekonstruert»."""
    commit: Annotated[str, Field(pattern=COMMIT)] | None = None
    """Git-commiten (40 tegn) der planen ligger slik den ble vedtatt; nettstedet lager PDF-en av utgaven derfra."""

    @model_validator(mode="after")
    def _adopted_needs_decision(self) -> Revision:
        if self.stage == "vedtatt" and self.decision is None:
            raise PydanticCustomError(
                "plan_rule",
                "{melding}",
                {"melding": "en vedtatt rullering må ha «decision» med vedtaksorgan (body) og dato (date)"},
            )
        return self
