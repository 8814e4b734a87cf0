"""The built website of the small test plan: strict MkDocs build, a page for everything in the plan, no broken link
or anchor, valid HTML, the security policy on every page."""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlparse

import pytest
from tools import program

from conftest import ROOT, VALID_PLAN, theme_pages
from schema import Plan
from scripts.publish import csp
from scripts.publish.links import broken_links, parse
from scripts.publish.providers import render_pages
from scripts.site.open_data import spreadsheet_safe
from scripts.site.registry import page_path
from scripts.site.urls import url_of
from scripts.validate.validator import validate_folder

SITE_PATH = "/naeringsplan/"  # the path of site_url in mkdocs.yml


@pytest.fixture(scope="module")
def plan(built_site: Path) -> Plan:
    return Plan.model_validate_json((built_site / "data" / "plan.json").read_text(encoding="utf-8"))


def built_page(site: Path, markdown_path: str) -> Path:
    return site / url_of(markdown_path) / "index.html"


def test_every_item_of_the_published_data_has_its_page(built_site: Path, plan: Plan) -> None:
    wanted = [page_path("focus-area", fa.id) for fa in plan.focus_areas]
    wanted += [page_path("goal", g.id) for fa in plan.focus_areas for g in fa.goals]
    wanted += [page_path("measure", m.id) for _, _, m in plan.measures()]
    wanted += [page_path("actor", a.id) for a in plan.actors]
    wanted += [page_path("indicator", i.id) for i in plan.indicators]
    missing = [p for p in wanted if not built_page(built_site, p).is_file()]
    assert missing == []
    assert len(wanted) == 1 + 1 + 2 + 6 + 1


def test_no_internal_link_or_anchor_is_broken(built_site: Path) -> None:
    assert broken_links(built_site, SITE_PATH) == []


def test_no_page_has_two_elements_with_the_same_id(built_site: Path) -> None:
    duplicates = {str(p.relative_to(built_site)): parse(p).duplicates for p in built_site.rglob("*.html")}
    assert {page: ids for page, ids in duplicates.items() if ids} == {}


def test_every_page_is_in_norwegian_and_links_to_the_plan_as_pdf(built_site: Path) -> None:
    for path in theme_pages(built_site, "index.html"):
        if path.relative_to(built_site).parts[0] == "en":
            continue  # the English edition (tests/test_english_edition.py)
        text = path.read_text(encoding="utf-8")
        assert '<html lang="nb"' in text, path
        assert "Last ned planen som PDF</a>" in text, path
    assert (built_site / "pdf" / "naeringsplan.pdf").read_bytes().startswith(b"%PDF-")


def test_the_history_page_links_a_status_report_for_every_year(built_site: Path, plan: Plan) -> None:
    history = (built_site / "historikk" / "index.html").read_text(encoding="utf-8")
    last = max(u.date.year for _, _, m in plan.measures() for u in m.status_updates)
    for year in range(plan.plan.period.start, last + 1):
        assert f'href="../pdf/statusrapport-{year}.pdf"' in history
        assert (built_site / "pdf" / f"statusrapport-{year}.pdf").is_file()


def test_no_page_refers_to_another_host_for_scripts_styles_fonts_or_images(built_site: Path) -> None:
    for path in built_site.rglob("*.html"):
        parser = parse(path)
        external = [
            link
            for link in parser.links
            if urlparse(link).scheme in ("http", "https")
            and link.endswith((".js", ".css", ".woff", ".woff2", ".ttf", ".png", ".svg", ".jpg"))
        ]
        text = path.read_text(encoding="utf-8")
        assert external == [], path
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text


