"""What the history pages show of the adopted editions: data handed to the site by the publishing stage
(``publish/editions.py`` reads each edition from git, compares consecutive ones and makes their PDFs), so that
rendering runs no git and no validator.

The page «Planens historikk» links each edition's PDF; a page «Endringer i rulleringen» per edition after the first
lists what changed, section by section and measure by measure, as sentences already in the site's Markdown (plan
text shown literally).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from scripts.core.catalogue import catalogue


#: The heading of what was reported between two editions (status, status updates, milestones reached, an
#: indicator's measurements): differences between the plans, but follow-up, not what the decision changed.
FOLLOW_UP = "Oppfølging mellom utgavene"


def follow_up_heading(lang: str = "nb") -> str:
    """:data:`FOLLOW_UP` in `lang` (catalogue key site.history.follow_up). The changes themselves are the sentences
    of ``plan diff``, in Norwegian in every edition of the site."""
    return catalogue(lang).t("site.history.follow_up")


@dataclass(frozen=True)
class ChangeLine:
    """One change between two editions: the sentence and the lines under it, as Markdown for the site."""

    text: str
    details: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChangeGroup:
    """The changes to one measure under its number and title (`heading`, Markdown; `measure`: its id), each line
    without the measure's name; or, with no heading, changes that stand on their own lines."""

    lines: tuple[ChangeLine, ...]
    heading: str | None = None
    measure: str | None = None


@dataclass(frozen=True)
class EditionView:
    """An adopted edition as the history pages show it: the version, its PDF's path inside the site (None when it
    cannot be made, with `note` saying why in Norwegian), and for the editions after the first the changes since
    the previous one, by section heading in the diff's order and grouped per measure (None when one of the two
    cannot be read), and the version of the edition that replaced it (None: the current edition)."""

    version: str
    pdf: str | None
    note: str | None = None
    changes: Mapping[str, tuple[ChangeGroup, ...]] | None = field(default=None, compare=False)
    replaced_by: str | None = None


@dataclass(frozen=True)
class History:
    """The adopted editions by version, oldest first; empty when the plan keeps none (or the site is built without
    the publishing stage)."""

    editions: Mapping[str, EditionView] = field(default_factory=dict)
