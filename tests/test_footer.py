"""Who stands behind the site: the footer on every page (owner, contact, the pages about the site, the PDF, the date
the plan was last changed), the accessibility statement with the parts of the Norwegian model, the Norwegian 404
page, and the region's own logo and favicon.

The footer's content comes from the plan through the MkDocs plugin (scripts/site/footer.py); the theme's template
escapes it. The small test plan names no contact, so its footer falls back to the plan's owner."""

from __future__ import annotations

import posixpath
import re
import shutil
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from test_injection import build_without_pdfs

from conftest import VALID_PLAN, theme_pages
from schema import MONTHS, Contact, Plan
from scripts.core.queries import reader_contact
from scripts.site.footer import footer
from scripts.site.pages import render_site
from scripts.site.registry import REGISTRY, page_path

SITE_PATH = "/naeringsplan/"  # the path of site_url in mkdocs.yml: the 404 page's addresses start with it
#: The footer's links to the pages about the site, by their text, and the file each must lead to.
FOOTER_LINKS = {
    "Kontakt": "kontakt/index.html",
    "Tilgjengelighet": "tilgjengelighet/index.html",
    "Personvern": "personvern/index.html",
    "Sikkerhet": "sikkerhet/index.html",
    "Åpne data": "apne-data/index.html",
    "Følg planen": "folg-planen/index.html",
    "Ordforklaringer": "ordforklaringer/index.html",
    "Last ned planen som PDF": "pdf/naeringsplan.pdf",
}
UUTILSYNET = "https://www.uutilsynet.no/"


@dataclass
class Part:
    """One element of a page (the footer, <main>): its links as (href, text), its text, its attributes."""

    links: list[tuple[str, str]] = field(default_factory=list)
    text: str = ""
    navs: list[str | None] = field(default_factory=list)
    html: str = ""


