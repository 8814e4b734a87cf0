"""The two languages of the site and the print edition: the interface's own words from one catalogue per language
(`scripts/templates/locale/<lang>.yaml`), and a plan text in the language asked for, or the Norwegian one when it
has no translation yet.

A catalogue is a flat mapping of dotted keys («measure.lead») to text; a text may hold `str.format` fields
(«{count} tiltak»). The Norwegian catalogue is the reference: every key it has, the English one has too
(tests/test_i18n.py).

A plan object that can be translated carries `en`: None, or an object with the same text fields as the Norwegian
ones (None where that text is not translated). `localized(obj, "title", "en")` gives the English text when there
is one, else the Norwegian with `lang="nb"`, so that a page can say «Not yet translated» and mark the language
of that part (WCAG 3.1.2)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from scripts.core.catalogue import DEFAULT, HTML_LANG, LANGS, Catalogue, catalogue

__all__ = ["DEFAULT", "HTML_LANG", "LANGS", "Catalogue", "Localized", "catalogue", "localized"]


@dataclass(frozen=True)
class Localized:
    """A plan text as shown: the text, and the language it is in (the Norwegian one when not yet translated)."""

    text: str | None
    lang: str

    def translated(self, wanted: str) -> bool:
        return self.lang == wanted or self.text is None


def localized(obj: Any, field: str, lang: str) -> Localized:
    """`obj.<field>` in `lang` when `obj` has a translation of it, else the Norwegian text (lang «nb»)."""
    norwegian = getattr(obj, field)
    if lang == DEFAULT:
        return Localized(norwegian, DEFAULT)
    translation = getattr(obj, lang, None)
    text = getattr(translation, field, None) if translation is not None else None
    if text:
        return Localized(text, lang)
    return Localized(norwegian, DEFAULT)
