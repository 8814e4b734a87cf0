"""What stops a file from loading, and PyYAML's syntax errors worded for the people who edit the files.

:class:`FileProblem` is raised inside the loader and becomes a :class:`~scripts.core.problems.Diagnostic` at
its edge. :func:`syntax_problem` turns PyYAML's English syntax errors into Norwegian, pointing at the real
cause where PyYAML only notices it later: a tab in the indentation, «key:value» without a space, a quote that
is opened but never closed.
"""

from __future__ import annotations

import re

import yaml

import schema


class FileProblem(Exception):
    """The one problem that stops a file from loading, at a line and column (both 1-based)."""

    def __init__(self, line: int, col: int, message: str) -> None:
        super().__init__(message)
        self.line, self.col, self.message = line, col, message


#: Every key the plan files use, to recognise «key:value» written without a space.
FIELD_NAMES = frozenset(
    name
    for model in vars(schema).values()
    if isinstance(model, type) and issubclass(model, schema.Model)
    for name in model.model_fields
)

# PyYAML's problem texts, in Norwegian with what to do about them.
_SYNTAX_MESSAGES: list[tuple[str, str]] = [
    (
        "mapping values are not allowed here",
        "kolon på et sted der YAML ikke venter det. Står det «: » inne i en tekst? Sett i så fall hele teksten "
        "i anførselstegn. Ellers: sjekk innrykket på linjen",
    ),
    (
        "could not find expected ':'",
        "mangler kolon etter en nøkkel, eller en tekst over flere linjer mangler anførselstegn "
        "(bruk «|» for tekst over flere linjer)",
    ),
    (
        "did not find expected '-' indicator",
        "innrykket i listen stemmer ikke: hvert element skal begynne med «- » rett under de andre",
    ),
    ("did not find expected key", "innrykket stemmer ikke: feltet skal stå rett under de andre feltene på samme nivå"),
    ("expected <block end>", "innrykket stemmer ikke: feltet skal stå rett under de andre feltene på samme nivå"),
    ("found unexpected end of stream", "filen slutter midt i en tekst: mangler det et avsluttende anførselstegn?"),
    (
        "found unknown escape character",
        "ukjent tegn etter «\\» i tekst i doble anførselstegn: bruk enkle anførselstegn (') rundt teksten",
    ),
    ("found undefined alias", "aliaset (*navn) viser til et anker (&navn) som ikke finnes"),
    ("found duplicate anchor", "det samme ankeret (&navn) er brukt to ganger"),
    (
        "expected a single document",
        "filen inneholder flere YAML-dokumenter (skilt med ---): en planfil skal ha bare ett",
    ),
    (
        "expected ',' or ']'",
        "en liste i hakeparenteser [ ] er ikke lukket riktig: sjekk komma og avsluttende ]",
    ),
    (
        "expected ',' or '}'",
        "en gruppe i krøllparenteser { } er ikke lukket riktig: sjekk komma og avsluttende }",
    ),
    ("special characters are not allowed", "filen inneholder et kontrolltegn som ikke er tillatt: slett det"),
    ("unacceptable character", "filen inneholder et kontrolltegn som ikke er tillatt: slett det"),
    (
        "that cannot start any token",
        "dette tegnet kan ikke begynne en verdi i YAML: sett verdien i anførselstegn",
    ),
    ("expected alphabetic or numeric character", "ugyldig navn på et anker (&) eller alias (*)"),
    (
        "sequence entries are not allowed here",
        "en «- » (et listeelement) står der YAML venter en verdi. Begynner en tekst med «- »? Sett i så fall hele "
        "teksten i anførselstegn. Ellers: sjekk innrykket på linjen",
    ),
    (
        "mapping keys are not allowed here",
        "et «? » står der YAML venter en verdi. Begynner en tekst med «?»? Sett i så fall hele teksten i anførselstegn",
    ),
    (
        "expected a comment or a line break",
        "etter «|» eller «>» skal teksten begynne på neste linje, med innrykk. Skal teksten begynne med «|» "
        "eller «>», setter du hele teksten i anførselstegn",
    ),
    (
        "expected chomping or indentation indicators",
        "etter «|» eller «>» skal teksten begynne på neste linje, med innrykk",
    ),
    ("expected indentation indicator", "etter «|» eller «>» skal teksten begynne på neste linje, med innrykk"),
    (
        "expected the node content",
        "en verdi mangler eller begynner med et tegn som betyr noe spesielt i YAML (som «,» eller «]»): sett "
        "teksten i anførselstegn",
    ),
    (
        "invalid indentation or unclosed",
        "en liste i [ ] eller en gruppe i { } er ikke lukket, eller innrykket stemmer ikke: sjekk at hver «[» har "
        "en «]» og hver «{» en «}» på samme linje",
    ),
    (
        "found unexpected document separator",
        "en linje med bare «---» eller «...» deler filen i to: slett linjen, eller sett teksten i anførselstegn",
    ),
    ("expected '<document start>'", "filen inneholder flere YAML-dokumenter eller en linje som begynner med «%»"),
    ("directive", "en linje som begynner med «%» er en YAML-instruks: sett teksten i anførselstegn"),
    ("document (version", "en linje som begynner med «%» er en YAML-instruks: sett teksten i anførselstegn"),
    (
        "tag",
        "et «!» står der YAML leser det som en YAML-tagg: sett teksten som begynner med «!» i anførselstegn",
    ),
    ("expected URI", "et «!» står der YAML leser det som en YAML-tagg: sett teksten i anførselstegn"),
    (
        "escape sequence",
        "ukjent tegn etter «\\» i tekst i doble anførselstegn: bruk enkle anførselstegn (') rundt teksten",
    ),
    ("expected a digit", "ugyldig tall etter «|» eller «>»: teksten skal begynne på neste linje, med innrykk"),
]