class PartParser(HTMLParser):
    """The first element `tag` of a page, with the links and the text inside it."""

    def __init__(self, tag: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tag, self.depth, self.part = tag, 0, Part()
        self._href: str | None = None
        self._link_text: list[str] = []
        self._text: list[str] = []
        self._done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._done or (tag != self.tag and self.depth == 0):
            return
        if tag == self.tag:
            self.depth += 1
        if tag == "a":
            self._href, self._link_text = dict(attrs).get("href") or "", []
        if tag == "nav":
            self.part.navs.append(dict(attrs).get("aria-label"))

    def handle_endtag(self, tag: str) -> None:
        if self._done or self.depth == 0:
            return
        if tag == "a" and self._href is not None:
            self.part.links.append((self._href, " ".join("".join(self._link_text).split())))
            self._href = None
        if tag == self.tag:
            self.depth -= 1
            self._done = self.depth == 0

    def handle_data(self, data: str) -> None:
        if self.depth and not self._done:
            self._text.append(data)
            if self._href is not None:
                self._link_text.append(data)

    def result(self) -> Part:
        self.part.text = " ".join("".join(self._text).split())
        return self.part


def part_of(page: Path, tag: str) -> Part:
    parser = PartParser(tag)
    source = page.read_text(encoding="utf-8")
    parser.feed(source)
    part = parser.result()
    match = re.search(rf"<{tag}\b.*?</{tag}>", source, re.DOTALL)
    part.html = match[0] if match else ""
    return part


def target(site: Path, page: Path, href: str) -> str | None:
    """The file of the built site a link on `page` leads to (None: outside the site or no such file)."""
    address = href.partition("#")[0].partition("?")[0]
    if re.match(r"^[a-z]+:", address):
        return None
    if address.startswith("/"):
        path = address.removeprefix(SITE_PATH)
    else:
        path = posixpath.join(posixpath.dirname(page.relative_to(site).as_posix()), address)
    path = posixpath.normpath(path)
    for candidate in (path, posixpath.join(path, "index.html").removeprefix("./")):
        if (site / candidate).is_file():
            return candidate
    return None


def html_pages(site: Path) -> list[Path]:
    """The Norwegian site's pages (the English edition's footer: tests/test_english_edition.py)."""
    return [p for p in theme_pages(site) if p.relative_to(site).parts[0] != "en"]


def newest_date(plan: Plan) -> str:
    """The newest date in the plan in words: a revision or a status update («15. september 2021»)."""
    dates = [r.date if len(r.date) == 10 else r.date + "-01" for r in plan.plan.revisions]
    dates += [u.date.isoformat() for _, _, m in plan.measures() for u in m.status_updates]
    year, month, day = (int(part) for part in max(dates).split("-"))
    return f"{day}. {MONTHS[month - 1]} {year}"


def with_contact(plan: Plan, **fields: str) -> Plan:
    info = plan.plan.model_copy(update={"contact": Contact(**fields)})
    return plan.model_copy(update={"plan": info})


# --------------------------------------------------------------------------------------------------------
# The footer
# --------------------------------------------------------------------------------------------------------


def test_every_page_has_the_footer_with_the_links_about_the_site_and_each_leads_to_its_file(built_site: Path) -> None:
    pages = html_pages(built_site)
    assert built_site / "404.html" in pages and len(pages) > 20
    for page in pages:
        part = part_of(page, "footer")
        assert part.navs == ["Informasjon om nettstedet"], page
        links = {text: href for href, text in part.links}
        for text, file in FOOTER_LINKS.items():
            assert text in links, f"{page}: no link «{text}»"
            assert target(built_site, page, links[text]) == file, f"{page}: «{text}» → {links[text]}"


def test_the_footer_names_the_owner_the_contact_and_the_date_the_plan_was_last_changed(
    built_site: Path, plan: Plan
) -> None:
    """The test plan has no contact: the footer names the plan's owner, and links its page on the site."""
    assert plan.plan.contact is None
    owner = next(a for a in plan.actors if a.id == plan.plan.owner)
    for page in html_pages(built_site):
        part = part_of(page, "footer")
        assert f"er utgitt av {owner.name}" in part.text, page
        assert f"Kontakt: {owner.name}" in part.text, page
        assert f"Planen sist endret: {newest_date(plan)}" in part.text, page
        owner_link = next(href for href, text in part.links if text == owner.name)
        assert target(built_site, page, owner_link) == f"aktorer/{owner.id}/index.html", page
    assert "<time datetime=" in part.html


def test_the_footer_shows_every_field_of_the_contact_with_mail_and_telephone_links(plan: Plan) -> None:
    contact = with_contact(
        plan,
        name="Sekretariatet",
        email="post@eksempel.no",
        phone="+47 12 34 56 78",
        address="Postboks 1, 2050 Jessheim",
        url="https://www.eksempel.no/kontakt/",
    )
    shown = footer(contact, REGISTRY).contact
    assert (shown.name, shown.email, shown.phone, shown.address) == (
        "Sekretariatet",
        "post@eksempel.no",
        "+47 12 34 56 78",
        "Postboks 1, 2050 Jessheim",
    )
    assert shown.phone_href == "tel:+4712345678"
    assert shown.url_text == "www.eksempel.no"
    assert reader_contact(with_contact(plan, name="Uten nummer", phone="ring sentralbordet")).phone_href is None


def test_without_a_contact_the_owner_is_the_contact(plan: Plan) -> None:
    owner = next(a for a in plan.actors if a.id == plan.plan.owner)
    contact = reader_contact(plan)
    assert (contact.name, contact.url, contact.email) == (owner.name, owner.url, None)


def plan_with_contact(folder: Path, contact: dict[str, str]) -> Path:
    shutil.copytree(VALID_PLAN, folder)
    info = yaml.safe_load((folder / "plan.yaml").read_text(encoding="utf-8"))
    info["contact"] = contact
    (folder / "plan.yaml").write_text(yaml.safe_dump(info, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


ATTACKED_CONTACT = {
    "name": "<script>alert(1)</script> Sekretariatet",
    "email": 'a"><img/src=x/onerror=alert(1)>@eksempel.no',
    "phone": "+47 <b>12</b> 34",
    "address": "</address></footer><iframe src=//evil.test> Postboks 1",
    "url": 'https://eksempel.test/"><script>alert(1)</script>',
}


@pytest.mark.slow
def test_html_in_the_contact_is_shown_as_text_in_the_footer_and_the_statement(tmp_path: Path) -> None:
    """The e-mail address is not one of the injection suite's text or address fields (its pattern is its own)."""
    site = tmp_path / "site"
    build_without_pdfs(plan_with_contact(tmp_path / "plan", ATTACKED_CONTACT), site, tmp_path)
    for page in (site / "index.html", site / "tilgjengelighet" / "index.html", site / "404.html"):
        part = part_of(page, "footer")
        for value in ("name", "email", "phone", "address"):
            assert ATTACKED_CONTACT[value] in part.text, f"{page}: {value}"
        assert not re.search(r"<(script|img|iframe|b)\b", part.html), page
        assert part.html.count("</footer>") == 1 and part.html.count("<address>") == 1, page
        assert 'href="mailto:a&#34;&gt;&lt;img/src=x/onerror=alert(1)&gt;@eksempel.no"' in part.html, page
        assert 'href="tel:+471234"' in part.html, page
    statement = part_of(site / "tilgjengelighet" / "index.html", "article")
    for value in ("name", "email", "phone", "address"):
        assert ATTACKED_CONTACT[value] in statement.text, value
    assert not re.search(r"<(script|img|iframe)\b", statement.html)


# --------------------------------------------------------------------------------------------------------
# The accessibility statement
# --------------------------------------------------------------------------------------------------------


def statement(plan: Plan) -> str:
    return render_site(plan)[page_path("accessibility")]


def test_the_statement_has_the_parts_of_the_norwegian_model(plan: Plan) -> None:
    page = statement(plan)
    headings = re.findall(r"^## (.+)$", page, re.MULTILINE)
    assert headings[:2] == ["Status", "Kjente avvik"]
    assert {"Om erklæringen", "Si fra", "Klage til tilsynet"} <= set(headings)
    assert "WCAG 2.1 på nivå A og AA" in page and "forskrift om universell utforming av IKT" in page
    assert "delvis i samsvar" in page
    avvik = page.split("## Kjente avvik", 1)[1].split("\n## ", 1)[0]
    deviations = re.findall(r"^\d+\. \*\*.+?(?=^\d+\. |\Z)", avvik, re.MULTILINE | re.DOTALL)
    assert len(deviations) >= 3
    for deviation in deviations:  # each names its requirement and says when it is dealt with (or why not)
        assert "Krav: " in deviation and "Når det blir rettet: " in deviation, deviation
    assert "axe-core" in page and "390 piksler" in page and "1280 piksler" in page
    assert "ikke testet med skjermleser" in page
    assert f"[Tilsynet for universell utforming av IKT]({UUTILSYNET})" in page


def test_the_statement_is_dated_from_the_plan(plan: Plan) -> None:
    assert f"sist ble endret {newest_date(plan)}" in statement(plan)


def test_the_statement_links_every_way_to_reach_the_contact(plan: Plan) -> None:
    page = statement(
        with_contact(
            plan,
            name="Sekretariatet",
            email="post@eksempel.no",
            phone="+47 12 34 56 78",
            address="Postboks 1",
            url="https://www.eksempel.no/",
        )
    )
    feedback = page.split("## Si fra", 1)[1].split("\n## ", 1)[0]
    assert "Kontakt Sekretariatet:" in feedback
    assert "[post@eksempel.no](mailto:post@eksempel.no)" in feedback
    assert r"[\+47 12 34 56 78](tel:+4712345678)" in feedback  # «+» at the start of a text is escaped Markdown
    assert "Postadresse: Postboks 1" in feedback
    assert "[www.eksempel.no](https://www.eksempel.no/)" in feedback


def test_without_a_contact_the_statement_names_the_owner(plan: Plan) -> None:
    feedback = statement(plan).split("## Si fra", 1)[1].split("\n## ", 1)[0]
    assert "Kontakt Regionrådet." in feedback and "](" not in feedback


def test_the_built_statement_links_the_complaints_authority(built_site: Path) -> None:
    main = part_of(built_site / "tilgjengelighet" / "index.html", "article")
    assert (UUTILSYNET, "Tilsynet for universell utforming av IKT") in main.links


# --------------------------------------------------------------------------------------------------------
# The 404 page
# --------------------------------------------------------------------------------------------------------


def test_the_404_page_is_norwegian_and_leads_home_and_to_all_measures(built_site: Path) -> None:
    page = built_site / "404.html"
    source = page.read_text(encoding="utf-8")
    main = part_of(page, "article")
    assert '<html lang="nb"' in source
    assert "<title>Fant ikke siden – " in source
    assert "<h1>Fant ikke siden</h1>" in main.html
    assert "Not found" not in source and "404 -" not in source
    assert "søket" in main.text
    links = {text: target(built_site, page, href) for href, text in main.links}
    assert links == {"Til forsiden": "index.html", "Alle tiltak": "tiltak/index.html"}


def test_the_404_page_addresses_are_absolute_so_that_it_works_at_any_depth(built_site: Path) -> None:
    """MkDocs serves 404.html for any missing address: a relative stylesheet would break on /a/b/c/."""
    source = (built_site / "404.html").read_text(encoding="utf-8")
    addresses = re.findall(r'<(?:link|script|img)\b[^>]*?\s(?:href|src)="([^"]+)"', source)
    local = [a for a in addresses if not re.match(r"^[a-z]+:", a)]
    assert len(local) > 5
    assert [a for a in local if not a.startswith(SITE_PATH)] == []
    assert [a for a in local if target(built_site, built_site / "404.html", a) is None] == []


# --------------------------------------------------------------------------------------------------------
# Logo and favicon
# --------------------------------------------------------------------------------------------------------


def test_the_logo_and_the_favicon_are_the_sites_own_svg_files(built_site: Path) -> None:
    for page in (built_site / "index.html", built_site / "tiltak" / "index.html", built_site / "404.html"):
        source = page.read_text(encoding="utf-8")
        icon = re.search(r'<link rel="icon" href="([^"]+)"', source)
        logo = re.search(r'<img src="([^"]+)" alt="([^"]*)"', source)
        assert icon and logo, page
        assert target(built_site, page, icon[1]) == "assets/favicon.svg", page
        assert target(built_site, page, logo[1]) == "assets/logo.svg", page
        assert logo[2] == "Strategisk næringsplan for Gardermoregionen", page
    for name in ("favicon.svg", "logo.svg"):
        svg = (built_site / "assets" / name).read_text(encoding="utf-8")
        assert svg.startswith("<svg ") and "<script" not in svg
        assert re.findall(r"https?://[^\s\"']+", svg) == ["http://www.w3.org/2000/svg"], name  # only the namespace
        assert "#1a4f80" in svg  # the site's primary colour (docs/stylesheets/extra.css)
