"""The data model of the plan: pydantic models for every file in ``plan/`` and the rules that span files.

Every field carries a Norwegian description (the attribute docstring); ``plan schema`` turns the models into
the JSON Schema that gives editors completion and hover help. Keys are English, everything a person reads is
Norwegian bokmål.

Validation happens in two layers:

* the models check each file on its own (types, required fields, allowed values, ``extra="forbid"``) and,
  when a :class:`Catalog` of the whole plan is passed as validation context, every reference to an actor,
  role type, status, indicator, municipality or measure;
* the rule functions at the end of this module (:func:`measure_problems`, :func:`id_problems`, ...) check what
  needs several items at once: unique ids, ids that match their parent, exactly one lead per measure, budget
  years inside the period, status updates in date order, replaced actors.

``scripts/validate.py`` runs both layers over a plan folder and reports every problem with its file and line.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StrictBool,
    Tag,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

# --------------------------------------------------------------------------------------------------------
# Vocabulary that is fixed in code (what can vary per plan lives in plan/vocabulary.yaml)
# --------------------------------------------------------------------------------------------------------

ActorKind = Literal[
    "kommune",
    "fylkeskommune",
    "regionråd",
    "næringsforening",
    "innovasjonsselskap",
    "prosjektledelse",
    "statlig",
    "næringsliv",
    "annet",
]
Stage = Literal["utkast", "høring", "vedtatt"]
Priority = Literal["høy", "middels", "lav"]
Direction = Literal["høyere", "lavere"]

ALL_MUNICIPALITIES = "alle"
MONTHS = (
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
)

MEASURE_ID = r"^[1-9][0-9]*\.[1-9][0-9]*\.[1-9][0-9]*$"
GOAL_ID = r"^[1-9][0-9]*\.[1-9][0-9]*$"
FOCUS_AREA_ID = r"^[1-9][0-9]*$"
SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
VOCAB_ID = r"^[a-zæøå]+(-[a-zæøå]+)*$"
PLAN_DATE = r"^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$"
URL = r"^(https?://[^\s/]+\S*|mailto:\S+@\S+)$"
HEX_COLOUR = r"^#[0-9a-fA-F]{6}$"
NONBLANK = r"\S"

#: Norwegian explanation of each pattern, used in error messages.
PATTERN_HINTS: dict[str, str] = {
    MEASURE_ID: "tre tall med punktum mellom, som «1.2.3» (satsingsområde.mål.tiltak)",
    GOAL_ID: "to tall med punktum mellom, som «1.2» (satsingsområde.mål)",
    FOCUS_AREA_ID: "et helt tall fra 1 og oppover, som «3»",
    SLUG: "små bokstaver a–z, sifre og bindestrek, som «nes-kommune» eller «gronn-omstilling» (æ, ø, å blir ae, o, a)",
    VOCAB_ID: "små bokstaver og bindestrek, som «pågår»",
    PLAN_DATE: "en dato som ÅÅÅÅ-MM-DD (2021-04-23), eller ÅÅÅÅ-MM (2020-01) når dagen ikke er kjent",
    URL: "en fullstendig nettadresse som begynner med https://, eller mailto:",
    HEX_COLOUR: "en farge som #RRGGBB, f.eks. «#1a5e9a»",
    NONBLANK: "tekst som ikke er tom",
}


class Model(BaseModel):
    """Base of every model: unknown keys are errors, descriptions come from attribute docstrings."""

    model_config = ConfigDict(
        extra="forbid",
        use_attribute_docstrings=True,
        populate_by_name=False,
        str_strip_whitespace=False,
        frozen=True,
        allow_inf_nan=False,
    )


#: Characters that are invisible in an editor but change what a reader sees (the bidirectional embeddings,
#: overrides and isolates of «Trojan source») or are control characters with no place in a text. Tab and
#: line break are allowed; every other C0 control, DEL and the C1 controls are not.
INVISIBLE = {
    "\u0000": "nulltegn",
    "\u000d": "vognretur",
    "\u001b": "escape",
    "\u007f": "slettetegn",
    "\u202a": "retningsinnbygging venstre-til-høyre",
    "\u202b": "retningsinnbygging høyre-til-venstre",
    "\u202c": "slutt på retningsformatering",
    "\u202d": "retningsoverstyring venstre-til-høyre",
    "\u202e": "retningsoverstyring høyre-til-venstre",
    "\u2066": "retningsisolering venstre-til-høyre",
    "\u2067": "retningsisolering høyre-til-venstre",
    "\u2068": "første sterke retningsisolering",
    "\u2069": "slutt på retningsisolering",
}
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _visible(value: str) -> str:
    """Refuse the characters of :data:`INVISIBLE` (and the other control characters), naming the first one
    and the text before it, since the editor cannot see it."""
    found = _INVISIBLE.search(value)
    if found is None:
        return value
    char = found.group()
    before = " ".join(_INVISIBLE.sub("", value[: found.start()]).split())
    where = f"etter «{'…' + before[-30:] if len(before) > 30 else before}»" if before else "helt først"
    name = INVISIBLE.get(char, "kontrolltegn")
    raise PydanticCustomError(
        "plan_rule",
        "{melding}",
        {"melding": f"teksten inneholder et usynlig styretegn (U+{ord(char):04X}, {name}) {where}: fjern det"},
    )


Visible = AfterValidator(_visible)
Text = Annotated[str, Field(min_length=1, pattern=NONBLANK), Visible]
Markdown = Annotated[
    str,
    Field(min_length=1, pattern=NONBLANK, json_schema_extra={"contentMediaType": "text/markdown"}),
    Visible,
]
Year = Annotated[int, Field(ge=1990, le=2100)]
Url = Annotated[str, Field(pattern=URL), Visible]
Slug = Annotated[str, Field(pattern=SLUG, max_length=60)]
VocabId = Annotated[str, Field(pattern=VOCAB_ID, max_length=40)]


def _real_date(value: str) -> str:
    """Check that a YYYY-MM or YYYY-MM-DD text is a date that exists in the calendar."""
    parts = [int(p) for p in value.split("-")]
    year, month = parts[0], parts[1]
    if not 1 <= month <= 12:
        raise PydanticCustomError("plan_rule", "{melding}", {"melding": f"måned {month} finnes ikke"})
    if len(parts) == 3 and not 1 <= parts[2] <= calendar.monthrange(year, month)[1]:
        raise PydanticCustomError("plan_rule", "{melding}", {"melding": f"datoen {value} finnes ikke i kalenderen"})
    return value


PlanDate = Annotated[str, Field(pattern=PLAN_DATE), AfterValidator(_real_date)]


# --------------------------------------------------------------------------------------------------------
# The catalog: what the whole plan defines, so that references in one file can be checked against another
# --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActorInfo:
    id: str
    name: str
    kind: str
    short_name: str | None = None
    active_from: date | None = None
    active_to: date | None = None
    replaced_by: str | None = None


@dataclass
class Catalog:
    """The ids that the plan defines. Built from the raw files before validation (best effort), so that
    references are checked even in files that have other errors."""

    actors: dict[str, ActorInfo] = field(default_factory=dict)
    role_types: dict[str, bool] = field(default_factory=dict)  # id -> is the lead role
    statuses: list[str] = field(default_factory=list)
    indicators: list[str] = field(default_factory=list)
    measures: list[str] = field(default_factory=list)
    plan_end: int | None = None
    #: The kinds of reference that cannot be checked because the file that defines them could not be read;
    #: checking them would only repeat that one problem at every reference.
    unknown: set[str] = field(default_factory=set)

    @property
    def municipalities(self) -> list[str]:
        return [a.id for a in self.actors.values() if a.kind == "kommune"]

    @property
    def lead_roles(self) -> list[str]:
        return [r for r, lead in self.role_types.items() if lead]

    @classmethod
    def from_raw(
        cls,
        plan: Any = None,
        vocabulary: Any = None,
        actors: Any = None,
        indicators: Any = None,
        focus_areas: Iterable[Any] = (),
    ) -> Catalog:
        """Collect ids from loaded but not yet validated files; whatever has the wrong shape is skipped."""
        cat = cls()
        for kind, container, key in [
            ("actor", actors, "actors"),
            ("role", vocabulary, "role_types"),
            ("status", vocabulary, "statuses"),
            ("indicator", indicators, "indicators"),
        ]:
            if not (isinstance(container, Mapping) and isinstance(container.get(key), list)):
                cat.unknown.add(kind)
        for raw in _items(actors, "actors"):
            if isinstance(raw.get("id"), str):
                replaced = raw.get("replaced_by")
                cat.actors[raw["id"]] = ActorInfo(
                    id=raw["id"],
                    name=str(raw.get("name") or raw["id"]),
                    kind=str(raw.get("kind")),
                    short_name=raw["short_name"] if isinstance(raw.get("short_name"), str) else None,
                    active_from=_iso_date(raw.get("active_from")),
                    active_to=_iso_date(raw.get("active_to")),
                    replaced_by=replaced if isinstance(replaced, str) else None,
                )
        for raw in _items(vocabulary, "role_types"):
            if isinstance(raw.get("id"), str):
                cat.role_types[raw["id"]] = raw.get("lead") is True
        cat.statuses = [r["id"] for r in _items(vocabulary, "statuses") if isinstance(r.get("id"), str)]
        cat.indicators = [r["id"] for r in _items(indicators, "indicators") if isinstance(r.get("id"), str)]
        for fa in focus_areas:
            for goal in _items(fa, "goals"):
                cat.measures += [m["id"] for m in _items(goal, "measures") if isinstance(m.get("id"), str)]
        if isinstance(plan, Mapping) and isinstance(plan.get("period"), Mapping):
            end_year = plan["period"].get("end")
            cat.plan_end = end_year if isinstance(end_year, int) else None
        return cat

    @classmethod
    def from_plan(cls, plan: Plan) -> Catalog:
        return cls.from_raw(
            plan.plan.model_dump(mode="json"),
            plan.vocabulary.model_dump(mode="json"),
            {"actors": [a.model_dump(mode="json") for a in plan.actors]},
            {"indicators": [i.model_dump(mode="json") for i in plan.indicators]},
            [fa.model_dump(mode="json") for fa in plan.focus_areas],
        )

    def _names(self, ids: Iterable[str]) -> dict[str, str]:
        """Full and short names of actors, pointing to their ids: editors often write the name."""
        names: dict[str, str] = {}
        for ident in ids:
            actor = self.actors[ident]
            names[actor.name] = ident
            if actor.short_name:
                names[actor.short_name] = ident
        return names

    # -- reference checks; each returns a Norwegian message, or None when the reference is fine ---------

    def actor_problem(self, value: str) -> str | None:
        if "actor" in self.unknown:
            return None
        if value in self.actors:
            return None
        names = self._names(a.id for a in self.actors.values())
        return f"ukjent aktør «{value}»" + suggest(value, list(self.actors), names)

    def municipality_problem(self, value: str) -> str | None:
        if "actor" in self.unknown:
            return None
        municipalities = self.municipalities
        if value in municipalities:
            return None
        names = self._names(municipalities)
        if value in self.actors:
            return f"«{value}» er en aktør, men ikke en kommune – tillatt: {_listing(municipalities)}"
        return f"ukjent kommune «{value}»" + suggest(value, municipalities, names, show_allowed=True)

    def role_problem(self, value: str) -> str | None:
        if "role" in self.unknown:
            return None
        if value in self.role_types:
            return None
        return f"ukjent rolle «{value}»" + suggest(value, list(self.role_types), show_allowed=True)

    def status_problem(self, value: str) -> str | None:
        if "status" in self.unknown:
            return None
        if value in self.statuses:
            return None
        return f"ukjent status «{value}»" + suggest(value, self.statuses, show_allowed=True)

    def indicator_problem(self, value: str) -> str | None:
        if "indicator" in self.unknown:
            return None
        if value in self.indicators:
            return None
        return f"ukjent indikator «{value}»" + suggest(value, self.indicators) + " (se plan/indikatorer.yaml)"

    def measure_problem(self, value: str) -> str | None:
        if "measure" in self.unknown:
            return None
        if value in self.measures:
            return None
        return f"ukjent tiltak «{value}»" + suggest(value, self.measures)


def _iso_date(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _items(container: Any, key: str) -> Iterator[Mapping[str, Any]]:
    """The mappings in container[key], skipping anything of the wrong shape."""
    if isinstance(container, Mapping) and isinstance(container.get(key), list):
        yield from (item for item in container[key] if isinstance(item, Mapping))


def _fold(text: str) -> str:
    """Lower case without accents, æ/ø/å spelled out, spaces as hyphens: for comparing what editors type."""
    text = text.strip().lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[\s_]+", "-", text)


def _listing(values: Sequence[str]) -> str:
    return ", ".join(values) if values else "(ingen er definert)"


def suggest(
    value: str,
    candidates: Sequence[str],
    names: Mapping[str, str] | None = None,
    *,
    show_allowed: bool = False,
) -> str:
    """« – mente du «x»?» for the closest candidate, if any is close; optionally the allowed values."""
    folded = {_fold(c): c for c in candidates}
    for name, ident in (names or {}).items():
        folded.setdefault(_fold(name), ident)
    best: str | None = folded.get(_fold(value))
    if best is None and len(_fold(value)) >= 4:
        containing = {c for f, c in folded.items() if _fold(value) in f}
        best = containing.pop() if len(containing) == 1 else None
    if best is None:
        close = difflib.get_close_matches(_fold(value), list(folded), n=1, cutoff=0.6)
        best = folded[close[0]] if close else None
    text = f" – mente du «{best}»?" if best else ""
    if show_allowed:
        text += f" Tillatt: {_listing(candidates)}." if best else f" – tillatt: {_listing(candidates)}"
    return text


def _catalog(info: ValidationInfo) -> Catalog | None:
    context = info.context
    catalog = context.get("catalog") if isinstance(context, Mapping) else None
    return catalog if isinstance(catalog, Catalog) else None


def _reference(check: Callable[[Catalog, str], str | None]) -> AfterValidator:
    """A validator that looks a reference up in the catalog passed as validation context."""

    def validate(value: str, info: ValidationInfo) -> str:
        catalog = _catalog(info)
        problem = check(catalog, value) if catalog is not None else None
        if problem:
            raise PydanticCustomError("reference", "{melding}", {"melding": problem})
        return value

    return AfterValidator(validate)


ActorRef = Annotated[str, Field(min_length=1), _reference(Catalog.actor_problem)]
MunicipalityRef = Annotated[str, Field(min_length=1), _reference(Catalog.municipality_problem)]
RoleRef = Annotated[str, Field(min_length=1), _reference(Catalog.role_problem)]
StatusRef = Annotated[str, Field(min_length=1), _reference(Catalog.status_problem)]
IndicatorRef = Annotated[str, Field(min_length=1), _reference(Catalog.indicator_problem)]
MeasureRef = Annotated[str, Field(min_length=1), _reference(Catalog.measure_problem)]


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
    colour: Annotated[str, Field(pattern=HEX_COLOUR)]
    """Farge i diagrammer, som #RRGGBB. Fargen bærer aldri mening alene: teksten står alltid ved siden av."""
    done: StrictBool = False
    """true når tiltak med denne statusen regnes som gjennomført."""
    order: int
    """Rekkefølge i tabeller og diagrammer (lavest først)."""


