"""Property: any valid plan survives dump → load → validate unchanged, whatever its texts look like."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import schema
from conftest import ROOT, VALID_PLAN
from scripts.core.problems import errors
from scripts.editor.dump import plan_files, write_plan
from scripts.validate.validator import validate_folder

# Texts that a YAML writer or reader could easily get wrong.
TRICKY = [
    "no",
    "yes",
    "on",
    "off",
    "true",
    "null",
    "~",
    "1.2",
    "1.10",
    "0o17",
    "1_000",
    "2021-04-23",
    ".inf",
    "#ikke en kommentar",
    "a: b",
    "- punkt",
    "'enkle'",
    '"doble"',
    "æøå ÆØÅ",
    "linje 1\nlinje 2",
    "  innrykk",
    "slutt med mellomrom ",
    "tab\tinni",
    "{x}",
    "[y]",
    "&anker",
    "*alias",
    "!tag",
    "%",
    "@",
    "`",
]
words = st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs")), min_size=1, max_size=24)
texts = st.one_of(st.sampled_from(TRICKY), words, st.lists(words, min_size=2, max_size=3).map("\n".join)).filter(
    lambda s: s.strip() != ""
)
slugs = st.from_regex(r"\A[a-z0-9]{1,8}(-[a-z0-9]{1,6}){0,2}\Z")
years = st.integers(2000, 2040)
dates = st.dates(dt.date(2000, 1, 1), dt.date(2060, 12, 31))
optional = st.none


def english(model: type[schema.Model]) -> st.SearchStrategy[Any]:
    """An en block or none: each of its texts translated or not (an empty block «en: {}» included)."""
    return optional() | st.builds(model, **{name: optional() | texts for name in model.model_fields})


VOCABULARY = schema.Vocabulary(
    role_types=[
        schema.RoleType(id="ansvarlig", label="Ansvarlig", description="Leder.", lead=True, order=1),
        schema.RoleType(id="samarbeidspartner", label="Samarbeidspartner", description="Deltar.", order=2),
        schema.RoleType(id="finansiør", label="Finansiør", description="Betaler.", order=3),
    ],
    statuses=[
        schema.Status(id="planlagt", label="Planlagt", description="Ikke begynt.", colour="#4a5560", order=1),
        schema.Status(
            id="pågår",
            label="Pågår",
            description="I gang.",
            colour="#1a5e9a",
            order=2,
            en=schema.VocabularyEnglish(label="In progress"),
        ),
        schema.Status(id="fullført", label="Fullført", description="Ferdig.", colour="#2b6e31", done=True, order=3),
    ],
)
STATUSES = [s.id for s in VOCABULARY.statuses]


@st.composite
def plans(draw: st.DrawFn) -> schema.Plan:
    actor_ids = draw(st.lists(slugs, min_size=2, max_size=5, unique=True))
    actors = [
        schema.Actor(
            id=ident,
            name=draw(texts),
            short_name=draw(optional() | texts),
            kind="kommune" if i == 0 else draw(st.sampled_from(["kommune", "næringsforening", "annet"])),
            description=draw(optional() | texts),
            url=draw(optional() | st.just("https://example.org/a?b=c")),
            active_from=draw(optional() | st.dates(dt.date(1990, 1, 1), dt.date(1999, 12, 31))),
            en=draw(english(schema.ActorEnglish)),
        )
        for i, ident in enumerate(actor_ids)
    ]
    municipalities = [a.id for a in actors if a.kind == "kommune"]
    indicator_ids = draw(st.lists(slugs, max_size=3, unique=True))
    indicators = [
        schema.Indicator(
            id=ident,
            title=draw(texts),
            unit=draw(texts),
            source=draw(texts),
            source_table=draw(optional() | texts),
            source_fetched=draw(optional() | st.dates(dt.date(2100, 1, 1), dt.date(2100, 12, 31))),
            # the target must lie in the direction that is better
            better="høyere" if target >= baseline else "lavere",
            baseline=schema.Point(year=2020, value=baseline),
            target=schema.Point(year=2030, value=target),
            observations=[
                schema.Observation(year=year, value=draw(st.floats(0, 1e6)), note=draw(optional() | texts))
                for year in sorted(draw(st.sets(years, max_size=4)))
            ],
            illustrative=draw(st.booleans()),
            en=draw(english(schema.IndicatorEnglish)),
        )
        for ident in indicator_ids
        for baseline, target in [(draw(st.floats(-1e9, 1e9)), float(draw(st.integers(0, 10**9))))]
    ]
    shape = draw(st.lists(st.lists(st.integers(0, 3), min_size=1, max_size=3), min_size=1, max_size=3))
    measure_ids = [
        f"{f + 1}.{g + 1}.{m + 1}" for f, goals in enumerate(shape) for g, n in enumerate(goals) for m in range(n)
    ]

    def measure(ident: str) -> schema.Measure:
        start = draw(years)
        end = draw(optional() | st.integers(start, 2050))
        status = draw(st.sampled_from(STATUSES))
        update_dates = sorted(draw(st.lists(dates, max_size=3)))
        updates = [
            schema.StatusUpdate(
                date=d,
                status=draw(st.sampled_from(STATUSES)),
                text=draw(texts),
                en=draw(english(schema.StatusUpdateEnglish)),
            )
            for d in update_dates
        ]
        if updates:
            status = updates[-1].status
        partners = draw(st.lists(st.sampled_from(actor_ids), max_size=3, unique=True))
        roles = [schema.Role(actor=draw(st.sampled_from(actor_ids)), role="ansvarlig", note=draw(optional() | texts))]
        roles += [schema.Role(actor=a, role="samarbeidspartner") for a in partners]
        return schema.Measure(
            id=ident,
            title=draw(texts),
            description=draw(texts),
            roles=roles,
            period=schema.Period(start=start, end=end),
            status=status,
            priority=draw(optional() | st.sampled_from(["høy", "middels", "lav"])),
            # A budget line pasted twice is an error: the lines of a measure differ.
            budget=list(
                dict.fromkeys(
                    schema.BudgetLine(
                        year=draw(st.integers(start, end if end is not None else 2060)),
                        amount=draw(st.integers(0, 10**8)),
                        funder=draw(st.sampled_from(actor_ids)),
                        secured=draw(st.booleans()),
                        note=draw(optional() | texts),
                    )
                    for _ in range(draw(st.integers(0, 3)))
                )
            ),
            status_updates=updates,
            municipalities=draw(st.just("alle") | st.lists(st.sampled_from(municipalities), unique=True)),
            indicators=draw(st.lists(st.sampled_from(indicator_ids), unique=True)) if indicator_ids else [],
            related=[r for r in draw(st.lists(st.sampled_from(measure_ids), max_size=2, unique=True)) if r != ident],
            links=[schema.Link(title=draw(texts), url="https://example.org/")] if draw(st.booleans()) else [],
            tags=draw(st.lists(slugs, max_size=2)),
            en=draw(english(schema.MeasureEnglish)),
        )

    focus_areas = [
        schema.FocusArea(
            id=str(f + 1),
            title=draw(texts),
            summary=draw(texts),
            description=draw(texts),
            illustrative=draw(st.booleans()),
            en=draw(english(schema.FocusAreaEnglish)),
            goals=[
                schema.Goal(
                    id=f"{f + 1}.{g + 1}",
                    title=draw(texts),
                    description=draw(optional() | texts),
                    measures=[measure(f"{f + 1}.{g + 1}.{m + 1}") for m in range(n)],
                    en=draw(english(schema.GoalEnglish)),
                )
                for g, n in enumerate(goals)
            ],
        )
        for f, goals in enumerate(shape)
    ]
    info = schema.PlanInfo(
        title=draw(texts),
        short_title=draw(texts),
        region=draw(texts),
        period=schema.PlanPeriod(start=2000, end=2060),
        vision=draw(texts),
        summary=draw(texts),
        owner=actor_ids[0],
        sdg=draw(st.lists(st.integers(1, 17), max_size=3)),
        content_notice=draw(optional() | texts),
        en=draw(english(schema.PlanEnglish)),
        revisions=[
            schema.Revision(
                version=version,
                title=draw(texts),
                date=draw(st.sampled_from(["2021-04-23", "2020-01"])),
                stage="vedtatt",
                changes=draw(texts),
                decision=schema.Decision(body=draw(texts), date="2021-04-23", case_number=draw(optional() | texts)),
            )
            for version in draw(st.lists(st.sampled_from(["1", "1.0", "1.10", "2.0", "3"]), min_size=1, unique=True))
        ],
    )
    return schema.Plan(plan=info, vocabulary=VOCABULARY, actors=actors, indicators=indicators, focus_areas=focus_areas)


#: «Today» for validation: after every date the strategies draw, so no status update is in the future.
TODAY = dt.date(2061, 1, 1)


def roundtrip(plan: schema.Plan) -> tuple[schema.Plan | None, list[Any]]:
    with tempfile.TemporaryDirectory() as folder:
        write_plan(plan, Path(folder))
        return validate_folder(Path(folder), TODAY)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(plans())
def test_a_valid_plan_survives_dump_load_validate_unchanged(plan: schema.Plan) -> None:
    loaded, problems = roundtrip(plan)
    assert errors(problems) == []  # random amounts and titles may well give warnings
    assert loaded == plan


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(plans())
def test_dumping_a_loaded_plan_gives_the_same_files(plan: schema.Plan) -> None:
    loaded, _ = roundtrip(plan)
    assert loaded is not None
    assert plan_files(loaded) == plan_files(plan)


def test_the_test_plan_survives_the_roundtrip() -> None:
    plan, problems = validate_folder(VALID_PLAN)
    assert problems == [] and plan is not None
    loaded, problems = roundtrip(plan)
    assert problems == []
    assert loaded == plan


def test_the_plan_with_every_kind_of_translation_survives_the_roundtrip_with_only_the_translated_keys() -> None:
    plan, problems = validate_folder(ROOT / "tests" / "fixtures" / "diff" / "full-plan")
    assert not errors(problems) and plan is not None
    loaded, problems = roundtrip(plan)
    assert not errors(problems)
    assert loaded == plan
    area = plan_files(plan)["satsingsomrader/1.yaml"]
    assert "description: Beskrivelse.\nen:\n  title: Networks\n" in area
    assert "      en:\n        text: Begun.\n" in area  # the status update: only its text, no empty keys
    assert "null" not in area
