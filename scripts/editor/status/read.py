"""Read a filled-in status workbook: every answer with the row it came from, and every problem located as
``FIL.xlsx: ark «Nes kommune», rad 7, kolonne «Ny status»: …`` with the fix.

What a workbook is, is checked before openpyxl opens it (:mod:`.container`); then at most :data:`MAX_SHEETS`
sheets with at most :data:`MAX_ROWS` rows each are read, their cells by :mod:`.cells`. Values are read as the
spreadsheet program last saved them; a formula is never evaluated (one without a saved value is an error). What
LibreOffice and Excel do to a workbook is accepted: dates as real dates, as numbers
or as text («31.12.2026»), numbers as text, spaces around values, empty rows, rows in another order, columns of
the lead's own (ignored, with a message).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

from schema import Plan
from scripts.editor.status.cells import (
    Statuses,
    date_cell,
    is_formula,
    number_of,
    status_cell,
    text_cell,
    text_of,
)
from scripts.editor.status.container import RESAVE, container_problem, has_formulas
from scripts.editor.status.layout import (
    COLUMNS,
    FORMAT,
    GUIDE_SHEET,
    META_FIELDS,
    META_SHEET,
    TITLES,
    ExportInfo,
    RecordedRow,
    RecordedSheet,
    RowState,
)
from scripts.editor.status.located import Message, Where
from scripts.model.catalog import fold

MAX_ROWS = 5_000
MAX_SHEETS = 500
FIX_EXPORT = "eller lag en ny arbeidsbok med «plan status export»"


@dataclass(frozen=True)
class Answer:
    """A row with a new status or a text: what the lead reported, and what the plan said at export."""

    where: Where
    measure: str
    exported: RowState
    status: str | None
    day: dt.date
    text: str | None


@dataclass
class ReadWorkbook:
    path: Path
    info: ExportInfo | None = None
    answers: list[Answer] = field(default_factory=list)
    messages: list[Message] = field(default_factory=list)


def read_workbook(path: Path, plan: Plan, shown: str | None = None) -> ReadWorkbook:
    """Every answer in the workbook at `path` and every problem found in it (`shown`: the file's name in
    messages)."""
    result = ReadWorkbook(path)
    where = Where(shown or str(path))
    problem = container_problem(path)
    if problem is not None:
        result.messages.append(Message(where, problem))
        return result
    try:
        values = load_workbook(path, read_only=True, data_only=True)
        formulas = load_workbook(path, read_only=True, data_only=False) if has_formulas(path) else None
    except Exception as error:  # openpyxl raises many kinds of error for a damaged file
        text = f"filen kan ikke leses som en arbeidsbok ({type(error).__name__}); den kan være skadet. {RESAVE}"
        result.messages.append(Message(where, text))
        return result
    try:
        _read_book(values, formulas, plan, where, result)
    finally:
        values.close()
        if formulas is not None:
            formulas.close()
    return result


def _read_book(values: Any, formulas: Any, plan: Plan, where: Where, result: ReadWorkbook) -> None:
    names = values.sheetnames
    if len(names) > MAX_SHEETS:
        result.messages.append(Message(where, f"arbeidsboken har {len(names)} ark; er det riktig fil?"))
        return
    if META_SHEET not in names:
        text = (
            f"arbeidsboken er ikke laget med «plan status export» (arket «{META_SHEET}» mangler). Bruk "
            f"arbeidsboken dere fikk tilsendt, {FIX_EXPORT}"
        )
        result.messages.append(Message(where, text))
        return
    info, problem = read_meta(values[META_SHEET])
    if info is None:
        result.messages.append(
            Message(Where(where.file, META_SHEET), f"{problem}. Bruk arbeidsboken uendret, {FIX_EXPORT}")
        )
        return
    result.info = info
    if (info.plan_title, info.owner) != (plan.plan.title, plan.plan.owner):
        text = (
            f"arbeidsboken er laget fra en annen plan («{info.plan_title}», eier «{info.owner}»), ikke fra "
            f"«{plan.plan.title}». Sjekk at det er riktig fil, og at du står i riktig planmappe"
        )
        result.messages.append(Message(where, text))
        return
    statuses = Statuses(plan)
    for name in names:
        if name in (GUIDE_SHEET, META_SHEET):
            continue
        sheet_where = Where(where.file, name)
        recorded = info.sheets.get(name)
        if recorded is None:
            result.messages.append(_unknown_sheet(sheet_where, values[name], info, names))
            continue
        _read_sheet(
            values[name],
            formulas[name] if formulas is not None else None,
            recorded,
            info,
            statuses,
            sheet_where,
            result,
        )
    result.messages += _sheet_order(where, names, info)


def _unknown_sheet(where: Where, sheet: Any, info: ExportInfo, names: list[str]) -> Message:
    header = next(sheet.iter_rows(max_row=1, values_only=True), ())
    if TITLES["measure"] not in [text_of(v) for v in header]:
        return Message(where, "arket er ikke fra eksporten og blir ikke lest inn", is_error=False)
    missing = [title for title in info.sheets if title not in names]
    hint = f" Gi det tilbake navnet «{missing[0]}»" if len(missing) == 1 else ""
    hint = hint or (f" Arkene som mangler, er: {', '.join(missing)}." if missing else "")
    return Message(where, f"arket har fått nytt navn, så svarene kan ikke knyttes til en aktør.{hint}")


def _sheet_order(where: Where, names: list[str], info: ExportInfo) -> list[Message]:
    present = [n for n in names if n in info.sheets]
    if present == sorted(present, key=lambda n: info.sheets[n].position):
        return []
    return [Message(where, "arkene står i en annen rekkefølge enn da de ble laget; det gjør ikke noe", False)]


def read_meta(sheet: Any) -> tuple[ExportInfo | None, str]:
    """The hidden sheet's record, or None and why it cannot be read."""
    rows = [tuple(row) for row in sheet.iter_rows(max_row=MAX_ROWS * 20 + 20, values_only=True)]
    facts = {text_of(row[0]): text_of(row[1]) for row in rows if len(row) >= 2 and text_of(row[0]) in META_FIELDS}
    if facts.get("format") != FORMAT:
        return None, f"arket «{META_SHEET}» er endret eller fra en annen versjon av verktøyet"
    try:
        info = ExportInfo(
            facts["plan"],
            facts["eier"],
            facts["utgave"],
            facts.get("commit", ""),
            dt.date.fromisoformat(facts["eksportert"]),
            int(facts["år"]),
        )
        table = [row for row in rows if len(row) >= 7 and number_of(row[2]) is not None]
        for row in table:
            title, actor, number, measure = text_of(row[0]), text_of(row[1]), number_of(row[2]), text_of(row[3])
            state = RowState(text_of(row[4]), int(number_of(row[5]) or 0), text_of(row[6]))
            sheet_info = info.sheets.setdefault(title, RecordedSheet(title, actor, len(info.sheets)))
            sheet_info.rows[measure] = RecordedRow(int(number or 0), measure, state)
    except (KeyError, ValueError):
        return None, f"arket «{META_SHEET}» er endret, så arbeidsboken kan ikke knyttes til planen"
    return info, ""


