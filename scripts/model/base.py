"""The base of every model of the plan's files (``schema.py`` and the models beside this module).

Each field's description is the docstring under it. Pydantic can read these itself (``use_attribute_docstrings``),
but on Python before 3.13 it walks the stack and tokenizes the class's source again for every model, which was a
fifth of ``import schema``; :meth:`Model.__init_subclass__` reads each module's source once instead and gives each
field its description as ``Field(description=…)`` would, before pydantic collects the fields.
"""

from __future__ import annotations

import ast
import functools
import inspect
import sys
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined


@functools.cache
def _docstrings(filename: str) -> dict[str, dict[str, str]]:
    """For each top-level class of a module's source: each annotated attribute that has a string right under it,
    with that string cleaned as ``inspect.cleandoc`` cleans docstrings (as pydantic reads them)."""
    try:
        with open(filename, encoding="utf-8") as source:
            tree = ast.parse(source.read(), filename)
    except (OSError, SyntaxError, ValueError):  # no source (an install of .pyc only): no descriptions, as pydantic
        return {}
    found: dict[str, dict[str, str]] = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            found[node.name] = {
                stmt.target.id: inspect.cleandoc(after.value.value)
                for stmt, after in zip(node.body, node.body[1:], strict=False)
                if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name)
                if isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant)
                if isinstance(after.value.value, str)
            }
    return found


class Model(BaseModel):
    """Base of every model: unknown keys are errors, descriptions come from attribute docstrings."""

    model_config = ConfigDict(
        extra="forbid",
        use_attribute_docstrings=False,  # read once per module by __init_subclass__ (see the module's docs)
        populate_by_name=False,
        str_strip_whitespace=False,
        frozen=True,
        allow_inf_nan=False,
    )

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Runs as the class is made, before pydantic collects its fields: each field whose docstring is found
        gets it as its description (a description given in ``Field()`` is kept)."""
        super().__init_subclass__(**kwargs)
        module = sys.modules.get(cls.__module__)
        filename = getattr(module, "__file__", None)
        if filename is None or "." in cls.__qualname__:
            return
        for name, doc in _docstrings(filename).get(cls.__name__, {}).items():
            if name not in inspect.get_annotations(cls):
                continue
            default = cls.__dict__.get(name, PydanticUndefined)
            if isinstance(default, FieldInfo):
                if default.description is None:
                    default.description = doc
            else:
                setattr(cls, name, Field(default, description=doc))
