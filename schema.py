"""The data model of the plan: pydantic models for every file in ``plan/``.

Every field carries a Norwegian description (the attribute docstring); ``plan schema`` turns the models into
the JSON Schema that gives editors completion and hover help. Keys are English, everything a person reads is
Norwegian bokmål.

The models check each file on its own: types, required fields, allowed values, ``extra="forbid"``, and the
rules inside one item (an adopted revision has a decision, a period does not end before it starts). This module
holds the models of the vocabulary, the actors, the focus areas with their goals and measures, plan.yaml and the
whole plan; it is built from ``scripts/model``, whose modules import nothing from the project but each other:

* ``fields.py``: the types of single values (text, Markdown, dates, URLs, ids) with their patterns and Norwegian
  hints; ``fixed.py``: the vocabulary fixed in code (kinds of actor, stages, priorities, months);
* ``catalog.py``: the reference types (an actor, role type, status, indicator, municipality or measure), checked
  when a :class:`~scripts.model.catalog.Catalog` of the whole plan is passed as validation context;
* ``base.py`` (:class:`Model`), ``indicators.py`` (plan/indikatorer.yaml), ``revisions.py`` (the plan's editions
  and decisions) and ``licences.py`` (the licences the open data can have), all importable from here.

The rules that need several items or files at once (unique ids, ids that match their parent, exactly one lead
per measure, budget years inside the period, status updates in date order, replaced actors) are in
``scripts/validate/rules.py``; ``scripts/validate/validator.py`` runs models and rules over a plan folder and
reports every problem with its file and line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    Discriminator,
    Field,
    StrictBool,
    Tag,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from scripts.model.base import Model as Model
from scripts.model.catalog import ActorRef, IndicatorRef, MeasureRef, MunicipalityRef, RoleRef, StatusRef, TagRef
from scripts.model.english import ActorEnglish as ActorEnglish
from scripts.model.english import FocusAreaEnglish as FocusAreaEnglish
from scripts.model.english import GoalEnglish as GoalEnglish
from scripts.model.english import IndicatorEnglish as IndicatorEnglish
from scripts.model.english import MeasureEnglish as MeasureEnglish
from scripts.model.english import PlanEnglish as PlanEnglish
from scripts.model.english import StatusUpdateEnglish as StatusUpdateEnglish
from scripts.model.english import TagEnglish as TagEnglish
from scripts.model.english import VocabularyEnglish as VocabularyEnglish
from scripts.model.fields import (
    FOCUS_AREA_ID,
    GOAL_ID,
    HEX_COLOUR,
    MEASURE_ID,
    SLUG,
    Email,
    Markdown,
    Origin,
    Slug,
    Symbol,
    Text,
    Url,
    VocabId,
    Year,
)
from scripts.model.fields import NONBLANK as NONBLANK
from scripts.model.fields import URL as URL
from scripts.model.fixed import ALL_MUNICIPALITIES as ALL_MUNICIPALITIES
from scripts.model.fixed import MONTHS as MONTHS
from scripts.model.fixed import ActorKind as ActorKind
from scripts.model.fixed import Direction as Direction
from scripts.model.fixed import Loc as Loc
from scripts.model.fixed import Priority as Priority
from scripts.model.fixed import Stage as Stage
from scripts.model.indicators import Indicator as Indicator
from scripts.model.indicators import IndicatorsFile as IndicatorsFile
from scripts.model.indicators import Observation as Observation
from scripts.model.indicators import Point as Point
from scripts.model.licences import LICENCES as LICENCES
from scripts.model.licences import LicenceId
from scripts.model.milestones import Milestone as Milestone
from scripts.model.revisions import Consultation as Consultation
from scripts.model.revisions import ConsultationDocument as ConsultationDocument
from scripts.model.revisions import ConsultationResponse as ConsultationResponse
from scripts.model.revisions import Decision as Decision
from scripts.model.revisions import Revision as Revision

# --------------------------------------------------------------------------------------------------------
# plan/vocabulary.yaml
# --------------------------------------------------------------------------------------------------------


class RoleType(Model):
    """En rolle en aktør kan ha i et tiltak."""

    id: VocabId
    """Kort id som brukes i tiltakene, f.eks. «ansvarlig»."""
    label: Text
    """Navnet på rollen slik leseren ser det, f.eks. «Ansvarlig»."""
    description: Text
    """Hva rollen innebærer, i én eller to setninger."""
    en: VocabularyEnglish | None = None
    """Engelsk oversettelse av tekstene over, med de samme nøklene (label, description). Tekster som ikke er oversatt,
    vises på norsk i den engelske utgaven."""
    lead: StrictBool = False
    """true for rollen som leder tiltaket. Nøyaktig én rolletype er ledende, og hvert tiltak har nøyaktig
    én aktør med denne rollen."""
    order: int
    """Rekkefølge i tabeller og lister (lavest først)."""


class Status(Model):
    """En status et tiltak kan ha."""

    id: VocabId
    """Kort id som brukes i tiltakene, f.eks. «pågår»."""
    label: Text
    """Navnet på statusen slik leseren ser det, f.eks. «Pågår»."""
    description: Text
    """Hva statusen betyr."""
    en: VocabularyEnglish | None = None
    """Engelsk oversettelse av tekstene over, med de samme nøklene (label, description). Tekster som ikke er oversatt,
    vises på norsk i den engelske utgaven."""
    colour: Annotated[str, Field(pattern=HEX_COLOUR)]
    """Farge i diagrammer, som #RRGGBB. Fargen bærer aldri mening alene: teksten står alltid ved siden av."""
    symbol: Symbol | None = None
    """Tegnet som står foran statusen i merket på nettsidene, f.eks. «✓» for fullført. Tegnet og fargen hjelper
    leseren å se statusen raskt, men teksten står alltid ved siden av. Uten symbol brukes «●»."""
    done: StrictBool = False
    """true når tiltak med denne statusen regnes som gjennomført."""
    closed: StrictBool = False
    """true når tiltak med denne statusen er lagt bort uten å bli gjennomført, f.eks. «avsluttet»: de regnes
    verken som forsinket eller som ikke oppdatert."""
    order: int
    """Rekkefølge i tabeller og diagrammer (lavest først)."""


