"""Stage 5, what the website and the print edition both present: the pieces the two stages draw alike, below both.

In: a validated :class:`schema.Plan` (and plain numbers and labels for the charts). Out: values, never pages or
files: :mod:`~scripts.present.lookups` (:class:`~scripts.present.lookups.Lookups`, the plan's lookups computed
once, and :class:`~scripts.present.lookups.SiteOptions`), :mod:`~scripts.present.charts` (the SVG charts as
strings), :mod:`~scripts.present.budget` (a budget chart's row and its :class:`~scripts.present.charts.Label`),
:mod:`~scripts.present.progress` (an indicator's progress and verdict by Open SDG's method, one function for every
medium), :mod:`~scripts.present.indicators` (an indicator's rows per year and the filters that show them),
:mod:`~scripts.present.facts` (a measure's facts: status, period, lead, municipalities, who holds which role) and
:mod:`~scripts.present.licence` (the licence and its statement). Nothing here makes a link between pages or
knows which medium it is drawn in: :mod:`scripts.site` adds the website's addresses, :mod:`scripts.pdf` the
print layout; neither imports the other.
"""
