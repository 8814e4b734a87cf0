"""No injection: text from the plan files never becomes live HTML, breaks the page or vanishes.

Every free-text field of the plan is a place an editor (or a pasted text) can put anything. The text fields
are found from the schema itself (strings with the «not blank» pattern are plain text, strings marked
``text/markdown`` are Markdown, strings with the URL pattern are addresses), so a field added later is
attacked too. The small valid plan (VALID_PLAN in conftest) is filled out (every optional text field set)
and each text field gets three strings from :data:`CORPUS` (taken at three offsets, each its own paragraph), each
address field one from :data:`URL_CORPUS`, so that every string lands in several kinds of field and every kind of
field gets several strings. The attacked plan is built once, with its PDFs; its pages are compared with a build of
the clean plan (placeholders in every text field), made without PDFs:

* no <script> other than the site's own, no on* attribute, no javascript:, vbscript: or data: address that the
  clean site does not have, no element that the data could have smuggled in (iframe, style, object, form, …);
* the same page structure: every element that is not one of the harmless text tags Markdown from the plan may
  become (paragraphs, lists, links, emphasis, tables) occurs as often as in the clean build: one <main>, one
  <article>, the footer, the same headings;
* the editor's text is still there. *Visible* means: a plain text field (title, name, note, …) appears in the
  page text exactly as written (runs of whitespace count as one space); a Markdown field shows at least the
  words of :attr:`Attack.words`, the part of the string that is text and not Markdown syntax (the link text of
  ``[klikk](javascript:…)``, the words of ``# overskrift``). Raw HTML in Markdown is shown as text, so for
  ``<script>…`` the words are the whole string. The PDFs are held to the words, compared without spaces, since
  text extraction and line breaking split and join words; which fields the PDF shows is read from the clean
  plan's print HTML.

Invisible control characters (null, the other C0 controls but tab and line break, DEL, C1) and the
bidirectional overrides and isolates («Trojan source», U+202A–U+202E, U+2066–U+2069) are not shown, they are
refused by the validator, with a message that names the character and says to remove it.
"""

from __future__ import annotations

import contextlib
import copy
import html
import io
import re
import shutil
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pikepdf
import pytest
import yaml
from pypdf import PdfReader

import schema
from conftest import VALID_PLAN, run_plan
from scripts.core.problems import errors  # the corpus's long titles give warnings
from scripts.dev.bench.stages import bench_config
from scripts.pdf.document import plan_html
from scripts.site.pages import render_site
from scripts.validate.validator import validate_folder


@dataclass(frozen=True)
class Attack:
    text: str
    #: What must stay visible when the text is Markdown (default: the whole text).
    words: tuple[str, ...] | None = None
    #: What must be visible in the PDF, when that is less (the print fonts have no emoji).
    printed: tuple[str, ...] | None = None

    def visible(self, kind: str) -> tuple[str, ...]:
        if kind == "markdown" and self.words is not None:
            return self.words
        return (self.text,)

    def visible_in_print(self, kind: str) -> tuple[str, ...]:
        return self.printed if self.printed is not None else self.visible(kind)


#: Longer than any line or table column. (At 5 000 letters WeasyPrint needs minutes for the PDFs when the word is in
#: a table cell, such as an actor's short name in the role matrix: it lays the word out again for every break.)
LONG_WORD = "Langtord" + "x" * 992

