"""How a reader takes part, without an account: the «Gi innspill» link of every measure and the public consultation
(«høring») of a revision, from the data.

«Gi innspill» goes to the plan's form for feedback when `contact.feedback_url` is set, else it is an e-mail to the
contact whose subject names the measure (number and title, percent-encoded as UTF-8, RFC 6068). A revision «på
høring» with a `consultation` gets a box on the front page and the history page while its deadline has not passed
(the build's day: `SiteOptions.today`, handed down from `plan build`); after the deadline the history page says the
consultation is over and no page asks for input any more.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import quote

from schema import ConsultationDocument, Measure, Plan, Revision
from scripts.core.catalogue import catalogue
from scripts.core.queries import ReaderContact, reader_contact
from scripts.present.i18n import DEFAULT, localized

__all__ = ["Consultation", "Feedback", "consultations", "feedback", "mailto"]


def mailto(email: str, subject: str) -> str:
    """An e-mail link with a subject: «mailto:a@b.no?subject=Innspill%20til%20tiltak%201.1.2%20…» (æøå as UTF-8)."""
    return f"mailto:{quote(email, safe='@')}?subject={quote(subject, safe='')}"


@dataclass(frozen=True)
class Feedback:
    """Where «Gi innspill» on a measure goes."""

    href: str
    #: True: an e-mail (to `address`); False: the plan's form.
    by_email: bool
    address: str
    #: Whether the address is an example (the contact's `illustrative`).
    illustrative: bool


def feedback(contact: ReaderContact, measure: Measure, lang: str = DEFAULT) -> Feedback | None:
    """The form when the plan has one, else an e-mail with the measure in the subject (in `lang`); None without
    either."""
    if contact.feedback_url:
        return Feedback(contact.feedback_url, False, contact.feedback_url, contact.illustrative)
    if contact.email:
        title = localized(measure, "title", lang).text
        subject = catalogue(lang).t("site.feedback_subject", id=measure.id, title=title)
        return Feedback(mailto(contact.email, subject), True, contact.email, contact.illustrative)
    return None


@dataclass(frozen=True)
class Consultation:
    """A revision on consultation, as the pages show it on a day."""

    revision: Revision
    deadline: dt.date
    #: Whether input is still asked for: the deadline is today or later.
    open: bool
    #: Days from the build's day to the deadline (0 on the day itself; negative after it).
    days_left: int
    documents: tuple[ConsultationDocument, ...]
    #: How to respond: the consultation's own ways, else the contact's.
    email: str | None
    address: str | None
    form: str | None
    text: str | None
    #: The e-mail to respond to, with the revision in the subject.
    email_href: str | None
    #: Whether the ways to respond are the contact's example values.
    illustrative_contact: bool

    @property
    def anchor(self) -> str:
        """The id of the box's heading, «horing-3-0»."""
        return "horing-" + "".join(c if c.isalnum() else "-" for c in self.revision.version.lower())


def consultations(plan: Plan, today: dt.date, lang: str = DEFAULT) -> list[Consultation]:
    """The revisions «på høring» that have a `consultation`, newest deadline first (the e-mail's subject in
    `lang`)."""
    contact = reader_contact(plan)
    found = [
        _consultation(revision, contact, today, lang)
        for revision in plan.plan.revisions
        if revision.stage == "høring" and revision.consultation is not None
    ]
    return sorted(found, key=lambda c: c.deadline, reverse=True)


def _consultation(revision: Revision, contact: ReaderContact, today: dt.date, lang: str) -> Consultation:
    given = revision.consultation
    assert given is not None
    own = given.respond
    email = (own.email if own else None) or contact.email
    title = localized(revision, "title", lang).text
    subject = catalogue(lang).t("site.consultation_subject", title=title, version=revision.version)
    return Consultation(
        revision=revision,
        deadline=given.deadline,
        open=today <= given.deadline,
        days_left=(given.deadline - today).days,
        documents=tuple(given.documents),
        email=email,
        address=(own.address if own else None) or contact.address,
        form=(own.url if own else None) or contact.feedback_url,
        text=own.text if own else None,
        email_href=mailto(email, subject) if email else None,
        illustrative_contact=contact.illustrative and not (own and (own.email or own.address or own.url)),
    )
