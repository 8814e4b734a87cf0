"""What changed between two versions of the plan, in plan terms (``plan diff OLD NEW``).

OLD and NEW are plan folders or git revisions of this repository. The result is a list of :class:`Change`
values, shown as Norwegian Markdown for a pull request comment or as JSON for tools.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol, TypeVar

from schema import Actor, BudgetLine, Goal, Indicator, Measure, Plan
from scripts.core.filters import nb_date, nok, years
from scripts.core.queries import lead_role, secured_and_planned


class HasId(Protocol):
    @property
    def id(self) -> str: ...


Item = TypeVar("Item", bound=HasId)

#: The sections of the Markdown, in order, with their headings.
SECTIONS = {
    "structure": "Satsingsområder og mål",
    "measures": "Tiltak",
    "actors": "Aktører",
    "indicators": "Indikatorer",
    "revisions": "Rulleringer og vedtak",
    "plan": "Planen",
}


@dataclass(frozen=True)
class Change:
    """One change: which section it belongs to, what kind it is, the item, and a Norwegian sentence."""

    section: str
    kind: str
    item: str
    text: str
    old: Any = None
    new: Any = None
    details: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------------------------------------
# Comparing two validated plans
# --------------------------------------------------------------------------------------------------------


def diff_plans(old: Plan, new: Plan) -> list[Change]:
    changes: list[Change] = []
    changes += _structure(old, new)
    changes += _measures(old, new)
    changes += _actors(old, new)
    changes += _indicators(old, new)
    changes += _revisions(old, new)
    changes += _plan_info(old, new)
    return changes


def _quote(text: str) -> str:
    return f"«{' '.join(text.split())}»"


def word_diff(old: str, new: str, context: int = 4) -> str:
    """A short word diff: removed words struck through, added words in bold, a few words of context."""
    a, b = old.split(), new.split()
    parts: list[str] = []
    opcodes = difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()
    for i, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            words = a[i1:i2]
            if len(words) > 2 * context:
                head = words[:context] if i > 0 else []
                tail = words[-context:] if i < len(opcodes) - 1 else []
                words = [*head, "…", *tail]
            parts.extend(words)
            continue
        if tag in ("delete", "replace"):
            parts.append(f"~~{' '.join(a[i1:i2])}~~")
        if tag in ("insert", "replace"):
            parts.append(f"**{' '.join(b[j1:j2])}**")
    return " ".join(parts)


def _structure(old: Plan, new: Plan) -> Iterator[Change]:
    for ident, before, after in _pairs(old.focus_areas, new.focus_areas):
        if before is None and after is not None:
            yield Change("structure", "focus_area_added", ident, f"Nytt satsingsområde {ident} {_quote(after.title)}")
        elif after is None and before is not None:
            yield Change(
                "structure", "focus_area_removed", ident, f"Fjernet satsingsområde {ident} {_quote(before.title)}"
            )
        elif before is not None and after is not None:
            yield from _text_changes("structure", f"Satsingsområde {ident}", ident, before, after, _AREA_TEXTS)
    old_goals = [g for fa in old.focus_areas for g in fa.goals]
    new_goals = [g for fa in new.focus_areas for g in fa.goals]
    for ident, gb, ga in _pairs(old_goals, new_goals):
        if gb is None and ga is not None:
            yield Change("structure", "goal_added", ident, f"Nytt mål {ident} {_quote(ga.title)}")
        elif ga is None and gb is not None:
            yield Change("structure", "goal_removed", ident, f"Fjernet mål {ident} {_quote(gb.title)}")
        elif gb is not None and ga is not None:
            yield from _text_changes("structure", f"Mål {ident}", ident, gb, ga, _GOAL_TEXTS)


_AREA_TEXTS = {"title": "tittel", "summary": "sammendrag", "description": "beskrivelse"}
_GOAL_TEXTS = {"title": "tittel", "description": "beskrivelse"}
_MEASURE_TEXTS = {"title": "tittel", "description": "beskrivelse"}


def _text_changes(
    section: str, label: str, ident: str, before: Any, after: Any, fields: dict[str, str]
) -> Iterator[Change]:
    for name, word in fields.items():
        a, b = getattr(before, name) or "", getattr(after, name) or ""
        if a == b:
            continue
        if name == "title":
            text = f"{label} har fått ny tittel: {_quote(a)} → {_quote(b)}"
        else:
            text = f"{label}: {word} endret: {word_diff(a, b)}"
        yield Change(section, f"{name}_changed", ident, text, a, b)


def _pairs(old: Sequence[Item], new: Sequence[Item]) -> Iterator[tuple[str, Item | None, Item | None]]:
    """Each id in either version, in plan order, with the item before and after (None where it is missing)."""
    before = {item.id: item for item in old}
    after = {item.id: item for item in new}
    for ident in _ids(before, after):
        yield ident, before.get(ident), after.get(ident)


def _ids(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    def key(ident: str) -> tuple[int, ...] | tuple[str]:
        try:
            return tuple(int(p) for p in ident.split("."))
        except ValueError:
            return (ident,)

    return sorted(set(old) | set(new), key=key)


@dataclass(frozen=True)
class _Names:
    """How the two versions name actors, statuses and roles, and which role is the lead."""

    actors_old: dict[str, Actor]
    actors_new: dict[str, Actor]
    statuses: dict[str, str]
    roles: dict[str, str]
    lead: str

    @classmethod
    def of(cls, old: Plan, new: Plan) -> _Names:
        return cls(
            {a.id: a for a in old.actors},
            {a.id: a for a in new.actors},
            {s.id: s.label.lower() for s in [*old.vocabulary.statuses, *new.vocabulary.statuses]},
            {r.id: r.label.lower() for r in [*old.vocabulary.role_types, *new.vocabulary.role_types]},
            lead_role(new.vocabulary),
        )

    def status(self, ident: str) -> str:
        return self.statuses.get(ident, ident)


def _moves(removed: dict[str, Any], added: dict[str, Any]) -> dict[str, str]:
    """A measure whose number changed but whose title did not has moved (to another goal) or been renumbered:
    old id → new id."""
    moves: dict[str, str] = {}
    for new_id, (_, _, m) in added.items():
        for old_id, (_, _, o) in removed.items():
            if o.title == m.title and old_id not in moves:
                moves[old_id] = new_id
                break
    return moves


def _measures(old: Plan, new: Plan) -> Iterator[Change]:
    before = {m.id: (fa, g, m) for fa, g, m in old.measures()}
    after = {m.id: (fa, g, m) for fa, g, m in new.measures()}
    removed = {i: before[i] for i in before if i not in after}
    added = {i: after[i] for i in after if i not in before}
    moves = _moves(removed, added)
    names = _Names.of(old, new)
    for ident in _ids(before, after):
        if ident in moves.values():
            continue
        if ident in removed and ident in moves:
            yield _moved(ident, moves[ident], removed[ident][1], after[moves[ident]][1], after[moves[ident]][2])
            yield from _measure_changes(removed[ident][2], after[moves[ident]][2], names)
        elif ident in removed:
            m = removed[ident][2]
            yield Change("measures", "measure_removed", ident, f"Fjernet tiltak {ident} {_quote(m.title)}")
        elif ident in added:
            yield _added(ident, added[ident][1], added[ident][2], names)
        else:
            yield from _measure_changes(before[ident][2], after[ident][2], names)


def _moved(old_id: str, new_id: str, old_goal: Goal, new_goal: Goal, m: Measure) -> Change:
    where = f"fra mål {old_goal.id} til mål {new_goal.id}" if old_goal.id != new_goal.id else "i samme mål"
    text = f"Tiltak {old_id} {_quote(m.title)} er flyttet {where} og har nå nummer {new_id}"
    return Change("measures", "measure_moved", new_id, text, old_id, new_id)


def _added(ident: str, goal: Goal, m: Measure, names: _Names) -> Change:
    lead = next(r.actor for r in m.roles if r.role == names.lead)
    name = names.actors_new[lead].name if lead in names.actors_new else lead
    return Change(
        "measures",
        "measure_added",
        ident,
        f"Nytt tiltak {ident} {_quote(m.title)} under mål {goal.id} (ansvarlig: {name}, "
        f"{years(m.period)}, {names.status(m.status)})",
    )


def _name(actors: dict[str, Actor], ident: str) -> str:
    return actors[ident].name if ident in actors else ident


def _measure_changes(a: Measure, b: Measure, names: _Names) -> Iterator[Change]:
    label = f"Tiltak {b.id} {' '.join(b.title.split())}"
    if a.status != b.status:
        text = f"{label}: {names.status(a.status)} → {names.status(b.status)}"
        yield Change("measures", "status_changed", b.id, text, a.status, b.status)
    yield from _text_changes("measures", f"Tiltak {b.id}", b.id, a, b, _MEASURE_TEXTS)
    if a.period != b.period:
        yield Change("measures", "period_changed", b.id, f"{label}: periode {years(a.period)} → {years(b.period)}")
    if a.priority != b.priority:
        yield Change(
            "measures", "priority_changed", b.id, f"{label}: prioritet {a.priority or '–'} → {b.priority or '–'}"
        )
    yield from _role_changes(a, b, label, names)
    if a.budget != b.budget:
        yield _budget_change(a, b, label, names)
    old_updates = {(u.date, u.status, u.text) for u in a.status_updates}
    for update in b.status_updates:
        if (update.date, update.status, update.text) not in old_updates:
            yield Change(
                "measures",
                "status_update_added",
                b.id,
                f"{label}: ny statusoppdatering {nb_date(update.date)} ({names.status(update.status)}): "
                f"{' '.join(update.text.split())}",
            )


def _role_changes(a: Measure, b: Measure, label: str, names: _Names) -> Iterator[Change]:
    old_lead = next((r.actor for r in a.roles if r.role == names.lead), None)
    new_lead = next((r.actor for r in b.roles if r.role == names.lead), None)
    if old_lead != new_lead and old_lead and new_lead:
        old_name, new_name = _name(names.actors_old, old_lead), _name(names.actors_new, new_lead)
        text = f"{label}: ansvarlig endret fra {old_name} til {new_name}"
        yield Change("measures", "lead_changed", b.id, text, old_lead, new_lead)
    old_roles = {(r.actor, r.role) for r in a.roles if r.role != names.lead}
    new_roles = {(r.actor, r.role) for r in b.roles if r.role != names.lead}
    for actor, role in sorted(new_roles - old_roles):
        text = f"{label}: {names.roles.get(role, role)} lagt til: {_name(names.actors_new, actor)}"
        yield Change("measures", "role_added", b.id, text, None, {"actor": actor, "role": role})
    for actor, role in sorted(old_roles - new_roles):
        text = f"{label}: {names.roles.get(role, role)} fjernet: {_name(names.actors_old, actor)}"
        yield Change("measures", "role_removed", b.id, text, {"actor": actor, "role": role}, None)


def _budget_change(a: Measure, b: Measure, label: str, names: _Names) -> Change:
    details = [
        f"{_name(names.actors_new, funder)}: {nok(s + p)} (bevilget {nok(s)}, planlagt {nok(p)})"
        for funder, (s, p) in _by_funder(b.budget).items()
    ]
    old_total, new_total = sum(x.amount for x in a.budget), sum(x.amount for x in b.budget)
    text = f"{label}: budsjettet er endret fra {nok(old_total)} til {nok(new_total)}. Nye summer per finansiør:"
    return Change("measures", "budget_changed", b.id, text, old_total, new_total, details)


def _by_funder(lines: list[BudgetLine]) -> dict[str, tuple[int, int]]:
    return dict(sorted(secured_and_planned(lines, lambda line: line.funder).items()))


def _listed(
    section: str,
    kind: str,
    items: tuple[Sequence[Item], Sequence[Item]],
    described: Callable[[str, Item], str],
    changed: Callable[[str, Item, Item], Iterator[Change]],
) -> Iterator[Change]:
    """Items added («KIND_added»), removed («KIND_removed») and changed, by id, in the order of the new plan."""
    for ident, a, b in _pairs(*items):
        if a is None and b is not None:
            yield Change(section, f"{kind}_added", ident, described("Ny", b))
        elif b is None and a is not None:
            yield Change(section, f"{kind}_removed", ident, described("Fjernet", a))
        elif a is not None and b is not None and a != b:
            yield from changed(ident, a, b)


def _actors(old: Plan, new: Plan) -> Iterator[Change]:
    return _listed(
        "actors",
        "actor",
        (old.actors, new.actors),
        lambda prefix, a: f"{prefix} aktør: {a.name} ({a.id})",
        _actor_changed,
    )


def _actor_changed(ident: str, a: Actor, b: Actor) -> Iterator[Change]:
    fields = [
        f"{label} {getattr(a, name) or '–'} → {getattr(b, name) or '–'}"
        for name, label in [
            ("name", "navn"),
            ("kind", "type"),
            ("active_to", "aktiv til"),
            ("replaced_by", "erstattet av"),
            ("url", "nettsted"),
        ]
        if getattr(a, name) != getattr(b, name)
    ]
    text = "; ".join(fields) if fields else "beskrivelse eller andre opplysninger endret"
    yield Change("actors", "actor_changed", ident, f"Aktøren {b.name} ({ident}): {text}")


def _indicators(old: Plan, new: Plan) -> Iterator[Change]:
    return _listed(
        "indicators",
        "indicator",
        (old.indicators, new.indicators),
        lambda prefix, i: f"{prefix} indikator: {i.title}",
        _indicator_changed,
    )


def _indicator_changed(ident: str, a: Indicator, b: Indicator) -> Iterator[Change]:
    old_years = {o.year: o.value for o in a.observations}
    added = [o for o in b.observations if old_years.get(o.year) != o.value]
    if added:
        values = ", ".join(f"{o.year}: {o.value:g}" for o in added)
        yield Change("indicators", "observations_changed", ident, f"{b.title}: nye eller endrede målinger ({values})")
    if (a.baseline, a.target, a.title) != (b.baseline, b.target, b.title):
        yield Change("indicators", "indicator_changed", ident, f"{b.title}: tittel, utgangsverdi eller mål endret")


def _revisions(old: Plan, new: Plan) -> Iterator[Change]:
    before = {r.version: r for r in old.plan.revisions}
    after = {r.version: r for r in new.plan.revisions}
    for version in sorted(set(before) | set(after), key=lambda v: (after.get(v) or before[v]).date):
        a, b = before.get(version), after.get(version)
        if a is None and b is not None:
            yield Change(
                "revisions",
                "revision_added",
                version,
                f"Ny rullering {version} {_quote(b.title)} ({b.stage}, {nb_date(b.date)})",
            )
        elif b is None and a is not None:
            yield Change("revisions", "revision_removed", version, f"Fjernet rullering {version} {_quote(a.title)}")
        elif a is not None and b is not None and a != b:
            if a.stage != b.stage:
                yield Change(
                    "revisions",
                    "stage_changed",
                    version,
                    f"Rullering {version}: {a.stage} → {b.stage}",
                    a.stage,
                    b.stage,
                )
            if a.decision != b.decision and b.decision is not None:
                yield Change(
                    "revisions",
                    "decision_changed",
                    version,
                    f"Rullering {version}: vedtak av {b.decision.body} {nb_date(b.decision.date)}"
                    + (f" (sak {b.decision.case_number})" if b.decision.case_number else ""),
                )
            if a.changes != b.changes:
                yield Change(
                    "revisions",
                    "changes_changed",
                    version,
                    f"Rullering {version}: endringer {word_diff(a.changes, b.changes)}",
                )


def _plan_info(old: Plan, new: Plan) -> Iterator[Change]:
    for name, label in [("title", "tittel"), ("vision", "visjon"), ("summary", "sammendrag"), ("period", "periode")]:
        a, b = getattr(old.plan, name), getattr(new.plan, name)
        if a != b:
            text = word_diff(str(a), str(b)) if isinstance(a, str) else f"{a.start}–{a.end} → {b.start}–{b.end}"
            yield Change("plan", f"{name}_changed", "plan", f"Planens {label}: {text}")


# --------------------------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------------------------


def to_markdown(changes: list[Change]) -> str:
    if not changes:
        return "Ingen endringer i planen.\n"
    lines = ["## Endringer i planen", ""]
    for section, heading in SECTIONS.items():
        chosen = [c for c in changes if c.section == section]
        if not chosen:
            continue
        lines += [f"### {heading}", ""]
        for change in chosen:
            lines.append(f"- {change.text}")
            lines += [f"  - {detail}" for detail in change.details]
        lines.append("")
    return "\n".join(lines)


def to_json_data(changes: list[Change]) -> list[dict[str, Any]]:
    return [asdict(change) for change in changes]