CORPUS: list[Attack] = [
    Attack("<script>alert(1)</script>"),
    Attack("<img src=x onerror=alert(1)>"),
    Attack("<svg><script>alert(1)</script></svg>"),
    Attack("<svg onload=alert(1)>"),
    Attack("[klikk](javascript:alert(1))", ("klikk",)),
    Attack("[lenke6](JaVaScRiPt:alert(1))", ("lenke6",)),
    Attack("[lenke7](  javascript:alert(1))", ("lenke7",)),
    Attack("[lenke8](data:text/html;base64,PHNjcmlwdD4=)", ("lenke8",)),
    Attack("![bilde9](data:image/svg+xml,<svg onload=alert(1)>)", ("bilde9",)),
    Attack('<a href="javascript:alert(1)">lenke10</a>'),
    Attack("<iframe src=//evil.test>"),
    Attack("<style>body{display:none}</style>"),
    Attack("<!-- en kommentar som aldri slutter"),
    Attack("<div> en div som aldri lukkes"),
    Attack("</main></article></div></td></tr></table> lukket for tidlig"),
    Attack("<textarea>"),
    Attack("<plaintext>"),
    Attack("{{ 7*7 }}"),
    Attack("{% raw %} rått"),
    Attack("{{ config }}"),
    Attack("{%- include 'x' %}"),
    Attack('"><script>alert(1)</script>'),
    Attack("' onmouseover='alert(1)"),
    Attack("| a | b |\n|---|---|\n| c | d |", ("a", "b", "c", "d")),
    Attack('Etter {: onclick="alert(1)" }'),
    Attack('<div markdown="1">*md_in_html*</div>'),
    Attack("[ref27][1]\n\n[1]: javascript:alert(1)", ("ref27",)),
    Attack("<javascript:alert(1)>"),
    Attack("&lt;script&gt;alert(1)&lt;/script&gt;"),
    Attack("&#106;avascript:alert(1)"),
    Attack(LONG_WORD, printed=(LONG_WORD[:300],)),  # broken over lines in print
    Attack("linje\u2028skille og avsnitt\u2029skille", printed=("linje", "skille og avsnitt", "skille")),
    Attack("Emoji 👩\u200d💻 og 🏳️\u200d🌈 med ZWJ", printed=("Emoji", "med ZWJ")),
    Attack("---\ntitle: kapret\n---", ("title: kapret",)),
    Attack("# overskrift", ("overskrift",)),
    Attack("[[wikilenke]]"),
    Attack("**fet** _kursiv_ *stjerne uten slutt", ("fet", "kursiv", "stjerne uten slutt")),
    Attack("1. nummerert liste", ("nummerert liste",)),
    Attack("- punktliste", ("punktliste",)),
    Attack("    innrykket kode"),
    Attack('!!! danger "Advarsel"\n    innhold', ("Advarsel", "innhold")),
    Attack("`kode` og ``` tre", ("kode", "tre")),
    Attack(r"\x3cscript\x3ealert(1)\x3c/script\x3e"),
    # Markdown reads «\"» as «"» and «\\» as «\»; a backslash before a letter stays.
    Attack(r"C:\sti\til\fil og \"sitat\" \\", (r"C:\sti\til\fil og", "sitat")),
    Attack('--8<-- "README.md"'),
    Attack("*[HTML]: forkortelse", ("forkortelse",)),
    # In a Markdown field the footnote is a reference link: to an address outside the site, which the link check
    # leaves alone (a relative one would be a broken link, which the build rightly refuses).
    Attack("Fotnote[^1]\n\n[^1]: https://fotnotetekst.test", ("Fotnote", "fotnotetekst")),
    Attack("</title><script>alert(1)</script>"),
    Attack(": definisjon"),
    Attack('"; } body { display: none } x { content: "'),
    Attack("</style><script>alert(1)</script>"),
    Attack("]]></desc><script>alert(1)</script>"),
]

#: Addresses that pass the URL pattern of the schema (https:// or mailto:) but try to break out of the link.
URL_CORPUS = [
    'https://eksempel.test/"><script>alert(1)</script>',
    "https://eksempel.test/)<img/src=x/onerror=alert(1)>",
    "https://eksempel.test/'onmouseover='alert(1)'",
    "https://eksempel.test/><svg/onload=alert(1)>",
    "mailto:a@eksempel.test?body=<script>alert(1)</script>",
    'https://eksempel.test/{:onclick="alert(1)"}',
    "https://eksempel.test/[x](javascript:alert(1))",
    "https://eksempel.test/**fet**_kursiv_`kode`|pipe|",
]

