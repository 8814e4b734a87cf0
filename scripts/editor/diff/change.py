"""One change between two versions of the plan, and the sections the Markdown groups them in."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: The sections of the Markdown, in order, with their headings.
SECTIONS = {
    "structure": "Satsingsområder og mål",
    "measures": "Tiltak",
    "actors": "Aktører",
    "indicators": "Indikatorer",
    "vocabulary": "Roller og statuser",
    "revisions": "Rulleringer og vedtak",
    "plan": "Planen",
}


@dataclass(frozen=True)
class Change:
    """One change: its section, what kind it is, the item (an id), a Norwegian sentence in GitHub Markdown (plan
    text escaped), the old and new value, lines under it, the field that changed (`path`: its keys from the
    item, «» for the item as a whole) and a warning (Markdown) when the change goes against the editors' guide."""

    section: str
    kind: str
    item: str
    text: str
    old: Any = None
    new: Any = None
    details: list[str] = field(default_factory=list)
    path: str = ""
    warning: str = ""
