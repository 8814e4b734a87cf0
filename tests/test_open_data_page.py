"""The «Åpne data» page in both editions: the workbook offered first to spreadsheet users, every fixed text from the
catalogue (keys «open_data.…»), and the English page's links leading to the data files at the site's root."""

from __future__ import annotations

import posixpath
import re

import pytest

from schema import Plan
from scripts.present.i18n import catalogue
from scripts.present.lookups import SiteOptions
from scripts.site.open_data import data_files
from scripts.site.open_data.dcat import LANDING_PAGE
from scripts.site.open_data.page import PAGE_ADDRESS, data_root
from scripts.site.pages import render_site
from scripts.site.registry import page_path


@pytest.fixture(scope="module")
def pages(plan: Plan) -> dict[str, str]:
    return {lang: render_site(plan, SiteOptions(lang=lang))[page_path("open-data")] for lang in ("nb", "en")}


def test_the_workbook_is_offered_first_to_spreadsheet_users(pages: dict[str, str]) -> None:
    for page in pages.values():
        body = page.split("\n# ", 1)[1]
        first_section = body.split("\n## ", 2)[1]
        assert "naeringsplan.xlsx" in first_section
        first_file_row = next(line for line in body.splitlines() if line.startswith("| ") and "data/" in line)
        assert "naeringsplan.xlsx" in first_file_row


def test_every_fixed_text_comes_from_the_catalogue_of_the_pages_language(pages: dict[str, str]) -> None:
    norwegian, english = catalogue("nb").words, catalogue("en").words
    keys = [k for k in norwegian if k.startswith("open_data.")]
    assert len(keys) > 40
    for key in keys:
        if norwegian[key] != english[key] and "{" not in norwegian[key] and len(norwegian[key]) > 12:
            assert norwegian[key] in pages["nb"] or key == "open_data.files.in_norwegian" or key.endswith("why_nlod")
            assert norwegian[key] not in pages["en"], key
    assert pages["en"].count("# Open data") == 1 and "## Licence" in pages["en"]


def test_the_english_page_links_to_the_data_files_at_the_sites_root(plan: Plan, pages: dict[str, str]) -> None:
    files = set(data_files(plan, workbook=True)) | {"schema/plan-data.schema.json"}
    hrefs = re.findall(r'<a href="([^"]+)"', pages["en"])
    assert hrefs and all(h.startswith("../../") for h in hrefs)
    # From /en/apne-data/ two steps up is the site's root, where the Norwegian build puts data/ and schema/.
    for href in hrefs:
        assert posixpath.normpath(posixpath.join("/en/" + PAGE_ADDRESS, href)).lstrip("/") in files, href
    assert not re.search(r"\]\(data/", pages["en"])  # no Markdown link the English build would look for in /en/


def test_the_norwegian_page_keeps_markdown_links_that_mkdocs_checks(pages: dict[str, str]) -> None:
    assert "[datapackage.json](data/datapackage.json)" in pages["nb"]
    assert "<a href=" not in pages["nb"]


def test_the_data_in_the_english_page_is_marked_as_norwegian(pages: dict[str, str]) -> None:
    assert '<span lang="nb">Tiltakets nummer' in pages["en"]
    assert '[<span lang="nb">Creative Commons Navngivelse 4.0 Internasjonal</span> (CC BY 4.0)]' in pages["en"]
    assert 'lang="nb"' not in pages["nb"]


def test_the_page_address_is_the_one_the_catalogue_entry_gives() -> None:
    assert PAGE_ADDRESS == LANDING_PAGE
    assert data_root("nb", PAGE_ADDRESS) == "" and data_root("en", PAGE_ADDRESS) == "../../"
