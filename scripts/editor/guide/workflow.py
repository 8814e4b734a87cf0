"""Working with the repository (the index and «Arbeide på egen maskin» pages): the names GitHub shows for the
check on a pull request and its preview, read from the workflow file, and the git commands editors type."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from scripts import REPOSITORY

PR_WORKFLOW = REPOSITORY / ".github" / "workflows" / "pr.yml"


#: The step that builds the copy editors download: `plan build --offline --out FOLDER`.
OFFLINE_BUILD = re.compile(
    r"plan build\b[^\n]*--offline[^\n]*--out[ =](\S+)|plan build\b[^\n]*--out[ =](\S+)[^\n]*--offline"
)


@dataclass(frozen=True)
class Workflow:
    """The names editors see in a pull request: the check and the artifact with the copy of the site to open from
    disk (None: not known)."""

    check: str | None
    artifact: str | None


def pr_workflow(path: Path = PR_WORKFLOW) -> Workflow:
    """Read the names from the pull request workflow, so that the guide says what GitHub shows: the workflow's
    name, and the name of the artifact that holds the folder `plan build --offline` wrote."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return Workflow(None, None)
    if not isinstance(data, Mapping):
        return Workflow(None, None)
    check = data.get("name") if isinstance(data.get("name"), str) else None
    steps = [
        step
        for job in (data.get("jobs") or {}).values()
        if isinstance(job, Mapping)
        for step in job.get("steps") or []
        if isinstance(step, Mapping)
    ]
    folders = {
        (match[1] or match[2]).strip("\"'").rstrip("/")
        for step in steps
        if isinstance(step.get("run"), str)
        for match in OFFLINE_BUILD.finditer(step["run"])
    }
    artifact = None
    for step in steps:
        uses, given = step.get("uses"), step.get("with") or {}
        if isinstance(uses, str) and uses.startswith("actions/upload-artifact") and isinstance(given, Mapping):
            name, folder = given.get("name"), str(given.get("path", "")).rstrip("/")
            if isinstance(name, str) and folder in folders:
                artifact = name
    return Workflow(check, artifact)


def clone_url(edit_base: str | None) -> str | None:
    """«https://github.com/o/r.git» from the web editor address «https://github.com/o/r/edit/main/»."""
    if edit_base is None or "/edit/" not in edit_base:
        return None
    return edit_base.split("/edit/", 1)[0] + ".git"


def clone_commands(edit_base: str | None) -> str:
    """The commands that fetch the repository and build the site for the first time."""
    url = clone_url(edit_base)
    folder = url.rstrip("/").rsplit("/", 1)[-1].removesuffix(".git") if url else "MAPPEN"
    return f"git clone {url or 'ADRESSEN-TIL-REPOSITORIET'}\ncd {folder}\nmake site"


def push_commands(measure_id: str) -> str:
    """The commands that put a local change on a branch of its own and send it to GitHub."""
    return branch_commands(f"status-{measure_id.replace('.', '-')}", f"Status for tiltak {measure_id}")


def branch_commands(branch: str, message: str, *, switch: bool = True) -> str:
    """The commands that commit the changes in plan/ on the branch (made first when `switch`) and push it."""
    first = f"git switch -c {branch}\n" if switch else ""
    return f'{first}git add plan/\ngit commit -m "{message}"\ngit push -u origin {branch}'
