"""Plan text inside the Markdown of a pull-request comment: shown literally, never structure, never a mention.

GitHub renders the comment as GitHub Flavored Markdown and then links mentions («@navn», «@org/team»), issue
references («#12») and emoji codes («:tada:»). Plan text is put on one line, every character that could start
Markdown or HTML is escaped with a backslash (CommonMark shows any escaped ASCII punctuation as itself), and a
word joiner (U+2060, invisible) is put after «@», «#» and the first «:» of an emoji code, so GitHub finds
nothing to link or notify.

Mentions follow GitHub's own rule (its open-source html-pipeline, ``MentionFilter`` and ``TeamMentionFilter``):
«@» at the start or after a character that is not an ASCII letter, digit or «_» (so «blå@navn» notifies, and
«post@eksempel.no» does not), followed by a user name («navn», not «navn/») that ends before a character other than
an ASCII letter, digit, «_» or «.», or before dots that end the text or stand before such a character; or an
«@org/team». Only those get the joiner: an e-mail address is left as it is written. For tools the same sentences
are given as plain text (`plain`): no escapes, no joiners.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from itertools import groupby

#: The invisible character put between «@» and a name, so that no account is notified.
JOINER = "\u2060"

#: Markdown and HTML punctuation that is escaped wherever it stands in plan text.
_PUNCTUATION = re.compile(r"([\\`*_\[\]<>|~&!#{}$])")
#: What a line (or a list item's content) must not start with: a list marker.
_LINE_START = re.compile(r"^(\d+)([.)])|^([-+])")
#: A character GitHub's mention rule counts as part of a word (Ruby's «\w», ASCII only).
_WORD = "0-9A-Za-z_"
#: An «@» GitHub turns into a mention: a user («@navn», «@navn.», not «@navn/» or «@navn.no») or a team («@org/team»).
_MENTION = (
    rf"(?i:(?:^|(?<=[^{_WORD}]))@(?="
    rf"[0-9a-z][0-9a-z-]*+(?!/)(?:\.+[^{_WORD}]|\.+$|[^{_WORD}.]|$)"
    rf"|[0-9a-z][0-9a-z-]*/[0-9a-z]))"
)
#: What GitHub links after rendering: mentions, issue references («#12», «repo#12»), emoji codes («:tada:»).
_LINKED = re.compile(rf"{_MENTION}|#(?=\d+\b)|(?<!\w):(?=[a-z0-9_+-]+:)")
#: A backslash escape of the Markdown (see _PUNCTUATION).
_ESCAPE = re.compile(r"\\([\\`*_\[\]<>|~&!#{}$])")


def one_line(text: object) -> str:
    """The text on one line: every run of whitespace (line breaks too) becomes one space."""
    return " ".join(str(text).split())


def md(text: object) -> str:
    """Plan text as literal text in GitHub Markdown, on one line (for the middle of a line: see line_start)."""
    joined = _LINKED.sub(lambda m: m.group(0) + JOINER, one_line(text))
    return _PUNCTUATION.sub(r"\\\1", joined)


def plain(markdown: str) -> str:
    """A sentence of the diff without what GitHub needs: the backslash escapes undone, the joiners gone."""
    return _ESCAPE.sub(r"\1", markdown.replace(JOINER, ""))


def line_start(markdown: str) -> str:
    """A line of Markdown that may begin with plan text, with a list marker at its start escaped."""
    return _LINE_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(1) else f"\\{m.group(3)}", markdown)


def quote(text: object) -> str:
    """Plan text in Norwegian quotation marks: «…»."""
    return f"«{md(text)}»"


#: The blank characters by name (singular, plural); any other is named by its code point.
BLANKS = {
    " ": ("mellomrom", "mellomrom"),
    "\n": ("linjeskift", "linjeskift"),
    "\t": ("tabulator", "tabulatorer"),
    "\r": ("vognretur", "vognreturer"),
    "\u00a0": ("hardt mellomrom", "harde mellomrom"),
}
#: How many places a whitespace change names before it says how many more there are.
_PLACES = 3


def only_blanks(old: str, new: str) -> bool:
    """Whether two texts differ, but only in their blank characters (spaces, line breaks, tabs)."""
    return old != new and old.split() == new.split()


def blanks_diff(old: str, new: str) -> str:
    """What changed in a text whose words stay the same, place by place: «bare blanke tegn er endret: mellom «er»
    og «med»: mellomrom → tabulator»."""
    # The blanks before the first word, between each two words and after the last: one more than the words.
    gaps = enumerate(zip(re.split(r"\S+", old), re.split(r"\S+", new), strict=True))
    return "bare blanke tegn er endret: " + _places(gaps, old.split())


def _places(gaps: Iterable[tuple[int, tuple[str, str]]], words: list[str]) -> str:
    """The blanks that differ (the gap before word i, old and new), a few of them by place."""
    places = [f"{_where(i, words)}: {_blank(x)} → {_blank(y)}" for i, (x, y) in gaps if x != y]
    more = f" og {len(places) - _PLACES} steder til" if len(places) > _PLACES else ""
    return "; ".join(places[:_PLACES]) + more


def _blanks_among_kept_words(old: str, new: str, opcodes: Sequence[tuple[str, int, int, int, int]]) -> str:
    """« (blanke tegn er også endret: …)» when blanks changed between words a word diff shows as unchanged."""
    before, after = re.split(r"\S+", old), re.split(r"\S+", new)
    gaps = [
        (i1 + k, (before[i1 + k], after[j1 + k]))
        for tag, i1, i2, j1, _ in opcodes
        if tag == "equal"
        for k in range(1, i2 - i1)
    ]
    said = _places(gaps, old.split())
    return f" (blanke tegn er også endret: {said})" if said else ""


def _where(gap: int, words: list[str]) -> str:
    if gap == 0:
        return f"foran {quote(words[0])}" if words else "i teksten"
    if gap == len(words):
        return f"etter {quote(words[-1])}"
    return f"mellom {quote(words[gap - 1])} og {quote(words[gap])}"


def _blank(run: str) -> str:
    """«ingenting», «mellomrom», «2 linjeskift», «mellomrom og tabulator»."""
    if not run:
        return "ingenting"
    parts = []
    for char, group in groupby(run):
        count = len(list(group))
        one, many = BLANKS.get(char, (f"blankt tegn U+{ord(char):04X}", f"blanke tegn U+{ord(char):04X}"))
        parts.append(one if count == 1 else f"{count} {many}")
    return " og ".join(parts)


def word_diff(old: str, new: str, context: int = 4) -> str:
    """A short word diff: removed words struck through, added words in bold, a few words of context; where only
    blanks changed, which and where (blanks_diff)."""
    if only_blanks(old, new):
        return blanks_diff(old, new)
    a, b = old.split(), new.split()
    parts: list[str] = []
    opcodes = difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()
    for i, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            words = a[i1:i2]
            if len(words) > 2 * context:
                head = words[:context] if i > 0 else []
                tail = words[-context:] if i < len(opcodes) - 1 else []
                words = [*head, "…", *tail]
            parts.append(" ".join(md(w) if w != "…" else w for w in words))
            continue
        if tag in ("delete", "replace"):
            parts.append(f"~~{md(' '.join(a[i1:i2]))}~~")
        if tag in ("insert", "replace"):
            parts.append(f"**{md(' '.join(b[j1:j2]))}**")
    return " ".join(parts) + _blanks_among_kept_words(old, new, opcodes)
