"""Add an item at the end of a YAML list in a file's text, and change nothing else.

``plan new`` must leave an editor's file as it was apart from the new lines, in whatever valid layout the file
has: the dashes indented under their key or not, one or more spaces after a dash, blank lines or comments between
items, CRLF line endings, a byte order mark, no line break at the end. The new item is written in the layout of
the list's last item (the dash in the same column, as many spaces after it, a blank line before it when the
items are separated by blank lines). An empty list written ``key: []`` becomes ``key:`` with the item under it
(the one line that changes); a missing key is added with the list under it.

Comments after the last item stay with what they belong to, told by their indentation:

* indented deeper than the list's dashes: part of the last item (a commented-out field), so the new item goes
  after them;
* at the dashes: an item of the list (a commented-out old measure), so the new item goes after them and the list
  keeps its order;
* less indented: the heading of what follows (the next goal), so the new item goes before them.

The edited text is read again and must hold exactly the old data and the new item at the end of the list; a
layout this module does not handle is refused with a Norwegian message (:class:`LayoutError`) instead.
"""

from __future__ import annotations

import bisect
import copy
import re
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.tokens import ScalarToken

from scripts.load.strict import compose, load_data, scan

Where = tuple[str | int, ...]

#: Line breaks as the YAML reader counts them, so that line numbers agree with its marks.
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


class LayoutError(Exception):
    """The item cannot be added safely; the message (Norwegian) says what to do instead."""


@dataclass(frozen=True)
class Edit:
    """The whole new text, and the first and last added line (1-based, a separating blank line not counted)."""

    text: str
    first_line: int
    last_line: int


def split_lines(text: str) -> list[str]:
    """The lines of text with their line breaks; the last one without, when the text does not end in one."""
    lines, start = [], 0
    for match in _BREAK.finditer(text):
        lines.append(text[start : match.end()])
        start = match.end()
    if start < len(text):
        lines.append(text[start:])
    return lines


def append_item(text: str, parent: Where, key: str, item: list[str], what: str) -> Edit:
    """text with item added at the end of the list under key of the mapping at parent (the list made when there is
    none). item: the lines of a list item at column 0, «- …» and then lines indented by two spaces. what: the
    list, for messages («tiltakene under mål 1.2»)."""
    return append_items(text, [Addition(parent, key, item, what)])


@dataclass(frozen=True)
class Addition:
    """One item to add at the end of the list under key of the mapping at parent (see :func:`append_item`)."""

    parent: Where
    key: str
    item: list[str]
    what: str


@dataclass(frozen=True)
class _Insertion:
    at: int
    block: list[str]
    #: The line before `at` as it must become («key: []» → «key:»), or None when it stays.
    changed_line: str | None = None


def append_items(text: str, additions: list[Addition], *, check: bool = True) -> Edit:
    """text with every addition made, each in its own list (the file is read once, however many there are, and
    checked once: all or nothing). The first and last line of the Edit are those of the first addition's lines
    in the new text. check False: the caller reads the new text anyway, and compares its data with
    :func:`with_items` of the old data itself (see :func:`misread`)."""
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom) :]
    lines = split_lines(body)
    root = compose(body)
    source = _Source(body, lines, sorted(_content_lines(body, lines)), len(body.rstrip()))
    insertions = [_insertion(root, source, addition) for addition in additions]
    newline = next((line[len(line.rstrip("\r\n")) :] for line in lines if line.endswith(("\n", "\r"))), "\n")
    for insertion in insertions:
        if insertion.changed_line is not None:
            lines[insertion.at - 1] = insertion.changed_line
    if lines and not lines[-1].endswith(("\n", "\r")) and any(i.at == len(lines) for i in insertions):
        lines[-1] += newline
    for insertion in sorted(insertions, key=lambda i: i.at, reverse=True):
        lines[insertion.at : insertion.at] = [line + newline for line in insertion.block]
    new_body = "".join(lines)
    if check:
        _check(body, new_body, additions)
    first = insertions[0]
    shift = sum(len(i.block) for i in insertions if i.at < first.at)
    start = first.at + shift + 1 + (first.block[0] == "")
    return Edit(bom + new_body, start, first.at + shift + len(first.block))


