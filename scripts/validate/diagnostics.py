"""Pydantic's errors in Norwegian, at their line: one small handler per kind of error.

Pydantic reports an error as a type (``missing``, ``int_parsing``, ``string_pattern_mismatch``, ...), a
location (a path of keys and list indexes, with the names of union members mixed in) and the input. This
module turns it into a :class:`Diagnostic` that names the item («tiltak 1.2.3»), the part of it («rolle
nr. 2») and the field, says what was found and what is allowed, and points at the line and column of the
value. :data:`HANDLERS` maps each error type to the function that words its message;
:func:`pydantic_diagnostic` looks it up.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from scripts.core.problems import Diagnostic, Loc
from scripts.load.strict import Document
from scripts.load.syntax import quoted_line
from scripts.model.catalog import Catalog, suggest
from scripts.model.fields import NONBLANK, PATTERN_HINTS, URL, hidden_problem
from scripts.validate.numbers import number_fix, read_as, thousands_fix

# --------------------------------------------------------------------------------------------------------
# From a location in the data to a place in the file and a name a person understands
# --------------------------------------------------------------------------------------------------------

#: Lists whose elements are items with an id, by file kind and list key, with the Norwegian word for them.
ITEM_LISTS: dict[str, str] = {
    "goals": "mål",
    "measures": "tiltak",
    "actors": "aktør",
    "role_types": "rolletype",
    "statuses": "status",
    "revisions": "rullering",
}
#: Lists whose elements are parts of an item, named by their number.
PART_LISTS: dict[str, str] = {
    "roles": "rolle",
    "budget": "budsjettpost",
    "status_updates": "statusoppdatering",
    "milestones": "milepæl",
    "observations": "måling",
    "links": "lenke",
}
ROOT_NAMES = {
    "plan": "planen",
    "vocabulary": "ordlisten",
    "actors": "aktørlisten",
    "indicators": "indikatorlisten",
}


def clean(loc: Iterable[str | int], data: Any) -> Loc:
    """Drop the parts of a pydantic location that are not in the data (names of union members)."""
    cleaned: list[str | int] = []
    current = data
    parts = list(loc)
    for i, part in enumerate(parts):
        in_mapping = isinstance(current, Mapping) and isinstance(part, str) and part in current
        in_list = isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        if in_mapping or in_list:
            current = current[part]
        elif i < len(parts) - 1 or not isinstance(part, str) or not isinstance(current, Mapping):
            continue  # a union member's name, not a key
        cleaned.append(part)
    return tuple(cleaned)


def _where(kind: str, loc: Loc, data: Any) -> str:
    """Name the place of a location: the item («tiltak 1.2.3»), the part of it («rolle nr. 2») and the
    field («actor»), e.g. «tiltak 1.2.3, rolle nr. 2, felt «actor»»."""
    if kind == "focus_area":
        fa_id = data.get("id") if isinstance(data, Mapping) else None
        item = f"satsingsområde {fa_id}" if isinstance(fa_id, str) else "satsingsområdet"
    else:
        item = ROOT_NAMES[kind]
    part = ""
    fields: list[str] = []
    number: int | None = None
    current = data
    parent: str | int | None = None
    for segment in loc:
        if isinstance(segment, str):
            current = current.get(segment) if isinstance(current, Mapping) else None
            fields.append(segment)
            number = None
        else:
            current = current[segment] if isinstance(current, list) and segment < len(current) else None
            is_item = parent in ITEM_LISTS or (kind == "indicators" and fields == ["indicators"])
            if isinstance(parent, str) and is_item and isinstance(current, Mapping):
                word = ITEM_LISTS.get(parent, "indikator")
                ident = current.get("version" if parent == "revisions" else "id")
                item = f"{word} {ident}" if isinstance(ident, str) else f"{word} nr. {segment + 1}"
                part, fields = "", []
            elif isinstance(parent, str) and parent in PART_LISTS and isinstance(current, Mapping):
                part, fields = f"{PART_LISTS[parent]} nr. {segment + 1}", []
            else:
                number = segment + 1
        parent = segment
    where = item + (f", {part}" if part else "")
    if fields:
        where += f", felt «{'.'.join(fields)}»"
    if number is not None:
        where += f" (nr. {number})"
    return where


def diagnostic(doc: Document, kind: str, loc: Loc, message: str) -> Diagnostic:
    loc = clean(loc, doc.data)
    line, col = doc.positions.of(loc)
    return Diagnostic(doc.path, line, col, f"{_where(kind, loc, doc.data)}: {message}")


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "tom"
    if isinstance(value, str):
        short = value if len(value) <= 60 else value[:57] + "…"
        return f"«{short}»"
    if isinstance(value, list):
        return "en liste"
    if isinstance(value, Mapping):
        return "en gruppe med underfelt"
    return f"{value}"


def model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model class that holds the fields at loc (a path of keys and indexes)."""
    current: type[BaseModel] | None = model
    for segment in loc:
        if current is None:
            return None
        if isinstance(segment, str):
            info = current.model_fields.get(segment)
            current = _inner_model(info.annotation) if info else None
    return current


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _first_sentence(text: str | None) -> str:
    if not text:
        return ""
    return " ".join(text.split()).split(". ")[0].rstrip(".").removesuffix(" (Markdown)")


