"""The data contract for editors: every field is described in Norwegian and the committed JSON Schema is current."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pydantic import BaseModel

import schema
from conftest import ROOT, run_plan
from scripts.editor.schemas import SCHEMA_FILES, json_schemas

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
    assert committed.read_text(encoding="utf-8") == json_schemas(ROOT / "plan")[name], (
        f"docs/schema/{name} is out of date with schema.py or the ids in plan/: run 'make schema' (or "
        "'.venv/bin/plan schema') and commit the result"
    )


def test_plan_schema_writes_exactly_the_committed_files(tmp_path: Path) -> None:
    result = run_plan("schema", "--out", str(tmp_path / "schema"))
    assert result.code == 0
    written = sorted(p.name for p in (tmp_path / "schema").iterdir())
    assert written == sorted(p.name for p in (ROOT / "docs" / "schema").glob("*.json"))


def test_vscode_maps_each_schema_onto_the_plan_files_it_describes() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapped = {Path(schema_path).name: pattern for schema_path, pattern in settings["yaml.schemas"].items()}
    expected = {name: describes for name, (_, describes) in SCHEMA_FILES.items() if describes.startswith("plan/")}
    assert mapped == expected
    for schema_path in settings["yaml.schemas"]:
        assert (ROOT / schema_path).is_file()


def test_the_json_schema_carries_the_descriptions_editors_see_on_hover() -> None:
    focus_area = json.loads(json_schemas(ROOT / "plan")["satsingsomrade.schema.json"])
    status = focus_area["$defs"]["Measure"]["properties"]["status"]
    assert status["description"].startswith("Status nå")
    assert focus_area["additionalProperties"] is False
