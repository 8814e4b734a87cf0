"""The site's own stylesheets as one file: every page linked the six files of ``extra_css`` (mkdocs.yml) one by one,
each a request that holds back the first paint on a phone (Lighthouse: render-blocking resources). The build joins
them, in their order, into ``stylesheets/site.HASH.css`` (the hash of its text: a changed style sheet gets a new
address, so a browser never keeps an old one) and the pages link that file instead. The files themselves stay in
the site, as written (a page may still link one of its own, as «Alle tiltak» does with noscript.css).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

FOLDER = "stylesheets"


@dataclass(frozen=True)
class Bundle:
    """The stylesheet links of every page (``extra_css``) and the generated file they point at."""

    links: list[str]
    files: dict[str, str]


def one_stylesheet(docs_dir: Path, extra_css: list[str]) -> Bundle:
    """One stylesheet made of the local files of ``extra_css`` (those in ``docs_dir``), in order, each after a
    comment naming it; a link that is no file in ``docs_dir`` stays as it is, after it."""
    local = [path for path in extra_css if (docs_dir / path).is_file()]
    if len(local) < 2:
        return Bundle(list(extra_css), {})
    text = "".join(f"/* {path} */\n{(docs_dir / path).read_text(encoding='utf-8').strip()}\n" for path in local)
    name = f"{FOLDER}/site.{hashlib.sha256(text.encode('utf-8')).hexdigest()[:10]}.css"
    return Bundle([name, *(path for path in extra_css if path not in local)], {name: text})
