"""A synthetic but valid plan of any size, for the benchmark (``scripts.dev.bench``) and for tests.

In: a number of measures N. Out: a plan folder with the same files as ``plan/`` (:func:`write`, or
``python -m scripts.dev.synth --measures N OUT``), or the same files as data, path → content (:func:`synthesize`).

N measures spread over a small, almost fixed number of focus areas (5 to 8) and about three measures per goal, as
in the shipped plan (15 goals, 46 measures). Every measure has exactly one lead, partners and often a funder;
budget lines inside its period; status updates in date order, with the status of the latest as its status. The
actors include Viken fylkeskommune, replaced by Akershus fylkeskommune from 2024, and each is only used in the
years it existed, so that the plan passes ``plan validate``.

The output depends on N only: a seeded :class:`random.Random` and no clock, so two runs give the same bytes.
Measure 1.1.1, goal 1.1 and focus area 1 are the same in every plan, whatever N (:data:`FIRST_GOAL`,
:data:`FIRST_MEASURE`), so that the benchmark can compare the page of one measure across plan sizes.

Modules: ``words`` (the fixed words and numbers, goal 1.1 and measure 1.1.1), ``plan_wide`` (plan, vocabulary,
actors, indicators), ``measures`` (drawing one measure), ``compose`` (the whole plan as data), ``files`` (writing
the folder), ``cli`` (the command line).
"""

from scripts.dev.synth.cli import main
from scripts.dev.synth.compose import focus_area_count, synthesize
from scripts.dev.synth.files import to_yaml, write
from scripts.dev.synth.measures import Measures
from scripts.dev.synth.plan_wide import actors, indicators, plan_info, slug, vocabulary
from scripts.dev.synth.words import (
    FIRST_GOAL,
    FIRST_MEASURE,
    FOCUS_AREAS,
    GOAL_VERBS,
    INDICATORS,
    KINDS,
    MUNICIPALITIES,
    NEWEST_UPDATE,
    PLAN_END,
    PLAN_START,
    TAGS,
    TOPICS,
    UPDATE_TEXTS,
)

__all__ = [
    "FIRST_GOAL",
    "FIRST_MEASURE",
    "FOCUS_AREAS",
    "GOAL_VERBS",
    "INDICATORS",
    "KINDS",
    "MUNICIPALITIES",
    "NEWEST_UPDATE",
    "PLAN_END",
    "PLAN_START",
    "TAGS",
    "TOPICS",
    "UPDATE_TEXTS",
    "Measures",
    "actors",
    "focus_area_count",
    "indicators",
    "main",
    "plan_info",
    "slug",
    "synthesize",
    "to_yaml",
    "vocabulary",
    "write",
]
