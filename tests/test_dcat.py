"""The DCAT-AP-NO description of the open data (data/dcat.ttl), read with rdflib: one catalogue, its dataset with
the properties the profile requires (publisher, contact point, themes), a distribution per file with its format,
licence and address; plan text stays literal text, whatever it holds; the same plan gives the same bytes."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib import namespace as ns
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, FOAF, RDF
from test_injection import URL_CORPUS, attacked_plan, clean_plan, write_plan

import schema
from conftest import ROOT, VALID_PLAN
from schema import Plan
from scripts.core.problems import errors  # the corpus's long titles give warnings
from scripts.pdf.document import document_dates
from scripts.site.open_data import TABLES, data_files
from scripts.site.open_data.dcat import LANDING_PAGE, VCARD, catalogue, dcat_turtle, iri
from scripts.site.registry import page_path
from scripts.site.urls import url_of
from scripts.validate.validator import validate_folder

SITE = "https://eksempel.test/naeringsplan/"
HERE = SITE + "data/dcat.ttl"
EU = "http://publications.europa.eu/resource/authority/"
LOS = "https://psi.norge.no/los/"
#: Open namespaces: pytest looks at a test module's names, and rdflib's closed ones warn about a name they lack.
DCAT, XSD = Namespace(str(ns.DCAT)), Namespace(str(ns.XSD))


def parse(text: str, base: str = HERE) -> Graph:
    return Graph().parse(data=text, format="turtle", publicID=base)


@pytest.fixture(scope="module")
def graph(plan: Plan) -> Graph:
    return parse(str(data_files(plan, SITE)["data/dcat.ttl"]))


# -- the profile -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """A property a class must (least ≥ 1) or may (most) have, and what its values are."""

    prop: URIRef
    least: int = 1
    most: int | None = None
    #: «text» (text with a language, at most one per language), «iri», «date», «theme» (EU data theme or LOS), or
    #: the start of the IRIs of a vocabulary the values come from.
    kind: str = "iri"


#: What DCAT-AP-NO 3 requires (its SHACL shapes, dcatapno3-core-shapes.ttl), and what this site promises beyond it
#: (a licence and a format on every distribution).
PROFILE: dict[URIRef, list[Rule]] = {
    DCAT.Catalog: [
        Rule(DCTERMS.identifier, most=1, kind="literal"),
        Rule(DCTERMS.title, kind="text"),
        Rule(DCTERMS.description, kind="text"),
        Rule(DCTERMS.publisher, most=1),
        Rule(DCAT.contactPoint),
        Rule(DCAT.dataset),
        Rule(DCTERMS.modified, most=1, kind="date"),
        Rule(DCTERMS.license, least=0, most=1, kind=EU + "licence/"),
        Rule(DCTERMS.language, least=0, kind=EU + "language/"),
    ],
    DCAT.Dataset: [
        Rule(DCTERMS.identifier, kind="literal"),
        Rule(DCTERMS.title, kind="text"),
        Rule(DCTERMS.description, kind="text"),
        Rule(DCTERMS.publisher, most=1),
        Rule(DCAT.contactPoint),
        Rule(DCAT.theme, kind="theme"),
        Rule(DCAT.distribution),
        Rule(DCAT.keyword, least=0, kind="text-many"),
        Rule(DCTERMS.modified, least=0, most=1, kind="date"),
        Rule(DCTERMS.issued, least=0, most=1, kind="date"),
        Rule(DCTERMS.accessRights, least=0, most=1, kind=EU + "access-right/"),
    ],
    DCAT.Distribution: [
        Rule(DCTERMS.identifier, kind="literal"),
        Rule(DCAT.accessURL),
        Rule(DCAT.downloadURL),
        Rule(DCTERMS.format, most=1, kind=EU + "file-type/"),
        Rule(DCTERMS.license, most=1, kind=EU + "licence/"),
        Rule(DCAT.mediaType, most=1, kind="https://www.iana.org/assignments/media-types/"),
        Rule(DCTERMS.title, least=0, kind="text"),
        Rule(DCTERMS.description, least=0, kind="text"),
    ],
    FOAF.Agent: [Rule(FOAF.name, kind="text"), Rule(DCTERMS.identifier, least=0, most=1, kind="literal")],
    VCARD.Organization: [Rule(VCARD.fn, kind="text")],
}


def wrong_value(value: object, kind: str) -> bool:
    if kind in ("text", "text-many"):
        return not (isinstance(value, Literal) and value.language == "nb")
    if kind == "literal":
        return not isinstance(value, Literal)
    if kind == "date":
        return not (isinstance(value, Literal) and value.datatype == XSD.date)
    if kind == "theme":  # the EU's data themes and the Norwegian public sector's (LOS)
        return not (isinstance(value, URIRef) and str(value).startswith((EU + "data-theme/", LOS)))
    return not (isinstance(value, URIRef) and (kind == "iri" or str(value).startswith(kind)))


def violations(g: Graph) -> list[str]:
    """Where the graph breaks the profile: a missing or repeated property, a value of the wrong kind, a publisher
    that is not an agent, a contact point that is not an organisation with an e-mail address or a web page."""
    found = []
    for kind, rules in PROFILE.items():
        for subject in g.subjects(RDF.type, kind):
            for rule in rules:
                values = list(g.objects(subject, rule.prop))
                name = f"{subject.n3(g.namespace_manager)} {rule.prop.n3(g.namespace_manager)}"
                if len(values) < rule.least or (rule.most is not None and len(values) > rule.most):
                    found.append(f"{name}: {len(values)} values")
                found += [f"{name}: {value!r} is not {rule.kind}" for value in values if wrong_value(value, rule.kind)]
                if rule.kind == "text" and len(values) != len({v.language for v in values if isinstance(v, Literal)}):
                    found.append(f"{name}: more than one text in a language")
    for agent in set(g.objects(None, DCTERMS.publisher)):
        if (agent, RDF.type, FOAF.Agent) not in g:
            found.append(f"publisher {agent} is not a foaf:Agent")
    for contact in set(g.objects(None, DCAT.contactPoint)):
        if (contact, RDF.type, VCARD.Organization) not in g:
            found.append(f"contact point {contact} is not a vcard:Organization")
        if not any(g.objects(contact, VCARD.hasEmail)) and not any(g.objects(contact, VCARD.hasURL)):
            found.append(f"contact point {contact} has neither vcard:hasEmail nor vcard:hasURL")
    return found


def test_the_description_has_what_dcat_ap_no_requires(graph: Graph) -> None:
    assert len(list(graph.subjects(RDF.type, DCAT.Catalog))) == 1
    assert len(list(graph.subjects(RDF.type, DCAT.Dataset))) >= 1
    assert violations(graph) == []


def test_the_profile_check_finds_what_is_missing(graph: Graph) -> None:
    broken = Graph()
    for triple in graph:
        broken.add(triple)
    distribution = next(iter(broken.subjects(RDF.type, DCAT.Distribution)))
    broken.remove((distribution, DCTERMS.license, None))
    contact = next(iter(broken.objects(None, DCAT.contactPoint)))
    broken.remove((contact, VCARD.hasURL, None))
    broken.remove((contact, VCARD.hasEmail, None))
    dataset = next(iter(broken.subjects(RDF.type, DCAT.Dataset)))
    broken.add((dataset, DCTERMS.title, Literal("Uten språk")))
    assert len(violations(broken)) == 3


# -- what it says ----------------------------------------------------------------------------------------------


def test_every_file_of_the_open_data_is_a_distribution_with_its_format(plan: Plan, graph: Graph) -> None:
    files = data_files(plan, SITE)
    downloads = {str(url).removeprefix(SITE) for url in graph.objects(None, DCAT.downloadURL)}
    assert downloads <= set(files)  # no address that leads nowhere
    expected = {f"data/{table.name}.csv" for table in TABLES} | {"data/plan.json", "data/naeringsplan.xlsx"}
    assert expected <= downloads
    formats = {
        str(url).removeprefix(SITE): str(graph.value(d, DCTERMS.format)).rsplit("/", 1)[-1]
        for d, url in graph.subject_objects(DCAT.downloadURL)
    }
    assert formats["data/tiltak.csv"] == "CSV"
    assert formats["data/naeringsplan.xlsx"] == "XLSX"
    assert formats["data/plan.json"] == "JSON"


def test_the_catalogue_is_published_by_the_owner_and_dated_from_the_data(plan: Plan, graph: Graph) -> None:
    owner = next(actor for actor in plan.actors if actor.id == plan.plan.owner)
    catalog = next(iter(graph.subjects(RDF.type, DCAT.Catalog)))
    publisher = graph.value(catalog, DCTERMS.publisher)
    assert graph.value(publisher, FOAF.name) == Literal(owner.name, lang="nb")
    assert graph.value(publisher, DCTERMS.identifier) == Literal(owner.id)
    assert str(graph.value(catalog, DCTERMS.modified)) == document_dates(plan)[1]
    assert graph.value(catalog, DCTERMS.language) == URIRef(EU + "language/NOB")
    for dataset in graph.subjects(RDF.type, DCAT.Dataset):
        assert graph.value(dataset, DCTERMS.publisher) == publisher
        assert graph.value(dataset, DCAT.landingPage) == URIRef(SITE + "apne-data/")


def test_the_landing_page_is_the_open_data_page() -> None:
    assert url_of(page_path("open-data")) == LANDING_PAGE


def licences(g: Graph) -> set[str]:
    return {str(url) for url in g.objects(None, DCTERMS.license)}


def test_the_licence_is_the_plans(plan: Plan, graph: Graph) -> None:
    assert licences(graph) == {EU + "licence/CC_BY_4_0"}
    nlod = plan.model_copy(update={"plan": plan.plan.model_copy(update={"licence": "NLOD-2.0"})})
    assert licences(catalogue(nlod, SITE)) == {EU + "licence/NLOD_2_0"}


def contact_point(g: Graph) -> dict[str, set[str]]:
    contact = next(iter(g.objects(None, DCAT.contactPoint)))
    return {prop.fragment: {str(v) for v in g.objects(contact, prop)} for prop in g.predicates(contact)}


def test_the_contact_point_is_the_plans_contact_or_else_the_owner(plan: Plan) -> None:
    owner = next(actor for actor in plan.actors if actor.id == plan.plan.owner)
    assert owner.url is None  # the test plan's owner has no website: the contact page is the site
    assert contact_point(catalogue(plan, SITE)) == {
        "type": {str(VCARD.Organization)},
        "fn": {owner.name},
        "hasURL": {SITE},
    }
    contact = schema.Contact(name="Sekretariatet", email="post@eksempel.test", phone="+47 12 34 56 78")
    with_contact = plan.model_copy(update={"plan": plan.plan.model_copy(update={"contact": contact})})
    assert contact_point(catalogue(with_contact, SITE)) == {
        "type": {str(VCARD.Organization)},
        "fn": {"Sekretariatet"},
        "hasEmail": {"mailto:post@eksempel.test"},
        "hasTelephone": {"tel:+4712345678"},
    }


def test_without_the_sites_address_the_addresses_are_relative_to_the_file(plan: Plan) -> None:
    relative = dcat_turtle(plan)
    assert "eksempel.test" not in relative
    # Identifiers are the nodes' addresses as text, which no base resolves: compared apart.
    here, there = parse(relative), parse(dcat_turtle(plan, SITE), base="urn:elsewhere")
    assert isomorphic(without_identifiers(here), without_identifiers(there))
    for kind in (DCAT.Catalog, DCAT.Dataset, DCAT.Distribution):
        for node in there.subjects(RDF.type, kind):
            assert str(there.value(node, DCTERMS.identifier)) == str(node)
        for node in here.subjects(RDF.type, kind):  # the address as written, relative to this file
            assert str(node) == HERE.rsplit("/", 1)[0] + "/" + str(here.value(node, DCTERMS.identifier))


def without_identifiers(g: Graph) -> Graph:
    """The graph without the identifiers of its catalogue, datasets and distributions."""
    kept = Graph()
    for s, p, o in g:
        described = any((s, RDF.type, kind) in g for kind in (DCAT.Catalog, DCAT.Dataset, DCAT.Distribution))
        if not (p == DCTERMS.identifier and described):
            kept.add((s, p, o))
    return kept


# -- plan text stays text --------------------------------------------------------------------------------------


def test_addresses_from_the_plan_become_iris_that_read_back_as_written() -> None:
    for url in URL_CORPUS:
        g = Graph()
        g.add((URIRef("https://eksempel.test/x"), FOAF.homepage, iri(url)))
        (read,) = parse(g.serialize(format="turtle")).objects()
        assert unquote(str(read)) == url


def test_the_injection_corpus_stays_literal_text(tmp_path: Path) -> None:
    """The attacked plan's description parses, has the same triples as the clean plan's (no text added a node or a
    property), and its names come back letter for letter."""
    data, _ = attacked_plan()
    plans = []
    for name, plan_data in [("attacked", data), ("clean", clean_plan())]:
        plan, problems = validate_folder(write_plan(plan_data, tmp_path / name))
        assert errors(problems) == [] and plan is not None
        plans.append(plan)
    attacked, clean = (parse(dcat_turtle(plan, SITE)) for plan in plans)
    assert sorted((s, p) for s, p, _ in attacked) == sorted((s, p) for s, p, _ in clean)
    info = plans[0].plan
    owner = next(actor for actor in plans[0].actors if actor.id == info.owner)
    assert set(attacked.objects(None, FOAF.name)) == {Literal(owner.name, lang="nb")}
    assert info.contact is not None
    assert set(attacked.objects(None, VCARD.fn)) == {Literal(info.contact.name, lang="nb")}
    assert {unquote(str(url)) for url in attacked.objects(None, VCARD.hasURL)} == {info.contact.url}
    assert all(info.title in str(title) for title in attacked.objects(None, DCTERMS.title) if "åpne data" in title)


# -- the same bytes --------------------------------------------------------------------------------------------


def test_the_same_plan_gives_the_same_text_in_another_process(plan: Plan) -> None:
    """rdflib keeps triples in sets: the order must not depend on the process's string hashes."""
    script = (
        "from pathlib import Path; from scripts.validate.validator import validate_folder; "
        "from scripts.site.open_data.dcat import dcat_turtle; "
        f"print(dcat_turtle(validate_folder(Path({str(VALID_PLAN)!r}))[0], {SITE!r}), end='')"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": str(ROOT)}
    other = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    assert other.stdout == dcat_turtle(plan, SITE)
