"""Questions about a validated plan that several stages ask: which role type is the lead, who leads a measure,
budget lines summed by a key, the plan's dates, whom readers can contact, and whether an actor's short name is an
abbreviation a reader needs explained."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar
from urllib.parse import urlsplit

from schema import Actor, BudgetLine, Measure, Plan, Revision, Vocabulary


def lead_role(vocabulary: Vocabulary) -> str:
    """The id of the role type that marks a measure's lead («ansvarlig»): the first by order that is `lead`."""
    return next(r.id for r in sorted(vocabulary.role_types, key=lambda r: r.order) if r.lead)


def lead_actor(measure: Measure, lead_role_id: str) -> str:
    """The id of the actor that leads the measure (a valid measure has exactly one)."""
    return next(r.actor for r in measure.roles if r.role == lead_role_id)


def municipality_ids(plan: Plan, measure: Measure) -> list[str]:
    """The municipalities a measure affects: those it names, or every municipality for «alle»."""
    if measure.municipalities == "alle":
        return [a.id for a in plan.actors if a.kind == "kommune"]
    return list(measure.municipalities)


Key = TypeVar("Key")


def secured_and_planned(lines: Iterable[BudgetLine], key: Callable[[BudgetLine], Key]) -> dict[Key, tuple[int, int]]:
    """Budget lines summed by a key (year, funder, …) into (secured, planned) amounts."""
    totals: dict[Key, list[int]] = defaultdict(lambda: [0, 0])
    for line in lines:
        totals[key(line)][0 if line.secured else 1] += line.amount
    return {k: (s, p) for k, (s, p) in totals.items()}


def adopted_editions(plan: Plan) -> list[Revision]:
    """The adopted revisions that name their commit (the editions kept in git), oldest first (plan.yaml's order)."""
    return [r for r in plan.plan.revisions if r.stage == "vedtatt" and r.commit is not None]


def report_years(plan: Plan) -> list[int]:
    """The years there is a status report for: from the plan's start to the newest status update."""
    newest = max((u.date.year for _, _, m in plan.measures() for u in m.status_updates), default=plan.plan.period.start)
    return list(range(plan.plan.period.start, newest + 1))


def abbreviates(short_name: str | None, name: str) -> bool:
    """Is the short name an abbreviation that needs the full name beside it? «GRIP» for «Gardermoregionen IPR»
    and «Akershus fk.» for «Akershus fylkeskommune» are; «Eidsvoll» for «Eidsvoll kommune» is not, since a short
    name made of the first words of the name reads as the name itself. No short name, or the name itself: no."""
    if not short_name:
        return False
    short, full = short_name.casefold().split(), name.casefold().split()
    return short != full[: len(short)]


def plain_name(actor: Actor) -> str:
    """The actor's name where an abbreviation cannot be explained (a menu, a list box, print): the short name when
    it is the first words of the name («Eidsvoll»), the full name otherwise («Gardermoregionen IPR»)."""
    if actor.short_name and not abbreviates(actor.short_name, actor.name):
        return actor.short_name
    return actor.name


def document_dates(plan: Plan) -> tuple[str, str]:
    """Created (first revision) and modified (newest dated item in the plan), as ISO dates: the published plan's
    dates in the PDFs' metadata, the sitemap and the footer of every page."""
    dates = [r.date for r in plan.plan.revisions]
    dates += [u.date.isoformat() for _, _, m in plan.measures() for u in m.status_updates]
    full = [d if len(d) == 10 else d + "-01" for d in dates]
    return min(full), max(full)


@dataclass(frozen=True)
class ReaderContact:
    """Whom readers can contact about the plan and the site: the plan's `contact`, or else its owner."""

    name: str
    email: str | None = None
    phone: str | None = None
    address: str | None = None
    url: str | None = None
    #: A form for feedback on the web (where «Gi innspill» goes instead of e-mail).
    feedback_url: str | None = None
    #: Whether the e-mail, phone and address are examples, not yet decided.
    illustrative: bool = False

    @property
    def ways(self) -> bool:
        """Whether there is a way to reach the contact beside the name (the plan's owner may have none)."""
        return any((self.email, self.phone, self.address, self.url))

    @property
    def phone_href(self) -> str | None:
        """The telephone number as a tel: address, «+47 12 34 56 78» → «tel:+4712345678» (None without digits)."""
        digits = re.sub(r"\D", "", self.phone or "")
        if not digits:
            return None
        return "tel:" + ("+" if (self.phone or "").lstrip().startswith("+") else "") + digits

    @property
    def url_text(self) -> str | None:
        """The text of a link to the web page: its host name («www.gardermoregionen.no»)."""
        if self.url is None:
            return None
        return urlsplit(self.url).hostname or self.url


def reader_contact(plan: Plan) -> ReaderContact:
    """`plan.contact` as it is, or the owner actor's name and web site when the plan names no contact."""
    contact = plan.plan.contact
    if contact is not None:
        return ReaderContact(
            contact.name,
            contact.email,
            contact.phone,
            contact.address,
            contact.url,
            contact.feedback_url,
            contact.illustrative,
        )
    owner = next(a for a in plan.actors if a.id == plan.plan.owner)
    return ReaderContact(owner.name, url=owner.url)
