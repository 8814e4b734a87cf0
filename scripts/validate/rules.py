"""The rules that need more than one field: several items of a file, or several files at once.

The models of ``schema.py`` check each item on its own. These functions run after them, on the validated
models (or, for ids, on the raw files, so that they run even when a file has other errors), and yield
:class:`Problem` values: a Norwegian message and a location relative to what was checked, which the
validator turns into FILE:LINE:COL.

* :func:`measure_problems`: one lead per measure, budget years inside the period and no budget line twice,
  status updates in date order, not after today and in step with a written status, no actor used before it
  existed or after it was replaced, milestones in order, inside the period and not reached after today; warnings
  for a long title, a small amount, an update or a milestone reached before the period;
* :func:`text_problems`: the texts ``plan new`` writes left in, long titles of goals and focus areas;
* :func:`id_problems`: ids unique at every level and matching their parent (measure 1.2.3 under goal 1.2);
* :func:`unique_problems`: the same id twice in one list;
* :func:`vocabulary_problems`, :func:`actor_problems`, :func:`plan_info_problems`, :func:`indicator_problems`:
  the rules of the other files.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from schema import ActorsFile, IndicatorsFile, Loc, Measure, PlanInfo, Vocabulary
from scripts.core.dates import nb_date
from scripts.core.problems import ERROR, WARNING, Severity
from scripts.model.catalog import Catalog

#: A title longer than this is probably more than a title (a warning).
MAX_TITLE = 120
#: An amount below this is probably not in whole kroner, or lost its zeros (a warning).
MIN_AMOUNT = 1000
#: The texts that ``plan new`` writes for an editor to replace (scripts/editor/skeleton.py and new.py): left in,
#: they would be published. Field → the texts.
#: The texts «plan new» writes for the editor to replace (editor/skeleton.py and editor/new.py write these).
MEASURE_TITLE, MEASURE_DESCRIPTION = "Kort tittel som sier hva som skal gjøres", "Hva tiltaket går ut på og hvorfor."
GOAL_TITLE, GOAL_DESCRIPTION = "Nytt mål", "Beskriv målet."
PLACEHOLDERS: dict[str, tuple[str, ...]] = {
    "title": (MEASURE_TITLE, "Nytt tiltak", GOAL_TITLE),
    "description": (MEASURE_DESCRIPTION, GOAL_DESCRIPTION),
}


@dataclass(frozen=True)
class Problem:
    """A rule broken at a place in a file: loc is the path of keys and list indexes from the file's root. An
    error makes the plan invalid; a warning is shown, and the plan is built all the same."""

    loc: Loc
    message: str
    severity: Severity = ERROR
    #: A text of ``plan new`` left in (which ``plan new`` itself accepts).
    placeholder: bool = False


@dataclass(frozen=True)
class Checked:
    """What the rules check against besides the plan: the catalog of the whole plan, and today's date (given by
    the caller, so that no rule reads the clock)."""

    catalog: Catalog
    today: date


def measure_problems(measure: Measure, checked: Checked) -> Iterator[Problem]:
    """Rules inside one measure: one lead, budget years in the period and no line twice, status updates in order,
    not in the future and in step with a written status, no actor used after it was replaced; the warnings
    about a long title, a small amount and an update before the period."""
    catalog = checked.catalog
    for rule in (_lead_problems, _budget_problems, _status_problems, _actor_time_problems):
        yield from rule(measure, catalog)
    yield from _update_date_problems(measure, checked)
    yield from _milestone_problems(measure, checked)
    for i, ref in enumerate(measure.related):
        if ref == measure.id:
            yield Problem(("related", i), "et tiltak kan ikke være relatert til seg selv")
    if len(measure.title) > MAX_TITLE:
        yield _long_title(("title",), measure.title)


def _long_title(loc: Loc, title: str) -> Problem:
    return Problem(
        loc,
        f"tittelen har {len(title)} tegn; en tittel bør ha høyst {MAX_TITLE}, så den får plass i lister og menyer: "
        "gjør den kortere, og flytt resten til «description»",
        WARNING,
    )


def _lead_problems(measure: Measure, catalog: Catalog) -> Iterator[Problem]:
    """Exactly one actor with the lead role; no actor twice with the same role."""
    leads = set(catalog.lead_roles)
    lead_roles = [i for i, r in enumerate(measure.roles) if r.role in leads]
    lead_name = catalog.lead_roles[0] if catalog.lead_roles else "ansvarlig"
    roles_known = all(r.role in catalog.role_types for r in measure.roles)  # a misspelt role may be the lead
    if not lead_roles and catalog.role_types and roles_known:
        yield Problem(
            ("roles",),
            f"tiltaket mangler en ansvarlig: gi én av aktørene «role: {lead_name}»",
        )
    for extra in lead_roles[1:]:
        first = measure.roles[lead_roles[0]].actor
        yield Problem(
            ("roles", extra, "role"),
            f"tiltaket har allerede en ansvarlig («{first}»); bare én aktør kan være {lead_name} – "
            "gjør de andre til samarbeidspartner",
        )
    seen: dict[tuple[str, str], int] = {}
    for i, role in enumerate(measure.roles):
        if (role.actor, role.role) in seen:
            yield Problem(
                ("roles", i),
                f"«{role.actor}» står allerede med rollen «{role.role}» i rolle nr. "
                f"{seen[(role.actor, role.role)] + 1}: fjern den ene",
            )
        seen.setdefault((role.actor, role.role), i)


def _budget_problems(measure: Measure, catalog: Catalog) -> Iterator[Problem]:
    """Budget years inside the measure's period (an open period ends with the plan); no line written twice (it
    would be counted twice); a warning for an amount so small that it is probably a slip."""
    end = measure.period.end if measure.period.end is not None else catalog.plan_end
    seen: dict[Any, int] = {}
    for i, line in enumerate(measure.budget):
        if line in seen:
            yield Problem(
                ("budget", i),
                f"budsjettposten er lik budsjettpost nr. {seen[line] + 1} (samme år, beløp og finansiør), så "
                "pengene ville blitt talt to ganger: slett den ene, eller rett året, beløpet eller finansiøren",
            )
        seen.setdefault(line, i)
        if line.amount < MIN_AMOUNT:
            yield Problem(
                ("budget", i, "amount"),
                f"beløpet er bare {line.amount} kr. Beløp skrives i hele kroner, så 1,5 millioner er 1500000: "
                "sjekk at det ikke mangler nuller",
                WARNING,
            )
        if line.year < measure.period.start or (end is not None and line.year > end):
            span = (
                f"{measure.period.start}–{measure.period.end}"
                if measure.period.end
                else (f"fra {measure.period.start}")
            )
            yield Problem(
                ("budget", i, "year"),
                f"budsjettåret {line.year} ligger utenfor tiltakets periode ({span}): endre året eller utvid perioden",
            )


def _status_problems(measure: Measure, catalog: Catalog) -> Iterator[Problem]:
    """Status updates in date order, and the measure's status is the latest update's."""
    updates = measure.status_updates
    for i in range(1, len(updates)):
        if updates[i].date < updates[i - 1].date:
            yield Problem(
                ("status_updates", i, "date"),
                f"statusoppdateringene må stå i datorekkefølge, eldste først: {updates[i].date} kommer etter "
                f"{updates[i - 1].date}",
            )
    newest = measure.newest_update()
    written = "status" in measure.model_fields_set
    if newest is not None and written and newest.status != measure.status and measure.status in catalog.statuses:
        yield Problem(
            ("status",),
            f"status er «{measure.status}», men den nyeste statusoppdateringen ({newest.date}) sier "
            f"«{newest.status}». Statusen hentes nå fra den nyeste statusoppdateringen: slett linjen status:, og er "
            f"statusen endret, legg til en statusoppdatering med «status: {measure.status}»",
        )


def _update_date_problems(measure: Measure, checked: Checked) -> Iterator[Problem]:
    """No status update dated after today (it would publish a status before it is true); a warning for one
    dated before the measure's period begins that says more than the first status («planlagt»: a measure is
    often proposed and planned the year before it starts)."""
    today = checked.today
    for i, update in enumerate(measure.status_updates):
        if update.date > today:
            yield Problem(
                ("status_updates", i, "date"),
                f"statusoppdateringen er datert {update.date}, etter dagens dato ({nb_date(today)}). En "
                "statusoppdatering forteller hva som har skjedd: rett datoen (skrivefeil i året?), eller vent "
                "med å legge den inn til dagen er kommet",
            )
        elif update.date.year < measure.period.start and update.status != checked.catalog.start_status:
            yield Problem(
                ("status_updates", i, "date"),
                f"statusoppdateringen er datert {update.date} og sier «{update.status}», men tiltakets periode "
                f"begynner først i {measure.period.start}: rett datoen, eller endre «start» i «period» hvis "
                "arbeidet begynte tidligere",
                WARNING,
            )


def _milestone_problems(measure: Measure, checked: Checked) -> Iterator[Problem]:
    """Milestones in date order and inside the measure's period (an open period ends with the plan); none reached
    after today, nor (a warning) before the measure's period begins."""
    start, end = measure.period.start, measure.period.end or checked.catalog.plan_end
    span = f"{start}–{end}" if end is not None else f"fra {start}"
    for i, milestone in enumerate(measure.milestones):
        name = f"milepælen «{milestone.text}»"
        if i and milestone.date < measure.milestones[i - 1].date:
            yield Problem(
                ("milestones", i, "date"),
                f"milepælene må stå i datorekkefølge, eldste først: {milestone.date} kommer etter "
                f"{measure.milestones[i - 1].date}",
            )
        if milestone.date.year < start or (end is not None and milestone.date.year > end):
            yield Problem(
                ("milestones", i, "date"),
                f"{name} skal nås {milestone.date}, utenfor tiltakets periode ({span}): flytt datoen inn i perioden, "
                "eller utvid perioden",
            )
        yield from _reached_problems(measure, i, checked)


