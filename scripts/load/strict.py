"""Stage 2, load: read a YAML file of the plan strictly, keeping the position of every value.

PyYAML's own loaders are too forgiving for files people edit by hand: they keep the last of two equal keys
(the first is silently lost) and read ``no``, ``yes``, ``on`` and ``off`` as booleans (YAML 1.1). This
loader composes PyYAML's node graph with the YAML 1.2 core schema and builds plain Python values itself, so
that it can

* reject duplicate keys, unknown tags, alias bombs and too deep nesting,
* keep the source text of ids and version numbers (``1.10`` stays «1.10», it does not become 1.1),
* record the line and column of every key and value, so that a validation error at
  ``goals.1.measures.2.status`` can be shown as ``plan/satsingsomrader/1-x.yaml:41:13``.

Every problem comes back as a :class:`Diagnostic` value; nothing here raises to the caller. The Norwegian
wording of PyYAML's syntax errors is in :mod:`scripts.load.syntax`; reading a whole plan folder is
:mod:`scripts.load.folder`.
"""

from __future__ import annotations

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

from scripts.core.problems import Diagnostic, Loc
from scripts.load import slips
from scripts.load.rawtext import check_text, odd_space_problem
from scripts.load.syntax import UNKNOWN, FileProblem, syntax_problem

MAX_FILE_BYTES = 1_000_000
MAX_ALIASES = 25
MAX_EXPANDED_NODES = 100_000
MAX_DEPTH = 60

#: Keys whose values are always text, whatever they look like: «1.10» must not become the number 1.1.
TEXT_KEYS = frozenset({"id", "version", "case_number"})

TAG = "tag:yaml.org,2002:"
STR, NULL = TAG + "str", TAG + "null"


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


def _may_have_anchors(text: str) -> bool:
    """Whether the text may hold an anchor; the search for «&» first, as it is many times faster than the
    pattern's and most files have none."""
    return "&" in text and _ANCHOR.search(text) is not None


def _compose_fast(text: str) -> Node | None:
    """The node graph composed by libyaml (C), about twenty times faster than PyYAML's Python parser, or None
    when the text must go through :class:`StrictLoader`: when libyaml is missing, when the file may use
    anchors and aliases (which the Python loader counts) and when the text is not valid YAML, so that every
    problem is reported exactly as the Python loader reports it. Both build the same nodes, with the same
    tags from the same resolvers and the same line and column for every node."""
    if _FastLoader is None or _may_have_anchors(text):
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

        def resolve(self, kind: type[Node], value: Any, implicit: Any) -> Any:
            """PyYAML's, with a shortcut for most scalars (called for every one): a plain scalar whose first
            character no implicit resolver looks at is a string, which is what PyYAML's loop finds too."""
            if kind is ScalarNode and implicit[0] and value and value[0] not in _RESOLVED_FIRST:
                return self.DEFAULT_SCALAR_TAG
            return super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]

    #: The first characters of the scalars an implicit resolver may claim (no resolver claims any scalar: key
    #: None, and no path resolvers, as StrictLoader adds neither).
    _RESOLVED_FIRST = frozenset(StrictLoader.yaml_implicit_resolvers)
    assert None not in _RESOLVED_FIRST and not StrictLoader.yaml_path_resolvers


def compose(text: str) -> Node | None:
    """The node graph of valid YAML text, by libyaml when it can (:func:`_compose_fast`), else by
    :class:`StrictLoader`; a YAML error is raised as PyYAML raises it."""
    node = _compose_fast(text)
    return node if node is not None else yaml.compose(text, Loader=StrictLoader)


def load_data(text: str) -> Any:
    """The plain data of valid YAML text with StrictLoader's resolvers (libyaml when there is no anchor)."""
    if _FastLoader is None or _may_have_anchors(text):
        return yaml.load(text, Loader=StrictLoader)  # StrictLoader is a SafeLoader
    loader = _FastLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def scan(text: str) -> Iterator[Any]:
    """The YAML tokens of the text (libyaml's scanner when available), with their positions."""
    return yaml.scan(text, Loader=_FastLoader if _FastLoader is not None else StrictLoader)


class Lines(list[str]):
    """The lines of a file, and the indexes of those with « #» in them, where a comment may cut a value."""

    def __init__(self, text: str) -> None:
        super().__init__(text.split("\n"))
        self.hashed = _lines_with_hash(text)


