"""The tables of the open data: one row per measure, role, budget line … with typed columns.

A :class:`Table` is what every format is written from: the CSV files, the Data Package's Table Schemas, the
workbook's sheets and the DCAT description of the datasets. Its rows hold typed Python values (str, int, float,
bool, date, None for an empty cell); each writer turns them into its own format.

The column names are a contract with the users of the data (their programs read them): lower-case Norwegian
words with æ, ø and å, joined by «_»; an id column ends in «_id», and the name a person reads stands beside it
without the ending («aktør_id», «aktør»). Renaming or removing a column is a breaking change; adding one is not.
The descriptions are the schema's field docs (``schema.py``) where a column is a field of the plan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal, get_args

import schema
from schema import Plan
from scripts.core import followup
from scripts.core.queries import lead_actor, lead_role, municipality_ids
from scripts.model.fields import FOCUS_AREA_ID, GOAL_ID, MEASURE_ID, SLUG, VOCAB_ID
from scripts.present.progress import VERDICTS, assess

#: The Table Schema types the columns use (https://specs.frictionlessdata.io/table-schema/#types-and-formats).
ColumnType = Literal["string", "integer", "number", "boolean", "date", "year"]

#: Each type in Norwegian, as the open data page names it.
TYPE_NAMES: dict[str, str] = {
    "string": "tekst",
    "integer": "heltall",
    "number": "tall",
    "boolean": "true eller false",
    "date": "dato",
    "year": "årstall",
}

#: A cell: what a row holds in one column.
Cell = str | int | float | bool | dt.date | None


def whole(pattern: str) -> str:
    """A pattern of ``scripts/model/fields.py`` without its anchors: Table Schema's patterns match the whole
    value (XML Schema regular expressions have no «^» and «$»)."""
    return pattern.removeprefix("^").removesuffix("$")


@dataclass(frozen=True)
class Column:
    """A column: its header (stable: users' programs read it), Norwegian title and description, and type."""

    name: str
    title: str
    type: ColumnType
    description: str = ""
    #: A regular expression every value matches as a whole (ids), as in Table Schema's `constraints.pattern`.
    pattern: str | None = None
    required: bool = False
    #: The only values the column can hold (Table Schema's `constraints.enum`), when the schema fixes them.
    enum: tuple[str, ...] = ()
    #: A letter the CSV files write before each value (:data:`CSV_PREFIXES`); plan.json and the workbook have none.
    csv_prefix: str = ""


@dataclass(frozen=True)
class ForeignKey:
    """Values of `columns` that are values of `reference` in the table named `table` (which may be the same)."""

    columns: tuple[str, ...]
    table: str
    reference: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A table of the open data: its file name (data/NAME.csv), title, description, columns and rows."""

    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    rows: Callable[[Plan], Iterable[Sequence[Cell]]]
    #: The columns whose values together name one row (none when two rows may be alike).
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = ()

    @property
    def header(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)

    @property
    def csv_prefixes(self) -> tuple[str, ...]:
        return tuple(column.csv_prefix for column in self.columns)


# -- the columns ----------------------------------------------------------------------------------------------


def doc(model: type[schema.Model], field: str) -> str:
    """The schema's Norwegian description of a field, on one line."""
    return " ".join((model.model_fields[field].description or "").split())


#: The letter before the number of a focus area, a goal and a measure in the CSV files: «S4», «M1.1», «T1.1.1».
#: A spreadsheet with number detection on (LibreOffice Calc and Excel with Norwegian settings) reads «1.1.1» and
#: «1.1» as dates and «4» as a number, quoted or not; with a letter in front, it keeps the text as written.
CSV_PREFIXES = {"satsingsområde_id": "S", "mål_id": "M", "tiltak_id": "T"}


def _id(name: str, title: str, description: str, pattern: str, required: bool = True) -> Column:
    return Column(name, title, "string", description, whole(pattern), required, csv_prefix=CSV_PREFIXES.get(name, ""))


def _text(name: str, title: str, description: str, required: bool = False, enum: tuple[str, ...] = ()) -> Column:
    return Column(name, title, "string", description, required=required, enum=enum)


ACTOR_LIST = rf"{whole(SLUG)}( {whole(SLUG)})*"
NAME_OF = "Navnet på {} slik det står i planen (fullt navn), ved siden av id-en."


def _measure_id(title: str = "Tiltak (nummer)") -> Column:
    return _id("tiltak_id", title, doc(schema.Measure, "id"), MEASURE_ID)


def _measure_title() -> Column:
    return _text("tiltak", "Tiltak", "Tiltakets tittel, ved siden av nummeret.", required=True)


def _actor(name: str, title: str, description: str, required: bool = True) -> tuple[Column, Column]:
    """An actor's id and, beside it, the actor's name."""
    return (
        _id(f"{name}_id", f"{title} (id)", description, SLUG, required),
        _text(name, title, NAME_OF.format("aktøren"), required),
    )


def _status(description: str) -> tuple[Column, Column]:
    return (
        _id("status_id", "Status (id)", description, VOCAB_ID),
        _text("status", "Status", doc(schema.Status, "label"), required=True),
    )


# -- the rows ---------------------------------------------------------------------------------------------------


class Names:
    """What a person reads beside an id: actors' names, the labels of statuses and role types."""

    def __init__(self, plan: Plan) -> None:
        self.actors = {a.id: a.name for a in plan.actors}
        self.statuses = {s.id: s.label for s in plan.vocabulary.statuses}
        self.roles = {r.id: r.label for r in plan.vocabulary.role_types}

    def actor(self, ident: str | None) -> list[Cell]:
        return [ident, self.actors[ident] if ident is not None else None]


def _number(value: float) -> int | float:
    """A value as a whole number when it is one (52400, not 52400.0)."""
    return int(value) if value.is_integer() else value


def _measure_rows(plan: Plan) -> Iterator[list[Cell]]:
    lead, names, rule = lead_role(plan.vocabulary), Names(plan), followup.Rule.of(plan)
    for fa, g, m in plan.measures():
        municipalities = municipality_ids(plan, m)
        found = rule.check(m)
        yield [
            *[m.id, m.title, fa.id, fa.title, g.id, g.title, m.status, names.statuses[m.status], m.priority],
            *[m.period.start, m.period.end, *names.actor(lead_actor(m, lead)), m.municipalities == "alle"],
            *[" ".join(municipalities), ", ".join(names.actors[i] for i in municipalities)],
            *[found.last_update, bool(found.late), found.unreported is not None, "; ".join(found.reasons()) or None],
            rule.as_of,
        ]


def _role_rows(plan: Plan) -> Iterator[list[Cell]]:
    names = Names(plan)
    for _, _, m in plan.measures():
        for r in m.roles:
            yield [m.id, m.title, *names.actor(r.actor), r.role, names.roles[r.role], r.note]


def _budget_rows(plan: Plan) -> Iterator[list[Cell]]:
    names = Names(plan)
    for _, _, m in plan.measures():
        for b in m.budget:
            yield [m.id, m.title, b.year, b.amount, *names.actor(b.funder), b.secured, b.note]


def _update_rows(plan: Plan) -> Iterator[list[Cell]]:
    names = Names(plan)
    for _, _, m in plan.measures():
        for u in m.status_updates:
            yield [m.id, m.title, u.date, u.status, names.statuses[u.status], u.text]


def _actor_rows(plan: Plan) -> Iterator[list[Cell]]:
    names = Names(plan)
    for a in plan.actors:
        yield [
            *[a.id, a.name, a.short_name, a.kind, *names.actor(a.municipality), a.url],
            *[a.active_from, a.active_to, *names.actor(a.replaced_by)],
        ]


def _indicator_rows(plan: Plan) -> Iterator[list[Cell]]:
    """Each value of each indicator, with the indicator's verdict (the same on every row of an indicator)."""
    for i in plan.indicators:
        first: list[Cell] = [i.id, i.title, i.unit, i.better]
        a = assess(i)
        verdict: list[Cell] = [a.verdict.key, a.verdict.label, a.preliminary]
        yield [*first, "utgangsverdi", i.baseline.year, _number(i.baseline.value), None, False, *verdict]
        for o in i.observations:
            yield [*first, "måling", o.year, _number(o.value), o.note, o.preliminary, *verdict]
        yield [*first, "målverdi", i.target.year, _number(i.target.value), None, False, *verdict]


# -- the tables -------------------------------------------------------------------------------------------------


def _measures() -> Table:
    return Table(
        "tiltak",
        "Tiltak",
        "Ett tiltak per linje: nummer og tittel, satsingsområde, mål, status, prioritet, periode, ansvarlig, "
        "kommunene tiltaket gjelder, og om tiltaket er forsinket eller ikke oppdatert.",
        (
            _measure_id(),
            _text("tittel", "Tittel", doc(schema.Measure, "title"), required=True),
            _id("satsingsområde_id", "Satsingsområde (nummer)", doc(schema.FocusArea, "id"), FOCUS_AREA_ID),
            _text("satsingsområde", "Satsingsområde", doc(schema.FocusArea, "title"), required=True),
            _id("mål_id", "Mål (nummer)", doc(schema.Goal, "id"), GOAL_ID),
            _text("mål", "Mål", doc(schema.Goal, "title"), required=True),
            *_status(doc(schema.Measure, "status")),
            _text("prioritet", "Prioritet", doc(schema.Measure, "priority"), enum=get_args(schema.Priority)),
            Column("startår", "Startår", "year", doc(schema.Period, "start"), required=True),
            Column("sluttår", "Sluttår", "year", doc(schema.Period, "end")),
            *_actor("ansvarlig", "Ansvarlig", "Id-en til aktøren som er ansvarlig for tiltaket (aktør_id i aktorer.csv)."),
            Column(
                "alle_kommuner", "Alle kommunene", "boolean", "true når tiltaket gjelder alle kommunene i regionen."
            ),
            Column(
                "kommune_ider",
                "Kommuner (id-er)",
                "string",
                "Id-ene til kommunene tiltaket gjelder (aktør_id i aktorer.csv), med mellomrom mellom.",
                ACTOR_LIST,
            ),
            _text("kommuner", "Kommuner", "Navnene på kommunene tiltaket gjelder, med komma mellom."),
            Column("sist_oppdatert", "Sist oppdatert", "date", "Datoen for den nyeste statusoppdateringen."),
            Column(
                "forsinket",
                "Forsinket",
                "boolean",
                "true når en milepæl eller slutten av perioden har passert uten at milepælen er nådd eller tiltaket "
                "fullført, per datoen i status_per.",
                required=True,
            ),
            Column(
                "ikke_oppdatert",
                "Ikke oppdatert",
                "boolean",
                "true når tiltaket har begynt og den nyeste statusoppdateringen er eldre enn planens grense "
                "(stale_after_months, seks måneder om ikke annet er satt) før datoen i status_per.",
                required=True,
            ),
            _text("oppfølging", "Oppfølging", "Hvorfor tiltaket er forsinket eller ikke oppdatert, med semikolon mellom."),
            Column(
                "status_per",
                "Status per",
                "date",
                "Datoen forsinket og ikke oppdatert er regnet fra: den nyeste statusoppdateringen i planen.",
                required=True,
            ),
        ),
        _measure_rows,
        ("tiltak_id",),
        (ForeignKey(("ansvarlig_id",), "aktorer", ("aktør_id",)),),
    )


def _roles() -> Table:
    return Table(
        "roller",
        "Roller",
        "Én rolle per linje: tiltak, aktør, rolle og hva aktøren bidrar med.",
        (
            _measure_id(),
            _measure_title(),
            *_actor("aktør", "Aktør", "Id-en til aktøren (aktør_id i aktorer.csv), f.eks. «nes-kommune»."),
            _id("rolle_id", "Rolle (id)", doc(schema.Role, "role"), VOCAB_ID),
            _text("rolle", "Rolle", doc(schema.RoleType, "label"), required=True),
            _text("merknad", "Merknad", doc(schema.Role, "note")),
        ),
        _role_rows,
        ("tiltak_id", "aktør_id", "rolle_id"),
        (_to_measure(), ForeignKey(("aktør_id",), "aktorer", ("aktør_id",))),
    )


def _to_measure() -> ForeignKey:
    return ForeignKey(("tiltak_id",), "tiltak", ("tiltak_id",))


def _budget() -> Table:
    return Table(
        "budsjett",
        "Budsjett",
        "Én budsjettpost per linje: tiltak, år, beløp i hele kroner, finansiør og om beløpet er bevilget.",
        (
            _measure_id(),
            _measure_title(),
            Column("år", "År", "year", doc(schema.BudgetLine, "year"), required=True),
            Column("beløp_kr", "Beløp (kr)", "integer", "Beløp i hele kroner.", required=True),
            *_actor("finansiør", "Finansiør", "Id-en til aktøren som betaler (aktør_id i aktorer.csv)."),
            Column("bevilget", "Bevilget", "boolean", doc(schema.BudgetLine, "secured"), required=True),
            _text("merknad", "Merknad", doc(schema.BudgetLine, "note")),
        ),
        _budget_rows,
        (),
        (_to_measure(), ForeignKey(("finansiør_id",), "aktorer", ("aktør_id",))),
    )


def _updates() -> Table:
    return Table(
        "statusoppdateringer",
        "Statusoppdateringer",
        "Én statusoppdatering per linje: tiltak, dato, ny status og hva som har skjedd, eldste først per tiltak.",
        (
            _measure_id(),
            _measure_title(),
            Column("dato", "Dato", "date", doc(schema.StatusUpdate, "date"), required=True),
            *_status(doc(schema.StatusUpdate, "status")),
            _text("tekst", "Tekst", doc(schema.StatusUpdate, "text"), required=True),
        ),
        _update_rows,
        (),
        (_to_measure(),),
    )


def _actors() -> Table:
    municipality, replaced_by = doc(schema.Actor, "municipality"), doc(schema.Actor, "replaced_by")
    return Table(
        "aktorer",
        "Aktører",
        "Én aktør per linje: id, navn, type, kommune, nettsted og tiden aktøren fantes.",
        (
            _id("aktør_id", "Aktør (id)", doc(schema.Actor, "id"), SLUG),
            _text("navn", "Navn", doc(schema.Actor, "name"), required=True),
            _text("kortnavn", "Kortnavn", doc(schema.Actor, "short_name")),
            _text("aktørtype", "Aktørtype", doc(schema.Actor, "kind"), True, get_args(schema.ActorKind)),
            *_actor("kommune", "Kommune", municipality, required=False),
            _text("nettsted", "Nettsted", doc(schema.Actor, "url")),
            Column("aktiv_fra", "Aktiv fra", "date", doc(schema.Actor, "active_from")),
            Column("aktiv_til", "Aktiv til", "date", doc(schema.Actor, "active_to")),
            *_actor("erstattet_av", "Erstattet av", replaced_by, required=False),
        ),
        _actor_rows,
        ("aktør_id",),
        (
            ForeignKey(("kommune_id",), "aktorer", ("aktør_id",)),
            ForeignKey(("erstattet_av_id",), "aktorer", ("aktør_id",)),
        ),
    )


VALUE_KINDS = ("utgangsverdi", "måling", "målverdi")


def _indicators() -> Table:
    return Table(
        "indikatorer",
        "Indikatorer",
        "Utgangsverdi, målinger og målverdi for hver indikator, én verdi per linje, og om høyere eller lavere "
        "verdi er bedre.",
        (
            _id("indikator_id", "Indikator (id)", doc(schema.Indicator, "id"), SLUG),
            _text("indikator", "Indikator", doc(schema.Indicator, "title"), required=True),
            _text("enhet", "Enhet", doc(schema.Indicator, "unit"), required=True),
            _text("retning", "Retning", doc(schema.Indicator, "better"), True, get_args(schema.Direction)),
            _text(
                "verditype",
                "Verditype",
                "Hva verdien er: «utgangsverdi» da planen startet, en «måling», eller «målverdi» planen sikter mot.",
                True,
                VALUE_KINDS,
            ),
            Column("år", "År", "year", doc(schema.Point, "year"), required=True),
            Column(
                "verdi",
                "Verdi",
                "number",
                "Verdien i indikatorens enhet. Hele tall står uten desimaler, andre med desimalkomma (21,5).",
                required=True,
            ),
            _text("merknad", "Merknad", doc(schema.Observation, "note")),
            Column("foreløpig", "Foreløpig", "boolean", doc(schema.Observation, "preliminary"), required=True),
            Column(
                "vurdering_id",
                "Vurdering (id)",
                "string",
                "Hvordan indikatoren går mot målet, som kode; den samme på hver linje for indikatoren. Metoden står "
                "på siden «Slik vurderer vi fremdriften».",
                whole(SLUG),
                True,
                tuple(v.key for v in VERDICTS),
            ),
            _text(
                "vurdering",
                "Vurdering",
                "Vurderingen i ord («I rute», «Noe fremgang» …), ved siden av koden.",
                True,
                tuple(v.label for v in VERDICTS),
            ),
            Column(
                "vurdering_foreløpig",
                "Vurderingen bygger på et foreløpig tall",
                "boolean",
                "true når vurderingen bygger på et foreløpig tall (den nyeste målingen).",
                required=True,
            ),
        ),
        _indicator_rows,
        ("indikator_id", "verditype", "år"),
    )


#: The tables, in the order of the open data page.
TABLES: tuple[Table, ...] = (_measures(), _roles(), _budget(), _updates(), _actors(), _indicators())


def table(name: str) -> Table:
    return next(t for t in TABLES if t.name == name)
