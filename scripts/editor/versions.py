"""Two versions of the plan for `plan diff`: a plan folder as it is, or plan/ as it was at a git revision of the
repository the editor works in."""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from pathlib import Path

from schema import Plan
from scripts.core.problems import Diagnostic
from scripts.editor.diff import Change, diff_plans
from scripts.validate.validator import validate_folder


class PlanSourceError(Exception):
    """OLD or NEW is neither a plan folder nor a git revision with a plan/ folder."""


def load_version(spec: str, repository: Path, workdir: Path) -> tuple[Plan | None, list[Diagnostic]]:
    """A plan folder as it is, or plan/ as it was at a git revision (extracted into workdir)."""
    folder = Path(spec)
    if folder.is_dir():
        return validate_folder(folder)
    archive = subprocess.run(
        ["git", "archive", "--format=tar", spec, "plan"], cwd=repository, capture_output=True, check=False
    )
    if archive.returncode != 0:
        raise PlanSourceError(
            f"«{spec}» er verken en mappe eller en git-revisjon med en plan/-mappe "
            f"({archive.stderr.decode(errors='replace').strip()})"
        )
    target = workdir / spec.replace("/", "_").replace("~", "-").replace("^", "-")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(target, filter="data")
    plan, problems = validate_folder(target / "plan")
    shown = [Diagnostic(p.file.replace(str(target) + "/", f"{spec}:"), p.line, p.col, p.message) for p in problems]
    return plan, shown


def compare(old_spec: str, new_spec: str, repository: Path) -> tuple[list[Change] | None, list[Diagnostic]]:
    with tempfile.TemporaryDirectory() as workdir:
        old, old_problems = load_version(old_spec, repository, Path(workdir))
        new, new_problems = load_version(new_spec, repository, Path(workdir))
    problems = old_problems + new_problems
    if old is None or new is None:
        return None, problems
    return diff_plans(old, new), problems