class Vocabulary(Model):
    """Rolletyper og statuser som tiltakene kan bruke (plan/vocabulary.yaml)."""

    role_types: Annotated[list[RoleType], Field(min_length=1)]
    """Rollene en aktør kan ha i et tiltak: ansvarlig, samarbeidspartner, finansiør, pådriver."""
    statuses: Annotated[list[Status], Field(min_length=1)]
    """Statusene et tiltak kan ha: planlagt, pågår, fullført, utsatt, avsluttet."""


# --------------------------------------------------------------------------------------------------------
# plan/actors.yaml
# --------------------------------------------------------------------------------------------------------


class Actor(Model):
    """En organisasjon som har en rolle i planen."""

    id: Slug
    """Kort, varig id som brukes i tiltakene og i nettadressen, f.eks. «nes-kommune»."""
    name: Text
    """Fullt navn, f.eks. «Nes kommune»."""
    short_name: Text | None = None
    """Kort navn til tabeller, f.eks. «Nes». Utelates når det fulle navnet er kort nok."""
    kind: ActorKind
    """Hva slags aktør: kommune, fylkeskommune, regionråd, næringsforening, innovasjonsselskap,
    prosjektledelse, statlig, næringsliv eller annet."""
    municipality: MunicipalityRef | None = None
    """Kommunen aktøren hører til (id-en til en aktør av typen kommune), f.eks. for en næringsforening."""
    url: Url | None = None
    """Aktørens nettsted."""
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
# plan/indikatorer.yaml
# --------------------------------------------------------------------------------------------------------


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
    note: Text | None = None
    """Merknad til målingen, f.eks. om tallet er foreløpig."""


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
    source: Text
    """Hvor tallene kommer fra, f.eks. «SSB, tabell 07984»."""
    source_url: Url | None = None
    """Nettadressen til kilden."""
    better: Direction
    """«høyere» når høyere verdier er bedre, «lavere» når lavere verdier er bedre."""
    baseline: Point
    """Utgangsverdien: år og verdi da planen startet."""
    target: Point
    """Målverdien: år og verdi planen sikter mot."""
    observations: list[Observation] = []
    """Målingene, ett år per linje, eldste først."""
    illustrative: StrictBool = False
    """true når indikatoren er et eksempel og ikke en del av den vedtatte planen."""


