"""Taking part without an account: the contact's e-mail and phone in the footer and on the page «Kontakt», «Gi
innspill» on every measure (an e-mail with the measure in the subject, or the plan's form), and the consultation
(«høring») of a revision on the front page and the history page while its deadline has not passed, from the data.
«Foreslå endring» (GitHub) is one small line for editors at the very bottom of a measure page.

Example contact data (`contact.illustrative`) is said to be an example wherever it is shown, and stays out of what
data catalogues harvest. A revision «på høring» without a consultation is a warning; a consultation without a
deadline, or a document with neither or both of `url` and `file`, is an error, named by file and line."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import openpyxl  # type: ignore[import-untyped]
import pytest
import yaml
from playwright.sync_api import Browser
from test_browser import page_failures
from test_footer import html_pages, part_of, target
from test_injection import build_without_pdfs
from test_site import THEME_FINDINGS, nu_html_checker_errors

from conftest import ROOT, VALID_PLAN, serving
from schema import ConsultationResponse, Plan, Revision
from scripts.core.problems import errors, warnings
from scripts.editor.guide.revision import revision_example
from scripts.pdf.document import plan_html
from scripts.present.lookups import SiteOptions
from scripts.publish.plugin import read_plan
from scripts.publish.providers import render_pages
from scripts.site.open_data import data_files
from scripts.site.registry import page_path
from scripts.site.urls import url_of
from scripts.validate.validator import validate_folder

EDIT_BASE = "https://github.com/eksempel/plan/edit/main/"
DEADLINE = dt.date(2027, 1, 15)
EMAIL = "innspill@eksempel.example"
CONTACT = {
    "name": "Sekretariatet",
    "email": EMAIL,
    "phone": "+47 12 34 56 78",
    "url": "https://eksempel.example/kontakt",
    "illustrative": True,
}
CONSULTATION = {
    "deadline": DEADLINE.isoformat(),
    "documents": [
        {"title": "Utkastet", "url": "https://eksempel.example/utkast.pdf"},
        {"title": "Statusrapporten", "file": "pdf/statusrapport-2021.pdf"},
    ],
}
HEARING = {
    "version": "2.0",
    "title": "Rullering 2027",
    "date": "2026-10-01",
    "stage": "høring",
    "changes": "Nye tiltak.",
    "consultation": CONSULTATION,
}


def plan_folder(folder: Path, contact: dict[str, Any] | None = CONTACT, hearing: dict[str, Any] = HEARING) -> Path:
    """The small test plan with a contact and a revision on consultation."""
    shutil.copytree(VALID_PLAN, folder)
    info = yaml.safe_load((folder / "plan.yaml").read_text(encoding="utf-8"))
    if contact is not None:
        info["contact"] = contact
    info["revisions"].append(hearing)
    (folder / "plan.yaml").write_text(yaml.safe_dump(info, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> Plan:
    source, problems = read_plan(plan_folder(tmp_path_factory.mktemp("deltakelse") / "plan"))
    assert source is not None, problems
    return source.plan


def pages_on(plan: Plan, day: dt.date) -> dict[str, str]:
    options = SiteOptions(edit_base=EDIT_BASE, sources={"1": "plan/satsingsomrader/1-nettverk.yaml"}, today=day)
    return render_pages(plan, options)


def mailto_links(markdown: str) -> list[str]:
    return re.findall(r"\]\((mailto:[^)\s]+)\)", markdown)


def subject(href: str) -> str:
    return parse_qs(urlsplit(href).query)["subject"][0]


# -- «Gi innspill» on every measure --------------------------------------------------------------------------------


def test_every_measure_of_the_shipped_plan_has_gi_innspill_with_its_number_and_title_in_the_subject() -> None:
    source, _ = read_plan(ROOT / "plan")
    assert source is not None
    pages = render_pages(source.plan, SiteOptions(today=dt.date(2026, 12, 1)))
    contact = source.plan.plan.contact
    assert contact is not None and contact.email
    measures = list(source.plan.measures())
    assert any(re.search("[æøåÆØÅ]", m.title) for _, _, m in measures)  # the encoding is tried on «æøå»
    for _, _, measure in measures:
        page = pages[page_path("measure", measure.id)]
        assert "\n## Gi innspill\n" in page
        button = re.search(
            r"\[Gi innspill til tiltak [0-9.]+\]\((mailto:[^)\s]+)\)\{ \.md-button \.md-button--primary \}", page
        )
        assert button is not None, measure.id
        href = button.group(1)
        assert unquote(urlsplit(href).path) == contact.email
        assert subject(href) == f"Innspill til tiltak {measure.id} {measure.title}"
        assert href.isascii() and " " not in href  # æøå, spaces and commas percent-encoded as UTF-8


def test_with_a_form_for_feedback_gi_innspill_opens_the_form(plan: Plan) -> None:
    assert plan.plan.contact is not None
    contact = plan.plan.contact.model_copy(update={"feedback_url": "https://eksempel.example/skjema"})
    with_form = plan.model_copy(update={"plan": plan.plan.model_copy(update={"contact": contact})})
    page = pages_on(with_form, DEADLINE)["tiltak/1-1-1.md"]
    assert "[Gi innspill til tiltak 1.1.1](https://eksempel.example/skjema)" in page
    assert "skriv at det gjelder tiltak 1.1.1" in page


def test_an_example_address_is_said_to_be_an_example_beside_gi_innspill(plan: Plan) -> None:
    page = pages_on(plan, DEADLINE)["tiltak/1-1-1.md"]
    assert f"*Eksempel:* e-postadressen {EMAIL} er et eksempel og ikke bestemt ennå." in page


def test_foreslaa_endring_is_one_line_for_editors_at_the_very_bottom_after_gi_innspill(plan: Plan) -> None:
    page = pages_on(plan, DEADLINE)["tiltak/1-1-1.md"]
    last = page.rstrip().splitlines()[-1]
    assert last.startswith('<p class="for-editors"><strong>For redaktører:</strong>')
    assert ">Foreslå endring</a>" in last and "(krever konto)" in last
    assert page.count("Foreslå endring") == 1
    assert page.index("## Gi innspill") < page.index("For redaktører")


# -- The consultation ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", ["index.md", "historikk.md"])
def test_while_on_consultation_the_front_and_history_pages_say_the_deadline_the_documents_and_how_to_respond(
    plan: Plan, page: str
) -> None:
    shown = pages_on(plan, dt.date(2026, 12, 6))[page]
    assert '<h2 id="horing-2-0">Høring: si din mening om Rullering 2027</h2>' in shown
    assert '<time datetime="2027-01-15">15. januar 2027</time>** (om 40 dager)' in shown
    assert "[Utkastet](https://eksempel.example/utkast.pdf)" in shown
    assert re.search(r'<a href="(\.\./)?pdf/statusrapport-2021\.pdf">Statusrapporten</a>', shown)
    links = mailto_links(shown)
    assert links and {subject(href) for href in links} == {"Høringsinnspill til Rullering 2027 (utgave 2.0)"}
    assert "{ .md-button .md-button--primary }" in shown


def test_the_history_page_gives_the_whole_consultation_with_the_address_to_write_to(plan: Plan) -> None:
    shown = pages_on(plan, dt.date(2026, 12, 6))["historikk.md"]
    assert "**Høringsfristen er <time" in shown
    assert "(eksempel: adressen er ikke bestemt ennå)" in shown


def test_the_front_page_gives_the_consultation_short_with_a_link_to_the_whole_of_it_on_the_history_page(
    plan: Plan,
) -> None:
    shown = pages_on(plan, dt.date(2026, 12, 6))["index.md"]
    box = shown[shown.index('<section class="consultation"') : shown.index("</section>")]
    assert "er på høring til **<time" in box
    assert "[Mer om høringen og hvordan du svarer](historikk.md#horing-2-0)" in box
    assert "[Send innspill på e-post](mailto:" in box


def test_on_the_deadline_itself_input_is_still_asked_for(plan: Plan) -> None:
    assert "(i dag)" in pages_on(plan, DEADLINE)["index.md"]


def test_after_the_deadline_no_page_asks_for_input_and_the_history_says_it_is_over(plan: Plan) -> None:
    pages = pages_on(plan, DEADLINE + dt.timedelta(days=1))
    assert "horing-2-0" not in pages["index.md"] and "consultation" not in pages["index.md"]
    history = pages["historikk.md"]
    assert '<h2 id="horing-2-0">Høringen om Rullering 2027 er avsluttet</h2>' in history
    assert 'Høringsfristen var <time datetime="2027-01-15">15. januar 2027</time>.' in history
    for page in ("index.md", "historikk.md", "kontakt.md"):
        assert "Send høringsinnspill" not in pages[page] and "Send innspill" not in pages[page]
        assert not [href for href in mailto_links(pages[page]) if "H%C3%B8ringsinnspill" in href]
    assert "Ingen høring er åpen for innspill nå." in pages["kontakt.md"]


def test_the_consultation_is_answered_where_its_own_respond_says(plan: Plan) -> None:
    revision = plan.plan.revisions[-1]
    assert revision.consultation is not None
    respond = {"email": "horing@kommune.example", "address": "Postboks 1, 2050 Jessheim", "url": "https://s.example/h"}
    own = revision.consultation.model_copy(update={"respond": ConsultationResponse(**respond)})
    revisions = [*plan.plan.revisions[:-1], revision.model_copy(update={"consultation": own})]
    changed = plan.model_copy(update={"plan": plan.plan.model_copy(update={"revisions": revisions})})
    shown = pages_on(changed, dt.date(2026, 12, 6))["historikk.md"]
    assert (
        "Send innspill på e-post til [horing@kommune.example](mailto:horing@kommune.example?subject="
        "H%C3%B8ringsinnspill%20til%20Rullering%202027%20%28utgave%202.0%29), i [skjemaet for innspill]"
        "(https://s.example/h) eller i brev til Postboks 1, 2050 Jessheim." in shown
    )
    assert "eksempel: adressen" not in shown  # the consultation's own address is not the contact's example


# -- The page «Kontakt» --------------------------------------------------------------------------------------------


def test_the_contact_page_shows_every_way_to_reach_the_contact_and_says_which_are_examples(plan: Plan) -> None:
    page = pages_on(plan, dt.date(2026, 12, 6))["kontakt.md"]
    assert f"[{EMAIL}](mailto:{EMAIL})" in page
    assert "[\\+47 12 34 56 78](tel:+4712345678)" in page
    assert "[eksempel.example](https://eksempel.example/kontakt)" in page
    assert "E-postadressen og telefonnummeret her er eksempler og ikke bestemt ennå." in page
    assert "er på høring til 15. januar 2027. [Les dokumentene og send innspill](historikk.md#horing-2-0)" in page


# -- Validation ----------------------------------------------------------------------------------------------------


def problems_of(folder: Path) -> tuple[list[str], list[str]]:
    """The errors and the warnings as `plan validate` prints them, with the file relative to the folder."""
    plan, problems = validate_folder(folder, dt.date(2026, 12, 6))
    assert (plan is None) == bool(errors(problems))
    shown = [str(p).removeprefix(f"{folder}/") for p in problems]
    return [s for s, p in zip(shown, problems, strict=True) if p in errors(problems)], [
        s for s, p in zip(shown, problems, strict=True) if p in warnings(problems)
    ]


def at(folder: Path, text: str) -> str:
    """«plan.yaml:LINE:COL» of the first line with `text`, at the column where it begins."""
    lines = (folder / "plan.yaml").read_text(encoding="utf-8").splitlines()
    number, line = next((i, line) for i, line in enumerate(lines, 1) if text in line)
    return f"plan.yaml:{number}:{line.index(text) + 1}"


def test_a_revision_on_consultation_without_a_consultation_is_a_warning_at_its_stage(tmp_path: Path) -> None:
    hearing = {k: v for k, v in HEARING.items() if k != "consultation"}
    folder = plan_folder(tmp_path / "plan", hearing=hearing)
    assert problems_of(folder) == (
        [],
        [
            f"{at(folder, 'høring')}: advarsel: rullering 2.0, felt «stage»: utgave 2.0 er på høring, men har ingen "
            "«consultation»: legg inn høringsfristen (deadline), dokumentene (documents) og eventuelt hvordan man "
            "svarer (respond), så nettstedet kan si det"
        ],
    )


def test_a_consultation_without_a_deadline_is_an_error_naming_the_field(tmp_path: Path) -> None:
    hearing = {**HEARING, "consultation": {"documents": CONSULTATION["documents"]}}
    folder = plan_folder(tmp_path / "plan", hearing=hearing)
    assert problems_of(folder)[0] == [
        f"{at(folder, 'documents:')}: rullering 2.0, felt «consultation»: mangler feltet «deadline» "
        "(Høringsfristen (ÅÅÅÅ-MM-DD))"
    ]


def test_a_document_with_both_an_address_and_a_file_is_an_error_at_the_document(tmp_path: Path) -> None:
    both = {"title": "Utkastet", "url": "https://eksempel.example/u.pdf", "file": "pdf/u.pdf"}
    folder = plan_folder(tmp_path / "plan", hearing={**HEARING, "consultation": {**CONSULTATION, "documents": [both]}})
    assert problems_of(folder)[0] == [
        f"{at(folder, 'title: Utkastet')}: rullering 2.0, felt «consultation.documents» (nr. 1): et høringsdokument "
        "må ha enten «url» (nettadresse) eller «file» (fil på nettstedet)"
    ]


def test_a_consultation_with_no_written_way_to_respond_is_a_warning(tmp_path: Path) -> None:
    folder = plan_folder(tmp_path / "plan", contact={"name": "Sentralbordet", "phone": "+47 12 34 56 78"})
    assert problems_of(folder) == (
        [],
        [
            f"{at(folder, 'deadline:')}: advarsel: rullering 2.0, felt «consultation»: høringen av utgave 2.0 sier "
            "ikke hvordan man sender innspill: legg inn «respond» med e-post (email), postadresse (address) eller "
            "skjema (url), eller e-post i «contact»"
        ],
    )


# -- The built site ------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The plan above built by MkDocs (without PDFs) on 6 December 2026, while the consultation is open."""
    work = tmp_path_factory.mktemp("deltakelse-nettsted")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2026, 12, 6, 12, tzinfo=dt.UTC).timestamp())))
        build_without_pdfs(plan_folder(work / "plan"), work / "site", work)
    return work / "site"


