"""Stage 3, validate: check the loaded files against schema.py and report every problem at its line.

Each file is validated on its own, with a :class:`~scripts.model.catalog.Catalog` of the whole plan as
context, so that one broken file does not hide the problems in the others and references across files are
still checked. Then the rules that span several items run (:mod:`scripts.validate.rules`). Pydantic's errors
are turned into Norwegian messages that name the item («tiltak 1.2.3»), the field, what was found and what is
allowed (:mod:`scripts.validate.diagnostics`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

import schema
from schema import FocusArea, Measure, Plan
from scripts.core.collector import gc_paused
from scripts.core.dates import today
from scripts.core.problems import Diagnostic, Loc, errors, sorted_unique
from scripts.load.folder import PlanFiles, load_plan
from scripts.load.strict import Document
from scripts.model.catalog import Catalog
from scripts.validate import published, rules, translations
from scripts.validate.commits import Repository, commit_problems
from scripts.validate.diagnostics import clean, diagnostic, model_at, pydantic_diagnostic
from scripts.validate.rules import Checked, Problem
from scripts.validate.traps import trap_diagnostics


def validate_folder(
    folder: Path, on: dt.date | None = None, *, commits: bool = True
) -> tuple[Plan | None, list[Diagnostic]]:
    """Load and validate a plan folder, on a given day (default: :func:`today`). The plan is returned only when
    there is no error; warnings are returned with it. `commits` False: the editions' commits are not looked
    up (for an old version of the plan taken out of git into a temporary folder)."""
    _files, plan, diagnostics = load_and_validate(folder, on, commits=commits)
    return plan, diagnostics


def load_and_validate(
    folder: Path, on: dt.date | None = None, *, drafts: bool = False, commits: bool = True
) -> tuple[PlanFiles, Plan | None, list[Diagnostic]]:
    """:func:`validate_folder`, also giving the files as loaded (for the commands that edit them: their data and
    where each item is written). `drafts` as for :func:`validate_files`."""
    with gc_paused():
        files, problems = load_plan(folder)
        plan, more = validate_files(files, on, drafts=drafts, commits=commits)
    diagnostics = sorted_unique(problems + more)
    return files, (plan if not errors(diagnostics) else None), diagnostics


class PlanNotValid(Exception):
    """The plan has errors, so a command that edits it does not start; the message (Norwegian) names the first."""


def require_valid(folder: Path, on: dt.date | None = None) -> tuple[Plan, PlanFiles]:
    """The plan and its files for a command that edits them (the texts of ``plan new`` left in are allowed), or
    :class:`PlanNotValid`."""
    files, plan, problems = load_and_validate(folder, on, drafts=True)
    if plan is None:
        first = min(errors(problems), default=None)
        shown = f" Den første: {first}" if first else ""
        raise PlanNotValid(f"planen har feil: rett dem først (kjør «plan validate» for å se alle).{shown}")
    return plan, files


def validate_files(
    files: PlanFiles, on: dt.date | None = None, *, drafts: bool = False, commits: bool = True
) -> tuple[Plan | None, list[Diagnostic]]:
    """Validate loaded files: each against its model, with the catalog of the whole plan as context, then the
    rules that span items and files, on a given day (default: :func:`today`). The plan is returned only when
    every file is there and has no error; the problems that are only warnings come with it. With `drafts`, the
    texts of ``plan new`` left in are no error (``plan new`` may add a measure under the goal it just added).
    With `commits`, the editions' commits are looked up in the git repository of the plan folder (commits.py)."""
    catalog = plan_catalog(files)
    checked = Checked(catalog, on if on is not None else today())
    context = {"catalog": catalog}
    found: list[Diagnostic] = []
    models: dict[str, Any] = {}
    for kind, doc in files.fixed.items():
        model = _validate(schema.FILE_MODELS[kind], doc, kind, context, found)
        if model is not None:
            models[kind] = model
    found += _fixed_file_rules(files, models, catalog)
    repository = _repository(models["plan"], files.folder) if commits and "plan" in models else None
    if repository is not None:
        found += _diagnostics(files.fixed["plan"], "plan", commit_problems(models["plan"], repository))

    focus_areas: list[FocusArea] = []
    counts = [(files.fixed[kind].path, translations.count(model)) for kind, model in models.items()]
    for doc in files.focus_areas.values():
        focus_area = _validate(FocusArea, doc, "focus_area", context, found)
        if focus_area is not None:
            focus_areas.append(focus_area)
            counts.append((doc.path, translations.count(focus_area)))
        for loc, measure in _measures(focus_area, doc.data, catalog):
            problems = (dataclasses.replace(p, loc=(*loc, *p.loc)) for p in rules.measure_problems(measure, checked))
            found += _diagnostics(doc, "focus_area", problems)
        texts = rules.text_problems(doc.data)
        found += _diagnostics(doc, "focus_area", (p for p in texts if not (drafts and p.placeholder)))
    raw_areas = {path: doc.data for path, doc in files.focus_areas.items()}
    for path, problem in [*rules.id_problems(raw_areas), *rules.former_id_problems(raw_areas)]:
        found += _diagnostics(files.focus_areas[path], "focus_area", [problem])
    if repository is not None:
        numbers = published.published_measures(models["plan"], repository)
        for path, problem in published.reuse_problems(numbers, raw_areas):
            found += _diagnostics(files.focus_areas[path], "focus_area", [problem])

    found = _without_moot_warnings(found) + translations.warnings(counts)
    complete = len(models) == len(schema.FILE_MODELS) - 1 and len(focus_areas) == len(files.focus_areas)
    if errors(found) or not complete:
        return None, found
    plan = Plan(
        plan=models["plan"],
        vocabulary=models["vocabulary"],
        actors=models["actors"].actors,
        indicators=models["indicators"].indicators,
        focus_areas=sorted(focus_areas, key=lambda fa: int(fa.id)),
    )
    return plan, found