class IndicatorsFile(Model):
    """Indikatorene som følger med planen (plan/indikatorer.yaml)."""

    indicators: list[Indicator]
    """Indikatorene, hver med utgangsverdi, målverdi og målinger."""


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


class Measure(Model):
    """Et tiltak i handlingsprogrammet."""

    id: Annotated[str, Field(pattern=MEASURE_ID)]
    """Tiltakets nummer: målets nummer og et løpenummer, f.eks. «1.2.3» under mål 1.2."""
    title: Text
    """Kort tittel som sier hva som skal gjøres."""
    description: Markdown
    """Hva tiltaket går ut på og hvorfor (Markdown)."""
    roles: Annotated[list[Role], Field(min_length=1)]
    """Hvem som gjør hva: nøyaktig én ansvarlig, og gjerne samarbeidspartnere, finansiører og pådrivere."""
    period: Period
    """Årene tiltaket varer."""
    status: StatusRef
    """Status nå. Når tiltaket har statusoppdateringer, er dette statusen i den siste."""
    priority: Priority | None = None
    """Prioritet: høy, middels eller lav."""
    budget: list[BudgetLine] = []
    """Budsjettposter: beløp per år og finansiør, bevilget eller planlagt."""
    status_updates: list[StatusUpdate] = []
    """Statusoppdateringer, eldste først."""
    municipalities: Municipalities
    """Kommunene tiltaket gjelder: «alle», eller en liste med kommunenes id-er."""
    indicators: list[IndicatorRef] = []
    """Indikatorer tiltaket skal påvirke (id-er fra plan/indikatorer.yaml)."""
    related: list[MeasureRef] = []
    """Tiltak som henger sammen med dette (nummer, f.eks. «2.1.1»)."""
    links: list[Link] = []
    """Lenker til mer informasjon."""
    tags: list[Annotated[str, Field(pattern=SLUG)]] = []
    """Stikkord med små bokstaver, f.eks. «logistikk»."""