def syntax_problem(error: yaml.MarkedYAMLError, text: str) -> FileProblem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    col = mark.column + 1 if mark else 1
    # PyYAML trips over a tab in the indentation in many different ways: find the tab itself.
    for number, content in enumerate(text.splitlines()[:line], start=1):
        indent = content[: len(content) - len(content.lstrip(" \t"))]
        if "\t" in indent:
            return FileProblem(
                number,
                indent.index("\t") + 1,
                "tabulator i innrykket: YAML tillater bare mellomrom. Erstatt tabulatoren med mellomrom",
            )
    # «title:Tekst» without a space is not a key in YAML: name the key instead of PyYAML's later complaint.
    for number, content in enumerate(text.splitlines()[:line], start=1):
        glued = re.match(r"^(\s*(?:-\s+)?)([a-z_]+):(\S.*)$", content)
        if glued and glued.group(2) in FIELD_NAMES:
            key, value = glued.group(2), glued.group(3)
            return FileProblem(
                number,
                len(glued.group(1)) + len(key) + 2,
                f"YAML-feil: mangler mellomrom etter kolon: skriv «{key}: {value[:40]}»",
            )
    # A quote that is opened but not closed on its line makes PyYAML fail much later: point at the quote.
    for number, content in enumerate(text.splitlines()[:line], start=1):
        opened = re.match(r"^\s*(?:-\s+)?(?:[^\s:#\"'][^:#]*:\s+)?([\"'])", content)
        if opened and content.count(opened.group(1)) % 2 == 1:
            return FileProblem(
                number,
                opened.start(1) + 1,
                f"YAML-feil: anførselstegnet ({opened.group(1)}) som åpner teksten her, blir ikke lukket: "
                f"sett et {opened.group(1)} til slutt i teksten",
            )
    lines = text.split("\n")
    found = special_start(lines, line) or missing_dash(lines, line)
    if found is not None:
        return found
    problem = f"{error.problem or ''} {error.context or ''}"
    if "mapping values are not allowed here" in problem:
        found = colon_in_text(lines, line, col)
        if found is not None:
            return found
    for needle, message in _SYNTAX_MESSAGES:
        if needle in problem:
            return FileProblem(line, col, f"YAML-feil: {message}")
    return FileProblem(line, col, f"YAML-feil: {UNKNOWN}")


#: What is said about a syntax error PyYAML describes in a way not foreseen here: never its English text.
UNKNOWN = (
    "filen kan ikke leses her. Sjekk innrykket og tegnsettingen på linjen, og sett tekst som begynner med et "
    "spesialtegn eller inneholder «: » eller « #» i anførselstegn"
)