class Term(Model):
    """Et ord eller en forkortelse som forklares på siden «Ordforklaringer»."""

    id: Slug
    """Kort id med små bokstaver uten æ, ø og å, som blir ankeret på siden: «rullering» gir
    …/ordforklaringer/#rullering."""
    label: Text
    """Ordet slik leseren ser det: «Rullering», «GRIP og IPR»."""
    description: Text
    """Forklaringen i klart språk, i én til tre korte setninger."""
    en: VocabularyEnglish | None = None
    """Engelsk oversettelse av tekstene over, med de samme nøklene (label, description). Tekster som ikke er oversatt,
    vises på norsk i den engelske utgaven."""


class TagLabel(Model):
    """Et stikkord tiltakene kan ha, med teksten leserne ser."""

    id: Slug
    """Stikkordet slik det skrives i tiltakene (tags), med små bokstaver uten æ, ø og å: «gronn-omstilling»."""
    label: Text
    """Stikkordet slik leseren ser det, med æ, ø og å: «grønn omstilling»."""
    en: TagEnglish | None = None
    """Stikkordet på engelsk (label). Uten det vises det norske stikkordet i den engelske utgaven."""


class Vocabulary(Model):
    """Rolletyper, statuser, ordforklaringer og stikkord som planen bruker (plan/vocabulary.yaml)."""

    role_types: Annotated[list[RoleType], Field(min_length=1)]
    """Rollene en aktør kan ha i et tiltak: ansvarlig, samarbeidspartner, finansiør, pådriver."""
    statuses: Annotated[list[Status], Field(min_length=1)]
    """Statusene et tiltak kan ha: planlagt, pågår, fullført, utsatt, avsluttet."""
    terms: list[Term] = []
    """Ord og forkortelser som forklares på siden «Ordforklaringer», som rullering og handlingsprogram.
    Rollene og statusene over forklares der av seg selv."""
    tags: list[TagLabel] = []
    """Stikkordene tiltakene kan bruke, med teksten leserne ser. Når listen finnes, må hvert stikkord i et tiltak
    stå i den."""


