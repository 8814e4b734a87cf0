"""Abbreviations: a short name for tight places, the full name for reading.

Actors may have a short name (``short_name``). When it is an abbreviation («GRIP» for «Gardermoregionen IPR»,
«Akershus fk.» for «Akershus fylkeskommune») a reader may not know it, so:

* on the web, where room is tight (tables of measures, the role matrix, lists of municipalities), the short form
  is shown as ``<abbr title="full name">``; running text and the data tables under the charts say the full name;
* a chart draws the short form and names the full one in its text alternative (its title and description);
* the print edition explains no abbreviation: it says the full name;
* a menu entry or a list box, which cannot hold an ``<abbr>``, shows the full name.

A short name made of the first words of the name («Eidsvoll» for «Eidsvoll kommune») is not an abbreviation: it
is shown as it is, with no ``<abbr>``.

The small test plan has no abbreviation, so these tests build a copy of it where the regional council is
«Gardermoregionen IPR» («GRIP») and leads a measure, and the county «Viken fylkeskommune» («Viken fk.») funds one.
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from pypdf import PdfReader
from test_injection import CORPUS

from conftest import VALID_PLAN, run_plan
from schema import Actor, Plan
from scripts.core.filters import short_html, short_md
from scripts.core.queries import abbreviates, plain_name
from scripts.pdf.document import plan_html
from scripts.present.budget import budget_row
from scripts.present.charts import Label, budget_chart
from scripts.site.pages import render_site
from scripts.site.registry import REGISTRY
from scripts.validate.validator import validate_folder

SVG = "{http://www.w3.org/2000/svg}"
GRIP = Actor(id="gardermoregionen-ipr", name="Gardermoregionen IPR", short_name="GRIP", kind="regionråd")
EIDSVOLL = Actor(id="eidsvoll-kommune", name="Eidsvoll kommune", short_name="Eidsvoll", kind="kommune")
#: The abbreviations of the plan built below: short name → full name.
ABBREVIATIONS = {"GRIP": "Gardermoregionen IPR", "Viken fk.": "Viken fylkeskommune"}


# -- the rule ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("short", "name"),
    [
        ("GRIP", "Gardermoregionen IPR"),
        ("Akershus fk.", "Akershus fylkeskommune"),
        ("Viken fk.", "Viken fylkeskommune"),
        ("ØRU", "Øvre Romerike Utvikling"),
        ("Nes", "Nesodden kommune"),  # a part of a word is not a word
        ("IPR Gardermoregionen", "Gardermoregionen IPR"),
    ],
)
def test_a_short_name_that_is_not_the_first_words_of_the_name_is_an_abbreviation(short: str, name: str) -> None:
    assert abbreviates(short, name)


@pytest.mark.parametrize(
    ("short", "name"),
    [
        ("Eidsvoll", "Eidsvoll kommune"),
        ("Nes", "Nes kommune"),
        ("Innovasjon Norge", "Innovasjon Norge"),
        ("nes", "Nes kommune"),
        ("Oslo Airport", "Oslo Airport City"),
        (None, "Gardermoregionen IPR"),
        ("", "Gardermoregionen IPR"),
    ],
)
def test_the_first_words_of_the_name_or_no_short_name_is_not_an_abbreviation(short: str | None, name: str) -> None:
    assert not abbreviates(short, name)


def test_where_an_abbreviation_cannot_be_explained_the_full_name_is_used() -> None:
    assert plain_name(GRIP) == "Gardermoregionen IPR"
    assert plain_name(EIDSVOLL) == "Eidsvoll"
    assert plain_name(GRIP.model_copy(update={"short_name": None})) == "Gardermoregionen IPR"


# -- the filters: <abbr title> on the web, escaped ---------------------------------------------------------------


def test_an_abbreviation_on_the_web_carries_its_full_name_for_the_mouse_and_for_screen_readers() -> None:
    """Not in a tooltip only, which touch and keyboard never show: a screen reader reads the hidden text, and the
    abbreviation always sits in a link to the actor's page."""
    hidden = '<span class="visually-hidden"> (Gardermoregionen IPR)</span>'
    assert short_html(GRIP) == '<abbr title="Gardermoregionen IPR">GRIP</abbr>' + hidden
    assert short_md(GRIP) == '<abbr title="Gardermoregionen IPR">GRIP</abbr>' + hidden


def test_a_short_name_that_is_no_abbreviation_is_plain_text() -> None:
    assert short_html(EIDSVOLL) == "Eidsvoll"
    assert short_md(EIDSVOLL) == "Eidsvoll"
    assert short_html(GRIP.model_copy(update={"short_name": None})) == "Gardermoregionen IPR"


