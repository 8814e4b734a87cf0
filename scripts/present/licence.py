"""The licence the plan's open data and documents are published under (``plan.licence``), and who to credit."""

from __future__ import annotations

from dataclasses import dataclass

from schema import LICENCES, Plan
from scripts.core.catalogue import catalogue
from scripts.present.i18n import localized

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
    #: The language of the name and the statement.
    lang: str = "nb"

    @property
    def uri(self) -> str:
        """The licence's address in the EU licence vocabulary (for DCAT)."""
        return EU_LICENCES[self.id]

    @property
    def statement(self) -> str:
        """One sentence for metadata and colophons."""
        fields = {"name": self.name, "short": self.short, "url": self.url, "holder": self.holder}
        return catalogue(self.lang).t("licence.statement", **fields)


def licence(plan: Plan, lang: str = "nb") -> Licence:
    """The plan's licence, named in `lang` (the Norwegian name from the model, others from the catalogue, keys
    licence.name.<SPDX id>, licence.url.<SPDX id>), and its holder's name in `lang` where translated."""
    name, url = LICENCES[plan.plan.licence]
    if lang != "nb":
        name = catalogue(lang).t(f"licence.name.{plan.plan.licence}")
        url = catalogue(lang).t(f"licence.url.{plan.plan.licence}")
    owner = next(a for a in plan.actors if a.id == plan.plan.owner)
    holder = localized(owner, "name", lang).text or owner.name
    return Licence(plan.plan.licence, plan.plan.licence.replace("-", " "), name, url, holder, lang)
