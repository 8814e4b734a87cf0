"""Measures compared: added, removed (a warning: the guide says to keep them), moved or renumbered (recognised by
a title or description that carries over), and every field of a measure that stays, with hand-written sentences
for status, title, description, period, priority, roles, budget (each changed line) and status updates (one
deleted or edited is a warning too: the guide says to keep them as they were)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from schema import BudgetLine, Goal, Measure, Plan, StatusUpdate
from scripts.core.dates import nb_date
from scripts.core.numbers import nok, years
from scripts.core.queries import secured_and_planned
from scripts.editor.diff.change import Change
from scripts.editor.diff.fields import (
    ENGLISH,
    Subject,
    field_changes,
    list_changes,
    pair,
    stale_translations,
    value_changes,
)
from scripts.editor.diff.rules import KEEP_MEASURES, KEEP_STATUS_UPDATES
from scripts.editor.diff.structure import ids_in_order, text_changes
from scripts.editor.diff.text import md, one_line, quote, word_diff
from scripts.editor.diff.values import Names

#: The fields of a measure with their own sentences here; every other field is compared in fields.py.
HANDLED = {"id", "status", "title", "description", "period", "priority", "roles", "budget", "status_updates"}

Placed = tuple[Goal, Measure]


def period_path(a: Any, b: Any) -> str:
    """«period.start», «period.end» or both: which year of a period changed."""
    return ",".join(f"period.{key}" for key in ("start", "end") if getattr(a, key) != getattr(b, key))


def current_status(measure: Measure) -> str | None:
    """The status of the newest status update, or the measure's own when it has none (whether `status` is
    written in the file or not)."""
    if measure.status_updates:
        return sorted(measure.status_updates, key=lambda u: u.date)[-1].status
    return getattr(measure, "status", None)


def measure_changes(old: Plan, new: Plan, names: Names) -> Iterator[Change]:
    before = {m.id: (g, m) for _, g, m in old.measures()}
    after = {m.id: (g, m) for _, g, m in new.measures()}
    retitled = {i for i in before if i in after and one_line(before[i][1].title) != one_line(after[i][1].title)}
    removed = {i: before[i] for i in before if i not in after}
    added = {i: after[i] for i in after if i not in before}
    moves = _moves({**removed, **{i: before[i] for i in retitled}}, added)
    for ident in ids_in_order(before, after):
        if ident in moves.values():
            continue
        if ident in moves:
            (old_goal, measure), (new_goal, moved) = before[ident], added[moves[ident]]
            yield _moved(ident, moves[ident], old_goal, new_goal, measure, moved)
            yield from _changes(measure, moved, names)
            if ident in after:  # the freed number given to another measure
                yield replace(_added(ident, *after[ident], names), warning=_reused(ident, measure, moves[ident]))
        elif ident in removed:
            yield _removed(ident, removed[ident][1])
        elif ident in added:
            yield _added(ident, *added[ident], names)
        else:
            yield from _changes(before[ident][1], after[ident][1], names)


def _moves(removed: dict[str, Placed], added: dict[str, Placed]) -> dict[str, str]:
    """A measure whose number changed but whose title (or else description) carries over has moved to another
    goal or been renumbered: old id → new id."""
    moves: dict[str, str] = {}
    for field in ("title", "description"):
        for new_id, (_, m) in added.items():
            for old_id, (_, o) in removed.items():
                free = old_id not in moves and new_id not in moves.values()
                if free and one_line(getattr(o, field)) == one_line(getattr(m, field)):
                    moves[old_id] = new_id
                    break
    return moves


def _moved(old_id: str, new_id: str, old_goal: Goal, new_goal: Goal, m: Measure, now: Measure) -> Change:
    """A measure with a new number; without its old number in «former_ids», a warning that suggests the line (the
    old address then sends readers on, and the number stays its own)."""
    where = f"fra mål {old_goal.id} til mål {new_goal.id}" if old_goal.id != new_goal.id else "i samme mål"
    text = f"Tiltak {old_id} {quote(m.title)} er flyttet {where} og har nå nummer {new_id}"
    warning = ""
    if old_id not in now.former_ids:
        line = "former_ids: [" + ", ".join(f'"{i}"' for i in [*now.former_ids, old_id]) + "]"
        warning = (
            f"Den gamle adressen til tiltak {old_id} slutter å virke. Legg til `{line}` på tiltak {new_id}, så "
            "sender den gamle siden leserne til den nye, og nummeret blir ikke gitt til et annet tiltak."
        )
    return Change("measures", "measure_moved", new_id, text, old_id, new_id, path="id", warning=warning)


def _reused(ident: str, m: Measure, new_id: str) -> str:
    return (
        f"Nummeret {ident} ble brukt om {quote(m.title)}, som nå er tiltak {new_id}. Lenker til den gamle siden ville "
        "føre til et annet tiltak: gi det nye tiltaket et ledig nummer."
    )


def _removed(ident: str, m: Measure) -> Change:
    warning = (
        f"Tiltak {ident} {quote(m.title)} er slettet. Legg det tilbake, og gi det heller en ny status med en "
        f"statusoppdatering som sier hvorfor. {KEEP_MEASURES.cited()}"
    )
    text = f"Fjernet tiltak {ident} {quote(m.title)}"
    return Change("measures", "measure_removed", ident, text, path="measures", warning=warning)


def _added(ident: str, goal: Goal, m: Measure, names: Names) -> Change:
    lead = next((r.actor for r in m.roles if r.role == names.lead), m.roles[0].actor)
    return Change(
        "measures",
        "measure_added",
        ident,
        f"Nytt tiltak {ident} {quote(m.title)} under mål {goal.id} (ansvarlig: {names.actor(lead)}, "
        f"{years(m.period)}, {names.status(current_status(m))})",
        path="measures",
    )


def _changes(a: Measure, b: Measure, names: Names) -> Iterator[Change]:
    subject = Subject("measures", b.id, f"Tiltak {b.id} {md(b.title)}")
    old_status, new_status = current_status(a), current_status(b)
    if old_status != new_status:
        text = f"{names.status(old_status)} → {names.status(new_status)}"
        yield replace(subject.change("status_changed", text, ("status",)), old=old_status, new=new_status)
    elif getattr(a, "status", None) != getattr(b, "status", None):
        yield from value_changes(subject, ("status",), getattr(a, "status", None), getattr(b, "status", None), names)
    yield from text_changes(replace(subject, label=f"Tiltak {b.id}"), a, b, ("title", "description"))
    if a.period != b.period:
        text = f"periode {years(a.period)} → {years(b.period)}"
        yield subject.change("period_changed", text, (period_path(a.period, b.period),))
    if a.priority != b.priority:
        text = f"prioritet {a.priority or '–'} → {b.priority or '–'}"
        yield subject.change("priority_changed", text, ("priority",), a.priority, b.priority)
    yield from _role_changes(a, b, subject, names)
    yield from _budget_changes(a.budget, b.budget, subject, names)
    yield from _update_changes(a.status_updates, b.status_updates, subject, names)
    yield from field_changes(subject, a, b, names, HANDLED)


def _role_changes(a: Measure, b: Measure, subject: Subject, names: Names) -> Iterator[Change]:
    old_lead = next((r.actor for r in a.roles if r.role == names.lead), None)
    new_lead = next((r.actor for r in b.roles if r.role == names.lead), None)
    if old_lead != new_lead and old_lead and new_lead:
        text = f"ansvarlig endret fra {names.actor(old_lead)} til {names.actor(new_lead)}"
        yield subject.change("lead_changed", text, ("roles",), old_lead, new_lead)
    old_roles = {(r.actor, r.role) for r in a.roles if r.role != names.lead}
    new_roles = {(r.actor, r.role) for r in b.roles if r.role != names.lead}
    for actor, role in sorted(new_roles - old_roles):
        text = f"{names.role(role)} lagt til: {names.actor(actor)}"
        yield subject.change("role_added", text, ("roles",), None, {"actor": actor, "role": role})
    for actor, role in sorted(old_roles - new_roles):
        text = f"{names.role(role)} fjernet: {names.actor(actor)}"
        yield subject.change("role_removed", text, ("roles",), {"actor": actor, "role": role}, None)
    pairs, _, _ = pair(a.roles, b.roles, [lambda r: (r.actor, r.role)])
    for x, y in pairs:
        inner = replace(subject, label=f"{subject.label}: {names.role(y.role)} {names.actor(y.actor)}", path=("roles",))
        yield from field_changes(inner, x, y, names, {"actor", "role"})
    if a.roles != b.roles and old_lead == new_lead and old_roles == new_roles and not pairs:
        yield subject.change("reordered", "rollene står i ny rekkefølge", ("roles",))


def _budget_changes(a: list[BudgetLine], b: list[BudgetLine], subject: Subject, names: Names) -> Iterator[Change]:
    """When an amount or a funder changed or a line came or went: the totals, each changed line (year, funder,
    old → new) and the new sums of the funders it touched that pay more than one line; else (a line now secured, a
    note, a new order) field by field."""
    pairs, removed, added = pair(
        a, b, [lambda line: (line.year, line.funder), lambda line: (line.year, line.amount, line.secured)]
    )
    amounts = [(x, y) for x, y in pairs if x.amount != y.amount or x.funder != y.funder]
    if not (amounts or removed or added):
        if a != b:
            yield from list_changes(subject, ("budget",), a, b, names)
        return
    old_total, new_total = sum(x.amount for x in a), sum(x.amount for x in b)
    text = _budget_sentence(old_total, new_total, amounts if not (removed or added) else [], names)
    changed: list[tuple[BudgetLine | None, BudgetLine | None]] = [*amounts]
    changed += [(x, None) for x in removed] + [(None, y) for y in added]
    lines = sorted(changed, key=_year)
    details = [_budget_line(x, y, names) for x, y in lines]
    touched = {line.funder for pair_ in lines for line in pair_ if line is not None}
    several = {f for f in touched if sum(line.funder == f for line in b) > 1}
    details += [
        f"{names.actor(funder)} i alt: {nok(s + p)} (bevilget {nok(s)}, planlagt {nok(p)})"
        for funder, (s, p) in sorted(secured_and_planned(b, lambda line: line.funder).items())
        if funder in several
    ]
    yield replace(subject.change("budget_changed", text, ("budget.amount",), old_total, new_total), details=details)
    for x, y in pairs:
        inner = replace(subject, label=f"{subject.label}: budsjettpost {y.year}, {names.actor(y.funder)}")
        said = {"amount", "secured", "funder"} if (x, y) in amounts else {"amount"}
        yield from field_changes(replace(inner, path=("budget",)), x, y, names, said)


def _budget_sentence(old: int, new: int, lines: list[tuple[BudgetLine, BudgetLine]], names: Names) -> str:
    """The totals, or the funders when only the funders changed, or a new distribution of the same sum."""
    if old != new:
        return f"budsjettet er endret fra {nok(old)} til {nok(new)}:"
    if lines and all(x.funder != y.funder and x.amount == y.amount for x, y in lines):
        before = ", ".join(dict.fromkeys(names.actor(x.funder) for x, _ in lines))
        after = ", ".join(dict.fromkeys(names.actor(y.funder) for _, y in lines))
        return f"budsjettet har fått ny finansiør: {before} → {after}:"
    return f"budsjettet er fordelt på nytt (fortsatt {nok(new)} i alt):"


def _year(lines: tuple[BudgetLine | None, BudgetLine | None]) -> tuple[int, str]:
    line = lines[1] or lines[0]
    assert line is not None
    return (line.year, line.funder)


def _budget_line(x: BudgetLine | None, y: BudgetLine | None, names: Names) -> str:
    """«2023, Innovasjon Norge: 750 000 kr → 800 000 kr», «… ny post på 100 000 kr (planlagt)», «… posten på
    200 000 kr (bevilget) er fjernet», «2022, 250 000 kr (bevilget): Viken fylkeskommune → Akershus
    fylkeskommune»."""
    line = y or x
    assert line is not None
    where = f"{line.year}, {names.actor(line.funder)}"
    if x is None:
        return f"{where}: ny post på {_amount(line)}"
    if y is None:
        return f"{where}: posten på {_amount(line)} er fjernet"
    if x.funder != y.funder:
        return f"{line.year}, {_amount(y)}: {names.actor(x.funder)} → {names.actor(y.funder)}"
    if x.secured == y.secured:
        return f"{where}: {nok(x.amount)} → {nok(y.amount)} ({_secured(y)})"
    return f"{where}: {_amount(x)} → {_amount(y)}"


def _amount(line: BudgetLine) -> str:
    return f"{nok(line.amount)} ({_secured(line)})"


def _secured(line: BudgetLine) -> str:
    return "bevilget" if line.secured else "planlagt"


def _update_changes(a: list[StatusUpdate], b: list[StatusUpdate], subject: Subject, names: Names) -> Iterator[Change]:
    """Status updates matched by date, then by text: edited (same date or same text), removed, added."""
    pairs, removed, added = pair(a, b, [lambda u: u.date, lambda u: one_line(u.text)])
    where = ("status_updates",)
    for u in removed:
        text = f"statusoppdateringen {nb_date(u.date)} ({names.status(u.status)}) er slettet: {md(u.text)}"
        warning = (
            f"{subject.label}: statusoppdateringen {nb_date(u.date)} er slettet. Legg den tilbake. "
            f"{KEEP_STATUS_UPDATES.cited()}"
        )
        yield replace(subject.change("status_update_removed", text, where, u, None), warning=warning)
    for x, y in pairs:
        inner = replace(subject, label=f"{subject.label}: statusoppdateringen {nb_date(x.date)}", path=where)
        yield from value_changes(inner, (ENGLISH,), x.en, y.en, names) if x.en != y.en else ()
        yield from stale_translations(inner, x, y)
        if x.model_copy(update={ENGLISH: None}) == y.model_copy(update={ENGLISH: None}):
            continue  # only the translation: no edit of the history
        text, edited = _edited(x, y, names)
        warning = (
            f"{subject.label}: statusoppdateringen {nb_date(x.date)} er endret. Sett den tilbake slik den var, og "
            f"skriv heller en ny statusoppdatering. {KEEP_STATUS_UPDATES.cited()}"
        )
        paths = (",".join(f"{where[0]}.{n}" for n in edited),)
        yield replace(subject.change("status_update_changed", text, paths, x, y), warning=warning)
    for u in added:
        text = f"ny statusoppdatering {nb_date(u.date)} ({names.status(u.status)}): {md(u.text)}"
        yield subject.change("status_update_added", text, where, None, u)
    if a != b and not (pairs or removed or added):
        yield from value_changes(subject, where, a, b, names)


def _edited(x: StatusUpdate, y: StatusUpdate, names: Names) -> tuple[str, list[str]]:
    """The sentence for an edited status update, and the keys that changed."""
    parts: list[str] = []
    if x.date != y.date:
        parts.append(f"dato {nb_date(x.date)} → {nb_date(y.date)}")
    if x.status != y.status:
        parts.append(f"status {names.status(x.status)} → {names.status(y.status)}")
    if x.text != y.text:
        parts.append(f"tekst: {word_diff(x.text, y.text)}")
    others = [n for n in type(y).model_fields if n not in {"date", "status", "text", ENGLISH}]
    rest: list[Any] = [n for n in others if getattr(x, n) != getattr(y, n)]
    parts += [f"`{n}` {names.shown(getattr(x, n), n)} → {names.shown(getattr(y, n), n)}" for n in rest]
    text = f"statusoppdateringen {nb_date(x.date)} er endret: " + "; ".join(parts)
    return text, [n for n in type(y).model_fields if n != ENGLISH and getattr(x, n) != getattr(y, n)]
