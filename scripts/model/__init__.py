"""The vocabulary the data model is built from, below ``schema.py``: the types of single values (patterns, text
without invisible characters, dates, addresses, ids: :mod:`~scripts.model.fields`) and the catalog of the whole
plan that references are checked against (:mod:`~scripts.model.catalog`).

In: raw values from the YAML files. Out: pydantic field types and a :class:`~scripts.model.catalog.Catalog`.
These modules import nothing from the project, so that ``import schema`` never runs into an import circle.
"""
