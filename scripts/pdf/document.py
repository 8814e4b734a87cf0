"""The print edition: the plan (and a yearly status report) as an accessible, tagged PDF made by WeasyPrint
from our own print template (``templates/print/*.html.jinja``), from the same validated data as the site.

The same input gives the same bytes: every date in the document comes from the plan or the options, not from
the clock; the caller's `today` only decides whether a report is on the current year («hittil i år»).

Making a PDF is two steps: :func:`plan_html` (the print HTML, cheap) and :func:`render_pdf` (WeasyPrint, slow), so
that the publishing stage can key its cache on the HTML and render in worker processes (``publish/pdfs.py``).
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import functools
import gc
import hashlib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import jinja2
from markupsafe import Markup

from schema import Plan
from scripts import TEMPLATES
from scripts.core.catalogue import catalogue
from scripts.core.collector import gc_paused
from scripts.core.dates import nb_date
from scripts.core.filters import FILTERS, markdown_html
from scripts.core.numbers import nok, number, percent, years
from scripts.core.queries import document_dates, plain_name, reader_contact, report_years
from scripts.pdf import report as status
from scripts.present import charts, indicators
from scripts.present.budget import budget_row
from scripts.present.charts.indicator import unit_in
from scripts.present.facts import plain_name_in
from scripts.present.i18n import DEFAULT, localized
from scripts.present.licence import licence
from scripts.present.lookups import Lookups, SiteOptions
from scripts.present.progress import rule

__all__ = [
    "PDF_NAME",
    "EditionMark",
    "PrintChoices",
    "plan_html",
    "render_pdf",
    "report_name",
    "report_years",
    "write_pdf",
]

PRINT = TEMPLATES / "print"
PDF_NAME = "naeringsplan.pdf"
#: A table in print with fewer rows than this (about half a page) is kept whole on one page.
WHOLE_TABLE_ROWS = 15

#: The family of the shipped fonts (``@font-face`` in print.css), used for the text of the charts as well.
PRINT_FONT = "Plan Sans"


def svg_image(svg: str, alt: str) -> str:
    """An SVG chart as an <img> with a text alternative: WeasyPrint tags it as a figure with /Alt."""
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f'<img class="chart" src="data:image/svg+xml;base64,{data}" alt="{FILTERS["attr"](alt)}">'


def css_string(text: str) -> Markup:
    """Text for a CSS string in double quotes inside <style> (the running header and footer): on one line, and
    every character but letters, digits and spaces written as a CSS escape («<» as «\\3c »), so that no text
    can end the string, the rule or the style element."""
    return Markup("".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in " ".join(text.split())))


#: A run of text without a space longer than this is cut into pieces of this many characters for WeasyPrint.
LONG_RUN = 80
#: Inside such a run, a line may break after every this many characters (a zero-width space): a column as
#: narrow as the roles matrix's holds about 15 letters.
BREAK_EVERY = 10
ZWSP = "\u200b"
_TAG = re.compile(r"(<[^>]*>)")
_RUN = re.compile(rf"(?:&#?\w+;|[^ \t\r\n\f&]){{{LONG_RUN + 1},}}")
#: A character, or an entity («&amp;») which counts as one.
_UNIT = re.compile(r"&#?\w+;|.", re.S)
#: Characters that belong to the one before them (zero-width joiner, variation selectors).
_JOINERS = {"\u200d", "\ufe0e", "\ufe0f"}


def _pieces(run: re.Match[str]) -> str:
    """A long run cut into pieces of LONG_RUN characters, each in its own <span>, with a zero-width space after
    every BREAK_EVERY characters (an entity counts as one character, and a combining mark or a joiner stays with
    the character before it)."""
    pieces: list[list[str]] = [[]]
    in_piece = since_break = 0
    for unit in _UNIT.findall(run.group(0)):
        if since_break >= BREAK_EVERY and not unicodedata.combining(unit[0]) and unit not in _JOINERS:
            pieces[-1].append(ZWSP)
            since_break = 0
            if in_piece >= LONG_RUN:
                pieces.append([])
                in_piece = 0
        pieces[-1].append(unit)
        in_piece, since_break = in_piece + 1, since_break + 1
    return "".join(f'<span class="piece">{"".join(piece)}</span>' for piece in pieces)


def breakable(html: str) -> str:
    """The print HTML with every long run of text in its body (a word, an address) cut into pieces (<span>s that
    change nothing in the text), with a zero-width space after every BREAK_EVERY characters, where a line may
    break. WeasyPrint measures the narrowest width of a text (for a table's columns or a grid's tracks) by laying
    out the rest of the text once for each place a line may break: with a break allowed between any two letters
    a word of 5 000 letters took minutes; within pieces of LONG_RUN letters, broken every BREAK_EVERY, it takes
    five hundred short layouts. The zero-width spaces are not in the text a reader copies out of the PDF (Pango
    draws no glyph for them). A text of no run longer than LONG_RUN is not touched, nor the head, attributes or
    styles."""
    head, body = html.split("<body", 1)
    parts = _TAG.split(body)
    for index in range(2, len(parts), 2):  # the text between tags (0 is the rest of the <body> tag)
        if len(parts[index]) > LONG_RUN:
            parts[index] = _RUN.sub(_pieces, parts[index])
    return head + "<body" + "".join(parts)


#: The most characters the running header and footer show of a text from the plan (a chapter's title, the
#: plan's short title): they name the page, and the whole text stands on it.
RUNNING = 60
#: The most characters print shows of a name where it refers to something printed in full elsewhere in the
#: document (an actor in a measure's facts or a table, a focus area in the contents, a revision on the cover): as
#: long as the longest title the validator lets pass without a warning, so no plan of ordinary names is touched.
REFERENCE = 120


def shorten(text: str, limit: int) -> str:
    """A text on one line and at most `limit` characters, shortened at a space where there is one in its second
    half, with «…»."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    kept = text[: limit - 1]
    space = kept.rfind(" ")
    return (kept[:space] if space > limit // 2 else kept).rstrip(" ,.:;–-") + "…"


def running(text: str) -> str:
    """A text for the running header or footer: at most RUNNING characters."""
    return shorten(text, RUNNING)


def reference(text: str) -> str:
    """A name where it refers to what is printed in full elsewhere (an actor's name in a table or a measure's
    facts, a focus area's title in the contents): at most REFERENCE characters. A name of 5 000 letters would
    otherwise fill a narrow column for pages, each a cost in layout time and a gap in the table. A name within
    the limit is returned as it is."""
    return text if len(text) <= REFERENCE else shorten(text, REFERENCE)


#: Words that end a focus area's short name: «Samarbeid på tvers av …» is «Samarbeid».
_SHORT_NAME_ENDS = {
    "nb": {"og", "på", "av", "i", "for", "til", "med", "å", "om", "mot", "fra"},
    "en": {"and", "of", "in", "for", "to", "with", "on", "across", "at", "from", "by", "the", "a", "an"},
}


def area_short(title: str, lang: str = "nb") -> str:
    """A focus area's short name for a narrow column heading: its first word, two if the second is no small
    word of `lang` («Attraktiv region»); the full name stands in the key beside the table."""
    words = title.split()
    short = words[:1]
    if len(words) > 1 and words[1].lower() not in _SHORT_NAME_ENDS[lang]:
        short.append(words[1])
    return " ".join(short)


def in_lang(text: Any, obj: Any, field: str, *, lang: str) -> Any:
    """`text` (a plan text shown in `lang`, perhaps shortened or with its id before it) as it is; where the field
    has no translation into `lang` and the text is the Norwegian one, inside <span lang="nb"> so that the PDF's
    structure knows its language (WCAG 3.1.2)."""
    if lang == DEFAULT or localized(obj, field, lang).lang == lang:
        return text
    return Markup('<span lang="{}">{}</span>').format(DEFAULT, text)


def block_in_lang(html: Markup, obj: Any, field: str, *, lang: str) -> Markup:
    """As :func:`in_lang`, for a block of text (rendered Markdown): inside <div lang="nb">."""
    if lang == DEFAULT or localized(obj, field, lang).lang == lang:
        return html
    return Markup('<div lang="{}">').format(DEFAULT) + html + Markup("</div>")


def norwegian(text: Any, *, lang: str) -> Any:
    """A plan text that has no translation field (a role's or a budget line's note): marked Norwegian in a
    document in another language."""
    return text if lang == DEFAULT else Markup('<span lang="{}">{}</span>').format(DEFAULT, text)


def _language(env: jinja2.Environment, lang: str) -> None:
    """The words, numbers, dates and plan texts of the document in `lang`: `t` (the catalogue), `tx(obj, field)`
    (a plan text in `lang`, or the Norwegian one), the filters `in_lang` / `block_in_lang` that mark a Norwegian
    fallback, and the filters that write numbers, amounts and dates."""
    words = catalogue(lang)
    env.globals.update(
        lang=lang,
        t=words.t,
        t_html=lambda key, **fields: Markup(words.t(key, **fields)),  # our own catalogue's markup
        tx=lambda obj, field: localized(obj, field, lang).text,
        unit_in=lambda indicator: unit_in(indicator, lang),
        verdict_rule=rule(lang),
    )
    env.filters.update(indicators.filters_in(lang))
    env.filters.update(
        in_lang=functools.partial(in_lang, lang=lang),
        block_in_lang=functools.partial(block_in_lang, lang=lang),
        norwegian=functools.partial(norwegian, lang=lang),
        nb_date=functools.partial(nb_date, lang=lang),
        nok=functools.partial(nok, lang=lang),
        number=functools.partial(number, lang=lang),
        percent=functools.partial(percent, lang=lang),
        years=functools.partial(years, lang=lang),
        budget_row=functools.partial(budget_row, short=False, lang=lang),
        plain_name=functools.partial(plain_name_in, lang=lang),
        actor_short=lambda ident, site: plain_name_in(site.actors[ident], lang),
        area_short=functools.partial(area_short, lang=lang),
    )


def _environment(lang: str = DEFAULT) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(PRINT),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(FILTERS)
    env.filters["markdown"] = lambda text: Markup(markdown_html(text, relative_links=False))
    # Print explains no abbreviation: full names, or a short name that is the name's first words («Eidsvoll»).
    env.filters["budget_row"] = functools.partial(budget_row, short=False)
    env.filters["css_string"] = css_string
    env.filters["running"] = running
    env.filters["reference"] = reference
    env.filters["area_short"] = area_short
    env.filters["actor_short"] = lambda ident, site: plain_name(site.actors[ident])
    env.filters.update(indicators.FILTERS)
    env.globals["verdict_rule"] = indicators.RULE
    env.globals["whole_table_rows"] = WHOLE_TABLE_ROWS
    _language(env, lang)
    return env


def _chart_alt(svg: str) -> str:
    """The chart's own description (its <desc>), used as the image's text alternative."""
    start, end = svg.find("<desc"), svg.find("</desc>")
    text = svg[svg.find(">", start) + 1 : end] if start >= 0 and end > start else ""
    return Markup(text).unescape()


def chart(kind: str, chart_id: str, *args: Any, lang: str = DEFAULT) -> Markup:
    # WeasyPrint draws an <img> SVG with the document's fonts, so the chart's text can name the shipped family.
    with charts.font_family(PRINT_FONT):
        svg = getattr(charts, kind)(chart_id, *args, lang=lang)
    return Markup(svg_image(svg, _chart_alt(svg)))


@dataclass(frozen=True)
class EditionMark:
    """What the PDF of an adopted edition says of itself on its cover and in its title: its version, the date it
    was adopted (ISO, or ÅÅÅÅ-MM when only the month is known; also its «status per»), the version of the
    edition that replaced it (None: it is the current edition) and whether it is a reconstruction."""

    version: str
    adopted: str
    replaced_by: str | None = None
    reconstructed: bool = False

    @property
    def as_of(self) -> dt.date:
        """The day the edition's status is as of: its adoption date (the month's last day when only the month is
        known)."""
        parts = [int(p) for p in self.adopted.split("-")]
        if len(parts) == 3:
            return dt.date(*parts)
        following = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return following - dt.timedelta(days=1)


@dataclass(frozen=True)
class PrintChoices:
    """What the person making a PDF may choose beside the plan: the date the status is as of (only the status
    updates up to it count), and for a status report the meeting it is for and the case number («PS 12/26»);
    for an adopted edition, how it names itself (`edition`: then the status is as of its adoption date)."""

    as_of: dt.date | None = None
    meeting: dt.date | None = None
    case: str | None = None
    edition: EditionMark | None = None


def plan_html(
    plan: Plan,
    options: SiteOptions | None = None,
    report: int | None = None,
    choices: PrintChoices | None = None,
    *,
    today: dt.date | None = None,
    lang: str = DEFAULT,
) -> str:
    """The print HTML of the plan, or of the status report for a year (which needs `today`: is the year over?).
    The plan in `lang` (its fixed texts from the catalogue, its plan texts in `lang` where translated, the
    Norwegian ones marked lang="nb" where not); a status report is the council's, in Norwegian only."""
    if report is not None and lang != DEFAULT:
        raise ValueError("en statusrapport finnes bare på norsk")
    choices = choices or PrintChoices()
    edition = choices.edition
    as_of = status.as_of_date(plan, edition.as_of if edition is not None else choices.as_of)
    summary = None
    if report is not None:
        if today is None:
            raise TypeError("en statusrapport trenger dagens dato (today)")
        summary = status.build_report(plan, report, today, choices.as_of)
    plan = status.plan_as_of(plan, summary.as_of if summary is not None else as_of)
    site = Lookups(plan, lang=lang)  # print reads nothing of the options
    env = _environment(lang)
    created, modified = document_dates(plan)
    css = (PRINT / "print.css").read_text(encoding="utf-8").replace("url(fonts/", f"url({(PRINT / 'fonts').as_uri()}/")
    template = "report.html.jinja" if report is not None else "plan.html.jinja"
    html = env.get_template(template).render(
        site=site,
        plan=plan,
        info=plan.plan,
        css=Markup(css),
        chart=functools.partial(chart, lang=lang),
        created=created,
        modified=modified,
        licence=licence(plan, lang),
        year=report,
        as_of=summary.as_of if summary is not None else as_of,
        report=summary,
        choices=choices,
        edition=edition,
        contact=reader_contact(plan),
        untranslated_marker=Markup(UNTRANSLATED),
    )
    return breakable(_untranslated_note(html, lang))


#: Where the cover says that parts of the document are not yet translated (in a document not in Norwegian).
UNTRANSLATED = "<!-- untranslated -->"


def _untranslated_note(html: str, lang: str) -> str:
    """The print HTML with the cover's note «Parts of this document are not yet translated …» where the template
    left its place, when some text in the body is in Norwegian for want of a translation, else without it."""
    if UNTRANSLATED not in html:
        return html
    body = html.split("<body", 1)[1]
    fallback = f'lang="{DEFAULT}"' in body
    note = f'<p class="notice" role="note">{catalogue(lang).t("print.partly_untranslated")}</p>' if fallback else ""
    return html.replace(UNTRANSLATED, note, 1)


@contextlib.contextmanager
def _cached_page_references() -> Iterator[None]:
    """Make ``pydyf.PDF.page_references`` cheap while WeasyPrint writes the PDF.

    pydyf builds a new tuple of references to all pages every time the property is read, and WeasyPrint reads
    it for every tagged element (weasyprint/pdf/tags.py) and every anchor: quadratic in the number of pages,
    and a sixth of the time for a plan of 1 000 measures (700 pages). The references only change when a page
    is added, so they are cached by the number of pages. The PDF is the same, byte for byte.
    """
    import pydyf  # type: ignore[import-untyped]

    original = pydyf.PDF.page_references

    def page_references(self: Any) -> tuple[bytes, ...]:
        kids = self.pages["Kids"]
        cached: tuple[int, tuple[bytes, ...]] | None = self.__dict__.get("_cached_page_references")
        if cached is None or cached[0] != len(kids):
            cached = (len(kids), tuple(f"{number} 0 R".encode("ascii") for number in kids[::3]))
            self.__dict__["_cached_page_references"] = cached
        return cached[1]

    pydyf.PDF.page_references = property(page_references)
    try:
        yield
    finally:
        pydyf.PDF.page_references = original


#: HTML's scope of a header cell → PDF's /Scope (ISO 32000-1, 14.8.5.7); a <th> without one is a column's header,
#: as WeasyPrint maps it to the cells below.
SCOPES = {"row": "/Row", "rowgroup": "/Row", "col": "/Column", "colgroup": "/Column"}


def link_text(box: Any) -> str:
    """The words a link shows (its element's text, on one line), without what CSS adds (the contents' leader and
    page number)."""
    element = box.element
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def _own_lang(box: Any) -> str | None:
    """The `lang` attribute of a box's own element below <body> (the document's language is the catalogue's
    /Lang), or None."""
    element = getattr(box, "element", None)
    if element is None or getattr(box, "element_tag", None) in ("html", "body"):
        return None
    lang = element.get("lang")
    return str(lang) if lang else None


@contextlib.contextmanager
def _pdf_ua_tags() -> Iterator[None]:
    """Complete what WeasyPrint writes into the structure tree (weasyprint/pdf/tags.py) for PDF/UA-1, while a PDF is
    written:

    * every header cell (TH) gets its /Scope from the <th>'s `scope` (/Row for a year or a label beside its
      figures, /Column for a column's heading);
    * the structure tree root gets an /IDTree, which maps the IDs of the header cells (WeasyPrint gives each TH an
      /ID and each data cell /Headers naming them) to the cells, so that /Headers can be resolved;
    * a link's description (the annotation's /Contents) is the words it shows («1 Et attraktivt næringsliv»), not
      the anchor it points to («satsingsomrade-1»), which is all WeasyPrint writes;
    * an element in another language than the document's (a Norwegian text not yet translated in the English
      edition, <span lang="nb">) gets its /Lang (ISO 32000-1, 14.9.2), which WeasyPrint writes for the document only.

    WeasyPrint has no option for these; its tag builder is wrapped for this document only. The result depends on
    the HTML only: the same HTML gives the same bytes."""
    import pydyf
    from weasyprint import pdf as weasy_pdf
    from weasyprint.pdf import tags

    build, add = tags._build_box_tree, weasy_pdf.add_tags
    headers: list[Any] = []

    def build_box_tree(box: Any, *args: Any) -> Iterator[Any]:
        made = list(build(box, *args))
        yield from made
        inner = getattr(box, "_box", box)  # an absolutely placed box stands behind its placeholder
        if not made:
            return
        element: Any = made[-1]
        cell = getattr(inner, "mark", None) is element  # the header cell itself, not a block inside it
        if element["S"] == "/TH" and cell:
            element["A"]["Scope"] = SCOPES.get(inner.element.get("scope", "col"), "/Column")
            headers.append(element)
        elif element["S"] == "/Link" and inner.link_annotation is not None and (text := link_text(inner)):
            inner.link_annotation["Contents"] = pydyf.String(text)
        if (lang := _own_lang(inner)) is not None:
            element["Lang"] = pydyf.String(lang)

    def add_tags(pdf: Any, *args: Any) -> None:
        add(pdf, *args)
        named = sorted((h["ID"].string, h.reference) for h in headers if "ID" in h)
        root = pdf.objects[int(pdf.catalog["StructTreeRoot"].split()[0])]
        root["IDTree"] = pydyf.Dictionary(
            {"Names": pydyf.Array(x for pair in named for x in (pydyf.String(pair[0]), pair[1]))}
        )

    tags._build_box_tree, weasy_pdf.add_tags = build_box_tree, add_tags
    try:
        yield
    finally:
        tags._build_box_tree, weasy_pdf.add_tags = build, add


#: XMP's namespace for rights; Dublin Core's (dc) is WeasyPrint's.
XMP_RIGHTS = "http://ns.adobe.com/xap/1.0/rights/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
DC = "http://purl.org/dc/elements/1.1/"


def rights_in_xmp(metadata: Any) -> None:
    """Move the licence from the print template's <meta name="dcterms.rights"> and <meta name="dcterms.license">
    into the PDF's XMP metadata, where PDF readers look for it (as Creative Commons recommends): ``dc:rights``
    (the statement), ``xmpRights:WebStatement`` (the licence's address) and ``xmpRights:Marked``. WeasyPrint would
    otherwise write them into the Info dictionary under the names «dctermsrights» and «dctermslicense», which no
    reader knows. Its XMP (``generate_rdf_metadata``) is extended for this document only."""
    rights, url = metadata.custom.pop("dcterms.rights", None), metadata.custom.pop("dcterms.license", None)
    if rights is None or url is None:
        return
    generate = metadata.generate_rdf_metadata
    ElementTree.register_namespace("xmpRights", XMP_RIGHTS)

    def with_rights(*args: Any) -> bytes:
        rdf = ElementTree.fromstring(generate(*args))
        description = ElementTree.SubElement(rdf, f"{{{RDF}}}Description", {f"{{{RDF}}}about": ""})
        alt = ElementTree.SubElement(ElementTree.SubElement(description, f"{{{DC}}}rights"), f"{{{RDF}}}Alt")
        ElementTree.SubElement(alt, f"{{{RDF}}}li", {"xml:lang": "x-default"}).text = rights
        ElementTree.SubElement(description, f"{{{XMP_RIGHTS}}}Marked").text = "True"
        ElementTree.SubElement(description, f"{{{XMP_RIGHTS}}}WebStatement").text = url
        return bytes(ElementTree.tostring(rdf, encoding="utf-8"))

    metadata.generate_rdf_metadata = with_rights


def write_pdf(
    plan: Plan,
    out: Path,
    options: SiteOptions | None = None,
    report: int | None = None,
    choices: PrintChoices | None = None,
    *,
    today: dt.date | None = None,
    lang: str = DEFAULT,
) -> Path:
    """Write the PDF (tagged, PDF/UA-1) of the plan (in `lang`) or a year's status report and return its path."""
    return render_pdf(plan_html(plan, options, report, choices, today=today, lang=lang), out)


def portable(html: str) -> str:
    """The print HTML without the folder the fonts are read from: what the PDF's content depends on."""
    return html.replace((PRINT / "fonts").as_uri(), "fonts")


def render_pdf(html: str, out: Path) -> Path:
    """Render print HTML made by :func:`plan_html` into a PDF (tagged, PDF/UA-1) at `out`; the same HTML gives the
    same bytes."""
    from weasyprint import HTML

    # The identifier depends on the content only, not on the folder the fonts are read from.
    identifier = hashlib.sha256(portable(html).encode("utf-8")).hexdigest()[:32].encode("ascii")
    out.parent.mkdir(parents=True, exist_ok=True)
    # WeasyPrint makes millions of objects that live until the PDF is written; with the collector running it
    # walks them again and again to free next to nothing (a third of the time at 1 000 measures). One
    # collection afterwards frees what cycles there were.
    with _cached_page_references(), _pdf_ua_tags(), gc_paused():
        pdf: dict[str, Any] = {"pdf_variant": "pdf/ua-1", "pdf_identifier": identifier, "custom_metadata": True}
        document = HTML(string=html, base_url=str(PRINT)).render(**pdf)
        rights_in_xmp(document.metadata)
        document.write_pdf(out, uncompressed_pdf=False, **pdf)
    gc.collect()
    return out


def report_name(year: int) -> str:
    return f"statusrapport-{year}.pdf"