class Goal(Model):
    """Et mål under et satsingsområde."""

    id: Annotated[str, Field(pattern=GOAL_ID)]
    """Målets nummer: satsingsområdets nummer og et løpenummer, f.eks. «1.2»."""
    title: Text
    """Målet, formulert kort."""
    description: Markdown | None = None
    """Utdyping av målet (Markdown)."""
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
    illustrative: StrictBool = False
    """true når satsingsområdet, med mål og tiltak, er et eksempel og ikke den vedtatte teksten."""
    goals: Annotated[list[Goal], Field(min_length=1)]
    """Målene under satsingsområdet."""


# --------------------------------------------------------------------------------------------------------
# plan/plan.yaml
# --------------------------------------------------------------------------------------------------------


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

    @model_validator(mode="after")
    def _adopted_needs_decision(self) -> Revision:
        if self.stage == "vedtatt" and self.decision is None:
            raise PydanticCustomError(
                "plan_rule",
                "{melding}",
                {"melding": "en vedtatt rullering må ha «decision» med vedtaksorgan (body) og dato (date)"},
            )
        return self


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


# --------------------------------------------------------------------------------------------------------
# Rules that need more than one field. Each yields problems with a location relative to the item checked.
# --------------------------------------------------------------------------------------------------------

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """A rule broken at a place in a file: loc is the path of keys and list indexes from the file's root."""

    loc: Loc
    message: str


