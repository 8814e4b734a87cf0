"""``plan status export``: the status round's workbook, one sheet per lead actor, written with openpyxl.

Decisions:

* The measures asked about in a year are those whose period includes the year, and those whose period has ended
  without a status that counts as done (they are overdue, and the secretariat needs to hear about them too).
* The first sheet («Slik fyller du ut») says in plain Norwegian what to do and what not to touch. The sheets are
  protected without a password: the plan's columns are locked (grey), the three columns to fill in are open
  (yellow), and so are a few columns to the right for the lead's own notes, which the import does not read.
* «Ny status» is a list of the statuses' Norwegian labels; «Dato» is a real date cell, the day of export by
  default (the last day of the year when the year asked about is over); «Hva har skjedd» is text.
* The hidden sheet «Eksportdata» records the plan and each row's state (:mod:`.layout`).
* The same plan, year and day give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped]
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped]
from openpyxl.writer.excel import ExcelWriter  # type: ignore[import-untyped]

from schema import FocusArea, Measure, Plan
from scripts.core import followup
from scripts.core.queries import lead_actor, lead_role, reader_contact
from scripts.core.spreadsheet import append_row, dated_zip, fit_rows, print_setup, sheet_names
from scripts.editor.status.layout import (
    COLUMNS,
    DATE_FORMAT,
    GUIDE_SHEET,
    META_SHEET,
    NOTE_COLUMNS,
    TITLES,
    ExportInfo,
    RecordedRow,
    RecordedSheet,
    RowState,
    meta_rows,
)
from scripts.model.catalog import suggest

LOCKED_FILL = PatternFill("solid", fgColor="EEF0F3")
OPEN_FILL = PatternFill("solid", fgColor="FFF6CC")
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
BOLD = Font(name="Calibri", size=11, bold=True)
TITLE_FONT = Font(name="Calibri", size=14, bold=True)
WRAPPED = Alignment(vertical="top", wrap_text=True)
CENTRED = Alignment(horizontal="center", vertical="top")
LINES = Border(*(Side(style="thin", color="B8C0CC"),) * 4)
OPEN = Protection(locked=False)
MAX_TEXT = 3000


class ExportError(Exception):
    """The workbook cannot be made; the message says why, in Norwegian."""


@dataclass(frozen=True)
class Asked:
    focus_area: FocusArea
    measure: Measure


@dataclass(frozen=True)
class Exported:
    data: bytes
    info: ExportInfo

    @property
    def rows(self) -> int:
        return sum(len(sheet.rows) for sheet in self.info.sheets.values())


def asked(plan: Plan, measure: Measure, year: int) -> bool:
    """Whether the status round for `year` asks about the measure (see the module docs)."""
    if measure.period.start > year:
        return False
    done = {s.id for s in plan.vocabulary.statuses if s.done}
    return measure.period.end is None or measure.period.end >= year or measure.status not in done


def default_date(year: int, today: dt.date) -> dt.date:
    return min(today, dt.date(year, 12, 31))


def export_workbook(plan: Plan, *, year: int, today: dt.date, actor: str | None = None, commit: str = "") -> Exported:
    """The workbook for the status round of `year`, for every lead actor or only `actor`."""
    by_lead = _measures_by_lead(plan, year)
    actors = {a.id: a for a in plan.actors}
    if actor is not None:
        if actor not in actors:
            raise ExportError(f"aktøren «{actor}» finnes ikke{suggest(actor, list(actors))}")
        if actor not in by_lead:
            raise ExportError(f"{actors[actor].name} er ikke ansvarlig for noe tiltak det spørres om i {year}")
        by_lead = {actor: by_lead[actor]}
    if not by_lead:
        raise ExportError(f"ingen tiltak i planen pågår i {year}, så det er ingenting å spørre om")
    leads = [actors[ident] for ident in by_lead]
    names = sheet_names([a.name for a in leads], reserved=(GUIDE_SHEET, META_SHEET))
    newest = plan.plan.revisions[-1]
    info = ExportInfo(plan.plan.title, plan.plan.owner, f"{newest.version} {newest.title}", commit, today, year)
    book = Workbook()
    footer = f"Statusrunde {year}: {plan.plan.short_title}".replace("&", "&&")  # «&» starts a code in a footer
    _guide_sheet(book.active, plan, info, names)
    for position, (lead, name) in enumerate(zip(leads, names, strict=True)):
        recorded = RecordedSheet(name, lead.id, position)
        sheet = book.create_sheet(name)
        _actor_sheet(sheet, plan, by_lead[lead.id], default_date(year, today), recorded, footer)
        info.sheets[name] = recorded
    meta = book.create_sheet(META_SHEET)
    for row in meta_rows(info):
        append_row(meta, row)
    meta.sheet_state = "hidden"
    meta.protection.sheet = True
    _properties(book, plan, info)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).write_data()  # not book.save(): that sets the modification date to now
    return Exported(dated_zip(out.getvalue(), today), info)


def follow_up_note(found: followup.FollowUp) -> str:
    """The note the secretariat's rule writes beside a measure: «Forsinket: …. Ikke oppdatert: …», or nothing."""
    parts = [f"Forsinket: {'; '.join(found.late)}." if found.late else ""]
    parts.append(f"Ikke oppdatert: {found.unreported}." if found.unreported else "")
    return " ".join(p for p in parts if p)