#: Addresses the validator must refuse.
BAD_URLS = ["javascript:alert(1)", " javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "//evil.test"]

#: Characters the validator refuses in every text field, with the words its message uses for them.
FORBIDDEN = {
    "\u0000": "U+0000",
    "\u001b": "U+001B",
    "\u007f": "U+007F",
    "\u0085": "U+0085",
    "\u202a": "U+202A",
    "\u202e": "U+202E",
    "\u2066": "U+2066",
    "\u2069": "U+2069",
    "\r": "U+000D",
}


# --------------------------------------------------------------------------------------------------------
# The text fields, from the schema
# --------------------------------------------------------------------------------------------------------

#: The file of each model in FILE_MODELS (focus areas: one file each).
FILES = {
    "plan": "plan.yaml",
    "vocabulary": "vocabulary.yaml",
    "actors": "actors.yaml",
    "indicators": "indikatorer.yaml",
    "focus_area": "satsingsomrader/1-nettverk.yaml",
}


def field_kind(node: dict[str, Any]) -> str | None:
    """«text», «markdown» or «url» for a string field of the JSON Schema; None for ids, references, dates."""
    if node.get("type") != "string":
        return None
    if node.get("contentMediaType") == "text/markdown":
        return "markdown"
    if node.get("pattern") == schema.URL:
        return "url"
    if node.get("pattern") == schema.NONBLANK:
        return "text"
    return None


def schema_text_fields() -> set[tuple[str, str]]:
    """Every (model, field) of the plan's models that holds free text or an address."""
    found: set[tuple[str, str]] = set()
    for model in schema.FILE_MODELS.values():
        js = model.model_json_schema()
        for name, definition in [(js.get("title", ""), js), *js.get("$defs", {}).items()]:
            for prop, node in definition.get("properties", {}).items():
                options = node.get("anyOf", [node])
                if any(field_kind(option) for option in options):
                    found.add((name, prop))
    return found


@dataclass
class Slot:
    """One text field in the plan data: where it is and what kind of text it holds."""

    model: str
    field: str
    kind: str
    container: Any
    key: Any


def slots(data: Any, node: dict[str, Any], defs: dict[str, Any], model: str) -> Iterator[Slot]:
    """The text fields in `data`, walking the JSON Schema `node` alongside it."""
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        yield from slots(data, defs[name], defs, name)
        return
    if "anyOf" in node:
        for option in node["anyOf"]:
            wanted = {"object": dict, "array": list}.get(option.get("type", ""))
            if "$ref" in option or (wanted is not None and isinstance(data, wanted)):
                yield from slots(data, option, defs, model)
        return
    if isinstance(data, dict):
        for key, value in data.items():
            prop = node.get("properties", {}).get(key)
            if prop is None:
                continue
            kinds = {field_kind(option) for option in prop.get("anyOf", [prop])} - {None}
            if kinds and isinstance(value, str):
                yield Slot(model, key, kinds.pop() or "", data, key)
            else:
                yield from slots(value, prop, defs, model)
    elif isinstance(data, list) and "items" in node:
        for item in data:
            yield from slots(item, node["items"], defs, model)


def english(model: type[schema.Model]) -> dict[str, str]:
    """An en block with every text of its kind translated (to a placeholder the corpus replaces)."""
    return dict.fromkeys(model.model_fields, "x")


def filled_out_plan() -> dict[str, Any]:
    """The small valid plan with every optional text field set (to a placeholder the corpus replaces)."""
    data = {key: yaml.safe_load((VALID_PLAN / path).read_text(encoding="utf-8")) for key, path in FILES.items()}
    info = data["plan"]
    info["content_notice"] = "x"
    info["contact"] = {"name": "x", "email": "post@x.test", "phone": "x", "address": "x", "url": "https://x.test"}
    info["contact"]["feedback_url"] = "https://x.test"
    info["revisions"][0]["decision"].update(case_number="x", url="https://x.test", text="x")
    info["revisions"][0]["consultation"] = {
        "deadline": "2021-03-01",
        "documents": [{"title": "x", "url": "https://x.test"}],
        "respond": {"email": "post@x.test", "address": "x", "url": "https://x.test", "text": "x"},
    }
    info["en"] = english(schema.PlanEnglish)
    for actor in data["actors"]["actors"]:
        actor.update(short_name="x", description="x", url="https://x.test", en=english(schema.ActorEnglish))
    for indicator in data["indicators"]["indicators"]:
        indicator.update(description="x", source_url="https://x.test", en=english(schema.IndicatorEnglish))
        for observation in indicator["observations"]:
            observation["note"] = "x"
    vocabulary = data["vocabulary"]
    vocabulary["terms"] = [{"id": "ord", "label": "x", "description": "x", "en": english(schema.VocabularyEnglish)}]
    used = {tag for goal in data["focus_area"]["goals"] for m in goal["measures"] for tag in m.get("tags", [])}
    vocabulary["tags"] = [{"id": tag, "label": "x", "en": english(schema.TagEnglish)} for tag in sorted(used)]
    for item in [*vocabulary["role_types"], *vocabulary["statuses"]]:
        item["en"] = english(schema.VocabularyEnglish)
    focus_area = data["focus_area"]
    focus_area.update(illustrative=True, en=english(schema.FocusAreaEnglish))
    for goal in focus_area["goals"]:
        goal.update(description="x", en=english(schema.GoalEnglish))
        for measure in goal["measures"]:
            measure["en"] = english(schema.MeasureEnglish)
            for update in measure.get("status_updates", []):
                update["en"] = english(schema.StatusUpdateEnglish)
            for role in measure["roles"]:
                role["note"] = "x"
            for line in measure.get("budget", []):
                line["note"] = "x"
            measure["links"] = [{"title": "x", "url": "https://x.test"} for _ in range(4)]
            measure["indicators"] = ["arbeidsplasser"]
            measure["milestones"] = [{"date": f"{measure['period']['start']}-06-30", "text": "x"}]
    return data


def all_slots(data: dict[str, Any]) -> list[tuple[str, Slot]]:
    found = []
    for key, model in schema.FILE_MODELS.items():
        js = model.model_json_schema()
        found += [(key, slot) for slot in slots(data[key], js, js.get("$defs", {}), js.get("title", ""))]
    return found


#: The offsets into CORPUS of the three strings each text field gets.
SHIFTS = (0, 17, 35)


@dataclass
class Placed:
    """Which attacks went into which field (numbered among the text fields, as in :func:`placeholder`)."""

    text: list[tuple[int, Slot, Attack]] = field(default_factory=list)
    urls: list[tuple[Slot, str]] = field(default_factory=list)


def attacked_plan() -> tuple[dict[str, Any], Placed]:
    """The filled-out plan with three attack strings in every text field (each its own paragraph) and an attack
    address in every address field."""
    data = filled_out_plan()
    placed = Placed()
    texts = urls = 0
    for _, slot in all_slots(data):
        if slot.kind == "url":
            url = URL_CORPUS[urls % len(URL_CORPUS)]
            slot.container[slot.key] = url
            placed.urls.append((slot, url))
            urls += 1
        else:
            attacks = [CORPUS[(texts * 7 + shift) % len(CORPUS)] for shift in SHIFTS]
            slot.container[slot.key] = "\n\n".join(attack.text for attack in attacks)
            placed.text += [(texts, slot, attack) for attack in attacks]
            texts += 1
    return data, placed


def clean_plan() -> dict[str, Any]:
    """The filled-out plan with a placeholder in every text field, numbered as the attacked plan's fields."""
    data = filled_out_plan()
    for number, (_, slot) in enumerate(s for s in all_slots(data) if s[1].kind != "url"):
        slot.container[slot.key] = placeholder(number)
    return data


def placeholder(number: int) -> str:
    """The text of the `number`th text field in the clean build: which fields a page or PDF shows is read from it."""
    return f"Plassholder{number:03d}x"


def write_plan(data: dict[str, Any], folder: Path) -> Path:
    shutil.copytree(VALID_PLAN, folder)
    for key, path in FILES.items():
        text = yaml.safe_dump(data[key], allow_unicode=True, sort_keys=False, width=1_000_000)
        (folder / path).write_text(text, encoding="utf-8")
    return folder


# --------------------------------------------------------------------------------------------------------
# Reading the built pages
# --------------------------------------------------------------------------------------------------------

#: The elements Markdown from the plan may legitimately add to a page (see SAFE_TAGS in scripts/filters.py).
TEXT_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "blockquote", "code", "pre", "hr",
    "table", "thead", "tbody", "tr", "th", "td", "sup", "sub",
}  # fmt: skip
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset", "background"}
BAD_SCHEMES = re.compile(r"^(javascript|vbscript|data):")