def _nb_date(value: date) -> str:
    return f"{value.day}. {MONTHS[value.month - 1]} {value.year}"


def measure_problems(measure: Measure, catalog: Catalog) -> Iterator[Problem]:
    """Rules inside one measure: one lead, budget years in the period, status updates in order and in step
    with the status, no actor used after it was replaced."""
    leads = set(catalog.lead_roles)
    lead_roles = [i for i, r in enumerate(measure.roles) if r.role in leads]
    lead_name = catalog.lead_roles[0] if catalog.lead_roles else "ansvarlig"
    roles_known = all(r.role in catalog.role_types for r in measure.roles)  # a misspelt role may be the lead
    if not lead_roles and catalog.role_types and roles_known:
        yield Problem(
            ("roles",),
            f"tiltaket mangler en ansvarlig: gi én av aktørene «role: {lead_name}»",
        )
    for extra in lead_roles[1:]:
        first = measure.roles[lead_roles[0]].actor
        yield Problem(
            ("roles", extra, "role"),
            f"tiltaket har allerede en ansvarlig («{first}»); bare én aktør kan være {lead_name} – "
            "gjør de andre til samarbeidspartner",
        )
    seen: dict[tuple[str, str], int] = {}
    for i, role in enumerate(measure.roles):
        if (role.actor, role.role) in seen:
            yield Problem(
                ("roles", i),
                f"«{role.actor}» står allerede med rollen «{role.role}» i rolle nr. "
                f"{seen[(role.actor, role.role)] + 1}: fjern den ene",
            )
        seen.setdefault((role.actor, role.role), i)

    end = measure.period.end if measure.period.end is not None else catalog.plan_end
    for i, line in enumerate(measure.budget):
        if line.year < measure.period.start or (end is not None and line.year > end):
            span = (
                f"{measure.period.start}–{measure.period.end}"
                if measure.period.end
                else (f"fra {measure.period.start}")
            )
            yield Problem(
                ("budget", i, "year"),
                f"budsjettåret {line.year} ligger utenfor tiltakets periode ({span}): endre året eller utvid perioden",
            )

    updates = measure.status_updates
    for i in range(1, len(updates)):
        if updates[i].date < updates[i - 1].date:
            yield Problem(
                ("status_updates", i, "date"),
                f"statusoppdateringene må stå i datorekkefølge, eldste først: {updates[i].date} kommer etter "
                f"{updates[i - 1].date}",
            )
    if updates:
        latest = updates[-1]  # in date order; on the same day the last one written counts
        if latest.status != measure.status and measure.status in catalog.statuses:
            yield Problem(
                ("status",),
                f"status er «{measure.status}», men den siste statusoppdateringen ({latest.date}) sier "
                f"«{latest.status}»: sett «status: {latest.status}» eller legg til en ny statusoppdatering",
            )

    for i, role in enumerate(measure.roles):
        message = _replaced_problem(catalog, role.actor, measure.period.end, "tiltaket varer til") or _early_problem(
            catalog, role.actor, measure.period.end, "tiltaket varer bare til"
        )
        if message:
            yield Problem(("roles", i, "actor"), message)
    for i, line in enumerate(measure.budget):
        message = _replaced_problem(catalog, line.funder, line.year, "budsjettposten gjelder") or _early_problem(
            catalog, line.funder, line.year, "budsjettposten gjelder"
        )
        if message:
            yield Problem(("budget", i, "funder"), message)
    for i, ref in enumerate(measure.related):
        if ref == measure.id:
            yield Problem(("related", i), "et tiltak kan ikke være relatert til seg selv")


