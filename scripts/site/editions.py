"""The adopted editions of the plan, kept (the PDFs are written by publish/editions.py): each revision with a ``commit`` is the plan folder as it was at that git
commit. The site offers each edition's PDF (``pdf/utgave-2.0.pdf``), made with today's tools from the plan at the
commit, and a page «Endringer i rulleringen» per edition after the first: ``plan diff`` between consecutive editions.

An edition's PDF depends only on its commit (the plan there never changes; its dates come from the data), so it is
made once and kept in ``.cache/editions/<commit>.pdf`` of the repository (ignored by git): the next build copies it.
An edition whose commit cannot be read (no git, a shallow clone: ``plan validate`` warns) or whose plan does not
validate with today's schema gets no PDF; the history page says why, and the build goes on.
"""

from __future__ import annotations

import functools
import io
import re
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from schema import Plan, Revision
from scripts import REPOSITORY
from scripts.core.problems import errors
from scripts.editor.diff import Change, diff_plans
from scripts.editor.diff.text import JOINER
from scripts.validate.commits import Repository
from scripts.validate.validator import validate_folder

@dataclass(frozen=True)
class Edition:
    """An adopted revision with a commit: the plan as it was then (None when it cannot be read or does not
    validate, with `note` saying why in Norwegian) and, for the editions after the first, the changes since the
    previous edition that could be read."""

    revision: Revision
    plan: Plan | None
    note: str | None = None
    changes: list[Change] | None = field(default=None, compare=False)

    @property
    def pdf(self) -> str | None:
        """The PDF's path inside the site, when there is one."""
        return f"pdf/{pdf_name(self.revision.version)}" if self.plan is not None else None


def pdf_name(version: str) -> str:
    return f"utgave-{version}.pdf"


def adopted(plan: Plan) -> list[Revision]:
    """The adopted revisions that name their commit, oldest first (the order of plan.yaml)."""
    return [r for r in plan.plan.revisions if r.stage == "vedtatt" and r.commit is not None]


def editions(plan: Plan, folder: Path | None) -> list[Edition]:
    """Every kept edition of the plan read from `folder` (None: plan/ of the repository)."""
    repository = Repository.of(folder or REPOSITORY / "plan")
    found: list[Edition] = []
    previous: Plan | None = None
    for revision in adopted(plan):
        assert revision.commit is not None
        note: str | None = "planmappen ligger ikke i et git-repositorium"
        old: Plan | None = None
        if repository is not None:
            old, note = _plan_at(repository, revision.commit)
        changes = diff_plans(previous, old) if previous is not None and old is not None else None
        found.append(Edition(revision, old, note, changes))
        previous = old
    return found


@functools.cache
def _plan_at(repository: Repository, commit: str) -> tuple[Plan | None, str | None]:
    """The plan folder at a commit, validated with today's schema (the commit never changes, so once is enough)."""
    archive = subprocess.run(
        ["git", "archive", "--format=tar", f"{commit}:{repository.plan_path}"],
        cwd=repository.root,
        capture_output=True,
        check=False,
    )
    if archive.returncode != 0:
        return None, f"commit {commit[:12]}… finnes ikke i denne kopien av repositoriet"
    with tempfile.TemporaryDirectory(prefix="utgave-") as workdir:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(workdir, filter="data")
        plan, problems = validate_folder(Path(workdir), commits=False)
    if plan is None:
        count = len(errors(problems))
        return None, f"planen slik den ble vedtatt, er ikke gyldig etter dagens regler ({count} feil)"
    return plan, None


#: A character escaped with a backslash by the diff's GitHub Markdown (text.py), or a raw «<» or «&».
_ESCAPED = re.compile(r"\\([\\`*_\[\]<>|~&!#{}$])|[<&]")
_STRUCK = re.compile(r"~~(.+?)~~")


def site_text(markdown: str) -> str:
    """A change's sentence (GitHub Markdown with the plan text escaped by backslashes) as Markdown for the site:
    every escaped character and every «<» and «&» becomes a numeric character reference, which Python-Markdown
    shows as itself and never reads as markup or HTML; strikethrough («~~…~~», only the tool writes it, since
    plan text has its «~» escaped) becomes <del>; the word joiners that stop GitHub's mentions go."""
    text = _ESCAPED.sub(lambda m: f"&#{ord(m.group(1) or m.group(0))};", markdown.replace(JOINER, ""))
    return _STRUCK.sub(r"<del>\1</del>", text)
