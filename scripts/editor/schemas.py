"""The JSON Schema files that give editors completion, hover help and red marks for the YAML files (``plan schema``).

The models in schema.py give the shape of each file; the plan's own files give the ids a reference may take: the
statuses and role types of plan/vocabulary.yaml (and its tags, when it lists them), the actors and municipalities
of plan/actors.yaml, the indicators of plan/indikatorer.yaml and the measures of plan/satsingsomrader/. Each
reference type is marked in pydantic's schema (``catalog.REFERENCE``); here the mark becomes an ``enum`` of the ids
the validator's catalog accepts, with a Norwegian line per id (``markdownEnumDescriptions``, shown by VS Code's
completion) and a Norwegian ``errorMessage`` (shown under the red mark).

So there are two sets of files. ``docs/schema/`` holds the shape alone (:func:`json_schemas`): committed, published
with the site (``plan-data.schema.json`` is the open data's contract, which must not change each time an actor is
added), and current while schema.py is (tests/test_schema_files.py, ``plan schema --check``, the pre-commit hook).
``.vscode/schema/`` holds the shape with the plan's ids (:func:`editor_schemas`), which VS Code reads: not
committed, since it changes whenever the plan does (a measure added in GitHub's web editor would otherwise make
every such pull request fail a check its editor cannot fix); ``make`` writes it when it sets up the tools and
before ``make site`` and ``make serve``, and ``plan schema`` whenever an editor runs it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

import schema
from scripts.load.folder import PlanFiles, load_plan
from scripts.model.catalog import REFERENCE
from scripts.validate.validator import plan_catalog

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

#: The schema files that carry the plan's ids (the editors' files), not the open data's.
WITH_IDS = {name for name, (_, describes) in SCHEMA_FILES.items() if describes.startswith("plan/")}

#: Kind of reference → the message VS Code shows under a value that is not one of the ids.
MESSAGES = {
    "actor": "Ukjent aktør: bruk id-en til en aktør i plan/actors.yaml (Ctrl+Mellomrom viser dem).",
    "municipality": "Ukjent kommune: bruk id-en til en kommune i plan/actors.yaml (Ctrl+Mellomrom viser dem).",
    "role": "Ukjent rolle: bruk en av rolletypene i plan/vocabulary.yaml (Ctrl+Mellomrom viser dem).",
    "status": "Ukjent status: bruk en av statusene i plan/vocabulary.yaml (Ctrl+Mellomrom viser dem).",
    "indicator": "Ukjent indikator: bruk id-en til en indikator i plan/indikatorer.yaml (Ctrl+Mellomrom viser dem).",
    "measure": "Tiltaket finnes ikke i planen: bruk nummeret til et tiltak som finnes (Ctrl+Mellomrom viser dem).",
    "tag": (
        "Stikkordet står ikke i listen «tags» i plan/vocabulary.yaml: bruk et som står der, eller legg det til der."
    ),
}


@dataclass(frozen=True)
class Choices:
    """The ids one kind of reference may take, each with the line VS Code shows beside it (Markdown)."""

    ids: tuple[str, ...]
    notes: tuple[str, ...]


def plan_choices(folder: Path) -> dict[str, Choices]:
    """Kind of reference → the ids the validator accepts for it in the plan folder. A kind whose defining file
    cannot be read is left out (the schema then takes any text there, as the validator does)."""
    files, _problems = load_plan(folder)
    catalog = plan_catalog(files)
    raw = _raw_items(files)
    found = {
        "actor": [(a, _actor_note(raw["actors"].get(a, {}))) for a in catalog.actors],
        "municipality": [(a, _actor_note(raw["actors"].get(a, {}))) for a in catalog.municipalities],
        "role": [(r, _label_note(raw["role_types"].get(r, {}))) for r in catalog.role_types],
        "status": [(s, _label_note(raw["statuses"].get(s, {}))) for s in catalog.statuses],
        "indicator": [(i, f"**{raw['indicators'].get(i, {}).get('title', i)}**") for i in catalog.indicators],
        "measure": [(m, f"**{m}** {raw['measures'].get(m, {}).get('title', '')}".strip()) for m in catalog.measures],
        "tag": [(t, f"**{raw['tags'].get(t, {}).get('label', t)}**") for t in catalog.tags],
    }
    result = {}
    for kind, pairs in found.items():
        once: dict[str, str] = {}
        for ident, note in pairs:  # a number written twice (an error of its own) is offered once
            once.setdefault(ident, note)
        if kind not in catalog.unknown:
            result[kind] = Choices(tuple(once), tuple(once.values()))
    return result


def _raw_items(files: PlanFiles) -> dict[str, dict[str, Mapping[str, Any]]]:
    """The raw items that define ids, by list and id: what the notes beside the ids are made from."""
    sources = {
        "actors": ("actors", "actors"),
        "role_types": ("vocabulary", "role_types"),
        "statuses": ("vocabulary", "statuses"),
        "tags": ("vocabulary", "tags"),
        "indicators": ("indicators", "indicators"),
    }
    result = {
        name: _by_id(files.fixed[kind].data if kind in files.fixed else None, key)
        for name, (kind, key) in sources.items()
    }
    result["measures"] = {}
    for doc in files.focus_areas.values():
        for goal in _by_id(doc.data, "goals").values():
            result["measures"].update(_by_id(goal, "measures"))
    return result


def _by_id(container: Any, key: str) -> dict[str, Mapping[str, Any]]:
    items = container.get(key) if isinstance(container, Mapping) else None
    if not isinstance(items, list):
        return {}
    return {item["id"]: item for item in items if isinstance(item, Mapping) and isinstance(item.get("id"), str)}


def _actor_note(actor: Mapping[str, Any]) -> str:
    kind = f" ({actor['kind']})" if isinstance(actor.get("kind"), str) else ""
    return f"**{actor.get('name', actor.get('id', ''))}**{kind}"


def _label_note(item: Mapping[str, Any]) -> str:
    description = " ".join(str(item.get("description", "")).split())
    label = f"**{item.get('label', item.get('id', ''))}**"
    return f"{label}: {description}" if description else label


def with_choices(node: Any, choices: Mapping[str, Choices]) -> Any:
    """The schema with each reference mark replaced by the enum of its kind (or just removed, for a kind with no
    choices given)."""
    if isinstance(node, list):
        return [with_choices(item, choices) for item in node]
    if not isinstance(node, dict):
        return node
    result = {key: with_choices(value, choices) for key, value in node.items() if key != REFERENCE}
    kind = node.get(REFERENCE)
    if isinstance(kind, str) and kind in choices:
        result.pop("minLength", None)
        result["enum"] = list(choices[kind].ids)
        result["markdownEnumDescriptions"] = list(choices[kind].notes)
        result["errorMessage"] = MESSAGES[kind]
    return result


def _document(name: str, choices: Mapping[str, Choices]) -> str:
    model, describes = SCHEMA_FILES[name]
    document: dict[str, Any] = {"$schema": DIALECT, "$id": name}
    document.update(with_choices(model.model_json_schema(), choices))
    source = "schema.py og id-ene i planfilene" if choices else "schema.py"
    document["$comment"] = f"Beskriver {describes}. Laget av «plan schema» fra {source}: ikke rediger for hånd."
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def json_schemas() -> dict[str, str]:
    """File name → the text of the JSON Schema file in docs/schema: the shape of each file, from schema.py alone
    (committed, published with the site; the open data's is the contract for its users)."""
    return {name: _document(name, {}) for name in SCHEMA_FILES}


def editor_schemas(folder: Path) -> dict[str, str]:
    """File name → the text of the JSON Schema file VS Code reads for a plan file: the shape, and the ids of the
    plan in `folder` where a reference is (not committed: it changes whenever the plan does)."""
    choices = plan_choices(folder)
    return {name: _document(name, choices) for name in sorted(WITH_IDS)}


def write_schemas(out: Path, texts: Mapping[str, str]) -> list[Path]:
    """Write the files that differ from `texts` (a file already current is left as it is)."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for path in outdated(out, texts):
        path.write_text(texts[path.name], encoding="utf-8")
        written.append(path)
    return written


def outdated(out: Path, texts: Mapping[str, str]) -> list[Path]:
    """The schema files in `out` that are missing or differ from `texts`."""
    return [out / n for n, t in texts.items() if not (out / n).is_file() or (out / n).read_text(encoding="utf-8") != t]
