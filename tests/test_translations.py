"""English translations of the plan's texts: an `en:` block beside the Norwegian fields, with the same keys and only
the texts that are translated. A wrong key or an empty text is an error with the fix; a missing translation never
is: `plan validate` warns once per file with the count, and only once the plan has begun its English edition."""

from __future__ import annotations

import datetime as dt
import re
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

import schema
from conftest import replace_once, run_plan
from scripts.core.problems import errors, warnings
from scripts.model.english import translatable
from scripts.present.i18n import localized
from scripts.validate import translations
from scripts.validate.validator import validate_folder

TODAY = dt.date(2026, 12, 1)
AREA = "satsingsomrader/1-nettverk.yaml"
MEASURE_TITLE = "        title: Nettverk for logistikk\n"
EN_TITLE = "        en:\n          title: Logistics network\n"

#: Every model whose texts can be translated, with its English model.
TRANSLATABLE = {
    cls: typing.get_args(cls.model_fields["en"].annotation)[0]
    for cls in vars(schema).values()
    if isinstance(cls, type) and issubclass(cls, BaseModel) and "en" in getattr(cls, "model_fields", {})
}


@pytest.fixture
def folder(workdir: Path) -> Path:
    return workdir / "plan"


def translate_first_measure(folder: Path) -> None:
    replace_once(folder / AREA, MEASURE_TITLE, MEASURE_TITLE + EN_TITLE)


def messages(folder: Path) -> tuple[list[str], list[str]]:
    """The errors and warnings as `plan validate` prints them (with the count of texts not translated)."""
    _, problems = validate_folder(folder, TODAY, translations=True)
    return [str(p) for p in errors(problems)], [str(p) for p in warnings(problems)]


def missing_in(warning: str | None) -> int:
    assert warning is not None
    found = re.search(r"(\d+) tekst(?:er)? i filen", warning)
    assert found, warning
    return int(found.group(1))


# -- the model ------------------------------------------------------------------------------------------------


def test_every_kind_the_decision_names_can_be_translated() -> None:
    kinds = {cls.__name__ for cls in TRANSLATABLE}
    assert kinds >= {
        "PlanInfo", "FocusArea", "Goal", "Measure", "StatusUpdate", "Actor", "Indicator",
        "Status", "RoleType", "Term", "TagLabel",
    }  # fmt: skip


@pytest.mark.parametrize("cls", TRANSLATABLE, ids=lambda c: c.__name__)
def test_an_en_block_has_only_the_objects_own_text_fields_each_optional_and_described(cls: type[BaseModel]) -> None:
    english = TRANSLATABLE[cls]
    assert english.model_config.get("extra") == "forbid"
    for name, field in english.model_fields.items():
        assert name in cls.model_fields, f"{english.__name__}.{name} translates no field of {cls.__name__}"
        assert not field.is_required() and field.default is None
        assert field.description and "engelsk" in field.description.lower()
    assert cls.model_fields["en"].description


def test_a_translated_measure_gives_its_english_title_and_falls_back_to_norwegian_for_the_rest(folder: Path) -> None:
    translate_first_measure(folder)
    plan, problems = validate_folder(folder, TODAY)
    assert plan is not None, problems
    measure = next(m for _, _, m in plan.measures() if m.id == "1.1.1")
    assert localized(measure, "title", "en").text == "Logistics network"
    described = localized(measure, "description", "en")
    assert (described.text, described.lang) == (measure.description, "nb")


def test_an_unknown_key_in_an_en_block_names_its_line_and_the_keys_allowed(folder: Path) -> None:
    replace_once(folder / AREA, MEASURE_TITLE, MEASURE_TITLE + "        en:\n          status: Ongoing\n")
    errs, _ = messages(folder)
    line = (folder / AREA).read_text(encoding="utf-8").splitlines().index("          status: Ongoing") + 1
    assert len(errs) == 1
    assert f"1-nettverk.yaml:{line}:" in errs[0]
    assert "ukjent felt «status». Under «en» står bare de engelske tekstene: title, description" in errs[0]


def test_a_misspelt_key_in_an_en_block_gets_the_key_meant(folder: Path) -> None:
    replace_once(folder / AREA, MEASURE_TITLE, MEASURE_TITLE + "        en:\n          titel: Logistics\n")
    errs, _ = messages(folder)
    assert len(errs) == 1 and "«titel»" in errs[0] and "«title»" in errs[0]