def _reached_problems(measure: Measure, i: int, checked: Checked) -> Iterator[Problem]:
    milestone = measure.milestones[i]
    reached = milestone.reached
    if reached is None:
        return
    name = f"milepælen «{milestone.text}»"
    if reached > checked.today:
        yield Problem(
            ("milestones", i, "reached"),
            f"{name} er nådd {reached}, etter dagens dato ({nb_date(checked.today)}): rett datoen (skrivefeil i "
            "året?), eller la «reached» stå tom til milepælen er nådd",
        )
    elif reached.year < measure.period.start:
        yield Problem(
            ("milestones", i, "reached"),
            f"{name} er nådd {reached}, før tiltakets periode begynner ({measure.period.start}): rett datoen, eller "
            "endre «start» i «period» hvis arbeidet begynte tidligere",
            WARNING,
        )


def _actor_time_problems(measure: Measure, catalog: Catalog) -> Iterator[Problem]:
    """No actor in a role or as a funder before it existed or after it was replaced."""
    for i, role in enumerate(measure.roles):
        message = _replaced_problem(catalog, role.actor, measure.period.end, "tiltaket varer til") or _early_problem(
            catalog, role.actor, measure.period.end, "tiltaket varer bare til"
        )
        if message:
            yield Problem(("roles", i, "actor"), message)
    for i, line in enumerate(measure.budget):
        message = _replaced_problem(catalog, line.funder, line.year, "budsjettposten gjelder") or _early_problem(
            catalog, line.funder, line.year, "budsjettposten gjelder"
        )
        if message:
            yield Problem(("budget", i, "funder"), message)


