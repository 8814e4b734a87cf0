"""What MkDocs makes of a page and takes long to make, kept between builds in ``.cache/pages/`` of the plan's
repository: the HTML of each page's Markdown (Markdown's conversion is a third of MkDocs' time for a plan of 1 000
measures) and each page's entries in the search index (Material's search plugin parses the HTML of every page
again). A build with nothing changed takes both from there.

Each is kept under a hash of everything it is made from:

* a page's HTML: its Markdown and its path, the edition's language (each edition has its own memo folder), the
  names of all the site's files (a link's target must exist), the
  configuration of the Markdown extensions, of the addresses (`use_directory_urls`) and of the link checks
  (`validation`), and the versions of MkDocs and the Markdown libraries. A page whose
  conversion logged a warning is never kept, so that a strict build fails again for the same page.
* a page's search entries: its address, title, metadata, table of contents and final HTML, the search plugin's
  settings and Material's version.

The memo is one file per kind, read when the build starts and written when it succeeds, holding only what that
build used: it never grows beyond one site.
"""

from __future__ import annotations

import copy
import hashlib
import logging
import pickle
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scripts.publish.pdfs import code_hash, write_atomically

#: The folder inside the cache folder of the repository.
FOLDER = "pages"
#: What a page's HTML depends on beyond its Markdown and the configuration.
MARKDOWN_LIBRARIES = ("mkdocs", "markdown", "pymdown-extensions")
#: What a page's search entries depend on beyond the page.
SEARCH_LIBRARIES = ("mkdocs-material",)


@dataclass
class Rendered:
    """What `Page.render` sets on a page, as kept."""

    content: str
    toc: Any
    title: str | None
    anchors: set[str]
    #: The links to anchors in other pages, by the linked file's path (MkDocs keys them by File).
    links: dict[str, dict[str, str]] | None


def _digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


class _Warnings(logging.Handler):
    """Counts the warnings MkDocs logs while it converts one page."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@dataclass
class Kept:
    """One kind of kept results: what was read when the build started and what this build used."""

    path: Path | None
    old: dict[str, Any] = field(default_factory=dict)
    used: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path | None) -> Kept:
        if path is None or not path.is_file():
            return cls(path)
        try:
            old = pickle.loads(path.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            old = {}  # a damaged memo is only slower: everything is made again
        return cls(path, old if isinstance(old, dict) else {})

    def get(self, key: str) -> Any:
        found = self.old.get(key)
        if found is not None:
            self.used[key] = found
        return found

    def write(self) -> None:
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(self.path, pickle.dumps(self.used, protocol=pickle.HIGHEST_PROTOCOL))


class PageMemo:
    """The kept HTML and search entries of the pages of one build of the edition in `lang`, in `folder` (None:
    nothing is kept)."""

    def __init__(self, folder: Path | None, config: Any, files: Any, lang: str = "nb") -> None:
        settings = ("markdown_extensions", "mdx_configs", "use_directory_urls", "validation")
        # The edition's language too: each edition keeps its own memo folder, and a page never takes the other's.
        markdown = repr([lang, *(config.get(name) for name in settings)])
        names = "\n".join(sorted(f.src_uri for f in files))
        self.markdown_salt = _digest(code_hash((), MARKDOWN_LIBRARIES), markdown, names)
        self.search_salt = ""
        self.html = Kept.read(folder / "html.pickle" if folder is not None else None)
        self.search = Kept.read(folder / "search.pickle" if folder is not None else None)

    def render(self, page: Any, config: Any, files: Any) -> None:
        """`Page.render` (Markdown to HTML) for `page`, from the memo when its Markdown was converted before."""
        key = _digest(self.markdown_salt, page.file.src_uri, page.markdown or "")
        kept: Rendered | None = self.html.get(key)
        if kept is None:
            kept = self._convert(page, config, files)
            if kept is None:
                return
            self.html.used[key] = kept
        page.content, page.toc, page._title_from_render = kept.content, copy.deepcopy(kept.toc), kept.title
        page.present_anchor_ids = set(kept.anchors)
        if kept.links is not None:
            found = ((files.get_file_from_path(path), links) for path, links in kept.links.items())
            page.links_to_anchors = {file: dict(links) for file, links in found if file is not None}

    @staticmethod
    def _convert(page: Any, config: Any, files: Any) -> Rendered | None:
        """MkDocs' own conversion; what it set, unless it warned."""
        warnings = _Warnings()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(warnings)
        try:
            type(page).render(page, config, files)
        finally:
            logger.removeHandler(warnings)
        if warnings.count:
            return None
        links = getattr(page, "links_to_anchors", None)
        kept_links = {f.src_uri: dict(v) for f, v in links.items()} if links is not None else None
        return Rendered(
            page.content,
            copy.deepcopy(page.toc),
            page._title_from_render,
            set(page.present_anchor_ids or ()),
            kept_links,
        )

    def search_index(self, index: Any) -> Any:
        """Material's search index `index`, made anew with the same settings, taking each page's entries from the memo
        when the page is as it was."""
        from material.plugins.search.plugin import SearchIndex  # type: ignore[import-untyped]

        memo = self
        self.search_salt = _digest(code_hash((), SEARCH_LIBRARIES), repr(sorted(index.config.items(), key=str)))

        class KeptSearchIndex(SearchIndex):  # type: ignore[misc]
            def add_entry_from_context(self, page: Any) -> None:
                key = memo.search_key(page)
                kept = memo.search.get(key)
                if kept is None:
                    start = len(self.entries)
                    super().add_entry_from_context(page)
                    memo.search.used[key] = copy.deepcopy(self.entries[start:])
                else:
                    self.entries.extend(copy.deepcopy(kept))

        return KeptSearchIndex(**index.config)

    def search_key(self, page: Any) -> str:
        meta = {name: page.meta.get(name) for name in ("search", "tags", "title")}
        toc = repr(list(_toc_lines(page.toc)))
        return _digest(self.search_salt, page.url, str(page.title), repr(meta), toc, page.content or "")

    def write(self) -> None:
        """Keep what this build used (and only that)."""
        self.html.write()
        self.search.write()


def _toc_lines(toc: Any) -> Iterator[tuple[str, str, int]]:
    for item in toc or ():
        yield str(item.title), str(item.url), int(item.level)
        yield from _toc_lines(item.children)
