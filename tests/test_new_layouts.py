"""`plan new measure` in any valid layout of a focus area file: the new measure lands in the right goal, the file
reads as before plus that one measure and validates, every other byte stays, comments stay with what they belong
to; a layout it cannot handle is refused with a Norwegian message naming the file, and the file is untouched.

The files are written by a small emitter from the test plan's focus area, in layouts drawn by hypothesis.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_new import only_insertions

from conftest import ROOT, VALID_PLAN, run_plan
from scripts.editor import new
from scripts.editor.skeleton import DESCRIPTION, TITLE
from scripts.load.strict import Document, load_file
from scripts.validate.validator import validate_folder

AREA = "satsingsomrader/1-nettverk.yaml"


@dataclass(frozen=True)
class Layout:
    """How a focus area file is written; every combination is valid YAML."""

    step: int = 2  # columns a mapping is indented under its key
    indented_lists: bool = True  # list dashes indented under their key (False: in the key's column)
    gap: int = 1  # spaces after a dash
    blank_between: bool = False  # a blank line between list items
    comment_between: bool = False  # a comment above every list item after the first
    trailing: str = ""  # comments after the last measure of goal 1.1: "field", "item", "heading" or ""
    empty_as_flow: bool = False  # a goal without measures says «measures: []» (else has no such key)
    newline: str = "\n"
    final_newline: bool = True
    bom: bool = False


def scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else str(value)


def emit_mapping(data: dict[str, Any], col: int, layout: Layout) -> list[str]:
    lines: list[str] = []
    for key, value in data.items():
        pad = " " * col
        if isinstance(value, dict):
            lines += [f"{pad}{key}:", *emit_mapping(value, col + layout.step, layout)]
        elif isinstance(value, list) and not value:
            lines += [f"{pad}{key}: []"] if layout.empty_as_flow else []
        elif isinstance(value, list):
            lines += [f"{pad}{key}:", *emit_list(value, col + layout.step * layout.indented_lists, layout)]
            if key == "measures" and data.get("id") == "1.1":
                lines += trailing_comments(col + layout.step * layout.indented_lists, layout)
        else:
            lines.append(f"{pad}{key}: {scalar(value)}")
    return lines


def emit_list(items: list[Any], dash: int, layout: Layout) -> list[str]:
    lines: list[str] = []
    for number, item in enumerate(items):
        if number and layout.blank_between:
            lines.append("")
        if number and layout.comment_between:
            lines.append(" " * dash + f"# punkt {number + 1}")
        lead = " " * dash + "-" + " " * layout.gap
        if isinstance(item, dict):
            first, *rest = emit_mapping(item, dash + 1 + layout.gap, layout)
            lines += [lead + first.lstrip(" "), *rest]
        else:
            lines.append(lead + scalar(item))
    return lines


#: The comments put after the last measure of goal 1.1, by kind, and whether the new measure goes after them.
TRAILING = {
    "field": (["# budget: kommer senere"], True),
    "item": (['# - id: "1.1.7"', "#   title: Tatt ut av planen"], True),
    "heading": (["# Mål 1.2 handler om reiseliv"], False),
}


def trailing_comments(dash: int, layout: Layout) -> list[str]:
    if not layout.trailing:
        return []
    col = {"field": dash + 1 + layout.gap, "item": dash, "heading": 0}[layout.trailing]
    return [" " * col + line for line in TRAILING[layout.trailing][0]]


def focus_area() -> dict[str, Any]:
    """The test plan's focus area with a second goal that has no measures yet."""
    loaded = load_file(VALID_PLAN / AREA)
    assert isinstance(loaded, Document)
    data = loaded.data
    data["goals"].append({"id": "1.2", "title": "Flere besøkende", "measures": []})
    return data


def write_plan(folder: Path, layout: Layout) -> bytes:
    shutil.copytree(VALID_PLAN, folder)
    text = layout.newline.join(emit_mapping(focus_area(), 0, layout))
    text = ("\ufeff" if layout.bom else "") + text + (layout.newline if layout.final_newline else "")
    (folder / AREA).write_bytes(text.encode("utf-8"))
    return text.encode("utf-8")


def fill_in(path: Path) -> None:
    """Replace the skeleton's placeholders, as the editor is asked to, before the plan is validated."""
    text = path.read_text(encoding="utf-8").replace(TITLE, "Et nytt tiltak").replace(DESCRIPTION, "Slik blir det.")
    path.write_bytes(text.encode("utf-8"))


