"""Stage 2, validate: check the loaded files against schema.py and report every problem at its line.

Each file is validated on its own, with a :class:`schema.Catalog` of the whole plan as context, so that one
broken file does not hide the problems in the others and references across files are still checked. Then
the rules of schema.py that span several items run. Pydantic's errors are turned into Norwegian messages that
name the item («tiltak 1.2.3»), the field, what was found and what is allowed.
"""

from __future__ import annotations

import contextlib
import difflib
import gc
import re
import typing
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

import schema
from schema import PATTERN_HINTS, Catalog, FocusArea, Measure, Plan, Problem, suggest
from scripts.core.problems import Diagnostic, Loc, sorted_unique
from scripts.load.folder import PlanFiles, load_plan
from scripts.load.strict import Document


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Python's cycle collector paused for a stage that builds many objects and no garbage cycles worth
    collecting (loading, validating and rendering the plan; WeasyPrint making the PDF). Otherwise most of the
    time goes to re-scanning a growing heap: validating 5 000 measures took 5,5 s of CPU with the collector and
    2,1 s without it. The collector's previous state is restored afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def validate_folder(folder: Path) -> tuple[Plan | None, list[Diagnostic]]:
    """Load and validate a plan folder. The plan is returned only when there is no problem at all."""
    with gc_paused():
        files, problems = load_plan(folder)
        plan, more = validate_files(files)
    diagnostics = sorted_unique(problems + more)
    return (plan if not diagnostics else None), diagnostics


def validate_files(files: PlanFiles) -> tuple[Plan | None, list[Diagnostic]]:
    fixed = {kind: doc.data for kind, doc in files.fixed.items()}
    catalog = Catalog.from_raw(
        fixed.get("plan"),
        fixed.get("vocabulary"),
        fixed.get("actors"),
        fixed.get("indicators"),
        [doc.data for doc in files.focus_areas.values()],
    )
    if files.failed_focus_areas:
        catalog.unknown.add("measure")  # the measures of an unreadable file would all look unknown
    context = {"catalog": catalog}
    found: list[Diagnostic] = []

    def report(doc: Document, kind: str, problems: Iterable[Problem]) -> None:
        found.extend(_diagnostic(doc, kind, p.loc, p.message) for p in problems)

    models: dict[str, Any] = {}
    for kind, doc in files.fixed.items():
        model = _validate(schema.FILE_MODELS[kind], doc, kind, context, found)
        if model is not None:
            models[kind] = model

    for kind, key, what in [
        ("actors", "actors", "aktøren"),
        ("indicators", "indicators", "indikatoren"),
        ("vocabulary", "role_types", "rolletypen"),
        ("vocabulary", "statuses", "statusen"),
    ]:
        source = files.fixed.get(kind)
        if source is not None and isinstance(source.data.get(key), list):
            report(source, kind, schema.unique_problems(source.data[key], "id", what, (key,)))
    if "vocabulary" in models:
        report(files.fixed["vocabulary"], "vocabulary", schema.vocabulary_problems(models["vocabulary"]))
    if "actors" in models:
        report(files.fixed["actors"], "actors", schema.actor_problems(models["actors"], catalog))
    if "plan" in models:
        report(files.fixed["plan"], "plan", schema.plan_info_problems(models["plan"], catalog))
    if "indicators" in models:
        report(files.fixed["indicators"], "indicators", schema.indicator_problems(models["indicators"]))

    focus_areas: list[FocusArea] = []
    for doc in files.focus_areas.values():
        focus_area = _validate(FocusArea, doc, "focus_area", context, found)
        if focus_area is not None:
            focus_areas.append(focus_area)
        for loc, measure in _measures(focus_area, doc.data):
            report(
                doc,
                "focus_area",
                (Problem((*loc, *p.loc), p.message) for p in schema.measure_problems(measure, catalog)),
            )
    by_path = {path: doc for path, doc in files.focus_areas.items()}
    for path, problem in schema.id_problems({path: doc.data for path, doc in files.focus_areas.items()}):
        report(by_path[path], "focus_area", [problem])

    complete = len(models) == len(schema.FILE_MODELS) - 1 and len(focus_areas) == len(files.focus_areas)
    if found or not complete:
        return None, found
    plan = Plan(
        plan=models["plan"],
        vocabulary=models["vocabulary"],
        actors=models["actors"].actors,
        indicators=models["indicators"].indicators,
        focus_areas=sorted(focus_areas, key=lambda fa: int(fa.id)),
    )
    return plan, found


