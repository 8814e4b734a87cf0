"""Focus areas and goals compared: added, removed, new titles and texts, every other field, and a new order."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel

from schema import FocusArea, Goal, Plan
from scripts.editor.diff.change import Change
from scripts.editor.diff.fields import Subject, field_changes
from scripts.editor.diff.text import md, quote, word_diff
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


def text_changes(subject: Subject, before: BaseModel, after: BaseModel, fields: tuple[str, ...]) -> Iterator[Change]:
    """The hand-written sentences for a new title («har fått ny tittel») and a changed text (a word diff)."""
    for name in fields:
        a, b = getattr(before, name) or "", getattr(after, name) or ""
        if a == b:
            continue
        if name == "title":
            text = f"{subject.label} har fått ny tittel: {quote(a)} → {quote(b)}"
        else:
            text = f"{subject.label}: {LABELS[name]} endret: {word_diff(a, b)}"
        yield Change(subject.section, f"{name}_changed", subject.item, text, a, b, path=name)


def structure_changes(old: Plan, new: Plan, names: Names) -> Iterator[Change]:
    for ident, before, after in pairs(old.focus_areas, new.focus_areas):
        if before is None and after is not None:
            text = f"Nytt satsingsområde {ident} {quote(after.title)}"
            yield Change("structure", "focus_area_added", ident, text, path="focus_areas")
        elif after is None and before is not None:
            text = f"Fjernet satsingsområde {ident} {quote(before.title)}"
            yield Change("structure", "focus_area_removed", ident, text, path="focus_areas")
        elif before is not None and after is not None:
            yield from _area_changes(before, after, names)
    old_goals = [g for fa in old.focus_areas for g in fa.goals]
    new_goals = [g for fa in new.focus_areas for g in fa.goals]
    for ident, gb, ga in pairs(old_goals, new_goals):
        if gb is None and ga is not None:
            yield Change("structure", "goal_added", ident, f"Nytt mål {ident} {quote(ga.title)}", path="goals")
        elif ga is None and gb is not None:
            yield Change("structure", "goal_removed", ident, f"Fjernet mål {ident} {quote(gb.title)}", path="goals")
        elif gb is not None and ga is not None:
            yield from _goal_changes(gb, ga, names)


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
