"""Focus areas and goals compared: added, removed, new titles and texts, every other field, and a new order."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from pydantic import BaseModel

from schema import FocusArea, Goal, Plan
from scripts.editor.diff.change import Change
from scripts.editor.diff.fields import Subject, field_changes
from scripts.editor.diff.text import md, only_blanks, quote, word_diff
from scripts.editor.diff.values import LABELS, Names


class HasId(Protocol):
    @property
    def id(self) -> str: ...


Item = TypeVar("Item", bound=HasId)


def ids_in_order(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Every id of either version, by number («1.2» before «1.10»), else alphabetically."""

    def key(ident: str) -> tuple[int, tuple[int, ...], str]:
        try:
            return (0, tuple(int(p) for p in ident.split(".")), "")
        except ValueError:
            return (1, (), ident)

    return sorted(set(old) | set(new), key=key)


def pairs(old: Sequence[Item], new: Sequence[Item]) -> Iterator[tuple[str, Item | None, Item | None]]:
    """Each id in either version, in order, with the item before and after (None where it is missing)."""
    before = {item.id: item for item in old}
    after = {item.id: item for item in new}
    for ident in ids_in_order(before, after):
        yield ident, before.get(ident), after.get(ident)


@dataclass(frozen=True)
class Listing(Generic[Item]):
    """How the changes to one list of items with ids are said: the section and the kind («actor» gives the kinds
    «actor_added» and «actor_removed»), the field the list is (`path`), the sentence for an item added and for one
    removed, and the changes of an item both versions have."""

    section: str
    kind: str
    path: str
    added: Callable[[str, Item], str]
    removed: Callable[[str, Item], str]
    changed: Callable[[str, Item, Item], Iterable[Change]]


def list_changes_by_id(old: Sequence[Item], new: Sequence[Item], how: Listing[Item]) -> Iterator[Change]:
    """Each item added, removed or changed, in the order of the ids."""
    for ident, before, after in pairs(old, new):
        if before is None and after is not None:
            yield Change(how.section, f"{how.kind}_added", ident, how.added(ident, after), path=how.path)
        elif after is None and before is not None:
            yield Change(how.section, f"{how.kind}_removed", ident, how.removed(ident, before), path=how.path)
        elif before is not None and after is not None:
            yield from how.changed(ident, before, after)


def text_changes(subject: Subject, before: BaseModel, after: BaseModel, fields: tuple[str, ...]) -> Iterator[Change]:
    """The hand-written sentences for a new title («har fått ny tittel») and a changed text (a word diff)."""
    for name in fields:
        a, b = getattr(before, name) or "", getattr(after, name) or ""
        if a == b:
            continue
        if name == "title" and not only_blanks(a, b):
            text = f"{subject.label} har fått ny tittel: {quote(a)} → {quote(b)}"
        else:
            text = f"{subject.label}: {LABELS[name]} endret: {word_diff(a, b)}"
        yield Change(subject.section, f"{name}_changed", subject.item, text, a, b, path=name)


def structure_changes(old: Plan, new: Plan, names: Names) -> Iterator[Change]:
    areas = Listing[FocusArea](
        "structure",
        "focus_area",
        "focus_areas",
        lambda ident, fa: f"Nytt satsingsområde {ident} {quote(fa.title)}",
        lambda ident, fa: f"Fjernet satsingsområde {ident} {quote(fa.title)}",
        lambda ident, a, b: _area_changes(a, b, names),
    )
    yield from list_changes_by_id(old.focus_areas, new.focus_areas, areas)
    goals = Listing[Goal](
        "structure",
        "goal",
        "goals",
        lambda ident, goal: f"Nytt mål {ident} {quote(goal.title)}",
        lambda ident, goal: f"Fjernet mål {ident} {quote(goal.title)}",
        lambda ident, a, b: _goal_changes(a, b, names),
    )
    old_goals = [g for fa in old.focus_areas for g in fa.goals]
    yield from list_changes_by_id(old_goals, [g for fa in new.focus_areas for g in fa.goals], goals)


def _area_changes(a: FocusArea, b: FocusArea, names: Names) -> Iterator[Change]:
    subject = Subject("structure", b.id, f"Satsingsområde {b.id}")
    yield from text_changes(subject, a, b, ("title", "summary", "description"))
    yield from field_changes(subject, a, b, names, {"id", "title", "summary", "description", "goals"})
    if _reordered([g.id for g in a.goals], [g.id for g in b.goals]):
        yield subject.change("reordered", "målene står i ny rekkefølge", ("goals",))


def _goal_changes(a: Goal, b: Goal, names: Names) -> Iterator[Change]:
    subject = Subject("structure", b.id, f"Mål {b.id}")
    yield from text_changes(subject, a, b, ("title", "description"))
    yield from field_changes(
        Subject("structure", b.id, f"Mål {b.id} {md(b.title)}"), a, b, names, {"id", "title", "description", "measures"}
    )
    if _reordered([m.id for m in a.measures], [m.id for m in b.measures]):
        yield subject.change("reordered", "tiltakene står i ny rekkefølge", ("measures",))


def _reordered(old: list[str], new: list[str]) -> bool:
    """Whether the items both lists have stand in another order."""
    kept = set(old) & set(new)
    return [i for i in old if i in kept] != [i for i in new if i in kept]
