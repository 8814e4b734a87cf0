"""The whole synthetic plan as data: file path → content, from the number of measures only."""

from __future__ import annotations

import math
import random
from typing import Any

from scripts.dev.synth.measures import Measures
from scripts.dev.synth.plan_wide import actors, indicators, plan_info, slug, vocabulary
from scripts.dev.synth.words import FIRST_GOAL, FOCUS_AREAS, GOAL_VERBS, INDICATORS, TOPICS
from scripts.load.folder import FOCUS_AREA_DIR


def focus_area_count(measures: int) -> int:
    """5 focus areas for a plan the size of the shipped one, at most 8 however large the plan gets."""
    return max(5, min(len(FOCUS_AREAS), math.ceil(measures / 100) + 4))


def _spread(total: int, parts: int) -> list[int]:
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


def synthesize(measures: int) -> dict[str, Any]:
    """The plan's files as data: relative path → content. The same N always gives the same plan."""
    if measures < 1:
        raise ValueError("measures must be at least 1")
    rng = random.Random(measures)
    actor_list = actors(measures)
    drawer = Measures(rng, actor_list)
    areas = focus_area_count(measures)
    goals_per_area = _spread(max(areas, round(measures / 3)), areas)
    measures_per_goal = iter(_spread(measures, sum(goals_per_area)))

    files: dict[str, Any] = {
        "plan.yaml": plan_info(measures),
        "vocabulary.yaml": vocabulary(),
        "actors.yaml": {"actors": actor_list},
        "indikatorer.yaml": {"indicators": indicators(rng)},
    }
    for f, (title, summary) in enumerate(FOCUS_AREAS[:areas], 1):
        goals = [_goal(drawer, f"{f}.{g}", next(measures_per_goal), title) for g in range(1, goals_per_area[f - 1] + 1)]
        files[f"{FOCUS_AREA_DIR}/{f}-{slug(title)}.yaml"] = {
            "id": str(f),
            "title": title,
            "summary": summary,
            "description": f"{summary} Satsingsområdet har {len(goals)} mål.",
            "illustrative": True,
            "goals": goals,
        }
    return files


def _goal(drawer: Measures, ident: str, count: int, fa_title: str) -> dict[str, Any]:
    """Goal ``ident`` with ``count`` measures (goal 1.1 has the fixed title, indicators and description)."""
    rng = drawer.rng
    description: str | None
    if ident == FIRST_GOAL["id"]:
        head, description = {k: FIRST_GOAL[k] for k in ("id", "title", "indicators")}, FIRST_GOAL["description"]
    else:
        head = {
            "id": ident,
            "title": f"{rng.choice(GOAL_VERBS)} innen {rng.choice(TOPICS)}",
            "indicators": sorted(rng.sample([i[0] for i in INDICATORS], rng.randint(1, 2))),
        }
        description = None
    goal: dict[str, Any] = {
        **head,
        "measures": [drawer.measure(f"{ident}.{m}", fa_title) for m in range(1, count + 1)],
    }
    if description is None and rng.random() < 0.5:
        description = "Målet følges opp med indikatorene under."
    if description is not None:
        goal["description"] = description
    return goal
