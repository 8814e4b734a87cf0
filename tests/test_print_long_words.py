"""A word far too long for a line (5 000 letters pasted without a space) neither makes the PDF crawl nor runs off
the page: `document.breakable` cuts long runs of text into pieces WeasyPrint measures quickly, and print.css
breaks them between any two letters."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from tools import program

from conftest import VALID_PLAN
from schema import Plan
from scripts.pdf.document import LONG_RUN, breakable, running, write_pdf
from scripts.present.charts import SMALL, text_width, truncate
from scripts.validate.validator import validate_folder

WORD = "x" * 5000
MEASURES = "satsingsomrader/1-nettverk.yaml"
#: Where the word goes: a measure's title, its description and a status update's text.
FIELDS = {
    "tiltakets tittel": "title: Nettverk for logistikk",
    "tiltakets beskrivelse": "description: Et nettverk.",
    "statusoppdateringens tekst": "text: I gang.",
}


def plan_with_word(tmp_path: Path, line: str | None) -> Plan:
    folder = tmp_path / "plan"
    shutil.copytree(VALID_PLAN, folder)
    if line is not None:
        path = folder / MEASURES
        text = path.read_text(encoding="utf-8")
        assert line in text
        path.write_text(text.replace(line, f"{line} {WORD}", 1), encoding="utf-8")
    plan, problems = validate_folder(folder)
    assert plan is not None, problems
    return plan


def seconds(plan: Plan, out: Path) -> float:
    """The processor time the PDF takes (not the clock: other processes on the machine do not count)."""
    start = time.process_time()
    write_pdf(plan, out)
    return time.process_time() - start


@pytest.mark.slow
@pytest.mark.parametrize("field", FIELDS)
def test_a_word_of_5000_letters_costs_at_most_twice_the_time_and_is_broken_into_lines(
    field: str, tmp_path: Path
) -> None:
    normal = plan_with_word(tmp_path / "normal", None)
    seconds(normal, tmp_path / "warm.pdf")  # WeasyPrint's fonts and styles are loaded once per process
    usual = min(seconds(normal, tmp_path / f"normal-{n}.pdf") for n in range(2))
    long = plan_with_word(tmp_path / "long", FIELDS[field])
    taken = seconds(long, tmp_path / "long.pdf")
    assert taken <= 2 * usual, f"{field}: {taken:.2f} s mot {usual:.2f} s uten det lange ordet"
    text = subprocess.run(
        [program("pdftotext"), str(tmp_path / "long.pdf"), "-"], capture_output=True, text=True
    ).stdout
    runs = [len(run) for run in re.findall(r"x+", text)]
    assert sum(runs) >= len(WORD)  # the whole word is printed, not cut short
    assert max(runs) < 120  # and no line holds more of it than fits across the page


def test_a_long_run_of_text_is_cut_into_pieces_and_nothing_else_changes() -> None:
    html = f'<head><title>{WORD}</title></head><body class="b"><p title="{WORD}">kort tekst</p><p>{WORD}</p></body>'
    cut = breakable(html)
    assert cut.startswith(f"<head><title>{WORD}</title></head>")  # the head, tags and attributes stay
    assert f'<p title="{WORD}">kort tekst</p>' in cut
    pieces = re.findall(r'<span class="piece">(x+)</span>', cut)
    assert "".join(pieces) == WORD and max(map(len, pieces)) == LONG_RUN
    assert breakable("<body><p>kort tekst</p></body>") == "<body><p>kort tekst</p></body>"


def test_an_entity_or_a_combining_mark_is_never_split() -> None:
    run = "&amp;" * (LONG_RUN + 5) + "e\u0301" * LONG_RUN
    cut = breakable(f"<body><p>{run}</p></body>")
    assert re.sub(r"</?span[^>]*>", "", cut) == f"<body><p>{run}</p></body>"
    for piece in re.findall(r'<span class="piece">(.*?)</span>', cut):
        assert not piece.startswith(("amp;", "\u0301")) and not piece.endswith("&")


def test_the_running_header_shows_at_most_60_characters_of_a_title() -> None:
    assert running("1 Nettverk") == "1 Nettverk"
    assert running(f"1 {WORD}") == f"1 {WORD[:57]}…"
    assert running("Et langt navn på et satsingsområde som fortsetter og fortsetter videre") == (
        "Et langt navn på et satsingsområde som fortsetter og…"
    )


def test_a_chart_label_of_5000_letters_is_shortened_to_the_longest_beginning_that_fits() -> None:
    shown = truncate(WORD, SMALL, 300)
    assert shown.endswith("…") and text_width(shown, SMALL) <= 300 < text_width(shown[:-1] + "x…", SMALL)
