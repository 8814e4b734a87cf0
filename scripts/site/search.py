"""How the site's search ranks each kind of page, in one table.

Material's search (lunr, with the length normalisation turned off) scores a page by the words it matches: a word in
the tags counts 10⁶ times, in a title 10³ times, in the text once; the page's own entry counts five times as much as
one of its sections; and the score is multiplied by the page's *boost* (its front matter's ``search: boost:``). So a
boost cannot lift a word in the text above a word in a title, but among pages that match a word the same way it
decides the order. :data:`BOOST` gives each kind of page its boost: the measures first (what a reader looks for),
then the indicators and the municipalities (a place name finds its municipality before the businesses named after
it), the focus areas and goals, the other actors; the overviews, which repeat every measure's title in their
tables, last. A measure's own tags (``tags`` in its front matter, from the plan) count as tags: «kompetanse» finds
the measures tagged so first.
"""

from __future__ import annotations

from typing import Any

#: The boost of each kind of page (a row of the registry; «municipality» is an actor page of a municipality).
#: Kinds not named here keep Material's boost, 1.
BOOST: dict[str, float] = {
    "measure": 5,
    "indicator": 3,
    "municipality": 3,
    "focus-area": 2,
    "goal": 2,
    "measures": 0.5,
    "timeline": 0.5,
    "followup": 0.5,
    "history": 0.5,
    "edition-changes": 0.5,
    "actors": 0.5,
    "roles-matrix": 0.5,
    "economy": 0.5,
    "indicators": 0.5,
    "focus-areas": 0.5,
    "progress-method": 0.5,
    "open-data": 0.1,
}


def search_kind(kind: str, context: dict[str, Any]) -> str:
    """The row of :data:`BOOST` a page reads: its kind, or «municipality» for a municipality's actor page."""
    actor = context.get("actor")
    if kind == "actor" and getattr(actor, "kind", None) == "kommune":
        return "municipality"
    return kind


def with_boost(markdown: str, kind: str) -> str:
    """The page's Markdown with ``search: boost:`` in its front matter when its kind has a boost (a page that sets
    ``search:`` itself, as the editors' guide does to stay out of the search, is left as it is)."""
    boost = BOOST.get(kind)
    head, marker, rest = markdown.lstrip().partition("---\n")
    if boost is None or head or not marker or "\nsearch:" in "\n" + rest.partition("\n---")[0]:
        return markdown
    return f"---\nsearch:\n  boost: {boost:g}\n{rest}"
