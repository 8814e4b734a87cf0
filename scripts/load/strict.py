"""Stage 1, load: read the YAML files of a plan folder strictly, keeping the position of every value.

PyYAML's own loaders are too forgiving for files people edit by hand: they keep the last of two equal keys
(the first is silently lost) and read ``no``, ``yes``, ``on`` and ``off`` as booleans (YAML 1.1). This
loader composes PyYAML's node graph with the YAML 1.2 core schema and builds plain Python values itself, so
that it can

* reject duplicate keys, unknown tags, alias bombs and too deep nesting,
* keep the source text of ids and version numbers (``1.10`` stays «1.10», it does not become 1.1),
* record the line and column of every key and value, so that a validation error at
  ``goals.1.measures.2.status`` can be shown as ``plan/satsingsomrader/1-x.yaml:41:13``.

Every problem comes back as a :class:`Diagnostic` value; nothing here raises to the caller.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

import schema
from scripts.core.problems import Diagnostic, Loc

MAX_FILE_BYTES = 1_000_000
MAX_ALIASES = 25
MAX_EXPANDED_NODES = 100_000
MAX_DEPTH = 60

#: Keys whose values are always text, whatever they look like: «1.10» must not become the number 1.1.
TEXT_KEYS = frozenset({"id", "version", "case_number"})

TAG = "tag:yaml.org,2002:"

#: Every key the plan files use, to recognise «key:value» written without a space.
FIELD_NAMES = frozenset(
    name
    for model in vars(schema).values()
    if isinstance(model, type) and issubclass(model, schema.Model)
    for name in model.model_fields
)


class StrictLoader(yaml.SafeLoader):
    """PyYAML's SafeLoader with the YAML 1.2 core schema and a cap on aliases (see the module docs)."""

    yaml_implicit_resolvers: dict[Any, list[tuple[str, re.Pattern[str]]]] = {}  # noqa: RUF012

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.alias_count = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(AliasEvent):
            self.alias_count += 1
            if self.alias_count > MAX_ALIASES:
                raise TooManyAliases(self.peek_event().start_mark)  # type: ignore[no-untyped-call]
        return super().compose_node(parent, index)


#: Something that may be an anchor (``&name``); a file without one cannot have aliases either.
_ANCHOR = re.compile(r"(?:^|[\s\[{,])&[^\s]", re.MULTILINE)


def _compose_fast(text: str) -> Node | None:
    """The node graph composed by libyaml (C), about twenty times faster than PyYAML's Python parser, or None
    when the text must go through :class:`StrictLoader`: when libyaml is missing, when the file may use
    anchors and aliases (which the Python loader counts) and when the text is not valid YAML, so that every
    problem is reported exactly as the Python loader reports it. Both build the same nodes, with the same
    tags from the same resolvers and the same line and column for every node."""
    if _FastLoader is None or _ANCHOR.search(text):
        return None
    loader = _FastLoader(text)
    try:
        node: Node | None = loader.get_single_node()
    except (yaml.YAMLError, RecursionError):
        return None
    finally:
        loader.dispose()
    return node


# YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution): only true/false are booleans.
for _tag, _pattern, _first in [
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    (
        "float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        list("-+.0123456789"),
    ),
]:
    StrictLoader.add_implicit_resolver(TAG + _tag, re.compile(_pattern), _first)

_FastLoader: Any = None
if getattr(yaml, "__with_libyaml__", False):
    from yaml.cyaml import CParser  # type: ignore[attr-defined]

    class _FastLoader(CParser, SafeConstructor, Resolver):  # type: ignore[no-redef]
        """libyaml's parser and composer with the resolvers of StrictLoader (only used through _compose_fast)."""

        yaml_implicit_resolvers = StrictLoader.yaml_implicit_resolvers

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)


class TooManyAliases(Exception):
    def __init__(self, mark: Any) -> None:
        self.mark = mark


