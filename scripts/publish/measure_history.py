"""Each measure's own history, read from git in the publishing stage and handed to the site as data
(:class:`~scripts.present.lookups.MeasureHistory` in ``SiteOptions.histories``), so that rendering runs no git.

What counts: a commit changed a measure when one of its own fields differs from the commit's first parent: every
field but ``status`` and ``status_updates`` (title, description, roles, period, budget, links, priority,
municipalities, indicators, related measures, tags). Status updates are listed on the page already. What changed
is said in the words of ``plan diff`` (``scripts/editor/diff``: the same sentences, the status changes left out),
made site Markdown as the history pages make theirs (``editions.site_text``); a measure given a new number keeps
its history under the new one.

How it is read: one ``git log --first-parent --raw`` over the focus area folder gives every commit that changed a
file there and the file versions (blobs) before and after; one ``git cat-file --batch`` gives those blobs. Only the
measures in the files a commit changed are compared, first as YAML data and only where that differs as models. A
change that came in by a merge is dated by the merge: the day it reached the branch that is published. The
versions are the repository's, not the working tree's: an edit not yet committed has no date.

Bounds: at most :data:`MAX_COMMITS` commits that changed the focus area folder, newest first, and
:data:`GIT_TIMEOUT` seconds for each git call. With more commits (or in a shallow clone) the history is not
complete: the oldest commit read is the starting point, older changes are not listed and a measure not changed
since has no date. Without git, outside a repository or when git fails, there is no history at all, and the page
says nothing rather than something wrong.

Cached by commit: the result depends only on the repository's HEAD (and on the code, which the memo's key covers),
so it is kept in ``.cache/files/`` (:class:`~scripts.publish.memo.FileMemo`) and an unchanged build reads no git
history again.
"""

from __future__ import annotations

import datetime as dt
import pickle
import subprocess
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from schema import FocusArea, Goal, Measure, Plan
from scripts.editor.diff import Change
from scripts.editor.diff.measures import measure_changes
from scripts.editor.diff.text import md
from scripts.editor.diff.values import Names
from scripts.load.folder import FOCUS_AREA_DIR
from scripts.load.strict import load_data
from scripts.present.lookups import MeasureHistory, TextChange
from scripts.publish import memo
from scripts.publish.editions import site_text
from scripts.publish.memo import FileMemo
from scripts.publish.pdfs import cache_root
from scripts.validate.commits import Repository

#: The most commits that changed the focus area folder read, newest first (about a change a working day for a
#: year); each costs the measures of the files it changed.
MAX_COMMITS = 250
#: Seconds each git call may take before the history is given up (the pages then say nothing).
GIT_TIMEOUT = 30
#: The fields of a measure that are not its own text: its status and status updates.
NOT_OWN = frozenset({"status", "status_updates"})
OWN = tuple(name for name in Measure.model_fields if name not in NOT_OWN)

T = TypeVar("T", bound=BaseModel)

#: A measure as read from one version of a file: focus area id, goal id and the measure's YAML data.
Placed = tuple[str, str, dict[str, Any]]


def histories(folder: Path, *, memo_folder: Path | None = None) -> dict[str, MeasureHistory]:
    """Measure id → its history, for the plan folder `folder` (none outside a git repository); kept in the
    repository's .cache/files/ (or `memo_folder`) by the commit it was read at."""
    repository = Repository.of(folder)
    if repository is None:
        return {}
    head = _git(repository.root, "rev-parse", "--verify", "-q", "HEAD^{commit}")
    if head is None:
        return {}
    shallow = repository.shallow()
    inputs = f"{head.strip()}\0{repository.plan_path}\0{shallow}\0{MAX_COMMITS}"
    kept = FileMemo(memo_folder or cache_root(folder) / memo.FOLDER)
    found = pickle.loads(kept.get("measure-history", inputs, lambda: pickle.dumps(read(repository, shallow))))
    assert isinstance(found, dict)
    return found


def read(repository: Repository, shallow: bool | None = None, limit: int = MAX_COMMITS) -> dict[str, MeasureHistory]:
    """The history of every measure read from the repository's git log (see the module's docstring); `shallow`:
    whether the clone is shallow (None: ask git)."""
    folder = FOCUS_AREA_DIR if repository.plan_path == "." else f"{repository.plan_path}/{FOCUS_AREA_DIR}"
    log = _git(
        repository.root,
        *("log", "--first-parent", "--diff-merges=first-parent", "--no-renames", "--raw", "--no-abbrev"),
        *(f"--max-count={limit}", "--format=%x00%H %cs", "--", folder),
    )
    if log is None:
        return {}
    commits = list(reversed(_commits(log, folder)))
    complete = len(commits) < limit and not (repository.shallow() if shallow is None else shallow)
    walk = _Walk(repository.root, *_names(repository), complete)
    if not complete and commits:
        walk.start(commits.pop(0), folder)
    if not walk.fetch([sha for commit in commits for _, sha in commit.files if sha is not None]):
        return {}
    for commit in commits:
        walk.step(commit)
    return walk.result()


