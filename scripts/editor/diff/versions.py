"""Two versions of the plan for `plan diff`: a plan folder as it is, or plan/ as it was at a git revision of the
repository the editor works in (the repository of the current folder, or the one `--repo` names), never the
repository the tool is installed from."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import tarfile
import tempfile
from pathlib import Path

from schema import Plan
from scripts.core.problems import Diagnostic
from scripts.editor.diff import Change, diff_plans
from scripts.validate.validator import validate_folder

#: The plan folder inside the repository.
PLAN = "plan"


class PlanSourceError(Exception):
    """OLD or NEW is neither a plan folder nor a git revision with a plan/ folder."""


def repository_root(folder: Path) -> Path | None:
    """The top folder of the git repository that holds `folder`, or None outside a repository."""
    if not folder.is_dir():
        raise PlanSourceError(f"finner ikke mappen {folder}: oppgi mappen med repositoriet etter --repo")
    found = subprocess.run(
        ["git", "rev-parse", "--show-toplevel"], cwd=folder, capture_output=True, text=True, check=False
    )
    return Path(found.stdout.strip()) if found.returncode == 0 and found.stdout.strip() else None


def load_version(
    spec: str, repository: Path | None, workdir: Path, on: dt.date | None = None
) -> tuple[Plan | None, list[Diagnostic]]:
    """A plan folder as it is, or plan/ as it was at a git revision (extracted into workdir), validated on a day
    (None: today)."""
    folder = Path(spec)
    if folder.is_dir():
        return validate_folder(folder, on)
    if repository is None:
        raise PlanSourceError(
            f"«{spec}» er verken en mappe eller en git-revisjon: mappen du står i, er ikke i et git-repositorium. "
            "Gå til repositoriet med planen, eller oppgi det med --repo MAPPE."
        )
    archive = subprocess.run(
        ["git", "archive", "--format=tar", f"{spec}:{PLAN}"], cwd=repository, capture_output=True, check=False
    )
    if archive.returncode != 0:
        raise PlanSourceError(
            f"«{spec}» er verken en mappe eller en git-revisjon med en {PLAN}/-mappe i {repository} "
            f"({archive.stderr.decode(errors='replace').strip()})"
        )
    target = workdir / str(len(list(workdir.iterdir())))
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(target, filter="data")
    plan, problems = validate_folder(target, on, commits=False)
    shown = [Diagnostic(p.file.replace(str(target), f"{spec}:{PLAN}"), p.line, p.col, p.message) for p in problems]
    return plan, shown


def compare(
    old_spec: str, new_spec: str | None, repository: Path | None, on: dt.date | None = None
) -> tuple[list[Change] | None, list[Diagnostic]]:
    """The changes from OLD to NEW (NEW left out: the plan folder in the repository's working tree as it is now).
    `repository` is where revisions are read: any folder inside the repository, or None outside one."""
    root = repository_root(repository) if repository is not None else None
    if new_spec is None:
        if root is None:
            raise PlanSourceError(
                "uten NY sammenlignes med planmappen i repositoriet, men her er ikke noe git-repositorium"
            )
        new_spec = str(root / PLAN)
    with tempfile.TemporaryDirectory() as workdir:
        old, old_problems = load_version(old_spec, root, Path(workdir), on)
        new, new_problems = load_version(new_spec, root, Path(workdir), on)
    problems = old_problems + new_problems
    if old is None or new is None:
        return None, problems
    return diff_plans(old, new), problems
