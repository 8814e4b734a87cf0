"""How easy a page's text is to read: LIX, Björnsson's readability index, which Språkrådet uses for Norwegian.

    python -m scripts.dev.readability SITE [PAGE.html ...]

LIX = words per sentence + 100 × long words per word, where a long word has more than six letters. Under 30 is
very easy, 30–40 easy (children's books, popular fiction), 40–50 medium (newspapers), 50–60 hard (official
documents), over 60 very hard. Here:

* a *word* is a run of letters (a number, «1 700 000 kr», is no word; «kr» is);
* a *sentence* ends with «.», «:», «!» or «?» followed by a space, or with the end of a block of text (a heading,
  a paragraph, a list item, a table cell, a term or its description), since a heading or a cell is read as one;
* the text is what a reader sees in the page's main content (``<article>``), less tables (figures and names, no
  sentences), charts (their text alternative is read on its own), scripts, styles and what only a screen reader
  reads (``visually-hidden``).

Prints each page's LIX and the average over the pages; ``tests/test_readability.py`` keeps the front page and the
measure pages of the shipped plan under :data:`LIMIT`.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

#: The highest average LIX the front page and the measure pages may have: «medium», a newspaper.
LIMIT = 45.0
#: More letters than this make a long word.
LONG_WORD = 6

WORD = re.compile(r"[^\W\d_]+")
SENTENCE_END = re.compile(r"[.:!?]+(?=\s|$)")
#: The elements whose end ends a sentence.
BLOCKS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "figcaption", "div", "br"})
#: The elements whose text no one reads as running text: a chart's text is its own, short alternative, and a
#: table's cells are figures and names, no sentences (each cell counted as one would flatter the index).
SKIPPED = frozenset({"svg", "script", "style", "template", "noscript", "table", "dl"})
VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col", "area", "embed", "track"})


@dataclass(frozen=True)
class Readability:
    """The counts LIX is made of, for one text or several added up."""

    words: int
    sentences: int
    long_words: int

    @property
    def lix(self) -> float:
        """Words per sentence plus the per cent of long words (0 for a text without words)."""
        if self.words == 0:
            return 0.0
        return self.words / max(self.sentences, 1) + 100 * self.long_words / self.words

    def __add__(self, other: Readability) -> Readability:
        return Readability(
            self.words + other.words, self.sentences + other.sentences, self.long_words + other.long_words
        )


def readability(blocks: Iterable[str]) -> Readability:
    """The counts of some blocks of text, each of which ends a sentence (see the module's rules)."""
    total = Readability(0, 0, 0)
    for block in blocks:
        words = WORD.findall(block)
        if not words:
            continue
        inner = len(SENTENCE_END.findall(block.rstrip()))
        ends_itself = SENTENCE_END.search(block.rstrip()[-1:] + " ") is not None
        sentences = inner if ends_itself else inner + 1
        total += Readability(len(words), sentences, sum(len(w) > LONG_WORD for w in words))
    return total


def lix(text: str) -> float:
    """LIX of a plain text, one block (a paragraph)."""
    return readability([text]).lix


class _MainText(HTMLParser):
    """The blocks of visible text inside a page's <article>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._current: list[str] = []
        self._stack: list[tuple[str, bool]] = []  # (tag, hidden)
        self._article = 0

    def _hidden(self) -> bool:
        return any(hidden for _, hidden in self._stack)

    def _end_block(self) -> None:
        text = " ".join("".join(self._current).split())
        if text:
            self.blocks.append(text)
        self._current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCKS:
            self._end_block()
        if tag in VOID:
            return
        classes = (dict(attrs).get("class") or "").split()
        hidden = tag in SKIPPED or "visually-hidden" in classes or dict(attrs).get("aria-hidden") == "true"
        self._stack.append((tag, hidden))
        self._article += tag == "article"

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCKS:
            self._end_block()
        if not any(t == tag for t, _ in self._stack):
            return
        while self._stack:
            name, _ = self._stack.pop()
            self._article -= name == "article"
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._article > 0 and not self._hidden():
            self._current.append(data)


def main_text(html: str) -> list[str]:
    """The blocks of visible text in a page's main content (its <article>)."""
    parser = _MainText()
    parser.feed(html)
    parser.close()
    parser._end_block()
    return parser.blocks


def page_readability(page: Path) -> Readability:
    return readability(main_text(page.read_text(encoding="utf-8")))


def average_lix(pages: Sequence[Path]) -> float:
    """The average of the pages' LIX, each page counting once."""
    return sum(page_readability(p).lix for p in pages) / len(pages)


def plan_pages(site: Path) -> list[Path]:
    """The front page and every measure page of a built site."""
    return [site / "index.html", *sorted(p for p in (site / "tiltak").glob("*/index.html"))]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="LIX (lesbarhetsindeks) for sidene i et bygd nettsted.")
    parser.add_argument("site", type=Path, help="mappen med det bygde nettstedet")
    parser.add_argument("pages", nargs="*", type=Path, help="sider å måle (standard: forsiden og tiltakssidene)")
    args = parser.parse_args(argv)
    pages = [args.site / p for p in args.pages] or plan_pages(args.site)
    for page in pages:
        counts = page_readability(page)
        print(f"{counts.lix:5.1f}  {counts.words:5d} ord  {page.relative_to(args.site)}")
    print(f"{average_lix(pages):5.1f}  i snitt over {len(pages)} sider (grense {LIMIT:g})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
