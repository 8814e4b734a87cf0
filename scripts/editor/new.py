"""``plan new measure|goal|actor``: add a valid skeleton with the next free id to the right file.

The skeleton is inserted as text at the end of its list (:mod:`scripts.editor.listedit`), in the layout the
list has; the rest of the file (comments, order, formatting) is left exactly as it was, so ``git diff`` shows
only the added lines. A number is never given twice: not one an item has now, nor one in a commented-out line,
nor one the focus area files have held in the repository's git history (:mod:`scripts.editor.history`); when the
history cannot be read, the result says so.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from schema import Plan
from scripts.core import dates
from scripts.core.files import replacing
from scripts.editor.history import ids_in, used_ids
from scripts.editor.listedit import LayoutError, Where, append_item
from scripts.editor.skeleton import measure_skeleton, next_id
from scripts.load.folder import PlanFiles
from scripts.validate import rules, translations
from scripts.validate.validator import PlanNotValid, require_valid, source_files


class NewError(Exception):
    """The skeleton cannot be added; the message says why, in Norwegian."""


@dataclass(frozen=True)
class Added:
    path: Path
    ident: str
    first_line: int
    last_line: int
    fill_in: list[str]
    #: Lines to show the editor beside the result (Norwegian), such as why the history was not read.
    notes: list[str] = field(default_factory=list)


def valid_plan(folder: Path, on: dt.date | None = None) -> tuple[Plan, PlanFiles]:
    try:
        return require_valid(folder, on)
    except PlanNotValid as error:
        raise NewError(str(error)) from None


def _append(path: Path, parent: Where, key: str, item: list[str], what: str) -> tuple[int, int]:
    """Add the item to the list in the file (see :mod:`scripts.editor.listedit`) and write the file; returns the
    first and last line added."""
    try:
        edit = append_item(path.read_bytes().decode("utf-8"), parent, key, item, what)
    except LayoutError as error:
        raise NewError(f"{path}: {error}") from None
    write_atomically(path, edit.text)
    return edit.first_line, edit.last_line


def write_atomically(path: Path, text: str) -> None:
    """Write the whole file or nothing: into a new file beside it, flushed to disk, then renamed over it. A full
    disk or an interrupt leaves the editor's file as it was and no temporary file behind."""
    with replacing(path) as temporary, open(temporary, "xb") as out:
        out.write(text.encode("utf-8"))
        out.flush()
        os.fsync(out.fileno())


def _next_number(path: Path, prefix: str, current: list[str]) -> tuple[str, list[str]]:
    """The next number under prefix that no item in the file has, nor had in the git history of the focus area
    files, nor has in a commented-out line; and a note when the history could not be read."""
    history = used_ids(path.parent, prefix)
    ident = next_id(prefix, [*current, *history.ids, *ids_in(path.read_text(encoding="utf-8"), prefix)])
    if history.missing_history is None:
        return ident, []
    return ident, [
        f"Merk: {history.missing_history}, så nummeret {ident} bygger bare på filen slik den er nå. "
        f"Sjekk at ikke et tiltak eller mål som er tatt ut av planen, har hatt nummeret {ident}."
    ]


def new_measure(folder: Path, goal_id: str, today: dt.date | None = None) -> Added:
    """A measure under the goal, starting in the year of `today` (None: the clock's, in Norway)."""
    today = today or dates.today()
    plan, files = valid_plan(folder, today)
    found = [(fa, goal) for fa in plan.focus_areas for goal in fa.goals if goal.id == goal_id]
    if not found:
        goals = ", ".join(g.id for fa in plan.focus_areas for g in fa.goals)
        raise NewError(f"målet «{goal_id}» finnes ikke. Målene er: {goals}")
    fa, goal = found[0]
    path = Path(files.focus_areas[source_files(files)[fa.id]].path)
    ident, notes = _next_number(path, goal_id + ".", [m.id for m in goal.measures])
    owner = next(a for a in plan.actors if a.id == plan.plan.owner)
    item = measure_skeleton(plan, ident, owner, today.year, 0)
    where = ("goals", fa.goals.index(goal))
    first, last = _append(path, where, "measures", item, f"tiltakene under mål {goal_id}")
    fill_in = [
        "title: en kort tittel som sier hva som skal gjøres",
        "description: hva tiltaket går ut på og hvorfor",
        f"roles: hvem er ansvarlig (nå står eieren av planen, «{plan.plan.owner}»), og hvem er med",
        "period: første og siste år",
        "municipalities: «alle» eller en liste med kommuner",
        "gjerne også priority, budget, indicators, tags",
        *_english(plan, "title og description"),
    ]
    return Added(path, ident, first, last, fill_in, notes)


def new_goal(folder: Path, focus_area_id: str, today: dt.date | None = None) -> Added:
    plan, files = valid_plan(folder, today)
    areas = {fa.id: fa for fa in plan.focus_areas}
    if focus_area_id not in areas:
        raise NewError(f"satsingsområdet «{focus_area_id}» finnes ikke. Satsingsområdene er: {', '.join(areas)}")
    fa = areas[focus_area_id]
    path = Path(files.focus_areas[source_files(files)[fa.id]].path)
    ident, notes = _next_number(path, focus_area_id + ".", [g.id for g in fa.goals])
    item = [f'- id: "{ident}"', f"  title: {rules.GOAL_TITLE}", f"  description: {rules.GOAL_DESCRIPTION}"]
    first, last = _append(path, (), "goals", item, f"målene i satsingsområde {focus_area_id}")
    fill_in = [
        "title: målet, formulert kort",
        "description: utdyping av målet",
        *_english(plan, "title og description"),
        f"legg til tiltak med «plan new measure --goal {ident}»",
    ]
    return Added(path, ident, first, last, fill_in, notes)


def new_actor(folder: Path, ident: str, name: str, kind: str, today: dt.date | None = None) -> Added:
    plan, files = valid_plan(folder, today)
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", ident):
        raise NewError(f"id-en «{ident}» må bestå av små bokstaver a–z, sifre og bindestrek, som «nes-kommune»")
    if ident in {a.id for a in plan.actors}:
        raise NewError(f"aktøren «{ident}» finnes allerede")
    path = Path(files.fixed["actors"].path)
    quoted = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    item = [f"- id: {ident}", f"  name: {quoted}", f"  kind: {kind}"]
    first, last = _append(path, (), "actors", item, "aktørene")
    fill_in = [
        "short_name, url og description hvis det passer",
        *_english(plan, "name, når navnet har en engelsk form"),
    ]
    return Added(path, ident, first, last, fill_in)


def _english(plan: Plan, keys: str) -> list[str]:
    """The line that reminds of the English texts, once the plan has begun its English edition (the skeleton itself
    has no «en:», so that a plan kept only in Norwegian is not asked for one)."""
    if not translations.count(plan).translated:
        return []
    return [f"en: engelsk oversettelse ({keys}); uten den vises den norske teksten i den engelske utgaven"]
