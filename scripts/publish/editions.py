"""The adopted editions of the plan, read in the publishing stage and handed to the site as data.

Each revision with a ``commit`` is the plan folder as it was at that git commit. :class:`EditionReader` reads each
edition's plan from git (``git archive``) and validates it with today's schema, compares consecutive editions
(``plan diff``) and gives the site a :class:`~scripts.site.history.History`: each edition's PDF path and its changes
as Markdown sentences. The PDFs themselves are made with the others (``publish/pdfs.py``), from the cache when
nothing that goes into them changed.

An edition whose commit cannot be read (no git, a shallow clone: ``plan validate`` warns) or whose plan does not
validate with today's schema gets no PDF; the history page says why, and the build goes on.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import tarfile
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path

from schema import Plan, Revision
from scripts import REPOSITORY
from scripts.core.problems import errors
from scripts.core.queries import adopted_editions
from scripts.editor.diff import Change, diff_plans
from scripts.editor.diff.change import SECTIONS
from scripts.editor.diff.text import JOINER, md
from scripts.pdf.document import EditionMark
from scripts.site.history import FOLLOW_UP, ChangeGroup, ChangeLine, EditionView, History
from scripts.validate.commits import Repository
from scripts.validate.validator import validate_folder

__all__ = ["Edition", "EditionReader", "history", "mark", "pdf_name", "site_text"]


@dataclass(frozen=True)
class Edition:
    """An adopted revision with a commit: the plan as it was then (None when it cannot be read or does not
    validate, with `note` saying why in Norwegian) and, for the editions after the first, the changes since the
    previous edition that could be read."""

    revision: Revision
    plan: Plan | None
    note: str | None = None
    changes: list[Change] | None = field(default=None, compare=False)

    replaced_by: str | None = None

    @property
    def pdf(self) -> str | None:
        """The PDF's path inside the site, when there is one."""
        return f"pdf/{pdf_name(self.revision.version)}" if self.plan is not None else None


def pdf_name(version: str) -> str:
    return f"utgave-{version}.pdf"


#: What reading a commit gave: the plan, or None and the reason.
Read = tuple[Plan | None, str | None]


class EditionReader:
    """Reads the editions of a plan. A commit never changes, so each commit's plan is kept for the reader's life
    (the plugin's: `plan serve` reads each edition once, not on every save); only the commits of the last read
    are kept, so the memory stays bounded by the plan's own editions."""

    def __init__(self) -> None:
        self._read: dict[tuple[Path, str], Read] = {}

    def read(self, plan: Plan, folder: Path | None, on: dt.date | None = None) -> list[Edition]:
        """Every kept edition of the plan read from `folder` (None: plan/ of the repository), oldest first, each
        validated on the day `on` (None: today)."""
        repository = Repository.of(folder or REPOSITORY / "plan")
        kept: dict[tuple[Path, str], Read] = {}
        found: list[Edition] = []
        previous: Plan | None = None
        for revision in adopted_editions(plan):
            assert revision.commit is not None
            old: Plan | None = None
            note: str | None = "planmappen ligger ikke i et git-repositorium"
            if repository is not None:
                key = (repository.root, revision.commit)
                old, note = kept[key] = self._read.get(key) or _plan_at(repository, revision.commit, on)
            changes = diff_plans(previous, old) if previous is not None and old is not None else None
            found.append(Edition(revision, old, note, changes, successor(plan, revision)))
            previous = old
        self._read = kept
        return found


def successor(plan: Plan, revision: Revision) -> str | None:
    """The version of the adopted revision after this one in plan.yaml (the edition that replaced it), or None
    when it is the newest adopted: the current edition."""
    adopted = [r.version for r in plan.plan.revisions if r.stage == "vedtatt"]
    index = adopted.index(revision.version)
    return adopted[index + 1] if index + 1 < len(adopted) else None


def mark(edition: Edition) -> EditionMark:
    """How the edition's PDF names itself: version, adoption date, what replaced it, reconstructed or not."""
    revision = edition.revision
    adopted = revision.decision.date if revision.decision is not None else revision.date
    return EditionMark(revision.version, adopted, edition.replaced_by, revision.reconstructed)


def _plan_at(repository: Repository, commit: str, on: dt.date | None = None) -> Read:
    """The plan folder at a commit, validated with today's schema."""
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
        plan, problems = validate_folder(Path(workdir), on, commits=False)
    if plan is None:
        count = len(errors(problems))
        return None, f"planen slik den ble vedtatt, er ikke gyldig etter dagens regler ({count} feil)"
    return plan, None


