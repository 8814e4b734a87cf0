"""The numbers used before: every id under a prefix («1.1.») that the focus area files have held in the git
history of the repository they are in, so that ``plan new`` never gives a new measure the number of one removed
earlier (the number is in the measure's web address, and old links and reports point at it).

One ``git log -p`` over the folder of the focus area files reads every line ever added or removed there (the
first commit's lines included), so an id that was once in any of the files is found in one process, however
many commits the repository has; files renamed or split keep their history, as the whole folder is read.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

#: Seconds git may take before the history is given up (the numbers in the file are used then).
GIT_TIMEOUT = 60


@dataclass(frozen=True)
class UsedIds:
    """The ids found, and why the history could not be read, if it could not (a Norwegian clause)."""

    ids: frozenset[str]
    missing_history: str | None = None


def id_pattern(prefix: str) -> re.Pattern[str]:
    """An «id:» key with a value under prefix, quoted or not, in block or flow style, commented out or not:
    ``- id: "1.1.3"``, ``{id: 1.1.3, …}``, ``#   - id: '1.1.3'``; not «1.1.3.1», not «related: [1.1.3]»."""
    return re.compile(r"(?<![\w-])id:[ \t]*[\"']?(" + re.escape(prefix) + r"\d+)(?![\d.])")


def ids_in(text: str, prefix: str) -> set[str]:
    """The ids under prefix in a text, commented-out lines included (an old measure kept as a comment)."""
    return set(id_pattern(prefix).findall(text))


def used_ids(folder: Path, prefix: str) -> UsedIds:
    """The ids under prefix that any file in folder has held in any commit of the repository folder is in."""
    command = [
        "git",
        "log",
        "--patch",
        "--root",
        "--diff-merges=first-parent",
        "--no-ext-diff",
        "--no-textconv",
        "--no-color",
        "--unified=0",
        "--format=",
        "--",
        ".",
    ]
    try:
        done = subprocess.run(
            command,
            cwd=folder,
            capture_output=True,
            check=False,
            timeout=GIT_TIMEOUT,
            encoding="utf-8",
            errors="replace",
            env={**os.environ, "LC_ALL": "C"},  # English messages from git, to recognise them
        )
    except FileNotFoundError:
        return UsedIds(frozenset(), "git er ikke installert på maskinen")
    except (OSError, subprocess.TimeoutExpired) as error:
        return UsedIds(frozenset(), f"git kunne ikke lese historikken ({type(error).__name__})")
    if done.returncode != 0:
        if "does not have any commits yet" in done.stderr:
            return UsedIds(frozenset())  # a new repository: no number can have been removed yet
        if "not a git repository" in done.stderr:
            return UsedIds(frozenset(), f"{folder} er ikke i et git-depot")
        reason = (done.stderr.strip().splitlines() or ["ukjent feil"])[-1]
        return UsedIds(frozenset(), f"git kunne ikke lese historikken ({reason})")
    changed = "\n".join(line for line in done.stdout.splitlines() if line[:1] in "+-")
    return UsedIds(frozenset(ids_in(changed, prefix)), _shallow(folder))


def _shallow(folder: Path) -> str | None:
    """Why the history is incomplete: a shallow clone (as CI makes) lacks the older commits."""
    done = subprocess.run(
        ["git", "rev-parse", "--is-shallow-repository"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
        timeout=GIT_TIMEOUT,
    )
    if done.stdout.strip() == "true":
        return "depotet er en grunn kopi uten de eldste versjonene (git fetch --unshallow henter dem)"
    return None


def head_commit(folder: Path) -> str:
    """The commit the repository that folder is in stands on, or "" outside a repository or without git."""
    try:
        done = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=folder, capture_output=True, text=True, check=False, timeout=GIT_TIMEOUT
        )
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""
