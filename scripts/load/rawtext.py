"""Checks on a file's text before YAML reads it: what an editor cannot see, and what git left behind.

* Merge conflict markers (``<<<<<<<``, ``=======``, ``>>>>>>>``): YAML would complain about a missing colon
  somewhere after them; the editor needs to hear that two versions stand one after the other.
* Invisible characters (zero-width space, joiners, a byte order mark in the middle, a soft hyphen; see
  :data:`~scripts.model.fields.ZERO_WIDTH`): never right in a plan file, and the cause of baffling messages
  («ukjent aktør «nes-kommune» – mente du «nes-kommune»?»). Named with their line and column.
* Spaces that are not spaces to YAML (a no-break space, see :data:`~scripts.model.fields.ODD_SPACES`) where YAML
  needs an ordinary one: in the indentation, around the colon of a key, after the dash of a list item, looked for
  when YAML gave up (:func:`odd_space_problem`). Inside running text they are fine and left alone; in keys the
  loader names them, in ids and references the validator.
"""

from __future__ import annotations

import re
import unicodedata

from scripts.load.syntax import FileProblem
from scripts.model.fields import ODD_SPACES, ZERO_WIDTH, invisible_name

_CONFLICT = re.compile(r"^(<{7}|={7}|>{7}|\|{7})(?: .*)?$")
_ZERO_WIDTH = re.compile("[" + "".join(ZERO_WIDTH) + "]")
_ODD_SPACE = re.compile("[" + "".join(ODD_SPACES) + "]")
#: The part of a line that YAML reads as structure: indentation, list dashes and a «key:» with its spaces.
_STRUCTURE = re.compile(r"^ *(?:- +)*(?:[A-Za-z_][A-Za-z0-9_ ]*:(?: +|$))?")


def check_text(text: str) -> None:
    """Raise :class:`FileProblem` for the first conflict marker or misplaced invisible character."""
    conflict = conflict_problem(text)
    if conflict is not None:
        raise conflict
    hidden = hidden_character_problem(text)
    if hidden is not None:
        raise hidden


def conflict_problem(text: str) -> FileProblem | None:
    """The first merge conflict marker, with the lines of the whole conflict and what to do."""
    lines = text.splitlines()
    markers = [number for number, line in enumerate(lines, start=1) if _CONFLICT.match(line)]
    if not markers or not any(lines[n - 1].startswith("<<<<<<<") for n in markers):
        return None
    first, last = markers[0], markers[-1]
    span = f"linje {first}" if first == last else f"linje {first}–{last}"
    return FileProblem(
        first,
        1,
        f"filen har rester av en flettekonflikt på {span} (linjene som begynner med <<<<<<<, ======= og >>>>>>>): "
        "to versjoner av den samme teksten står etter hverandre. Behold den riktige versjonen, og slett de tre "
        "merkelinjene og den versjonen du ikke vil ha",
    )


def _joins_emoji(text: str, index: int) -> bool:
    """A zero-width joiner between two symbols (as in 👩‍💻) is part of an emoji, not a stray character."""
    if text[index] != "\u200d" or index == 0 or index + 1 >= len(text):
        return False
    return all(unicodedata.category(text[i]) == "So" or text[i] == "\ufe0f" for i in (index - 1, index + 1))


def hidden_character_problem(text: str) -> FileProblem | None:
    """The first invisible character of the file, with its line and column, its name, the visible text before
    it, and the fix; and on which other lines there are more."""
    if not _ZERO_WIDTH.search(text):
        return None
    found = [
        (number, match.start(), match.group(), line)
        for number, line in enumerate(text.split("\n"), start=1)  # as editors count lines (not at U+2028)
        for match in _ZERO_WIDTH.finditer(line)
        if not _joins_emoji(line, match.start())
    ]
    return _problem(found)


def odd_space_problem(text: str, line: int) -> FileProblem | None:
    """An odd space where YAML needs an ordinary one (indentation, around a key's colon, after a list's dash) on
    the line where YAML gave up or the two lines above it. Only asked when YAML gave up: in running text,
    including the lines of a text over several lines, such spaces are fine."""
    found: list[tuple[int, int, str, str]] = []
    lines = text.split("\n")
    for number in range(max(1, line - 2), min(line, len(lines)) + 1):
        content = lines[number - 1]
        if _ODD_SPACE.search(content):
            plain = _ODD_SPACE.sub(" ", content)
            structure = len(plain) if not plain.strip() else _STRUCTURE.match(plain).end()  # type: ignore[union-attr]
            found += [
                (number, m.start(), m.group(), content) for m in _ODD_SPACE.finditer(content) if m.start() < structure
            ]
    return _problem(found)


def _problem(found: list[tuple[int, int, str, str]]) -> FileProblem | None:
    if not found:
        return None
    number, index, char, line = found[0]
    before = " ".join(_ODD_SPACE.sub(" ", _ZERO_WIDTH.sub("", line[:index])).split()).lstrip("- ")
    where = f"etter «{'…' + before[-30:] if len(before) > 30 else before}»" if before else "først på linjen"
    others = sorted({n for n, *_ in found[1:] if n != number})
    more = f" Det er flere slike tegn på linje {_lines(others)}." if others else ""
    fix = (
        "bytt det ut med et vanlig mellomrom"
        if char in ODD_SPACES
        else "slett tegnet (det enkleste er å slette ordet det står ved, og skrive ordet på nytt)"
    )
    return FileProblem(number, index + 1, f"{invisible_name(char)} står {where}: {fix}.{more}")


def _lines(numbers: list[int]) -> str:
    shown = [str(n) for n in numbers[:8]]
    if len(numbers) > 8:
        shown.append("…")
    return ", ".join(shown[:-1]) + " og " + shown[-1] if len(shown) > 1 else shown[0]
