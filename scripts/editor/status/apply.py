"""``plan status import``: the answers of one or more status workbooks, checked against the plan as it is now, and
appended as status updates to the focus area files, all or nothing.

Each row with a new status or a text becomes one status update at the end of its measure's «status_updates», written
as ``plan new`` writes (:mod:`scripts.editor.listedit`): every other byte of the file stays as it was. Before
anything is written, every answer is checked and the changed plan is validated; one problem anywhere and nothing is
written. An answer that is in the plan already (the same day, status and text) is skipped, so importing a workbook
again adds nothing. An answer to a measure whose status updates changed after the export is a conflict: both are
shown, and the secretariat decides.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from schema import Measure, Plan
from scripts.core.files import replacing
from scripts.core.problems import errors
from scripts.editor.diff import diff_plans, to_markdown
from scripts.editor.dump import PlanDumper
from scripts.editor.listedit import Addition, LayoutError, Where, append_items, misread, with_items
from scripts.editor.status.layout import RowState, fingerprint
from scripts.editor.status.located import Message
from scripts.editor.status.located import Where as Place
from scripts.editor.status.read import Answer, ReadWorkbook, read_workbook
from scripts.load.folder import PlanFiles
from scripts.validate.validator import PlanNotValid, load_and_validate, require_valid, source_files


class ImportFailed(Exception):
    """The import cannot start (the plan is not valid); the message says why, in Norwegian."""


@dataclass(frozen=True)
class NewUpdate:
    answer: Answer
    measure: Measure
    path: Path
    parent: Where
    day: dt.date
    status: str
    text: str
    #: The text was made by the import: the lead gave a new status and no text.
    made_text: bool = False

    def lines(self) -> list[str]:
        """The status update as the lines of a YAML list item at column 0."""
        text = yaml.dump({"text": self.text}, Dumper=PlanDumper, allow_unicode=True, width=1_000_000)
        text_lines = text.rstrip("\n").split("\n")
        return [f"- date: {self.day.isoformat()}", f"  status: {self.status}", *("  " + line for line in text_lines)]


@dataclass
class ImportResult:
    workbooks: list[ReadWorkbook]
    messages: list[Message] = field(default_factory=list)
    updates: list[NewUpdate] = field(default_factory=list)
    #: Answers that are in the plan already.
    already: list[Answer] = field(default_factory=list)
    #: Answers that change nothing (the same status as now, no text).
    unchanged: list[Answer] = field(default_factory=list)
    #: Path → the file's new text.
    files: dict[Path, str] = field(default_factory=dict)
    #: The changes in plan terms, as ``plan diff`` shows them.
    changes: str = ""
    written: bool = False
    #: The plan before the import.
    plan: Plan | None = None

    @property
    def errors(self) -> list[Message]:
        return [m for m in self.messages if m.is_error]

    def skipped(self) -> list[str]:
        """Sentences on the answers that were not added as they came, for the terminal and the pull request."""
        notes = []
        if self.already:
            notes.append(f"{len(self.already)} svar var allerede lest inn, og er ikke lagt til på nytt.")
        if self.unchanged:
            notes.append(f"{len(self.unchanged)} svar hadde samme status som før og ingen tekst.")
        made = [u.measure.id for u in self.updates if u.made_text]
        if made:
            notes.append(f"Uten tekst fra den ansvarlige (teksten er laget av importen): tiltak {', '.join(made)}.")
        return notes


def import_status(
    folder: Path, workbooks: list[Path], *, today: dt.date, write: bool = True, shown: dict[Path, str] | None = None
) -> ImportResult:
    """Read the workbooks, check every answer, and (when `write` and nothing is wrong) append the status updates
    to the plan's files."""
    plan, files, places = _plan_and_places(folder, today)
    result = ImportResult([read_workbook(path, plan, (shown or {}).get(path)) for path in workbooks], plan=plan)
    for book in result.workbooks:
        result.messages += book.messages
    labels = {s.id: s.label for s in plan.vocabulary.statuses}
    measures = {m.id: m for _, _, m in plan.measures()}
    chosen: dict[str, NewUpdate] = {}
    for answer in (a for book in result.workbooks for a in book.answers):
        _take(answer, measures.get(answer.measure), places, labels, today, chosen, result)
    result.updates = list(chosen.values())
    if result.errors or not result.updates:
        return result
    additions = _edit_files(result)
    if result.errors:
        return result
    _validate(folder, files, additions, today, result)
    if write and not result.errors:
        _write(result.files)
        result.written = True
    return result


def _plan_and_places(folder: Path, today: dt.date) -> tuple[Plan, PlanFiles, dict[str, tuple[Path, Where]]]:
    """The plan, valid on `today`, its files as loaded, and for each measure the file it is written in and where
    in the file."""
    try:
        plan, files = require_valid(folder, today)
    except PlanNotValid as error:
        raise ImportFailed(str(error)) from None
    by_area = source_files(files)
    places: dict[str, tuple[Path, Where]] = {}
    for fa in plan.focus_areas:
        path = Path(files.focus_areas[by_area[fa.id]].path)
        for g, goal in enumerate(fa.goals):
            for m, measure in enumerate(goal.measures):
                places[measure.id] = (path, ("goals", g, "measures", m))
    return plan, files, places


