"""The data contract for editors: every field is described in Norwegian and the committed JSON Schema is current."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pydantic import BaseModel

import schema
from conftest import ROOT, run_plan
from scripts.editor.schemas import SCHEMA_FILES, WITH_IDS, json_schemas

MODELS = sorted(
    {cls for cls in vars(schema).values() if isinstance(cls, type) and issubclass(cls, schema.Model)} - {schema.Model},
    key=lambda cls: cls.__name__,
)


@pytest.mark.parametrize("model", MODELS, ids=[m.__name__ for m in MODELS])
def test_every_field_has_a_norwegian_description(model: type[BaseModel]) -> None:
    for name, field in model.model_fields.items():
        assert field.description, f"{model.__name__}.{name} has no description"
        assert not re.search(r"\b(the|and|of|is)\b", field.description), f"{model.__name__}.{name} is in English"


@pytest.mark.parametrize("model", MODELS, ids=[m.__name__ for m in MODELS])
def test_every_model_forbids_unknown_fields(model: type[BaseModel]) -> None:
    assert model.model_config.get("extra") == "forbid"


@pytest.mark.parametrize("name", sorted(SCHEMA_FILES))
def test_the_committed_json_schema_is_current(name: str) -> None:
    committed = ROOT / "docs" / "schema" / name
    assert committed.read_text(encoding="utf-8") == json_schemas()[name], (
        f"docs/schema/{name} is out of date: run 'make schema' (or '.venv/bin/plan schema') and commit the result"
    )


def test_plan_schema_writes_exactly_the_committed_files(tmp_path: Path) -> None:
    result = run_plan("schema", "--out", str(tmp_path / "schema"), "--editor-out", str(tmp_path / "editor"))
    assert result.code == 0
    written = sorted(p.name for p in (tmp_path / "schema").iterdir())
    assert written == sorted(p.name for p in (ROOT / "docs" / "schema").glob("*.json"))


def test_plan_schema_check_fails_on_a_committed_file_that_is_out_of_date(tmp_path: Path) -> None:
    out = tmp_path / "schema"
    assert run_plan("schema", "--out", str(out), "--editor-out", str(tmp_path / "editor")).code == 0
    assert run_plan("schema", "--out", str(out), "--check").code == 0
    (out / "plan.schema.json").write_text("{}\n", encoding="utf-8")
    stale = run_plan("schema", "--out", str(out), "--check")
    assert stale.code == 1
    assert f"{out / 'plan.schema.json'} er ikke oppdatert med schema.py" in stale.stderr


def test_vscode_maps_each_plan_file_onto_the_schema_with_the_plans_ids() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapped = {schema_path: pattern for schema_path, pattern in settings["yaml.schemas"].items()}
    expected = {
        f"./.vscode/schema/{name}": describes for name, (_, describes) in SCHEMA_FILES.items() if name in WITH_IDS
    }
    assert mapped == expected
    assert {describes for _, describes in SCHEMA_FILES.values() if describes.startswith("plan/")} == set(
        mapped.values()
    )


def test_the_schemas_with_the_plans_ids_are_not_committed_but_written_when_the_tools_are_set_up() -> None:
    assert "/.vscode/schema/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "EDITOR_SCHEMAS = @$(BIN)/plan schema --editor" in makefile
    for target in ("$(BIN)/plan:", "site:", "serve:"):
        recipe = makefile.split(f"\n{target}", 1)[1].split("\n\n", 1)[0]
        assert "$(EDITOR_SCHEMAS)" in recipe, target
    tasks = json.loads((ROOT / ".vscode" / "tasks.json").read_text(encoding="utf-8"))["tasks"]
    assert [t["command"] for t in tasks if t["runOptions"]["runOn"] == "folderOpen"] == [
        ".venv/bin/plan schema --editor"
    ]


def test_the_json_schema_carries_the_descriptions_editors_see_on_hover() -> None:
    focus_area = json.loads(json_schemas()["satsingsomrade.schema.json"])
    status = focus_area["$defs"]["Measure"]["properties"]["status"]
    assert status["description"].startswith("Status nå")
    assert focus_area["additionalProperties"] is False


def test_the_json_schema_describes_the_en_blocks_and_their_keys() -> None:
    focus_area = json.loads(json_schemas()["satsingsomrade.schema.json"])
    en = focus_area["$defs"]["Measure"]["properties"]["en"]
    assert en["description"].startswith("Engelsk oversettelse")
    english = focus_area["$defs"]["MeasureEnglish"]
    assert english["additionalProperties"] is False
    assert set(english["properties"]) == {"title", "description"}
    assert all(p["description"] for p in english["properties"].values())