def test_pages_with_illustrative_content_say_so_and_others_do_not(tmp_path: Path, valid_plan: Plan) -> None:
    shutil.copytree(VALID_PLAN, tmp_path / "plan")
    area = tmp_path / "plan" / "satsingsomrader" / "1-nettverk.yaml"
    area.write_text("illustrative: true\n" + area.read_text(encoding="utf-8"), encoding="utf-8")
    info = tmp_path / "plan" / "plan.yaml"
    info.write_text(
        info.read_text(encoding="utf-8").replace("    stage: vedtatt\n", "    stage: vedtatt\n    illustrative: true\n")
    )
    marked, problems = validate_folder(tmp_path / "plan")
    assert problems == [] and marked is not None
    pages, plain = render_pages(marked), render_pages(valid_plan)
    for path in (page_path("focus-area", "1"), page_path("measure", "1.1.1")):
        assert "Eksempelinnhold" in pages[path] and "Eksempelinnhold" not in plain[path], path
    assert "Eksempelinnhold" not in pages[page_path("actor", "nes-kommune")]
    assert pages[page_path("history")].count("Eksempelinnhold") == 1  # the one revision marked illustrative
    assert "Eksempelinnhold" not in plain[page_path("history")]


def test_the_published_plan_json_is_the_validated_plan(plan: Plan) -> None:
    validated, problems = validate_folder(VALID_PLAN)
    assert problems == []
    assert plan == validated


def test_the_csv_tables_have_one_row_per_item(built_site: Path, plan: Plan) -> None:
    def rows(name: str) -> list[dict[str, str]]:
        text = (built_site / "data" / f"{name}.csv").read_text(encoding="utf-8-sig")
        return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))

    measures = [m for _, _, m in plan.measures()]
    assert len(rows("tiltak")) == len(measures)
    assert len(rows("roller")) == sum(len(m.roles) for m in measures)
    assert len(rows("budsjett")) == sum(len(m.budget) for m in measures)
    assert sum(int(r["beløp_kr"]) for r in rows("budsjett")) == sum(b.amount for m in measures for b in m.budget)


def test_the_json_schema_is_published_for_the_open_data(built_site: Path) -> None:
    published = json.loads((built_site / "schema" / "plan-data.schema.json").read_text(encoding="utf-8"))
    assert published["title"] == "Plan"


def test_the_measures_table_is_complete_without_javascript(built_site: Path, plan: Plan) -> None:
    html = (built_site / "tiltak" / "index.html").read_text(encoding="utf-8")
    assert html.count("<tr data-focus-area=") == sum(1 for _ in plan.measures())


def test_the_site_does_not_set_or_mention_cookies_or_analytics(built_site: Path) -> None:
    for path in built_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "google-analytics" not in text and "gtag(" not in text and "document.cookie" not in text