def _replaced_problem(catalog: Catalog, actor_id: str, year: int | None, what: str) -> str | None:
    """A message when the actor had been replaced before the given year (None: no end, i.e. ongoing)."""
    actor = catalog.actors.get(actor_id)
    if actor is None or actor.replaced_by is None or actor.active_to is None:
        return None
    if year is not None and year <= actor.active_to.year:
        return None
    successor = catalog.actors.get(actor.replaced_by)
    successor_name = successor.name if successor else actor.replaced_by
    when = f"{what} {year}" if year is not None else "tiltaket har ingen sluttår"
    return (
        f"{actor.name} fantes bare til {nb_date(actor.active_to)} og ble erstattet av {successor_name}, "
        f"men {when}: bruk «{actor.replaced_by}»"
    )


def _early_problem(catalog: Catalog, actor_id: str, year: int | None, what: str) -> str | None:
    """A message when the actor did not exist yet in the given year (None: no end, never too early)."""
    actor = catalog.actors.get(actor_id)
    if actor is None or actor.active_from is None or year is None or year >= actor.active_from.year:
        return None
    before = [a.id for a in catalog.actors.values() if a.replaced_by == actor_id]
    fix = f"bruk «{before[0]}», som fantes da" if before else "bruk aktøren som fantes da"
    return f"{actor.name} ble opprettet {nb_date(actor.active_from)}, men {what} {year}: {fix}"


