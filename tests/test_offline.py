"""`plan build --offline`: a copy of the site that works opened from disk, as the preview of a pull request is
downloaded, unzipped and opened by an editor. Every link between pages names an `index.html` file (from disk, a
folder opens as a listing of its files); search, which cannot run from disk, is off and every page says so.

The copy is opened in Chromium in tests/test_browser_offline.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import VALID_PLAN, run_plan, theme_pages
from scripts.publish import links
from scripts.publish.offline import NOTICE, to_file

FOLDERS = {".", "tiltak", "tiltak/1-1-1", "aktorer", "aktorer/nes-kommune"}


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("offline") / "forhandsvisning"
    result = run_plan("build", "--offline", "--plan", str(VALID_PLAN), "--out", str(out))
    assert result.code == 0, result.stderr
    assert f"Åpne {out / 'index.html'} i en nettleser." in result.stdout
    return out


@pytest.mark.parametrize(
    ("link", "folder", "expected"),
    [
        ("../", "tiltak/1-1-1", "../index.html"),
        ("../../", "tiltak/1-1-1", "../../index.html"),
        ("./", "tiltak", "./index.html"),
        (".", "tiltak", "./index.html"),
        ("1-1-1/", "tiltak", "1-1-1/index.html"),
        ("1-1-1", "tiltak", "1-1-1/index.html"),
        (
            "../tiltak/?status=p%C3%A5g%C3%A5r&amp;omrade=1",
            "aktorer",
            "../tiltak/index.html?status=p%C3%A5g%C3%A5r&amp;omrade=1",
        ),
        ("../nes-kommune/#satsingsomrade-1", "aktorer/nes-kommune", "../nes-kommune/index.html#satsingsomrade-1"),
        ("../aktorer/nes-kommune/", "tiltak", "../aktorer/nes-kommune/index.html"),
    ],
)
def test_a_link_to_a_folder_of_the_site_gets_the_folders_index_html_keeping_query_and_anchor(
    link: str, folder: str, expected: str
) -> None:
    assert to_file(link, folder, FOLDERS) == expected


@pytest.mark.parametrize(
    "link",
    [
        "#budsjett",
        "?status=planlagt",
        "../pdf/naeringsplan.pdf",
        "../assets/stylesheets/main.css",
        "https://example.org/tiltak/",
        "mailto:post@example.org",
        "/naeringsplan/tiltak/",
        "../finnes-ikke/",
        "",
    ],
)
def test_links_to_files_within_the_page_elsewhere_absolute_or_unknown_are_left_alone(link: str) -> None:
    assert to_file(link, "tiltak", FOLDERS) == link


def test_the_link_check_of_an_offline_copy_fails_on_a_link_that_still_points_at_a_folder(tmp_path: Path) -> None:
    (tmp_path / "tiltak").mkdir()
    (tmp_path / "tiltak" / "index.html").write_text('<a href="../">Forsiden</a>', encoding="utf-8")
    (tmp_path / "index.html").write_text('<a href="tiltak/index.html">Tiltak</a>', encoding="utf-8")
    assert links.broken_links(tmp_path) == []
    assert links.broken_links(tmp_path, folders=False) == [
        "tiltak/index.html: lenken «../» fører til en mappe, ikke en fil, og virker ikke fra disk"
    ]


@pytest.mark.slow
def test_every_link_between_the_pages_of_the_offline_copy_names_a_file(offline_site: Path) -> None:
    assert links.broken_links(offline_site, "/naeringsplan/", folders=False) == []
    home = (offline_site / "index.html").read_text(encoding="utf-8")
    assert 'href="tiltak/index.html"' in home
    assert not re.search(r'href="(?![a-z]+:|#)[^"]*/"', home)


@pytest.mark.slow
def test_every_page_of_the_offline_copy_says_that_search_works_only_on_the_web_and_has_no_search(
    offline_site: Path,
) -> None:
    pages = theme_pages(offline_site)
    assert len(pages) > 20
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert f'<p class="offline-notice">{NOTICE}</p>' in text, page
        assert 'data-md-component="search"' not in text, page
        assert "navigation.instant" not in text, page
        assert 'rel="alternate"' not in text, page
    assert "Søket virker bare på nettet." in NOTICE
    assert not (offline_site / "search").exists()
    assert (offline_site / "pdf" / "naeringsplan.pdf").read_bytes().startswith(b"%PDF")


def test_the_site_for_the_web_keeps_its_folder_addresses_search_and_no_notice(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'href="tiltak/"' in home
    assert "offline-notice" not in home
    assert 'data-md-component="search"' in home
    assert (built_site / "search" / "search_index.json").exists()


@pytest.mark.slow
def test_a_build_for_the_web_after_an_offline_one_has_search_and_says_how_to_see_the_site(
    offline_site: Path, tmp_path: Path
) -> None:
    """MkDocs keeps one instance of each plugin per process: turning search off for one build must not last."""
    result = run_plan("build", "--plan", str(VALID_PLAN), "--out", str(tmp_path / "site"))
    assert result.code == 0, result.stderr
    assert "Se det med «plan serve», eller bygg med --offline." in result.stdout
    assert (tmp_path / "site" / "search" / "search_index.json").exists()
    assert "offline-notice" not in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