@dataclass(frozen=True)
class Commit:
    """A commit that changed the folder: its date and, for each file it changed, the blob after it (None: removed)."""

    sha: str
    date: str
    files: tuple[tuple[str, str | None], ...]


def _commits(log: str, folder: str) -> list[Commit]:
    """The commits of `git log --raw --format=%x00%H %cs`, newest first; only the folder's own .yaml files."""
    found = []
    for record in log.split("\0")[1:]:
        head, _, raw = record.partition("\n")
        sha, date = head.split()
        files = []
        for line in raw.splitlines():
            if not line.startswith(":"):
                continue
            info, _, path = line.partition("\t")
            new, kind = info.split()[3], info.split()[4]
            if path.startswith(f"{folder}/") and "/" not in path[len(folder) + 1 :] and path.endswith(".yaml"):
                files.append((path, None if kind.startswith("D") else new))
        found.append(Commit(sha, date, tuple(files)))
    return found


@dataclass
class _Walk:
    """The files and measures as they are at the commit reached, and the changes found so far."""

    root: Path
    names: Names
    #: The status of a measure without status updates (the vocabulary's first).
    start_status: str
    #: False: the first commit read is the starting point (its own changes are not known).
    complete: bool
    files: dict[str, str] = field(default_factory=dict)
    blobs: dict[str, dict[str, Placed]] = field(default_factory=dict)
    index: dict[str, Placed] = field(default_factory=dict)
    found: dict[str, list[TextChange]] = field(default_factory=lambda: defaultdict(list))

    def start(self, commit: Commit, folder: str) -> None:
        """Begin at the folder's files as they are at a commit (the history before it is not read)."""
        listing = _git(self.root, "ls-tree", commit.sha, "--", f"{folder}/")
        files = [(line.split("\t")[1], line.split()[2]) for line in (listing or "").splitlines() if "\t" in line]
        chosen = [(path, sha) for path, sha in files if path.endswith(".yaml")]
        if self.fetch([sha for _, sha in chosen]):
            self._apply(Commit(commit.sha, commit.date, tuple(chosen)))

    def fetch(self, shas: list[str]) -> bool:
        """Read the blobs not read yet, with one `git cat-file --batch`; False when git fails."""
        wanted = sorted({sha for sha in shas if sha not in self.blobs})
        if not wanted:
            return True
        try:
            done = subprocess.run(
                ["git", "cat-file", "--batch"],
                cwd=self.root,
                input="".join(f"{sha}\n" for sha in wanted).encode(),
                capture_output=True,
                check=False,
                timeout=GIT_TIMEOUT,
            )
        except (OSError, subprocess.SubprocessError):
            return False
        if done.returncode != 0:
            return False
        for sha, text in _batch(done.stdout):
            self.blobs[sha] = _measures_in(text)
        return True

    def _apply(self, commit: Commit) -> set[str]:
        """Move the files to the commit's versions; the ids of the measures in the files it changed."""
        touched: set[str] = set()
        for path, sha in commit.files:
            old = self.files.pop(path, None)
            if old is not None:
                touched.update(self.blobs.get(old, {}))
                for ident in self.blobs.get(old, {}):
                    self.index.pop(ident, None)
            if sha is not None:
                self.files[path] = sha
                touched.update(self.blobs.get(sha, {}))
        for path in sorted(self.files):  # a measure found twice (a copy of a file): the first file's, as loading
            for ident, placed in self.blobs.get(self.files[path], {}).items():
                self.index.setdefault(ident, placed)
        return touched

    def step(self, commit: Commit) -> None:
        """Compare the measures of the files the commit changed with their versions before it."""
        before = dict(self.index)
        touched = self._apply(commit)
        after = self.index
        changed = [i for i in sorted(touched) if _own(before.get(i)) != _own(after.get(i))]
        if not changed:
            return
        old, new = _plan(before, changed, self.start_status), _plan(after, changed, self.start_status)
        if old is None or new is None:
            return  # a version that today's models cannot read: nothing is said rather than something wrong
        by_measure: dict[str, list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
        for change in measure_changes(old, new, self.names):
            if change.kind == "measure_moved":
                self.found[str(change.new)] = self.found.pop(str(change.old), [])
            if not _about_status(change):
                by_measure[change.item].append((site_text(change.text), tuple(site_text(d) for d in change.details)))
        for ident, lines in by_measure.items():
            self.found[ident].append(TextChange(dt.date.fromisoformat(commit.date), tuple(lines)))

    def result(self) -> dict[str, MeasureHistory]:
        """The history of each measure there now, newest first."""
        return {
            ident: MeasureHistory(tuple(reversed(self.found.get(ident, []))), self.complete)
            for ident in sorted(self.index)
            if self.found.get(ident) or not self.complete
        }


def _own(placed: Placed | None) -> Any:
    """What counts as the measure's own text, as YAML data: where it stands and every field but its status."""
    if placed is None:
        return None
    fa, goal, data = placed
    return (fa, goal, {k: v for k, v in data.items() if k not in NOT_OWN})


def _plan(index: Mapping[str, Placed], idents: list[str], start_status: str) -> Plan | None:
    """A plan holding only these measures (those there), as models; None when one of them does not validate."""
    areas: dict[str, dict[str, list[Measure]]] = defaultdict(lambda: defaultdict(list))
    for ident in idents:
        if ident not in index:
            continue
        fa, goal, data = index[ident]
        measure = _model(data, start_status)
        if measure is None:
            return None
        areas[fa][goal].append(measure)
    # Built without validation, with only what the diff's sentences about measures read: ids and the measures.
    focus_areas = [
        _construct(FocusArea, id=fa, goals=[_construct(Goal, id=g, measures=ms) for g, ms in goals.items()])
        for fa, goals in areas.items()
    ]
    return _construct(Plan, focus_areas=focus_areas)


def _construct(model: type[T], **values: Any) -> T:
    """A model made of these values without validation (pydantic's model_construct)."""
    return model.model_construct(**values)


def _model(data: dict[str, Any], start_status: str) -> Measure | None:
    """The measure's model (references are not checked: there is no catalog); without a status update its status
    is the vocabulary's first, as validation gives it."""
    raw = dict(data)
    if not raw.get("status_updates") and "status" not in raw:
        raw["status"] = start_status
    try:
        return Measure.model_validate(raw)
    except ValidationError:
        return None


def _about_status(change: Change) -> bool:
    """A change of the status or of the status updates (already listed on the page)."""
    keys = {part.split(".")[0] for part in change.path.split(",")}
    return bool(keys) and keys <= NOT_OWN


def _measures_in(text: str) -> dict[str, Placed]:
    """The measures of a focus area file's text, by id (none when it is not a focus area as YAML)."""
    try:
        data = load_data(text)
    except Exception:  # any YAML the loader refuses: this version says nothing
        return {}
    found: dict[str, Placed] = {}
    if not isinstance(data, dict):
        return found
    for goal in _dicts(data.get("goals")):
        for measure in _dicts(goal.get("measures")):
            ident = measure.get("id")
            if isinstance(ident, str):
                found.setdefault(ident, (str(data.get("id")), str(goal.get("id")), measure))
    return found


def _dicts(value: Any) -> Iterator[dict[str, Any]]:
    return (item for item in value if isinstance(item, dict)) if isinstance(value, list) else iter(())


def _batch(output: bytes) -> Iterator[tuple[str, str]]:
    """The blobs of `git cat-file --batch`: (sha, text)."""
    at = 0
    while at < len(output):
        end = output.index(b"\n", at)
        sha, kind, *size = output[at:end].decode().split()
        at = end + 1
        if kind == "missing" or not size:
            continue
        length = int(size[0])
        yield sha, output[at : at + length].decode("utf-8", errors="replace")
        at += length + 1


def _names(repository: Repository) -> tuple[Names, str]:
    """How the sentences name actors, statuses and roles, and the first status: as the newest commit's actors.yaml
    and vocabulary.yaml say (ids as they are when a file cannot be read)."""
    prefix = "" if repository.plan_path == "." else f"{repository.plan_path}/"

    def items(file: str, key: str) -> list[dict[str, Any]]:
        text = _git(repository.root, "show", f"HEAD:{prefix}{file}")
        try:
            data = load_data(text) if text is not None else None
        except Exception:  # a file the loader refuses: ids are shown as they are
            return []
        return list(_dicts(data.get(key))) if isinstance(data, dict) else []

    roles, statuses = items("vocabulary.yaml", "role_types"), items("vocabulary.yaml", "statuses")
    leads = sorted((r for r in roles if r.get("lead") is True), key=lambda r: r.get("order", 0))
    first = sorted(statuses, key=lambda s: s.get("order", 0))[:1]
    names = Names(
        {str(a.get("id")): md(a.get("name", "")) for a in items("actors.yaml", "actors")},
        {str(s.get("id")): md(str(s.get("label", "")).lower()) for s in statuses},
        {str(r.get("id")): md(str(r.get("label", "")).lower()) for r in roles},
        str(leads[0].get("id")) if leads else "",
    )
    return names, str(first[0].get("id")) if first else "–"


def _git(root: Path, *args: str) -> str | None:
    """A git command's output in the repository, or None when it fails or takes too long."""
    try:
        done = subprocess.run(
            ["git", *args], cwd=root, capture_output=True, text=True, check=False, timeout=GIT_TIMEOUT
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None
