"""The guide's section on the English edition («Engelsk utgave»): which texts can carry an English translation (the
keys of each ``en:`` block, from :mod:`scripts.model.english`), a measure of the plan with its translation as it is
written in its file, and the warning ``plan validate`` gives for the file with the most texts not yet translated."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from pathlib import Path

from schema import FocusArea, Goal, Measure, Plan
from scripts.core.problems import WARNING, Diagnostic
from scripts.editor.dump import to_yaml
from scripts.editor.guide.sources import SourceFiles, block_end_line, measure_loc
from scripts.load.folder import FOCUS_AREA_DIR
from scripts.model import english
from scripts.model.base import Model
from scripts.validate import translations

#: What can be translated: (what, the file it is written in, its English model).
KINDS: list[tuple[str, str, type[Model]]] = [
    ("Planen", "plan/plan.yaml", english.PlanEnglish),
    ("Satsingsområde", f"plan/{FOCUS_AREA_DIR}/", english.FocusAreaEnglish),
    ("Mål", f"plan/{FOCUS_AREA_DIR}/", english.GoalEnglish),
    ("Tiltak", f"plan/{FOCUS_AREA_DIR}/", english.MeasureEnglish),
    ("Statusoppdatering", f"plan/{FOCUS_AREA_DIR}/", english.StatusUpdateEnglish),
    ("Aktør", "plan/actors.yaml", english.ActorEnglish),
    ("Indikator", "plan/indikatorer.yaml", english.IndicatorEnglish),
    ("Rolletype, status og ordforklaring", "plan/vocabulary.yaml", english.VocabularyEnglish),
    ("Stikkord", "plan/vocabulary.yaml", english.TagEnglish),
]
#: The English texts of the example when the plan has no translated measure yet.
PLACEHOLDERS = {"title": "The title in English", "description": "What the measure is about and why, in English."}
#: Indentation of a measure's fields in the plan's files, when the example is written from the data.
FIELD_INDENT = 8


@dataclass(frozen=True)
class EnglishExample:
    """A measure with an English title and description, and what ``plan validate`` says of the plan's files."""

    measure: Measure
    #: The measure is translated in the plan (else the example adds a translation to show the form).
    translated: bool
    #: The file the excerpt is quoted from, and its lines (None: written from the plan's data).
    file: str | None
    first_line: int | None
    last_line: int | None
    #: The measure's lines from its title to the end of its «en:» block.
    excerpt: str
    #: (what, file, the keys its «en:» may have).
    kinds: list[tuple[str, str, list[str]]]
    #: Whether any text of the plan is translated (before that, ``plan validate`` says nothing of translations).
    started: bool
    #: The warning for the file with the most texts not translated (None when every text is translated).
    warning: str | None


def english_example(plan: Plan, sources: SourceFiles) -> EnglishExample:
    counts = _counts(plan, sources)
    path, worst = max(counts, key=lambda pair: pair[1].missing)
    warning = str(Diagnostic(path, 1, 1, translations.message(worst.missing), WARNING)) if worst.missing else None
    kinds = [(what, file, list(model.model_fields)) for what, file, model in KINDS]
    started = any(c.translated for _, c in counts)
    fa, goal, measure = _example_measure(plan)
    quoted = _quoted(sources, fa, goal, measure) if measure.en is not None else None
    file, first, last, excerpt = quoted or (None, None, None, _written(measure))
    return EnglishExample(measure, measure.en is not None, file, first, last, excerpt, kinds, started, warning)


def _counts(plan: Plan, sources: SourceFiles) -> list[tuple[str, translations.Count]]:
    """The count of each file of the plan, by the path editors know."""

    def total(models: list[Model]) -> translations.Count:
        return sum((translations.count(m) for m in models), translations.Count())

    counts = [
        ("plan/plan.yaml", translations.count(plan.plan)),
        ("plan/vocabulary.yaml", translations.count(plan.vocabulary)),
        ("plan/actors.yaml", total(list(plan.actors))),
        ("plan/indikatorer.yaml", total(list(plan.indicators))),
    ]
    counts += [(sources.shown(fa.id) or f"plan/{FOCUS_AREA_DIR}/", translations.count(fa)) for fa in plan.focus_areas]
    return counts


def _example_measure(plan: Plan) -> tuple[FocusArea, Goal, Measure]:
    """The first measure with an English title and description, else the first translated one, else the first."""
    measures = list(plan.measures())
    full = [t for t in measures if t[2].en is not None and t[2].en.title and t[2].en.description]
    some = [t for t in measures if t[2].en is not None]
    return (full or some or measures)[0]


def _quoted(sources: SourceFiles, fa: FocusArea, goal: Goal, measure: Measure) -> tuple[str, int, int, str] | None:
    """The measure's lines from «title:» to the end of «en:», as written in its file (None: not in a file)."""
    doc = sources.document(fa.id)
    loc = measure_loc(doc, goal.id, measure.id) if doc is not None else None
    file = sources.shown(fa.id)
    if doc is None or loc is None or file is None:
        return None
    title, en = doc.positions.keys.get((*loc, "title")), doc.positions.keys.get((*loc, "en"))
    if title is None or en is None:
        return None
    lines = Path(doc.path).read_text(encoding="utf-8").splitlines()
    first, last = min(title[0], en[0]), block_end_line(lines, en[0], en[1] - 1, list_items=False)
    return file, first, last, "\n".join(lines[first - 1 : last])


def _written(measure: Measure) -> str:
    """The measure's title, description and «en:» block as YAML, from its data; the plan's own translation when
    it has one, else the texts of :data:`PLACEHOLDERS`."""
    given = measure.en.model_dump(exclude_none=True) if measure.en is not None else {}
    data = {"title": measure.title, "description": measure.description, "en": given or PLACEHOLDERS}
    return textwrap.indent(to_yaml(data), " " * FIELD_INDENT).rstrip("\n")