def _measures_by_lead(plan: Plan, year: int) -> dict[str, list[Asked]]:
    """Lead actor id → the measures it leads that are asked about, in the plan's order; actors in the order of
    plan/actors.yaml."""
    lead = lead_role(plan.vocabulary)
    found: dict[str, list[Asked]] = {}
    for fa, _goal, measure in plan.measures():
        if asked(plan, measure, year):
            found.setdefault(lead_actor(measure, lead), []).append(Asked(fa, measure))
    return {a.id: found[a.id] for a in plan.actors if a.id in found}


def _actor_sheet(
    sheet: Worksheet, plan: Plan, rows: Sequence[Asked], day: dt.date, recorded: RecordedSheet, footer: str
) -> None:
    labels = {s.id: s.label for s in plan.vocabulary.statuses}
    rule = followup.Rule.of(plan)
    append_row(sheet, [c.title for c in COLUMNS])
    for number, item in enumerate(rows, start=2):
        m, newest = item.measure, item.measure.newest_update()
        values = {
            "measure": m.id,
            "title": m.title,
            "focus_area": f"{item.focus_area.id} {item.focus_area.title}",
            "status": labels[m.status],
            "since": newest.date if newest else None,
            "latest": newest.text.strip() if newest else "",
            "follow_up": follow_up_note(rule.check(m)),
            "new_status": None,
            "date": day,
            "text": None,
        }
        append_row(sheet, [values[c.key] for c in COLUMNS])
        recorded.rows[m.id] = RecordedRow(number, m.id, RowState.of(m))
    _style_sheet(sheet, len(rows) + 1, footer)
    _validations(sheet, plan, len(rows) + 1)


def _style_sheet(sheet: Worksheet, last: int, footer: str) -> None:
    """Header bold and frozen with the measure's number; locked columns grey, open ones yellow, thin lines
    between the cells; dates as dd.mm.åååå, centred; protected without a password; A4 landscape with the header
    row on every page, the sheet's name at the top and the round and page number at the foot."""
    for index, column in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = column.width
        for row in range(2, last + 1):
            cell = sheet.cell(row, index)
            cell.alignment = CENTRED if column.key in {"since", "date"} else WRAPPED
            cell.fill = OPEN_FILL if column.fill_in else LOCKED_FILL
            cell.border = LINES
            if column.fill_in:
                cell.protection = OPEN
            if column.key in {"since", "date"}:
                cell.number_format = DATE_FORMAT
    for cell in sheet[1]:
        cell.font, cell.fill, cell.alignment, cell.border = BOLD, HEADER_FILL, WRAPPED, LINES
    for index in range(len(COLUMNS) + 1, len(COLUMNS) + 1 + NOTE_COLUMNS):
        dimension = sheet.column_dimensions[get_column_letter(index)]
        dimension.width, dimension.protection = 20, OPEN
    fit_rows(sheet)
    sheet.freeze_panes = "C2"
    sheet.print_title_rows = "1:1"
    sheet.print_area = f"A1:{get_column_letter(len(COLUMNS))}{last}"
    print_setup(sheet, "landscape")
    sheet.oddHeader.center.text, sheet.oddHeader.center.size = "&A", 12  # the sheet's name: whose answers
    sheet.oddFooter.left.text, sheet.oddFooter.right.text = footer, "Side &P av &N"
    sheet.protection.sheet = True
    sheet.protection.formatColumns = sheet.protection.formatRows = False  # widen a column, heighten a row
    sheet.protection.autoFilter = sheet.protection.sort = False