# --------------------------------------------------------------------------------------------------------
# plan/actors.yaml
# --------------------------------------------------------------------------------------------------------


#: The weights of the modulus 11 check of an organisation number (Enhetsregisteret), digit by digit.
ORG_NUMBER_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)


def org_number_problem(text: str) -> str | None:
    """What is wrong with an organisation number (nine digits, the last a modulus 11 check digit), or None."""
    if len(text) != 9 or not text.isascii() or not text.isdigit():
        return f"organisasjonsnummeret skal være ni sifre, men er «{text}»: skriv det som 974760673"
    rest = sum(int(d) * w for d, w in zip(text, ORG_NUMBER_WEIGHTS, strict=False)) % 11
    check = 0 if rest == 0 else 11 - rest
    if check != int(text[8]):
        return (
            f"organisasjonsnummeret «{text}» finnes ikke (kontrollsifferet stemmer ikke): sjekk det i Enhetsregisteret"
        )
    return None


class Actor(Model):
    """En organisasjon som har en rolle i planen."""

    id: Slug
    """Kort, varig id som brukes i tiltakene og i nettadressen, f.eks. «nes-kommune»."""
    name: Text
    """Fullt navn, f.eks. «Nes kommune»."""
    short_name: Text | None = None
    """Kort navn til trange steder (diagrammer, smale kolonner), f.eks. «Nes». En forkortelse vises alltid
    sammen med det fulle navnet. Utelates når det fulle navnet er kort nok."""
    en: ActorEnglish | None = None
    """Aktørens navn på engelsk (name, short_name), der det finnes en engelsk form. Uten det vises det norske navnet i
    den engelske utgaven."""
    kind: ActorKind
    """Hva slags aktør: kommune, fylkeskommune, regionråd, næringsforening, innovasjonsselskap,
    prosjektledelse, statlig, næringsliv eller annet."""
    municipality: MunicipalityRef | None = None
    """Kommunen aktøren hører til (id-en til en aktør av typen kommune), f.eks. for en næringsforening."""
    url: Url | None = None
    """Aktørens nettsted."""
    org_number: str | None = None
    """Organisasjonsnummeret i Enhetsregisteret (ni sifre, f.eks. «974760673»). Fyll det bare inn når det er
    kontrollert i Enhetsregisteret (data.brreg.no): da står aktøren som utgiver med registerets adresse i
    beskrivelsen av de åpne dataene."""
    description: Markdown | None = None
    """Kort om aktøren og dens rolle i regionen (Markdown)."""
    active_from: date | None = None
    """Datoen aktøren ble opprettet, når den er relevant for planen (ÅÅÅÅ-MM-DD)."""
    active_to: date | None = None
    """Siste dag aktøren fantes (ÅÅÅÅ-MM-DD), f.eks. 2023-12-31 for Viken fylkeskommune."""
    replaced_by: ActorRef | None = None
    """Aktøren som tok over oppgavene (id), f.eks. «akershus-fylkeskommune». Krever «active_to»."""
    illustrative: StrictBool = False
    """true når aktøren er med som eksempel og ikke er bekreftet som deltaker i planen."""
    former_ids: list[Slug] = []
    """Id-er aktøren har hatt før, f.eks. «nes» når id-en er endret til «nes-kommune». Den gamle nettadressen
    sender leserne hit, og en gammel id i et tiltak får meldingen «endre til …»."""

    @field_validator("org_number", mode="before")
    @classmethod
    def _org_number(cls, value: Any) -> Any:
        if value is None:
            return None
        text = str(value).replace(" ", "")
        problem = org_number_problem(text)
        if problem:
            raise PydanticCustomError("plan_rule", "{melding}", {"melding": problem})
        return text

    @model_validator(mode="after")
    def _replacement_needs_end(self) -> Actor:
        if self.replaced_by is not None and self.active_to is None:
            raise PydanticCustomError(
                "plan_rule",
                "{melding}",
                {"melding": "«replaced_by» er satt, men «active_to» mangler: skriv siste dag aktøren fantes"},
            )
        if self.replaced_by == self.id:
            raise PydanticCustomError("plan_rule", "{melding}", {"melding": "en aktør kan ikke erstattes av seg selv"})
        return self


