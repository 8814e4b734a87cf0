"""The plan's problems for the pull-request comment (`plan validate --comment FILE`).

GitHub shows the annotations of `plan validate --format github` only on the lines of files the pull request
changed. A change often breaks a file it did not touch (a measure moved away from under a `related` reference in
another focus area's file), and that problem is then nowhere a reviewer looks. The comment lists every problem,
those in files the pull request did not change first, each with its file, its line and a link to that line on
GitHub.

A link needs the commit the file is shown at. CI validates the pull request merged into the base branch: a file the
pull request did not change is there exactly as on the base branch, so its link goes to the base commit; a changed
file's link goes to the pull request's own commit, the one an editor edits.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from scripts.core.problems import Diagnostic, errors
from scripts.editor.diff.text import md

#: At most this many problems in each list; the rest are in the job summary (a comment holds 65 536 characters).
MOST = 40


@dataclass(frozen=True)
class Links:
    """Where a file is shown on GitHub at one line: `{changed or unchanged}{path}#L{line}`, where each start is
    `https://github.com/OWNER/REPO/blob/COMMIT/`. Without a start, no links (file and line only)."""

    changed: str | None = None
    unchanged: str | None = None

    def to(self, path: str, line: int, *, is_changed: bool) -> str | None:
        start = self.changed if is_changed else (self.unchanged or self.changed)
        if start is None:
            return None
        return f"{start.rstrip('/')}/{path}#L{line}"


def repository_path(file: str, root: Path) -> str:
    """A problem's file as `git diff --name-only` names it: relative to the repository's root, with «/»."""
    path = Path(file)
    if path.is_absolute():
        try:
            path = path.relative_to(root.resolve())
        except ValueError:
            return PurePosixPath(path).as_posix()
    return PurePosixPath(*path.parts).as_posix()


def changed_files(listing: str) -> set[str]:
    """The changed files from `git diff --name-only` output: one path a line, blank lines ignored."""
    return {line.strip() for line in listing.splitlines() if line.strip()}


def count_text(problems: list[Diagnostic]) -> str:
    found, warned = len(errors(problems)), len(problems) - len(errors(problems))
    if not problems:
        return "**Planen er gyldig.**"
    warnings = f"{warned} {'advarsel' if warned == 1 else 'advarsler'}"
    if not found:
        return f"**Planen er gyldig**, men har {warnings}."
    return f"**Planen er ikke gyldig: {found} feil**" + (f" og {warnings}." if warned else ".")


def item(problem: Diagnostic, path: str, link: str | None) -> str:
    where = f"`{path}` linje {problem.line}"
    shown = f"[{where}]({link})" if link else where
    kind = "Feil" if problem.is_error else "Advarsel"
    return f"- {kind}: {shown}: {md(problem.message)}"


def section(heading: str, lead: str, lines: list[str]) -> list[str]:
    if not lines:
        return []
    rest = len(lines) - MOST
    more = [f"- … og {rest} til: se sammendraget av kjøringen."] if rest > 0 else []
    return ["", f"#### {heading}", "", lead, "", *lines[:MOST], *more]


def comment(problems: Iterable[Diagnostic], changed: set[str], links: Links, root: Path) -> str:
    """The Markdown of the problems for the pull-request comment, ending in a line break."""
    listed = sorted(problems, key=lambda p: (not p.is_error, p.file, p.line, p.col))
    located = [(p, repository_path(p.file, root)) for p in listed]
    outside = [item(p, path, links.to(path, p.line, is_changed=False)) for p, path in located if path not in changed]
    inside = [item(p, path, links.to(path, p.line, is_changed=True)) for p, path in located if path in changed]
    lines = [count_text(listed)]
    lines += section(
        "I filer som ikke er endret i denne pull requesten",
        "GitHub merker bare linjer i filene som er endret, så disse vises ikke under «Files changed». "
        "Ofte kommer de av endringen, for eksempel et tiltak som er flyttet eller har fått nytt nummer.",
        outside,
    )
    lines += section(
        "I filene som er endret",
        "Disse er også merket på linjen sin under «Files changed».",
        inside,
    )
    return "\n".join(lines) + "\n"
