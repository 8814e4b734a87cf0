"""The licence the plan's open data and documents are published under (``plan.licence``), and who to credit."""

from __future__ import annotations

from dataclasses import dataclass

from schema import LICENCES, Plan

#: The licences in the EU's licence vocabulary, which DCAT-AP and data.norge.no use (SPDX id → URI).
EU_LICENCES = {
    "CC-BY-4.0": "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0",
    "NLOD-2.0": "http://publications.europa.eu/resource/authority/licence/NLOD_2_0",
}


@dataclass(frozen=True)
class Licence:
    #: The SPDX id, «CC-BY-4.0».
    id: str
    #: The short name people know, «CC BY 4.0».
    short: str
    #: The Norwegian name, «Creative Commons Navngivelse 4.0 Internasjonal».
    name: str
    url: str
    #: Whom users credit: the plan's owner, «Gardermoregionen IPR».
    holder: str

    @property
    def uri(self) -> str:
        """The licence's address in the EU licence vocabulary (for DCAT)."""
        return EU_LICENCES[self.id]

    @property
    def statement(self) -> str:
        """One sentence for metadata and colophons."""
        return f"Lisens: {self.name} ({self.short}), {self.url}. Oppgi {self.holder} som kilde."


def licence(plan: Plan) -> Licence:
    name, url = LICENCES[plan.plan.licence]
    owner = next(a.name for a in plan.actors if a.id == plan.plan.owner)
    return Licence(plan.plan.licence, plan.plan.licence.replace("-", " "), name, url, owner)