class ActorsFile(Model):
    """Alle aktørene i planen (plan/actors.yaml)."""

    actors: Annotated[list[Actor], Field(min_length=1)]
    """Organisasjonene som har en rolle i planen: kommunene, fylkeskommunen, regionrådet,
    næringsforeningene og andre."""


# --------------------------------------------------------------------------------------------------------
# plan/satsingsomrader/*.yaml: focus areas, goals, measures
# --------------------------------------------------------------------------------------------------------


class Period(Model):
    """Årene et tiltak varer."""

    start: Year
    """Første år, f.eks. 2021."""
    end: Year | None = None
    """Siste år, f.eks. 2024. Utelates for løpende tiltak."""

    @field_validator("end")
    @classmethod
    def _end_not_before_start(cls, end: int | None, info: ValidationInfo) -> int | None:
        start = info.data.get("start")
        if end is not None and isinstance(start, int) and end < start:
            raise PydanticCustomError(
                "plan_rule",
                "{melding}",
                {"melding": f"perioden slutter ({end}) før den begynner ({start}): bytt om «start» og «end»?"},
            )
        return end


class PlanPeriod(Period):
    """Årene planen gjelder for."""

    end: Year
    """Siste år planen gjelder for."""


class Role(Model):
    """Hvem som gjør hva i et tiltak."""

    actor: ActorRef
    """Aktørens id fra plan/actors.yaml, f.eks. «nes-kommune»."""
    role: RoleRef
    """Rollen fra plan/vocabulary.yaml: ansvarlig, samarbeidspartner, finansiør eller pådriver."""
    note: Text | None = None
    """Hva aktøren konkret bidrar med."""


class BudgetLine(Model):
    """Penger til et tiltak ett år fra én finansiør."""

    year: Year
    """Budsjettåret. Må ligge innenfor tiltakets periode."""
    amount: Annotated[int, Field(ge=0)]
    """Beløp i hele kroner, uten mellomrom eller punktum, f.eks. 250000."""
    funder: ActorRef
    """Aktøren som betaler (id fra plan/actors.yaml)."""
    secured: StrictBool
    """true når pengene er bevilget, false når de bare er planlagt."""
    note: Text | None = None
    """Merknad, f.eks. hva pengene går til."""


class StatusUpdate(Model):
    """En datert melding om hvordan tiltaket går."""

    date: dt.date
    """Datoen for oppdateringen (ÅÅÅÅ-MM-DD)."""
    status: StatusRef
    """Tiltakets status fra denne datoen."""
    text: Markdown
    """Hva som har skjedd (Markdown)."""
    en: StatusUpdateEnglish | None = None
    """Teksten på engelsk (text). Uten den vises den norske teksten i den engelske utgaven."""


class Link(Model):
    """En lenke til mer informasjon."""

    title: Text
    """Lenketeksten."""
    url: Url
    """Adressen, som begynner med https://."""


def _municipalities_kind(value: Any) -> str:
    return "alle" if isinstance(value, str) else "liste"


Municipalities = Annotated[
    Annotated[Literal["alle"], Tag("alle")] | Annotated[list[MunicipalityRef], Tag("liste")],
    Discriminator(_municipalities_kind),
]