def _validations(sheet: Worksheet, plan: Plan, last: int) -> None:
    """A list of the statuses' labels in «Ny status», a date in «Dato», at most MAX_TEXT characters in «Hva har
    skjedd», each with a Norwegian message when something else is typed."""
    letters = {c.key: get_column_letter(i) for i, c in enumerate(COLUMNS, start=1)}
    labels = ",".join(s.label for s in sorted(plan.vocabulary.statuses, key=lambda s: s.order))
    status = DataValidation(type="list", formula1=f'"{labels}"', allow_blank=True)
    status.promptTitle, status.prompt = "Ny status", "Velg fra listen, eller la stå tom om statusen er den samme."
    status.errorTitle, status.error = "Ukjent status", f"Velg en av statusene i listen: {labels.replace(',', ', ')}."
    date = DataValidation(type="date", operator="greaterThan", formula1="36526", allow_blank=True)  # after 2000
    date.errorTitle, date.error = "Ikke en dato", "Skriv datoen slik: 31.12.2026."
    text = DataValidation(type="textLength", operator="lessThanOrEqual", formula1=str(MAX_TEXT), allow_blank=True)
    text.errorTitle, text.error = "For lang tekst", f"Skriv kortere: høyst {MAX_TEXT} tegn."
    for validation, key in ((status, "new_status"), (date, "date"), (text, "text")):
        validation.showErrorMessage = validation.showInputMessage = True
        validation.add(f"{letters[key]}2:{letters[key]}{max(last, 2)}")
        sheet.add_data_validation(validation)


def _guide_sheet(sheet: Worksheet, plan: Plan, info: ExportInfo, names: list[str]) -> None:
    """What to do and what not to touch, in plain Norwegian."""
    sheet.title = GUIDE_SHEET
    contact = reader_contact(plan)
    reach = contact.email or "den som sendte deg arbeidsboken"
    statuses = ", ".join(f"{s.label} ({s.description.rstrip('.')})" for s in plan.vocabulary.statuses)
    lines: list[tuple[str, Font | None]] = [
        (f"Statusrunde {info.year}", TITLE_FONT),
        (f"{plan.plan.title}. Laget {info.exported.strftime('%d.%m.%Y')} fra utgave {info.revision}.", None),
        ("", None),
        ("Slik gjør du", BOLD),
        ("1. Finn arket med navnet til din organisasjon (fanene nederst).", None),
        ("2. Se på hvert tiltak. Er statusen endret, velg ny status i kolonnen «Ny status».", None),
        (
            "3. Skriv kort i «Hva har skjedd» hva som er gjort siden sist. Teksten publiseres på nettsidene til "
            "planen: skriv for innbyggere og næringsliv, i hele setninger.",
            None,
        ),
        (
            "Kolonnen «Oppfølging» sier hvilke tiltak som er forsinket (en milepæl eller perioden har passert) eller "
            f"ikke oppdatert på {plan.plan.stale_after_months} måneder: for dem trenger vi særlig et svar.",
            None,
        ),
        ("4. «Dato» er datoen statusen gjelder fra. Den er fylt ut; endre den om noe skjedde en annen dag.", None),
        (
            "5. La raden stå tom når det ikke er noe nytt. Lagre som Excel-arbeidsbok (.xlsx), og send filen "
            f"tilbake til {reach}.",
            None,
        ),
        ("", None),
        ("Ikke gjør dette", BOLD),
        (
            "Ikke endre de grå kolonnene, og ikke gi nytt navn til ark eller kolonner: da kan ikke svarene leses inn.",
            None,
        ),
        (
            "Ikke lim inn formler. Egne notater kan stå i kolonnene til høyre for «Hva har skjedd»; de leses ikke inn.",
            None,
        ),
        ("", None),
        (f"Statusene: {statuses}.", None),
        (f"Ark i denne arbeidsboken: {', '.join(names)}.", None),
        (f"Kolonnene: {', '.join(TITLES.values())}.", None),
    ]
    for text, font in lines:
        (cell,) = append_row(sheet, [text])
        cell.alignment = WRAPPED
        if font is not None:
            cell.font = font
    sheet.column_dimensions["A"].width = 72  # fits A4 portrait unscaled
    fit_rows(sheet)
    print_setup(sheet, "portrait")
    sheet.protection.sheet = True


def _properties(book: Workbook, plan: Plan, info: ExportInfo) -> None:
    owner = next((a for a in plan.actors if a.id == plan.plan.owner), None)
    moment = dt.datetime.combine(info.exported, dt.time())
    props = book.properties
    props.title = f"Statusrunde {info.year}: {plan.plan.title}"
    props.subject = f"Utgave {info.revision}"
    props.creator = owner.name if owner else plan.plan.title
    props.created = props.modified = moment
    props.lastModifiedBy = None