class Abbrs(HTMLParser):
    """The <abbr> elements of a piece of HTML, (title, text), and every tag seen."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str | None, str]] = []
        self.tags: list[str] = []
        self._open: list[str] | None = None
        self._title: str | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "abbr":
            self._open, self._title = [], dict(attrs).get("title")

    def handle_endtag(self, tag: str) -> None:
        if tag == "abbr" and self._open is not None:
            self.found.append((self._title, "".join(self._open)))
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open.append(data)


def one_line(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("attack", [a.text for a in CORPUS], ids=range(len(CORPUS)))
def test_markup_in_an_actors_names_stays_text_in_the_abbreviation(attack: str) -> None:
    actor = Actor(id="x", name=f"Navn {attack}", short_name=f"KN {attack}", kind="regionråd")
    html = Abbrs(short_html(actor))
    assert html.tags == ["abbr", "span"]
    assert html.found == [(one_line(actor.name), one_line(actor.short_name or ""))]
    # In Markdown (a link's text in a list) the same, after python-markdown has read it.
    page = Abbrs(markdown.markdown(f"- [{short_md(actor)}](side.md)"))
    assert [t for t in page.tags if t not in ("ul", "li", "a")] == ["abbr", "span"]
    assert page.found == [(one_line(actor.name), one_line(actor.short_name or ""))]


# -- charts: the short form drawn, the full name in the text alternative ----------------------------------------------


def test_a_budget_chart_draws_the_short_form_and_says_the_full_name_in_words() -> None:
    label, secured, planned = budget_row((GRIP, 100_000, 50_000))
    assert label == Label("GRIP", "Gardermoregionen IPR (GRIP)")
    root = ET.fromstring(budget_chart("b", [(label, secured, planned)], "Budsjett etter finansiør"))
    drawn = [t.text for t in root.iter(f"{SVG}text")]
    assert "GRIP" in drawn
    assert "Gardermoregionen IPR" not in " ".join(t or "" for t in drawn)
    desc = root.findtext(f"{SVG}desc") or ""
    assert desc.startswith("Gardermoregionen IPR (GRIP): bevilget")
    titles = [t.text or "" for t in root.iter(f"{SVG}title")]
    assert any(t.startswith("Gardermoregionen IPR (GRIP):") for t in titles)


def test_a_budget_chart_says_a_plain_short_name_as_it_is() -> None:
    assert budget_row((EIDSVOLL, 1, 0)) == ("Eidsvoll", 1, 0)


def test_markup_in_a_full_name_stays_text_in_the_charts_description() -> None:
    attack = "]]></desc><script>alert(1)</script>"
    root = ET.fromstring(budget_chart("b", [(Label("KN", attack), 1, 0)], "Budsjett"))
    assert (root.findtext(f"{SVG}desc") or "").startswith(attack + ":")
    assert root.find(f".//{SVG}script") is None


def test_print_says_the_full_name_in_its_charts() -> None:
    assert budget_row((GRIP, 1, 0), short=False) == ("Gardermoregionen IPR", 1, 0)


# -- a plan with abbreviations -----------------------------------------------------------------------------------------


def plan_with_abbreviations(folder: Path) -> Path:
    """The small test plan, where the regional council is «Gardermoregionen IPR» («GRIP») and leads measure 1.1.2,
    and the county that funds measure 1.1.1 is «Viken fylkeskommune» («Viken fk.»)."""
    shutil.copytree(VALID_PLAN, folder)
    actors_file = folder / "actors.yaml"
    data = yaml.safe_load(actors_file.read_text(encoding="utf-8"))
    for actor in data["actors"]:
        if actor["id"] == "regionradet":
            actor.update(name="Gardermoregionen IPR", short_name="GRIP")
        if actor["id"] == "viken-fylkeskommune":
            actor["short_name"] = "Viken fk."
    actors_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    area = folder / "satsingsomrader" / "1-nettverk.yaml"
    text = area.read_text(encoding="utf-8")
    lead = "          - actor: hurdal-kommune\n            role: ansvarlig\n"
    assert lead in text
    area.write_text(text.replace(lead, lead.replace("hurdal-kommune", "regionradet")), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def abbreviated_plan(tmp_path_factory: pytest.TempPathFactory) -> Plan:
    plan, problems = validate_folder(plan_with_abbreviations(tmp_path_factory.mktemp("abbr") / "plan"))
    assert problems == [] and plan is not None
    return plan


def test_the_menu_of_municipalities_and_the_list_box_never_show_an_abbreviation(abbreviated_plan: Plan) -> None:
    # «NK» is an abbreviation: the menu and the list box say the full name.
    actors = [
        a.model_copy(update={"short_name": "NK"}) if a.id == "nes-kommune" else a for a in abbreviated_plan.actors
    ]
    plan = abbreviated_plan.model_copy(update={"actors": actors})
    items = REGISTRY.spec("actor").items
    assert items is not None
    titles = {item.ident: item.menu_title for item in items(plan)}
    assert titles["nes-kommune"] == "Nes kommune"
    assert titles["hurdal-kommune"] == "Hurdal"
    pages = render_site(plan)
    assert '<option value="nes-kommune">Nes kommune</option>' in pages["tiltak/index.md"]
    assert '<option value="hurdal-kommune">Hurdal</option>' in pages["tiltak/index.md"]


def test_the_print_edition_says_every_full_name_and_no_abbreviation(abbreviated_plan: Plan) -> None:
    printed = plan_html(abbreviated_plan)
    body = re.sub(r"<img [^>]*>", "", printed)  # the charts are images, with their own text
    for short, full in ABBREVIATIONS.items():
        assert full in body
        assert short not in body, f"«{short}» står uforklart i trykkversjonen"
    assert "<abbr" not in printed


# -- the built site and its PDF ----------------------------------------------------------------------------------------


class Shown(HTMLParser):
    """A page's visible text outside charts, split into the text inside <abbr> and the rest; the titles of its
    <abbr> elements by their text; and the title and description of each chart."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.outside: list[str] = []
        self.abbrs: list[tuple[str | None, str]] = []
        self.charts: list[str] = []
        self._stack: list[str] = []
        self._abbr: tuple[str | None, list[str]] | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "abbr":
            self._abbr = (dict(attrs).get("title"), [])
        if tag not in ("br", "hr", "img", "meta", "link", "input", "wbr", "source", "col", "path", "rect", "line"):
            self._stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "abbr" and self._abbr is not None:
            self.abbrs.append((self._abbr[0], "".join(self._abbr[1])))
            self._abbr = None
        if tag in self._stack:
            while self._stack and self._stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if "svg" in self._stack:
            if self._stack[-1] in ("title", "desc"):
                self.charts.append(data)
        elif self._abbr is not None:
            self._abbr[1].append(data)
        elif not {"head", "script", "style", "template"} & set(self._stack):
            self.outside.append(data)


