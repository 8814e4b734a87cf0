"""A built site on localhost as a host serves it: the security headers of its ``_headers`` file, and text files
gzipped when the browser accepts it (Lighthouse's «text compression» and its timings count the bytes on the wire)."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

#: The types a host compresses (GitHub Pages, Netlify): text, never images or fonts already compressed.
COMPRESSED = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


Rules = tuple[tuple[str, tuple[tuple[str, str], ...]], ...]


def header_rules(site: Path) -> Rules:
    """Each rule of the site's ``_headers`` file in its order: the path pattern and its headers."""
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    for line in (site / "_headers").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), []))
        elif rules:
            name, _, value = line.partition(":")
            rules[-1][1].append((name.strip(), value.strip()))
    return tuple((pattern, tuple(headers)) for pattern, headers in rules)


def matches(pattern: str, path: str) -> bool:
    """Whether a _headers path pattern («/*», «/embed/*», «/kontakt/») covers the address `path`."""
    path = urlsplit(path).path
    return path.startswith(pattern[:-1]) if pattern.endswith("*") else path == pattern


def site_headers(site: Path) -> list[tuple[str, str]]:
    """The headers of the site's ``_headers`` file that every page gets (its rule ``/*``)."""
    return [header for pattern, headers in header_rules(site) if pattern == "/*" for header in headers]


@functools.cache
def _path_rules(folder: str) -> Rules:
    """The rules of a served folder's _headers file for some paths only (not ``/*``), read once."""
    site = Path(folder)
    return tuple(rule for rule in header_rules(site) if rule[0] != "/*") if (site / "_headers").is_file() else ()


class HeaderHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder quietly, as a host would that reads the site's _headers file (Netlify, Cloudflare Pages):
    :attr:`headers_to_send` on every answer, and, when there are any, the headers of the file's rules for some
    paths (the embeds') on the answers for those paths, after them (as Cloudflare Pages joins them). The tests'
    server (tests/conftest.py) is this one."""

    headers_to_send: ClassVar[list[tuple[str, str]]] = []

    def end_headers(self) -> None:
        for name, value in self.headers_to_send:
            self.send_header(name, value)
        if self.headers_to_send:
            for pattern, headers in _path_rules(self.directory):
                for name, value in headers if matches(pattern, self.path) else ():
                    self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


class GzipHandler(HeaderHandler):
    """A :class:`HeaderHandler` that gzips text for a browser that accepts it."""

    def send_head(self):  # type: ignore[no-untyped-def]  # the standard library's own signature is untyped
        path = self._compressible()
        if path is None:
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(http.HTTPStatus.OK)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def _compressible(self) -> Path | None:
        """The file asked for, when it is text and the browser accepts gzip (not a folder's address without its
        slash: the standard handler redirects that)."""
        if "gzip" not in self.headers.get("Accept-Encoding", ""):
            return None
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return None
            path = path / "index.html"
        return path if path.is_file() and self.guess_type(str(path)).startswith(COMPRESSED) else None


@contextlib.contextmanager
def serving(site: Path) -> Iterator[str]:
    """Serve ``site`` on a free port of localhost, gzipped, with its _headers; yields the front page's address."""
    GzipHandler.headers_to_send = site_headers(site)
    with served(GzipHandler, site) as url:
        yield url


@contextlib.contextmanager
def served(handler: type[http.server.SimpleHTTPRequestHandler], folder: Path, host: str = "127.0.0.1") -> Iterator[str]:
    """Serve ``folder`` with ``handler`` on a free port of localhost; yields its address under the name ``host``
    (another name for the same machine is another origin to a browser)."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
