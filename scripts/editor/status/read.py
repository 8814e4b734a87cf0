"""Read a filled-in status workbook: every answer with the row it came from, and every problem located as
``FIL.xlsx: ark «Nes kommune», rad 7, kolonne «Ny status»: …`` with the fix.

What a workbook is, is checked before openpyxl opens it: a zip file (not an old .xls, an encrypted or an .ods file)
of at most :data:`MAX_BYTES`, unpacking to at most :data:`MAX_UNPACKED`, with at most :data:`MAX_ROWS` rows a
sheet. Values are read as the spreadsheet program last saved them; a formula is never evaluated (one without a
saved value is an error). What LibreOffice and Excel do to a workbook is accepted: dates as real dates, as numbers
or as text («31.12.2026»), numbers as text, spaces around values, empty rows, rows in another order, columns of
the lead's own (ignored, with a message).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.utils.datetime import from_excel  # type: ignore[import-untyped]

from schema import Plan
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
from scripts.model.catalog import fold, suggest
from scripts.model.fields import ZERO_WIDTH, invisible_name

MAX_BYTES = 20_000_000
MAX_UNPACKED = 200_000_000
MAX_ROWS = 5_000
MAX_TEXT = 3_000
MAX_SHEETS = 500
FIX_EXPORT = "eller lag en ny arbeidsbok med «plan status export»"


@dataclass(frozen=True)
class Where:
    """A place in a workbook: the file, and as far as known the sheet, the row and the column."""

    file: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        parts = [f"ark «{self.sheet}»"] if self.sheet else []
        parts += [f"rad {self.row}"] if self.row else []
        parts += [f"kolonne «{self.column}»"] if self.column else []
        return f"{self.file}: {', '.join(parts)}" if parts else self.file


@dataclass(frozen=True)
class Message:
    where: Where
    text: str
    is_error: bool = True

    def __str__(self) -> str:
        return f"{self.where}: {self.text}" if self.is_error else f"{self.where}: Merk: {self.text}"


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
        text = f"filen kan ikke leses som en arbeidsbok ({type(error).__name__}); den kan være skadet. {_RESAVE}"
        result.messages.append(Message(where, text))
        return result
    try:
        _read_book(values, formulas, plan, where, result)
    finally:
        values.close()
        if formulas is not None:
            formulas.close()
    return result


#: A formula element in a sheet's XML («<f>», «<f t="shared" …>», with or without a namespace prefix).
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")


def has_formulas(path: Path) -> bool:
    """Whether any sheet of the workbook holds a formula (then the formulas are read too, to tell a formula
    without a saved value from an empty cell)."""
    with zipfile.ZipFile(path) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")]
        return any(_FORMULA.search(archive.read(name)) for name in sheets)


_RESAVE = "Åpne den i Excel eller LibreOffice og lagre den på nytt som Excel-arbeidsbok (.xlsx)"


def container_problem(path: Path) -> str | None:
    """Why the file is not a workbook that can be read safely, or None."""
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            head = stream.read(8)
    except OSError as error:
        return _unreadable(error)
    if size > MAX_BYTES:
        return f"filen er for stor ({size / 1e6:.0f} MB; høyst {MAX_BYTES / 1e6:.0f} MB). Er det riktig fil?"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return (
            "filen er passordbeskyttet, eller lagret i det gamle Excel-formatet (.xls). Fjern passordet, og lagre "
            "den som Excel-arbeidsbok (.xlsx)"
        )
    if not head.startswith(b"PK"):
        return f"filen er ikke en arbeidsbok (.xlsx). {_RESAVE}"
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            unpacked = sum(info.file_size for info in archive.infolist())
            kind = archive.read("mimetype").decode("ascii", "replace") if "mimetype" in names else ""
    except (zipfile.BadZipFile, OSError, KeyError):
        return f"filen er skadet og kan ikke pakkes ut. {_RESAVE}"
    if "opendocument" in kind:
        return "filen er lagret i LibreOffice-formatet (.ods). Lagre den som Excel 2007-365 (.xlsx)"
    if "xl/workbook.xml" not in names:
        return f"filen er ikke en Excel-arbeidsbok. {_RESAVE}"
    if unpacked > MAX_UNPACKED:
        return f"filen pakker seg ut til {unpacked / 1e6:.0f} MB, mer enn en arbeidsbok for statusrunden kan være"
    return None


def _unreadable(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "filen finnes ikke. Sjekk navnet og mappen (en stjerne i navnet, som svar/*.xlsx, må treffe filer)"
    if isinstance(error, IsADirectoryError):
        return "dette er en mappe, ikke en arbeidsbok. Skriv filene i mappen, f.eks. svar/*.xlsx"
    if isinstance(error, PermissionError):
        return "du har ikke lov til å lese filen. Lagre en kopi der du har tilgang"
    return f"filen kan ikke leses ({error.strerror or error})"


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
    if TITLES["measure"] not in [_text(v) for v in header]:
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
    facts = {_text(row[0]): _text(row[1]) for row in rows if len(row) >= 2 and _text(row[0]) in META_FIELDS}
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
        table = [row for row in rows if len(row) >= 7 and _number(row[2]) is not None]
        for row in table:
            title, actor, number, measure = _text(row[0]), _text(row[1]), _number(row[2]), _text(row[3])
            state = RowState(_text(row[4]), int(_number(row[5]) or 0), _text(row[6]))
            sheet_info = info.sheets.setdefault(title, RecordedSheet(title, actor, len(info.sheets)))
            sheet_info.rows[measure] = RecordedRow(int(number or 0), measure, state)
    except (KeyError, ValueError):
        return None, f"arket «{META_SHEET}» er endret, så arbeidsboken kan ikke knyttes til planen"
    return info, ""


class Statuses:
    """The vocabulary's statuses by what a lead may write for them: the label or the id, in any case."""

    def __init__(self, plan: Plan) -> None:
        self.labels = [s.label for s in sorted(plan.vocabulary.statuses, key=lambda s: s.order)]
        self.by_text = {fold(s.label): s.id for s in plan.vocabulary.statuses}
        self.by_text.update({fold(s.id): s.id for s in plan.vocabulary.statuses})

    def find(self, value: str) -> str | None:
        return self.by_text.get(fold(value))


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
    header = [_text(v) for v in next(rows, ())]
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
        if not any(_text(v) for v in row):
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
    missing = [c.title for c in COLUMNS if c.key not in places]
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
        if _is_formula(raw.get(key)) and cells.get(key) is None:
            errors.append(Message(at(key), "cellen har en formel uten lagret verdi. Skriv verdien i stedet"))
    status = _status(cells.get("new_status"), statuses, at("new_status"), errors)
    text = _answer_text(cells.get("text"), at("text"), errors)
    day = _date(cells.get("date"), info.exported, at("date"), errors)
    measure = _text(cells.get("measure"))
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