def _take(
    answer: Answer,
    measure: Measure | None,
    places: dict[str, tuple[Path, Where]],
    labels: dict[str, str],
    today: dt.date,
    chosen: dict[str, NewUpdate],
    result: ImportResult,
) -> None:
    """Check one answer against the plan, and keep the status update it gives."""
    where = Place(answer.where.file, answer.where.sheet, answer.where.row, "Tiltak")
    if measure is None:
        text = (
            f"tiltak {answer.measure} finnes ikke lenger i planen (det kan ha fått nytt nummer eller blitt tatt ut). "
            "Legg svaret inn for hånd, eller slett det fra raden"
        )
        result.messages.append(Message(where, text))
        return
    status = answer.status or measure.status
    text = answer.text or f"Status endret til {labels[status].lower()}."
    if any(u.date == answer.day and u.status == status and u.text.strip() == text for u in measure.status_updates):
        result.already.append(answer)
        return
    if answer.text is None and status == measure.status:
        result.unchanged.append(answer)
        return
    problem = _conflict(answer, measure, labels) or _date_problem(answer, measure, today)
    if problem is not None:
        result.messages.append(problem)
        return
    path, parent = places[measure.id]
    update = NewUpdate(answer, measure, path, parent, answer.day, status, text, answer.text is None)
    earlier = chosen.get(measure.id)
    if earlier is not None and (earlier.day, earlier.status, earlier.text) != (update.day, status, text):
        result.messages.append(Message(where, f"tiltak {measure.id} har et annet svar også i {earlier.answer.where}"))
        return
    chosen.setdefault(measure.id, update)


def _conflict(answer: Answer, measure: Measure, labels: dict[str, str]) -> Message | None:
    now = RowState.of(measure)
    if now == answer.exported:
        return None
    newest = measure.newest_update()
    then_text = f"da var statusen «{labels.get(answer.exported.status, answer.exported.status)}»"
    now_text = f"nå er den «{labels[measure.status]}»"
    if newest is not None and fingerprint(newest) != answer.exported.newest:
        now_text += f" etter oppdateringen {newest.date.strftime('%d.%m.%Y')}: «{_excerpt(newest.text)}»"
    text = (
        f"tiltak {measure.id} er endret i planen etter at arbeidsboken ble laget ({then_text}; {now_text}). "
        "Svaret er ikke tatt inn. Se om det fortsatt gjelder: legg det inn for hånd, eller slett svaret fra raden og "
        "kjør importen igjen"
    )
    return Message(Place(answer.where.file, answer.where.sheet, answer.where.row, "Ny status"), text)


def _date_problem(answer: Answer, measure: Measure, today: dt.date) -> Message | None:
    where = Place(answer.where.file, answer.where.sheet, answer.where.row, "Dato")
    day = answer.day.strftime("%d.%m.%Y")
    if answer.day > today:
        return Message(where, f"datoen {day} er frem i tid. Skriv datoen da statusen ble som den er, senest i dag")
    newest = measure.newest_update()
    if newest is not None and answer.day < newest.date:
        return Message(
            where,
            f"datoen {day} er før siste statusoppdatering for tiltak {measure.id} "
            f"({newest.date.strftime('%d.%m.%Y')}). Skriv en dato fra og med den",
        )
    return None


def _excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= 80 else flat[:77] + "…"


def _edit_files(result: ImportResult) -> dict[Path, list[Addition]]:
    """The new text of every file that gets status updates (all of a file's additions made in one pass, checked
    when the new files are validated); returns the additions by file."""
    by_file: dict[Path, list[Addition]] = {}
    for u in result.updates:
        what = f"statusoppdateringene til tiltak {u.measure.id}"
        by_file.setdefault(u.path, []).append(Addition(u.parent, "status_updates", u.lines(), what))
    for path, additions in by_file.items():
        try:
            result.files[path] = append_items(path.read_bytes().decode("utf-8"), additions, check=False).text
        except LayoutError as error:
            result.messages.append(Message(Place(str(path)), str(error)))
    return by_file


def _validate(
    folder: Path, old: PlanFiles, additions: dict[Path, list[Addition]], today: dt.date, result: ImportResult
) -> None:
    """Validate the plan with the new files (in a copy of the folder); check that each new file reads as its old
    data with the status updates added and nothing else; describe the changes as ``plan diff`` does."""
    with tempfile.TemporaryDirectory() as workdir:
        copy = Path(workdir) / "plan"
        shutil.copytree(folder, copy)
        for path, text in result.files.items():
            (copy / path.resolve().relative_to(folder.resolve())).write_bytes(text.encode("utf-8"))
        files, new, problems = load_and_validate(copy, today, commits=False)
        for problem in errors(problems):
            place = Place(f"{problem.file.replace(str(copy), str(folder))}:{problem.line}:{problem.col}")
            result.messages.append(
                Message(place, f"{problem.message} (slik blir planen med svarene fra arbeidsbøkene)")
            )
        for path, added in additions.items():
            shown = str(copy / path.resolve().relative_to(folder.resolve()))
            document = files.focus_areas.get(shown)
            if document is None and errors(problems):
                continue  # the file could not be read back: that problem is reported above
            if document is None or document.data != with_items(old.focus_areas[str(path)].data, added):
                result.messages.append(Message(Place(str(path)), str(misread("statusoppdateringene"))))
    if new is not None and not result.errors:
        result.changes = to_markdown(diff_plans(result.plan or new, new))


def _write(files: dict[Path, str]) -> None:
    """Every file replaced, or none: all new texts are written beside their files first, then renamed over them."""
    with contextlib.ExitStack() as stack:
        for path, text in files.items():
            temporary = stack.enter_context(replacing(path))
            temporary.write_bytes(text.encode("utf-8"))