def test_an_empty_english_text_is_an_error_not_a_missing_translation(folder: Path) -> None:
    replace_once(folder / AREA, MEASURE_TITLE, MEASURE_TITLE + '        en:\n          title: ""\n')
    errs, _ = messages(folder)
    assert len(errs) == 1 and "kan ikke være tom: ta bort linjen, så vises den norske teksten" in errs[0]


# -- the warning ------------------------------------------------------------------------------------------------


def test_a_plan_without_any_translation_gets_no_warning_about_translations(folder: Path) -> None:
    errs, warns = messages(folder)
    assert errs == []
    assert not [w for w in warns if "engelsk" in w]


def test_once_one_text_is_translated_each_file_with_untranslated_texts_gets_one_warning_at_line_1(
    folder: Path,
) -> None:
    translate_first_measure(folder)
    errs, warns = messages(folder)
    english = [w for w in warns if "engelsk oversettelse" in w]
    files = sorted(w.split(":")[0] for w in english)
    assert errs == []
    assert len(files) == len(set(files)) == 5  # plan, vocabulary, actors, indicators and the focus area
    assert all(re.match(r"[^:]+:1:1: ", w) for w in english)
    assert all("vises på norsk i den engelske utgaven" in w for w in english)


def test_the_count_is_the_texts_with_norwegian_and_no_english(folder: Path) -> None:
    translate_first_measure(folder)
    before = _warning_for(folder, "actors.yaml")
    actors = (folder / "actors.yaml").read_text(encoding="utf-8")
    names = len(re.findall(r"^\s+(name|short_name): ", actors, re.MULTILINE))
    assert missing_in(before) == names
    replace_once(
        folder / "actors.yaml", "    short_name: Nes\n", "    short_name: Nes\n    en:\n      name: Nes Municipality\n"
    )
    assert missing_in(_warning_for(folder, "actors.yaml")) == names - 1


def test_a_file_translated_in_full_gets_no_warning(folder: Path) -> None:
    translate_first_measure(folder)
    text = (folder / "indikatorer.yaml").read_text(encoding="utf-8")
    assert _warning_for(folder, "indikatorer.yaml")
    plan, _ = validate_folder(folder, TODAY)
    assert plan is not None
    for indicator in plan.indicators:
        fields = [f for f in translatable(TRANSLATABLE[schema.Indicator]) if getattr(indicator, f)]
        block = "".join(f"      {f}: English {f}\n" for f in fields)
        text = text.replace(f"  - id: {indicator.id}\n", f"  - id: {indicator.id}\n    en:\n{block}", 1)
    (folder / "indikatorer.yaml").write_text(text, encoding="utf-8")
    assert _warning_for(folder, "indikatorer.yaml") is None


def test_only_plan_validate_counts_the_translations_the_build_and_the_editing_tools_do_not(folder: Path) -> None:
    translate_first_measure(folder)
    plan, problems = validate_folder(folder, TODAY)
    assert plan is not None
    assert not [p for p in problems if "engelsk" in p.message]
    assert [w for w in messages(folder)[1] if "engelsk" in w]


def test_plan_validate_prints_the_warning_and_exits_0(folder: Path) -> None:
    translate_first_measure(folder)
    result = run_plan("validate", "--plan", str(folder))
    assert result.code == 0
    assert "advarsel:" in result.stdout + result.stderr
    assert "ingen engelsk oversettelse ennå" in result.stdout + result.stderr


def test_the_count_takes_every_translatable_object_under_a_model_and_only_texts_that_are_written() -> None:
    measure = {
        "id": "1.1.1", "title": "Tiltak", "description": "Tekst", "en": {"title": "Measure"},
        "roles": [{"actor": "nes-kommune", "role": "ansvarlig"}], "period": {"start": 2021},
        "status": "pågår", "municipalities": "alle",
        "status_updates": [{"date": "2021-01-01", "status": "pågår", "text": "I gang.", "en": {"text": "Begun."}}],
    }  # fmt: skip
    goal = schema.Goal.model_validate({"id": "1.1", "title": "Mål", "measures": [measure]})
    # the goal's title, the measure's title and description; the goal has no description, and the update's text
    # is not counted (a translated one neither)
    assert translations.count(goal) == translations.Count(texts=3, translated=1)


def test_status_updates_are_not_counted_so_the_shipped_plan_validates_without_warnings() -> None:
    result = run_plan("validate")
    assert result.code == 0
    assert "advarsel" not in result.stdout + result.stderr


def _warning_for(folder: Path, name: str) -> str | None:
    _, warns = messages(folder)
    found = [w for w in warns if w.split(":")[0].endswith(name) and "engelsk" in w]
    assert len(found) <= 1
    return found[0] if found else None