def test_every_footer_shows_the_email_and_phone_as_links_marks_them_as_examples_and_links_kontakt(site: Path) -> None:
    pages = html_pages(site)
    assert len(pages) > 20
    for page in pages:
        part = part_of(page, "footer")
        hrefs = dict(part.links)
        assert hrefs.get(f"mailto:{EMAIL}") == EMAIL, page
        assert hrefs.get("tel:+4712345678") == "+47 12 34 56 78", page
        assert "Eksempel: e-post og telefon er ikke bestemt ennå." in part.text, page
        kontakt = next(href for href, text in part.links if text == "Kontakt")
        assert target(site, page, kontakt) == "kontakt/index.html", page


def test_the_built_front_page_has_the_consultation_box_with_a_primary_button(site: Path) -> None:
    html = (site / "index.html").read_text(encoding="utf-8")
    box = re.search(r'<section aria-labelledby="horing-2-0" class="consultation">(.*?)</section>', html, re.S)
    assert box is not None
    assert re.search(r'<a class="md-button md-button--primary" href="mailto:[^"]+">Send innspill på e-post</a>', box[1])


@pytest.mark.slow  # with the checker it tests: java and vnu.jar, which only `make test` installs
def test_the_pages_for_taking_part_are_valid_html(site: Path, tmp_path: Path) -> None:
    for path in ("index.html", "historikk/index.html", "kontakt/index.html", url_of(page_path("measure", "1.1.1"))):
        source = site / path if path.endswith(".html") else site / path / "index.html"
        (tmp_path / path.replace("/", "-")).with_suffix(".html").write_bytes(source.read_bytes())
    found = [
        f"{e.get('url', '')}:{e.get('lastLine')}: {e['message']}"
        for e in nu_html_checker_errors(tmp_path)
        if not any(e["message"].startswith(m) and mark in e.get("extract", "") for m, mark in THEME_FINDINGS.items())
    ]
    assert found == []