class Page(HTMLParser):
    """What the checks need of an HTML page: elements, scripts, addresses and visible text."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.scripts: list[str] = []
        self.handlers: list[str] = []
        self.addresses: list[str] = []
        self.headings: list[str] = []
        self.body_text: list[str] = []
        self.title = ""
        self._stack: list[str] = []
        self._heading: list[str] | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        in_svg = "svg" in self._stack
        # Inside a chart or a code block the number of elements depends on the text (lines, highlighting).
        if not (in_svg or "code" in self._stack) or tag in ("script", "foreignobject", "iframe", "style"):
            self.tags[tag] += 1
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"<{tag} {name}={value!r}>")
            if name in URL_ATTRIBUTES and value is not None:
                address = re.sub(r"[\x00-\x20]+", "", html.unescape(value)).lower()
                if BAD_SCHEMES.match(address):
                    self.addresses.append(f"<{tag} {name}={value[:80]!r}>")
        if tag == "script":
            self.scripts.append("src=" + str(dict(attrs).get("src")))
        if re.fullmatch(r"h[1-6]", tag) and not in_svg:
            self.headings.append(tag)
            self._heading = []
        if tag not in ("br", "hr", "img", "meta", "link", "input", "wbr", "source", "area", "base", "col"):
            self._stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if self._stack and self._stack[-1] == tag:
            self._stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if re.fullmatch(r"h[1-6]", tag) and self._heading is not None:
            self.headings[-1] += " " + " ".join("".join(self._heading).split())
            self._heading = None
        if tag in self._stack:
            while self._stack and self._stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        current = self._stack[-1] if self._stack else ""
        if current == "script":
            self.scripts[-1] += " inline=" + " ".join(data.split())
        elif current == "title" and "svg" not in self._stack:
            self.title += data
        elif current != "style" and "head" not in self._stack:
            self.body_text.append(data)
            if self._heading is not None:
                self._heading.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.body_text).split())


def flat(text: str) -> str:
    return " ".join(text.split())


def read_site(site: Path) -> dict[str, Page]:
    return {str(p.relative_to(site)): Page(p.read_text(encoding="utf-8")) for p in sorted(site.rglob("*.html"))}


def pdf_problems(path: Path) -> list[str]:
    """Actions that run or open something, and links that go elsewhere than the web, mail or the document."""
    problems = []
    with pikepdf.open(path) as pdf:
        for obj in pdf.objects:
            if not isinstance(obj, pikepdf.Dictionary):
                continue
            for key in ("/JavaScript", "/JS", "/Launch", "/AA", "/OpenAction", "/EmbeddedFiles", "/RichMedia"):
                if key in obj:
                    problems.append(f"{path.name}: {key} in {obj.get('/Type')}")
            if obj.get("/S") in ("/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/GoToR", "/GoToE"):
                problems.append(f"{path.name}: action {obj.get('/S')}")
            if obj.get("/S") == "/URI":
                uri = str(obj.get("/URI"))
                if not re.match(r"^(https?://|mailto:)", uri):
                    problems.append(f"{path.name}: link to {uri[:80]!r}")
    return problems


def pdf_text(path: Path) -> str:
    """The text of the PDF without any whitespace (pypdf puts a null between the letters of some runs)."""
    return re.sub(r"[\s\x00]+", "", "".join(page.extract_text() or "" for page in PdfReader(path).pages))


# --------------------------------------------------------------------------------------------------------
# The builds
# --------------------------------------------------------------------------------------------------------


@dataclass
class Build:
    site: Path
    placed: Placed
    pages: dict[str, Page] = field(default_factory=dict)


def build_without_pdfs(folder: Path, site: Path, work: Path) -> None:
    """`mkdocs build --strict` with the plugin pointed at `folder` and its PDFs turned off (as the benchmark does)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file=str(bench_config(folder, work)), site_dir=str(site), strict=True)
    with contextlib.redirect_stdout(io.StringIO()):
        build(config)


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, Build]:
    """The clean plan and the attacked plan, each built by `plan build` (both editions, the PDFs too)."""
    root = tmp_path_factory.mktemp("injection")
    clean = Build(root / "site-clean", Placed())
    result = run_plan("build", "--plan", str(write_plan(clean_plan(), root / "plan-clean")), "--out", str(clean.site))
    assert result.code == 0, result.stdout + result.stderr
    data, placed = attacked_plan()
    attacked = Build(root / "site-attacked", placed)
    result = run_plan("build", "--plan", str(write_plan(data, root / "plan-attacked")), "--out", str(attacked.site))
    assert result.code == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    for build in (clean, attacked):
        build.pages = read_site(build.site)
    return clean, attacked


