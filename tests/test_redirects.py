"""Addresses never break: a measure, goal or actor that gets a new id keeps its old address.

The editor lists the old id in «former_ids»; the site writes a page at the old address that sends the reader to the
new one (meta refresh, canonical link, a visible link, noindex), outside the sitemap and the search index. The
validator's side (a former id in use, claimed twice, a «related» reference to it) is in tests/fixtures/invalid/.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from test_site import nu_html_checker_errors

from conftest import replace_once, run_plan
from schema import Plan
from scripts.site.redirects import redirect_files
from scripts.site.registry import page_path
from scripts.validate.validator import validate_folder

DAY = dt.date(2025, 6, 1)
MEASURES = Path("plan/satsingsomrader/1-nettverk.yaml")


def moved_plan(workdir: Path) -> Plan:
    """The small plan with measure 1.2.1 moved to 1.1.1 (its old number in «former_ids»), goal 1.5 renumbered to
    1.1, and the actor «hurdal» renamed «hurdal-kommune»."""
    replace_once(workdir / MEASURES, '      - id: "1.1.1"\n', '      - id: "1.1.1"\n        former_ids: ["1.2.1"]\n')
    replace_once(workdir / MEASURES, '  - id: "1.1"\n', '  - id: "1.1"\n    former_ids: ["1.5"]\n')
    replace_once(
        workdir / "plan/actors.yaml", "  - id: hurdal-kommune\n", "  - id: hurdal-kommune\n    former_ids: [hurdal]\n"
    )
    plan, problems = validate_folder(workdir / "plan", DAY, commits=False)
    assert plan is not None, problems
    return plan


def test_each_former_id_gets_a_page_at_its_old_address(workdir: Path) -> None:
    files = redirect_files(moved_plan(workdir), page_path, "https://example.org/plan/")

    assert sorted(files) == ["aktorer/hurdal/index.html", "mal/1-5/index.html", "tiltak/1-2-1/index.html"]


def test_the_old_page_sends_the_reader_on_with_a_canonical_link_a_visible_link_and_noindex(workdir: Path) -> None:
    page = redirect_files(moved_plan(workdir), page_path, "https://example.org/plan/")["tiltak/1-2-1/index.html"]

    assert '<meta http-equiv="refresh" content="0; url=../1-1-1/">' in page
    assert '<link rel="canonical" href="https://example.org/plan/tiltak/1-1-1/">' in page
    assert '<meta name="robots" content="noindex">' in page
    assert re.search(r'<a href="\.\./1-1-1/">Tiltak 1\.1\.1 [^<]+</a>', page)
    assert "<script" not in page


def test_without_a_site_address_the_canonical_link_is_relative(workdir: Path) -> None:
    page = redirect_files(moved_plan(workdir), page_path)["aktorer/hurdal/index.html"]

    assert '<link rel="canonical" href="../hurdal-kommune/">' in page


def test_a_plan_without_former_ids_has_no_redirects(workdir: Path) -> None:
    plan, _ = validate_folder(workdir / "plan", DAY, commits=False)
    assert plan is not None
    assert redirect_files(plan, page_path) == {}


@pytest.mark.slow  # a whole build, and the Nu HTML Checker
def test_the_built_site_keeps_the_old_address_outside_sitemap_and_search(workdir: Path) -> None:
    moved_plan(workdir)
    result = run_plan("build", "--plan", "plan", "--out", "site", cwd=workdir)
    assert result.code == 0, result.stderr
    site = workdir / "site"

    old = site / "tiltak" / "1-2-1" / "index.html"
    assert old.is_file() and (site / "tiltak" / "1-1-1" / "index.html").is_file()
    assert 'http-equiv="Content-Security-Policy"' in old.read_text(encoding="utf-8")
    assert "tiltak/1-2-1" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    locations = [doc["location"] for doc in json.loads((site / "search" / "search_index.json").read_text())["docs"]]
    assert not [loc for loc in locations if loc.startswith("tiltak/1-2-1")]
    assert nu_html_checker_errors(old.parent) == []