def test_the_link_check_finds_a_missing_page_and_a_missing_anchor(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h1 id="topp">A</h1><a href="../b/">B</a> <a href="#bunn">ned</a>')
    (tmp_path / "index.html").write_text('<a href="a/#topp">A</a> <a href="a/#midten">A</a> <a href="https://x.no/">')
    assert broken_links(tmp_path) == [
        "a/index.html: lenken «../b/» fører til en side eller fil som ikke finnes",
        "a/index.html: lenken «#bunn» fører til et sted på siden som ikke finnes",
        "index.html: lenken «a/#midten» fører til et sted på siden som ikke finnes",
    ]


def test_the_sitemap_lists_every_page_once_with_a_date(built_site: Path) -> None:
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    listed = re.findall(r"<loc>https://gardermoregionen\.github\.io/naeringsplan/(.*?)</loc>", sitemap)
    pages = sorted(  # the English edition has its own (tests/test_english_edition.py)
        str(p.parent.relative_to(built_site)).removeprefix(".") + "/"
        for p in theme_pages(built_site, "index.html")
        if p.relative_to(built_site).parts[0] != "en"
    )
    assert sorted(loc or "/" for loc in listed) == pages
    assert sitemap.count("<lastmod>") == len(listed)
    assert gzip.decompress((built_site / "sitemap.xml.gz").read_bytes()).decode("utf-8") == sitemap


def test_every_page_states_its_content_security_policy_before_any_script(built_site: Path) -> None:
    for path in built_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        meta = text.find('<meta http-equiv="Content-Security-Policy"')
        assert 0 < meta < text.find("<script"), path
        assert f'content="{csp.policy(text)}"' in text, path
        assert "'unsafe-inline'" not in csp.policy(text).split("; ")[1]  # scripts: own files and hashed ones only


def test_the_headers_file_carries_the_policy_of_every_page_and_what_only_a_header_can(built_site: Path) -> None:
    headers = (built_site / csp.HEADERS_FILE).read_text(encoding="utf-8")
    policy = next(line for line in headers.splitlines() if "Content-Security-Policy:" in line)
    for path in built_site.rglob("*.html"):
        assert csp.script_hashes(path.read_text(encoding="utf-8")) <= set(policy.replace(";", " ").split()), path
    assert "frame-ancestors" not in policy and "\n  X-Frame-Options: DENY\n" in headers  # embeds: tests/test_embeds.py


def test_the_security_page_states_the_policy_the_pages_carry(built_site: Path) -> None:
    page = (ROOT / "docs" / "sikkerhet.md").read_text(encoding="utf-8")
    for name, value in csp.DIRECTIVES.items():
        assert f"\n{name} {value}" in page, name
    assert (built_site / "sikkerhet" / "index.html").exists()
    for test_file in re.findall(r"`(tests/test_\w+\.py)`", page):
        assert (ROOT / test_file).exists(), test_file


# What the Nu HTML Checker reports about the theme's markup (Material for MkDocs), not ours: accepted, each only
# on the theme's own element, which the extract must show.
THEME_FINDINGS = {
    # Material turns off autocomplete on its menu and search toggles so that Firefox does not reopen them when a
    # reader goes back; the checker allows the attribute on text inputs only (squidfunk/mkdocs-material#1513).
    "Attribute “autocomplete” is only allowed when the input type is": 'class="md-toggle"',
    # The heading of the narrow table of contents is a label for a checkbox the theme hides with CSS.
    "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control.": (
        'class="md-nav__title" for="__toc"'
    ),
    # Section labels in the menu get an empty tabindex, which browsers ignore (the label is not focusable).
    "Bad value “” for attribute “tabindex” on element “label”": 'class="md-nav__link',
}


def nu_html_checker_errors(site: Path) -> list[dict[str, str]]:
    jar = os.environ.get("VNU_JAR") or next(iter(sorted((ROOT / ".venv" / "share").glob("vnu-*/vnu.jar"))), "")
    assert jar and Path(jar).exists(), "the Nu HTML Checker (vnu.jar) is missing: run 'make test', which fetches it"
    done = subprocess.run(
        [program("java"), "-jar", str(jar), "--format", "json", "--errors-only", "--skip-non-html", str(site)],
        capture_output=True,
        text=True,
        check=False,
    )
    errors: list[dict[str, str]] = json.loads(done.stderr)["messages"]
    return errors


def test_every_page_is_valid_html_by_the_nu_html_checker(built_site: Path) -> None:
    errors = nu_html_checker_errors(built_site)
    ours = [
        f"{e.get('url', '').removeprefix(built_site.as_uri())}:{e.get('lastLine')}: {e['message']} | {e.get('extract')}"
        for e in errors
        if not any(e["message"].startswith(m) and mark in e.get("extract", "") for m, mark in THEME_FINDINGS.items())
    ]
    assert ours == []


@pytest.mark.slow  # with the checker it tests: java and vnu.jar, which only `make test` installs
def test_the_nu_html_checker_reports_a_broken_page(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text('<!DOCTYPE html><html lang="nb"><title>x</title><p><div id="a" id="a"></p>')
    assert len(nu_html_checker_errors(tmp_path)) >= 2


def test_text_that_a_spreadsheet_would_run_as_a_formula_is_defused_in_the_csv_files() -> None:
    assert spreadsheet_safe('=HYPERLINK("https://evil.test","Klikk")') == '\'=HYPERLINK("https://evil.test","Klikk")'
    assert [spreadsheet_safe(t) for t in ["@SUM(A1)", "+47 22", "-1", "\tx"]] == ["'@SUM(A1)", "'+47 22", "'-1", "'\tx"]
    assert [spreadsheet_safe(v) for v in [-500, "Nes kommune", ""]] == [-500, "Nes kommune", ""]