# --------------------------------------------------------------------------------------------------------
# The checks
# --------------------------------------------------------------------------------------------------------


def test_every_text_field_of_the_schema_gets_attacked() -> None:
    """A new text field in schema.py must get a value in filled_out_plan(), or it would go untested."""
    _, placed = attacked_plan()
    attacked = {(s.model, s.field) for _, s, _ in placed.text} | {(s.model, s.field) for s, _ in placed.urls}
    assert schema_text_fields() - attacked == set()
    kinds = Counter((s.model, s.field) for _, s, _ in placed.text)
    assert len(kinds) >= 30


def test_every_attack_lands_in_several_kinds_of_field_and_every_field_gets_several() -> None:
    _, placed = attacked_plan()
    landed: dict[str, set[tuple[str, str]]] = {}
    received: dict[tuple[str, str], set[str]] = {}
    for _, slot, attack in placed.text:
        landed.setdefault(attack.text, set()).add((slot.model, slot.field))
        received.setdefault((slot.model, slot.field), set()).add(attack.text)
    for slot, url in placed.urls:
        landed.setdefault(url, set()).add((slot.model, slot.field))
    assert len(CORPUS) >= 30
    assert {a.text for a in CORPUS} | set(URL_CORPUS) == set(landed)
    assert min(len(fields) for fields in landed.values()) >= 2
    assert min(len(texts) for texts in received.values()) >= 3