@dataclass(frozen=True)
class IdSite:
    """Where an id was written: which file (by key) and where in it."""

    file: str
    loc: Loc


def id_problems(focus_areas: Mapping[str, Any]) -> Iterator[tuple[str, Problem]]:
    """Ids that are unique at every level and match their parent (goal 1.2 under focus area 1, measure
    1.2.3 under goal 1.2). Works on the raw files, keyed by file, so it runs even when a file has other
    errors. Yields (file key, problem)."""
    seen: dict[str, IdSite] = {}

    def check(ident: Any, parent: str | None, file: str, loc: Loc, kind: str, example: str) -> None:
        if not isinstance(ident, str):
            return
        if parent is not None and not ident.startswith(parent + "."):
            found.append(
                (
                    file,
                    Problem(
                        loc,
                        f"{kind} «{ident}» ligger under «{parent}», så nummeret må begynne med «{parent}.» "
                        f"(f.eks. «{parent}.{example}»): endre nummeret eller flytt {kind}et",
                    ),
                )
            )
        if ident in seen:
            other = seen[ident]
            where = "i samme fil" if other.file == file else f"i {other.file}"
            found.append((file, Problem(loc, f"nummeret «{ident}» er brukt før {where}: velg et ledig nummer")))
        else:
            seen[ident] = IdSite(file, loc)

    found: list[tuple[str, Problem]] = []
    for file, raw in focus_areas.items():
        if not isinstance(raw, Mapping):
            continue
        fa_id = raw.get("id")
        check(fa_id, None, file, ("id",), "satsingsområde", "1")
        for g, goal in enumerate(raw.get("goals") or []):
            if not isinstance(goal, Mapping):
                continue
            goal_id = goal.get("id")
            check(goal_id, fa_id if isinstance(fa_id, str) else None, file, ("goals", g, "id"), "mål", "1")
            for m, measure in enumerate(goal.get("measures") or []):
                if isinstance(measure, Mapping):
                    check(
                        measure.get("id"),
                        goal_id if isinstance(goal_id, str) else None,
                        file,
                        ("goals", g, "measures", m, "id"),
                        "tiltak",
                        "1",
                    )
    return iter(found)


