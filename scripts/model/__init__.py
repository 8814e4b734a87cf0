"""The vocabulary the data model is built from, below ``schema.py``: the types of single values (patterns, text
without invisible characters, dates, addresses, ids: :mod:`~scripts.model.fields`), the words fixed in code
(:mod:`~scripts.model.fixed`), the catalog of the whole plan that references are checked against
(:mod:`~scripts.model.catalog`), the base of the models (:mod:`~scripts.model.base`), the models of the indicators
and of the plan's revisions (:mod:`~scripts.model.indicators`, :mod:`~scripts.model.revisions`), the licences
(:mod:`~scripts.model.licences`), a measure's milestones (:mod:`~scripts.model.milestones`) and the English
translations (the ``en:`` blocks, :mod:`~scripts.model.english`). ``schema.py`` builds the rest and re-exports
these.

In: raw values from the YAML files. Out: pydantic field types and models, a :class:`~scripts.model.catalog.Catalog`.
These modules import nothing from the project but each other, so that ``import schema`` never runs into an import
circle.
"""
