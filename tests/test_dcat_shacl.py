"""data/dcat.ttl as data.norge.no checks it: pyshacl with the DCAT-AP-NO 2.2 SHACL shapes (vendored in
tests/fixtures/dcat-ap-no/, with the controlled-vocabulary values the national validator has loaded) finds no
violation and no warning, for the shipped_plan plan and the test plan; and what the national catalogue shows beyond the
shapes: the publisher's organisation number, a contact point with e-mail, the LOS theme, the municipalities, the
update frequency, the Table Schemas and the example notice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError
from pyshacl import validate
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib import namespace as ns
from rdflib.namespace import DCTERMS, FOAF, RDF, SKOS

import schema
from conftest import ROOT
from schema import Plan
from scripts.site.open_data import TABLES, data_files
from scripts.site.open_data.dcat import BRREG, VCARD, catalogue

SHAPES_DIR = ROOT / "tests" / "fixtures" / "dcat-ap-no"
SITE = "https://eksempel.test/naeringsplan/"
#: Open namespaces: pytest looks at a test module's names, and rdflib's closed ones warn about a name they lack.
DCAT, SH = Namespace(str(ns.DCAT)), Namespace(str(ns.SH))
#: The properties whose values the shapes want from a controlled vocabulary.
VOCABULARY_PROPERTIES = (
    DCTERMS.language,
    DCTERMS.format,
    DCTERMS.license,
    DCTERMS.accessRights,
    DCTERMS.accrualPeriodicity,
    DCTERMS.spatial,
)
#: The six municipalities' numbers (2024) and their administrative units at data.geonorge.no.
MUNICIPALITIES = {
    "3240": "173050",  # Eidsvoll
    "3230": "172693",  # Gjerdrum
    "3242": "172794",  # Hurdal
    "3238": "172944",  # Nannestad
    "3228": "172713",  # Nes
    "3209": "172719",  # Ullensaker
}


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES_DIR / "DCAT-AP-NO-shacl_shapes_2.00.ttl", format="turtle")


@pytest.fixture(scope="module")
def vocabularies() -> Graph:
    return Graph().parse(SHAPES_DIR / "vocabularies.ttl", format="turtle")


def described(plan: Plan) -> Graph:
    return Graph().parse(data=str(data_files(plan, SITE, workbook=False)["data/dcat.ttl"]), format="turtle")


def shacl(data: Graph, shapes: Graph, vocabularies: Graph) -> tuple[list[tuple[str, str, str]], str]:
    """The shapes' results on the description with the vocabularies beside it: (severity, focus node, message)
    for each, and pyshacl's report as text."""
    _, report, text = validate(data + vocabularies, shacl_graph=shapes, inference="none", allow_warnings=False)
    results = [
        (str(report.value(r, SH.resultSeverity)).rsplit("#", 1)[-1], str(report.value(r, SH.focusNode)), str(m))
        for r in report.subjects(RDF.type, SH.ValidationResult)
        for m in [report.value(r, SH.resultMessage)]
    ]
    return results, str(text)


def test_the_shipped_plans_description_passes_the_national_shapes(
    shipped_plan: Plan, shapes: Graph, vocabularies: Graph
) -> None:
    results, text = shacl(described(shipped_plan), shapes, vocabularies)
    assert results == [], text
    assert "Conforms: True" in text


def test_the_test_plans_description_passes_the_national_shapes(plan: Plan, shapes: Graph, vocabularies: Graph) -> None:
    results, text = shacl(described(plan), shapes, vocabularies)
    assert results == [], text


def test_the_shapes_find_a_missing_identifier_and_an_unknown_vocabulary_value(
    shipped_plan: Plan, shapes: Graph, vocabularies: Graph
) -> None:
    broken = described(shipped_plan)
    dataset = next(iter(broken.subjects(RDF.type, DCAT.Dataset)))
    broken.remove((dataset, DCTERMS.identifier, None))
    broken.set((dataset, DCTERMS.accrualPeriodicity, URIRef("http://example.test/hver-tirsdag")))
    results, _ = shacl(broken, shapes, vocabularies)
    messages = sorted(message.split(" ", 1)[0] for severity, _, message in results if severity == "Violation")
    assert "dct:identifier" in messages and "dct:accrualPeriodicity" in messages


def test_every_vocabulary_value_is_one_the_vocabulary_file_lists(shipped_plan: Plan, vocabularies: Graph) -> None:
    g = described(shipped_plan)
    used = {value for prop in VOCABULARY_PROPERTIES for value in g.objects(None, prop)}
    assert used - set(vocabularies.subjects(SKOS.inScheme, None)) == set()


def test_catalogue_dataset_and_distributions_are_identified_by_their_addresses(shipped_plan: Plan) -> None:
    g = described(shipped_plan)
    for kind in (DCAT.Catalog, DCAT.Dataset, DCAT.Distribution):
        for node in g.subjects(RDF.type, kind):
            assert list(g.objects(node, DCTERMS.identifier)) == [Literal(str(node))]


