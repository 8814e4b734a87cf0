"""The tools around Lighthouse (scripts/dev/lighthouse): the server gzips text as a host does, and the section of
BENCHMARKS.md that the Lighthouse script writes survives `make bench`, which writes the rest of the file again."""

from __future__ import annotations

import gzip
import urllib.request
from pathlib import Path

from scripts.dev.lighthouse.report import HEADING, section_of, with_section
from scripts.dev.lighthouse.serve import serving

HEADERS = "# Sikkerhetshoder\n/*\n  X-Content-Type-Options: nosniff\n"


def fetch(url: str, encoding: str | None) -> tuple[dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return dict(response.headers), response.read()


def a_site(folder: Path) -> Path:
    (folder / "_headers").write_text(HEADERS, encoding="utf-8")
    (folder / "tiltak").mkdir()
    (folder / "tiltak" / "index.html").write_text("<p>Alle tiltak</p>" * 50, encoding="utf-8")
    (folder / "logo.png").write_bytes(b"\x89PNG not text")
    return folder


def test_a_page_is_sent_gzipped_to_a_browser_that_accepts_it_with_the_sites_headers(tmp_path: Path) -> None:
    with serving(a_site(tmp_path)) as url:
        headers, body = fetch(url + "tiltak/", "gzip, deflate, br")
    assert headers["Content-Encoding"] == "gzip" and headers["X-Content-Type-Options"] == "nosniff"
    assert gzip.decompress(body).decode("utf-8") == "<p>Alle tiltak</p>" * 50


def test_a_page_is_sent_as_it_is_without_gzip_and_an_image_is_never_compressed(tmp_path: Path) -> None:
    with serving(a_site(tmp_path)) as url:
        page_headers, page = fetch(url + "tiltak/", None)
        image_headers, image = fetch(url + "logo.png", "gzip")
    assert "Content-Encoding" not in page_headers and page.decode("utf-8") == "<p>Alle tiltak</p>" * 50
    assert "Content-Encoding" not in image_headers and image == b"\x89PNG not text"


SECTION = f"{HEADING}\n\n| Side | Ytelse |\n| --- | --- |\n| Forsiden | 95 |\n"
BENCH = "# Ytelsesmåling\n\n## Nettstedet\n\nTall.\n\n## Profil\n\nProfil.\n"


def test_the_section_goes_before_the_profile_the_first_time_and_replaces_itself_after() -> None:
    first = with_section(BENCH, SECTION)
    assert first == f"# Ytelsesmåling\n\n## Nettstedet\n\nTall.\n\n{SECTION}\n## Profil\n\nProfil.\n"
    assert with_section(first, SECTION.replace("95", "91")) == first.replace("95", "91")


def test_make_bench_keeps_the_section_of_the_file_it_writes_again() -> None:
    old = with_section(BENCH, SECTION)
    assert with_section(BENCH.replace("Tall.", "Nye tall."), section_of(old)) == old.replace("Tall.", "Nye tall.")


def test_a_file_without_the_section_is_written_again_as_it_is() -> None:
    assert section_of(BENCH) == "" and with_section(BENCH, section_of(BENCH)) == BENCH
