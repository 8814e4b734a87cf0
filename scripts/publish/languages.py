"""The site in more than one language: the plan's own language (bokmål) at the site's root, and each other language
(English) as a second MkDocs build of the same validated plan into ``<site>/<lang>/``, with the same page paths
(``en/tiltak/1-1-1/``).

What this module decides, for both builds:

* which pages the other edition has (:func:`other_edition_pages`): every page but the editors' guide and the
  history of the adopted editions, which are made only in bokmål (their registry rows' providers are not wired in);
* each page's alternates (:class:`Alternates`): the ``hreflang`` links both ways on a page made in both languages,
  ``x-default`` the bokmål page, and the language switch, which leads to the same page in the other language, or
  to the other edition's front page from a page made in one language only;
* the other edition's MkDocs configuration (:func:`configure`): Material's interface language, the search plugin's
  language (its own index under ``en/search/``), ``site_url`` + ``en/``;
* the links of the other edition to what only the bokmål site has (:class:`SharedLinks`): the open data, the PDFs,
  the feeds, the guide and the history pages are made once, at the root, and an English page's link to one of
  them is rewritten to lead there.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import os
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from schema import Plan
from scripts.pdf import document as pdf
from scripts.present.i18n import DEFAULT, HTML_LANG, LANGS, catalogue, localized
from scripts.present.lookups import SiteOptions
from scripts.publish.pdfs import PdfJob
from scripts.site.footer import pdf_path
from scripts.site.urls import url_of


def hand_written(docs: Path, src_uri: str, lang: str) -> Path | None:
    """The other edition's own version of a hand-written page of docs/ (docs/en/om-planen.md for om-planen.md),
    when there is one; mkdocs.yml's `exclude_docs` keeps docs/en/ out of the bokmål build."""
    path = docs / lang / src_uri
    return path if lang != DEFAULT and path.is_file() else None


@dataclass(frozen=True)
class Language:
    """Which edition a build makes: `lang` (the plan's own, «nb», at the site's root, or another under /<lang>/),
    and `editions`, every language `plan build` makes (a plain `mkdocs build` or the live preview: only one, and
    then no page links to another). `root_site` is, for another language, the folder the bokmål site was built
    into, whose files its links may lead to."""

    lang: str = DEFAULT
    editions: tuple[str, ...] = (DEFAULT,)
    root_site: Path | None = None

    @property
    def is_root(self) -> bool:
        return self.lang == DEFAULT

    @property
    def others(self) -> tuple[str, ...]:
        return tuple(lang for lang in self.editions if lang != self.lang)


def pdf_name(lang: str) -> str:
    """The file name of the plan's PDF in a language: «naeringsplan.pdf», «naeringsplan-en.pdf»."""
    return posixpath.basename(pdf_path(lang))


def pdf_jobs(plan: Plan, options: SiteOptions, langs: Iterable[str], *, data_hash: str) -> list[PdfJob]:
    """The plan's PDF in each other language, made by the root edition's build beside its own PDFs (under the
    root site's pdf/): another edition's build makes none, and redoes none of the bokmål ones."""
    jobs = []
    for lang in langs:
        translated = dataclasses.replace(options, lang=lang)
        html = functools.partial(pdf.plan_html, plan, translated, lang=lang)
        jobs.append(PdfJob(pdf_name(lang), html, f"{data_hash}\0{translated!r}\0{lang}"))
    return jobs


def edition_url(site_url: str | None, lang: str) -> str | None:
    """The address of an edition: the site's for bokmål, with «<lang>/» added for another language."""
    if not site_url or lang == DEFAULT:
        return site_url
    return site_url.rstrip("/") + f"/{lang}/"


def configure(config: Any, lang: str) -> None:
    """An MkDocs configuration (after load_config) made for the edition in `lang` (not the plan's own): Material's
    words and `<html lang>` in that language, the search plugin's stemmer, the address under /<lang>/, and a link
    to a page that only the bokmål site has is no warning here (:class:`SharedLinks` rewrites it, and the link check
    reads the result)."""
    config.theme["language"] = lang
    for name in ("material/search", "search"):
        if name in config.plugins:
            config.plugins[name].config.lang = [lang]
    config["site_url"] = edition_url(config.get("site_url"), lang)
    config.validation.links.not_found = logging.INFO


def name_site(config: Any, plan: Plan, lang: str) -> None:
    """The edition's name and description in its language: the plan's title (its translation, else the Norwegian)
    in the header, the page titles and the link previews; the description from the catalogue."""
    config["site_name"] = localized(plan.plan, "title", lang).text
    config["site_description"] = catalogue(lang).t("site.description")


def other_edition_pages(made: Iterable[str], hand_written: Iterable[str]) -> frozenset[str]:
    """The Markdown paths of the pages every edition has: the pages the registry makes without its providers
    (`made`), and the hand-written pages of docs/."""
    return frozenset(made) | frozenset(hand_written)


@dataclass(frozen=True)
class Link:
    """A link to a page in another language: its address, the language, and the link text (in that language)."""

    href: str
    hreflang: str
    text: str = ""


@dataclass(frozen=True)
class PageAlternates:
    """What the theme writes for one page: the `hreflang` links (none for a page in one language only) and the
    language switches (one per other language)."""

    hreflang: tuple[Link, ...]
    switches: tuple[Link, ...]


