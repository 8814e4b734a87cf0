"""Valid YAML that changed a value without an error: found after pydantic, from what the loader kept.

A text without quotes ends where « #» begins, since YAML reads the rest of the line as a comment: «text: 31
bedrifter er med #vekst, og …» gives «31 bedrifter er med», and the plan is valid. A number with a point between
thousands is a decimal number to YAML: «amount: 200.000» gives 200 kr. The loader keeps the comment after every
value without quotes (:attr:`~scripts.load.strict.Positions.cut`) and the text of every value YAML read as a
number (:attr:`~scripts.load.strict.Positions.written`); here they become errors where the schema says what the
value is:

* a comment after a value of a text field (``Text``, ``Markdown``): the editor either meant it as part of the
  text (then the text goes in quotes) or as a comment (then it goes on a line of its own). A comment after any
  other value (``status: pågår  # endret i mai``) cuts nothing that the validator would not catch, and stays
  allowed, as do comment lines and comments after a value in quotes;
* «200.000» in a number field (an amount, a year, an indicator's value).

A text field whose value YAML read as a number or true/false («0123», «1e3», «true») is already an error of
pydantic's; :mod:`scripts.validate.diagnostics` quotes what was written there with :func:`numbers.read_as`.
"""

from __future__ import annotations

import typing
from collections.abc import Container
from typing import Annotated, Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from scripts.core.problems import Diagnostic, Loc
from scripts.load.strict import Document
from scripts.load.syntax import quoted_line
from scripts.model.fields import NONBLANK
from scripts.validate.diagnostics import diagnostic, model_at
from scripts.validate.numbers import THOUSANDS, thousands_fix


def trap_diagnostics(doc: Document, kind: str, model: type[BaseModel], reported: Container[Loc]) -> list[Diagnostic]:
    """The errors for the values of a file that YAML changed without an error (see the module docs), except at
    the places pydantic reported already."""
    found: list[Diagnostic] = []
    for loc, cut in doc.positions.cut.items():
        if loc not in reported and field_kind(model, loc) == "text":
            found.append(diagnostic(doc, kind, loc, cut_message(loc, _value(doc.data, loc), cut)))
    for loc, written in doc.positions.written.items():
        if loc in reported or not THOUSANDS.match(written):
            continue
        number = field_kind(model, loc)
        fix = thousands_fix(written, whole=number == "int") if number in ("int", "float") else None
        if fix:
            found.append(diagnostic(doc, kind, loc, fix))
    return found


def cut_message(loc: Loc, value: Any, cut: str) -> str:
    """What the editor lost to a comment after a text without quotes, and the two ways to write it."""
    comment = cut.strip()
    short = comment if len(comment) <= 40 else comment[:40].rsplit(" ", 1)[0] + " …"
    if value is None:
        return (
            f"er tom, fordi teksten «{short}» begynner med «#», og YAML leser alt fra # som en kommentar. Sett hele "
            f"teksten i anførselstegn: skriv {quoted_line(loc[-1], comment)}"
        )
    return (
        f"teksten stopper ved « #», fordi YAML leser resten av linjen som en kommentar: «{short}» er ikke med. "
        "Er det en kommentar, flytt den til en egen linje. Hører det til teksten, sett hele teksten i "
        f"anførselstegn: skriv {quoted_line(loc[-1], f'{value}{cut}')}"
    )


def _value(data: Any, loc: Loc) -> Any:
    for part in loc:
        data = data[part]
    return data


def field_kind(model: type[BaseModel], loc: Loc) -> str | None:
    """«text» for a text field (Text, Markdown), «int» or «float» for a number field, else None."""
    holder = model_at(model, loc[:-1]) if loc and isinstance(loc[-1], str) else None
    info = holder.model_fields.get(str(loc[-1])) if holder is not None else None
    return _kind(info.annotation, info.metadata) if info is not None else None


def _kind(annotation: Any, metadata: list[Any]) -> str | None:
    if any(getattr(item, "pattern", None) == NONBLANK for item in metadata):
        return "text"
    if annotation in (int, float):
        return str(annotation.__name__)
    if typing.get_origin(annotation) is Annotated:
        base, *extra = typing.get_args(annotation)
        inner = [m for e in extra for m in (e.metadata if isinstance(e, FieldInfo) else [e])]
        return _kind(base, inner)
    kinds = (_kind(arg, []) for arg in typing.get_args(annotation) if arg is not type(None))
    return next((k for k in kinds if k is not None), None)