@pytest.mark.slow
def test_the_attacked_site_has_the_same_pages_as_the_clean_site(builds: tuple[Build, Build]) -> None:
    clean, attacked = builds
    assert set(attacked.pages) == set(clean.pages)
    assert len(clean.pages) > 20


@pytest.mark.slow
def test_no_script_handler_or_script_address_from_the_data(builds: tuple[Build, Build]) -> None:
    clean, attacked = builds
    for path, page in attacked.pages.items():
        before = clean.pages[path]
        assert Counter(page.scripts) == Counter(before.scripts), path
        assert page.handlers == before.handlers == [], path
        assert Counter(page.addresses) - Counter(before.addresses) == Counter(), path


@pytest.mark.slow
def test_the_page_structure_is_intact(builds: tuple[Build, Build]) -> None:
    """Only the harmless text tags may differ; main, article, footer, headings, divs, forms, … stay as they were."""
    clean, attacked = builds
    for path, page in attacked.pages.items():
        before = clean.pages[path]
        structure = {t: n for t, n in page.tags.items() if t not in TEXT_TAGS}
        assert structure == {t: n for t, n in before.tags.items() if t not in TEXT_TAGS}, path
        assert page.tags["main"] == page.tags["article"] == 1, path
        assert page.tags["footer"] >= 1, path
        assert [h[:2] for h in page.headings] == [h[:2] for h in before.headings], path


