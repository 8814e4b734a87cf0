"""Valid YAML that means something else than the editor wrote: recognised while the loader builds the values.

* ``{value: 21,5}``: in a mapping in braces the comma separates fields, so YAML reads the field ``value: 21``
  and a field ``5`` without a value. :func:`decimal_commas` puts the number back together as the text «21,5»,
  so that the validator reports it on its field with the fix («skriv 21.5»), not as an unknown field «5».
* A list item whose dash («- ») is missing joins the item above it, so one of its keys stands twice:
  :func:`duplicate_key_problem` says that a dash is missing instead of advising to delete a key (which would
  delete a role or a budget line).
* ``title: #1 nettverk``: everything from «#» is a comment, so the value is empty. :func:`comment_as_value`
  keeps the comment, for the validator to explain why the value is empty.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from yaml.nodes import MappingNode, Node, ScalarNode

from scripts.core.problems import Loc
from scripts.load.syntax import FileProblem
from scripts.model.fields import ODD_SPACES, invisible_name

TAG = "tag:yaml.org,2002:"
Pair = tuple[Node, Node]


def _implicit_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag == TAG + "null" and node.value == ""


def decimal_commas(node: MappingNode) -> list[Pair]:
    """The pairs of a mapping in braces, with «amount: 1,5 mill» read as one text value (see the module docs):
    a field without a value whose name starts with a digit right after the comma that follows a number."""
    if not node.flow_style:
        block: list[Pair] = node.value
        return block
    pairs: list[Pair] = []
    for key, value in node.value:
        if pairs and _implicit_null(value) and isinstance(key, ScalarNode):
            before_key, before = pairs[-1]
            glued = (
                isinstance(before, ScalarNode)
                and before.tag in (TAG + "int", TAG + "float")
                and key.start_mark.index == before.end_mark.index + 1
                and key.value[:1].isdigit()
            )
            if glued:
                text = f"{before.value},{key.value}"
                merged = ScalarNode(TAG + "str", text, before.start_mark, key.end_mark)
                pairs[-1] = (before_key, merged)
                continue
        pairs.append((key, value))
    return pairs


def duplicate_key_problem(key_node: ScalarNode, first: Node, loc: Loc, first_key: Node) -> FileProblem:
    """A key that stands twice in one mapping. In an item of a list, where the item's first key comes again
    most likely a dash is missing: say so."""
    key = key_node.value
    line, col = key_node.start_mark.line + 1, key_node.start_mark.column + 1
    first_line = first.start_mark.line + 1
    in_list = bool(loc) and isinstance(loc[-1], int)
    if in_list and first is first_key:
        listing = f"listen «{loc[-2]}»" if len(loc) > 1 and isinstance(loc[-2], str) else "listen"
        dash_line = first_key.start_mark.line + 1
        return FileProblem(
            line,
            col,
            f"nøkkelen «{key}» står to ganger i samme element av {listing} (første gang på linje {first_line}). "
            f"Mangler det «- » foran «{key}» her? Hvert nytt element i listen begynner med «- »: skriv «- {key}:» "
            f"med bindestreken rett under bindestreken på linje {dash_line}, og de andre feltene i elementet rett "
            f"under «{key}»",
        )
    return FileProblem(
        line,
        col,
        f"nøkkelen «{key}» står to ganger (første gang på linje {first_line}). YAML beholder bare den siste, så "
        "det andre innholdet ville gått tapt: slå dem sammen eller fjern den ene",
    )


def check_key(key: ScalarNode) -> None:
    """A key with a space in it that is not an ordinary space («role\u00a0: x»): name the character."""
    if key.value.isascii():  # every odd space is outside ASCII; most keys are ASCII
        return
    index = next((i for i, char in enumerate(key.value) if char in ODD_SPACES), None)
    if index is not None:
        raise FileProblem(
            key.start_mark.line + 1,
            key.start_mark.column + 1 + index,
            f"feltnavnet «{key.value.strip()}» har {invisible_name(key.value[index])}: slett det",
        )


_COMMENT_AFTER_KEY = re.compile(r"^\s*:\s+(#.*?)\s*$")


def comment_as_value(key: Node, value: Node, lines: Sequence[str]) -> str | None:
    """The comment that stands on the key's line where its value should be («title: #1 nettverk»), if the value
    is empty because of it."""
    if not _implicit_null(value) or key.start_mark.line >= len(lines):
        return None
    rest = lines[key.start_mark.line][key.end_mark.column :]
    found = _COMMENT_AFTER_KEY.match(rest) if key.end_mark.line == key.start_mark.line else None
    return found.group(1) if found else None