# --------------------------------------------------------------------------------------------------------
# One handler per kind of pydantic error
# --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PydanticError:
    """One error pydantic found in one file, with what a handler needs to word it."""

    doc: Document
    kind: str
    model: type[BaseModel]
    details: ErrorDetails
    catalog: Catalog
    #: The location with the names of union members dropped (see :func:`clean`).
    loc: Loc

    @property
    def value(self) -> Any:
        return self.details.get("input")

    @property
    def ctx(self) -> dict[str, Any]:
        return self.details.get("ctx") or {}

    @property
    def found(self) -> str:
        """The value as a person reads it: «tekst», true, tom, en liste, ..."""
        return _show(self.value)

    def at_value(self, message: str) -> Diagnostic:
        """The message at the value's line and column, after the name of its place."""
        return diagnostic(self.doc, self.kind, self.loc, message)


Handler = Callable[[PydanticError], Diagnostic]


def _missing(error: PydanticError) -> Diagnostic:
    """A required field is missing: shown at the item that lacks it, with the field's description."""
    loc, doc = error.loc, error.doc
    holder = model_at(error.model, loc[:-1])
    name = str(loc[-1])
    description = ""
    if holder is not None and name in holder.model_fields:
        description = _first_sentence(holder.model_fields[name].description)
    where = _where(error.kind, loc[:-1], doc.data)
    line, col = doc.positions.of(loc[:-1])
    text = f"{where}: mangler feltet «{name}»" + (f" ({description})" if description else "")
    return Diagnostic(doc.path, line, col, text)


def _unknown_field(error: PydanticError) -> Diagnostic:
    """A key the model does not have: shown at the key, with the closest field name or all of them."""
    loc, doc = error.loc, error.doc
    holder = model_at(error.model, loc[:-1])
    allowed = list(holder.model_fields) if holder is not None else []
    name = str(loc[-1])
    hint = suggest(name, allowed)
    message = f"ukjent felt «{name}»" + (hint if hint else f". Tillatte felt: {', '.join(allowed)}")
    if not hint and len(loc) > 1 and loc[-2] == "en":  # an en: block holds only English versions of the texts
        message = f"ukjent felt «{name}». Under «en» står bare de engelske tekstene: {', '.join(allowed)}"
    where = _where(error.kind, loc[:-1], doc.data)
    line, col = doc.positions.of(loc, key=True)
    return Diagnostic(doc.path, line, col, f"{where}: {message}")


def _own_message(error: PydanticError) -> Diagnostic:
    """A reference or a rule of schema.py: the validator wrote the Norwegian message itself."""
    return error.at_value(str(error.ctx.get("melding", error.details["msg"])))


def _not_text(error: PydanticError) -> Diagnostic:
    """Not a text; a text YAML read as a number or true/false («0123», «1e3», «true») gets the line to write."""
    written = error.doc.positions.written.get(error.loc)
    if written is None or not error.loc:
        return error.at_value(f"skal være tekst, men er {error.found}")
    return error.at_value(
        f"skal være tekst, men {read_as(written, error.value)}. Sett teksten i anførselstegn: skriv "
        f"{quoted_line(error.loc[-1], written)}"
    )


