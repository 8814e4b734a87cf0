"""The status workbook's layout, shared by the export and the import: its sheets, its columns, and the hidden sheet
that records what the plan said when the workbook was made.

The hidden sheet («Eksportdata») holds the plan's identity (title and owner), its newest revision, the git commit
when known, the day of export and the year asked about; then one row per measure row of the workbook: the sheet,
the lead actor, the row, the measure and the measure's state at export (its status, how many status updates it had
and a fingerprint of the newest one). The import compares that state with the plan as it is, to tell an answer to
a question nobody has changed since from an answer the plan has overtaken (a conflict).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from schema import Measure, StatusUpdate

#: What the hidden sheet's «format» row says; a workbook of another format is refused.
FORMAT = "naeringsplan-statusrunde-1"
GUIDE_SHEET = "Slik fyller du ut"
META_SHEET = "Eksportdata"


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    width: int
    #: A column the lead fills in (unlocked); the others are the plan as it was (locked).
    fill_in: bool = False
    #: A column the import does without (a workbook exported before it existed still reads).
    optional: bool = False


COLUMNS: tuple[Column, ...] = (
    Column("measure", "Tiltak", 9),
    Column("title", "Tittel", 30),
    Column("focus_area", "Satsingsområde", 18),
    Column("status", "Status nå", 11),
    Column("since", "Sist oppdatert", 11),
    Column("latest", "Siste oppdatering", 36),
    Column("follow_up", "Oppfølging", 28, optional=True),
    Column("new_status", "Ny status", 12, fill_in=True),
    Column("date", "Dato", 12, fill_in=True),
    Column("text", "Hva har skjedd", 44, fill_in=True),
)
TITLES = {column.key: column.title for column in COLUMNS}
#: Columns to the right of the last one that are left open for the lead's own notes (never read).
NOTE_COLUMNS = 6
DATE_FORMAT = "DD.MM.YYYY"


def fingerprint(update: StatusUpdate | None) -> str:
    """A short digest of a status update: equal when date, status and text are equal."""
    if update is None:
        return "-"
    text = f"{update.date.isoformat()}\x1f{update.status}\x1f{update.text}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class RowState:
    """What the plan said of a measure: its status, how many status updates it had, and the newest one's
    fingerprint."""

    status: str
    updates: int
    newest: str

    @classmethod
    def of(cls, measure: Measure) -> RowState:
        return cls(measure.status, len(measure.status_updates), fingerprint(measure.newest_update()))


@dataclass(frozen=True)
class RecordedRow:
    row: int
    measure: str
    state: RowState


@dataclass
class RecordedSheet:
    title: str
    actor: str
    #: The sheet's place among the actor sheets (0 for the first).
    position: int
    rows: dict[str, RecordedRow] = field(default_factory=dict)


@dataclass
class ExportInfo:
    """What the hidden sheet records."""

    plan_title: str
    owner: str
    revision: str
    commit: str
    exported: dt.date
    year: int
    sheets: dict[str, RecordedSheet] = field(default_factory=dict)


#: The hidden sheet's rows before the table of measure rows: label → ExportInfo field.
META_FIELDS = {
    "format": "format",
    "plan": "plan_title",
    "eier": "owner",
    "utgave": "revision",
    "commit": "commit",
    "eksportert": "exported",
    "år": "year",
}
META_HEADER = ("ark", "aktør", "rad", "tiltak", "status", "oppdateringer", "nyeste")
META_NOTE = "Ikke endre dette arket: det brukes når svarene leses inn igjen med «plan status import»."


def meta_rows(info: ExportInfo) -> list[tuple[object, ...]]:
    """The hidden sheet's content, row by row (every value as text or a whole number)."""
    values = {
        "format": FORMAT,
        "plan_title": info.plan_title,
        "owner": info.owner,
        "revision": info.revision,
        "commit": info.commit,
        "exported": info.exported.isoformat(),
        "year": str(info.year),
    }
    rows: list[tuple[object, ...]] = [(META_NOTE,)]
    rows += [(label, values[name]) for label, name in META_FIELDS.items()]
    rows += [(), META_HEADER]
    for sheet in info.sheets.values():
        for recorded in sheet.rows.values():
            state = recorded.state
            rows.append(
                (sheet.title, sheet.actor, recorded.row, recorded.measure, state.status, state.updates, state.newest)
            )
    return rows