def _validate(
    model: type[BaseModel], doc: Document, kind: str, context: dict[str, Any], found: list[Diagnostic]
) -> Any:
    try:
        return model.model_validate(doc.data, context=context)
    except ValidationError as error:
        catalog = context["catalog"]
        details = error.errors(include_url=False)
        misspelt = _misspelt_fields(model, details, doc.data)
        for detail in details:
            if detail["type"] == "missing" and _clean(detail["loc"], doc.data) in misspelt:
                continue  # «ukjent felt «titel» – mente du «title»?» already says it
            found.append(_pydantic_diagnostic(doc, kind, model, detail, catalog))
        return None


def _misspelt_fields(model: type[BaseModel], details: list[ErrorDetails], data: Any) -> set[Loc]:
    """The missing fields that an unknown field next to them is a misspelling of."""
    result: set[Loc] = set()
    for detail in details:
        if detail["type"] == "extra_forbidden":
            loc = _clean(detail["loc"], data)
            holder = _model_at(model, loc[:-1])
            if holder is not None:
                close = difflib.get_close_matches(str(loc[-1]), list(holder.model_fields), n=1, cutoff=0.6)
                result.update((*loc[:-1], name) for name in close)
    return result


def _measures(focus_area: FocusArea | None, raw: Mapping[str, Any]) -> Iterable[tuple[Loc, Measure]]:
    """Every valid measure with its place in the file. When the file has errors, each measure is tried on
    its own and without checking references (those are reported already), so that the rules still run for
    every measure whose structure is fine."""
    if focus_area is not None:
        for g, goal in enumerate(focus_area.goals):
            for m, measure in enumerate(goal.measures):
                yield ("goals", g, "measures", m), measure
        return
    for g, goal in enumerate(raw.get("goals") or []):
        if not isinstance(goal, Mapping) or not isinstance(goal.get("measures"), list):
            continue
        for m, measure_data in enumerate(goal["measures"]):
            try:
                yield ("goals", g, "measures", m), Measure.model_validate(measure_data)
            except ValidationError:
                continue


# --------------------------------------------------------------------------------------------------------
# From a location in the data to a place in the file and a name a person understands
# --------------------------------------------------------------------------------------------------------

#: Lists whose elements are items with an id, by file kind and list key, with the Norwegian word for them.
ITEM_LISTS: dict[str, str] = {
    "goals": "mål",
    "measures": "tiltak",
    "actors": "aktør",
    "role_types": "rolletype",
    "statuses": "status",
    "revisions": "rullering",
}
#: Lists whose elements are parts of an item, named by their number.
PART_LISTS: dict[str, str] = {
    "roles": "rolle",
    "budget": "budsjettpost",
    "status_updates": "statusoppdatering",
    "observations": "måling",
    "links": "lenke",
}
ROOT_NAMES = {
    "plan": "planen",
    "vocabulary": "ordlisten",
    "actors": "aktørlisten",
    "indicators": "indikatorlisten",
}


def _clean(loc: Iterable[str | int], data: Any) -> Loc:
    """Drop the parts of a pydantic location that are not in the data (names of union members)."""
    cleaned: list[str | int] = []
    current = data
    parts = list(loc)
    for i, part in enumerate(parts):
        in_mapping = isinstance(current, Mapping) and isinstance(part, str) and part in current
        in_list = isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        if in_mapping or in_list:
            current = current[part]
        elif i < len(parts) - 1 or not isinstance(part, str) or not isinstance(current, Mapping):
            continue  # a union member's name, not a key
        cleaned.append(part)
    return tuple(cleaned)


