"""The catalog of what the whole plan defines, and the reference types that are checked against it.

A reference in one file (an actor in a measure, a status, an indicator, a municipality) can only be checked
against the other files. The validator builds a :class:`Catalog` from the raw files before it validates any
of them and passes it as pydantic's validation context; the reference types (:data:`ActorRef`, ...) look their
value up in it and name the closest match when it is not there (:func:`suggest`). Without a catalog in the
context (a model built in code), references are not checked.

A leaf module: it imports nothing from the project, so that ``schema.py`` can use its reference types.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, Field, GetJsonSchemaHandler, ValidationInfo
from pydantic_core import CoreSchema, PydanticCustomError


@dataclass(frozen=True)
class ActorInfo:
    """What the rules need to know about an actor: its names, its kind and when it existed."""

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
    tags: list[str] = field(default_factory=list)
    measures: list[str] = field(default_factory=list)
    #: A former id («former_ids») → the id it has now, of measures and of actors: a reference to the old id is
    #: told what to write instead.
    moved_measures: dict[str, str] = field(default_factory=dict)
    moved_actors: dict[str, str] = field(default_factory=dict)
    plan_end: int | None = None
    #: The status of a measure before its first status update: the vocabulary's first status (lowest «order»).
    start_status: str | None = None
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
            ("tag", vocabulary, "tags"),
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
        ordered = [r for r in _items(vocabulary, "statuses") if isinstance(r.get("id"), str)]
        ordered.sort(key=lambda r: r["order"] if isinstance(r.get("order"), int) else float("inf"))
        cat.start_status = ordered[0]["id"] if ordered else None
        cat.indicators = [r["id"] for r in _items(indicators, "indicators") if isinstance(r.get("id"), str)]
        cat.tags = [r["id"] for r in _items(vocabulary, "tags") if isinstance(r.get("id"), str)]
        for fa in focus_areas:
            for goal in _items(fa, "goals"):
                measures = [m for m in _items(goal, "measures") if isinstance(m.get("id"), str)]
                cat.measures += [m["id"] for m in measures]
                cat.moved_measures.update(_formers(measures))
        cat.moved_actors = _formers(r for r in _items(actors, "actors") if isinstance(r.get("id"), str))
        if isinstance(plan, Mapping) and isinstance(plan.get("period"), Mapping):
            end_year = plan["period"].get("end")
            cat.plan_end = end_year if isinstance(end_year, int) else None
        return cat

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
        if value in self.moved_actors:
            return (
                f"aktøren «{value}» har fått id-en «{self.moved_actors[value]}»: endre til {self.moved_actors[value]}"
            )
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

    def tag_problem(self, value: str) -> str | None:
        """A tag not in the vocabulary's list (not checked when the vocabulary has no list of tags)."""
        if "tag" in self.unknown or value in self.tags:
            return None
        missing = f"stikkordet «{value}» står ikke i listen «tags» i plan/vocabulary.yaml"
        add = f"legg det til der med teksten leserne skal se («- {{id: {value}, label: …}}»)"
        close = suggest(value, self.tags)
        return f"{missing}{close} Ellers {add}." if close else f"{missing}: {add}, eller bruk et som finnes der"

    def measure_problem(self, value: str) -> str | None:
        if "measure" in self.unknown:
            return None
        if value in self.measures:
            return None
        if value in self.moved_measures:
            moved = self.moved_measures[value]
            return f"tiltak {value} er flyttet og har fått nummeret {moved}: endre til {moved}"
        written = re.sub(r"[\s,]+", ".", value.strip(" .,"))
        if written in self.measures:  # «1,2,3» or «1. 2. 3»: the numbers are right
            return f"ukjent tiltak «{value}» – mente du «{written}»?"
        # Measure numbers that look alike are unrelated measures: suggest none.
        return (
            f"tiltaket «{value}» finnes ikke i planen (kanskje er det fjernet eller har fått nytt nummer): "
            "fjern nummeret fra listen, eller rett det til et tiltak som finnes"
        )


def _formers(items: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """Former id → current id, from the «former_ids» of raw items that have an id."""
    formers = ((f, item["id"]) for item in items for f in _strings(item.get("former_ids")))
    return dict(formers)


def _strings(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _iso_date(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _items(container: Any, key: str) -> Iterator[Mapping[str, Any]]:
    """The mappings in container[key], skipping anything of the wrong shape."""
    if isinstance(container, Mapping) and isinstance(container.get(key), list):
        yield from (item for item in container[key] if isinstance(item, Mapping))


def fold(text: str) -> str:
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
    folded = {fold(c): c for c in candidates}
    for name, ident in (names or {}).items():
        folded.setdefault(fold(name), ident)
    best: str | None = folded.get(fold(value))
    if best is None and len(fold(value)) >= 4:
        containing = {c for f, c in folded.items() if fold(value) in f}
        best = containing.pop() if len(containing) == 1 else None
    if best is None:
        close = difflib.get_close_matches(fold(value), list(folded), n=1, cutoff=0.6)
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


#: The key that marks a reference in the JSON Schema pydantic writes, with the kind of reference as its value;
#: ``plan schema`` (scripts/editor/schemas.py) replaces it with the ids the plan defines.
REFERENCE = "x-plan-reference"


@dataclass(frozen=True)
class _Marked:
    """Marks a reference type's JSON Schema with its kind (not through ``json_schema_extra``, which a field's own
    ``json_schema_extra`` would replace)."""

    kind: str

    def __get_pydantic_json_schema__(self, core: CoreSchema, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        result: dict[str, Any] = handler(core)
        result[REFERENCE] = self.kind
        return result


ActorRef = Annotated[str, Field(min_length=1), _Marked("actor"), _reference(Catalog.actor_problem)]
MunicipalityRef = Annotated[str, Field(min_length=1), _Marked("municipality"), _reference(Catalog.municipality_problem)]
RoleRef = Annotated[str, Field(min_length=1), _Marked("role"), _reference(Catalog.role_problem)]
StatusRef = Annotated[str, Field(min_length=1), _Marked("status"), _reference(Catalog.status_problem)]
IndicatorRef = Annotated[str, Field(min_length=1), _Marked("indicator"), _reference(Catalog.indicator_problem)]
MeasureRef = Annotated[str, Field(min_length=1), _Marked("measure"), _reference(Catalog.measure_problem)]
TagRef = Annotated[str, Field(min_length=1), _Marked("tag"), _reference(Catalog.tag_problem)]