def _read_sheet(
    values: Any,
    formulas: Any,
    recorded: RecordedSheet,
    info: ExportInfo,
    statuses: Statuses,
    where: Where,
    result: ReadWorkbook,
) -> None:
    rows = values.iter_rows(values_only=True)
    header = [text_of(v) for v in next(rows, ())]
    places, problems = _columns(header, where)
    result.messages += problems
    if any(p.is_error for p in problems):
        return
    formula_rows = formulas.iter_rows(min_row=2, values_only=True) if formulas is not None else iter(())
    seen: dict[str, int] = {}
    for number, row in enumerate(rows, start=2):
        written = next(formula_rows, ())
        if number > MAX_ROWS + 1:
            result.messages.append(Message(where, f"arket har mer enn {MAX_ROWS} rader; er det riktig fil?"))
            return
        if not any(text_of(v) for v in row):
            continue
        cells = {key: row[i] if i < len(row) else None for key, i in places.items()}
        raw = {key: written[i] if i < len(written) else None for key, i in places.items()}
        _read_row(cells, raw, Where(where.file, where.sheet, number), recorded, info, statuses, seen, result)


def _columns(header: list[str], where: Where) -> tuple[dict[str, int], list[Message]]:
    """Column key → index, from the header row; every missing, renamed or moved column as an error, and every
    column of the lead's own as a note."""
    wanted = {fold(c.title): c.key for c in COLUMNS}
    places: dict[str, int] = {}
    messages = []
    unknown = []
    for index, title in enumerate(header):
        key = wanted.get(fold(title)) if title else None
        if key is not None and key not in places:
            places[key] = index
        elif title:
            unknown.append((index, title))
    missing = [c.title for c in COLUMNS if c.key not in places and not c.optional]
    for title in missing:
        guess = f" Har kolonnen «{unknown[0][1]}» fått nytt navn? Gi den navnet «{title}»." if unknown else ""
        messages.append(Message(Where(where.file, where.sheet, 1, title), f"kolonnen mangler.{guess}"))
    order = [key for key, _ in sorted(places.items(), key=lambda item: item[1])]
    expected = [c.key for c in COLUMNS if c.key in places]
    if not missing and order != expected:
        moved = next(TITLES[a] for a, b in zip(order, expected, strict=True) if a != b)
        text = (
            "kolonnene står i en annen rekkefølge enn da arbeidsboken ble laget. Flytt dem tilbake (rekkefølgen er "
            f"{', '.join(TITLES.values())}), så ingen svar leses fra feil kolonne"
        )
        messages.append(Message(Where(where.file, where.sheet, 1, moved), text))
    for index, title in unknown if not missing else []:
        text = f"kolonnen (kolonne {get_column_letter(index + 1)}) er ikke fra eksporten og blir ikke lest inn"
        messages.append(Message(Where(where.file, where.sheet, 1, title), text, is_error=False))
    return places, messages