@dataclass(frozen=True)
class _Source:
    """The text being edited, read once for all its additions."""

    body: str
    lines: list[str]
    #: The lines that hold part of a YAML token (:func:`_content_lines`), in order.
    content: list[int]
    #: Where the text's last non-blank character ends.
    end: int


def _insertion(root: Node | None, source: _Source, addition: Addition) -> _Insertion:
    parent, key, item, what = addition.parent, addition.key, addition.item, addition.what
    lines = source.lines
    mapping = _node_at(root, parent)
    if not isinstance(mapping, MappingNode) or mapping.flow_style:
        raise LayoutError(
            f"{what} hører til noe som står på én linje i krøllparenteser ({{…}}). Skriv det med ett felt per "
            f"linje, slik som ellers i planen, og kjør kommandoen igjen, eller {_BY_HAND}"
        )
    pair = next(((k, v) for k, v in mapping.value if isinstance(k, ScalarNode) and k.value == key), None)
    if pair is None:  # no list yet: the key and the item after everything the mapping holds
        col = mapping.start_mark.column
        at = _insertion_line(source, mapping, col)
        indent, gap = _siblings_layout(root, parent, key, lines)
        return _Insertion(at, [" " * col + key + ":", *_indented(item, col + indent, gap)])
    if isinstance(pair[1], SequenceNode) and not pair[1].flow_style and pair[1].value:
        sequence, last = pair[1], pair[1].value[-1]
        dash = sequence.start_mark.column
        at = _insertion_line(source, sequence, dash, start=last.start_mark.line)
        block = _indented(item, dash, _gap(lines, last, dash))
        return _Insertion(at, ["", *block] if _blank_above(lines, last) else block)
    if _empty(pair[1]) and pair[0].start_mark.line == pair[1].end_mark.line:
        at = pair[0].start_mark.line + 1
        changed = _without(lines[at - 1], pair[1].start_mark.column, pair[1].end_mark.column)
        indent, gap = _siblings_layout(root, parent, key, lines)
        return _Insertion(at, _indented(item, pair[0].start_mark.column + indent, gap), changed)
    raise LayoutError(
        f"{what} står i hakeparenteser ([…]). Skriv listen med én «- » først på linjen for hvert punkt, slik "
        f"som ellers i planen, og kjør kommandoen igjen, eller {_BY_HAND}"
    )


_BY_HAND = "legg det nye til for hånd, slik veiledningen for redaktører viser."


def _node_at(root: Node | None, where: Where) -> Node | None:
    node = root
    for step in where:
        if isinstance(step, int) and isinstance(node, SequenceNode) and step < len(node.value):
            node = node.value[step]
        elif isinstance(step, str) and isinstance(node, MappingNode):
            node = next((v for k, v in node.value if isinstance(k, ScalarNode) and k.value == step), None)
        else:
            return None
    return node


def _empty(node: Node) -> bool:
    """`[]`, or no value at all (`key:`, `key: ~`)."""
    if isinstance(node, SequenceNode):
        return node.flow_style and not node.value
    return isinstance(node, ScalarNode) and node.tag.endswith(":null") and node.value in _NULLS


def _without(line: str, start: int, end: int) -> str:
    """The line without columns start–end (an empty list, «[]»), and without the spaces then left at its end."""
    rest = line[end:]
    if rest.strip(" \t\r\n") == "":
        return line[:start].rstrip(" \t") + rest.lstrip(" \t")
    return line[:start] + rest


def _indented(item: list[str], dash: int, gap: int) -> list[str]:
    """The item's lines with the dash in column `dash` and the item's keys `gap` columns after it."""
    first, *rest = item
    assert first.startswith("- ") and all(line.startswith("  ") or not line for line in rest), item
    return [" " * dash + "-" + " " * (gap - 1) + first[2:], *(" " * (dash + gap) + line[2:] for line in rest)]


def _gap(lines: list[str], item: Node, dash: int) -> int:
    """How many columns the item's first key stands after its dash («-   id:» gives 4), or 2 when the key is
    not on the dash's line."""
    before = lines[item.start_mark.line][: item.start_mark.column]
    return item.start_mark.column - dash if before.strip() == "-" and before.index("-") == dash else 2