def test_the_editors_guide_shows_a_revision_on_consultation_that_validates(plan: Plan) -> None:
    example = revision_example(plan)
    (item,) = yaml.safe_load(example.hearing)
    revision = Revision.model_validate({**item, "date": item["date"].isoformat()})  # a plan date is text
    assert revision.stage == "høring" and revision.consultation is not None
    assert revision.consultation.deadline > item["date"]
    assert [label for label, _ in example.consultation_fields] == [
        "En høring (`consultation`)",
        "Et høringsdokument (`documents`)",
        "Hvordan man svarer (`respond`)",
    ]


@pytest.mark.browser
def test_the_pages_for_taking_part_are_accessible_and_fit_a_phone(site: Path, browser: Browser) -> None:
    """axe-core's WCAG and best-practice rules, no console error and nothing wider than the column, at desktop and
    phone width, with the consultation open, the contact's e-mail and phone and the line for editors."""
    pages = ["", "historikk/", "kontakt/", url_of(page_path("measure", "1.1.1"))]
    with serving(site) as server:
        assert page_failures(browser, server, pages) == []


# -- The open data -------------------------------------------------------------------------------------------------


def test_example_contact_data_is_marked_in_the_open_data_and_the_catalogue_entry(plan: Plan) -> None:
    files = data_files(plan, "https://eksempel.example/naeringsplan/")
    assert json.loads(files["data/plan.json"])["plan"]["contact"]["illustrative"] is True
    package = json.loads(files["data/datapackage.json"])
    assert "e-post og telefon i kontakten" in package["description"]
    maintainer = next(c for c in package["contributors"] if c["role"] == "maintainer")
    assert "email" not in maintainer
    # The catalogue entry keeps the example e-mail address (DCAT-AP-NO asks for one) with a note, not the phone.
    assert "tel:" not in files["data/dcat.ttl"]
    assert f"<mailto:{EMAIL}>" in files["data/dcat.ttl"] and "Eksempel: e-postadressen" in files["data/dcat.ttl"]
    sheet = openpyxl.load_workbook(io.BytesIO(files["data/naeringsplan.xlsx"]))["Om dataene"]
    facts = {row[0].value: row[1] for row in sheet.iter_rows() if row[0].value}
    assert facts["E-post"].value == f"{EMAIL} (eksempel, ikke bestemt ennå)" and facts["E-post"].hyperlink is None
    assert facts["Telefon"].value == "+47 12 34 56 78 (eksempel, ikke bestemt ennå)"


def test_a_real_contact_is_a_contact_point_of_the_open_data(plan: Plan) -> None:
    assert plan.plan.contact is not None
    real = plan.plan.contact.model_copy(update={"illustrative": False})
    files = data_files(plan.model_copy(update={"plan": plan.plan.model_copy(update={"contact": real})}))
    assert f"<mailto:{EMAIL}>" in files["data/dcat.ttl"] and "<tel:+4712345678>" in files["data/dcat.ttl"]
    package = json.loads(files["data/datapackage.json"])
    assert next(c for c in package["contributors"] if c["role"] == "maintainer")["email"] == EMAIL
    assert "kontakten" not in package["description"]


def test_the_status_report_says_that_the_contacts_email_and_phone_are_examples(plan: Plan) -> None:
    html = plan_html(plan, report=2021, today=dt.date(2026, 12, 6))
    assert f"Sekretariatet, {EMAIL}, +47 12 34 56 78, eksempel.example (e-post og telefon er eksempler)</dd>" in html
