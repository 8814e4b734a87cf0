"""The public site's page templates speak the page's language: every fixed text comes from the catalogue
(`t("key")`), every plan text goes through `tr()`, which gives the English text or the Norwegian one marked
`lang="nb"`, and an English page with such a text says once, at the top, that parts of it are not yet translated.
The Norwegian site is what it was before: the catalogue's Norwegian words are the templates' old words."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from schema import Plan
from scripts import TEMPLATES
from scripts.present.i18n import LANGS, catalogue
from scripts.present.lookups import SiteOptions
from scripts.site.pages import PageLanguage, render_site
from scripts.site.registry import REGISTRY

#: The templates of the public site's pages, partials and theme. The editors' guide (Norwegian only) and the open
#: data page have their own tests.
OWNED = sorted(
    path
    for path in [
        *(TEMPLATES / "pages").glob("*.md.jinja"),
        *(TEMPLATES / "partials").glob("*.md.jinja"),
        *(TEMPLATES / "theme").glob("*.html"),
        *(TEMPLATES / "theme" / "partials").glob("*.html"),
    ]
    if not path.name.startswith(("guide-", "open-data", "embed-"))
)

#: Words that give Norwegian away in a text a reader sees (besides æ, ø and å).
NORWEGIAN_WORDS = re.compile(
    r"\b(og|ikke|er|av|til|med|som|har|det|skal|kan|også|eller|tiltak|tiltakene|alle|ingen|siden|hva|når|du|vi"
    r"|mål|side|finnes|ennå|slik|etter)\b",
    re.IGNORECASE,
)
#: Attributes whose values are read out or shown.
READ_ATTRIBUTES = re.compile(r"\b(?:aria-label|title|alt|placeholder|data-label|content)=\"([^\"]*)\"")


def fixed_texts(source: str) -> list[str]:
    """The texts of a template a reader would see that are written in the template itself: text between the tags
    and the values of attributes that are read, without Jinja comments, expressions and statements, HTML tags,
    link targets and Markdown attribute lists."""
    source = re.sub(r"\{#.*?#\}", " ", source, flags=re.DOTALL)
    source = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", " ", source, flags=re.DOTALL)
    attributes = READ_ATTRIBUTES.findall(source)
    source = re.sub(r"<[^>]*>", " ", source)
    source = re.sub(r"\]\([^)]*\)", "] ", source)
    source = re.sub(r"\{[:\s][^}]*\}", " ", source)
    return [text for text in [*source.splitlines(), *attributes] if text.strip()]


def norwegian(texts: list[str]) -> list[str]:
    return [text for text in texts if re.search("[æøåÆØÅ]", text) or NORWEGIAN_WORDS.search(text)]


def test_the_scan_finds_a_fixed_norwegian_text_and_passes_one_from_the_catalogue() -> None:
    fixed = '## Budsjett etter år\n<nav aria-label="Forrige og neste tiltak">\n[Se alle tiltak]({{ link("x") }})\n'
    from_catalogue = '## {{ t("measure.budget_by_year") }}\n<nav aria-label="{{ t("measure.pager", goal=1) }}">\n'
    assert norwegian(fixed_texts(fixed)) == ["## Budsjett etter år", "[Se alle tiltak] ", "Forrige og neste tiltak"]
    assert norwegian(fixed_texts(from_catalogue + "{# Et tiltak #}\n<a href='tiltak/'>{{ m.id }}</a>")) == []


@pytest.mark.parametrize("template", OWNED, ids=lambda path: path.name)
def test_a_page_template_has_no_fixed_norwegian_text(template: Path) -> None:
    assert norwegian(fixed_texts(template.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize("template", OWNED, ids=lambda path: path.name)
def test_every_key_a_template_asks_for_is_in_both_catalogues(template: Path) -> None:
    source = template.read_text(encoding="utf-8")
    keys = set(re.findall(r"(?<![.\w])t\(\s*[\"']([\w.]*\w)[\"']", source))  # not Material's lang.t(), nor a prefix
    keys |= {
        f"{key}.{form}" for key in re.findall(r"\btn\([^,]+,\s*[\"']([\w.]+)[\"']", source) for form in ("one", "other")
    }
    for lang in LANGS:
        assert sorted(keys - set(catalogue(lang).words)) == []


# -- a plan text in the page's language ------------------------------------------------------------------------


def test_a_translated_plan_text_is_shown_in_english_without_a_mark() -> None:
    language = PageLanguage("en")
    measure = SimpleNamespace(title="Klynger", en=SimpleNamespace(title="Clusters"))
    assert language.text(measure, "title") == "Clusters"
    assert not language.fell_back


def test_an_untranslated_plan_text_is_shown_in_norwegian_marked_as_norwegian() -> None:
    language = PageLanguage("en")
    measure = SimpleNamespace(title="Klynger", description="Mer *samarbeid*.", en=None)
    assert language.text(measure, "title") == '<span lang="nb">Klynger</span>'
    assert language.text(measure, "description", "prose").startswith('<div class="prose" lang="nb">')
    assert language.text(measure, "title", "attr") == "Klynger"  # an attribute cannot carry a mark
    assert language.fell_back


def test_the_norwegian_page_shows_the_plan_text_as_it_always_did() -> None:
    language = PageLanguage("nb")
    measure = SimpleNamespace(title="Klynger & nettverk", en=SimpleNamespace(title="Clusters"))
    assert language.text(measure, "title") == "Klynger &amp; nettverk"
    assert language.note("# Tittel\n\nTekst\n") == "# Tittel\n\nTekst\n"


# -- the shipped_plan plan in English ---------------------------------------------------------------------------------

ENGLISH_TITLE = "Strategic business plan for the Gardermoen region"


@pytest.fixture(scope="module")
def english(shipped_plan: Plan) -> dict[str, str]:
    """The shipped_plan plan's pages in English, with an English title for the plan (the rest as the plan has it)."""
    info = shipped_plan.plan.model_copy(update={"en": SimpleNamespace(title=ENGLISH_TITLE, vision=None)})
    return render_site(shipped_plan.model_copy(update={"plan": info}), SiteOptions(lang="en"))


