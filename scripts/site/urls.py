"""Addresses in the built site: the URL of a Markdown page (directory URLs) and relative links between pages."""

from __future__ import annotations

import posixpath
from functools import cache


def url_of(markdown_path: str) -> str:
    """The address of a page in the built site (directory URLs), relative to the site root."""
    if markdown_path == "index.md":
        return ""
    if markdown_path.endswith("/index.md"):
        return markdown_path[: -len("index.md")]
    return markdown_path[: -len(".md")] + "/"


@cache
def relpath(target: str, start: str) -> str:
    """posixpath.relpath, remembered: the pages link to the same few folders thousands of times, and
    relpath is slow (it makes both paths absolute, asking the operating system for the working folder)."""
    return posixpath.relpath(target, start)


def html_href(target: str, current: str) -> str:
    """A link from one page to another for raw HTML (MkDocs only rewrites Markdown links)."""
    here = url_of(current)
    relative = relpath(url_of(target) or ".", here or ".")
    return "./" if relative == "." else relative + "/"