def _no_default(field_schema: dict[str, Any]) -> None:
    """A computed value's placeholder default is not for editors to see."""
    field_schema.pop("default", None)


class Measure(Model):
    """Et tiltak i handlingsprogrammet."""

    id: Annotated[str, Field(pattern=MEASURE_ID)]
    """Tiltakets nummer: målets nummer og et løpenummer, f.eks. «1.2.3» under mål 1.2."""
    former_ids: list[Annotated[str, Field(pattern=MEASURE_ID)]] = []
    """Numre tiltaket har hatt før, f.eks. «1.3.3» når tiltak 1.3.3 er flyttet til mål 1.2 som 1.2.4. Den gamle
    nettadressen sender leserne hit, og nummeret kan ikke gis til et annet tiltak. «plan diff» foreslår linjen."""
    title: Text
    """Kort tittel som sier hva som skal gjøres."""
    description: Markdown
    """Hva tiltaket går ut på og hvorfor (Markdown)."""
    en: MeasureEnglish | None = None
    """Engelsk oversettelse av tekstene over, med de samme nøklene (title, description). Tekster som ikke er oversatt,
    vises på norsk i den engelske utgaven."""
    roles: Annotated[list[Role], Field(min_length=1)]
    """Hvem som gjør hva: nøyaktig én ansvarlig, og gjerne samarbeidspartnere, finansiører og pådrivere."""
    period: Period
    """Årene tiltaket varer."""
    status: Annotated[StatusRef, Field(json_schema_extra=_no_default)] = ""
    """Status nå: statusen i den nyeste statusoppdateringen, og før den første statusoppdateringen den første
    statusen i plan/vocabulary.yaml («planlagt»). I planfilene utelates feltet; står det likevel, må det si det
    samme som den nyeste statusoppdateringen."""
    priority: Priority | None = None
    """Prioritet: høy, middels eller lav."""
    budget: list[BudgetLine] = []
    """Budsjettposter: beløp per år og finansiør, bevilget eller planlagt."""
    status_updates: list[StatusUpdate] = []
    """Statusoppdateringer, eldste først."""
    milestones: list[Milestone] = []
    """Milepæler: hva som skal være nådd innen hvilken dato, eldste først. En milepæl som har passert uten å være
    nådd, gjør tiltaket forsinket."""
    municipalities: Municipalities
    """Kommunene tiltaket gjelder: «alle», eller en liste med kommunenes id-er."""
    indicators: list[IndicatorRef] = []
    """Indikatorer tiltaket skal påvirke (id-er fra plan/indikatorer.yaml)."""
    related: list[MeasureRef] = []
    """Tiltak som henger sammen med dette (nummer, f.eks. «2.1.1»)."""
    links: list[Link] = []
    """Lenker til mer informasjon."""
    tags: list[Annotated[TagRef, Field(pattern=SLUG)]] = []
    """Stikkord med små bokstaver, f.eks. «logistikk». Hvert stikkord må stå i listen «tags» i
    plan/vocabulary.yaml, med teksten leserne ser."""

    def newest_update(self) -> StatusUpdate | None:
        """The status update with the latest date; of several on that day, the one written last."""
        if not self.status_updates:
            return None
        return max(reversed(self.status_updates), key=lambda u: u.date)

    @model_validator(mode="after")
    def _status_from_updates(self, info: ValidationInfo) -> Measure:
        """Without a «status» line, the status is the newest update's, or before the first update the
        vocabulary's first status (from the catalog in the validation context). A status that is written is
        kept as it is: the rule that it agrees with the newest update is in scripts/validate/rules.py."""
        if "status" in self.model_fields_set:
            return self
        newest = self.newest_update()
        catalog = info.context.get("catalog") if isinstance(info.context, dict) else None
        status = newest.status if newest is not None else getattr(catalog, "start_status", None)
        if status is None and "status" in getattr(catalog, "unknown", ()):
            return self  # the vocabulary cannot be read: that one problem is reported, not one per measure
        if status is None:
            raise PydanticCustomError(
                "plan_rule",
                "{melding}",
                {"melding": "tiltaket har ingen statusoppdatering: legg til den første under «status_updates»"},
            )
        object.__setattr__(self, "status", status)  # the model is frozen; this is its construction
        return self


