"""The JSON Schema that VS Code reads is as strict as `plan validate`: one table of edits to the small test plan,
each run through both, and both say the same (valid or not) on every row.

The five slips an editor typically makes in a measure (a misspelt status, an unknown actor, a misspelt role, a
`related` measure that does not exist, an unknown indicator) are rows of their own; VS Code marks them while the
editor types because `plan schema` writes the plan's own ids as enums.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from conftest import ROOT, VALID_PLAN, replace_once, run_plan
from scripts.core.problems import errors
from scripts.editor.schemas import editor_schemas, json_schemas
from scripts.load.folder import load_plan
from scripts.validate.validator import validate_folder

TODAY = dt.date(2026, 12, 1)
FOCUS_AREA = "satsingsomrader/1-nettverk.yaml"

#: The kind of a loaded plan file → the schema VS Code gives it (.vscode/settings.json).
SCHEMA_OF_KIND = {
    "plan": "plan.schema.json",
    "vocabulary": "vocabulary.schema.json",
    "actors": "actors.schema.json",
    "indicators": "indikatorer.schema.json",
    "focus_area": "satsingsomrade.schema.json",
}

NEW_ACTOR = """  - id: gjerdrum-kommune
    name: Gjerdrum kommune
    kind: kommune
"""


@dataclass(frozen=True)
class Edit:
    """An edit as an editor makes it: in `file`, the first `old` becomes `new` (several edits in `more`)."""

    file: str
    old: str
    new: str
    more: tuple[tuple[str, str, str], ...] = ()

    def apply(self, plan: Path) -> None:
        for file, old, new in ((self.file, self.old, self.new), *self.more):
            replace_once(plan / file, old, new)


UNCHANGED = Edit(FOCUS_AREA, "title: Nettverk\n", "title: Nettverk\n")

#: name → (the edit, whether the plan is valid after it).
TABLE: dict[str, tuple[Edit, bool]] = {
    # -- the five typical slips -------------------------------------------------------------------------------
    "status misspelt «pågåt»": (Edit(FOCUS_AREA, "status: pågår", "status: pågåt"), False),
    "unknown actor «nes-komune»": (Edit(FOCUS_AREA, "actor: nes-kommune", "actor: nes-komune"), False),
    "role misspelt «ansvarli»": (Edit(FOCUS_AREA, "role: ansvarlig", "role: ansvarli"), False),
    "related measure that does not exist": (Edit(FOCUS_AREA, 'related: ["1.1.1"]', 'related: ["1.1.9"]'), False),
    "unknown indicator «arbeidsplaser»": (
        Edit(FOCUS_AREA, "indicators: [arbeidsplasser]", "indicators: [arbeidsplaser]"),
        False,
    ),
    # -- other slips ----------------------------------------------------------------------------------------------
    "a funder that is not an actor": (Edit(FOCUS_AREA, "funder: viken-fylkeskommune", "funder: viken"), False),
    "a municipality that is not a municipality": (
        Edit(FOCUS_AREA, "municipalities: [hurdal-kommune]", "municipalities: [nes-naeringsforening]"),
        False,
    ),
    "an unknown field «titel»": (
        Edit(FOCUS_AREA, "title: Nettverk for reiseliv", "titel: Nettverk for reiseliv"),
        False,
    ),
    "a year out of range": (Edit(FOCUS_AREA, "period: {start: 2024}", "period: {start: 1850}"), False),
    "a year in words": (Edit(FOCUS_AREA, "period: {start: 2024}", 'period: {start: "tjuefire"}'), False),
    "a status an actor's role type uses": (Edit(FOCUS_AREA, "status: pågår", "status: ansvarlig"), False),
    # -- English translations (en: blocks) ---------------------------------------------------------------------
    "an unknown key in a measure's en block": (
        Edit(FOCUS_AREA, "title: Nettverk for logistikk\n", "title: Nettverk for logistikk\n        en: {status: x}\n"),
        False,
    ),
    "an empty English title": (
        Edit(FOCUS_AREA, "title: Nettverk for logistikk\n", 'title: Nettverk for logistikk\n        en: {title: ""}\n'),
        False,
    ),
    "an English text that is a list": (
        Edit(FOCUS_AREA, "description: Et nettverk.\n", "description: Et nettverk.\n        en: {description: [a]}\n"),
        False,
    ),
    # -- valid edits ----------------------------------------------------------------------------------------------
    "the test plan as it is": (UNCHANGED, True),
    "another status from the vocabulary": (Edit(FOCUS_AREA, "status: pågår", "status: utsatt"), True),
    "another role type from the vocabulary": (
        Edit(FOCUS_AREA, "role: samarbeidspartner", "role: pådriver"),
        True,
    ),
    'a year in quotes «"2024"»': (Edit(FOCUS_AREA, "period: {start: 2024}", 'period: {start: "2024"}'), True),
    "a related measure that exists": (Edit(FOCUS_AREA, 'related: ["1.1.1"]', 'related: ["1.1.1"]'), True),
    "an indicator the plan defines": (
        Edit(
            FOCUS_AREA, "tags: [reiseliv, nettverk]", "tags: [reiseliv, nettverk]\n        indicators: [arbeidsplasser]"
        ),
        True,
    ),
    "a measure's title and description in English": (
        Edit(
            FOCUS_AREA,
            "title: Nettverk for logistikk\n",
            "title: Nettverk for logistikk\n        en:\n          title: Logistics network\n"
            "          description: A network.\n",
        ),
        True,
    ),
    "English in every kind of file: a status, an actor, an indicator, the plan": (
        Edit(
            "vocabulary.yaml",
            "    label: Pågår\n",
            "    label: Pågår\n    en: {label: In progress}\n",
            more=(
                ("actors.yaml", "    name: Nes kommune\n", "    name: Nes kommune\n    en: {name: Nes Municipality}\n"),
                ("indikatorer.yaml", "  - id: arbeidsplasser\n", "  - id: arbeidsplasser\n    en: {unit: jobs}\n"),
                ("plan.yaml", "vision: ", "en: {vision: A vision.}\nvision: "),
            ),
        ),
        True,
    ),
    "a new actor, added and used in a role": (
        Edit(
            "actors.yaml",
            "  - id: regionradet\n",
            NEW_ACTOR + "  - id: regionradet\n",
            more=(
                (
                    FOCUS_AREA,
                    "role: samarbeidspartner",
                    "role: samarbeidspartner\n          - actor: gjerdrum-kommune\n            role: pådriver",
                ),
            ),
        ),
        True,
    ),
}


def schema_accepts(plan: Path) -> bool:
    """What VS Code says: every file of the plan valid against the schema `plan schema` writes for this plan."""
    schemas = {name: json.loads(text) for name, text in editor_schemas(plan).items()}
    files, problems = load_plan(plan)
    assert not problems, problems
    return all(
        Draft202012Validator(schemas[SCHEMA_OF_KIND[kind]]).is_valid(doc.data) for kind, doc in files.documents()
    )


def validator_accepts(plan: Path) -> bool:
    """What `plan validate` says: no error (warnings are allowed, as `plan validate` exits 0 with them)."""
    _plan, problems = validate_folder(plan, TODAY)
    return not errors(problems)


@pytest.mark.parametrize("name", list(TABLE))
def test_the_json_schema_and_plan_validate_agree(name: str, tmp_path: Path) -> None:
    edit, valid = TABLE[name]
    plan = tmp_path / "plan"
    shutil.copytree(VALID_PLAN, plan)
    edit.apply(plan)
    assert (schema_accepts(plan), validator_accepts(plan)) == (valid, valid)


def test_the_shipped_plan_is_valid_for_both(tmp_path: Path) -> None:
    plan = tmp_path / "plan"
    shutil.copytree(ROOT / "plan", plan)
    assert (schema_accepts(plan), validator_accepts(plan)) == (True, True)


@pytest.mark.parametrize("source", [VALID_PLAN, ROOT / "plan"], ids=["test plan", "shipped plan"])
def test_the_schemas_with_ids_are_valid_json_schemas(source: Path) -> None:
    for text in editor_schemas(source).values():
        Draft202012Validator.check_schema(json.loads(text))  # raises SchemaError, naming the keyword


def test_the_table_holds_the_five_typical_slips_and_valid_edits() -> None:
    invalid = [name for name, (_, valid) in TABLE.items() if not valid]
    assert invalid[:5] == [
        "status misspelt «pågåt»",
        "unknown actor «nes-komune»",
        "role misspelt «ansvarli»",
        "related measure that does not exist",
        "unknown indicator «arbeidsplaser»",
    ]
    assert sum(valid for _, valid in TABLE.values()) >= 5


def test_a_slip_gets_a_norwegian_message_and_completion_in_vs_code() -> None:
    focus_area = json.loads(editor_schemas(VALID_PLAN)["satsingsomrade.schema.json"])
    status = focus_area["$defs"]["StatusUpdate"]["properties"]["status"]
    assert status["enum"] == ["planlagt", "pågår", "fullført", "utsatt", "avsluttet"]
    assert status["errorMessage"].startswith("Ukjent status: bruk en av statusene i plan/vocabulary.yaml")
    assert status["markdownEnumDescriptions"][1].startswith("**Pågår**: ")
    assert len(status["markdownEnumDescriptions"]) == len(status["enum"])


def test_the_committed_schemas_keep_only_the_shape() -> None:
    for name, text in json_schemas().items():
        assert "x-plan-reference" not in text and '"enum": [\n' + " " * 8 + '"nes-kommune"' not in text, name
        assert "errorMessage" not in text and "markdownEnumDescriptions" not in text, name


def test_plan_schema_writes_a_new_actor_into_the_schemas_vs_code_reads(tmp_path: Path) -> None:
    plan, docs, editor = tmp_path / "plan", tmp_path / "docs", tmp_path / "editor"
    shutil.copytree(VALID_PLAN, plan)
    assert run_plan("schema", "--plan", str(plan), "--out", str(docs), "--editor-out", str(editor)).code == 0
    committed = {p.name: p.read_text(encoding="utf-8") for p in docs.iterdir()}

    replace_once(plan / "actors.yaml", "  - id: regionradet\n", NEW_ACTOR + "  - id: regionradet\n")
    rewritten = run_plan("schema", "--plan", str(plan), "--editor", "--editor-out", str(editor))
    assert rewritten.code == 0
    assert f"Skrev {editor / 'satsingsomrade.schema.json'}" in rewritten.stdout
    focus_area = json.loads((editor / "satsingsomrade.schema.json").read_text(encoding="utf-8"))
    assert "gjerdrum-kommune" in focus_area["$defs"]["Role"]["properties"]["actor"]["enum"]
    assert {p.name: p.read_text(encoding="utf-8") for p in docs.iterdir()} == committed