def former_id_problems(focus_areas: Mapping[str, Any]) -> Iterator[tuple[str, Problem]]:
    """A former number («former_ids») of a goal or measure keeps its old address: it must not be a number in use
    now, nor be claimed by two. Works on the raw files, keyed by file, like :func:`id_problems`."""
    current: set[str] = set()
    formers: list[tuple[str, str, str, Loc]] = []  # (former id, its item's id, file, loc)
    for file, raw in focus_areas.items():
        for ident, loc, item in _numbered(raw):
            current.add(ident)
            for k, former in enumerate(item.get("former_ids") or []):
                if isinstance(former, str):
                    formers.append((former, ident, file, (*loc, "former_ids", k)))
    claimed: dict[str, str] = {}
    for former, ident, file, loc in formers:
        if former == ident:
            yield file, Problem(loc, f"«{former}» er nummeret det har nå: fjern det fra «former_ids»")
        elif former in current:
            yield (
                file,
                Problem(
                    loc,
                    f"nummeret «{former}» er i bruk i planen nå, så den gamle adressen kan ikke sende leserne til "
                    f"«{ident}»: fjern det fra «former_ids», eller gi det andre et nytt nummer",
                ),
            )
        elif former in claimed:
            yield (
                file,
                Problem(
                    loc,
                    f"«{former}» står allerede i «former_ids» under «{claimed[former]}»: "
                    "et nummer kan bare ha ett nytt",
                ),
            )
        claimed.setdefault(former, ident)


def _numbered(raw: Any) -> Iterator[tuple[str, Loc, Mapping[str, Any]]]:
    """(id, loc, raw item) of each goal and measure of a raw focus area file that has a written id."""
    if not isinstance(raw, Mapping):
        return
    for g, goal in enumerate(raw.get("goals") or []):
        if not isinstance(goal, Mapping):
            continue
        if isinstance(goal.get("id"), str):
            yield goal["id"], ("goals", g), goal
        for m, measure in enumerate(goal.get("measures") or []):
            if isinstance(measure, Mapping) and isinstance(measure.get("id"), str):
                yield measure["id"], ("goals", g, "measures", m), measure


def text_problems(focus_area: Any) -> Iterator[Problem]:
    """On a raw focus area file: the texts of ``plan new`` left in (errors), and titles of goals and measures
    over :data:`MAX_TITLE` characters (warnings; a measure's own are in :func:`measure_problems`, which runs
    only on valid measures)."""
    if not isinstance(focus_area, Mapping):
        return
    yield from _item_text_problems(focus_area, (), title=True)
    for g, goal in enumerate(focus_area.get("goals") or []):
        if not isinstance(goal, Mapping):
            continue
        yield from _item_text_problems(goal, ("goals", g), title=True)
        for m, measure in enumerate(goal.get("measures") or []):
            if isinstance(measure, Mapping):
                yield from _item_text_problems(measure, ("goals", g, "measures", m), title=False)


def _item_text_problems(item: Mapping[str, Any], loc: Loc, *, title: bool) -> Iterator[Problem]:
    for key, texts in PLACEHOLDERS.items():
        value = item.get(key)
        if isinstance(value, str) and value.strip() in texts:
            yield Problem(
                (*loc, key),
                f"«{value.strip()}» er teksten fra malen til «plan new», og den ville blitt publisert: "
                f"skriv {'en egen tittel' if key == 'title' else 'en egen beskrivelse'}",
                placeholder=True,
            )
    if title and isinstance(item.get("title"), str) and len(item["title"]) > MAX_TITLE:
        yield _long_title((*loc, "title"), item["title"])


def unique_problems(items: Sequence[Any], key: str, what: str, base: Loc) -> Iterator[Problem]:
    """The same id used twice in one list of raw items."""
    seen: set[Any] = set()
    for i, item in enumerate(items):
        if not isinstance(item, Mapping):
            continue
        value = item.get(key)
        if isinstance(value, str) and value in seen:
            yield Problem((*base, i, key), f"{what} «{value}» finnes allerede i denne filen: bruk en annen {key}")
        seen.add(value)


def vocabulary_problems(vocabulary: Vocabulary) -> Iterator[Problem]:
    """Exactly one lead role type."""
    leads = [i for i, r in enumerate(vocabulary.role_types) if r.lead]
    if not leads:
        yield Problem(("role_types",), "én rolletype må ha «lead: true» (den ansvarlige for et tiltak)")
    for i in leads[1:]:
        yield Problem(("role_types", i, "lead"), "bare én rolletype kan ha «lead: true»")


