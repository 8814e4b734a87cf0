"""The interface's words come from one catalogue per language, and a plan text falls back to Norwegian."""

from types import SimpleNamespace

import pytest

from scripts.present.i18n import LANGS, catalogue, localized


def test_every_norwegian_key_has_an_english_text_and_no_more() -> None:
    norwegian, english = catalogue("nb").words, catalogue("en").words
    assert sorted(english) == sorted(norwegian)
    assert all(text.strip() for text in english.values())


@pytest.mark.parametrize("lang", LANGS)
def test_a_key_missing_from_the_catalogue_fails_instead_of_showing_the_key(lang: str) -> None:
    with pytest.raises(KeyError):
        catalogue(lang).t("no.such.key")


def test_a_translated_text_is_given_in_english() -> None:
    measure = SimpleNamespace(title="Næringsvennlige kommuner", en=SimpleNamespace(title="Business-friendly"))
    shown = localized(measure, "title", "en")
    assert (shown.text, shown.lang) == ("Business-friendly", "en")


def test_a_text_without_translation_falls_back_to_norwegian_and_says_so() -> None:
    measure = SimpleNamespace(
        title="Næringsvennlige kommuner", description="Tekst", en=SimpleNamespace(title="X", description=None)
    )
    shown = localized(measure, "description", "en")
    assert (shown.text, shown.lang) == ("Tekst", "nb")
    assert not shown.translated("en")
    assert localized(SimpleNamespace(title="Tittel", en=None), "title", "en").lang == "nb"


def test_the_norwegian_edition_reads_the_norwegian_text() -> None:
    measure = SimpleNamespace(title="Tittel", en=SimpleNamespace(title="Title"))
    assert localized(measure, "title", "nb").text == "Tittel"
