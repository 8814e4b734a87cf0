"""Plain language: LIX (Björnsson's readability index, which Språkrådet uses) of the text a reader sees.

LIX = words per sentence + 100 × words of more than six letters per word. The front page and the measure pages of
the built site read, on average, under 45 (a newspaper): the test prints each page's LIX and the average. The site
is the small test plan's, so an editorial change to plan/ cannot turn this red; `python -m scripts.dev.readability
SITE` measures any built site (the shipped plan's as well).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.dev.readability import LIMIT, Readability, average_lix, lix, main_text, page_readability, plan_pages
from scripts.dev.readability import readability as counts


def test_lix_is_words_per_sentence_plus_the_per_cent_of_long_words() -> None:
    # 6 words, 2 sentences, no word over six letters («Katten» has six).
    assert lix("Katten sitter på matta. Hunden sover.") == pytest.approx(3.0)
    # 5 words, 1 sentence, 2 long words («Tiltaket», «planlagt»): 5 + 40.
    assert lix("Tiltaket er planlagt av oss") == pytest.approx(5 + 100 * 2 / 5)


def test_a_number_is_no_word_and_a_block_of_text_ends_a_sentence() -> None:
    assert counts(["Til sammen 1 700 000 kr."]) == Readability(words=3, sentences=1, long_words=0)
    assert counts(["Status og fremdrift", "Ingen oppdateringer ennå."]) == Readability(6, 2, 2)
    assert counts(["Sentence: with a colon! And more?"]).sentences == 3
    assert counts(["1.1.2", ""]) == Readability(0, 0, 0)


def test_the_text_is_the_visible_running_text_of_the_main_content() -> None:
    html = """<html><body><nav><p>Meny med mange lange navigasjonsord</p></nav>
    <article><h1>Tittel</h1><p>Første setning. <span class="visually-hidden">skjult</span>Andre</p>
    <svg><title>Diagram</title></svg><table><tr><td>Sum</td></tr></table>
    <dl><dt>Status</dt><dd>Planlagt</dd></dl><script>var x;</script><ul><li>Punkt</li></ul></article>
    <footer><p>Bunntekst</p></footer></body></html>"""
    assert main_text(html) == ["Tittel", "Første setning. Andre", "Punkt"]


@pytest.mark.slow
def test_the_front_page_and_the_measure_pages_read_on_average_under_45(built_site: Path) -> None:
    pages = plan_pages(built_site)
    assert len(pages) > 2 and pages[0].name == "index.html"
    for page in pages:
        each = page_readability(page)
        assert each.words > 50, f"{page}: for lite tekst til å måle"
        print(f"LIX {each.lix:.1f} ({each.words} ord): {page.relative_to(built_site)}")
    average = average_lix(pages)
    print(f"LIX i snitt over {len(pages)} sider: {average:.1f} (grense {LIMIT:g})")
    assert average < LIMIT
