"""How much of each plan file is translated into English: the texts with a Norwegian value and no English one.

A missing translation is never an error (Norwegian work is never blocked): once the plan has begun its English
edition (any ``en:`` block in any file), each file with untranslated texts gets ONE warning at line 1 with their
count. A plan with no ``en:`` block at all gets none, so a plan kept only in Norwegian validates without noise. Only
``plan validate`` asks for these warnings (``validate_folder(…, translations=True)``): they say what is left to do,
not that anything is wrong, so the build and the editing tools leave them out. Status updates are not counted
(``StatusUpdateEnglish.counted``): they are the leads' reports in Norwegian, shown in Norwegian with the page's
«not yet translated» note until someone translates them.

The walk goes through the validated models, not the YAML: each model class is looked at once (which of its
fields can hold models, and which English model its ``en`` field takes), so the count costs little beside the
validation itself.
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from scripts.core.problems import WARNING, Diagnostic


@dataclass(frozen=True)
class Count:
    """The translatable texts of one file: how many have a Norwegian text, and how many of those an English one."""

    texts: int = 0
    translated: int = 0

    @property
    def missing(self) -> int:
        return self.texts - self.translated

    def __add__(self, other: Count) -> Count:
        return Count(self.texts + other.texts, self.translated + other.translated)


def count(model: BaseModel) -> Count:
    """The translatable texts in a model and everything under it."""
    total = Count()
    for obj in _models(model):
        english_type = _shape(type(obj)).english
        if english_type is None or not getattr(english_type, "counted", True):
            continue
        english = getattr(obj, "en", None)
        for name in english_type.model_fields:
            if getattr(obj, name, None):
                done = english is not None and getattr(english, name, None) is not None
                total += Count(1, int(done))
    return total


def warnings(counts: Iterable[tuple[str, Count]]) -> list[Diagnostic]:
    """One warning per file with untranslated texts, at its line 1; none when nothing in the plan is translated."""
    counts = list(counts)
    if not any(c.translated for _, c in counts):
        return []
    return [Diagnostic(path, 1, 1, message(c.missing), WARNING) for path, c in counts if c.missing]


def message(missing: int) -> str:
    texts = "tekst i filen har" if missing == 1 else "tekster i filen har"
    return (
        f"{missing} {texts} ingen engelsk oversettelse ennå; de vises på norsk i den engelske utgaven "
        "(legg til «en:» med de samme nøklene, se «Engelsk utgave» i veiledningen for redaktører)"
    )


@dataclass(frozen=True)
class _Shape:
    """What the walk needs of a model class: the English model of its «en» field, its fields that hold models."""

    english: type[BaseModel] | None
    children: tuple[str, ...]


@functools.cache
def _shape(cls: type[BaseModel]) -> _Shape:
    english = None
    children: list[str] = []
    for name, field in cls.model_fields.items():
        found = list(_model_types(field.annotation))
        if name == "en":
            english = found[0] if found else None
        elif found:
            children.append(name)
    return _Shape(english, tuple(children))


def _model_types(annotation: object) -> Iterator[type[BaseModel]]:
    """The model classes an annotation can hold (inside lists, unions, Annotated)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
        return
    if typing.get_origin(annotation) is typing.Literal:
        return
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is not None:
        for arg in typing.get_args(annotation):
            yield from _model_types(arg)


def _models(model: BaseModel) -> Iterator[BaseModel]:
    """The model and every model under it, depth first."""
    stack = [model]
    while stack:
        obj = stack.pop()
        yield obj
        for name in _shape(type(obj)).children:
            value = getattr(obj, name)
            if isinstance(value, BaseModel):
                stack.append(value)
            elif isinstance(value, list):
                stack.extend(v for v in value if isinstance(v, BaseModel))
