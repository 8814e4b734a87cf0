"""``plan new measure|goal|actor``: add a valid skeleton with the next free id to the right file.

The skeleton is inserted as text at the right place; the rest of the file (comments, order, formatting) is
left exactly as it was, so ``git diff`` shows only the added lines.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

from schema import Plan
from scripts.core.files import replacing
from scripts.core.problems import errors
from scripts.editor.skeleton import measure_skeleton, next_id
from scripts.load.folder import PlanFiles, load_plan
from scripts.load.strict import Document
from scripts.validate.validator import source_files, validate_files


class NewError(Exception):
    """The skeleton cannot be added; the message says why, in Norwegian."""


@dataclass(frozen=True)
class Added:
    path: Path
    ident: str
    first_line: int
    last_line: int
    fill_in: list[str]


def _valid(folder: Path) -> tuple[Plan, PlanFiles]:
    files, problems = load_plan(folder)
    plan, more = validate_files(files, drafts=True)
    if problems or errors(more) or plan is None:
        raise NewError("planen har feil: rett dem først (kjør «plan validate»)")
    return plan, files


def _insert(path: Path, before_line: int | None, block: list[str]) -> tuple[int, int]:
    """Insert lines before a 1-based line number (None: at the end). Returns the new lines' first and last.

    Every byte of the file around the new lines stays as it was, line endings (LF or CRLF) and a byte order mark
    included; only a file whose last line has no line break gets one, when the lines are added at the end."""
    text = path.read_bytes().decode("utf-8")
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    at = len(lines) if before_line is None else before_line - 1
    # Blank lines and comments just above the next item belong to it: insert above them.
    while (
        before_line is not None and at > 0 and (lines[at - 1].strip() == "" or lines[at - 1].lstrip().startswith("#"))
    ):
        at -= 1
    if at == len(lines) and lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += newline
    new_lines = [line + newline for line in block]
    write_atomically(path, "".join(lines[:at] + new_lines + lines[at:]))
    return at + 1, at + len(new_lines)


def write_atomically(path: Path, text: str) -> None:
    """Write the whole file or nothing: into a new file beside it, flushed to disk, then renamed over it. A full
    disk or an interrupt leaves the editor's file as it was and no temporary file behind."""
    with replacing(path) as temporary, open(temporary, "xb") as out:
        out.write(text.encode("utf-8"))
        out.flush()
        os.fsync(out.fileno())


def new_measure(folder: Path, goal_id: str, today: dt.date | None = None) -> Added:
    plan, files = _valid(folder)
    found = [(fa, goal) for fa in plan.focus_areas for goal in fa.goals if goal.id == goal_id]
    if not found:
        goals = ", ".join(g.id for fa in plan.focus_areas for g in fa.goals)
        raise NewError(f"målet «{goal_id}» finnes ikke. Målene er: {goals}")
    fa, goal = found[0]
    doc = files.focus_areas[source_files(files)[fa.id]]
    g = fa.goals.index(goal)
    ident = next_id(goal_id + ".", [m.id for m in goal.measures])
    owner = next(a for a in plan.actors if a.id == plan.plan.owner)
    if goal.measures:
        col = doc.positions.of(("goals", g, "measures", 0))[1] - 3  # columns are 1-based; «- » precedes the key
        header: list[str] = []
    else:
        col = doc.positions.of(("goals", g, "id"), key=True)[1] - 1 + 2
        header = [" " * (col - 2) + "measures:"]
    block = [*header, *measure_skeleton(plan, ident, owner, (today or dt.date.today()).year, col)]
    next_goal = doc.positions.of(("goals", g + 1)) if g + 1 < len(fa.goals) else None
    before = next_goal[0] if next_goal else _after_goals(doc)
    first, last = _insert(Path(doc.path), before, block)
    fill_in = [
        "title: en kort tittel som sier hva som skal gjøres",
        "description: hva tiltaket går ut på og hvorfor",
        f"roles: hvem er ansvarlig (nå står eieren av planen, «{plan.plan.owner}»), og hvem er med",
        "period: første og siste år",
        "municipalities: «alle» eller en liste med kommuner",
        "gjerne også priority, budget, indicators, tags",
    ]
    return Added(Path(doc.path), ident, first, last, fill_in)


def _after_goals(doc: Document) -> int | None:
    """The line of the first top-level key after «goals», if any (else the end of the file)."""
    goals_line = doc.positions.of(("goals",), key=True)[0]
    later = [
        line
        for key, (line, _) in doc.positions.keys.items()
        if len(key) == 1 and key[0] != "goals" and line > goals_line
    ]
    return min(later) if later else None


def new_goal(folder: Path, focus_area_id: str) -> Added:
    plan, files = _valid(folder)
    areas = {fa.id: fa for fa in plan.focus_areas}
    if focus_area_id not in areas:
        raise NewError(f"satsingsområdet «{focus_area_id}» finnes ikke. Satsingsområdene er: {', '.join(areas)}")
    fa = areas[focus_area_id]
    doc = files.focus_areas[source_files(files)[fa.id]]
    ident = next_id(focus_area_id + ".", [g.id for g in fa.goals])
    col = doc.positions.of(("goals", 0))[1] - 3
    pad = " " * col
    block = [f'{pad}- id: "{ident}"', f"{pad}  title: Nytt mål", f"{pad}  description: Beskriv målet."]
    first, last = _insert(Path(doc.path), _after_goals(doc), block)
    fill_in = [
        "title: målet, formulert kort",
        "description: utdyping av målet",
        f"legg til tiltak med «plan new measure --goal {ident}»",
    ]
    return Added(Path(doc.path), ident, first, last, fill_in)


def new_actor(folder: Path, ident: str, name: str, kind: str) -> Added:
    plan, files = _valid(folder)
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", ident):
        raise NewError(f"id-en «{ident}» må bestå av små bokstaver a–z, sifre og bindestrek, som «nes-kommune»")
    if ident in {a.id for a in plan.actors}:
        raise NewError(f"aktøren «{ident}» finnes allerede")
    doc = files.fixed["actors"]
    col = doc.positions.of(("actors", 0))[1] - 3
    pad = " " * col
    quoted = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    block = [f"{pad}- id: {ident}", f"{pad}  name: {quoted}", f"{pad}  kind: {kind}"]
    first, last = _insert(Path(doc.path), None, block)
    return Added(Path(doc.path), ident, first, last, ["short_name, url og description hvis det passer"])