def _where(kind: str, loc: Loc, data: Any) -> str:
    """Name the place of a location: the item («tiltak 1.2.3»), the part of it («rolle nr. 2») and the
    field («actor»), e.g. «tiltak 1.2.3, rolle nr. 2, felt «actor»»."""
    if kind == "focus_area":
        fa_id = data.get("id") if isinstance(data, Mapping) else None
        item = f"satsingsområde {fa_id}" if isinstance(fa_id, str) else "satsingsområdet"
    else:
        item = ROOT_NAMES[kind]
    part = ""
    fields: list[str] = []
    number: int | None = None
    current = data
    parent: str | int | None = None
    for segment in loc:
        if isinstance(segment, str):
            current = current.get(segment) if isinstance(current, Mapping) else None
            fields.append(segment)
            number = None
        else:
            current = current[segment] if isinstance(current, list) and segment < len(current) else None
            is_item = parent in ITEM_LISTS or (kind == "indicators" and fields == ["indicators"])
            if isinstance(parent, str) and is_item and isinstance(current, Mapping):
                word = ITEM_LISTS.get(parent, "indikator")
                ident = current.get("version" if parent == "revisions" else "id")
                item = f"{word} {ident}" if isinstance(ident, str) else f"{word} nr. {segment + 1}"
                part, fields = "", []
            elif isinstance(parent, str) and parent in PART_LISTS and isinstance(current, Mapping):
                part, fields = f"{PART_LISTS[parent]} nr. {segment + 1}", []
            else:
                number = segment + 1
        parent = segment
    where = item + (f", {part}" if part else "")
    if fields:
        where += f", felt «{'.'.join(fields)}»"
    if number is not None:
        where += f" (nr. {number})"
    return where