def _not_whole_number(error: PydanticError) -> Diagnostic:
    """Not an integer; an amount written with spaces or points gets the digits to write instead."""
    value = error.value
    written = error.doc.positions.written.get(error.loc, "")
    message = f"skal være et helt tall, men er {error.found}"
    fix = number_fix(value, whole=True) if isinstance(value, str) and re.search(r"[,a-zA-Z]", value) else None
    thousands = thousands_fix(written, whole=True)
    if thousands:  # «123.456»
        message = f"skal være et helt tall, men {thousands}"
    elif fix:  # «1,5 mill», «kr 500 000», «2,5»
        message += fix
    elif isinstance(value, str) and re.fullmatch(r"[\d\s.,]+", value.replace("\u00a0", " ")):
        digits = re.sub(r"\D", "", value)
        message += f": skriv tallet uten mellomrom og punktum, som {digits}"
    elif isinstance(value, float):
        message += " (uten desimaler)"
    return error.at_value(message)


def _not_number(error: PydanticError) -> Diagnostic:
    message = f"skal være et tall (med punktum som desimaltegn, f.eks. 12.5), men er {error.found}"
    return error.at_value(message + (number_fix(error.value, whole=False) or ""))


def _not_finite(error: PydanticError) -> Diagnostic:
    return error.at_value("skal være et vanlig tall (ikke uendelig eller NaN)")


def _not_boolean(error: PydanticError) -> Diagnostic:
    """Not true or false; «"true"» in quotes and «ja»/«nei» get a hint."""
    value = error.value
    message = f"skal være true eller false, men er {error.found}"
    if isinstance(value, str) and value.lower() in ("true", "false"):
        message += ": skriv det uten anførselstegn"
    elif isinstance(value, str):
        message += ": skriv true for ja og false for nei"
    return error.at_value(message)


def _not_allowed(error: PydanticError) -> Diagnostic:
    """A value outside a fixed list; for «municipalities» the list is the plan's municipalities."""
    allowed = re.findall(r"'([^']*)'", str(error.ctx.get("expected", "")))
    if error.loc and error.loc[-1] == "municipalities":
        message = f"skal være «alle» eller en liste med kommuner, men er {error.found}" + suggest(
            str(error.value), error.catalog.municipalities, show_allowed=True
        )
    else:
        message = f"{error.found} er ikke tillatt" + suggest(str(error.value), allowed, show_allowed=True)
    return error.at_value(message)


