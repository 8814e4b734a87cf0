"""Every word explained: the page «Ordforklaringer», the links to it, and tags shown by their labels.

The page takes its words from the data (the vocabulary's terms, role types and statuses with their descriptions,
the indicators' verdicts, the follow-up rule), so it never says something other than the plan. Pages link a word to
its place on the page with a plain link, which works on touch and keyboard where a tooltip shows on hover only, and
only when the plan's page has the word. A tag is shown by the label the vocabulary gives it, never by its id.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, VALID_PLAN
from schema import Plan
from scripts.present import progress
from scripts.publish.editions import site_text
from scripts.site import glossary
from scripts.site.pages import render_site
from scripts.site.registry import REGISTRY
from scripts.validate.validator import validate_folder

GLOSSARY = REGISTRY.page_path("glossary")


@pytest.fixture(scope="module")
def shipped_pages(shipped_plan: Plan) -> dict[str, str]:
    return render_site(shipped_plan)


def headings(markdown: str) -> dict[str, str]:
    """Anchor → title of the page's headings with an explicit anchor («### Tittel { #anker }»)."""
    return {m[2]: m[1] for m in re.finditer(r"^#{2,3} (.+?) \{ #([\w-]+) \}$", markdown, re.MULTILINE)}


def test_the_page_explains_the_words_the_issue_names(shipped_pages: dict[str, str]) -> None:
    titles = " | ".join(headings(shipped_pages[GLOSSARY]).values()).lower()
    words = ["rullering", "handlingsprogram", "satsingsområde", "mål", "tiltak", "grip", "ipr", "fk."]
    words += ["ansvarlig", "samarbeidspartner", "finansiør", "pådriver", "forsinket", "ikke oppdatert"]
    words += ["planlagt", "pågår", "fullført", "utsatt", "avsluttet", "prioritet"]
    words += [v.label.lower() for v in progress.VERDICTS]
    assert [w for w in words if w not in titles] == []


def test_roles_and_statuses_are_explained_in_the_vocabularys_own_words(
    shipped_plan: Plan, shipped_pages: dict[str, str]
) -> None:
    page = shipped_pages[GLOSSARY]
    found = headings(page)
    for kind, items in [("rolle", shipped_plan.vocabulary.role_types), ("status", shipped_plan.vocabulary.statuses)]:
        for item in items:
            anchor = glossary.anchor(kind, item.id)
            assert found.get(anchor) == item.label
            assert " ".join(item.description.split()) in " ".join(page.split())


def test_the_difference_between_done_laid_aside_and_postponed_is_said(shipped_pages: dict[str, str]) -> None:
    page = " ".join(shipped_pages[GLOSSARY].split())
    assert "et tiltak som er fullført, er gjort ferdig. Et tiltak som er avsluttet, er lagt bort for godt." in page
    assert "Arbeidet står stille en tid" in page  # utsatt: to be taken up again


def test_the_page_is_in_the_menu_under_the_plan(shipped_plan: Plan) -> None:
    assert {"Ordforklaringer": GLOSSARY} in dict(*[e for e in REGISTRY.navigation(shipped_plan) if "Planen" in e])[
        "Planen"
    ]


def test_anchors_have_no_letters_an_address_would_escape() -> None:
    assert glossary.anchor("rolle", "finansiør") == "rolle-finansior"
    assert glossary.anchor("status", "pågår") == "status-pagar"
    with pytest.raises(ValueError, match="ukjent slags ord «farge»"):
        glossary.anchor("farge", "rød")


@pytest.mark.parametrize("folder", [ROOT / "plan", VALID_PLAN], ids=["shipped", "small"])
def test_every_link_to_the_page_lands_on_a_word_it_has(folder: Path) -> None:
    """The small plan's vocabulary has no terms: its pages link only the roles, statuses and sections."""
    plan, _ = validate_folder(folder, commits=False)
    assert plan is not None
    pages = render_site(plan)
    page_anchors = set(headings(pages[GLOSSARY]))
    links = [
        (path, target)
        for path, text in pages.items()
        for target in re.findall(r"ordforklaringer(?:\.md|/)#([\w-]+)", text)
    ]
    assert len({path for path, _ in links}) > 3
    assert [(path, target) for path, target in links if target not in page_anchors] == []


def test_a_measure_page_links_its_status_priority_and_each_role_once(shipped_pages: dict[str, str]) -> None:
    page = shipped_pages["tiltak/1-1-2.md"]
    for anchor in ["statuser", "prioritet", "rolle-ansvarlig", "rolle-finansior", "rolle-padriver"]:
        assert page.count(f"ordforklaringer.md#{anchor})") == 1, anchor


def test_tags_are_shown_by_their_labels_and_never_by_their_ids(shipped_pages: dict[str, str]) -> None:
    listing = shipped_pages["tiltak/index.md"]
    assert '<option value="gronn-omstilling">grønn omstilling</option>' in listing
    assert '<option value="laerlinger">lærlinger</option>' in listing
    assert ">gronn-omstilling<" not in listing
    box = listing.split('id="filter-tagg"')[1].split("</select>")[0]
    options = re.findall(r'<option value="[^"]*">([^<]*)</option>', box)
    # Norwegian order: ü as y, æ ø å after z.
    assert options.index("gründer") < options.index("grønn omstilling") < options.index("helse")
    assert options.index("leverandører") < options.index("luftfart") < options.index("lærlinger") < options.index("mat")
    assert options[-1] == "videregående"
    measure = next(text for text in shipped_pages.values() if "?tagg=innkjop)" in text)
    assert "[innkjøp](../tiltak/index.md?tagg=innkjop)" in measure or "[innkjøp](index.md?tagg=innkjop)" in measure
    assert '- "innkjøp"' in measure  # the search words in the front matter


def test_no_developer_words_on_the_pages_for_citizens(shipped_pages: dict[str, str]) -> None:
    words = ["Atom-feed", "plan diff", "JavaScript slått på", "stale_after_months", "plan/plan.yaml", "Stadium"]
    public = {path: text for path, text in shipped_pages.items() if not path.startswith("veiledning/")}
    public = {path: text for path, text in public.items() if path != REGISTRY.page_path("open-data")}
    found = [(path, w) for path, text in public.items() for w in words if w in re.sub(r"\{#.*?#\}", "", text)]
    assert found == []


def test_a_change_on_the_site_names_the_field_without_its_key_in_the_files() -> None:
    """`plan diff` tells editors the key («stikkord (`tags`)»); the history pages and a measure's changes do not."""
    assert site_text("Tiltak 1.1.2: stikkord (`tags`): lagt til «x»") == "Tiltak 1.1.2: stikkord: lagt til «x»"
    assert site_text(r"Tittel: «a (\`tags\`)»") == "Tittel: «a (&#96;tags&#96;)»"  # plan text stays as written