def _lines_with_hash(text: str) -> frozenset[int]:
    """The indexes of the lines with « #» after something else than spaces (not comment lines). Found with
    str.find, many times faster than a regular expression over the whole text."""
    found: set[int] = set()
    for mark in (" #", "\t#"):
        at = text.find(mark)
        while at != -1:
            start = text.rfind("\n", 0, at) + 1
            if text[start:at].strip():
                found.add(text.count("\n", 0, start))
            at = text.find(mark, at + 2)
    return frozenset(found)


class TooManyAliases(Exception):
    def __init__(self, mark: Any) -> None:
        self.mark = mark


@dataclass
class Positions:
    """Line and column (1-based) of every value and every key in a file, by path from the root."""

    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    #: Comments that stand where a value should be («title: #1 nettverk» leaves the title empty), by path.
    comments: dict[Loc, str] = field(default_factory=dict)
    #: The comment after a value without quotes on its line, with the spaces before it («text: 31 bedrifter er
    #: med #vekst» leaves «31 bedrifter er med»), by path: the validator decides whether it was part of a text.
    cut: dict[Loc, str] = field(default_factory=dict)
    #: The text of each value without quotes that YAML read as a number or as true/false («0123», «1e3»,
    #: «200.000»), by path, so that a message can quote what the editor wrote.
    written: dict[Loc, str] = field(default_factory=dict)

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
    except FileProblem as problem:
        return Diagnostic(shown, problem.line, problem.col, problem.message)


def _parse(raw: bytes) -> tuple[dict[str, Any], Positions]:
    text = _decode(raw)
    check_text(text)
    node = _compose_fast(text)
    if node is not None:
        return _data(node, tree=True, lines=Lines(text))
    try:
        loader = StrictLoader(text)
    except yaml.reader.ReaderError as error:  # a control character, found before any parsing
        before = text[: error.position]
        raise FileProblem(
            before.count("\n") + 1,
            len(before) - before.rfind("\n"),
            f"filen inneholder et kontrolltegn som ikke er tillatt (U+{error.character:04X}): slett det",
        ) from None
    try:
        node = loader.get_single_node()
    except TooManyAliases as error:
        raise FileProblem(
            error.mark.line + 1,
            error.mark.column + 1,
            f"filen bruker mer enn {MAX_ALIASES} YAML-alias (*navn). Skriv verdiene ut i stedet for å bruke "
            "anker (&) og alias (*)",
        ) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise odd_space_problem(text, mark.line + 1 if mark else 1) or syntax_problem(error, text) from None
    except yaml.YAMLError:
        raise FileProblem(1, 1, f"YAML-feil: {UNKNOWN}") from None
    except RecursionError:
        raise FileProblem(1, 1, "filen er nestet for dypt (for mange nivåer inni hverandre)") from None
    finally:
        loader.dispose()
    if node is None:
        raise FileProblem(1, 1, "filen er tom: den skal inneholde felt som «nøkkel: verdi»")
    return _data(node, lines=Lines(text))


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


def _data(node: Node, *, tree: bool = False, lines: Lines | None = None) -> tuple[dict[str, Any], Positions]:
    """The values and positions of a composed file. A tree (composed without anchors, so without aliases)
    whose node count is within the limit cannot have a part over the limit: the slower check is skipped."""
    if not (tree and _count_nodes(node) <= MAX_EXPANDED_NODES):
        _check_size(node)
    if not isinstance(node, MappingNode):
        found = "en liste" if isinstance(node, SequenceNode) else f"bare verdien «{node.value}»"
        raise FileProblem(
            node.start_mark.line + 1,
            node.start_mark.column + 1,
            f"filen må bestå av felt som «nøkkel: verdi» på øverste nivå, men inneholder {found}",
        )
    positions = Positions()
    data = _build(node, (), positions, 0, lines or Lines(""))
    assert isinstance(data, dict)
    return data, positions