class Goal(Model):
    """Et mål under et satsingsområde."""

    id: Annotated[str, Field(pattern=GOAL_ID)]
    """Målets nummer: satsingsområdets nummer og et løpenummer, f.eks. «1.2»."""
    former_ids: list[Annotated[str, Field(pattern=GOAL_ID)]] = []
    """Numre målet har hatt før, f.eks. «1.3» når mål 1.3 har fått nummeret 1.2. Den gamle nettadressen sender
    leserne hit, og nummeret kan ikke gis til et annet mål."""
    title: Text
    """Målet, formulert kort."""
    description: Markdown | None = None
    """Utdyping av målet (Markdown)."""
    en: GoalEnglish | None = None
    """Engelsk oversettelse av tekstene over, med de samme nøklene (title, description). Tekster som ikke er oversatt,
    vises på norsk i den engelske utgaven."""
    indicators: list[IndicatorRef] = []
    """Indikatorer som viser om målet nås (id-er fra plan/indikatorer.yaml)."""
    measures: list[Measure] = []
    """Tiltakene som skal nå målet."""


class FocusArea(Model):
    """Et satsingsområde med mål og tiltak (én fil i plan/satsingsomrader/)."""

    id: Annotated[str, Field(pattern=FOCUS_AREA_ID)]
    """Satsingsområdets nummer, f.eks. «1»."""
    title: Text
    """Navnet på satsingsområdet."""
    summary: Text
    """Én setning om hva satsingsområdet handler om (vises på forsiden)."""
    description: Markdown
    """Beskrivelse av satsingsområdet (Markdown)."""
    en: FocusAreaEnglish | None = None
    """Engelsk oversettelse av tekstene over, med de samme nøklene (title, summary, description). Tekster som ikke er
    oversatt, vises på norsk i den engelske utgaven."""
    illustrative: StrictBool = False
    """true når satsingsområdet, med mål og tiltak, er et eksempel og ikke den vedtatte teksten."""
    goals: Annotated[list[Goal], Field(min_length=1)]
    """Målene under satsingsområdet."""


# --------------------------------------------------------------------------------------------------------
# plan/plan.yaml (its revisions and their decisions: scripts/model/revisions.py)
# --------------------------------------------------------------------------------------------------------


class Contact(Model):
    """Hvem leserne kan kontakte om planen og nettstedet: vises i bunnteksten på hver side og i
    tilgjengelighetserklæringen, og står som kontaktpunkt i beskrivelsen av de åpne dataene."""

    name: Text
    """Hvem som svarer, f.eks. «Sekretariatet i Gardermoregionen IPR»."""
    email: Email | None = None
    """E-postadressen, f.eks. «post@eksempel.no»."""
    phone: Text | None = None
    """Telefonnummeret, slik det skal vises, f.eks. «+47 12 34 56 78»."""
    address: Text | None = None
    """Postadressen på én linje, f.eks. «Postboks 1, 2050 Jessheim»."""
    url: Url | None = None
    """Nettsiden med kontaktinformasjon."""
    feedback_url: Url | None = None
    """Et skjema på nett for innspill. Når det er satt, går «Gi innspill» på hvert tiltak dit, ikke til e-post."""
    illustrative: StrictBool = False
    """true når e-post, telefon og adresse er eksempler og ikke er bestemt ennå; nettstedet og de åpne dataene sier
    det der de står."""

    @model_validator(mode="after")
    def _reachable(self) -> Contact:
        if self.email is None and self.url is None and self.phone is None:
            raise PydanticCustomError(
                "contact_unreachable",
                "kontakten må ha minst én vei å nå den: «email», «phone» eller «url»",
            )
        return self