def missing_words(placed: Placed, shown: str, text: str, printed: bool = False) -> list[str]:
    """The attacks whose words are not in `text`, of the fields whose placeholder the clean plan shows in `shown`.
    Printed text is compared without whitespace (PDF text extraction splits and joins words)."""
    missing = []
    for number, slot, attack in placed.text:
        if placeholder(number) not in shown:
            continue
        for words in attack.visible_in_print(slot.kind) if printed else attack.visible(slot.kind):
            found = "".join(words.split()) in text if printed else flat(words) in text
            if not found:
                missing.append(f"{slot.model}.{slot.field} ({slot.kind}): {words[:60]!r}")
    return missing


@pytest.mark.slow
def test_plain_text_is_shown_exactly_as_written(builds: tuple[Build, Build]) -> None:
    """A title, name or note is text, not Markdown or HTML: it shows letter for letter, on some page (each
    field that the clean site shows somewhere; a short name, say, is shown only for some actors)."""
    clean, attacked = builds
    shown = " ".join(page.text for page in clean.pages.values())
    everything = " ".join(page.text for page in attacked.pages.values())
    assert placeholder(0) in shown
    assert missing_words(attacked.placed, shown, everything) == []


@pytest.mark.slow
def test_titles_are_the_headings_and_the_page_titles_of_their_pages(builds: tuple[Build, Build]) -> None:
    _, attacked = builds
    titles = {
        (s.model, str(s.container.get("id"))): s.container[s.key]
        for _, s, _ in attacked.placed.text
        if s.field in ("title", "name") and isinstance(s.container, dict)
    }
    expected = {
        "satsingsomrader/1/index.html": titles[("FocusArea", "1")],
        "mal/1-1/index.html": titles[("Goal", "1.1")],
        "tiltak/1-1-1/index.html": titles[("Measure", "1.1.1")],
        "tiltak/1-1-2/index.html": titles[("Measure", "1.1.2")],
        "aktorer/nes-kommune/index.html": titles[("Actor", "nes-kommune")],
        "indikatorer/arbeidsplasser/index.html": titles[("Indicator", "arbeidsplasser")],
    }
    for path, title in expected.items():
        page = attacked.pages[path]
        assert flat(title) in page.headings[0], path
        assert flat(title) in flat(page.title), path


@pytest.mark.slow
def test_addresses_from_the_data_stay_inside_their_links(builds: tuple[Build, Build]) -> None:
    """An address with quotes, brackets or Markdown in it cannot end the link early: the rest is not run."""
    _, attacked = builds
    raw = "".join(p.read_text(encoding="utf-8") for p in attacked.site.rglob("*.html"))
    for _, url in attacked.placed.urls:
        assert url not in raw or "<" not in url
    assert "alert(1)</script>" not in raw.replace("&lt;script&gt;alert(1)&lt;/script&gt;", "")


