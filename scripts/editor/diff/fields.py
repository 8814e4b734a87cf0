"""Every field of every model compared, driven by the pydantic models (``model_fields``), so that a field added to
the schema is reported without code. The hand-written sentences of the other modules come first; what they do not
handle ends here, in a generic Norwegian sentence that names the field with its old and new value.

An English translation (the ``en:`` block) is reported per text in plan terms («engelsk tittel endret fra … til …»),
and a Norwegian text that changed while its English translation stayed the same gets a warning: the translation
may no longer say the same."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence, Set
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from pydantic import BaseModel
from pydantic_core import to_jsonable_python

from scripts.editor.diff.change import Change
from scripts.editor.diff.text import one_line, quote, word_diff
from scripts.editor.diff.values import LABELS, Names, label

T = TypeVar("T")

#: How items of a list are recognised when they changed, by model: the keys tried in turn (an item with an
#: «id» or «version» is recognised by it). Items without a key are either the same or removed and added.
KEYS: dict[str, list[tuple[str, ...]]] = {
    "Role": [("actor", "role")],
    "BudgetLine": [("year", "funder")],
    "Observation": [("year",)],
    "Link": [("url",), ("title",)],
    "StatusUpdate": [("date",), ("text",)],
    "Milestone": [("text",), ("date",)],
    "ConsultationDocument": [("url",), ("file",), ("title",)],
}
#: The key of a translatable object's English texts (scripts/model/english.py).
ENGLISH = "en"
#: Keys whose text is long enough to be shown as a word diff.
LONG_TEXT = {"description", "summary", "text", "changes", "vision", "content_notice"}


@dataclass(frozen=True)
class Subject:
    """What the sentences are about: «Tiltak 1.1.1 Nettverk for logistikk», in a section, with its id and the path
    of keys from the item to here."""

    section: str
    item: str
    label: str
    path: tuple[str, ...] = ()

    def change(self, kind: str, text: str, name: tuple[str, ...] = (), old: Any = None, new: Any = None) -> Change:
        return Change(
            self.section,
            kind,
            self.item,
            f"{self.label}: {text}",
            to_jsonable_python(old),
            to_jsonable_python(new),
            path=".".join((*self.path, *name)),
        )


def keys_of(model: type[BaseModel]) -> list[tuple[str, ...]]:
    found = KEYS.get(model.__name__)
    if found is not None:
        return found
    own: list[tuple[str, ...]] = [(name,) for name in ("id", "version") if name in model.model_fields]
    return own[:1]


def pair(
    old: Sequence[T], new: Sequence[T], keys: list[Callable[[T], Any]]
) -> tuple[list[tuple[T, T]], list[T], list[T]]:
    """Items in both lists (equal, or recognised by one of the keys, tried in turn): (pairs, removed, added).
    Equal items are paired first, so a list that is only reordered has no pairs of different items."""
    removed = list(old)
    unmatched: list[T] = []
    for item in new:
        if item in removed:
            removed.remove(item)
        else:
            unmatched.append(item)
    pairs: list[tuple[T, T]] = []
    for key in keys:
        added: list[T] = []
        for item in unmatched:
            found = next((o for o in removed if key(o) == key(item)), None)
            if found is None:
                added.append(item)
            else:
                removed.remove(found)
                pairs.append((found, item))
        unmatched = added
    return pairs, removed, unmatched


def field_changes(
    subject: Subject, before: BaseModel, after: BaseModel, names: Names, skip: Set[str] = frozenset()
) -> Iterator[Change]:
    """A change for every field of the model that differs, except the keys in `skip` (handled by the caller)."""
    for name in type(after).model_fields:
        a, b = getattr(before, name, None), getattr(after, name, None)
        if name not in skip and a != b:
            yield from value_changes(subject, (name,), a, b, names)
    yield from stale_translations(subject, before, after)


def value_changes(subject: Subject, name: tuple[str, ...], a: Any, b: Any, names: Names) -> Iterator[Change]:
    key = name[-1]
    if key == ENGLISH and isinstance(a or b, BaseModel):
        yield from translation_changes(replace(subject, path=(*subject.path, *name[:-1])), a, b)
    elif isinstance(a, BaseModel) and type(a) is type(b):
        for inner in type(b).model_fields:
            x, y = getattr(a, inner), getattr(b, inner)
            if x != y:
                yield from value_changes(subject, (*name, inner), x, y, names)
    elif isinstance(a, list) and isinstance(b, list):
        yield from list_changes(subject, name, a, b, names)
    elif isinstance(a, bool) and isinstance(b, bool):
        text = f"{names.shown(a, key)} → {names.shown(b, key)} (`{'.'.join(name)}`)"
        yield subject.change("changed", text, name, a, b)
    elif a is None:
        yield subject.change("changed", f"{label(name)} lagt til: {names.shown(b, key)}", name, a, b)
    elif b is None:
        yield subject.change("changed", f"{label(name)} fjernet (var {names.shown(a, key)})", name, a, b)
    elif (
        isinstance(a, str)
        and isinstance(b, str)
        and (key in LONG_TEXT or len(one_line(a)) > 80 or a.split() == b.split())
    ):
        yield subject.change("changed", f"{label(name)} endret: {word_diff(a, b)}", name, a, b)
    else:
        yield subject.change("changed", f"{label(name)} {names.shown(a, key)} → {names.shown(b, key)}", name, a, b)


def translation_changes(subject: Subject, a: BaseModel | None, b: BaseModel | None) -> Iterator[Change]:
    """Each English text added, removed or changed: «engelsk tittel (`en.title`) endret fra «A» til «B»»."""
    english = b if b is not None else a
    if english is None:
        return
    for key in type(english).model_fields:
        x, y = getattr(a, key, None), getattr(b, key, None)
        if x == y:
            continue
        what = f"engelsk {LABELS.get(key, key)} (`{ENGLISH}.{key}`)"
        if x is None:
            kind, text = "translation_added", f"{what} lagt til: {quote(y)}"
        elif y is None:
            kind, text = "translation_removed", f"{what} fjernet (var {quote(x)})"
        elif key in LONG_TEXT or len(one_line(x)) > 80:
            kind, text = "translation_changed", f"{what} endret: {word_diff(x, y)}"
        else:
            kind, text = "translation_changed", f"{what} endret fra {quote(x)} til {quote(y)}"
        yield subject.change(kind, text, (ENGLISH, key), x, y)


def stale_translations(subject: Subject, before: BaseModel, after: BaseModel) -> Iterator[Change]:
    """A warning for each Norwegian text that changed (more than its blanks) while its English translation, there
    before and after, stayed the same."""
    old, new = getattr(before, ENGLISH, None), getattr(after, ENGLISH, None)
    if old is None or new is None:
        return
    for key in type(new).model_fields:
        a, b = getattr(before, key, None), getattr(after, key, None)
        kept = getattr(old, key) is not None and getattr(old, key) == getattr(new, key)
        if kept and isinstance(a, str) and isinstance(b, str) and a.split() != b.split():
            what = f"{LABELS.get(key, key)} (`{key}`)"
            text = f"{what} er endret på norsk, men den engelske oversettelsen (`{ENGLISH}.{key}`) er den samme"
            warning = (
                f"{subject.label}: {what}: den norske teksten er endret, men ikke den engelske: sjekk oversettelsen "
                f"(`{ENGLISH}.{key}`)"
            )
            yield replace(subject.change("translation_stale", text, (ENGLISH, key)), warning=warning)


def list_changes(subject: Subject, name: tuple[str, ...], a: list[Any], b: list[Any], names: Names) -> Iterator[Change]:
    """Items added and removed (by value, or by key for models), items changed field by field, or a new order."""
    models = [item for item in [*a, *b] if isinstance(item, BaseModel)]
    keys = [_key(fields) for fields in keys_of(type(models[0]))] if models else []
    pairs, removed, added = pair(a, b, keys)
    what = label(name)
    if added:
        yield subject.change("added", f"{what}: lagt til {_items(added, name, names)}", name, None, added)
    if removed:
        yield subject.change("removed", f"{what}: fjernet {_items(removed, name, names)}", name, removed, None)
    for before, after in pairs:
        inner = replace(subject, label=f"{subject.label}: {_one(name, after, names)}", path=(*subject.path, *name))
        yield from field_changes(inner, before, after, names)
    if not (added or removed or pairs):
        yield subject.change("reordered", f"{what}: rekkefølgen er endret", name, a, b)


def _key(fields: tuple[str, ...]) -> Callable[[Any], Any]:
    return lambda item: tuple(getattr(item, f) for f in fields)


def _one(name: tuple[str, ...], item: Any, names: Names) -> str:
    """«rolle Nes kommune, ansvarlig»: the singular of the list's label and the item's key values."""
    singular = {"roller": "rolle", "målinger": "måling", "lenker": "lenke", "budsjett": "budsjettpost"}
    word = LABELS.get(name[-1], name[-1])
    keys = keys_of(type(item))
    shown = ", ".join(names.shown(getattr(item, k), k) for k in keys[0]) if keys else names.item(item)
    return f"{singular.get(word, word)} {shown}"


def _items(items: list[Any], name: tuple[str, ...], names: Names) -> str:
    key = name[-1]
    return "; ".join(names.item(i) if isinstance(i, BaseModel) else names.shown(i, key) for i in items)
