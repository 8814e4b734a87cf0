"""The open data described by DCAT-AP-NO, the Norwegian profile of the EU's DCAT-AP, as Turtle (data/dcat.ttl):
the form data.norge.no harvests and its guide uses.

One catalogue with one dataset, «… – åpne data», and a distribution per file: the whole plan as JSON, each table as
CSV and all tables as a workbook. One dataset rather than one per table: the tables belong together (a role or a
budget line names its measure), a reader needs several of them, and the national catalogue then shows one entry
with its files, each with its own title and description.

The description follows the profile's mandatory and recommended properties (DCAT-AP-NO 3): the catalogue's and the
dataset's title, description, publisher (a foaf:Agent) and contact point (a vcard:Organization with an e-mail
address or a web page), the dataset's themes from the EU's data theme vocabulary, each distribution's access and
download address, format (EU file types), media type (IANA) and licence (EU licence vocabulary).

Addresses are absolute under the site's address (MkDocs' `site_url`); without one they are relative to this file,
which Turtle resolves against wherever the file is read from. The publisher and the contact point are described in
the file itself (the plan has no organisation numbers for the national register's addresses); a contact without
an e-mail address or web page gets the site's address. Text from the plan becomes literals, which rdflib
escapes; addresses from the plan are percent-encoded where a character may not stand in an IRI.

When the plan has example content, the dataset's description begins with the notice «Eksempelinnhold: …», and so
does each table's distribution that holds some, with how many of its rows
(:class:`~scripts.site.open_data.publication.Examples`).
"""

from __future__ import annotations

import datetime as dt

from rdflib import XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF

from schema import Plan
from scripts.site.open_data.publication import encoded, examples, publication, with_notice
from scripts.site.open_data.tables import TABLES

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")

EU = "http://publications.europa.eu/resource/authority/"
IANA = "https://www.iana.org/assignments/media-types/"
#: The dataset's themes in the EU's data theme vocabulary: economy, regions and cities, government.
THEMES = ("ECON", "REGI", "GOVE")
KEYWORDS = ("næringsplan", "næringsutvikling", "regional utvikling", "tiltak", "åpne data")
LANGUAGE = URIRef(EU + "language/NOB")

#: The open data page, under the site's address (the page registry, which imports this package, has it as
#: «apne-data.md»: tests/test_dcat.py checks that they agree).
LANDING_PAGE = "apne-data/"

#: The files of the open data beside the tables: path in data/ → (title, description, EU file type, media type).
WORKBOOK = "naeringsplan.xlsx"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FILES = {
    "plan.json": (
        "Hele planen som JSON",
        "Hele planen i én fil, i samme form som planfilene: satsingsområder, mål, tiltak, aktører og indikatorer.",
        "JSON",
        "application/json",
    ),
    WORKBOOK: (
        "Alle tabellene som regneark",
        "Alle tabellene i ett regneark (Excel), ett ark per tabell, med et første ark som forklarer dataene.",
        "XLSX",
        XLSX,
    ),
}


def iri(address: str) -> URIRef:
    """An address (from the plan or the site's config) as an IRI that Turtle can hold."""
    return URIRef(encoded(address))


def dcat_turtle(plan: Plan, site_url: str | None = None) -> str:
    """The DCAT-AP-NO description of the open data, the same text for the same plan."""
    return catalogue(plan, site_url).serialize(format="turtle")


def catalogue(plan: Plan, site_url: str | None = None) -> Graph:
    return _Catalogue(plan, site_url).graph


#: What a distribution says: title, description, file type (EU vocabulary) and media type (IANA).
Details = tuple[str, str, str, str]


