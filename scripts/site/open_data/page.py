"""What the «Åpne data» page (pages/open-data.md.jinja) is made from: the tables and models it describes, the licence,
the interface's words in the page's language (keys «open_data.…» in scripts/templates/locale/), and where the data
files are from the page.

The data files are made once, in Norwegian, at the site's root (data/, schema/). The Norwegian page links to them
as Markdown (MkDocs checks and rewrites those links); the English page, built under /en/ by a second MkDocs build
that has no data files, links to the root's with plain HTML addresses that climb out of /en/ (``root``), which
MkDocs leaves as they are and the build's link check follows."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from schema import Plan
from scripts.present.i18n import DEFAULT, catalogue
from scripts.present.licence import licence
from scripts.site.open_data import OPEN_DATA_MODELS, TABLES


#: The page's address under its language's root (dcat.LANDING_PAGE says the same; dcat is not imported here: rdflib
#: is slow to import, and a build that finds the data files in its cache needs it not).
PAGE_ADDRESS = "apne-data/"


def page_context(plan: Plan, options: Any, page_address: str = PAGE_ADDRESS) -> Mapping[str, Any]:
    """The page's context for `options.lang`; `page_address` is the page's address under its language's root."""
    lang = getattr(options, "lang", DEFAULT)
    words = catalogue(lang)
    return {
        "models": OPEN_DATA_MODELS,
        "tables": TABLES,
        "type_names": {kind: words.t(f"open_data.type.{kind}") for kind in TYPE_KINDS},
        "licence": licence(plan),
        "t": words.t,
        "lang": lang,
        "root": data_root(lang, page_address),
    }


#: The column types the page names (tables.ColumnType).
TYPE_KINDS = ("string", "integer", "number", "boolean", "date", "year")


def data_root(lang: str, page_address: str) -> str:
    """«» for the Norwegian page (Markdown links from the docs' root), else the way from the page up to the site's
    root: «../../» from en/apne-data/."""
    if lang == DEFAULT:
        return ""
    return "../" * (page_address.count("/") + 1)
