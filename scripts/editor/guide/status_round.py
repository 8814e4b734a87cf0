"""The page «Statusrunden»: the status round by spreadsheet, from ``plan status export`` to a merged pull request.

The columns of the workbook come from :data:`scripts.editor.status.layout.COLUMNS` and the statuses from the plan's
vocabulary, so the page says what the workbook holds. The messages are what ``plan status import`` says today: a
workbook is exported from a copy of the small example plan, filled in with one typical mistake at a time (with
openpyxl) and read back with ``import_status(..., write=False)``, as of the fixed day the error page uses.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from schema import Plan, Status
from scripts.core.queries import lead_actor, lead_role
from scripts.editor.guide.errors import EXAMPLE_PLAN, EXAMPLE_TODAY
from scripts.editor.guide.sources import SHOWN_PLAN_DIR
from scripts.editor.guide.workflow import branch_commands
from scripts.editor.status.layout import COLUMNS, GUIDE_SHEET, Column
from scripts.validate.validator import validate_folder

if TYPE_CHECKING:
    from openpyxl import Workbook  # type: ignore[import-untyped]

#: The picture of the workbook (made by ``make guide-picture``), relative to the docs folder.
PICTURE = "assets/veiledning/statusrunden-arbeidsbok.png"
#: The file name the page's commands and messages use; «ÅR» is the year asked about.
WORKBOOK = "statusrunde-ÅR.xlsx"
ANSWERS = "../svar-ÅR"
BRANCH = "statusrunde-ÅR"
#: The command, as the page «Arbeide på egen maskin» has it installed.
PLAN = ".venv/bin/plan"


@dataclass(frozen=True)
class MessageExample:
    """A typical mistake in a filled-in workbook: a heading, what the import prints, and the fix (Markdown)."""

    heading: str
    messages: tuple[str, ...]
    fix: str


#: What each column of the workbook holds, or what the lead writes in it (column key → Markdown).
MEANING: dict[str, str] = {
    "measure": "Nummeret på tiltaket. Det er dette som knytter svaret til tiltaket i planen.",
    "title": "Tittelen på tiltaket.",
    "focus_area": "Satsingsområdet tiltaket hører til.",
    "status": "Statusen tiltaket har i planen nå.",
    "since": "Datoen for den siste statusoppdateringen.",
    "latest": "Teksten i den siste statusoppdateringen.",
    "follow_up": "Om tiltaket er forsinket (en milepæl eller perioden har passert) eller ikke oppdatert på lenge, og "
    "hvorfor. Fylt ut av sekretariatet; for disse tiltakene trenger vi særlig et svar.",
    "new_status": "Den nye statusen, valgt fra listen i cellen. Står den tom, er statusen den samme som før.",
    "date": "Datoen da statusen ble som den er. Dagen arbeidsboken ble laget står der fra før; den kan endres, men "
    "ikke til en dag frem i tid.",
    "text": "Kort hva som har skjedd siden sist, med hele setninger. Teksten vises på nettstedet slik den står.",
}


WORDS = dict(enumerate(["null", "én", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni", "ti"]))


def alt_text() -> str:
    """What the picture shows, for those who cannot see it."""
    locked = [c.title for c in COLUMNS if not c.fill_in]
    fill_in = [c.title for c in COLUMNS if c.fill_in]
    return (
        f"Et ark i arbeidsboken, åpnet i LibreOffice: en tabell med én rad per tiltak og kolonnene "
        f"{listing([f'«{t}»' for t in [*locked, *fill_in]])}. De {WORDS[len(locked)]} første kolonnene er grå og viser "
        f"planen. De {WORDS[len(fill_in)]} siste er gule og skal fylles ut; i «Dato» står dagen arbeidsboken ble laget."
    )


def listing(items: list[str]) -> str:
    """«a, b og c»."""
    return ", ".join(items[:-1]) + " og " + items[-1] if len(items) > 1 else "".join(items)


@dataclass(frozen=True)
class StatusRound:
    meaning: dict[str, str]
    alt: str
    answers: str
    branch: str
    example_year: int
    locked: list[Column]
    fill_in: list[Column]
    statuses: list[Status]
    guide_sheet: str
    actor: str | None
    export: str
    export_one: str
    dry_run: str
    run: str
    publish: str
    examples: tuple[MessageExample, ...]
    picture: str


def status_round_guide(plan: Plan, examples: tuple[MessageExample, ...] | None = None) -> StatusRound:
    """What the page «Statusrunden» prints for the plan (`examples`: the import's messages, made now when None)."""
    lead = lead_role(plan.vocabulary)
    leads = [lead_actor(m, lead) for _, _, m in plan.measures()]
    files = f"{ANSWERS}/*.xlsx"
    return StatusRound(
        meaning=MEANING,
        alt=alt_text(),
        answers=ANSWERS,
        branch=BRANCH,
        example_year=EXAMPLE_TODAY.year,
        locked=[c for c in COLUMNS if not c.fill_in],
        fill_in=[c for c in COLUMNS if c.fill_in],
        statuses=sorted(plan.vocabulary.statuses, key=lambda s: s.order),
        guide_sheet=GUIDE_SHEET,
        actor=leads[0] if leads else None,
        export=f"{PLAN} status export --out {WORKBOOK}",
        export_one=f"{PLAN} status export --year ÅR --actor {leads[0] if leads else 'AKTØR'} --out {WORKBOOK}",
        dry_run=f"{PLAN} status import {files} --dry-run",
        run=f"git switch main\ngit pull\ngit switch -c {BRANCH}\n{PLAN} status import {files} --pr-body pr.md",
        publish=f"{PLAN} validate\n{branch_commands(BRANCH, 'Statusrunden ÅR', switch=False)}",
        examples=examples if examples is not None else message_examples(),
        picture=PICTURE,
    )


def _cell(key: str) -> str:
    """The cell of the column `key` in the first measure's row."""
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

    return f"{get_column_letter(next(i for i, c in enumerate(COLUMNS, start=1) if c.key == key))}2"


def _unknown_status(book: Workbook, sheet: str) -> None:
    book[sheet][_cell("new_status")], book[sheet][_cell("text")] = "Fullfør", "Kontrakt signert."


def _future_date(book: Workbook, sheet: str) -> None:
    book[sheet][_cell("date")], book[sheet][_cell("text")] = (
        dt.datetime(EXAMPLE_TODAY.year + 1, 3, 1),
        "Første samling holdt.",
    )


def _renamed_sheet(book: Workbook, sheet: str) -> None:
    book[sheet][_cell("text")] = "Første samling holdt."
    book[sheet].title = sheet.split()[0]


def _conflict(book: Workbook, sheet: str) -> None:
    book[sheet][_cell("new_status")], book[sheet][_cell("text")] = "Pågår", "Venter på ny finansiering."


#: (heading, mistake made in the workbook's first actor sheet, fix); the conflict's answer comes after another
#: answer to the same measure has been imported.
MISTAKES: tuple[tuple[str, Callable[[Workbook, str], None], str], ...] = (
    (
        "Ukjent status",
        _unknown_status,
        "Velg statusen fra listen i cellen (eller skriv den nøyaktig som i listen). Meldingen foreslår den som "
        "ligner mest.",
    ),
    (
        "Dato frem i tid",
        _future_date,
        "Datoen skal være dagen statusen ble som den er, senest i dag. Rett datoen i arbeidsboken.",
    ),
    (
        "Arket har fått nytt navn",
        _renamed_sheet,
        "Arknavnet sier hvilken aktør svarene er fra. Gi arket tilbake det gamle navnet (høyreklikk på fanen, "
        "«Gi nytt navn»).",
    ),
    (
        "Konflikt: tiltaket er endret siden eksporten",
        _conflict,
        "Noen har lagt inn en ny status for tiltaket etter at arbeidsboken ble laget, for eksempel med et eget "
        "endringsforslag eller fra en annen arbeidsbok. Les begge, og avgjør hva som gjelder: legg svaret inn for "
        "hånd (se [Endre status for et tiltak](endre-status.md)), eller slett svaret fra raden og kjør importen "
        "igjen.",
    ),
)


@functools.cache
def message_examples() -> tuple[MessageExample, ...]:
    """Each mistake made in a workbook exported from a copy of the example plan, and what the import says. They
    depend only on the tool and its example plan, so they are made once a process (0,7 s), not for every build."""
    # Imported here: the workbook libraries are needed only when the examples are made (not when they are kept).
    from openpyxl import load_workbook

    from scripts.editor.status.apply import import_status
    from scripts.editor.status.export import export_workbook

    shown = WORKBOOK.replace("ÅR", str(EXAMPLE_TODAY.year))
    examples: list[MessageExample] = []
    with tempfile.TemporaryDirectory(prefix="statusrunden-") as temp:
        folder = Path(temp) / SHOWN_PLAN_DIR
        shutil.copytree(EXAMPLE_PLAN, folder)
        plan, _ = validate_folder(folder, EXAMPLE_TODAY)
        assert plan is not None, "the example plan is valid"
        exported = export_workbook(plan, year=EXAMPLE_TODAY.year, today=EXAMPLE_TODAY)
        sheet = next(iter(exported.info.sheets))
        for heading, mistake, fix in MISTAKES:
            book = load_workbook(io.BytesIO(exported.data))
            mistake(book, sheet)
            path = Path(temp) / f"{len(examples)}.xlsx"
            book.save(path)
            if mistake is _conflict:
                _import_another_answer(folder, exported.data, sheet, Path(temp) / "first.xlsx")
            result = import_status(folder, [path], today=EXAMPLE_TODAY, write=False, shown={path: shown})
            if not result.errors:
                raise ValueError(f"{heading}: importen fant ingen feil, så eksemplet kan ikke vises")
            examples.append(MessageExample(heading, tuple(str(m) for m in result.errors), fix))
    return tuple(examples)


def _import_another_answer(folder: Path, data: bytes, sheet: str, path: Path) -> None:
    """Import another answer for the first measure of `sheet`, so the plan has moved on since the export."""
    from openpyxl import load_workbook

    from scripts.editor.status.apply import import_status

    book = load_workbook(io.BytesIO(data))
    book[sheet][_cell("new_status")], book[sheet][_cell("text")] = "Fullført", "Sluttrapport levert."
    book.save(path)
    import_status(folder, [path], today=EXAMPLE_TODAY, write=True)
