"""Stage 1, shared pieces every stage may use; imports nothing from the stages above it (only :mod:`schema` and
:mod:`scripts.model`).

In: values of the validated plan (:mod:`schema`). Out: problems as values with ``file:line``
(:mod:`~scripts.core.problems`), Norwegian text and number filters (:mod:`~scripts.core.filters`), dates and
numbers without Markdown (:mod:`~scripts.core.dates`, with :func:`~scripts.core.dates.today`, the one reading of
the clock; :mod:`~scripts.core.numbers`), the progress lines of a build (:mod:`~scripts.core.progress`), the cycle
collector paused (:mod:`~scripts.core.collector`), atomic file writes (:mod:`~scripts.core.files`), spreadsheet
writing (:mod:`~scripts.core.spreadsheet`) and questions several stages ask of a plan
(:mod:`~scripts.core.queries`: the lead, budget sums, the years with a status report, the adopted editions).
"""
