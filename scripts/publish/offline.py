"""A copy of the site to open from disk (`plan build --offline`): the preview an editor downloads from a pull
request, unzips and opens by double-clicking `index.html`.

Opened from disk (a file:// address), a browser shows a link to a folder as a listing of the folder's files, not
its `index.html`, and cannot start the web worker Material's search runs in. So the offline build

- makes every link between pages end in `index.html` (:func:`rewrite_links`, after MkDocs and before the link
  check, which then also fails on any link left pointing at a folder);
- turns search off (Material's search plugin, `enabled: false`: no search field, no worker, no index) and instant
  navigation (which fetches each page with a request that file:// does not allow), and says on every page, in the
  theme's announcement bar (`main.html`, block `announce`), that search works only on the web.

Why not Material's own `offline` plugin: it makes search work from disk with a script it adds from unpkg.com
(the site loads nothing from elsewhere, and the Content-Security-Policy would block it), and it switches MkDocs to
`use_directory_urls: false`, which changes every page's address (`tiltak/1-1-1.html`) and breaks the links the
page templates write in raw HTML. Rewriting the built links keeps the pages where they are on the web.
"""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from scripts.publish.links import LINKING_TAGS, TAG

#: What every page of the offline copy says above its content.
NOTICE = "Søket virker bare på nettet. Denne kopien av nettstedet er laget for å åpnes fra disk."
#: The key of MkDocs' `extra` that carries the notice to the theme.
EXTRA_KEY = "offline_notice"

LINK_ATTRIBUTE = re.compile(r'(\s(?:href|src|xlink:href)=")([^"]*)(")')


def configure(config: Any) -> None:
    """An MkDocs configuration (after load_config) made for opening from disk: no instant navigation, no search,
    the notice on every page."""
    config.theme["features"] = [feature for feature in config.theme["features"] if feature != "navigation.instant"]
    for name in ("material/search", "search"):
        if name in config.plugins:
            config.plugins[name].config.enabled = False
    config.extra[EXTRA_KEY] = NOTICE


def rewrite_links(site: Path) -> int:
    """Make every relative link in the built `site` that leads to a folder lead to the folder's `index.html`,
    keeping its query and anchor. Returns the number of pages changed."""
    folders = {path.parent.relative_to(site).as_posix() for path in site.rglob("index.html")}
    changed = 0
    for page in sorted(site.rglob("*.html")):
        folder = page.parent.relative_to(site).as_posix()
        text = page.read_text(encoding="utf-8")

        def tag(match: re.Match[str], folder: str = folder) -> str:
            if match.group(1).lower() not in LINKING_TAGS or not match.group(2):
                return match.group(0)
            return LINK_ATTRIBUTE.sub(
                lambda a: a.group(1) + to_file(a.group(2), folder, folders) + a.group(3), match[0]
            )

        rewritten = TAG.sub(tag, text)
        if rewritten != text:
            page.write_text(rewritten, encoding="utf-8")
            changed += 1
    return changed


def to_file(link: str, folder: str, folders: set[str]) -> str:
    """The link (as written in the attribute, HTML-escaped) from a page in `folder` with `/index.html` added when
    it leads to one of `folders` (relative to the site, «.» for its root). Addresses with a scheme, absolute paths
    (only the 404 page has them, which a host shows) and links within the page are left alone."""
    address, hash_mark, anchor = link.partition("#")
    path, question_mark, query = address.partition("?")
    if not path or path.startswith("/") or ":" in path.split("/", 1)[0]:
        return link
    target = posixpath.normpath(posixpath.join(folder, unquote(html.unescape(path))))
    if target not in folders:
        return link
    return f"{path.rstrip('/')}/index.html{question_mark}{query}{hash_mark}{anchor}"
