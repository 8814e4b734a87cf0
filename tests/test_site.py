"""The built website: strict MkDocs build, a page for everything in the plan, no broken link or anchor."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlparse

import pytest

from schema import Plan
from scripts.render import page_path, url_of

SITE_PATH = "/naeringsplan/"  # the path of site_url in mkdocs.yml


class PageParser(HTMLParser):
    """Collects the ids and the links of one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.duplicates: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            if values["id"] in self.ids:
                self.duplicates.append(str(values["id"]))
            self.ids.add(str(values["id"]))
        if tag == "a" and values.get("name"):
            self.ids.add(str(values["name"]))
        for key in ("href", "src"):
            if values.get(key) and tag in ("a", "link", "script", "img", "source"):
                self.links.append(str(values[key]))


def parse(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def plan(built_site: Path) -> Plan:
    return Plan.model_validate_json((built_site / "data" / "plan.json").read_text(encoding="utf-8"))


def built_page(site: Path, markdown_path: str) -> Path:
    return site / url_of(markdown_path) / "index.html"


def test_every_item_of_the_published_data_has_its_page(built_site: Path, plan: Plan) -> None:
    wanted = [page_path("focus_area", fa.id) for fa in plan.focus_areas]
    wanted += [page_path("goal", g.id) for fa in plan.focus_areas for g in fa.goals]
    wanted += [page_path("measure", m.id) for _, _, m in plan.measures()]
    wanted += [page_path("actor", a.id) for a in plan.actors]
    wanted += [page_path("indicator", i.id) for i in plan.indicators]
    missing = [p for p in wanted if not built_page(built_site, p).is_file()]
    assert missing == []
    assert len(wanted) == 5 + 15 + 46 + 20 + 7 or len(wanted) > 50


def test_no_internal_link_or_anchor_is_broken(built_site: Path) -> None:
    pages = {path: parse(path) for path in built_site.rglob("*.html")}
    broken = []
    for path, parser in pages.items():
        for link in parser.links:
            parsed = urlparse(link)
            if parsed.scheme or link.startswith(("//", "mailto:")):
                continue
            address, anchor = urldefrag(link)
            if address.startswith("/"):  # only the 404 page uses addresses from the root of the host
                address = str(built_site) + "/" + address.removeprefix(SITE_PATH)
            target = (path.parent / unquote(address)).resolve() if address else path
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{path.relative_to(built_site)}: {link}")
            elif anchor and target.suffix == ".html" and anchor not in pages[target].ids:
                broken.append(f"{path.relative_to(built_site)}: {link} (anker mangler)")
    assert broken == []


def test_no_page_has_two_elements_with_the_same_id(built_site: Path) -> None:
    duplicates = {str(p.relative_to(built_site)): parse(p).duplicates for p in built_site.rglob("*.html")}
    assert {page: ids for page, ids in duplicates.items() if ids} == {}


def test_every_page_is_in_norwegian_and_links_to_the_plan_as_pdf(built_site: Path) -> None:
    for path in built_site.rglob("index.html"):
        text = path.read_text(encoding="utf-8")
        assert '<html lang="nb"' in text, path
        assert "Last ned planen som PDF</a>" in text, path
    assert (built_site / "pdf" / "naeringsplan.pdf").stat().st_size > 100_000


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


def test_pages_with_illustrative_content_say_so_and_others_do_not(built_site: Path) -> None:
    measure = built_page(built_site, page_path("measure", "1.1.1")).read_text(encoding="utf-8")
    privacy = (built_site / "personvern" / "index.html").read_text(encoding="utf-8")
    history = (built_site / "historikk" / "index.html").read_text(encoding="utf-8")
    assert "Eksempelinnhold" in measure
    assert "Eksempelinnhold" not in privacy
    assert history.count("Eksempelinnhold") == 2  # the two revisions marked illustrative


def test_the_published_plan_json_is_the_validated_plan(built_site: Path, plan: Plan) -> None:
    from scripts.validate import validate_folder

    shipped, problems = validate_folder(Path(__file__).parent.parent / "plan")
    assert problems == []
    assert plan == shipped


def test_the_csv_tables_have_one_row_per_item(built_site: Path, plan: Plan) -> None:
    def rows(name: str) -> list[dict[str, str]]:
        return list(csv.DictReader(io.StringIO((built_site / "data" / f"{name}.csv").read_text(encoding="utf-8"))))

    measures = [m for _, _, m in plan.measures()]
    assert len(rows("tiltak")) == len(measures)
    assert len(rows("roller")) == sum(len(m.roles) for m in measures)
    assert len(rows("budsjett")) == sum(len(m.budget) for m in measures)
    assert sum(int(r["belop_kr"]) for r in rows("budsjett")) == sum(b.amount for m in measures for b in m.budget)


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
