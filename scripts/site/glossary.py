"""The page «Ordforklaringer»: every word of the plan explained, from the data where the data has the words.

The role types and the statuses explain themselves in ``plan/vocabulary.yaml`` (their ``description``), the other
words are the vocabulary's ``terms``, the indicators' verdicts come from :mod:`scripts.present.progress`, and the
two reasons for follow-up from the follow-up rule. So the page never says something other than the data.

Pages link a word to its place on the page (:func:`anchor`): a plain link, which works on touch, keyboard and
screen reader alike, where a tooltip would show on hover only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from schema import Plan
from scripts.model.catalog import fold
from scripts.present import progress

#: The kinds of word with an anchor of their own on the page, as the prefix of the anchor.
KINDS = ("rolle", "status", "oppfolging", "vurdering")


def anchor(kind: str, ident: str) -> str:
    """The id of a word on the page: «rolle-finansior», «status-pagar», «vurdering-i-rute»; a term's own id for
    the vocabulary's terms (kind «ord»)."""
    if kind == "ord":
        return ident
    if kind not in KINDS:
        raise ValueError(f"ukjent slags ord «{kind}» – tillatt: ord, {', '.join(KINDS)}")
    return f"{kind}-{fold(ident)}"


def context(plan: Plan, options: Any) -> Mapping[str, Any]:
    """What the page shows beyond the lookups every page has: the terms and the indicators' verdicts."""
    return {"terms": plan.vocabulary.terms, "verdicts": progress.VERDICTS}
