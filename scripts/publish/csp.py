"""The Content-Security-Policy of the site: everything from the site's own host, no inline script except the few
the theme writes into each page (allowed by their hashes), nothing from anywhere else.

Each page gets the policy as a ``<meta http-equiv>`` (GitHub Pages cannot send headers); for hosts that can, the
build writes ``_headers`` with the same policy for the whole site and :data:`HEADER_EXTRA`, which a meta element
cannot carry.
"""

from __future__ import annotations

import base64
import hashlib
import re

# 'unsafe-inline' for styles only: Python-Markdown writes table alignment as style attributes, and styles cannot
# run code; text from the plan never brings style attributes or elements (nh3 removes them).
DIRECTIVES = {
    "default-src": "'none'",
    "script-src": "'self'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "frame-src": "'self'",
    "worker-src": "'self'",
    "manifest-src": "'self'",
    "base-uri": "'none'",
    "form-action": "'none'",
    "object-src": "'none'",
}
# Only possible as an HTTP header: no other site may show ours in a frame. The embeds (site/embeds.py) may be framed
# by the sites plan.yaml lists: a host joins the headers of every rule a path matches (Cloudflare Pages), or lets the
# later rule win (Netlify), so the site-wide rule says it with X-Frame-Options, which a browser ignores where a
# policy has frame-ancestors (HTML standard), and the embeds' rule adds a policy with their frame-ancestors.
HEADER_EXTRA: dict[str, str] = {}
FRAME_OPTIONS = "DENY"

INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
CHARSET = '<meta charset="utf-8">'


def script_hashes(page_html: str) -> set[str]:
    """The hash source of each inline script in a page, as the policy names it («'sha256-…'»)."""
    return {_hash(script) for script in INLINE_SCRIPT.findall(page_html)}


def policy(page_html: str, header: bool = False, hashes: set[str] | None = None) -> str:
    """The policy for one page: the directives, with the hash of each inline script in the page (or `hashes`)."""
    directives = {**DIRECTIVES, **(HEADER_EXTRA if header else {})}
    found = script_hashes(page_html) if hashes is None else hashes
    directives["script-src"] = " ".join([directives["script-src"], *sorted(found)])
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def add_policy(page_html: str) -> str:
    """The page with its policy as the first element after the character set, before any script."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(page_html)}">'
    return page_html.replace(CHARSET, f"{CHARSET}\n    {meta}", 1)


HEADERS_FILE = "_headers"


def headers_file(hashes: set[str], framed: tuple[str, str] | None = None) -> str:
    """The HTTP headers for every page, in the _headers format that Netlify and Cloudflare Pages read (GitHub
    Pages cannot send headers and serves the file as it is): the policy with `hashes` (those of the inline
    scripts of all pages), no framing by other sites, and, with `framed` (a path pattern and its
    «frame-ancestors …» directive), a second policy for the pages other sites may frame (the embeds)."""
    policies = policy("", header=True, hashes=hashes)
    text = (
        "# Sikkerhetshoder for nettstedet, laget av «plan build». Se sikkerhet/ for hva de betyr.\n"
        "/*\n"
        f"  Content-Security-Policy: {policies}\n"
        f"  X-Frame-Options: {FRAME_OPTIONS}\n"
        "  X-Content-Type-Options: nosniff\n"
        "  Referrer-Policy: strict-origin-when-cross-origin\n"
    )
    if framed is not None:
        pattern, directive = framed
        text += f"{pattern}\n  Content-Security-Policy: {directive}\n"
    return text


def _hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"