@pytest.mark.slow
def test_the_pdfs_run_nothing_and_link_only_to_the_web_mail_or_themselves(builds: tuple[Build, Build]) -> None:
    _, attacked = builds
    pdfs = sorted((attacked.site / "pdf").glob("*.pdf"))
    assert len(pdfs) >= 2  # the plan and a status report
    for path in pdfs:
        assert pdf_problems(path) == []


@pytest.mark.slow
def test_the_attack_text_is_visible_in_the_pdf(builds: tuple[Build, Build]) -> None:
    """Each field the clean plan's print edition shows (it is the plan, not every page of the site) shows the attack
    text in the PDF."""
    _, attacked = builds
    clean, problems = validate_folder(write_plan(clean_plan(), attacked.site.parent / "plan-clean-print"))
    assert errors(problems) == [] and clean is not None
    shown = " ".join(Page(plan_html(clean)).text.split())
    text = pdf_text(attacked.site / "pdf" / "naeringsplan.pdf")
    assert placeholder(0) in shown
    assert missing_words(attacked.placed, shown, text, printed=True) == []


# --------------------------------------------------------------------------------------------------------
# What the validator refuses
# --------------------------------------------------------------------------------------------------------


def test_invisible_control_and_direction_characters_are_refused_with_the_fix(tmp_path: Path) -> None:
    data = filled_out_plan()
    fields = [slot for _, slot in all_slots(data) if slot.kind != "url"]
    chosen = fields[:: max(1, len(fields) // len(FORBIDDEN))][: len(FORBIDDEN)]
    for number, slot in enumerate(chosen):
        slot.container[slot.key] = f"Før{number}etter"
    folder = write_plan(data, tmp_path / "plan")
    # Written as YAML escapes («"\u202e"»), as PyYAML would turn a raw U+0085 or carriage return into a line break.
    for path in folder.rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        for number, char in enumerate(FORBIDDEN):
            text = text.replace(f"Før{number}etter", f'"Før\\u{ord(char):04x}etter"')
        path.write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("forrige utgave", encoding="utf-8")

    validated = run_plan("validate", "--plan", "plan", cwd=tmp_path)
    built = run_plan("build", "--plan", "plan", "--out", "site", cwd=tmp_path)

    assert validated.code == built.code == 1
    lines = validated.stderr.splitlines()
    assert len(lines) == len(FORBIDDEN), validated.stderr
    for char, code in FORBIDDEN.items():
        line = next((line for line in lines if f"({code}" in line), None)
        assert line is not None, f"{code}: {validated.stderr}"
        assert re.match(r"^plan/\S+\.yaml:\d+:\d+: .*felt «[\w.]+»: teksten inneholder et usynlig", line), line
        assert line.endswith(": fjern det"), line
        assert char not in line
    assert "Traceback" not in validated.stderr + built.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "forrige utgave"


@pytest.mark.parametrize("url", BAD_URLS)
def test_addresses_that_are_not_web_or_mail_are_refused(url: str, tmp_path: Path) -> None:
    data = filled_out_plan()
    data["actors"]["actors"][0]["url"] = url
    folder = write_plan(data, tmp_path / "plan")

    result = run_plan("validate", "--plan", str(folder), cwd=tmp_path)

    assert result.code == 1
    assert "felt «url»: har feil form" in result.stderr
    assert "https://" in result.stderr


def test_a_text_field_is_never_a_template(tmp_path: Path) -> None:
    """Jinja syntax in the data is shown, not evaluated (the data is passed to templates, never compiled)."""
    data = copy.deepcopy(filled_out_plan())
    data["focus_area"]["title"] = "{{ 7*7 }} {% if true %}ja{% endif %}"
    folder = write_plan(data, tmp_path / "plan")
    plan, problems = validate_folder(folder)
    assert errors(problems) == [] and plan is not None
    page = render_site(plan)["satsingsomrader/1.md"]
    assert "\\{\\{ 7\\*7 \\}\\} \\{% if true %\\}ja\\{% endif %\\}" in page
    assert "49" not in page
