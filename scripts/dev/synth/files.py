"""Writing a synthetic plan folder: YAML as people write it in ``plan/``, each file with a header line."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from scripts.dev.synth.compose import synthesize
from scripts.editor.dump import PlanDumper
from scripts.load.folder import FOCUS_AREA_DIR


def to_yaml(data: Any) -> str:
    """Like scripts.dump.to_yaml, but small mappings and lists on one line (as people write them in plan/),
    which keeps the focus area files of large plans under the loader's size limit."""
    return yaml.dump(data, Dumper=PlanDumper, allow_unicode=True, sort_keys=False, width=110, default_flow_style=None)


def write(measures: int, out: Path) -> None:
    """Write the plan folder. An existing plan folder is replaced; any other non-empty folder is refused."""
    if out.exists() and any(out.iterdir()) and not (out / "plan.yaml").is_file():
        raise FileExistsError(f"{out} finnes og er ikke en planmappe")
    shutil.rmtree(out / FOCUS_AREA_DIR, ignore_errors=True)
    header = f"# Syntetisk plan fra python -m scripts.dev.synth --measures {measures} (for ytelsesmåling).\n"
    for relative, data in synthesize(measures).items():
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(header + to_yaml(data), encoding="utf-8")
