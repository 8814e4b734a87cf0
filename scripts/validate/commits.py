"""The git commits the adopted editions point at (``commit`` on a revision in plan.yaml) must exist in the
repository that holds the plan folder, with the plan folder in them: the site builds each edition's PDF from there.

A plan folder outside any git repository (a downloaded zip, a copy) or without git installed is not checked: there
is nothing to check against, and the editions' PDFs are left out (the history page says why). A shallow clone
(``git clone --depth 1``, the default checkout in CI) that lacks the older commits gets a warning, not an error.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from schema import PlanInfo
from scripts.core.problems import WARNING
from scripts.validate.rules import Problem

#: How to find the right hash, said in every message about a commit.
HOW_TO_FIND = 'finn den med «git log --format="%H %cs %s" -- plan/»'


@dataclass(frozen=True)
class Repository:
    """The git repository that holds a plan folder: its top folder and the plan folder's path inside it."""

    root: Path
    plan_path: str

    @classmethod
    def of(cls, folder: Path) -> Repository | None:
        """The repository of the plan folder; None outside a repository or without git."""
        found = _git(folder, "rev-parse", "--show-toplevel")
        if found is None or found.returncode != 0 or not found.stdout.strip():
            return None
        root = Path(found.stdout.strip()).resolve()
        try:
            plan_path = folder.resolve().relative_to(root).as_posix()
        except ValueError:
            return None
        return cls(root, plan_path or ".")

    def shallow(self) -> bool:
        found = _git(self.root, "rev-parse", "--is-shallow-repository")
        return found is not None and found.stdout.strip() == "true"

    def missing(self, commits: Sequence[str]) -> dict[str, str]:
        """Commit → what is missing («commit» or «plan»), for the commits that do not hold the plan folder."""
        queries = [q for c in commits for q in (f"{c}^{{commit}}", f"{c}:{self.plan_path}")]
        found = _git(self.root, "cat-file", "--batch-check", stdin="".join(q + "\n" for q in queries))
        if found is None or found.returncode != 0:
            return dict.fromkeys(commits, "commit")
        lines = found.stdout.splitlines()
        result: dict[str, str] = {}
        for i, commit in enumerate(commits):
            if lines[2 * i].endswith(" missing"):
                result[commit] = "commit"
            elif lines[2 * i + 1].endswith(" missing") or lines[2 * i + 1].split()[1:2] != ["tree"]:
                result[commit] = "plan"
        return result


def commit_problems(info: PlanInfo, repository: Repository | None) -> Iterator[Problem]:
    """Each revision's commit exists and holds the plan folder (see the module's docstring for the warnings)."""
    placed = [(i, r.commit) for i, r in enumerate(info.revisions) if r.commit is not None]
    if not placed:
        return
    if repository is None:
        return  # a copy outside git (a downloaded zip, a plan copied to try something): nothing to check against
    missing = repository.missing([c for _, c in placed])
    shallow = bool(missing) and repository.shallow()
    for i, commit in placed:
        what = missing.get(commit)
        if what is None:
            continue
        if shallow:
            yield Problem(
                ("revisions", i, "commit"),
                f"commit {commit[:12]}… finnes ikke i denne kopien av repositoriet, som ikke har hele historikken "
                "(en grunn klone), så PDF-en av utgaven lages ikke. Hent hele historikken med "
                "«git fetch --unshallow» (i GitHub Actions: «fetch-depth: 0» på actions/checkout).",
                WARNING,
            )
        elif what == "commit":
            yield Problem(
                ("revisions", i, "commit"),
                f"commit {commit[:12]}… finnes ikke i git-repositoriet {repository.root.name}. Skriv hashen til "
                f"commiten der planen ligger slik den ble vedtatt ({HOW_TO_FIND}), eller fjern «commit».",
            )
        else:
            yield Problem(
                ("revisions", i, "commit"),
                f"commit {commit[:12]}… har ingen mappe {repository.plan_path}/ med planen. Skriv hashen til en "
                f"commit der planen ligger slik den ble vedtatt ({HOW_TO_FIND}).",
            )


def _git(cwd: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str] | None:
    """Run git; None when git cannot be run at all."""
    try:
        return subprocess.run(
            ["git", *args], cwd=cwd, input=stdin, capture_output=True, text=True, check=False, timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        return None
