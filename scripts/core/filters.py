"""Small, tested functions that turn plan values into Norwegian text for the pages (registered as Jinja2
filters in one place: :data:`FILTERS`). Logic lives here, not in the templates."""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable
from typing import Any

import markdown
import nh3

from schema import Actor
from scripts.core.dates import nb_date as nb_date
from scripts.core.numbers import NARROW as NARROW
from scripts.core.numbers import NBSP as NBSP
from scripts.core.numbers import nok as nok
from scripts.core.numbers import number as number
from scripts.core.numbers import percent as percent
from scripts.core.numbers import year_span as year_span
from scripts.core.numbers import years as years
from scripts.core.queries import abbreviates, plain_name


def _one_line(text: Any) -> str:
    """The text on one line: every run of whitespace (line breaks too) becomes one space."""
    return " ".join(str(text).split())


#: Markdown that works only at the start of a line: «1. » and «1) » (numbered list), «- » and «+ » (list),
#: «: » (definition), «=» and «-» runs (heading underline), «|» (table row).
_LINE_START = re.compile(r"^(?:(\d+)([.)])|([-+:=|]))")
_LINE_START_ESCAPES = {".": "\\.", ")": "\\)", "-": "\\-", "+": "\\+", ":": "&#58;", "=": "&#61;", "|": "&#124;"}


def inline(text: Any) -> str:
    """Text from the plan, shown as plain text inside Markdown (not interpreted as Markdown or HTML): on one
    line, HTML escaped, Markdown punctuation escaped, and nothing at the start that could begin a block."""
    escaped = html.escape(_one_line(text), quote=False)
    escaped = re.sub(r"([\\`*_\[\]#!{}])", r"\\\1", escaped)
    return _LINE_START.sub(
        lambda m: (m.group(1) or "") + _LINE_START_ESCAPES[m.group(2) or m.group(3)],
        escaped,
    )


def cell(text: Any) -> str:
    """Text safe inside a Markdown table cell: plain text as with :func:`inline`, and pipes escaped."""
    return inline(text).replace("|", "\\|").replace("&#124;", "\\|")


#: What Markdown from the plan files may become: text structure and links, nothing that runs or loads.
SAFE_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "blockquote", "code", "pre", "hr",
    "table", "thead", "tbody", "tr", "th", "td", "sup", "sub",
}  # fmt: skip
SAFE_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}
SAFE_SCHEMES = {"http", "https", "mailto"}


@functools.cache
def _parser() -> markdown.Markdown:
    """One python-markdown parser, built once (building it costs more than converting a text) and reset before
    each text. Without images: «![tekst](adresse)» becomes «!» and a link, so that nothing is loaded from
    elsewhere and the text is not lost."""
    md = markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")
    md.inlinePatterns.deregister("image_link")
    md.inlinePatterns.deregister("image_reference")
    return md


def _markdown(text: str) -> str:
    """Markdown to HTML with python-markdown (see _parser)."""
    md = _parser().reset()
    # Code is escaped by python-markdown as well: undo the second escaping, so that `<b>` shows as <b>.
    return re.sub(
        r"(<code[^>]*>)(.*?)(</code>)",
        lambda m: m.group(1) + m.group(2).replace("&amp;", "&") + m.group(3),
        md.convert(text),
        flags=re.DOTALL,
    )


def _absolute_links_only(tag: str, name: str, value: str) -> str | None:
    """For print: links to the web, mail or a place in the document; a relative address means nothing there."""
    if tag == "a" and name == "href" and not re.match(r"^(https?://|mailto:|#)", value, re.IGNORECASE):
        return None
    return value


def markdown_html(text: str, *, relative_links: bool = True) -> str:
    """Markdown written in the plan files as safe HTML. Raw HTML in the text is shown as text, not run;
    nh3 then keeps only harmless tags, and links only to http(s), mailto or (unless `relative_links` is
    False, as in print) relative addresses."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return str(
        nh3.clean(
            _markdown(escaped),
            tags=SAFE_TAGS,
            attributes=SAFE_ATTRIBUTES,
            url_schemes=SAFE_SCHEMES,
            link_rel="noopener noreferrer",
            attribute_filter=None if relative_links else _absolute_links_only,
        )
    )


def prose(text: str) -> str:
    """Markdown from the plan as a block of safe HTML inside a generated Markdown page."""
    return f'<div class="prose">\n{markdown_html(text)}\n</div>'


def attr(text: Any) -> str:
    """Text safe inside an HTML attribute value in double quotes, and inside a double-quoted YAML string in
    the front matter of a page (on one line, no backslash escapes: MkDocs puts the title into the HTML as it
    is, so it stays HTML escaped)."""
    return html.escape(_one_line(text), quote=True).replace("\\", "&#92;")


def _short(actor: Actor, escape: Callable[[Any], str], quote: Callable[[Any], str]) -> str:
    """The abbreviation with its full name twice: in the tooltip (a mouse) and as text a screen reader reads but
    the eye does not see (a tooltip shows on hover only). Touch and keyboard reach the full name through the link
    around it, to the actor's page, and the page «Ordforklaringer» explains the plan's abbreviations."""
    if not abbreviates(actor.short_name, actor.name):
        return escape(plain_name(actor))
    full = f'<span class="visually-hidden"> ({escape(actor.name)})</span>'
    return f'<abbr title="{quote(actor.name)}">{escape(actor.short_name)}</abbr>{full}'


def _markdown_attr(text: Any) -> str:
    """Text for an attribute of HTML inside Markdown text: on one line, every character but letters, digits and
    spaces as a character reference. Python-Markdown reads Markdown in a link's text before it sees the HTML,
    so «![b](x)» in the attribute would otherwise become an image."""
    return "".join(c if c.isalnum() or c == " " else f"&#{ord(c)};" for c in _one_line(text))


def short_html(actor: Actor) -> str:
    """An actor's short form for a tight place in HTML (a table column): an abbreviation with its full name,
    «<abbr title="Gardermoregionen IPR">GRIP</abbr>» and the full name for screen readers; a short name that is
    the first words of the name («Eidsvoll») as plain text; the name when there is no short name. Text escaped as
    with :func:`attr`."""
    return _short(actor, attr, attr)


def short_md(actor: Actor) -> str:
    """:func:`short_html` for Markdown text (a link's text in a list): the short name escaped as with
    :func:`inline`, the full name in the title attribute as character references."""
    return _short(actor, inline, _markdown_attr)


def url(address: Any) -> str:
    """An address from the plan, safe as the destination of a Markdown link «[tekst](adresse)»: characters
    that could end the link or start Markdown or HTML are percent-encoded, as a browser would send them."""
    return re.sub(
        r"[\x00-\x20\x7f<>\"'`()\[\]{}|\\^]",
        lambda m: "".join(f"%{byte:02X}" for byte in m.group().encode("utf-8")),
        str(address),
    )


def plural(count: int, one: str, many: str) -> str:
    """«1 tiltak», «3 mål», «2 aktører»."""
    return f"{number(count)} {one if count == 1 else many}"


def slug(ident: str) -> str:
    """The id as it appears in addresses: «1.2.3» → «1-2-3»."""
    return ident.replace(".", "-")


FILTERS: dict[str, Callable[..., str]] = {
    "number": number,
    "nok": nok,
    "percent": percent,
    "nb_date": nb_date,
    "years": years,
    "cell": cell,
    "inline": inline,
    "attr": attr,
    "url": url,
    "plural": plural,
    "slug": slug,
    "prose": prose,
    "short_html": short_html,
    "short_md": short_md,
    "plain_name": plain_name,
}
