"""The base of every model of the plan's files (``schema.py`` and the models beside this module)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Model(BaseModel):
    """Base of every model: unknown keys are errors, descriptions come from attribute docstrings."""

    model_config = ConfigDict(
        extra="forbid",
        use_attribute_docstrings=True,
        populate_by_name=False,
        str_strip_whitespace=False,
        frozen=True,
        allow_inf_nan=False,
    )