def _replaced_problem(catalog: Catalog, actor_id: str, year: int | None, what: str) -> str | None:
    """A message when the actor had been replaced before the given year (None: no end, i.e. ongoing)."""
    actor = catalog.actors.get(actor_id)
    if actor is None or actor.replaced_by is None or actor.active_to is None:
        return None
    if year is not None and year <= actor.active_to.year:
        return None
    successor = catalog.actors.get(actor.replaced_by)
    successor_name = successor.name if successor else actor.replaced_by
    when = f"{what} {year}" if year is not None else "tiltaket har ingen sluttår"
    return (
        f"{actor.name} fantes bare til {_nb_date(actor.active_to)} og ble erstattet av {successor_name}, "
        f"men {when}: bruk «{actor.replaced_by}»"
    )


def _early_problem(catalog: Catalog, actor_id: str, year: int | None, what: str) -> str | None:
    """A message when the actor did not exist yet in the given year (None: no end, never too early)."""
    actor = catalog.actors.get(actor_id)
    if actor is None or actor.active_from is None or year is None or year >= actor.active_from.year:
        return None
    before = [a.id for a in catalog.actors.values() if a.replaced_by == actor_id]
    fix = f"bruk «{before[0]}», som fantes da" if before else "bruk aktøren som fantes da"
    return f"{actor.name} ble opprettet {_nb_date(actor.active_from)}, men {what} {year}: {fix}"


