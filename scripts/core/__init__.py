"""Shared pieces every stage may use; imports nothing from the other stages.

In: values of the validated plan (:mod:`schema`). Out: problems as values with ``file:line``
(:mod:`~scripts.core.problems`), Norwegian text and number filters (:mod:`~scripts.core.filters`), the progress
lines of a build (:mod:`~scripts.core.progress`) and questions several stages ask of a plan
(:mod:`~scripts.core.queries`: the lead, budget sums, the years with a status report).
"""
