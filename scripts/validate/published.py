"""A measure number, once published in an adopted edition, belongs to that measure: it may not be given to another.

The adopted editions are the revisions of plan.yaml with a ``commit``. Their measures' numbers and titles are
read with one ``git grep`` over those commits (the id and title lines only, no YAML parsing: a few milliseconds).
A current measure with a published number is checked against the title it had then:

* the old title now belongs to another measure (it was moved, and its number given to a new one): an error, since
  links to the old address would lead to the wrong measure;
* the title is quite different, and is not found elsewhere: a warning, since a rewritten title is allowed, but a
  new measure needs a new number.

Outside git, or with no edition that names its commit, nothing is checked (as in commits.py).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from schema import PlanInfo, Revision
from scripts.core.dates import nb_date
from scripts.core.problems import WARNING
from scripts.model.catalog import fold
from scripts.validate.commits import Repository, _git
from scripts.validate.rules import Problem

#: Titles more alike than this are the same measure's title, reworded.
SAME_TITLE = 0.5
_ID = re.compile(r"^\s*-\s*id:\s*['\"]?(\d+\.\d+\.\d+)['\"]?\s*$")
_TITLE = re.compile(r"^\s*title:\s*(.*?)\s*$")


@dataclass(frozen=True)
class Published:
    """A measure as an adopted edition published it: its title and the edition."""

    title: str
    edition: Revision


def published_measures(info: PlanInfo, repository: Repository) -> dict[str, list[Published]]:
    """Measure number → its title in each adopted edition that had it, oldest first ({} when git fails)."""
    editions = {r.commit: r for r in info.revisions if r.stage == "vedtatt" and r.commit is not None}
    if not editions:
        return {}
    area_path = f"{repository.plan_path}/satsingsomrader".removeprefix("./")
    patterns = ["-e", r"^\s*- id: ", "-e", r"^\s*title: "]
    found = _git(repository.root, "grep", "-I", "-E", *patterns, *editions, "--", area_path)
    if found is None or found.returncode not in (0, 1):
        return {}
    result: dict[str, list[Published]] = {}
    for commit, ident, title in _measure_lines(found.stdout.splitlines()):
        result.setdefault(ident, []).append(Published(title, editions[commit]))
    order = list(editions.values())
    return {i: sorted(p, key=lambda x: order.index(x.edition)) for i, p in result.items()}


def _measure_lines(lines: Sequence[str]) -> Iterator[tuple[str, str, str]]:
    """(commit, measure id, title) from «commit:path:line» output, a measure's id followed by its title."""
    pending: tuple[str, str] | None = None
    for line in lines:
        commit, _, rest = line.partition(":")
        text = rest.partition(":")[2]
        if (match := _ID.match(text)) is not None:
            pending = (commit, match[1])
        elif (title := _TITLE.match(text)) is not None and pending is not None:
            plain = title[1].strip("'\"")
            if plain and plain[0] not in ">|":
                yield pending[0], pending[1], plain
            pending = None


def reuse_problems(
    published: Mapping[str, list[Published]], focus_areas: Mapping[str, Any]
) -> Iterator[tuple[str, Problem]]:
    """(file, problem) for each current measure whose number was published for a different measure."""
    current = {fold(title): ident for ident, title, _, _ in _current(focus_areas)}
    for ident, title, file, loc in _current(focus_areas):
        earlier = published.get(ident)
        if not earlier or any(_alike(title, p.title) for p in earlier):
            continue
        last = earlier[-1]
        used = f"nummeret {ident} ble brukt om «{last.title}» i utgave {last.edition.version}"
        when = f"(vedtatt {nb_date(last.edition.date)})"
        moved_to = current.get(fold(last.title))
        if moved_to is not None and moved_to != ident:
            yield (
                file,
                Problem(
                    (*loc, "id"),
                    f"{used} {when}, som nå er tiltak {moved_to}: gi dette tiltaket et nytt nummer, og skriv "
                    f'«former_ids: ["{ident}"]» på tiltak {moved_to}, så den gamle adressen viser dit',
                ),
            )
        else:
            yield (
                file,
                Problem(
                    (*loc, "id"),
                    f"{used} {when}: er dette et annet tiltak, gi det et nytt nummer, for lenker til den gamle siden "
                    "fører hit",
                    WARNING,
                ),
            )


def _alike(a: str, b: str) -> bool:
    return difflib.SequenceMatcher(None, fold(a), fold(b)).ratio() >= SAME_TITLE


def _current(focus_areas: Mapping[str, Any]) -> Iterator[tuple[str, str, str, tuple[Any, ...]]]:
    """(id, title, file, loc) of each measure in the raw focus area files that has both."""
    for file, raw in focus_areas.items():
        goals = raw.get("goals") if isinstance(raw, Mapping) else None
        for g, goal in enumerate(goals if isinstance(goals, list) else []):
            measures = goal.get("measures") if isinstance(goal, Mapping) else None
            for m, measure in enumerate(measures if isinstance(measures, list) else []):
                ident, title = (measure.get("id"), measure.get("title")) if isinstance(measure, Mapping) else (0, 0)
                if isinstance(ident, str) and isinstance(title, str):
                    yield ident, title, file, ("goals", g, "measures", m)