def _status(value: Any, statuses: Statuses, where: Where, errors: list[Message]) -> str | None:
    text = _text(value)
    if not text:
        return None
    found = statuses.find(text)
    if found is not None:
        return found
    if _looks_like_prose(text):
        hint = ". Det ser ut som en tekst som hører hjemme i «Hva har skjedd»."
    else:
        hint = suggest(text, statuses.labels) or "."
    errors.append(Message(where, f"«{_short(text)}» er ikke en status{hint} Velg en av: {', '.join(statuses.labels)}"))
    return None


_DATE_FORMATS = ("%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y %H:%M:%S", "%Y-%m-%d %H:%M:%S")


def _date(value: Any, default: dt.date, where: Where, errors: list[Message]) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool) and 36526 <= value <= 73051:
        day: dt.date = from_excel(value).date()  # a date saved as its serial number (days since 1899-12-30)
        return day
    text = _text(value)
    if not text:
        return default
    for pattern in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    hint = " Det ser ut som en tekst som hører hjemme i «Hva har skjedd»." if _looks_like_prose(text) else ""
    errors.append(Message(where, f"«{_short(text)}» er ikke en dato.{hint} Skriv datoen slik: 31.12.2026"))
    return None


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _answer_text(value: Any, where: Where, errors: list[Message]) -> str | None:
    if isinstance(value, dt.date | dt.datetime):
        errors.append(Message(where, "cellen har en dato, ikke en tekst. Hører datoen hjemme i «Dato»?"))
        return None
    text = _text(value)
    if not text:
        return None
    text = "\n".join(line.rstrip() for line in text.replace("_x000D_", "").splitlines()).strip().replace("\t", " ")
    text = unicodedata.normalize("NFC", text)
    bad = _CONTROL.search(text) or re.search("[" + "".join(ZERO_WIDTH) + "]", text)
    if bad:
        name = (
            invisible_name(bad.group()) if bad.group() in ZERO_WIDTH else f"et kontrolltegn (U+{ord(bad.group()):04X})"
        )
        errors.append(Message(where, f"teksten har {name}, som ikke kan stå i planen. Skriv teksten på nytt uten det"))
        return None
    if len(text) > MAX_TEXT:
        errors.append(Message(where, f"teksten har {len(text)} tegn; skriv kortere (høyst {MAX_TEXT} tegn)"))
        return None
    return text


def _looks_like_prose(text: str) -> bool:
    return len(text) > 25 or len(text.split()) >= 4


def _is_formula(value: Any) -> bool:
    return isinstance(value, str) and value.startswith("=")


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "…"


def _text(value: Any) -> str:
    """A cell's value as the text a person sees (numbers without «.0»), without spaces around it."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _number(value: Any) -> float | None:
    try:
        return float(_text(value))
    except ValueError:
        return None