def _diagnostic(doc: Document, kind: str, loc: Loc, message: str) -> Diagnostic:
    loc = _clean(loc, doc.data)
    line, col = doc.positions.of(loc)
    return Diagnostic(doc.path, line, col, f"{_where(kind, loc, doc.data)}: {message}")


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "tom"
    if isinstance(value, str):
        short = value if len(value) <= 60 else value[:57] + "…"
        return f"«{short}»"
    if isinstance(value, list):
        return "en liste"
    if isinstance(value, Mapping):
        return "en gruppe med underfelt"
    return f"{value}"


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model class that holds the fields at loc (a path of keys and indexes)."""
    current: type[BaseModel] | None = model
    for segment in loc:
        if current is None:
            return None
        if isinstance(segment, str):
            info = current.model_fields.get(segment)
            current = _inner_model(info.annotation) if info else None
    return current


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _first_sentence(text: str | None) -> str:
    if not text:
        return ""
    return " ".join(text.split()).split(". ")[0].rstrip(".").removesuffix(" (Markdown)")


def _pydantic_diagnostic(
    doc: Document, kind: str, model: type[BaseModel], error: ErrorDetails, catalog: Catalog
) -> Diagnostic:
    loc = _clean(error["loc"], doc.data)
    kind_of_error = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    found = _show(value)

    if kind_of_error == "missing":
        holder = _model_at(model, loc[:-1])
        name = str(loc[-1])
        description = ""
        if holder is not None and name in holder.model_fields:
            description = _first_sentence(holder.model_fields[name].description)
        where = _where(kind, loc[:-1], doc.data)
        line, col = doc.positions.of(loc[:-1])
        text = f"{where}: mangler feltet «{name}»" + (f" ({description})" if description else "")
        return Diagnostic(doc.path, line, col, text)

    if kind_of_error == "extra_forbidden":
        holder = _model_at(model, loc[:-1])
        allowed = list(holder.model_fields) if holder is not None else []
        name = str(loc[-1])
        hint = suggest(name, allowed)
        message = f"ukjent felt «{name}»" + (hint if hint else f". Tillatte felt: {', '.join(allowed)}")
        where = _where(kind, loc[:-1], doc.data)
        line, col = doc.positions.of(loc, key=True)
        return Diagnostic(doc.path, line, col, f"{where}: {message}")

    if kind_of_error in ("reference", "plan_rule"):
        message = str(ctx.get("melding", error["msg"]))
    elif kind_of_error == "string_type":
        message = f"skal være tekst, men er {found}"
    elif kind_of_error in ("int_type", "int_parsing", "int_from_float"):
        message = f"skal være et helt tall, men er {found}"
        if isinstance(value, str) and re.fullmatch(r"[\d\s.,]+", value.replace("\u00a0", " ")):
            digits = re.sub(r"\D", "", value)
            message += f": skriv tallet uten mellomrom og punktum, som {digits}"
        elif isinstance(value, float):
            message += " (uten desimaler)"
    elif kind_of_error in ("float_type", "float_parsing"):
        message = f"skal være et tall (med punktum som desimaltegn, f.eks. 12.5), men er {found}"
    elif kind_of_error == "finite_number":
        message = "skal være et vanlig tall (ikke uendelig eller NaN)"
    elif kind_of_error in ("bool_type", "bool_parsing"):
        message = f"skal være true eller false, men er {found}"
        if isinstance(value, str) and value.lower() in ("true", "false"):
            message += ": skriv det uten anførselstegn"
        elif isinstance(value, str):
            message += ": skriv true for ja og false for nei"
    elif kind_of_error == "literal_error":
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        if loc and loc[-1] == "municipalities":
            message = f"skal være «alle» eller en liste med kommuner, men er {found}" + suggest(
                str(value), catalog.municipalities, show_allowed=True
            )
        else:
            message = f"{found} er ikke tillatt" + suggest(str(value), allowed, show_allowed=True)
    elif kind_of_error.startswith("date_") and isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        message = f"datoen {found} finnes ikke i kalenderen"
    elif kind_of_error.startswith("date_"):
        message = f"skal være en dato som ÅÅÅÅ-MM-DD (f.eks. 2021-04-23), men er {found}"
    elif kind_of_error == "list_type":
        message = f"skal være en liste (én linje per element, som begynner med «- »), men er {found}"
    elif kind_of_error in ("model_type", "dict_type", "model_attributes_type"):
        holder = _model_at(model, loc)
        names = list(holder.model_fields) if holder is not None else []
        message = f"skal ha underfeltene {', '.join(names)} (på egne linjer med innrykk), men er {found}"
        years = re.fullmatch(r"\s*(\d{4})\s*[-–]\s*(\d{4})\s*", value) if isinstance(value, str) else None
        if years and names[:2] == ["start", "end"]:
            message += f": skriv {{start: {years.group(1)}, end: {years.group(2)}}}"
    elif kind_of_error == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        if pattern == schema.NONBLANK:
            message = "kan ikke være tom"
        else:
            message = f"har feil form: {found}. Skriv {PATTERN_HINTS.get(pattern, 'en gyldig verdi')}"
    elif kind_of_error == "string_too_short":
        message = "kan ikke være tom"
    elif kind_of_error == "string_too_long":
        message = f"er for lang (høyst {ctx.get('max_length')} tegn)"
    elif kind_of_error == "too_short":
        message = f"må ha minst {ctx.get('min_length')} element, men er tom"
    elif kind_of_error == "greater_than_equal":
        message = f"må være minst {ctx.get('ge')}, men er {found}"
    elif kind_of_error == "less_than_equal":
        message = f"kan være høyst {ctx.get('le')}, men er {found}"
    else:
        message = f"ugyldig verdi {found} ({error['msg']})"
    return _diagnostic(doc, kind, loc, message)


def source_files(files: PlanFiles) -> dict[str, str]:
    """Focus area id → the file it is written in (as loaded)."""
    return {doc.data["id"]: path for path, doc in files.focus_areas.items() if isinstance(doc.data.get("id"), str)}
