"""The licences the plan's open data and documents can be published under (``plan.licence`` in plan/plan.yaml):
one table, from which the model takes the ids it accepts and the pages, feeds, PDFs and DCAT their words and
addresses."""

from __future__ import annotations

from typing import Literal, NamedTuple

#: An SPDX id of a licence the plan can choose.
LicenceId = Literal["CC-BY-4.0", "NLOD-2.0"]


class Terms(NamedTuple):
    #: The Norwegian name, «Creative Commons Navngivelse 4.0 Internasjonal».
    name: str
    #: The licence text for people.
    url: str
    #: The licence in the EU's licence vocabulary, which DCAT-AP and data.norge.no use.
    uri: str


TERMS: dict[LicenceId, Terms] = {
    "CC-BY-4.0": Terms(
        "Creative Commons Navngivelse 4.0 Internasjonal",
        "https://creativecommons.org/licenses/by/4.0/deed.no",
        "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0",
    ),
    "NLOD-2.0": Terms(
        "Norsk lisens for offentlige data (NLOD) 2.0",
        "https://data.norge.no/nlod/no/2.0",
        "http://publications.europa.eu/resource/authority/licence/NLOD_2_0",
    ),
}

#: SPDX id → (name, address), as the pages, feeds and PDFs print it.
LICENCES: dict[LicenceId, tuple[str, str]] = {id_: (terms.name, terms.url) for id_, terms in TERMS.items()}
#: SPDX id → the licence's URI in the EU vocabulary (for DCAT).
EU_LICENCES: dict[LicenceId, str] = {id_: terms.uri for id_, terms in TERMS.items()}
