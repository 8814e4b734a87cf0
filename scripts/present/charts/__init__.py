"""SVG charts for the website and the PDFs, drawn at build time: status counts, budgets and indicators.

What comes in: numbers (counts, amounts in kroner, an indicator's measurements, years), labels in Norwegian
bokmål, colours as ``#rrggbb``, an id that is unique on the page, and the width of the viewBox. What goes out:
the markup of one ``<svg>`` element as a string; nothing is written to files. The charts need no JavaScript,
fetch nothing and give the same bytes for the same input (coordinates are rounded to one decimal).

* :func:`status_chart` (``status.py``): how many measures have each status; :func:`status_bar`, the same as one
  low stacked bar for a page that writes the counts beside it;
* :func:`budget_chart` (``budget.py``): secured and planned money per category (a :class:`Label` draws a short
  form, «GRIP», and puts the full name into the text alternative);
* :func:`indicator_chart` (``indicator.py``): measurements by year against baseline and target.

(The timeline is not a chart: an HTML list whose bars the stylesheet draws, ``scripts/site/timeline.py``.)

Shared by them: ``style.py`` (sizes, colours, contrast), ``text.py`` (Norwegian numbers, text measuring,
shortening and wrapping), ``svg.py`` (elements and the Jinja2 templates in ``scripts/templates/charts``, which
escape every text) and ``layout.py`` (axis ticks, labelled years, labels placed without collisions).

Accessibility, the same for every chart:

* the root has ``role="img"`` and ``aria-labelledby`` pointing to a ``<title>`` and a ``<desc>`` that states the
  data in words, in Norwegian bokmål;
* the viewBox is :data:`WIDTH` units wide and no text is smaller than :data:`SMALL` units, so text is at least
  12 px when the chart is 640 px wide; the width is 100 % of the container;
* colour never carries meaning alone: bars have text labels, budget amounts that are only planned are hatched
  and explained in a legend, indicator lines have labels, markers and a legend;
* the colours hard-coded here have at least 4.5:1 contrast against white for text and 3:1 for graphics.

Numbers are written the Norwegian way: :func:`number` and :func:`nok`.
"""

from scripts.present.charts.budget import Label, budget_chart
from scripts.present.charts.indicator import indicator_chart
from scripts.present.charts.status import status_bar, status_chart
from scripts.present.charts.style import (
    ACCENT,
    BASELINE,
    FONT,
    FONT_FAMILY,
    GRAPHIC_COLOURS,
    GRID,
    MIN_WIDTH,
    MUTED,
    SMALL,
    TARGET,
    TEXT,
    TEXT_COLOURS,
    WHITE,
    WIDTH,
    contrast,
)
from scripts.present.charts.svg import CHART_TEMPLATES, font_family
from scripts.present.charts.text import ELLIPSIS, NBSP, nok, number, quantity, text_width, truncate, wrap, years

__all__ = [
    "ACCENT",
    "BASELINE",
    "CHART_TEMPLATES",
    "ELLIPSIS",
    "FONT",
    "FONT_FAMILY",
    "GRAPHIC_COLOURS",
    "GRID",
    "MIN_WIDTH",
    "MUTED",
    "NBSP",
    "SMALL",
    "TARGET",
    "TEXT",
    "TEXT_COLOURS",
    "WHITE",
    "WIDTH",
    "Label",
    "budget_chart",
    "contrast",
    "font_family",
    "indicator_chart",
    "nok",
    "number",
    "quantity",
    "status_bar",
    "status_chart",
    "text_width",
    "truncate",
    "wrap",
    "years",
]
