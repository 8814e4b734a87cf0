"""The editors' guide's rules that a change can break, quoted and linked in the warnings of `plan diff`.

Each rule is quoted word for word from its guide page (``tests/test_diff_fields.py`` checks that the page still
says it) and linked on the published site, whose address is MkDocs' ``site_url``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scripts import REPOSITORY


@dataclass(frozen=True)
class Rule:
    """A sentence of the guide: its words, the page (template and path on the site), the heading it is under."""

    words: str
    template: str
    page: str
    title: str
    anchor: str = ""

    def cited(self) -> str:
        """«Veiledningen sier: «…» ([Tittel](https://…/side/#anker))»."""
        address = f"{site_url()}{self.page}{'#' + self.anchor if self.anchor else ''}"
        return f"Veiledningen sier: «{self.words}» ([{self.title}]({address}))"


KEEP_MEASURES = Rule(
    "Et tiltak som ikke skal gjennomføres likevel, kan få en ny status med en statusoppdatering som forklarer "
    "hvorfor. Da blir historikken stående.",
    "guide-rullering",
    "veiledning/rullering/",
    "Starte en ny rullering: Oppdater tiltakene",
    "4-oppdater-tiltakene",
)
KEEP_STATUS_UPDATES = Rule(
    "Slett eller endre ikke gamle statusoppdateringer: de er historikken til tiltaket.",
    "guide-endre-status",
    "veiledning/endre-status/",
    "Endre status for et tiltak: Godt å vite",
    "godt-a-vite",
)


def site_url() -> str:
    """The site's address from mkdocs.yml («https://…/naeringsplan/»), or «» (links relative to the site)."""
    try:
        config = (REPOSITORY / "mkdocs.yml").read_text(encoding="utf-8")
    except OSError:
        return ""
    found = re.search(r"^site_url:\s*['\"]?([^'\"\s#]+)", config, re.MULTILINE)
    return "" if found is None else found.group(1).rstrip("/") + "/"