def history(found: list[Edition]) -> History:
    """What the site's history pages show of the editions: each one's PDF and its changes as site Markdown."""
    views = {}
    for i, e in enumerate(found):
        titles = _titles(found[i - 1].plan if i else None, e.plan)
        views[e.revision.version] = EditionView(e.revision.version, e.pdf, e.note, _lines(e, titles), e.replaced_by)
    return History(views)


def _titles(*plans: Plan | None) -> dict[str, str]:
    """Each measure's title by id, the later plan's where both have the measure."""
    return {m.id: m.title for plan in plans if plan is not None for _, _, m in plan.measures()}


def _follow_up(change: Change) -> bool:
    if change.section == "measures":
        return change.path in ("status", "status_updates") or change.path.endswith("reached")
    return change.section == "indicators" and change.path in ("observations", "source_fetched")


def _lines(edition: Edition, titles: Mapping[str, str]) -> dict[str, tuple[ChangeGroup, ...]] | None:
    """The edition's changes by section heading, in the diff's order of sections, with what was reported between
    the two editions (FOLLOW_UP) last, apart from what the decision changed; in each, grouped per measure."""
    if edition.changes is None:
        return None
    adopted = [c for c in edition.changes if not _follow_up(c)]
    by_section = {
        heading: _grouped([c for c in adopted if c.section == section], titles) for section, heading in SECTIONS.items()
    }
    by_section[FOLLOW_UP] = _grouped([c for c in edition.changes if _follow_up(c)], titles)
    return {heading: groups for heading, groups in by_section.items() if groups}


def _grouped(changes: list[Change], titles: Mapping[str, str]) -> tuple[ChangeGroup, ...]:
    """The changes in their order, those next to each other about the same measure under one heading (its number
    and title), each line without the name; lines that name the measure in their own way («Nytt tiltak …»,
    «Fjernet tiltak …») stay whole, and a run of only such lines gets no heading."""
    groups = []

    def about(change: Change) -> str | None:
        return change.item if change.section == "measures" and change.item in titles else None

    for measure, run in groupby(changes, key=about):
        changed = list(run)
        if measure is None:
            groups.append(ChangeGroup(_shown(changed)))
            continue
        title = titles[measure]
        texts = [_without_name(c.text, measure, title) for c in changed]
        if all(text is None for text in texts):
            groups.append(ChangeGroup(_shown(changed)))
            continue
        shown = tuple(_line(text or c.text, c.details) for c, text in zip(changed, texts, strict=True))
        groups.append(ChangeGroup(shown, site_text(f"{measure} {md(title)}"), measure))
    return tuple(groups)


def _without_name(text: str, measure: str, title: str) -> str | None:
    """A change's sentence without the measure's name it begins with («Tiltak 1.1.1 Tittel: planlagt → pågår»
    → «Planlagt → pågår»), None when it does not begin so."""
    for prefix in (f"Tiltak {measure} {md(title)}: ", f"Tiltak {measure}: "):
        if text.startswith(prefix):
            return _capitalised(text.removeprefix(prefix))
    if text.startswith(f"Tiltak {measure} har "):  # «Tiltak 1.1.1 har fått ny tittel: …»
        return _capitalised(text.removeprefix(f"Tiltak {measure} "))
    return None


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _shown(changes: Iterable[Change]) -> tuple[ChangeLine, ...]:
    return tuple(_line(c.text, c.details) for c in changes)


def _line(text: str, details: Iterable[str]) -> ChangeLine:
    return ChangeLine(site_text(text), tuple(site_text(d) for d in details))


#: A field's key in code beside its Norwegian name, as `plan diff` writes it for editors: « (`tags`)».
_FIELD_KEY = re.compile(r" \(`[a-z_]+`\)")
#: A character escaped with a backslash by the diff's GitHub Markdown (text.py), or a raw «<» or «&».
_ESCAPED = re.compile(r"\\([\\`*_\[\]<>|~&!#{}$])|[<&]")
_STRUCK = re.compile(r"~~(.+?)~~")


def site_text(markdown: str) -> str:
    """A change's sentence (GitHub Markdown with the plan text escaped by backslashes) as Markdown for the site:
    every escaped character and every «<» and «&» becomes a numeric character reference, which Python-Markdown
    shows as itself and never reads as markup or HTML; a field's key beside its name («stikkord (`tags`)»), which
    editors need and citizens do not, goes; strikethrough («~~…~~», only the tool writes it, since
    plan text has its «~» escaped) becomes <del>; the word joiners that stop GitHub's mentions go."""
    markdown = _FIELD_KEY.sub("", markdown)
    text = _ESCAPED.sub(lambda m: f"&#{ord(m.group(1) or m.group(0))};", markdown.replace(JOINER, ""))
    return _STRUCK.sub(r"<del>\1</del>", text)
