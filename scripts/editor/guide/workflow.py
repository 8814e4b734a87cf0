"""Working with the repository (the index and «Arbeide på egen maskin» pages): the names GitHub shows for the
check on a pull request and its preview, read from the workflow file, and the git commands editors type."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from scripts import REPOSITORY

PR_WORKFLOW = REPOSITORY / ".github" / "workflows" / "pr.yml"


@dataclass(frozen=True)
class Workflow:
    """The names editors see in a pull request: the check and the preview artifact (None: not known)."""

    check: str | None
    artifact: str | None


def pr_workflow(path: Path = PR_WORKFLOW) -> Workflow:
    """Read the names from the pull request workflow, so that the guide says what GitHub shows."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return Workflow(None, None)
    if not isinstance(data, Mapping):
        return Workflow(None, None)
    check = data.get("name") if isinstance(data.get("name"), str) else None
    artifact = None
    for job in (data.get("jobs") or {}).values():
        for step in (job.get("steps") or []) if isinstance(job, Mapping) else []:
            uses = step.get("uses") if isinstance(step, Mapping) else None
            if isinstance(uses, str) and uses.startswith("actions/upload-artifact"):
                name = (step.get("with") or {}).get("name")
                artifact = name if isinstance(name, str) else artifact
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
    branch = f"status-{measure_id.replace('.', '-')}"
    return (
        f"git switch -c {branch}\n"
        "git add plan/\n"
        f'git commit -m "Status for tiltak {measure_id}"\n'
        f"git push -u origin {branch}"
    )
