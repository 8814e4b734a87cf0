"""The page «Ordforklaringer»: every word of the plan explained, from the data where the data has the words.

The role types and the statuses explain themselves in ``plan/vocabulary.yaml`` (their ``description``), the other
words are the vocabulary's ``terms``, the indicators' verdicts come from :mod:`scripts.present.progress`, and the
two reasons for follow-up from the follow-up rule. So the page never says something other than the data.

Pages link a word to its place on the page (:func:`anchor`): a plain link, which works on touch, keyboard and
screen reader alike, where a tooltip would show on hover only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from schema import Plan
from scripts.model.catalog import fold
from scripts.present import progress

#: The kinds of word with an anchor of their own on the page, as the prefix of the anchor.
KINDS = ("rolle", "status", "oppfolging", "vurdering")
#: The sections of the page with a fixed anchor (the roles, the statuses, follow-up, the verdicts).
SECTIONS = ("roller", "statuser", "oppfolging", "vurderinger")
#: The two reasons for follow-up, each explained on the page.
FOLLOW_UP = ("forsinket", "ikke-oppdatert")


def anchor(kind: str, ident: str) -> str:
    """The id of a word on the page: «rolle-finansior», «status-pagar», «vurdering-i-rute»; a term's own id for
    the vocabulary's terms (kind «ord»)."""
    if kind == "ord":
        return ident
    if kind not in KINDS:
        raise ValueError(f"ukjent slags ord «{kind}» – tillatt: ord, {', '.join(KINDS)}")
    return f"{kind}-{fold(ident)}"


def anchors(plan: Plan) -> frozenset[str]:
    """Every anchor the page of this plan has: a link to any other would land at the top of the page."""
    words = [
        *(t.id for t in plan.vocabulary.terms),
        *(anchor("rolle", r.id) for r in plan.vocabulary.role_types),
        *(anchor("status", s.id) for s in plan.vocabulary.statuses),
        *(anchor("oppfolging", reason) for reason in FOLLOW_UP),
        *(anchor("vurdering", v.key) for v in progress.VERDICTS),
    ]
    return frozenset([*SECTIONS, *words])


@dataclass(frozen=True)
class Terms:
    """Links from one page to words on the page «Ordforklaringer»: `address` is the page's address from the page
    that links (a Markdown link, or an HTML href for a link inside HTML)."""

    anchors: frozenset[str]
    address: str
    href: str

    def __call__(self, text: str, target: str, *, html: bool = False) -> str:
        """`text` (already escaped for where it goes) as a link to the word `target` (an anchor), or the text
        alone when this plan's page has no such word (a vocabulary without that term)."""
        if target not in self.anchors:
            return text
        return f'<a href="{self.href}#{target}">{text}</a>' if html else f"[{text}]({self.address}#{target})"


def context(plan: Plan, options: Any) -> Mapping[str, Any]:
    """What the page shows beyond the lookups every page has: the terms and the indicators' verdicts."""
    return {"terms": plan.vocabulary.terms, "verdicts": progress.VERDICTS}