class _Catalogue:
    """The graph, built once: the catalogue, its dataset, the publisher, the contact point and the distributions.
    Every node has an address in this file (none is a blank node, whose random names would change the bytes)."""

    def __init__(self, plan: Plan, site_url: str | None) -> None:
        self.plan, self.about = plan, publication(plan)
        #: The site's address and the data folder's; without a site address, relative to this file in data/.
        self.site = f"{site_url.rstrip('/')}/" if site_url else "../"
        self.base = f"{self.site}data/" if site_url else ""
        self.graph = Graph(bind_namespaces="core")
        for prefix, namespace in [("dcat", DCAT), ("dct", DCTERMS), ("foaf", FOAF), ("vcard", VCARD)]:
            self.graph.bind(prefix, namespace)
        self.modified = Literal(self.about.modified, datatype=XSD.date)
        self.publisher, self.contact = self._agent(), self._contact()
        dataset = self._dataset()
        self._catalog(dataset)
        for name, details in FILES.items():
            self._distribution(dataset, name, details)
        shown = examples(plan)
        for table in TABLES:
            notice = shown.rows_notice(table.header, table.rows(plan)) if shown else None
            described = with_notice(table.description, notice)
            self._distribution(dataset, f"{table.name}.csv", (f"{table.title} som CSV", described, "CSV", "text/csv"))

    def node(self, name: str) -> URIRef:
        return iri(f"{self.base}dcat.ttl#{name}")

    def add(self, subject: URIRef, kind: URIRef, *pairs: tuple[URIRef, URIRef | Literal | None]) -> None:
        """A node of class `kind` with its properties; a None value is left out."""
        self.graph.add((subject, RDF.type, kind))
        for prop, value in pairs:
            if value is not None:
                self.graph.add((subject, prop, value))

    def _catalog(self, dataset: URIRef) -> None:
        about = self.about
        self.add(
            self.node("katalog"),
            DCAT.Catalog,
            (DCTERMS.title, nb(about.title)),
            (DCTERMS.description, nb(f"Beskrivelse av de åpne dataene i {self.plan.plan.title}.")),
            (DCTERMS.publisher, self.publisher),
            (DCAT.contactPoint, self.contact),
            (DCAT.dataset, dataset),
            (DCTERMS.language, LANGUAGE),
            (DCTERMS.modified, self.modified),
            (DCTERMS.license, URIRef(about.licence.uri)),
            (DCAT.themeTaxonomy, URIRef(EU + "data-theme")),
            (FOAF.homepage, iri(self.site)),
        )

    def _agent(self) -> URIRef:
        """The publisher: the owner of the plan, with its id in the plan and its website."""
        owner, agent = self.about.publisher, self.node("utgiver")
        self.add(
            agent,
            FOAF.Agent,
            (FOAF.name, nb(owner.name)),
            (DCTERMS.identifier, Literal(owner.id)),
            (FOAF.homepage, iri(owner.url) if owner.url else None),
        )
        return agent

    def _contact(self) -> URIRef:
        """The contact point: the plan's contact, or else the owner; the site's address when it has no other."""
        contact, node = self.about.contact, self.node("kontakt")
        # An example e-mail or phone (contact.illustrative) is no contact point a catalogue should harvest.
        email = None if contact.illustrative else contact.email
        url = contact.url or (self.site if not email else None)
        given = None if contact.illustrative else contact.phone
        phone = "".join(c for c in given if c.isdigit() or c == "+") if given else None
        self.add(
            node,
            VCARD.Organization,
            (VCARD.fn, nb(contact.name)),
            (VCARD.hasEmail, iri(f"mailto:{email}") if email else None),
            (VCARD.hasTelephone, iri(f"tel:{phone}") if phone else None),
            (VCARD.hasURL, iri(url) if url else None),
        )
        return node

    def _dataset(self) -> URIRef:
        info, dataset, period = self.plan.plan, self.node("datasett"), self.node("planperiode")
        tables = ", ".join(table.title.lower() for table in TABLES)
        description = with_notice(
            f"{info.title} ({info.period.start}–{info.period.end}) som åpne data, med tabellene {tables}. "
            "Hele planen finnes som JSON, hver tabell som CSV og alle tabellene i ett regneark.",
            examples(self.plan).plan_notice(),
        )
        self.add(
            dataset,
            DCAT.Dataset,
            (DCTERMS.title, nb(self.about.title)),
            (DCTERMS.description, nb(description)),
            (DCTERMS.publisher, self.publisher),
            (DCAT.contactPoint, self.contact),
            *[(DCAT.theme, URIRef(f"{EU}data-theme/{theme}")) for theme in THEMES],
            *[(DCAT.keyword, nb(keyword)) for keyword in (*KEYWORDS, info.region)],
            (DCTERMS.language, LANGUAGE),
            (DCTERMS.accessRights, URIRef(EU + "access-right/PUBLIC")),
            (DCTERMS.issued, Literal(self.about.created, datatype=XSD.date)),
            (DCTERMS.modified, self.modified),
            (DCTERMS.temporal, period),
            (DCAT.landingPage, iri(self.site + LANDING_PAGE)),
        )
        self.add(
            period,
            DCTERMS.PeriodOfTime,
            (DCAT.startDate, Literal(dt.date(info.period.start, 1, 1), datatype=XSD.date)),
            (DCAT.endDate, Literal(dt.date(info.period.end, 12, 31), datatype=XSD.date)),
        )
        return dataset

    def _distribution(self, dataset: URIRef, name: str, details: Details) -> None:
        title, description, kind, media = details
        node, address = self.node(name), iri(self.base + name)
        self.graph.add((dataset, DCAT.distribution, node))
        self.add(
            node,
            DCAT.Distribution,
            (DCTERMS.title, nb(title)),
            (DCTERMS.description, nb(description) if description else None),
            (DCAT.accessURL, address),
            (DCAT.downloadURL, address),
            (DCTERMS.format, URIRef(f"{EU}file-type/{kind}")),
            (DCAT.mediaType, URIRef(IANA + media)),
            (DCTERMS.license, URIRef(self.about.licence.uri)),
            (DCTERMS.modified, self.modified),
        )


def nb(text: str) -> Literal:
    """Norwegian (bokmål) text."""
    return Literal(text, lang="nb")
