"""The website's words made in Python (scripts/site), in English: the menu, the footer, the badges and the e-mail
subjects take their words from the English catalogue and the plan's texts in English where translated; the
Norwegian ones are the registry's and the catalogue's alike."""

from __future__ import annotations

from types import SimpleNamespace

from conftest import ROOT
from schema import Plan
from scripts.core.catalogue import catalogue
from scripts.core.followup import LABELS, LATE, UNREPORTED
from scripts.core.queries import reader_contact
from scripts.site import participation
from scripts.site.badges import followup_badges, status_badge
from scripts.site.footer import footer, not_found_links
from scripts.site.registry import REGISTRY, SECTION_KEYS
from scripts.validate.validator import validate_folder


def shipped() -> Plan:
    plan, problems = validate_folder(ROOT / "plan")
    assert plan is not None, problems
    return plan


def titles(menu: list[object]) -> list[str]:
    """Every title and section name of a MkDocs `nav`, depth first."""
    found: list[str] = []
    for entry in menu:
        if isinstance(entry, dict):
            for title, below in entry.items():
                found.append(title)
                if isinstance(below, list):
                    found += titles(below)
    return found


def paths(menu: list[object]) -> list[str]:
    found: list[str] = []
    for entry in menu:
        values = entry.values() if isinstance(entry, dict) else [entry]
        for value in values:
            found += paths(value) if isinstance(value, list) else [str(value)]
    return found


def test_the_norwegian_menu_titles_in_the_catalogue_are_the_registrys() -> None:
    words = catalogue("nb").words
    single = {spec.kind: spec.menu_title for spec in REGISTRY.specs if spec.menu_title and spec.items is None}
    assert {kind: words[f"nav.{kind}"] for kind in single} == single
    assert {name: words[f"nav.section.{key}"] for name, key in SECTION_KEYS.items()} == {n: n for n in SECTION_KEYS}


def test_the_english_menu_has_the_same_paths_with_english_titles() -> None:
    plan = shipped()
    norwegian, english = REGISTRY.navigation(plan), REGISTRY.navigation(plan, "en")
    assert paths(english) == paths(norwegian)
    assert {"Home", "The plan", "Focus areas", "All measures", "Budget", "About the site"} <= set(titles(english))
    assert {"Forside", "Planen", "Alle tiltak", "Økonomi"} & set(titles(english)) == set()


def test_the_english_footer_and_404_links_are_in_english() -> None:
    plan = shipped()
    shown = footer(plan, REGISTRY, "en")
    assert [link.text for link in shown.links][-1] == "Download the plan as PDF"
    assert "Contact" in [link.text for link in shown.links]
    assert shown.modified_text[0].isdigit() and "." not in shown.modified_text  # «12 November 2026»
    assert footer(plan, REGISTRY).links[0].text == "Kontakt"
    assert [link.text for link in not_found_links(REGISTRY, "en")] == ["To the front page", "All measures"]


def test_a_status_without_translation_is_badged_in_norwegian_marked_and_a_translated_one_in_english() -> None:
    status = SimpleNamespace(label="Pågår", colour="#1a4f80", symbol="◐", en=None)
    assert ' lang="nb"' in status_badge(status, "en")  # type: ignore[arg-type]
    assert "Pågår</span>" in status_badge(status, "en")  # type: ignore[arg-type]
    translated = SimpleNamespace(label="Pågår", colour="#1a4f80", symbol="◐", en=SimpleNamespace(label="Ongoing"))
    assert "lang=" not in status_badge(translated, "en")  # type: ignore[arg-type]
    assert "Ongoing</span>" in status_badge(translated, "en")  # type: ignore[arg-type]
    assert "lang=" not in status_badge(status)  # type: ignore[arg-type]


def test_the_follow_up_marks_in_english_and_norwegian() -> None:
    follow_up = SimpleNamespace(flags=(LATE, UNREPORTED))
    assert "Delayed" in followup_badges(follow_up, "en")  # type: ignore[arg-type]
    assert "Not updated" in followup_badges(follow_up, "en")  # type: ignore[arg-type]
    norwegian = followup_badges(follow_up)  # type: ignore[arg-type]
    assert LABELS[LATE] in norwegian and LABELS[UNREPORTED] in norwegian


def test_the_feedback_mail_of_the_english_edition_has_an_english_subject() -> None:
    plan = shipped()
    contact = reader_contact(plan)
    measure = next(m for _, _, m in plan.measures())
    english = participation.feedback(contact, measure, "en")
    norwegian = participation.feedback(contact, measure)
    assert english is not None and norwegian is not None
    assert english.by_email  # the shipped plan gives an address, not a form
    assert "subject=Feedback%20on%20measure" in english.href
    assert "subject=Innspill%20til%20tiltak" in norwegian.href