def test_the_spatial_coverage_is_the_six_municipalities(shipped_plan: Plan) -> None:
    g = described(shipped_plan)
    dataset = next(iter(g.subjects(RDF.type, DCAT.Dataset)))
    places = set(g.objects(dataset, DCTERMS.spatial))
    geonorge = "https://data.geonorge.no/administrativeEnheter/kommune/id/"
    assert places == {URIRef(geonorge + unit) for unit in MUNICIPALITIES.values()}
    numbers = {str(g.value(place, DCTERMS.identifier)): str(place).rsplit("/", 1)[-1] for place in places}
    assert numbers == MUNICIPALITIES
    assert {str(g.value(place, SKOS.prefLabel)) for place in places} == {
        a.name for a in shipped_plan.actors if a.kind == "kommune"
    }


def test_the_themes_are_the_eus_and_los_naeringsutvikling(shipped_plan: Plan) -> None:
    g = described(shipped_plan)
    themes = {str(t) for t in g.objects(None, DCAT.theme)}
    assert "https://psi.norge.no/los/tema/naringsutvikling" in themes
    assert "http://publications.europa.eu/resource/authority/data-theme/ECON" in themes
    dataset = next(iter(g.subjects(RDF.type, DCAT.Dataset)))
    assert str(g.value(dataset, DCTERMS.accrualPeriodicity)).endswith("/frequency/IRREG")


def test_each_csv_file_conforms_to_its_table_schema_which_is_a_file_of_the_open_data(shipped_plan: Plan) -> None:
    files = data_files(shipped_plan, SITE, workbook=False)
    g = Graph().parse(data=str(files["data/dcat.ttl"]), format="turtle")
    package = json.loads(files["data/datapackage.json"])
    schemas = {r["name"]: r["schema"] for r in package["resources"] if r["name"] != "plan"}
    for table in TABLES:
        distribution = URIRef(f"{SITE}data/dcat.ttl#{table.name}.csv")
        (standard,) = g.objects(distribution, DCTERMS.conformsTo)
        path = str(standard).removeprefix(SITE)
        assert path == f"data/tabellskjema/{table.name}.json"
        assert json.loads(files[path]) == schemas[table.name]
        assert (standard, RDF.type, DCTERMS.Standard) in g


def test_the_description_says_what_is_example_content(shipped_plan: Plan) -> None:
    g = described(shipped_plan)
    dataset = next(iter(g.subjects(RDF.type, DCAT.Dataset)))
    assert str(g.value(dataset, DCTERMS.description)).startswith("Eksempelinnhold: ")


def test_an_example_contact_keeps_its_e_mail_with_a_note_and_no_phone(shipped_plan: Plan) -> None:
    assert shipped_plan.plan.contact is not None and shipped_plan.plan.contact.illustrative
    g = catalogue(shipped_plan, SITE)
    contact = next(iter(g.objects(None, DCAT.contactPoint)))
    assert g.value(contact, VCARD.hasEmail) == URIRef(f"mailto:{shipped_plan.plan.contact.email}")
    assert str(g.value(contact, VCARD.note)).startswith("Eksempel:")
    assert g.value(contact, VCARD.hasTelephone) is None
    decided = shipped_plan.plan.contact.model_copy(update={"illustrative": False})
    real = shipped_plan.model_copy(update={"plan": shipped_plan.plan.model_copy(update={"contact": decided})})
    g = catalogue(real, SITE)
    contact = next(iter(g.objects(None, DCAT.contactPoint)))
    assert g.value(contact, VCARD.note) is None and g.value(contact, VCARD.hasTelephone) is not None


def test_an_owner_with_an_organisation_number_is_the_registers_organisation(
    shipped_plan: Plan, shapes: Graph, vocabularies: Graph
) -> None:
    """974760673 is Brønnøysundregistrene's own number: a valid one, used here only as a test value."""
    owner_id = shipped_plan.plan.owner
    actors = [a.model_copy(update={"org_number": "974760673"}) if a.id == owner_id else a for a in shipped_plan.actors]
    g = catalogue(shipped_plan.model_copy(update={"actors": actors}), SITE)
    publisher = URIRef(BRREG + "974760673")
    assert set(g.objects(None, DCTERMS.publisher)) == {publisher}
    assert g.value(publisher, DCTERMS.identifier) == Literal("974760673")
    assert (publisher, RDF.type, FOAF.Agent) in g
    results, text = shacl(g, shapes, vocabularies)
    assert results == [], text


def test_the_vendored_shapes_say_where_they_come_from() -> None:
    readme = (SHAPES_DIR / "README.md").read_text(encoding="utf-8")
    assert "599eb030cabf3f9166497e562ad15d3bee51f71a" in readme and "Apache License 2.0" in readme
    assert Path(SHAPES_DIR / "LICENSE").read_text(encoding="utf-8").lstrip().startswith("Apache License")


def test_an_organisation_number_is_nine_digits_with_a_valid_check_digit() -> None:
    def given(value: object) -> str | None:
        return schema.Actor(id="brreg", name="Brønnøysundregistrene", kind="statlig", org_number=value).org_number

    assert given(974760673) == given("974 760 673") == "974760673"
    for wrong in ("974760674", "97476067", "9747606731", "abcdefghi"):
        with pytest.raises(ValidationError, match="organisasjonsnummeret"):
            given(wrong)
