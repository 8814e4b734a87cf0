"""What the site's search index reads from a page, made readable: Material's search plugin keeps the text of a
table without anything between the cells («Nr.TiltakStatus1.1.1Klyngeprogram…»), since tables written as HTML
have no whitespace between their tags. A space after each cell and a line break after each row change nothing
on the page (whitespace between table cells is not shown) and give the index «Nr. Tiltak Status 1.1.1
Klyngeprogram …»."""

from __future__ import annotations

import re

_CELL_END = re.compile(r"</(td|th)>(?!\s)")
_ROW_END = re.compile(r"</tr>(?!\s)")


def readable_tables(page_html: str) -> str:
    """The page's HTML with whitespace between table cells and rows where there was none."""
    return _ROW_END.sub("</tr>\n", _CELL_END.sub(r"</\1> ", page_html))
