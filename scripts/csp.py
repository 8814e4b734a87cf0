"""The Content-Security-Policy of the site: everything from the site's own host, no inline script except the few
the theme writes into each page (allowed by their hashes), nothing from anywhere else.

Each page gets the policy as a ``<meta http-equiv>`` (GitHub Pages cannot send headers); a host that can send
headers should send :data:`HEADER_EXTRA` as well, which a meta element cannot carry.
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
    "worker-src": "'self'",
    "manifest-src": "'self'",
    "base-uri": "'none'",
    "form-action": "'none'",
    "object-src": "'none'",
}
# Only possible as an HTTP header: no other site may show ours in a frame.
HEADER_EXTRA = {"frame-ancestors": "'none'"}

INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
CHARSET = '<meta charset="utf-8">'


def policy(page_html: str, header: bool = False) -> str:
    """The policy for one page: the directives, with the hash of each inline script in the page."""
    hashes = sorted({_hash(script) for script in INLINE_SCRIPT.findall(page_html)})
    directives = {**DIRECTIVES, **(HEADER_EXTRA if header else {})}
    directives["script-src"] = " ".join([directives["script-src"], *hashes])
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def add_policy(page_html: str) -> str:
    """The page with its policy as the first element after the character set, before any script."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(page_html)}">'
    return page_html.replace(CHARSET, f"{CHARSET}\n    {meta}", 1)


def _hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"
