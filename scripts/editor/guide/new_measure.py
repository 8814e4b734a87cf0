"""The new-measure page («Legge til et nytt tiltak»): the next free number under a real goal, and the skeleton
``plan new measure`` writes (from :mod:`scripts.editor.skeleton`), led by a real municipality and indented as
the goal's other measures; the fields of a measure with their descriptions from :class:`schema.Measure`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import schema
from schema import Actor, FocusArea, Goal, Measure, Plan
from scripts.editor.guide.sources import SourceFiles, list_indent
from scripts.editor.skeleton import measure_skeleton, next_id


@dataclass(frozen=True)
class NewMeasureExample:
    """The next free number under a real goal and a minimal valid measure to paste there."""

    focus_area: FocusArea
    goal: Goal
    next_id: str
    file: str | None
    #: The goal that follows in the same file (the new measure goes above it), if any.
    next_goal: Goal | None
    #: The YAML lines to paste, indented as the other measures of the goal.
    skeleton: str
    lead: Actor
    year: int
    #: (field, description) of the required and the optional fields of a measure.
    required: list[tuple[str, str]]
    optional: list[tuple[str, str]]


#: Indentation of «- id:» of a measure in the plan's files, when it cannot be read from the file.
MEASURE_INDENT = 6


def example_goal(plan: Plan) -> tuple[FocusArea, Goal]:
    """The second goal of the first focus area (a goal with another one after it, so that the example shows
    where a new measure goes when more follows), or the first goal when there is only one."""
    fa = plan.focus_areas[0]
    return fa, fa.goals[1] if len(fa.goals) > 1 else fa.goals[0]


def plan_year(plan: Plan) -> int:
    """The newest year the plan's data speaks of (revisions and status updates), inside the plan period: a
    year for examples that does not change with the day the site is built."""
    years = [int(r.date[:4]) for r in plan.plan.revisions]
    years += [u.date.year for _, _, m in plan.measures() for u in m.status_updates]
    period = plan.plan.period
    return min(max([period.start, *years]), period.end)


def example_lead(plan: Plan) -> Actor:
    """A municipality that still exists (the first in actors.yaml), else any actor that still exists."""
    current = [a for a in plan.actors if a.replaced_by is None and a.active_to is None]
    return next((a for a in current if a.kind == "kommune"), current[0] if current else plan.actors[0])


def field_descriptions(model: type[schema.Model], *, required: bool) -> list[tuple[str, str]]:
    """(name, description on one line) of the required or the optional fields of a model, in model order."""
    return [
        (name, " ".join((info.description or "").split()))
        for name, info in model.model_fields.items()
        if info.is_required() == required
    ]


def new_measure_example(plan: Plan, sources: SourceFiles) -> NewMeasureExample:
    """The example on the page: the next measure of :func:`example_goal`, led by :func:`example_lead` from
    :func:`plan_year`."""
    fa, goal = example_goal(plan)
    ident = next_id(f"{goal.id}.", [m.id for m in goal.measures])
    lead = example_lead(plan)
    year = plan_year(plan)
    skeleton = measure_skeleton(plan, ident, lead, year, _measure_indent(sources, fa, goal))
    goals = fa.goals
    following = goals[goals.index(goal) + 1] if goals.index(goal) + 1 < len(goals) else None
    return NewMeasureExample(
        focus_area=fa,
        goal=goal,
        next_id=ident,
        file=sources.shown(fa.id),
        next_goal=following,
        skeleton="\n".join(skeleton),
        lead=lead,
        year=year,
        required=field_descriptions(Measure, required=True),
        optional=[f for f in field_descriptions(Measure, required=False) if f[0] != "status"],  # from the updates
    )


def _measure_indent(sources: SourceFiles, fa: FocusArea, goal: Goal) -> int:
    """How far the goal's measures are indented in its file (MEASURE_INDENT when that cannot be read)."""
    doc = sources.document(fa.id)
    if doc is None:
        return MEASURE_INDENT
    for g, raw in enumerate(doc.data.get("goals") or []):
        if isinstance(raw, Mapping) and raw.get("id") == goal.id:
            return list_indent(doc, ("goals", g, "measures"), MEASURE_INDENT)
    return MEASURE_INDENT
