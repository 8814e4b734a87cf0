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
        "en mapping i krøllparenteser { } er ikke lukket riktig: sjekk komma og avsluttende }",
    ),
    ("special characters are not allowed", "filen inneholder et kontrolltegn som ikke er tillatt: slett det"),
    ("unacceptable character", "filen inneholder et kontrolltegn som ikke er tillatt: slett det"),
    (
        "that cannot start any token",
        "dette tegnet kan ikke begynne en verdi i YAML: sett verdien i anførselstegn",
    ),
    ("expected alphabetic or numeric character", "ugyldig navn på et anker (&) eller alias (*)"),
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
    problem = f"{error.problem or ''} {error.context or ''}"
    for needle, message in _SYNTAX_MESSAGES:
        if needle in problem:
            return FileProblem(line, col, f"YAML-feil: {message}")
    return FileProblem(line, col, f"YAML-feil: filen kan ikke leses (teknisk beskrivelse: {error.problem})")
