"""The budget chart: secured and planned money per category, as stacked horizontal bars with a legend."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from scripts.present.charts.style import ACCENT, FONT, MUTED, SMALL, WIDTH
from scripts.present.charts.svg import Rect, Text, check_chart, rect, render, text_at
from scripts.present.charts.text import Words, text_width, wrap

# Vertical rhythm, in viewBox units: the legend on top, then per row a label, a bar and the amounts under it.
_LEGEND_HEIGHT = 34.0
_LABEL_HEIGHT = 20.0
_BAR_HEIGHT = 22.0
_LINE_HEIGHT = 18.0
_ROW_GAP = 18.0
#: Between the end of a bar and its total.
_GAP = 8.0


@dataclass(frozen=True)
class Label:
    """A category's name in two forms: `shown`, drawn in the chart where room is tight («GRIP»), and `spoken`, in
    the chart's title and description, its text alternative («Gardermoregionen IPR (GRIP)»)."""

    shown: str
    spoken: str


def _label(label: str | Label) -> Label:
    return label if isinstance(label, Label) else Label(label, label)


@dataclass(frozen=True)
class _BudgetRow:
    title: str
    label: list[Text]
    segments: list[Rect]
    total: Text
    breakdown: list[Text]


def budget_chart(
    chart_id: str, rows: Sequence[tuple[str | Label, int, int]], title: str, *, width: int = WIDTH, lang: str = "nb"
) -> str:
    """Stacked horizontal bars, one per category: rows are (label, secured_nok, planned_nok); a :class:`Label`
    draws a short form and names the full one in the text alternative.

    Secured money is a solid bar, planned money the same hue hatched with an outline; a legend explains
    both, the total is written at the end of each bar and the two amounts under it. The words and amounts are in
    `lang`."""
    check_chart(chart_id, width)
    w = Words(lang)
    labelled = [(_label(label), secured, planned) for label, secured, planned in rows]
    room = width - 6 - _GAP
    for label, secured, planned in labelled:
        if secured < 0 or planned < 0:
            raise ValueError(f"beløpene for «{label.spoken}» kan ikke være negative")
    totals = [secured + planned for _, secured, planned in labelled]
    scales = [(room - text_width(w.nok(total), FONT, bold=True)) / total for total in totals if total > 0]
    scale = min(scales, default=0.0)
    out: list[_BudgetRow] = []
    y = _LEGEND_HEIGHT
    for label, secured, planned in labelled:
        row, y = _budget_row(w, chart_id, label, secured, planned, y, scale, width)
        out.append(row)
    height = (y - _ROW_GAP + 4) if labelled else _LEGEND_HEIGHT + _LABEL_HEIGHT + 8
    swatches, legend = _legend(w, chart_id)
    empty = None if labelled else text_at(1, _LEGEND_HEIGHT + FONT, w.t("chart.budget.empty"), fill=MUTED)
    return render(
        "budget",
        chart_id,
        title,
        _description(w, labelled),
        width,
        height,
        rows=out,
        accent=ACCENT,
        legend_swatches=swatches,
        legend=legend,
        empty=empty,
    )


def _budget_row(
    w: Words, chart_id: str, label: Label, secured: int, planned: int, y: float, scale: float, width: int
) -> tuple[_BudgetRow, float]:
    """One category drawn from y downwards: its label, bar, total and amounts; and the y of the next row."""
    total = secured + planned
    label_lines = wrap(label.shown, FONT, width - 2, bold=True)
    bar_y = y + _LABEL_HEIGHT + (len(label_lines) - 1) * _LINE_HEIGHT
    # The two amounts under the bar, on one line when they fit and on two when they do not.
    amounts = {"secured": w.nok(secured), "planned": w.nok(planned)}
    one_line = w.t("chart.budget.amounts", **amounts)
    if text_width(one_line, SMALL) <= width - 2:
        lines = [one_line]
    else:
        lines = [w.t("chart.budget.amounts_first", **amounts), w.t("chart.budget.amounts_second", **amounts)]
    row = _BudgetRow(
        title=w.t("chart.budget.row", label=label.spoken, total=w.nok(total), **amounts),
        label=[text_at(1, y + FONT + k * _LINE_HEIGHT, t, weight="600") for k, t in enumerate(label_lines)],
        segments=_segments(w, chart_id, bar_y, secured, planned, scale),
        total=text_at(1 + total * scale + _GAP, bar_y + _BAR_HEIGHT / 2 + FONT * 0.36, w.nok(total), weight="600"),
        breakdown=[
            text_at(1, bar_y + _BAR_HEIGHT + SMALL + 3 + k * _LINE_HEIGHT, text, fill=MUTED, size=SMALL)
            for k, text in enumerate(lines)
        ],
    )
    return row, bar_y + _BAR_HEIGHT + 2 + len(lines) * _LINE_HEIGHT + _ROW_GAP


def _segments(w: Words, chart_id: str, bar_y: float, secured: int, planned: int, scale: float) -> list[Rect]:
    """The bar of one category: a solid segment for secured money, then a hatched one for planned money."""
    secured_width, planned_width = secured * scale, planned * scale
    segments = []
    if secured > 0:
        segments.append(
            rect(
                1,
                bar_y,
                secured_width,
                _BAR_HEIGHT,
                ACCENT,
                title=w.t("chart.budget.secured_part", amount=w.nok(secured)),
            )
        )
    if planned > 0:
        # The outline is drawn inside the segment, so that it stays visible next to the solid part.
        segments.append(
            rect(
                1 + secured_width + 0.75,
                bar_y + 0.75,
                planned_width - 1.5,
                _BAR_HEIGHT - 1.5,
                f"url(#{chart_id}-hatch)",
                ACCENT,
                w.t("chart.budget.planned_part", amount=w.nok(planned)),
            )
        )
    return segments


def _legend(w: Words, chart_id: str) -> tuple[list[Rect], list[Text]]:
    """The legend on top: a solid swatch «Bevilget» and a hatched one «Planlagt»."""
    secured_word, planned_word = w.t("chart.budget.secured"), w.t("chart.budget.planned")
    planned_x = 1 + 18 + 6 + text_width(secured_word, SMALL) + 24
    swatches = [rect(1, 4, 18, 14, ACCENT), rect(planned_x, 4, 18, 14, f"url(#{chart_id}-hatch)", ACCENT)]
    legend = [
        text_at(1 + 18 + 6, 4 + 7 + SMALL * 0.36, secured_word, size=SMALL),
        text_at(planned_x + 18 + 6, 4 + 7 + SMALL * 0.36, planned_word, size=SMALL),
    ]
    return swatches, legend


def _description(w: Words, rows: list[tuple[Label, int, int]]) -> str:
    """The chart in words: one sentence per category and one for all of them together."""
    if not rows:
        return w.t("chart.budget.empty")
    sentences = [
        w.t(
            "chart.budget.row",
            label=label.spoken,
            secured=w.nok(secured),
            planned=w.nok(planned),
            total=w.nok(secured + planned),
        )
        + "."
        for label, secured, planned in rows
    ]
    all_secured = sum(secured for _, secured, _ in rows)
    all_planned = sum(planned for _, _, planned in rows)
    all_total = w.nok(all_secured + all_planned)
    sentences.append(w.t("chart.budget.all", secured=w.nok(all_secured), planned=w.nok(all_planned), total=all_total))
    return " ".join(sentences)