@dataclass
class Positions:
    """Line and column (1-based) of every value and every key in a file, by path from the root."""

    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def of(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """The position of loc, or of its nearest ancestor that has one."""
        table = self.keys if key else self.values
        if loc in table:
            return table[loc]
        for end in range(len(loc) - 1, -1, -1):
            if loc[:end] in self.values:
                return self.values[loc[:end]]
        return (1, 1)


@dataclass
class Document:
    """One loaded file: its data, where each value stands, and the path to show in messages."""

    path: str
    data: dict[str, Any]
    positions: Positions


class _Problem(Exception):
    def __init__(self, line: int, col: int, message: str) -> None:
        super().__init__(message)
        self.line, self.col, self.message = line, col, message


def load_file(path: Path, shown: str | None = None) -> Document | Diagnostic:
    """Load one YAML file. Returns the document, or the one problem that stopped the loading."""
    shown = shown or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return Diagnostic(
                shown,
                1,
                1,
                f"filen er for stor ({size / 1_000_000:.1f} MB; grensen er {MAX_FILE_BYTES // 1_000_000} MB "
                "per fil). En planfil er vanligvis under 100 kB: sjekk at det ikke er limt inn noe ved en feil",
            )
        raw = path.read_bytes()
    except OSError as error:
        return Diagnostic(shown, 1, 1, f"filen kan ikke leses ({error.strerror})")
    try:
        return Document(shown, *_parse(raw))
    except _Problem as problem:
        return Diagnostic(shown, problem.line, problem.col, problem.message)


def _parse(raw: bytes) -> tuple[dict[str, Any], Positions]:
    text = _decode(raw)
    node = _compose_fast(text)
    if node is not None:
        return _data(node, tree=True)
    loader = StrictLoader(text)
    try:
        node = loader.get_single_node()
    except TooManyAliases as error:
        raise _Problem(
            error.mark.line + 1,
            error.mark.column + 1,
            f"filen bruker mer enn {MAX_ALIASES} YAML-alias (*navn). Skriv verdiene ut i stedet for å bruke "
            "anker (&) og alias (*)",
        ) from None
    except yaml.MarkedYAMLError as error:
        raise _syntax_problem(error, text) from None
    except yaml.YAMLError as error:
        raise _Problem(1, 1, f"filen kan ikke leses som YAML ({error})") from None
    except RecursionError:
        raise _Problem(1, 1, "filen er nestet for dypt (for mange nivåer inni hverandre)") from None
    finally:
        loader.dispose()
    if node is None:
        raise _Problem(1, 1, "filen er tom: den skal inneholde felt som «nøkkel: verdi»")
    return _data(node)


def _count_nodes(root: Node) -> int:
    """The number of nodes, keys included, of a graph without aliases (a tree)."""
    count, stack = 0, [root]
    while stack:
        node = stack.pop()
        count += 1
        if isinstance(node, SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, MappingNode):
            for key, value in node.value:
                stack.append(key)
                stack.append(value)
    return count


def _data(node: Node, *, tree: bool = False) -> tuple[dict[str, Any], Positions]:
    """The values and positions of a composed file. A tree (composed without anchors, so without aliases)
    whose node count is within the limit cannot have a part over the limit: the slower check is skipped."""
    if not (tree and _count_nodes(node) <= MAX_EXPANDED_NODES):
        _check_size(node)
    if not isinstance(node, MappingNode):
        found = "en liste" if isinstance(node, SequenceNode) else f"bare verdien «{node.value}»"
        raise _Problem(
            node.start_mark.line + 1,
            node.start_mark.column + 1,
            f"filen må bestå av felt som «nøkkel: verdi» på øverste nivå, men inneholder {found}",
        )
    positions = Positions()
    data = _build(node, (), positions, 0)
    assert isinstance(data, dict)
    return data, positions


def _decode(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _Problem(1, 1, "filen er lagret som UTF-16; lagre den som UTF-8")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        byte = raw[error.start]
        raise _Problem(
            line,
            col,
            f"filen er ikke lagret som UTF-8 (byten 0x{byte:02X} kan ikke leses; filen er trolig lagret som "
            "Latin-1 eller Windows-1252). Lagre filen med tegnkodingen UTF-8",
        ) from None
    return text.removeprefix("\ufeff")


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


def _syntax_problem(error: yaml.MarkedYAMLError, text: str) -> _Problem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    col = mark.column + 1 if mark else 1
    # PyYAML trips over a tab in the indentation in many different ways: find the tab itself.
    for number, content in enumerate(text.splitlines()[:line], start=1):
        indent = content[: len(content) - len(content.lstrip(" \t"))]
        if "\t" in indent:
            return _Problem(
                number,
                indent.index("\t") + 1,
                "tabulator i innrykket: YAML tillater bare mellomrom. Erstatt tabulatoren med mellomrom",
            )
    # «title:Tekst» without a space is not a key in YAML: name the key instead of PyYAML's later complaint.
    for number, content in enumerate(text.splitlines()[:line], start=1):
        glued = re.match(r"^(\s*(?:-\s+)?)([a-z_]+):(\S.*)$", content)
        if glued and glued.group(2) in FIELD_NAMES:
            key, value = glued.group(2), glued.group(3)
            return _Problem(
                number,
                len(glued.group(1)) + len(key) + 2,
                f"YAML-feil: mangler mellomrom etter kolon: skriv «{key}: {value[:40]}»",
            )
    # A quote that is opened but not closed on its line makes PyYAML fail much later: point at the quote.
    for number, content in enumerate(text.splitlines()[:line], start=1):
        opened = re.match(r"^\s*(?:-\s+)?(?:[^\s:#\"'][^:#]*:\s+)?([\"'])", content)
        if opened and content.count(opened.group(1)) % 2 == 1:
            return _Problem(
                number,
                opened.start(1) + 1,
                f"YAML-feil: anførselstegnet ({opened.group(1)}) som åpner teksten her, blir ikke lukket: "
                f"sett et {opened.group(1)} til slutt i teksten",
            )
    problem = f"{error.problem or ''} {error.context or ''}"
    for needle, message in _SYNTAX_MESSAGES:
        if needle in problem:
            return _Problem(line, col, f"YAML-feil: {message}")
    return _Problem(line, col, f"YAML-feil: filen kan ikke leses (teknisk beskrivelse: {error.problem})")


def _check_size(root: Node) -> None:
    """Reject alias bombs and aliases that contain themselves, without expanding anything."""
    sizes: dict[int, int] = {}
    active: set[int] = set()

    def size(node: Node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in active:
            raise _Problem(node.start_mark.line + 1, node.start_mark.column + 1, "et alias (*navn) peker på seg selv")
        active.add(key)
        total = 1
        if isinstance(node, SequenceNode):
            total += sum(size(child) for child in node.value)
        elif isinstance(node, MappingNode):
            total += sum(size(k) + size(v) for k, v in node.value)
        active.discard(key)
        sizes[key] = total
        if total > MAX_EXPANDED_NODES:
            raise _Problem(
                node.start_mark.line + 1,
                node.start_mark.column + 1,
                f"YAML-aliasene (*navn) blåser filen opp til over {MAX_EXPANDED_NODES} verdier: skriv verdiene "
                "ut i stedet for å bruke anker (&) og alias (*)",
            )
        return total

    try:
        size(root)
    except RecursionError:
        raise _Problem(1, 1, "filen er nestet for dypt (for mange nivåer inni hverandre)") from None


def _position(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _build(node: Node, loc: Loc, positions: Positions, depth: int) -> Any:
    if depth > MAX_DEPTH:
        raise _Problem(*_position(node), f"filen er nestet dypere enn {MAX_DEPTH} nivåer")
    positions.values.setdefault(loc, _position(node))
    if isinstance(node, MappingNode):
        if node.tag != TAG + "map":
            raise _unknown_tag(node)
        result: dict[str, Any] = {}
        first_seen: dict[str, Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise _Problem(*_position(key_node), "en nøkkel må være en enkel tekst, ikke en liste eller mapping")
            key = key_node.value
            if key in first_seen:
                first_line = first_seen[key].start_mark.line + 1
                raise _Problem(
                    *_position(key_node),
                    f"nøkkelen «{key}» står to ganger (første gang på linje {first_line}). YAML beholder bare "
                    "den siste, så det andre innholdet ville gått tapt: slå dem sammen eller fjern den ene",
                )
            first_seen[key] = key_node
            positions.keys[(*loc, key)] = _position(key_node)
            if key in TEXT_KEYS and isinstance(value_node, ScalarNode) and value_node.tag != TAG + "null":
                positions.values[(*loc, key)] = _position(value_node)
                result[key] = value_node.value
            else:
                result[key] = _build(value_node, (*loc, key), positions, depth + 1)
        return result
    if isinstance(node, SequenceNode):
        if node.tag != TAG + "seq":
            raise _unknown_tag(node)
        return [_build(child, (*loc, i), positions, depth + 1) for i, child in enumerate(node.value)]
    assert isinstance(node, ScalarNode)
    return _scalar(node)


def _unknown_tag(node: Node) -> _Problem:
    tag = "!!" + node.tag.removeprefix(TAG) if node.tag.startswith(TAG) else node.tag
    return _Problem(
        *_position(node),
        f"YAML-taggen «{tag}» er ikke tillatt i planfilene: fjern den (skriv bare verdien)",
    )


def _scalar(node: ScalarNode) -> Any:
    value: str = node.value
    tag = node.tag.removeprefix(TAG)
    try:
        if tag == "str":
            return value
        if tag == "null":
            return None
        if tag == "bool":
            return value.lower() == "true"
        if tag == "int":
            return int(value, 0) if value[:2].lower() in ("0o", "0x") else int(value, 10)
        if tag == "float":
            special = value.lower().lstrip("+-") in (".inf", ".nan")
            return float(value.replace(".", "", 1) if special else value)
    except ValueError:
        raise _Problem(*_position(node), f"«{value}» kan ikke leses som {tag}") from None
    raise _unknown_tag(node)


# --------------------------------------------------------------------------------------------------------
# The plan folder
# --------------------------------------------------------------------------------------------------------

FIXED_FILES = {
    "plan.yaml": "plan",
    "vocabulary.yaml": "vocabulary",
    "actors.yaml": "actors",
    "indikatorer.yaml": "indicators",
}
FOCUS_AREA_DIR = "satsingsomrader"
#: Names editors are likely to try for the fixed files (Norwegian for English and the other way round).
KNOWN_MISNAMES = {
    "aktorer": "actors.yaml",
    "aktører": "actors.yaml",
    "actor": "actors.yaml",
    "indicators": "indikatorer.yaml",
    "indikator": "indikatorer.yaml",
    "ordliste": "vocabulary.yaml",
    "vokabular": "vocabulary.yaml",
    "plan": "plan.yaml",
    "satsingsområder": FOCUS_AREA_DIR,
    "satsingsomrade": FOCUS_AREA_DIR,
    "focus_areas": FOCUS_AREA_DIR,
}


@dataclass
class PlanFiles:
    """The loaded files of a plan folder: the fixed files by kind, the focus areas by path."""

    folder: Path
    fixed: dict[str, Document] = field(default_factory=dict)
    focus_areas: dict[str, Document] = field(default_factory=dict)
    #: Focus area files that could not be loaded: the ids they define are unknown.
    failed_focus_areas: list[str] = field(default_factory=list)

    def documents(self) -> Iterator[tuple[str, Document]]:
        yield from self.fixed.items()
        for doc in self.focus_areas.values():
            yield "focus_area", doc


def load_plan(folder: Path) -> tuple[PlanFiles, list[Diagnostic]]:
    """Load every file of a plan folder. Files that cannot be loaded are reported and left out."""
    files = PlanFiles(folder)
    problems: list[Diagnostic] = []
    if not folder.is_dir():
        return files, [Diagnostic(str(folder), 1, 1, "mappen med planen finnes ikke (bruk --plan MAPPE)")]

    for name, kind in FIXED_FILES.items():
        path = folder / name
        if not path.is_file():
            problems.append(Diagnostic(str(path), 1, 1, "filen mangler: den er en fast del av planen"))
            continue
        _add(files.fixed, kind, load_file(path), problems)

    focus_dir = folder / FOCUS_AREA_DIR
    expected = [*FIXED_FILES, FOCUS_AREA_DIR]
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.name in expected:
            continue
        problems.append(_unknown_file(path, expected, folder))
    if focus_dir.is_dir():
        for path in sorted(focus_dir.iterdir()):
            if path.name.startswith("."):
                continue
            if path.suffix == ".yaml" and path.is_file():
                if not _add(files.focus_areas, str(path), load_file(path), problems):
                    files.failed_focus_areas.append(str(path))
            else:
                problems.append(_unknown_file(path, [], folder))
    else:
        problems.append(
            Diagnostic(str(focus_dir), 1, 1, "mappen med satsingsområdene mangler (én YAML-fil per satsingsområde)")
        )
    return files, problems


def _add(into: dict[str, Document], key: str, loaded: Document | Diagnostic, problems: list[Diagnostic]) -> bool:
    if isinstance(loaded, Document):
        into[key] = loaded
        return True
    problems.append(loaded)
    return False


def _unknown_file(path: Path, expected: list[str], folder: Path) -> Diagnostic:
    if path.parent.name == FOCUS_AREA_DIR and path.parent.parent == folder:
        if path.suffix == ".yml":
            hint = f": gi filen endelsen .yaml («{path.stem}.yaml»)"
        else:
            hint = ": her skal det bare ligge YAML-filer (.yaml), én per satsingsområde"
        return Diagnostic(str(path), 1, 1, "ukjent fil i satsingsomrader/" + hint)
    close = [KNOWN_MISNAMES[path.stem.lower()]] if path.stem.lower() in KNOWN_MISNAMES else []
    close = close or difflib.get_close_matches(path.name, expected, n=1, cutoff=0.6)
    if path.suffix == ".yml" and path.stem + ".yaml" in expected:
        hint = f": gi filen endelsen .yaml («{path.stem}.yaml»)"
    elif close:
        hint = f" – mente du «{close[0]}»?"
    else:
        hint = f". Planmappen skal bare inneholde {', '.join(expected)}"
    return Diagnostic(str(path), 1, 1, f"ukjent fil i planmappen{hint}")