@dataclass(frozen=True)
class IdSite:
    """Where an id was written: which file (by key) and where in it."""

    file: str
    loc: Loc


def id_problems(focus_areas: Mapping[str, Any]) -> Iterator[tuple[str, Problem]]:
    """Ids that are unique at every level and match their parent (goal 1.2 under focus area 1, measure
    1.2.3 under goal 1.2). Works on the raw files, keyed by file, so it runs even when a file has other
    errors. Yields (file key, problem)."""
    seen: dict[str, IdSite] = {}

    def check(ident: Any, parent: str | None, file: str, loc: Loc, kind: str, example: str) -> None:
        if not isinstance(ident, str):
            return
        if parent is not None and not ident.startswith(parent + "."):
            found.append(
                (
                    file,
                    Problem(
                        loc,
                        f"{kind} «{ident}» ligger under «{parent}», så nummeret må begynne med «{parent}.» "
                        f"(f.eks. «{parent}.{example}»): endre nummeret eller flytt {kind}et",
                    ),
                )
            )
        if ident in seen:
            other = seen[ident]
            where = "i samme fil" if other.file == file else f"i {other.file}"
            found.append((file, Problem(loc, f"nummeret «{ident}» er brukt før {where}: velg et ledig nummer")))
        else:
            seen[ident] = IdSite(file, loc)

    found: list[tuple[str, Problem]] = []
    for file, raw in focus_areas.items():
        if not isinstance(raw, Mapping):
            continue
        fa_id = raw.get("id")
        check(fa_id, None, file, ("id",), "satsingsområde", "1")
        for g, goal in enumerate(raw.get("goals") or []):
            if not isinstance(goal, Mapping):
                continue
            goal_id = goal.get("id")
            check(goal_id, fa_id if isinstance(fa_id, str) else None, file, ("goals", g, "id"), "mål", "1")
            for m, measure in enumerate(goal.get("measures") or []):
                if isinstance(measure, Mapping):
                    check(
                        measure.get("id"),
                        goal_id if isinstance(goal_id, str) else None,
                        file,
                        ("goals", g, "measures", m, "id"),
                        "tiltak",
                        "1",
                    )
    return iter(found)


