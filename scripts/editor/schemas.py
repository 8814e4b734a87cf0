"""The JSON Schema files that give editors completion and hover help for the YAML files (``plan schema``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

import schema

DIALECT = "https://json-schema.org/draft/2020-12/schema"

#: Schema file name → (model, which files it describes). The file names are what .vscode/settings.json maps.
SCHEMA_FILES: dict[str, tuple[type[BaseModel], str]] = {
    "plan.schema.json": (schema.PlanInfo, "plan/plan.yaml"),
    "vocabulary.schema.json": (schema.Vocabulary, "plan/vocabulary.yaml"),
    "actors.schema.json": (schema.ActorsFile, "plan/actors.yaml"),
    "indikatorer.schema.json": (schema.IndicatorsFile, "plan/indikatorer.yaml"),
    "satsingsomrade.schema.json": (schema.FocusArea, "plan/satsingsomrader/*.yaml"),
    "plan-data.schema.json": (schema.Plan, "data/plan.json"),
}


def json_schemas() -> dict[str, str]:
    """File name → the text of the JSON Schema file."""
    result: dict[str, str] = {}
    for name, (model, describes) in SCHEMA_FILES.items():
        document: dict[str, Any] = {"$schema": DIALECT, "$id": name}
        document.update(model.model_json_schema())
        document["$comment"] = f"Beskriver {describes}. Laget av «plan schema» fra schema.py: ikke rediger for hånd."
        result[name] = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return result


def write_schemas(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in json_schemas().items():
        path = out / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