#: A «key: value» line whose value starts with a character that means something to YAML.
_SPECIAL = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][A-Za-z0-9_]*):\s+([-@`%|>*&!?,:\[{\"'])(.*)$")


def _starts_badly(char: str, rest: str) -> bool:
    """Whether a value that starts with char and goes on with rest is a text YAML cannot read as written."""
    if char in "-?:":
        return rest.startswith(" ") or rest == ""
    if char in "|>":
        return bool(re.match(r"\s*[^\s#0-9+-]", rest))
    if char in "[{\"'":
        close = {"[": "]", "{": "}"}.get(char, char)
        end = rest.rfind(close)
        return end == -1 or bool(rest[end + 1 :].split("#")[0].strip())
    return True


def special_start(lines: list[str], line: int) -> FileProblem | None:
    """A text that starts with «- », «@», «`», «%», «|» and the like, on the error's line or the one above it:
    name the character and show the text in quotes."""
    for number in (line, line - 1):
        if not 0 < number <= len(lines):
            continue
        match = _SPECIAL.match(lines[number - 1].rstrip("\r"))
        if match is None or not _starts_badly(match.group(3), match.group(4)):
            continue
        key, value = match.group(2), (match.group(3) + match.group(4)).strip()
        quoted = yaml_quoted(value)
        return FileProblem(
            number,
            len(match.group(1)) + len(key) + 3,
            f"YAML-feil: teksten etter «{key}:» begynner med «{match.group(3)}», som betyr noe spesielt i YAML. "
            f"Sett hele teksten i anførselstegn: {key}: {quoted[:80]}",
        )
    return None


def yaml_quoted(text: str) -> str:
    """The text in quotes as YAML reads it back unchanged: in double quotes (with «\\» and «"» escaped), or in
    single quotes when it holds a «"» and no «'»."""
    if '"' in text and "'" not in text:
        return f"'{text}'"
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def quoted_line(key: str | int, text: str, limit: int = 70) -> str:
    """The line to write: «key: "text"» («- "text"» for an item of a list), a long text cut with «…»."""
    shown = text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"
    return f"{key}: {yaml_quoted(shown)}" if isinstance(key, str) else f"- {yaml_quoted(shown)}"


#: A «key: value» line of a field of the plan whose value is a text without quotes.
_PLAIN_FIELD = re.compile(r"^(\s*(?:-\s+)?)([a-z_]+):\s+([^\s\"'#].*?)\s*$")


def colon_in_text(lines: list[str], line: int, col: int) -> FileProblem | None:
    """«title: Mål: flere jobber» or «title: Slik gjør vi det:»: a colon inside a text without quotes, which
    YAML reads as a second «key: value». Show the line with the text in quotes."""
    if not 0 < line <= len(lines):
        return None
    match = _PLAIN_FIELD.match(lines[line - 1].rstrip("\r"))
    if match is None or match.group(2) not in FIELD_NAMES or ":" not in match.group(3):
        return None
    key, value = match.group(2), match.group(3)
    return FileProblem(
        line,
        col,
        f"YAML-feil: teksten etter «{key}:» har et kolon, og YAML leser et kolon foran et mellomrom eller sist på "
        f"linjen som «felt: verdi». Sett hele teksten i anførselstegn: skriv {quoted_line(key, value)}",
    )


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def missing_dash(lines: list[str], line: int) -> FileProblem | None:
    """An item of a list written without its «- », on the error's line or just above: say where it goes."""
    for number in range(line, max(line - 3, 0), -1):
        if not 0 < number <= len(lines) or not lines[number - 1].strip():
            continue
        text = lines[number - 1]
        indent, content = _indent(text), text.strip()
        if content.startswith("- ") and number == line:
            first = _first_item_without_dash(lines, number, indent)
            if first is not None:
                return first
        if content.startswith(("#", "- ")):
            continue
        above = _sibling_above(lines, number, indent)
        if above is None:
            continue
        above_text = lines[above - 1].strip()
        same_key = _indent(lines[above - 1]) == indent and _key(above_text[2:]) == _key(content) is not None
        flow_item = content.startswith("{") and above_text.startswith("- {")
        if above_text.startswith("- ") and (same_key or flow_item):
            return FileProblem(
                number,
                indent + 1,
                f"YAML-feil: linjen ser ut som et nytt element i listen over, men mangler «- » foran. Hvert "
                f"element i en liste begynner med «- »: skriv «- {content[:40]}» med bindestreken rett under "
                f"bindestreken på linje {above}",
            )
    return None


def _first_item_without_dash(lines: list[str], number: int, indent: int) -> FileProblem | None:
    """A list whose later items have «- » but whose first one, just below the list's key, has not."""
    above = number - 1
    while above > 0 and (not lines[above - 1].strip() or _indent(lines[above - 1]) > indent):
        above -= 1
    if above == 0 or not lines[above - 1].rstrip().endswith(":"):
        return None
    first = next((n for n in range(above + 1, number) if lines[n - 1].strip()), None)
    if first is None or lines[first - 1].strip().startswith(("- ", "#")):
        return None
    content = lines[first - 1].strip()
    return FileProblem(
        first,
        _indent(lines[first - 1]) + 1,
        f"YAML-feil: det første elementet i listen mangler «- » foran. Hvert element i en liste begynner med «- »: "
        f"skriv «- » i stedet for de to siste mellomrommene foran «{content[:30]}», slik at bindestreken står "
        f"rett over bindestreken på linje {number}",
    )


def _key(content: str) -> str | None:
    found = re.match(r"([A-Za-z_][A-Za-z0-9_]*):(?:\s|$)", content.strip())
    return found.group(1) if found else None


def _sibling_above(lines: list[str], number: int, indent: int) -> int | None:
    """The nearest line above that is indented as far as, or less than, the given line (not blank or comment)."""
    for above in range(number - 1, 0, -1):
        text = lines[above - 1]
        if text.strip() and not text.strip().startswith("#") and _indent(text) <= indent:
            return above
    return None