def unique_problems(items: Sequence[Any], key: str, what: str, base: Loc) -> Iterator[Problem]:
    """The same id used twice in one list of raw items."""
    seen: set[Any] = set()
    for i, item in enumerate(items):
        if not isinstance(item, Mapping):
            continue
        value = item.get(key)
        if isinstance(value, str) and value in seen:
            yield Problem((*base, i, key), f"{what} «{value}» finnes allerede i denne filen: bruk en annen {key}")
        seen.add(value)


def vocabulary_problems(vocabulary: Vocabulary) -> Iterator[Problem]:
    """Exactly one lead role type."""
    leads = [i for i, r in enumerate(vocabulary.role_types) if r.lead]
    if not leads:
        yield Problem(("role_types",), "én rolletype må ha «lead: true» (den ansvarlige for et tiltak)")
    for i in leads[1:]:
        yield Problem(("role_types", i, "lead"), "bare én rolletype kan ha «lead: true»")


def actor_problems(actors: ActorsFile, catalog: Catalog) -> Iterator[Problem]:
    """Municipalities are not their own municipality; successors are not themselves replaced earlier."""
    for i, actor in enumerate(actors.actors):
        if actor.replaced_by and actor.active_to:
            successor = catalog.actors.get(actor.replaced_by)
            if successor and successor.active_to and successor.active_to <= actor.active_to:
                yield Problem(
                    ("actors", i, "replaced_by"),
                    f"«{actor.replaced_by}» fantes bare til {_nb_date(successor.active_to)} og kan ikke ta "
                    f"over etter {_nb_date(actor.active_to)}",
                )


def plan_info_problems(info: PlanInfo, catalog: Catalog) -> Iterator[Problem]:
    """Revision versions are unique; the owner is not a replaced actor."""
    yield from unique_problems([r.model_dump() for r in info.revisions], "version", "versjonen", ("revisions",))
    message = _replaced_problem(catalog, info.owner, info.period.end, "planen varer til")
    if message:
        yield Problem(("owner",), message)


def indicator_problems(indicators: IndicatorsFile) -> Iterator[Problem]:
    """Observations in year order, each year once."""
    for i, indicator in enumerate(indicators.indicators):
        observations = indicator.observations
        for j in range(1, len(observations)):
            if observations[j].year <= observations[j - 1].year:
                yield Problem(
                    ("indicators", i, "observations", j, "year"),
                    f"målingene må stå i årsrekkefølge, ett år per måling, men {observations[j].year} kommer etter "
                    f"{observations[j - 1].year}",
                )