@dataclass(frozen=True)
class Alternates:
    """Each page's alternates in one edition (`language`), given the pages every edition has (`shared`) and the
    root site's address (`site_url`, without /<lang>/; None: relative `hreflang` links)."""

    language: Language
    shared: frozenset[str]
    site_url: str | None
    _made: dict[str | None, PageAlternates] = field(default_factory=dict, compare=False, repr=False)

    def __call__(self, src_uri: str | None) -> PageAlternates:
        """The alternates of the page made from `src_uri` (None: the 404 page, which has only the switches)."""
        if src_uri not in self._made:
            self._made[src_uri] = self._of(src_uri)
        return self._made[src_uri]

    def _of(self, src_uri: str | None) -> PageAlternates:
        both = src_uri is not None and src_uri in self.shared
        address = url_of(src_uri) if both and src_uri is not None else ""
        up = "../" * (_depth(url_of(src_uri)) if src_uri is not None else 0)
        root = up if self.language.is_root else up + "../"  # this page → the root site
        # The 404 page is served at any depth: its switch leads to the other edition's address from site_url.
        switches = tuple(
            Link(
                self._absolute(lang, "", root) if src_uri is None else root + _prefix(lang) + address,
                HTML_LANG[lang],
                catalogue(lang).t("lang.switch"),
            )
            for lang in self.language.others
        )
        if not both or not switches:
            return PageAlternates((), switches)
        links = [Link(self._absolute(lang, address, root), HTML_LANG[lang]) for lang in self.language.editions]
        links.append(Link(self._absolute(DEFAULT, address, root), "x-default"))
        return PageAlternates(tuple(links), switches)

    def _absolute(self, lang: str, address: str, root: str) -> str:
        if self.site_url:
            return self.site_url.rstrip("/") + "/" + _prefix(lang) + address
        return (root + _prefix(lang) + address) or "./"


def _prefix(lang: str) -> str:
    return "" if lang == DEFAULT else f"{lang}/"


def _depth(address: str) -> int:
    return address.count("/")


LINK_ATTRIBUTE = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
#: An address with a scheme (https:, mailto:, data:), which leads outside the site.
SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")
#: Where a link's query or anchor begins.
TAIL = re.compile(r"[?#]")


class SharedLinks:
    """Rewrites a page of another edition so that its links to what only the root site has (the open data, the
    PDFs, the feeds, the editors' guide, the history) lead there. A link is left alone when its target exists in
    this edition. Markdown links that MkDocs could not resolve here are left as written, relative to the page's
    Markdown file; raw HTML links are relative to the page's address: both are tried."""

    def __init__(self, root_site: Path, own: Iterable[str]) -> None:
        self.own = frozenset(own)
        #: Whether a target (normalised, from this edition's root) is a file of this edition: the pages' menus
        #: link the same few targets from every page.
        self.found: dict[str, bool] = {}
        self.root = frozenset(_files(root_site, skip={lang for lang in LANGS if lang != DEFAULT}))

    def rewrite(self, page_html: str, src_uri: str) -> str:
        address = url_of(src_uri)
        folder, source_folder = address.rstrip("/"), posixpath.dirname(src_uri)
        up = "../" * (_depth(address) + 1)

        def link(match: re.Match[str]) -> str:
            target = self._root_target(match.group(2), folder, source_folder)
            return match.group(0) if target is None else f"{match.group(1)}{up}{target}{match.group(3)}"

        return LINK_ATTRIBUTE.sub(link, page_html)

    def _own(self, target: str) -> bool:
        found = self.found.get(target)
        if found is None:
            found = self.found[target] = target in self.own or _existing(target, self.own) is not None
        return found

    def rewrite_absolute(self, page_html: str, own_path: str, root_path: str) -> str:
        """The 404 page, whose links are absolute paths (this edition's `own_path` from site_url): a link to what
        only the root site has leads to it under `root_path`."""

        def link(match: re.Match[str]) -> str:
            value = match.group(2)
            if not value.startswith(own_path):
                return match.group(0)
            target = self._root_target(value.removeprefix(own_path), "", "")
            return match.group(0) if target is None else f"{match.group(1)}{root_path}{target}{match.group(3)}"

        return LINK_ATTRIBUTE.sub(link, page_html)

    def _root_target(self, link: str, folder: str, source_folder: str) -> str | None:
        """The link as a path from the root site, when it leads to a file only the root site has."""
        if not link or link[0] in "#/" or SCHEME.match(link):
            return None
        cut = TAIL.search(link)
        path, tail = (link[: cut.start()], link[cut.start() :]) if cut else (link, "")
        if not path:
            return None
        here = posixpath.normpath(posixpath.join(folder, path))
        if self._own(here):
            return None
        for base in (folder, source_folder):
            target = here if base == folder else posixpath.normpath(posixpath.join(base, path))
            if target.endswith(".md"):
                target = url_of(target) or "."
            found = _existing(target, self.root)
            if found is not None:
                return found + tail
        return None


def _existing(target: str, files: frozenset[str]) -> str | None:
    """`target` as written when it is a file of `files`, or a folder with an index.html; else None."""
    target = target.removeprefix("./")
    if target.startswith("../"):
        return None
    if target in files:
        return target
    index = posixpath.join(target, "index.html") if target != "." else "index.html"
    if index in files:
        return "" if target == "." else target.rstrip("/") + "/"
    return None


def _files(site: Path, skip: set[str]) -> Iterable[str]:
    for folder, folders, names in os.walk(site):
        relative = Path(folder).relative_to(site).as_posix()
        if relative == ".":
            folders[:] = [f for f in folders if f not in skip]
            yield from names
        else:
            yield from (f"{relative}/{name}" for name in names)