def _not_date(error: PydanticError) -> Diagnostic:
    """Not a date: either a day that is not in the calendar, or not written as ÅÅÅÅ-MM-DD."""
    if isinstance(error.value, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", error.value):
        return error.at_value(f"datoen {error.found} finnes ikke i kalenderen")
    return error.at_value(f"skal være en dato som ÅÅÅÅ-MM-DD (f.eks. 2021-04-23), men er {error.found}")


def _not_list(error: PydanticError) -> Diagnostic:
    return error.at_value(f"skal være en liste (én linje per element, som begynner med «- »), men er {error.found}")


def _not_group(error: PydanticError) -> Diagnostic:
    """Not a group of fields: names them; a period written as «2021-2024» gets the form to write."""
    holder = model_at(error.model, error.loc)
    names = list(holder.model_fields) if holder is not None else []
    message = f"skal ha underfeltene {', '.join(names)} (på egne linjer med innrykk), men er {error.found}"
    value = error.value
    years = re.fullmatch(r"\s*(\d{4})\s*[-–]\s*(\d{4})\s*", value) if isinstance(value, str) else None
    if years and names[:2] == ["start", "end"]:
        message += f": skriv {{start: {years.group(1)}, end: {years.group(2)}}}"
    return error.at_value(message)


def _wrong_form(error: PydanticError) -> Diagnostic:
    """A text that does not match its pattern: says in words what the pattern wants."""
    pattern = str(error.ctx.get("pattern", ""))
    if pattern == NONBLANK:
        return error.at_value("kan ikke være tom")
    if pattern == URL and isinstance(error.value, str) and error.value.lower().startswith("http://"):
        secure = "https://" + error.value[len("http://") :]
        return error.at_value(
            f"nettadressen {error.found} begynner med http://, men planen lenker bare til sikre adresser: skriv "
            f"{secure} (sjekk at siden åpner seg med https://)"
        )
    return error.at_value(f"har feil form: {error.found}. Skriv {PATTERN_HINTS.get(pattern, 'en gyldig verdi')}")


def _empty(error: PydanticError) -> Diagnostic:
    if len(error.loc) > 1 and error.loc[-2] == "en":  # an English text not written yet is left out
        return error.at_value("kan ikke være tom: ta bort linjen, så vises den norske teksten til den er oversatt")
    return error.at_value("kan ikke være tom")


def _too_long(error: PydanticError) -> Diagnostic:
    return error.at_value(f"er for lang (høyst {error.ctx.get('max_length')} tegn)")


def _too_few(error: PydanticError) -> Diagnostic:
    return error.at_value(f"må ha minst {error.ctx.get('min_length')} element, men er tom")


def _too_small(error: PydanticError) -> Diagnostic:
    return error.at_value(f"må være minst {error.ctx.get('ge')}, men er {error.found}")


def _too_large(error: PydanticError) -> Diagnostic:
    return error.at_value(f"kan være høyst {error.ctx.get('le')}, men er {error.found}")


def _other(error: PydanticError) -> Diagnostic:
    """Any other kind of error: the value and pydantic's own (English) description."""
    return error.at_value(f"ugyldig verdi {error.found} ({error.details['msg']})")


#: The handler of each pydantic error type.
HANDLERS: dict[str, Handler] = {
    "missing": _missing,
    "extra_forbidden": _unknown_field,
    "reference": _own_message,
    "plan_rule": _own_message,
    "string_type": _not_text,
    "int_type": _not_whole_number,
    "int_parsing": _not_whole_number,
    "int_from_float": _not_whole_number,
    "float_type": _not_number,
    "float_parsing": _not_number,
    "finite_number": _not_finite,
    "bool_type": _not_boolean,
    "bool_parsing": _not_boolean,
    "literal_error": _not_allowed,
    "list_type": _not_list,
    "model_type": _not_group,
    "dict_type": _not_group,
    "model_attributes_type": _not_group,
    "string_pattern_mismatch": _wrong_form,
    "string_too_short": _empty,
    "string_too_long": _too_long,
    "too_short": _too_few,
    "greater_than_equal": _too_small,
    "less_than_equal": _too_large,
}
#: Families of error types with one handler, by the start of their type (pydantic has a dozen date_* errors).
FAMILIES: dict[str, Handler] = {"date_": _not_date}


def handler(error_type: str) -> Handler:
    """The handler of an error type: its own, its family's, or the one for any other error."""
    if error_type in HANDLERS:
        return HANDLERS[error_type]
    family = next((h for prefix, h in FAMILIES.items() if error_type.startswith(prefix)), None)
    return family or _other


def pydantic_diagnostic(
    doc: Document, kind: str, model: type[BaseModel], details: ErrorDetails, catalog: Catalog
) -> Diagnostic:
    """One pydantic error in a file of the given kind, as a Norwegian message at its line and column."""
    error = PydanticError(doc, kind, model, details, catalog, clean(details["loc"], doc.data))
    return _hidden_character(error) or _comment_as_value(error) or handler(details["type"])(error)


#: Error types whose value is an id, a reference, a date or a fixed word, where no space belongs: an invisible
#: character or an odd space in it is the cause, whatever else the value looks like.
EXACT_VALUE_ERRORS = ("reference", "string_pattern_mismatch", "literal_error", "bool_parsing", "date_")


def _hidden_character(error: PydanticError) -> Diagnostic | None:
    """«nes-kommune» with a zero-width space after it is not «ukjent aktør – mente du «nes-kommune»?»."""
    if isinstance(error.value, str) and error.details["type"].startswith(EXACT_VALUE_ERRORS):
        problem = hidden_problem(error.value)
        if problem:
            return error.at_value(problem)
    return None


def _comment_as_value(error: PydanticError) -> Diagnostic | None:
    """A value that is empty because it starts with «#», which YAML reads as the start of a comment."""
    comment = error.doc.positions.comments.get(error.loc)
    if error.value is not None or comment is None or not error.loc:
        return None
    return error.at_value(
        f"er tom, fordi teksten «{comment[:40]}» begynner med «#», og YAML leser alt fra # som en kommentar. "
        f'Sett hele teksten i anførselstegn: {error.loc[-1]}: "{comment[:40]}"'
    )
