"""The last check before a site goes live: every link between the built pages leads to a file that exists, and
every anchor to an element on that page. MkDocs checks the links written in Markdown; this also covers the links
in text from the plan files, which reach the page as HTML that MkDocs does not look into."""

from __future__ import annotations

import functools
import html
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlparse

LINKING_TAGS = ("a", "link", "script", "img", "source", "iframe")


TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)(\s[^>]*)?>")
ATTRIBUTE = re.compile(r'\s(id|name|href|src|xlink:href)="([^"]*)"')


@dataclass
class Page:
    """The ids and the links of one HTML page, and the ids that occur twice."""

    ids: set[str] = field(default_factory=set)
    duplicates: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)


def parse(path: Path) -> Page:
    """Reads the start tags with a regular expression: ten times quicker than html.parser on these pages, and
    exact for them, because MkDocs, Python-Markdown and nh3 write every attribute value in double quotes and
    text never holds a literal «<» (it is written &lt;)."""
    page = Page()
    for match in TAG.finditer(path.read_text(encoding="utf-8")):
        tag, attributes = match.group(1).lower(), match.group(2)
        if not attributes:
            continue
        for name, raw in ATTRIBUTE.findall(attributes):
            value = html.unescape(raw)
            if name == "id" or (name == "name" and tag == "a"):
                if name == "id" and value in page.ids:
                    page.duplicates.append(value)
                page.ids.add(value)
            elif name in ("href", "src", "xlink:href") and value and tag in LINKING_TAGS:
                page.links.append(value)
    return page


def broken_links(site: Path, site_path: str = "/", *, folders: bool = True) -> list[str]:
    """Each link in the built `site` that leads nowhere, as «page: link (why)», in Norwegian. `site_path` is the
    path the site is published under (from site_url), which the 404 page uses for its addresses. With
    `folders=False` (a copy to open from disk, where a folder shows as a file listing) a relative link to a folder
    is broken too."""
    files = {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}
    pages = {name: parse(site / name) for name in sorted(files) if name.endswith(".html")}
    prefix = site_path.rstrip("/") + "/"
    broken = []
    for name, page in pages.items():
        folder = posixpath.dirname(name)
        for link in page.links:
            split = _split(link)
            if split is None:
                continue
            address, anchor = split
            if address.startswith("/"):
                target = address.removeprefix(prefix).lstrip("/")
            else:
                target = posixpath.join(folder, unquote(address)) if address else name
            target = posixpath.normpath(target)
            if target not in files:
                target = posixpath.join(target, "index.html").removeprefix("./")
                if not folders and target in files and not address.startswith("/"):
                    broken.append(f"{name}: lenken «{link}» fører til en mappe, ikke en fil, og virker ikke fra disk")
                    continue
            if target not in files:
                broken.append(f"{name}: lenken «{link}» fører til en side eller fil som ikke finnes")
            elif anchor and target in pages and unquote(anchor) not in pages[target].ids:
                broken.append(f"{name}: lenken «{link}» fører til et sted på siden som ikke finnes")
    return broken


@functools.cache
def _split(link: str) -> tuple[str, str] | None:
    """A link's address and anchor (None: it leads to another site); the menu's links repeat on every page."""
    if urlparse(link).scheme or link.startswith("//"):
        return None
    address, anchor = urldefrag(link)
    return address.partition("?")[0], anchor  # a query (the measure list's filters) is for the page's script
