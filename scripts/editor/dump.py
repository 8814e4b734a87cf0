"""Write a validated plan back as the YAML files of a plan folder (the inverse of load → validate).

Strings that a YAML reader could take for something else («no», «1.2», «2021-04-23», «true») are quoted
for both YAML 1.1 and YAML 1.2 readers, so what is written reads back unchanged in any tool.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from schema import Plan
from scripts.load.folder import FOCUS_AREA_DIR
from scripts.load.strict import StrictLoader
from scripts.validate.numbers import THOUSANDS


class PlanDumper(yaml.SafeDumper):
    """SafeDumper that also quotes what the YAML 1.2 core schema would resolve to a non-string."""

    yaml_implicit_resolvers = {  # noqa: RUF012
        key: list(resolvers) for key, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()
    }


for _first, _resolvers in StrictLoader.yaml_implicit_resolvers.items():
    PlanDumper.yaml_implicit_resolvers.setdefault(_first, []).extend(_resolvers)


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value and value == value.strip(" ") and "\t" not in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _float_representer(dumper: yaml.SafeDumper, value: float) -> yaml.Node:
    """A float as YAML writes it, with a zero added where it would look like a point between thousands («1.125»),
    which the validator rejects in a number field (validate/traps.py): «1.1250» is the same number."""
    node = dumper.represent_float(value)
    if isinstance(node, yaml.ScalarNode) and THOUSANDS.match(node.value):
        node.value += "0"
    return node


PlanDumper.add_representer(str, _str_representer)
PlanDumper.add_representer(float, _float_representer)


def to_yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=PlanDumper, allow_unicode=True, sort_keys=False, width=110)


def plan_files(plan: Plan) -> dict[str, str]:
    """Relative path → YAML text of every file of the plan folder."""

    def dump(model: Any) -> Any:
        return model.model_dump(mode="json", exclude_defaults=True)

    files = {
        "plan.yaml": to_yaml(dump(plan.plan)),
        "vocabulary.yaml": to_yaml(dump(plan.vocabulary)),
        "actors.yaml": to_yaml({"actors": [dump(a) for a in plan.actors]}),
        "indikatorer.yaml": to_yaml({"indicators": [dump(i) for i in plan.indicators]}),
    }
    for focus_area in plan.focus_areas:
        files[f"{FOCUS_AREA_DIR}/{focus_area.id}.yaml"] = to_yaml(dump(focus_area))
    return files


def write_plan(plan: Plan, folder: Path) -> None:
    for relative, text in plan_files(plan).items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
