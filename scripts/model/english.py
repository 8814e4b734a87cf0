"""The English translations of the plan's texts: the ``en:`` mapping a translatable object carries beside its
Norwegian fields, with the same keys as those fields and only the texts that are translated.

One model per kind of object; every field is optional (a text without translation is shown in Norwegian in the
English edition, see ``scripts/present/i18n.localized``), none may be empty, and an unknown key is an error like
everywhere else (its message lists the keys allowed). :func:`translatable` names the Norwegian fields a
kind translates: ``plan validate`` counts those with a Norwegian text and no English one
(``scripts/validate/translations.py``).
"""

from __future__ import annotations

from typing import ClassVar

from scripts.model.base import Model
from scripts.model.fields import Markdown, Text


class PlanEnglish(Model):
    """Engelsk oversettelse av planens tekster i plan/plan.yaml. Bare tekstene som er oversatt, står her; resten
    vises på norsk i den engelske utgaven."""

    title: Text | None = None
    """Planens fulle tittel på engelsk, f.eks. «Strategic Business Plan, Gardermoen Region»."""
    short_title: Text | None = None
    """Kort tittel på engelsk, til topptekster, f.eks. «Business Plan»."""
    region: Text | None = None
    """Regionens navn på engelsk, f.eks. «Gardermoen Region»."""
    vision: Text | None = None
    """Visjonen på engelsk, i én setning."""
    summary: Markdown | None = None
    """Sammendraget på engelsk (Markdown)."""
    content_notice: Text | None = None
    """Merknaden om eksempelinnhold på engelsk."""


class FocusAreaEnglish(Model):
    """Engelsk oversettelse av satsingsområdets tekster. Bare tekstene som er oversatt, står her."""

    title: Text | None = None
    """Navnet på satsingsområdet på engelsk."""
    summary: Text | None = None
    """Setningen om satsingsområdet på engelsk (vises på den engelske forsiden)."""
    description: Markdown | None = None
    """Beskrivelsen av satsingsområdet på engelsk (Markdown)."""


class GoalEnglish(Model):
    """Engelsk oversettelse av målets tekster. Bare tekstene som er oversatt, står her."""

    title: Text | None = None
    """Målet på engelsk."""
    description: Markdown | None = None
    """Utdypingen av målet på engelsk (Markdown)."""


class MeasureEnglish(Model):
    """Engelsk oversettelse av tiltakets tekster. Bare tekstene som er oversatt, står her."""

    title: Text | None = None
    """Tiltakets tittel på engelsk, f.eks. «Business-friendly municipalities»."""
    description: Markdown | None = None
    """Hva tiltaket går ut på og hvorfor, på engelsk (Markdown)."""


class StatusUpdateEnglish(Model):
    """Engelsk oversettelse av statusoppdateringen."""

    #: Status updates are the leads' reports, written in Norwegian twice a year (the status round has no English
    #: column): a translation is welcome but not counted as missing, so a plan whose other texts are all in
    #: English validates without warnings.
    counted: ClassVar[bool] = False

    text: Markdown | None = None
    """Hva som har skjedd, på engelsk (Markdown)."""


class ActorEnglish(Model):
    """Aktørens navn på engelsk, der det finnes en engelsk form. Et navn uten engelsk form vises på norsk."""

    name: Text | None = None
    """Fullt navn på engelsk, f.eks. «Akershus County Council»."""
    short_name: Text | None = None
    """Kort navn på engelsk, til trange steder."""


class IndicatorEnglish(Model):
    """Engelsk oversettelse av indikatorens tekster. Bare tekstene som er oversatt, står her."""

    title: Text | None = None
    """Navnet på indikatoren på engelsk, f.eks. «Employed persons»."""
    description: Markdown | None = None
    """Hva indikatoren måler og hvorfor, på engelsk (Markdown)."""
    unit: Text | None = None
    """Enheten på engelsk, f.eks. «number» for «antall»."""


class VocabularyEnglish(Model):
    """Engelsk oversettelse av en rolle, en status eller en ordforklaring i plan/vocabulary.yaml."""

    label: Text | None = None
    """Navnet slik den engelske leseren ser det, f.eks. «In progress» for «Pågår»."""
    description: Text | None = None
    """Forklaringen på engelsk."""


class TagEnglish(Model):
    """Stikkordet på engelsk."""

    label: Text | None = None
    """Stikkordet slik den engelske leseren ser det, f.eks. «green transition»."""


def translatable(english: type[Model]) -> tuple[str, ...]:
    """The keys an ``en:`` block of this kind may hold (the Norwegian fields it translates)."""
    return tuple(english.model_fields)