def measures(path: Path) -> dict[str, list[dict[str, Any]]]:
    loaded = load_file(path)
    assert isinstance(loaded, Document), loaded
    return {goal["id"]: goal.get("measures", []) for goal in loaded.data["goals"]}


layouts = st.builds(
    Layout,
    step=st.sampled_from([2, 4]),
    indented_lists=st.booleans(),
    gap=st.integers(1, 4),
    blank_between=st.booleans(),
    comment_between=st.booleans(),
    trailing=st.sampled_from(["", *TRAILING]),
    empty_as_flow=st.booleans(),
    newline=st.sampled_from(["\n", "\r\n"]),
    final_newline=st.booleans(),
    bom=st.booleans(),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(layout=layouts, goal=st.sampled_from(["1.1", "1.2"]))
def test_a_new_measure_in_any_layout_is_one_more_measure_in_its_goal_and_every_other_byte_stays(
    tmp_path_factory: pytest.TempPathFactory, layout: Layout, goal: str
) -> None:
    folder = tmp_path_factory.mktemp("layout") / "plan"
    before = write_plan(folder, layout)
    path = folder / AREA
    plan, problems = validate_folder(folder)
    assert plan is not None and problems == [], problems
    old = measures(path)

    added = new.new_measure(folder, goal)

    after = path.read_bytes()
    if goal == "1.2" and layout.empty_as_flow:  # «measures: []» becomes «measures:», the one line that changes
        before = before.replace(b"measures: []", b"measures:")
    newline = layout.newline.encode()
    if not layout.final_newline and not after.endswith(before.splitlines(keepends=True)[-1]):
        before += newline  # added at the end: the last line gets its line break before the new lines follow
    inserted = only_insertions(before, after)
    assert all(line.endswith(newline) for line in inserted)
    assert after.startswith(b"\xef\xbb\xbf") == layout.bom
    # written as the other measures: as many spaces after the dash, as far from its key
    first = next(line for line in inserted if b'id: "' in line)
    assert first.lstrip(b" ").startswith(b"-" + b" " * layout.gap + b'id: "'), first
    assert first.index(b"-") == 2 * layout.step * layout.indented_lists + 1 + layout.gap
    assert measures(path) == {**old, goal: [*old[goal], measures(path)[goal][-1]]}
    assert measures(path)[goal][-1]["id"] == added.ident
    expected = {"1.1": "1.1.8" if layout.trailing == "item" else "1.1.3", "1.2": "1.2.1"}[goal]
    assert added.ident == expected  # a number in a commented-out measure is taken too
    if goal == "1.1" and layout.trailing:
        comment, after_them = TRAILING[layout.trailing]
        lines = after.decode("utf-8").splitlines()
        comment_at = next(n for n, line in enumerate(lines) if line.strip() == comment[0])
        assert (comment_at < added.first_line - 1) == after_them, "\n".join(lines)
    fill_in(path)
    assert validate_folder(folder)[1] == []


# -- layouts that are refused, with a message naming the file and what to do -----------------------------------

REFUSED = {
    "a list of measures in brackets": (
        '    measures: [{"id": "1.1.1", "title": "T", "description": "D", "roles": [{"actor": "nes-kommune", '
        '"role": "ansvarlig"}], "period": {"start": 2021}, "status": "planlagt", "municipalities": "alle"}]',
        "står i hakeparenteser ([…])",
    ),
    "a goal in braces": ('  - {id: "1.1", title: "Flere nettverk"}', "står på én linje i krøllparenteser"),
}


@pytest.mark.parametrize("case", REFUSED)
def test_a_layout_that_cannot_be_extended_safely_is_refused_and_the_file_is_untouched(
    tmp_path: Path, case: str
) -> None:
    folder = tmp_path / "plan"
    shutil.copytree(VALID_PLAN, folder)
    path = folder / AREA
    head = path.read_text(encoding="utf-8").split('  - id: "1.1"')[0]
    replacement, message = REFUSED[case]
    goal = "" if "goal" in case else '  - id: "1.1"\n    title: Flere nettverk\n'
    path.write_text(head + goal + replacement + "\n", encoding="utf-8")
    assert validate_folder(folder)[1] == []
    before = path.read_bytes()

    result = run_plan("new", "measure", "--goal", "1.1", "--plan", str(folder))

    assert result.code == 1
    assert result.stderr.startswith(f"plan: {path}: tiltakene under mål 1.1 "), result.stderr
    assert message in result.stderr and "for hånd" in result.stderr
    assert path.read_bytes() == before


def test_tabs_for_indentation_are_refused_with_the_file_and_line_of_the_first_problem(tmp_path: Path) -> None:
    folder = tmp_path / "plan"
    shutil.copytree(VALID_PLAN, folder)
    path = folder / AREA
    path.write_text(path.read_text(encoding="utf-8").replace("        title: Nettverk for reiseliv", "\ttitle: x"))
    before = path.read_bytes()

    result = run_plan("new", "measure", "--goal", "1.1", "--plan", str(folder))

    assert result.code == 1
    assert result.stderr.startswith("plan: planen har feil: rett dem først (kjør «plan validate»")
    assert f"Den første: {path}:" in result.stderr
    assert path.read_bytes() == before


def test_a_block_scalar_that_keeps_its_blank_lines_keeps_them(tmp_path: Path) -> None:
    folder = tmp_path / "plan"
    shutil.copytree(VALID_PLAN, folder)
    path = folder / AREA
    text = path.read_text(encoding="utf-8").replace("        description: Et annet nettverk.\n", "")
    path.write_text(text + "        description: |+\n          Slutter med en tom linje.\n\n", encoding="utf-8")
    plan, problems = validate_folder(folder)
    assert plan is not None and problems == [], problems
    description = plan.focus_areas[0].goals[0].measures[-1].description

    new.new_measure(folder, "1.1")

    fill_in(path)
    plan, problems = validate_folder(folder)
    assert plan is not None and problems == [], problems
    assert plan.focus_areas[0].goals[0].measures[1].description == description


# -- the round trip over every focus area file of the shipped plan and the test plan ---------------------------


def every_goal() -> list[tuple[Path, str]]:
    found = []
    for plan_folder in (ROOT / "plan", VALID_PLAN):
        for path in sorted((plan_folder / "satsingsomrader").glob("*.yaml")):
            loaded = load_file(path)
            assert isinstance(loaded, Document)
            found += [(path, goal["id"]) for goal in loaded.data["goals"]]
    return found


@pytest.mark.parametrize(("source", "goal"), every_goal(), ids=[f"{p.parent.parent.name}-{g}" for p, g in every_goal()])
def test_a_new_measure_under_every_goal_of_every_file_only_adds_lines_and_validates(
    tmp_path: Path, source: Path, goal: str
) -> None:
    folder = tmp_path / "plan"
    shutil.copytree(source.parent.parent, folder)
    path = folder / "satsingsomrader" / source.name
    before, old = path.read_bytes(), measures(path)

    added = new.new_measure(folder, goal)

    inserted = only_insertions(before, path.read_bytes())
    assert len(inserted) == added.last_line - added.first_line + 1
    assert measures(path) == {**old, goal: [*old[goal], measures(path)[goal][-1]]}
    fill_in(path)
    assert validate_folder(folder)[1] == []


def test_comments_after_the_last_measure_stay_with_what_they_belong_to(tmp_path: Path) -> None:
    """A commented-out field stays with its measure, a commented-out old measure keeps its place in the list
    (the new measure comes after it, with the next number), and a heading stays above the goal it introduces."""
    folder = tmp_path / "plan"
    shutil.copytree(VALID_PLAN, folder)
    path = folder / AREA
    tail = [
        "          # budget: kommer senere",
        '      # - id: "1.1.3"',
        "      #   title: Tatt ut av planen",
        "",
        "  # Mål 1.2 handler om reiseliv",
        '  - id: "1.2"',
        "    title: Flere besøkende",
    ]
    original = path.read_text(encoding="utf-8")
    path.write_text(original + "\n".join(tail) + "\n", encoding="utf-8")

    added = new.new_measure(folder, "1.1", today=dt.date(2024, 1, 1))

    assert added.ident == "1.1.4"
    lines = path.read_text(encoding="utf-8").split("\n")
    old_lines = original.split("\n")[:-1]
    assert lines[: len(old_lines) + 3] == old_lines + tail[:3]
    assert lines[len(old_lines) + 3] == '      - id: "1.1.4"'
    assert lines[-len(tail) + 3 - 1 : -1] == tail[3:]
    assert added.first_line == len(old_lines) + 4
