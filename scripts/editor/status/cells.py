"""The values of a status workbook's cells as the import needs them: a status from its label (or id, in any case),
a date from a date cell, a serial number or text («31.12.2026»), an answer's text without spaces at its ends,
control characters or invisible characters. A value that cannot be read is a located message with the fix; prose
in «Ny status» or «Dato» points to «Hva har skjedd»."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from openpyxl.utils.datetime import from_excel  # type: ignore[import-untyped]

from schema import Plan
from scripts.editor.status.located import Message, Where
from scripts.model.catalog import fold, suggest
from scripts.model.fields import ZERO_WIDTH, invisible_name

MAX_TEXT = 3_000


class Statuses:
    """The vocabulary's statuses by what a lead may write for them: the label or the id, in any case."""

    def __init__(self, plan: Plan) -> None:
        self.labels = [s.label for s in sorted(plan.vocabulary.statuses, key=lambda s: s.order)]
        self.by_text = {fold(s.label): s.id for s in plan.vocabulary.statuses}
        self.by_text.update({fold(s.id): s.id for s in plan.vocabulary.statuses})

    def find(self, value: str) -> str | None:
        return self.by_text.get(fold(value))


def status_cell(value: Any, statuses: Statuses, where: Where, errors: list[Message]) -> str | None:
    text = text_of(value)
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


def date_cell(value: Any, default: dt.date, where: Where, errors: list[Message]) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool) and 36526 <= value <= 73051:
        day: dt.date = from_excel(value).date()  # a date saved as its serial number (days since 1899-12-30)
        return day
    text = text_of(value)
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


def text_cell(value: Any, where: Where, errors: list[Message]) -> str | None:
    if isinstance(value, dt.date | dt.datetime):
        errors.append(Message(where, "cellen har en dato, ikke en tekst. Hører datoen hjemme i «Dato»?"))
        return None
    text = text_of(value)
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


def is_formula(value: Any) -> bool:
    return isinstance(value, str) and value.startswith("=")


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "…"


def text_of(value: Any) -> str:
    """A cell's value as the text a person sees (numbers without «.0»), without spaces around it."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def number_of(value: Any) -> float | None:
    try:
        return float(text_of(value))
    except ValueError:
        return None