def _blank_above(lines: list[str], item: Node) -> bool:
    """Whether a blank line separates the item (with the comments just above it) from what is above it."""
    line = item.start_mark.line - 1
    while line >= 0 and lines[line].lstrip().startswith("#"):
        line -= 1
    return line >= 0 and not lines[line].strip()


def _siblings_layout(root: Node | None, parent: Where, key: str, lines: list[str]) -> tuple[int, int]:
    """How far a new list under key is indented from the key, and the spaces after its dashes: as in the first
    sibling of the mapping at parent (another goal) that has such a list, else 2 and 1 («  - id:»)."""
    siblings = _node_at(root, parent[:-1]) if parent and isinstance(parent[-1], int) else None
    for sibling in siblings.value if isinstance(siblings, SequenceNode) else []:
        for k, v in sibling.value if isinstance(sibling, MappingNode) else []:
            if isinstance(k, ScalarNode) and k.value == key and isinstance(v, SequenceNode) and not v.flow_style:
                dash = v.start_mark.column
                return dash - k.start_mark.column, _gap(lines, v.value[-1], dash)
    return 2, 2


def _insertion_line(source: _Source, node: Node, threshold: int, start: int | None = None) -> int:
    """The line index after the last line that belongs to node: its last content line (from `start`, when
    given), and then the comments below it that are indented at least to `threshold` (see the module docs)."""
    lines = source.lines
    following = len(lines) if node.end_mark.index >= source.end else node.end_mark.line
    first = node.start_mark.line if start is None else start
    before = bisect.bisect_left(source.content, following) - 1  # the last content line before `following`
    at = (source.content[before] if before >= 0 and source.content[before] >= first else first) + 1
    for number in range(at, following):
        line = lines[number]
        if not line.strip():
            continue
        if len(line) - len(line.lstrip(" ")) < threshold:
            break
        at = number + 1
    return at


def _content_lines(body: str, lines: list[str]) -> set[int]:
    """The lines (0-based) that hold part of a YAML token: every non-blank line that is not only a comment, and the
    blank lines at the end of a block scalar that keeps them («|+»)."""
    covered: set[int] = set()
    kept: set[int] = set()
    for token in scan(body):
        start, end = token.start_mark, token.end_mark
        if start.index == end.index:
            continue  # the markers of where a block starts and ends take no room
        last = end.line
        if last > start.line and body[end.index - end.column : end.index].strip() == "":
            last -= 1  # a block scalar ends in the next line's indentation
        covered.update(range(start.line, last + 1))
        header = _BLOCK_HEADER.match(body, start.index) if isinstance(token, ScalarToken) else None
        if header and "+" in header.group():
            kept.update(range(start.line, last + 1))
    return {n for n in covered if n < len(lines) and lines[n].strip()} | kept


#: The header of a block scalar («|», «>-», «|2+»); it keeps its final blank lines when it has «+».
_BLOCK_HEADER = re.compile(r"[|>][0-9+-]*")


def with_items(data: Any, additions: list[Addition]) -> Any:
    """A copy of a file's data with each addition's item at the end of its list: what the edited text must read
    as. The items are read in one go, as one list."""
    expected = copy.deepcopy(data)
    items = _load("\n".join(line for addition in additions for line in addition.item)) if additions else []
    for addition, item in zip(additions, items, strict=True):
        target: Any = expected
        for step in addition.parent:
            target = target[step]
        if target.get(addition.key) is None:
            target[addition.key] = []
        target[addition.key].append(item)
    return expected


def misread(what: str) -> LayoutError:
    """The error when the edited text does not read as the old data and the new items."""
    return LayoutError(
        f"{what} er skrevet slik at kommandoen ikke kan legge til noe uten å endre andre linjer, så filen er "
        "ikke endret. Legg det nye til for hånd, slik veiledningen for redaktører viser."
    )


def _check(old: str, new: str, additions: list[Addition]) -> None:
    """The new text must read as the old data with the items added at the end of their lists, and as nothing
    else."""
    expected = with_items(_load(old), additions)
    try:
        same = _load(new) == expected
    except yaml.YAMLError:
        same = False
    if not same:
        raise misread(additions[0].what if len(additions) == 1 else "listene")


def _load(text: str) -> Any:
    return load_data(text)