@pytest.fixture(scope="module")
def abbreviated_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The plan with abbreviations built by `plan build`, with its PDFs."""
    root = tmp_path_factory.mktemp("abbr-site")
    out = root / "site"
    result = run_plan("build", "--plan", str(plan_with_abbreviations(root / "plan")), "--out", str(out))
    assert result.code == 0, result.stdout + result.stderr
    return out


def pages(site: Path) -> dict[str, Shown]:
    return {str(p.relative_to(site)): Shown(p.read_text(encoding="utf-8")) for p in sorted(site.rglob("*.html"))}


@pytest.mark.slow
def test_every_abbreviation_shown_on_the_web_is_explained_by_its_full_name(abbreviated_site: Path) -> None:
    built = pages(abbreviated_site)
    unexplained = [
        f"{path}: «{short}»"
        for path, page in built.items()
        for short in ABBREVIATIONS
        if re.search(rf"(?<!\w){re.escape(short)}(?!\w)", " ".join(page.outside))
    ]
    assert unexplained == []
    wrong = [
        f"{path}: {title} {text}"
        for path, page in built.items()
        for title, text in page.abbrs
        if ABBREVIATIONS.get(text) != title
    ]
    assert wrong == []
    where = {path for path, page in built.items() if ("Gardermoregionen IPR", "GRIP") in page.abbrs}
    # The lead column of the measure tables, and the role matrix.
    assert {"tiltak/index.html", "aktorer/rollematrise/index.html", "satsingsomrader/1/index.html"} <= where


@pytest.mark.slow
def test_a_short_name_that_is_the_first_words_of_the_name_is_no_abbreviation_on_the_web(
    abbreviated_site: Path,
) -> None:
    built = pages(abbreviated_site)
    assert not [abbr for page in built.values() for abbr in page.abbrs if abbr[1] in ("Nes", "Hurdal")]
    assert "Hurdal" in " ".join(built["tiltak/index.html"].outside)


@pytest.mark.slow
def test_the_charts_text_alternative_and_data_table_carry_the_full_name(abbreviated_site: Path) -> None:
    economy = pages(abbreviated_site)["okonomi/index.html"]
    funders = [text for text in economy.charts if "Viken" in text]
    assert funders and all("Viken fylkeskommune" in text for text in funders)
    assert "Viken fylkeskommune" in " ".join(economy.outside)  # the table under the chart


@pytest.mark.slow
def test_the_pdf_says_the_full_names(abbreviated_site: Path) -> None:
    text = " ".join(
        " ".join((p.extract_text() or "").split())
        for p in PdfReader(abbreviated_site / "pdf" / "naeringsplan.pdf").pages
    )
    for short, full in ABBREVIATIONS.items():
        assert full in text
        assert not re.search(rf"(?<!\w){re.escape(short)}(?!\w)", text), f"«{short}» står uforklart i PDF-en"
