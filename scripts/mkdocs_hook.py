"""The thin MkDocs hook: validate the plan before MkDocs builds, and stop with the editor's messages if it is
not valid. (The render stage that turns the plan into pages arrives with the site.)"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from scripts.validate import validate_folder


def on_config(config: Any) -> Any:
    folder = Path(config["config_file_path"]).parent / "plan"
    plan, problems = validate_folder(folder)
    if plan is None:
        raise PluginError("Planen er ikke gyldig:\n" + "\n".join(str(p) for p in problems))
    return config