def _decode(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FileProblem(1, 1, "filen er lagret som UTF-16; lagre den som UTF-8")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        byte = raw[error.start]
        raise FileProblem(
            line,
            col,
            f"filen er ikke lagret som UTF-8 (byten 0x{byte:02X} kan ikke leses; filen er trolig lagret som "
            "Latin-1 eller Windows-1252). Lagre filen med tegnkodingen UTF-8",
        ) from None
    return text.removeprefix("\ufeff")


def _check_size(root: Node) -> None:
    """Reject alias bombs and aliases that contain themselves, without expanding anything."""
    sizes: dict[int, int] = {}
    active: set[int] = set()

    def size(node: Node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in active:
            raise FileProblem(*_position(node), "et alias (*navn) peker på seg selv")
        active.add(key)
        total = 1
        if isinstance(node, SequenceNode):
            total += sum(size(child) for child in node.value)
        elif isinstance(node, MappingNode):
            total += sum(size(k) + size(v) for k, v in node.value)
        active.discard(key)
        sizes[key] = total
        if total > MAX_EXPANDED_NODES:
            raise FileProblem(
                node.start_mark.line + 1,
                node.start_mark.column + 1,
                f"YAML-aliasene (*navn) blåser filen opp til over {MAX_EXPANDED_NODES} verdier: skriv verdiene "
                "ut i stedet for å bruke anker (&) og alias (*)",
            )
        return total

    try:
        size(root)
    except RecursionError:
        raise FileProblem(1, 1, "filen er nestet for dypt (for mange nivåer inni hverandre)") from None


def _position(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _build(node: Node, loc: Loc, positions: Positions, depth: int, lines: Lines) -> Any:
    if depth > MAX_DEPTH:
        raise FileProblem(*_position(node), f"filen er nestet dypere enn {MAX_DEPTH} nivåer")
    positions.values.setdefault(loc, _position(node))
    if isinstance(node, MappingNode):
        return _build_mapping(node, loc, positions, depth, lines)
    if isinstance(node, SequenceNode):
        if node.tag != TAG + "seq":
            raise _unknown_tag(node)
        return [_build(child, (*loc, i), positions, depth + 1, lines) for i, child in enumerate(node.value)]
    assert isinstance(node, ScalarNode)
    if not node.style:  # without quotes: None from PyYAML, "" from libyaml
        # Keep what YAML may have taken from the value (see Positions): the text of a number or true/false, and
        # a comment after it on its line.
        if node.tag != STR and node.tag != NULL and node.value:
            positions.written[loc] = node.value
        if node.end_mark.line in lines.hashed:
            rest = lines[node.end_mark.line][node.end_mark.column :]
            if rest[:1] in (" ", "\t") and rest.lstrip(" \t").startswith("#"):
                positions.cut[loc] = rest.rstrip()
    return _scalar(node)


def _build_mapping(node: MappingNode, loc: Loc, positions: Positions, depth: int, lines: Lines) -> Any:
    if node.tag != TAG + "map":
        raise _unknown_tag(node)
    result: dict[str, Any] = {}
    first_seen: dict[str, Node] = {}
    for key_node, value_node in slips.decimal_commas(node):
        if not isinstance(key_node, ScalarNode):
            raise FileProblem(
                *_position(key_node), "en nøkkel må være en enkel tekst, ikke en liste eller en gruppe med felt"
            )
        key = key_node.value
        slips.check_key(key_node)
        if key in first_seen:
            raise slips.duplicate_key_problem(key_node, first_seen[key], loc, node.value[0][0])
        first_seen[key] = key_node
        positions.keys[(*loc, key)] = _position(key_node)
        comment = slips.comment_as_value(key_node, value_node, lines)
        if comment is not None:
            positions.comments[(*loc, key)] = comment
        if key in TEXT_KEYS and isinstance(value_node, ScalarNode) and value_node.tag != TAG + "null":
            positions.values[(*loc, key)] = _position(value_node)
            result[key] = value_node.value
        else:
            result[key] = _build(value_node, (*loc, key), positions, depth + 1, lines)
    return result


def _unknown_tag(node: Node) -> FileProblem:
    tag = "!!" + node.tag.removeprefix(TAG) if node.tag.startswith(TAG) else node.tag
    return FileProblem(
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
        word = {"int": "et helt tall", "float": "et tall"}.get(tag, "en verdi av typen " + tag)
        raise FileProblem(*_position(node), f"«{value}» kan ikke leses som {word}") from None
    raise _unknown_tag(node)
