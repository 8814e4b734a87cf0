"""The models' descriptions are the docstrings under their fields (read once per module by scripts/model/base.py,
as pydantic's `use_attribute_docstrings` would read them, but without walking the stack for every model)."""

from __future__ import annotations

from pydantic import Field

from scripts.model.base import Model


class Example(Model):
    required: int
    """Et felt uten standardverdi:
    over to linjer."""
    optional: str = "x"
    """Et felt med standardverdi."""
    explicit: int = Field(3, description="Gitt i Field().")
    """Denne teksten brukes ikke."""
    undocumented: int = 0


class Extended(Example):
    optional: str = "y"
    """Endret i underklassen."""


def test_a_docstring_under_a_field_is_its_description_cleaned_like_a_docstring() -> None:
    fields = Example.model_fields
    assert fields["required"].description == "Et felt uten standardverdi:\nover to linjer."
    assert fields["required"].is_required()
    assert (fields["optional"].description, fields["optional"].default) == ("Et felt med standardverdi.", "x")


def test_a_description_given_in_field_wins_and_a_field_without_docstring_has_none() -> None:
    assert Example.model_fields["explicit"].description == "Gitt i Field()."
    assert Example.model_fields["explicit"].default == 3
    assert Example.model_fields["undocumented"].description is None


def test_a_subclass_keeps_the_inherited_descriptions_and_adds_its_own() -> None:
    fields = Extended.model_fields
    assert fields["required"].description == "Et felt uten standardverdi:\nover to linjer."
    assert (fields["optional"].description, fields["optional"].default) == ("Endret i underklassen.", "y")
    assert Extended(required=1).optional == "y"
