"""The editions (revisions) of the plan, the political decisions that adopted them and the public consultation
(«høring») of an edition, in ``plan/plan.yaml``."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field, StrictBool, model_validator
from pydantic_core import PydanticCustomError

from scripts.model.base import Model
from scripts.model.fields import COMMIT, Email, Markdown, PlanDate, SiteFile, Text, Url
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


class ConsultationDocument(Model):
    """Et høringsdokument: en lenke (url) eller en fil på nettstedet (file), ikke begge."""

    title: Text
    """Hva dokumentet heter, slik det skal stå i lenken, f.eks. «Utkast til handlingsprogram 2027 (PDF)»."""
    url: Url | None = None
    """Nettadressen til dokumentet."""
    file: SiteFile | None = None
    """Filen på nettstedet, regnet fra roten, f.eks. «pdf/naeringsplan.pdf»."""

    @model_validator(mode="after")
    def _one_place(self) -> ConsultationDocument:
        if (self.url is None) == (self.file is None):
            raise PydanticCustomError(
                "plan_rule",
                "{melding}",
                {"melding": "et høringsdokument må ha enten «url» (nettadresse) eller «file» (fil på nettstedet)"},
            )
        return self


class ConsultationResponse(Model):
    """Hvordan man sender innspill til høringen. Det som ikke er fylt inn, hentes fra planens kontakt («contact»)."""

    email: Email | None = None
    """E-postadressen innspillene sendes til."""
    address: Text | None = None
    """Postadressen innspillene kan sendes til, på én linje."""
    url: Url | None = None
    """Et skjema på nett for innspill."""
    text: Markdown | None = None
    """Det som ellers er viktig å vite, f.eks. at innspillene blir offentlige (Markdown)."""


class Consultation(Model):
    """Høringen av en utgave: fristen, dokumentene og hvordan man svarer."""

    deadline: dt.date
    """Høringsfristen (ÅÅÅÅ-MM-DD). Etter fristen sier nettstedet at fristen er ute."""
    documents: list[ConsultationDocument] = []
    """Høringsdokumentene: utkastet og det som hører til."""
    respond: ConsultationResponse | None = None
    """Hvordan man sender innspill. Uten dette: e-post, skjema og adresse fra planens kontakt («contact»)."""


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
    consultation: Consultation | None = None
    """Høringen: frist, dokumenter og hvordan man svarer. Skal fylles inn når «stage» er høring."""
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
