"""Actors, indicators, the vocabulary, revisions and the plan's own fields compared."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any

from schema import Actor, Indicator, Plan, Revision
from scripts.core.dates import nb_date
from scripts.editor.diff.change import Change
from scripts.editor.diff.fields import Subject, field_changes, list_changes, value_changes
from scripts.editor.diff.measures import period_path
from scripts.editor.diff.structure import Item, Listing, list_changes_by_id, text_changes
from scripts.editor.diff.text import blanks_diff, md, only_blanks, quote, word_diff
from scripts.editor.diff.values import Names, figure


def actor_changes(old: Plan, new: Plan, names: Names) -> Iterator[Change]:
    actors = Listing[Actor](
        "actors",
        "actor",
        "actors",
        lambda ident, actor: f"Ny aktør: {md(actor.name)} ({md(ident)})",
        lambda ident, actor: f"Fjernet aktør: {md(actor.name)} ({md(ident)})",
        lambda ident, a, b: [_actor_changed(ident, a, b, names)] if a != b else [],
    )
    yield from list_changes_by_id(old.actors, new.actors, actors)
    yield from _order("actors", "aktørene", old.actors, new.actors)


#: The actor's fields with short hand-written phrases («navn A → B»).
_ACTOR_PHRASES = {
    "name": "navn",
    "kind": "type",
    "active_to": "aktiv til",
    "replaced_by": "erstattet av",
    "url": "nettsted",
}


def _actor_changed(ident: str, a: Actor, b: Actor, names: Names) -> Change:
    """One sentence for the actor: «navn A → B; kort navn (`short_name`) lagt til: «C»», every field that differs."""
    phrases = [_phrase(word, getattr(a, key), getattr(b, key)) for key, word in _ACTOR_PHRASES.items()]
    phrases = [phrase for phrase in phrases if phrase]
    rest = list(field_changes(Subject("actors", ident, ""), a, b, names, set(_ACTOR_PHRASES)))
    phrases += [change.text.removeprefix(": ") for change in rest]
    changed = [key for key in _ACTOR_PHRASES if getattr(a, key) != getattr(b, key)] + [c.path for c in rest]
    text = f"Aktøren {md(b.name)} ({md(ident)}): {'; '.join(phrases)}"
    warning = " ".join(f"Aktøren {md(b.name)} ({md(ident)}){c.warning}" for c in rest if c.warning)
    return Change("actors", "actor_changed", ident, text, path=",".join(changed), warning=warning)


def _phrase(word: str, a: Any, b: Any) -> str:
    """«navn A → B», «navn: bare blanke tegn er endret: …», or «» when the value is the same."""
    if a == b:
        return ""
    if isinstance(a, str) and isinstance(b, str) and only_blanks(a, b):
        return f"{word}: {blanks_diff(a, b)}"
    return f"{word} {md(a or '–')} → {md(b or '–')}"


def indicator_changes(old: Plan, new: Plan, names: Names) -> Iterator[Change]:
    indicators = Listing[Indicator](
        "indicators",
        "indicator",
        "indicators",
        lambda ident, indicator: f"Ny indikator: {md(indicator.title)}",
        lambda ident, indicator: f"Fjernet indikator: {md(indicator.title)}",
        lambda ident, a, b: _indicator_changed(ident, a, b, names) if a != b else [],
    )
    yield from list_changes_by_id(old.indicators, new.indicators, indicators)
    yield from _order("indicators", "indikatorene", old.indicators, new.indicators)


def _indicator_changed(ident: str, a: Indicator, b: Indicator, names: Names) -> Iterator[Change]:
    """New or changed measurements in one sentence (the common change), then every other field."""
    old_years = {o.year: o.value for o in a.observations}
    new_years = {o.year: o.value for o in b.observations}
    fresh = [o for o in b.observations if old_years.get(o.year) != o.value]
    if fresh:
        said = [
            f"målingen for {o.year} er endret fra {figure(old_years[o.year])} til {figure(o.value, b.unit)}"
            if o.year in old_years
            else f"ny måling for {o.year}: {figure(o.value, b.unit)}"
            for o in fresh
        ]
        text = f"{md(b.title)}: {'; '.join(said)}"
        where = "observations.value" if all(o.year in old_years for o in fresh) else "observations"
        yield Change("indicators", "observations_changed", ident, text, path=where)
    subject = Subject("indicators", ident, f"Indikator {md(b.title)}")
    yield from text_changes(replace(subject, label=f"Indikator {md(ident)}"), a, b, ("title",))
    yield from _point_changes(subject, a, b)
    yield from field_changes(subject, a, b, names, {"id", "title", "observations", *_POINTS})
    rest = [o for o in a.observations if new_years.get(o.year) == o.value or o.year not in new_years]
    kept = [o for o in b.observations if old_years.get(o.year) == o.value]
    if rest != kept:
        yield from list_changes(subject, ("observations",), rest, kept, names)


#: The indicator's two fixed points, as the sentences name them.
_POINTS = {"baseline": "utgangsverdien", "target": "målverdien"}


def _point_changes(subject: Subject, a: Indicator, b: Indicator) -> Iterator[Change]:
    """«målverdien for 2030 er endret fra 60 000 til 62 000 arbeidsplasser» (in the new unit; a new unit is said
    on its own)."""
    for key, word in _POINTS.items():
        x, y = getattr(a, key), getattr(b, key)
        if x == y:
            continue
        if x.year == y.year:
            text = f"{word} for {y.year} er endret fra {figure(x.value)} til {figure(y.value, b.unit)}"
        else:
            text = f"{word} er endret fra {figure(x.value, b.unit)} i {x.year} til {figure(y.value, b.unit)} i {y.year}"
        where = ",".join(f"{key}.{name}" for name in ("year", "value") if getattr(x, name) != getattr(y, name))
        yield subject.change(f"{key}_changed", text, (where,), x, y)


def vocabulary_changes(old: Plan, new: Plan, names: Names) -> Iterator[Change]:
    lists = {
        "role_types": ("rolletype", "rolletypene", "Ny"),
        "statuses": ("status", "statusene", "Ny"),
        "terms": ("ordforklaring", "ordforklaringene", "Ny"),
        "tags": ("stikkord", "stikkordene", "Nytt"),
    }
    for key, (word, plural, new_word) in lists.items():
        before, after = getattr(old.vocabulary, key), getattr(new.vocabulary, key)
        yield from list_changes_by_id(before, after, _vocabulary_listing(key, word, new_word, names))
        yield from _order("vocabulary", plural, before, after)
    yield from field_changes(Subject("vocabulary", "", "Ordlisten"), old.vocabulary, new.vocabulary, names, set(lists))


def _vocabulary_listing(key: str, word: str, new_word: str, names: Names) -> Listing[Any]:
    """The role types («rolletype»), the statuses («status»), the terms («ordforklaring») or the tags
    («stikkord») of the vocabulary; `new_word` is «Ny» or «Nytt», as the word's gender asks."""

    def changed(ident: str, a: Any, b: Any) -> Iterator[Change]:
        subject = Subject("vocabulary", ident, f"{word.capitalize()} {quote(b.label)} ({md(ident)})")
        return field_changes(subject, a, b, names, {"id"})

    return Listing(
        "vocabulary",
        word,
        key,
        lambda ident, item: f"{new_word} {word}: {md(item.label)} ({md(ident)})",
        lambda ident, item: f"Fjernet {word}: {md(item.label)} ({md(ident)})",
        changed,
    )