class Embed(Model):
    """Innbyggingen av planen på andre nettsteder: sidene under embed/ som kommunene kan vise i en ramme (iframe)."""

    allowed_domains: list[Origin] = []
    """Nettstedene som får vise innbyggingssidene i en ramme, som «https://www.nes.kommune.no» (https, uten sti).
    Står i _headers som «frame-ancestors» for vertene som leser den filen; GitHub Pages sender ingen slike hoder."""
    illustrative: StrictBool = False
    """true når domenene er eksempler og ikke er bekreftet av kommunene ennå."""


class PlanInfo(Model):
    """Planen selv: tittel, periode, visjon og utgaver (plan/plan.yaml)."""

    title: Text
    """Planens fulle tittel."""
    short_title: Text
    """Kort tittel til topptekster, f.eks. «Næringsplanen»."""
    region: Text
    """Regionen planen gjelder, f.eks. «Gardermoregionen»."""
    period: PlanPeriod
    """Årene planen gjelder for."""
    vision: Text
    """Visjonen, i én setning."""
    summary: Markdown
    """Sammendrag av planen (Markdown)."""
    owner: ActorRef
    """Aktøren som eier planen (id), f.eks. «gardermoregionen-ipr»."""
    sdg: list[Annotated[int, Field(ge=1, le=17)]] = []
    """FNs bærekraftsmål planen bygger på, som tall fra 1 til 17."""
    content_notice: Text | None = None
    """Merknad som vises der innhold er merket «illustrative: true», f.eks. at teksten er et eksempel."""
    en: PlanEnglish | None = None
    """Engelsk oversettelse av tekstene over, med de samme nøklene (title, short_title, region, vision, summary,
    content_notice). Tekster som ikke er oversatt, vises på norsk i den engelske utgaven."""
    contact: Contact | None = None
    """Hvem leserne kan kontakte om planen. Uten den vises eieren av planen og nettstedet til eieren."""
    licence: LicenceId = "CC-BY-4.0"
    """Lisensen de åpne dataene publiseres under: «CC-BY-4.0» (Creative Commons Navngivelse 4.0) eller
    «NLOD-2.0» (Norsk lisens for offentlige data)."""
    stale_after_months: Annotated[int, Field(ge=1, le=60)] = 6
    """Hvor mange måneder et tiltak kan gå uten statusoppdatering før det regnes som «ikke oppdatert», regnet fra
    datoen planens status gjelder per (den nyeste statusoppdateringen i planen)."""
    embed: Embed | None = None
    """Hvilke nettsteder som får vise planens innbyggingssider (for kommunenes egne nettsider) i en ramme."""
    revisions: Annotated[list[Revision], Field(min_length=1)]
    """Utgavene (rulleringene) av planen med vedtakene sine, eldste først."""


# --------------------------------------------------------------------------------------------------------
# The whole plan
# --------------------------------------------------------------------------------------------------------


class Plan(Model):
    """Hele planen, satt sammen av filene i plan/. Dette er formen på data/plan.json."""

    plan: PlanInfo
    """Innholdet i plan/plan.yaml."""
    vocabulary: Vocabulary
    """Innholdet i plan/vocabulary.yaml."""
    actors: list[Actor]
    """Aktørene fra plan/actors.yaml."""
    indicators: list[Indicator]
    """Indikatorene fra plan/indikatorer.yaml."""
    focus_areas: list[FocusArea]
    """Satsingsområdene fra plan/satsingsomrader/, sortert etter nummer."""

    def measures(self) -> Iterator[tuple[FocusArea, Goal, Measure]]:
        for fa in self.focus_areas:
            for goal in fa.goals:
                for measure in goal.measures:
                    yield fa, goal, measure


#: The model of each file kind, by its key in the Plan.
FILE_MODELS: dict[str, type[Model]] = {
    "plan": PlanInfo,
    "vocabulary": Vocabulary,
    "actors": ActorsFile,
    "indicators": IndicatorsFile,
    "focus_area": FocusArea,
}
