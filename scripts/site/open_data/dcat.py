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
which Turtle resolves against wherever the file is read from. Every catalogue, dataset and distribution has its
address as its identifier (dct:identifier). The publisher is the national register's address of the owner
(data.brreg.no) when the owner has an organisation number (``org_number`` in actors.yaml), and else an agent
described in the file itself. A contact without an e-mail address or web page gets the site's address; an example
contact (``illustrative: true``) keeps its e-mail address with a note that says it is an example. Text from the plan
becomes literals, which rdflib escapes; addresses from the plan are percent-encoded where a character may not stand
in an IRI.

Beyond the EU's data themes the dataset has the Norwegian public sector's theme (LOS) «Næringsutvikling», the
municipalities of the plan as its spatial coverage (Kartverket's administrative units, :data:`ADMINISTRATIVE_UNITS`),
an update frequency, and each CSV file conforms to its Table Schema (data/tabellskjema/NAME.json).

tests/test_dcat_shacl.py checks the file against the DCAT-AP-NO 2.2 SHACL shapes (tests/fixtures/dcat-ap-no/).

When the plan has example content, the dataset's description begins with the notice «Eksempelinnhold: …», and so
does each table's distribution that holds some, with how many of its rows
(:class:`~scripts.site.open_data.publication.Examples`).
"""

from __future__ import annotations

import datetime as dt

from rdflib import XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, SKOS

from schema import Plan
from scripts.site.open_data.publication import encoded, examples, publication, with_notice
from scripts.site.open_data.tables import TABLES

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")

EU = "http://publications.europa.eu/resource/authority/"
IANA = "https://www.iana.org/assignments/media-types/"
#: The dataset's themes in the EU's data theme vocabulary: economy, regions and cities, government.
THEMES = ("ECON", "REGI", "GOVE")
#: The dataset's theme in LOS, the Norwegian public sector's themes (psi.norge.no/los): «Næringsutvikling» (under
#: the main theme «Næring»), the theme of a business development plan; the most specific one that fits, as LOS asks.
LOS_THEMES = ("https://psi.norge.no/los/tema/naringsutvikling",)
#: How often the data changes: whenever the plan does (status updates, the status round, revisions).
FREQUENCY = URIRef(EU + "frequency/IRREG")
#: The national register of legal entities' address of an organisation (Enhetsregisteret, data.brreg.no).
BRREG = "https://data.brreg.no/enhetsregisteret/api/enheter/"
#: The municipalities as Kartverket's administrative units, by the municipality actor's name: its municipality
#: number (2024) and its address at data.geonorge.no. The addresses use Geonorge's object ids, as data.norge.no's
#: reference data lists them (Informasjonsforvaltning/fdk-reference-data, rdf/administrative-enheter.ttl), not the
#: municipality numbers. A municipality not in the table is left out of the spatial coverage.
ADMINISTRATIVE_UNITS: dict[str, tuple[str, str]] = {
    "Eidsvoll kommune": ("3240", "173050"),
    "Gjerdrum kommune": ("3230", "172693"),
    "Hurdal kommune": ("3242", "172794"),
    "Nannestad kommune": ("3238", "172944"),
    "Nes kommune": ("3228", "172713"),
    "Ullensaker kommune": ("3209", "172719"),
}
GEONORGE = "https://data.geonorge.no/administrativeEnheter/kommune/id/"
#: Where each CSV file's Table Schema is, in data/.
TABLE_SCHEMAS = "tabellskjema/"
#: The note on an example contact point.
EXAMPLE_CONTACT = "Eksempel: e-postadressen er ikke bestemt ennå."
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
        for prefix, namespace in [("dcat", DCAT), ("dct", DCTERMS), ("foaf", FOAF), ("vcard", VCARD), ("skos", SKOS)]:
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
            details = (f"{table.title} som CSV", described, "CSV", "text/csv")
            self._distribution(dataset, f"{table.name}.csv", details, self._table_schema(table.name, table.title))

    def node(self, name: str) -> URIRef:
        return iri(f"{self.base}dcat.ttl#{name}")

    def add(self, subject: URIRef, kind: URIRef, *pairs: tuple[URIRef, URIRef | Literal | None]) -> None:
        """A node of class `kind` with its properties; a None value is left out. A catalogue, dataset or
        distribution gets its address as its identifier."""
        self.graph.add((subject, RDF.type, kind))
        if kind in (DCAT.Catalog, DCAT.Dataset, DCAT.Distribution):
            self.graph.add((subject, DCTERMS.identifier, Literal(str(subject))))
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
            (FOAF.homepage, iri(self.site)),
        )

    def _agent(self) -> URIRef:
        """The publisher: the owner of the plan, with its organisation number and the register's address when it
        has one (else its id in the plan and an address in this file), and its website."""
        owner = self.about.publisher
        agent = URIRef(BRREG + owner.org_number) if owner.org_number else self.node("utgiver")
        self.add(
            agent,
            FOAF.Agent,
            (FOAF.name, nb(owner.name)),
            (DCTERMS.identifier, Literal(owner.org_number or owner.id)),
            (FOAF.homepage, iri(owner.url) if owner.url else None),
        )
        return agent

    def _contact(self) -> URIRef:
        """The contact point: the plan's contact, or else the owner; the site's address when it has no other."""
        contact, node = self.about.contact, self.node("kontakt")
        email = contact.email
        url = contact.url or (self.site if not email else None)
        # An example phone number (contact.illustrative) may be someone's: it is left out. An example e-mail
        # address stays (the profile asks for one), with a note that says it is an example.
        given = None if contact.illustrative else contact.phone
        phone = "".join(c for c in given if c.isdigit() or c == "+") if given else None
        self.add(
            node,
            VCARD.Organization,
            (VCARD.fn, nb(contact.name)),
            (VCARD.hasEmail, iri(f"mailto:{email}") if email else None),
            (VCARD.hasTelephone, iri(f"tel:{phone}") if phone else None),
            (VCARD.hasURL, iri(url) if url else None),
            (VCARD.note, nb(EXAMPLE_CONTACT) if contact.illustrative and email else None),
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
            *[(DCAT.theme, URIRef(theme)) for theme in LOS_THEMES],
            *[(DCAT.keyword, nb(keyword)) for keyword in (*KEYWORDS, info.region)],
            (DCTERMS.language, LANGUAGE),
            (DCTERMS.accessRights, URIRef(EU + "access-right/PUBLIC")),
            (DCTERMS.issued, Literal(self.about.created, datatype=XSD.date)),
            (DCTERMS.modified, self.modified),
            (DCTERMS.temporal, period),
            *[(DCTERMS.spatial, place) for place in self._places()],
            (DCTERMS.accrualPeriodicity, FREQUENCY),
            (DCAT.landingPage, iri(self.site + LANDING_PAGE)),
        )
        self.add(
            period,
            DCTERMS.PeriodOfTime,
            (DCAT.startDate, Literal(dt.date(info.period.start, 1, 1), datatype=XSD.date)),
            (DCAT.endDate, Literal(dt.date(info.period.end, 12, 31), datatype=XSD.date)),
        )
        return dataset

    def _places(self) -> list[URIRef]:
        """The plan's municipalities as Kartverket's administrative units, with their names and numbers."""
        places = []
        for actor in self.plan.actors:
            unit = ADMINISTRATIVE_UNITS.get(actor.name) if actor.kind == "kommune" else None
            if unit is None:
                continue
            number, object_id = unit
            place = URIRef(GEONORGE + object_id)
            self.add(place, DCTERMS.Location, (SKOS.prefLabel, nb(actor.name)), (DCTERMS.identifier, Literal(number)))
            places.append(place)
        return places

    def _table_schema(self, name: str, title: str) -> URIRef:
        """The Table Schema a CSV file conforms to (data/tabellskjema/NAME.json)."""
        node = iri(f"{self.base}{TABLE_SCHEMAS}{name}.json")
        self.add(node, DCTERMS.Standard, (DCTERMS.title, nb(f"Table Schema for {title.lower()} ({name}.csv)")))
        return node

    def _distribution(self, dataset: URIRef, name: str, details: Details, conforms: URIRef | None = None) -> None:
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
            (DCTERMS.conformsTo, conforms),
        )


def nb(text: str) -> Literal:
    """Norwegian (bokmål) text."""
    return Literal(text, lang="nb")
