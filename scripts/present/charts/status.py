"""The status chart: how many measures have each status, as horizontal bars with «Status: n» at their ends."""

from __future__ import annotations

from dataclasses import dataclass

from scripts.present.charts.style import FONT, MUTED, WIDTH, check_colour, outline
from scripts.present.charts.svg import Rect, Text, check_chart, line, rect, render, text_at
from scripts.present.charts.text import Words, lower_first, text_width, truncate


@dataclass(frozen=True)
class _StatusBar:
    title: str
    bar: Rect
    label: Text


def status_chart(
    chart_id: str, rows: list[tuple[str, int, str]], title: str, *, width: int = WIDTH, lang: str = "nb"
) -> str:
    """Horizontal bars, one per status: rows are (label, count, colour "#rrggbb"), drawn in the given order.

    Each bar has its label and count written at its end, «Pågår: 24». The words and numbers are in `lang`."""
    check_chart(chart_id, width)
    w = Words(lang)
    top, row_height, bar_height, gap = 4.0, 34.0, 22.0, 8.0
    texts = [f"{label}: {w.number(count)}" for label, count, _ in rows]
    room = width - 6 - gap
    texts = [truncate(t, FONT, room - 80) for t in texts]  # leave at least 80 units of bar for the largest
    scales = [(room - text_width(t, FONT)) / count for t, (_, count, _) in zip(texts, rows, strict=True) if count > 0]
    scale = min(scales, default=0.0)
    bars: list[_StatusBar] = []
    for i, ((label, count, colour), text) in enumerate(zip(rows, texts, strict=True)):
        if count < 0:
            raise ValueError(f"antallet for «{label}» er negativt ({count})")
        colour = check_colour(colour)
        y = top + i * row_height
        bar_width = count * scale
        bars.append(
            _StatusBar(
                title=w.t("chart.status.count", label=label, count=w.number(count)),
                bar=rect(1, y, bar_width, bar_height, colour, outline(colour)),
                label=text_at(1 + bar_width + gap, y + bar_height / 2 + FONT * 0.36, text),
            )
        )
    height = top + max(len(rows), 1) * row_height
    empty = None if rows else text_at(1, top + bar_height / 2 + FONT * 0.36, w.t("chart.status.empty"), fill=MUTED)
    axis = line(0.5, 0, 0.5, height - (row_height - bar_height - top) if rows else height)
    desc = _description(w, rows)
    return render("status", chart_id, title, desc, width, height, bars=bars, axis=axis, empty=empty)


def _description(w: Words, rows: list[tuple[str, int, str]]) -> str:
    """The chart in words: «Pågår: 24 tiltak, fullført: 3 tiltak. Til sammen 27 tiltak.»"""
    if not rows:
        return w.t("chart.status.empty")
    total = sum(count for _, count, _ in rows)
    parts = [
        w.t("chart.status.count", label=label if i == 0 else lower_first(label), count=w.number(count))
        for i, (label, count, _) in enumerate(rows)
    ]
    return ", ".join(parts) + ". " + w.t("chart.status.total", count=w.number(total))


#: Height of the stacked status bar, and the white gap between its parts, in viewBox units.
BAR_HEIGHT, BAR_GAP = 24.0, 2.0


def status_bar(
    chart_id: str, rows: list[tuple[str, int, str]], title: str, *, width: int = WIDTH, lang: str = "nb"
) -> str:
    """One low bar split into a part per status, each as long as its share of the measures, in the given order;
    rows are (label, count, colour "#rrggbb") and a count of zero has no part. The bar has no text of its own: the
    page writes the counts beside it, and each part has a <title> («Pågår: 24 tiltak»). The words are in `lang`."""
    check_chart(chart_id, width)
    w = Words(lang)
    for label, count, _ in rows:
        if count < 0:
            raise ValueError(f"antallet for «{label}» er negativt ({count})")
    shown = [(label, count, check_colour(colour)) for label, count, colour in rows if count > 0]
    total = sum(count for _, count, _ in shown)
    room = width - BAR_GAP * max(len(shown) - 1, 0)
    parts, x = [], 0.0
    for label, count, colour in shown:
        part = max(room * count / total, 1.0)
        parts.append(
            rect(
                x,
                0,
                part,
                BAR_HEIGHT,
                colour,
                outline(colour),
                w.t("chart.status.count", label=label, count=w.number(count)),
            )
        )
        x += part + BAR_GAP
    empty = None if shown else text_at(8, BAR_HEIGHT / 2 + FONT * 0.36, w.t("chart.status.empty"), fill=MUTED)
    frame = rect(0.5, 0.5, width - 1, BAR_HEIGHT - 1, "none", MUTED)
    desc = _description(w, rows)
    return render("status-bar", chart_id, title, desc, width, BAR_HEIGHT, parts=parts, empty=empty, frame=frame)