def actor_problems(actors: ActorsFile, catalog: Catalog) -> Iterator[Problem]:
    """A successor takes over the day after its predecessor's last day: it must exist by then, and must not
    have ended itself by then."""
    yield from _former_actor_problems(actors)
    for i, actor in enumerate(actors.actors):
        successor = catalog.actors.get(actor.replaced_by) if actor.replaced_by else None
        if successor is None or actor.active_to is None:
            continue
        if successor.active_to and successor.active_to <= actor.active_to:
            yield Problem(
                ("actors", i, "replaced_by"),
                f"«{actor.replaced_by}» fantes bare til {nb_date(successor.active_to)} og kan ikke ta "
                f"over etter {nb_date(actor.active_to)}",
            )
        if successor.active_from and successor.active_from > actor.active_to + timedelta(days=1):
            yield Problem(
                ("actors", i, "replaced_by"),
                f"«{actor.replaced_by}» ble opprettet {nb_date(successor.active_from)}, så den kan ikke ta over "
                f"dagen etter {nb_date(actor.active_to)}: sett «active_to: "
                f"{successor.active_from - timedelta(days=1)}» eller rett «active_from» for «{actor.replaced_by}»",
            )


def _former_actor_problems(actors: ActorsFile) -> Iterator[Problem]:
    """An actor's former id («former_ids») keeps its old address: not an id in use now, not claimed by two."""
    current = {actor.id for actor in actors.actors}
    claimed: dict[str, str] = {}
    for i, actor in enumerate(actors.actors):
        for k, former in enumerate(actor.former_ids):
            loc = ("actors", i, "former_ids", k)
            if former in current:
                yield Problem(loc, f"id-en «{former}» er i bruk nå: fjern den fra «former_ids»")
            elif former in claimed:
                yield Problem(loc, f"«{former}» står allerede i «former_ids» under «{claimed[former]}»")
            claimed.setdefault(former, actor.id)


def plan_info_problems(info: PlanInfo, catalog: Catalog) -> Iterator[Problem]:
    """Revision versions are unique; the owner is not a replaced actor; a revision on consultation says how."""
    yield from unique_problems([r.model_dump() for r in info.revisions], "version", "versjonen", ("revisions",))
    message = _replaced_problem(catalog, info.owner, info.period.end, "planen varer til")
    if message:
        yield Problem(("owner",), message)
    yield from consultation_problems(info)


def consultation_problems(info: PlanInfo) -> Iterator[Problem]:
    """Warnings: a revision «på høring» without «consultation» (the site cannot say the deadline, the documents
    or how to respond), and a consultation with no written way to respond (neither its own nor the contact's)."""
    contact = info.contact
    for i, revision in enumerate(info.revisions):
        consultation = revision.consultation
        if consultation is None:
            if revision.stage == "høring":
                yield Problem(
                    ("revisions", i, "stage"),
                    f"utgave {revision.version} er på høring, men har ingen «consultation»: legg inn høringsfristen "
                    "(deadline), dokumentene (documents) og eventuelt hvordan man svarer (respond), så nettstedet "
                    "kan si det",
                    WARNING,
                )
            continue
        own = consultation.respond
        ways = [own.email, own.address, own.url] if own else []
        ways += [contact.email, contact.address, contact.feedback_url] if contact else []
        if not any(ways):
            yield Problem(
                ("revisions", i, "consultation"),
                f"høringen av utgave {revision.version} sier ikke hvordan man sender innspill: legg inn «respond» "
                "med e-post (email), postadresse (address) eller skjema (url), eller e-post i «contact»",
                WARNING,
            )


def indicator_problems(indicators: IndicatorsFile) -> Iterator[Problem]:
    """Observations in year order, each year once."""
    for i, indicator in enumerate(indicators.indicators):
        observations = indicator.observations
        for j in range(1, len(observations)):
            if observations[j].year <= observations[j - 1].year:
                yield Problem(
                    ("indicators", i, "observations", j, "year"),
                    f"målingene må stå i årsrekkefølge, ett år per måling, men {observations[j].year} kommer etter "
                    f"{observations[j - 1].year}",
                )