def _order(section: str, what: str, old: Sequence[Item], new: Sequence[Item]) -> Iterator[Change]:
    kept = {i.id for i in old} & {i.id for i in new}
    if [i.id for i in old if i.id in kept] != [i.id for i in new if i.id in kept]:
        yield Change(section, "reordered", "", f"{what.capitalize()} står i ny rekkefølge")


def revision_changes(old: Plan, new: Plan, names: Names) -> Iterator[Change]:
    before = {r.version: r for r in old.plan.revisions}
    after = {r.version: r for r in new.plan.revisions}
    for version in sorted(set(before) | set(after), key=lambda v: ((after.get(v) or before[v]).date, v)):
        a, b = before.get(version), after.get(version)
        if a is None and b is not None:
            text = f"Ny rullering {md(version)} {quote(b.title)} ({b.stage}, {nb_date(b.date)})"
            yield Change("revisions", "revision_added", version, text, path="revisions")
        elif b is None and a is not None:
            text = f"Fjernet rullering {md(version)} {quote(a.title)}"
            yield Change("revisions", "revision_removed", version, text, path="revisions")
        elif a is not None and b is not None and a != b:
            yield from _revision_changed(version, a, b, names)


def _revision_changed(version: str, a: Revision, b: Revision, names: Names) -> Iterator[Change]:
    subject = Subject("revisions", version, f"Rullering {md(version)}")
    if a.stage != b.stage:
        yield subject.change("stage_changed", f"{a.stage} → {b.stage}", ("stage",), a.stage, b.stage)
    handled = {"version", "stage", "changes"}
    if a.decision is None and b.decision is not None:
        handled.add("decision")
        case = f" (sak {md(b.decision.case_number)})" if b.decision.case_number else ""
        text = f"vedtak av {md(b.decision.body)} {nb_date(b.decision.date)}{case}"
        yield subject.change("decision_changed", text, ("decision",), None, b.decision)
    if a.changes != b.changes:
        text = f"endringer {word_diff(a.changes, b.changes)}"
        yield subject.change("changes_changed", text, ("changes",), a.changes, b.changes)
    yield from field_changes(subject, a, b, names, handled)


def plan_changes(old: Plan, new: Plan, names: Names) -> Iterator[Change]:
    """The plan's own fields (plan.yaml without the revisions), and any field the Plan gets later."""
    for name, word in [("title", "tittel"), ("vision", "visjon"), ("summary", "sammendrag"), ("period", "periode")]:
        a, b = getattr(old.plan, name), getattr(new.plan, name)
        if a != b:
            text = word_diff(a, b) if isinstance(a, str) else f"{a.start}–{a.end} → {b.start}–{b.end}"
            where = period_path(a, b) if name == "period" else name
            yield Change("plan", f"{name}_changed", "plan", f"Planens {word}: {text}", path=where)
    subject = Subject("plan", "plan", "Planen")
    skip = {"title", "vision", "summary", "period", "revisions"}
    yield from field_changes(subject, old.plan, new.plan, names, skip)
    own = {"plan", "vocabulary", "actors", "indicators", "focus_areas"}
    for name in type(new).model_fields:
        if name not in own and getattr(old, name) != getattr(new, name):
            yield from value_changes(subject, (name,), getattr(old, name), getattr(new, name), names)
