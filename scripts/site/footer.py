"""What the footer of every page says: who stands behind the site, how to reach them, the pages about the site,
the plan as PDF and when the published plan was last changed.

The theme's footer (``templates/theme/partials/footer.html``) gets a :class:`Footer` from the MkDocs plugin; the
values are plain text from the plan, which the template escapes. Addresses are relative to the site root (the
template passes them through MkDocs' ``url`` filter, so they are right from every page and from the 404 page).
"""

from __future__ import annotations

from dataclasses import dataclass

from schema import Plan
from scripts.core.catalogue import catalogue
from scripts.core.filters import nb_date
from scripts.core.queries import ReaderContact, document_dates, reader_contact
from scripts.present.i18n import DEFAULT, localized
from scripts.site.registry import Registry
from scripts.site.urls import url_of

#: The print edition, relative to the site root (written by scripts/pdf).
PDF_PATH = "pdf/naeringsplan.pdf"


def pdf_path(lang: str = "nb") -> str:
    """The print edition in a language, as the footer links it: «pdf/naeringsplan.pdf», «pdf/naeringsplan-en.pdf»
    (another edition's link leads to the root site's pdf/, publish/languages.SharedLinks)."""
    return PDF_PATH if lang == "nb" else PDF_PATH.replace(".pdf", f"-{lang}.pdf")

#: The footer's links to the pages about the site: (kind of page in the registry, link text in Norwegian; in
#: another language the catalogue's site.footer.<kind>).
ABOUT_PAGES = (
    ("contact", "Kontakt"),
    ("accessibility", "Tilgjengelighet"),
    ("privacy", "Personvern"),
    ("security", "Sikkerhet"),
    ("open-data", "Åpne data"),
    ("follow", "Følg planen"),
    ("glossary", "Ordforklaringer"),
)


@dataclass(frozen=True)
class FooterLink:
    text: str
    #: Relative to the site root, for MkDocs' `url` filter.
    href: str


@dataclass(frozen=True)
class Footer:
    """The footer's content, from the plan."""

    #: The plan's title and the name of the actor that owns it, and the owner's page on this site.
    title: str
    owner: str
    owner_href: str
    contact: ReaderContact
    links: tuple[FooterLink, ...]
    #: The date the published plan was last changed: ISO (for <time datetime>) and in words.
    modified: str
    modified_text: str


def footer(plan: Plan, registry: Registry, lang: str = DEFAULT) -> Footer:
    """The footer in `lang`: its words from the catalogue (site.footer.*), the plan's title and the owner's name
    in `lang` where translated, the date in `lang`'s words, and the print edition in `lang`."""
    words = catalogue(lang)
    owner = next(a for a in plan.actors if a.id == plan.plan.owner)
    contact = reader_contact(plan)
    links = [FooterLink(words.t(f"site.footer.{kind}"), url_of(registry.page_path(kind))) for kind, _ in ABOUT_PAGES]
    links.append(FooterLink(words.t("site.footer.pdf"), pdf_path(lang)))
    modified = document_dates(plan)[1]
    return Footer(
        title=localized(plan.plan, "title", lang).text or plan.plan.title,
        owner=localized(owner, "name", lang).text or owner.name,
        owner_href=url_of(registry.page_path("actor", owner.id)),
        contact=contact,
        links=tuple(links),
        modified=modified,
        modified_text=nb_date(modified, lang),
    )


def not_found_links(registry: Registry, lang: str = DEFAULT) -> tuple[FooterLink, ...]:
    """The ways on from the 404 page: the front page and the list of all measures (words in `lang`)."""
    words = catalogue(lang)
    return (
        FooterLink(words.t("site.not_found.home"), "./"),
        FooterLink(words.t("site.not_found.measures"), url_of(registry.page_path("measures"))),
    )