def _read_row(
    cells: dict[str, Any],
    raw: dict[str, Any],
    where: Where,
    recorded: RecordedSheet,
    info: ExportInfo,
    statuses: Statuses,
    seen: dict[str, int],
    result: ReadWorkbook,
) -> None:
    def at(key: str) -> Where:
        return Where(where.file, where.sheet, where.row, TITLES[key])

    errors: list[Message] = []
    for key in ("new_status", "date", "text"):
        if is_formula(raw.get(key)) and cells.get(key) is None:
            errors.append(Message(at(key), "cellen har en formel uten lagret verdi. Skriv verdien i stedet"))
    status = status_cell(cells.get("new_status"), statuses, at("new_status"), errors)
    text = text_cell(cells.get("text"), at("text"), errors)
    day = date_cell(cells.get("date"), info.exported, at("date"), errors)
    measure = text_of(cells.get("measure"))
    if status is None and text is None and not errors:
        return
    row = recorded.rows.get(measure)
    if row is None:
        errors.append(Message(at("measure"), _unknown_measure(measure, recorded)))
    elif measure in seen:
        errors.append(Message(at("measure"), f"tiltak {measure} har svar også i rad {seen[measure]}. Slå dem sammen"))
    result.messages += errors
    if errors or row is None or day is None:
        return
    seen[measure] = where.row or 0
    result.answers.append(Answer(where, measure, row.state, status, day, text))


def _unknown_measure(measure: str, recorded: RecordedSheet) -> str:
    if not measure:
        return "raden har svar, men ikke noe tiltaksnummer. Skriv svaret i raden til tiltaket det gjelder"
    return (
        f"tiltak {measure} var ikke med i dette arket da arbeidsboken ble laget. Skriv svaret i raden til tiltaket "
        f"det gjelder (tiltakene i arket er {', '.join(recorded.rows)})"
    )
