"""The status badge and the follow-up marks beside it («Forsinket», «Ikke oppdatert»: :mod:`scripts.core.followup`).

The status badge: one look for a measure's status wherever the site shows it — a symbol, the status's name and
its colour from plan/vocabulary.yaml (:class:`schema.Status`).

The colour never carries the meaning alone (the name is always written out) and the name always reads with at least
4.5:1 contrast: the badge is a light tint of the status colour with the name in the colour itself, darkened until the
contrast holds (:func:`badge_colours`), so that an editor's light colour cannot make the text unreadable.
"""

from __future__ import annotations

import re

from schema import Status
from scripts.core.catalogue import catalogue
from scripts.core.followup import LATE, UNREPORTED, FollowUp
from scripts.present.charts.style import WHITE, check_colour, contrast
from scripts.present.i18n import DEFAULT, localized

#: The symbol of a status that names none in the vocabulary.
DEFAULT_SYMBOL = "●"
#: How much of the status colour the badge's background holds (the rest is white).
TINT = 0.12
#: The contrast the badge's text keeps against its background (WCAG 2.1 AA for normal text).
MIN_CONTRAST = 4.5


def _mix(colour: str, other: str, share: float) -> str:
    """`share` of `colour` and the rest of `other`, channel by channel, as #rrggbb."""
    channels = (
        round(int(colour[i : i + 2], 16) * share + int(other[i : i + 2], 16) * (1 - share)) for i in (1, 3, 5)
    )
    return "#" + "".join(f"{c:02x}" for c in channels)


def badge_colours(colour: str) -> tuple[str, str]:
    """(text, background) of the badge of a status with this colour: the background a light tint, the text the
    colour, darkened in small steps until it has :data:`MIN_CONTRAST` against the background."""
    colour = check_colour(colour)
    background = _mix(colour, WHITE, TINT)
    text = colour
    share = 1.0
    while contrast(text, background) < MIN_CONTRAST:
        share -= 0.05
        text = _mix(colour, "#000000", max(share, 0.0))
    return text, background


#: Characters written as character references: those HTML gives meaning to and those Markdown could act on.
_SPECIAL = re.compile(r"[&<>\"'\\`*_\[\]{}#!|~:]")


def _plain(text: str) -> str:
    """Text from the plan that reads the same inside raw HTML and inside Markdown (a table cell, a list item): HTML
    escaped, and the characters Markdown could act on written as character references."""
    return _SPECIAL.sub(lambda m: f"&#{ord(m.group())};", " ".join(text.split()))


def status_badge(status: Status, lang: str = DEFAULT) -> str:
    """The badge of a status as inline HTML, «◐ Pågår» in the status's colours, usable both in raw HTML and in
    Markdown; the symbol is hidden from screen readers, which read the name. The name in `lang` where the
    vocabulary translates it, else the Norwegian one marked lang="nb"."""
    text, background = badge_colours(status.colour)
    label = localized(status, "label", lang)
    marked = f' lang="{label.lang}"' if label.lang != lang else ""
    return (
        f'<span class="status-badge"{marked} style="--status-text:{text};--status-bg:{background}">'
        f'<span class="status-badge__symbol" aria-hidden="true">{_plain(status.symbol or DEFAULT_SYMBOL)}</span>'
        f"{_plain(label.text or status.label)}</span>"
    )


#: The symbol before each follow-up mark (hidden from screen readers, which read the word).
FOLLOW_UP_SYMBOLS = {LATE: "!", UNREPORTED: "?"}


def followup_badges(follow_up: FollowUp, lang: str = DEFAULT) -> str:
    """The follow-up marks of a measure, beside its status badge: «Forsinket» and «Ikke oppdatert» (each only when
    it holds, nothing when none does), as inline HTML usable in raw HTML and in Markdown. The reasons are on the
    measure page and the page «Oppfølging». The words in `lang` (catalogue keys site.followup.<flag>)."""
    words = catalogue(lang)
    return "".join(
        f'<span class="followup-badge followup-badge--{flag}">'
        f'<span class="followup-badge__symbol" aria-hidden="true">{FOLLOW_UP_SYMBOLS[flag]}</span>'
        f"{_plain(words.t(f'site.followup.{flag}'))}</span>"
        for flag in follow_up.flags
    )
