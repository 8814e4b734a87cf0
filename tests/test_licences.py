"""The licences the open data can be published under come from one table (scripts/model/licences.py): the ids
plan.yaml accepts, the names and addresses the pages print, and the EU vocabulary's URIs for DCAT."""

from __future__ import annotations

import typing

import pytest
from pydantic import ValidationError

import schema
from scripts.model.licences import EU_LICENCES, LICENCES, TERMS, LicenceId


def test_plan_yaml_accepts_exactly_the_licences_the_table_describes() -> None:
    accepted = typing.get_args(schema.PlanInfo.model_fields["licence"].annotation)
    assert set(accepted) == set(typing.get_args(LicenceId)) == set(TERMS)


def test_every_licence_has_a_norwegian_name_an_address_and_a_uri_in_the_eu_vocabulary() -> None:
    for terms in TERMS.values():
        assert terms.name and terms.url.startswith("https://")
        assert terms.uri.startswith("http://publications.europa.eu/resource/authority/licence/")


def test_the_views_of_the_table_say_the_same_as_the_table() -> None:
    assert schema.LICENCES is LICENCES
    assert {i: (t.name, t.url, t.uri) for i, t in TERMS.items()} == {i: (*LICENCES[i], EU_LICENCES[i]) for i in TERMS}


def test_a_licence_outside_the_table_is_refused() -> None:
    with pytest.raises(ValidationError, match="licence"):
        schema.PlanInfo.model_validate({"licence": "MIT"})