@pytest.fixture(scope="module")
def norwegian_pages(shipped_plan: Plan) -> dict[str, str]:
    return render_site(shipped_plan)


NOTE = "Parts of this page are not yet translated and are shown in Norwegian."


def test_the_english_front_page_has_an_english_heading_and_english_words(english: dict[str, str]) -> None:
    home = english[REGISTRY.page_path("home")]
    assert f"\n# {ENGLISH_TITLE}\n" in home
    assert "title: Home\n" in home
    for heading in ("## Status of the measures", "## About the plan", "## Focus areas", "## More about the plan"):
        assert f"\n{heading}\n" in home


def test_an_english_measure_page_has_english_headings_and_labels(english: dict[str, str]) -> None:
    page = english[REGISTRY.page_path("measure", "1.1.1")]
    for text in (
        "## About the measure",
        "## Roles",
        "## Budget",
        "\nPeriod\n:",
        "| Actor | Role | What the actor contributes |",
    ):
        assert text in page
    assert "Om tiltaket" not in page and "Ansvarlig\n:" not in page


def test_an_untranslated_text_on_an_english_page_is_marked_and_the_page_says_so_once(english: dict[str, str]) -> None:
    page = english[REGISTRY.page_path("measure", "1.1.1")]
    assert "# 1.1.1 Cluster programme for logistics and aviation" in page  # translated in the shipped_plan plan
    assert '<span lang="nb">Klyngeprogrammet er gjennomført.' in page  # its status updates are not
    assert page.count(NOTE) == 1
    heading, note = page.index("\n# 1.1.1"), page.index(NOTE)
    assert heading < note < page.index("\n## ")


def test_every_english_page_with_a_norwegian_text_says_so_once(english: dict[str, str]) -> None:
    marked = {path: page for path, page in english.items() if 'lang="nb"' in page}
    assert len(marked) > 10
    assert {path: page.count(NOTE) for path, page in marked.items()} == dict.fromkeys(marked, 1)
    assert all(page.count(NOTE) <= 1 for page in english.values())


def test_the_norwegian_pages_have_no_language_marks_and_no_note(norwegian_pages: dict[str, str]) -> None:
    for path, page in norwegian_pages.items():
        assert 'lang="nb"' not in page, path
        assert "not yet translated" not in page, path