def _without_moot_warnings(found: list[Diagnostic]) -> list[Diagnostic]:
    """The problems without the warnings about a value that has an error: «amount: 200.000» is an error (a
    point between thousands) and not also «beløpet er bare 200 kr»."""
    wrong = {(d.file, d.line, d.col) for d in found if d.is_error}
    return [d for d in found if d.is_error or (d.file, d.line, d.col) not in wrong]


def _repository(info: schema.PlanInfo, folder: Path) -> Repository | None:
    """The git repository of the plan folder, when an edition names a commit in it (one git call, shared by the
    rules that read the editions' commits)."""
    return Repository.of(folder) if any(r.commit is not None for r in info.revisions) else None


def plan_catalog(files: PlanFiles) -> Catalog:
    """What the plan defines, read from the files as loaded (before validation, best effort)."""
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
    return catalog


def _diagnostics(doc: Document, kind: str, problems: Iterable[Problem]) -> list[Diagnostic]:
    return [dataclasses.replace(diagnostic(doc, kind, p.loc, p.message), severity=p.severity) for p in problems]


def _fixed_file_rules(files: PlanFiles, models: Mapping[str, Any], catalog: Catalog) -> list[Diagnostic]:
    """The rules of the fixed files: unique ids in each list (on the raw data), then each file's own rules
    (on the validated model, when there is one)."""
    found: list[Diagnostic] = []
    for kind, key, what in [
        ("actors", "actors", "aktøren"),
        ("indicators", "indicators", "indikatoren"),
        ("vocabulary", "role_types", "rolletypen"),
        ("vocabulary", "statuses", "statusen"),
        ("vocabulary", "terms", "ordet"),
        ("vocabulary", "tags", "stikkordet"),
    ]:
        source = files.fixed.get(kind)
        if source is not None and isinstance(source.data.get(key), list):
            found += _diagnostics(source, kind, rules.unique_problems(source.data[key], "id", what, (key,)))
    checks: dict[str, Callable[[Any], Iterable[Problem]]] = {
        "vocabulary": rules.vocabulary_problems,
        "actors": lambda actors: rules.actor_problems(actors, catalog),
        "plan": lambda info: rules.plan_info_problems(info, catalog),
        "indicators": rules.indicator_problems,
    }
    for kind, check in checks.items():
        if kind in models:
            found += _diagnostics(files.fixed[kind], kind, check(models[kind]))
    return found


def _validate(
    model: type[BaseModel], doc: Document, kind: str, context: dict[str, Any], found: list[Diagnostic]
) -> Any:
    """The file's model, or None; its problems, and those of the values YAML changed (traps.py), added to found."""
    try:
        result = model.model_validate(doc.data, context=context)
    except ValidationError as error:
        catalog = context["catalog"]
        details = error.errors(include_url=False)
        misspelt = _misspelt_fields(model, details, doc.data)
        for detail in details:
            if detail["type"] == "missing" and clean(detail["loc"], doc.data) in misspelt:
                continue  # «ukjent felt «titel» – mente du «title»?» already says it
            found.append(pydantic_diagnostic(doc, kind, model, detail, catalog))
        found += trap_diagnostics(doc, kind, model, {clean(detail["loc"], doc.data) for detail in details})
        return None
    found += trap_diagnostics(doc, kind, model, ())
    return result


def _misspelt_fields(model: type[BaseModel], details: list[ErrorDetails], data: Any) -> set[Loc]:
    """The missing fields that an unknown field next to them is a misspelling of."""
    result: set[Loc] = set()
    for detail in details:
        if detail["type"] == "extra_forbidden":
            loc = clean(detail["loc"], data)
            holder = model_at(model, loc[:-1])
            if holder is not None:
                close = difflib.get_close_matches(str(loc[-1]), list(holder.model_fields), n=1, cutoff=0.6)
                result.update((*loc[:-1], name) for name in close)
    return result


def _measures(focus_area: FocusArea | None, raw: Mapping[str, Any], catalog: Catalog) -> Iterable[tuple[Loc, Measure]]:
    """Every valid measure with its place in the file. When the file has errors, each measure is tried on
    its own and without checking references (those are reported already), so that the rules still run for
    every measure whose structure is fine."""
    unchecked = {
        "catalog": Catalog(
            start_status=catalog.start_status, unknown={"actor", "role", "status", "indicator", "measure", "tag"}
        )
    }
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
                yield ("goals", g, "measures", m), Measure.model_validate(measure_data, context=unchecked)
            except ValidationError:
                continue


def source_files(files: PlanFiles) -> dict[str, str]:
    """Focus area id → the file it is written in (as loaded)."""
    return {doc.data["id"]: path for path, doc in files.focus_areas.items() if isinstance(doc.data.get("id"), str)}
