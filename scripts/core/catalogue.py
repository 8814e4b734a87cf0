"""The interface's words, one catalogue per language (`scripts/templates/locale/<lang>.yaml`), kept in core so that
every stage can say a date or an amount in either language (:mod:`scripts.core.dates`, :mod:`scripts.core.numbers`);
:mod:`scripts.present.i18n` adds the plan's own texts in a language and re-exports these."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from scripts import TEMPLATES

#: The plan's own language first; it is the site's root, the other languages live under /<lang>/.
LANGS = ("nb", "en")
DEFAULT = LANGS[0]
#: The language attribute (HTML `lang`, `hreflang`) of each language.
HTML_LANG = {"nb": "nb", "en": "en"}


@dataclass(frozen=True)
class Catalogue:
    """The interface's words in one language."""

    lang: str
    words: Mapping[str, str]

    def t(self, key: str, /, **fields: Any) -> str:
        """The text of `key`, with `fields` filled in. A key that is not in the catalogue is a KeyError: a
        template with a misspelt key fails the build instead of showing the key."""
        text = self.words[key]
        return text.format(**fields) if fields else text


@cache
def catalogue(lang: str) -> Catalogue:
    """The catalogue of `lang` (read once per process)."""
    import yaml  # here, not at the top: `plan --help` reads the clock (core/dates) and must not load YAML

    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}")
    path = TEMPLATES / "locale" / f"{lang}.yaml"
    # libyaml's loader when PyYAML has it (ten times quicker: the catalogue is read at import by the verdicts' rule)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    words = yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {}
    return Catalogue(lang, {str(k): str(v) for k, v in words.items()})
