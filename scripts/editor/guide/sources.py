"""The plan's files as the guide quotes them: where each focus area is written, where a measure or a list is
in a file, and how far a YAML block reaches."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from schema import FocusArea, Plan
from scripts.load.folder import PlanFiles, load_plan
from scripts.load.strict import Document
from scripts.validate.validator import source_files

#: How the plan folder is named in the repository: every path the guide shows starts with it.
SHOWN_PLAN_DIR = "plan"


@dataclass(frozen=True)
class SourceFiles:
    """The focus area files of the plan folder, loaded with the position of every value. Only the files that
    hold what the plan holds are used: a plan read from another folder gets its examples from its data."""

    folder: Path
    files: PlanFiles
    #: Focus area id → path as loaded, for the files that match the plan.
    paths: Mapping[str, str]

    @classmethod
    def load(cls, folder: Path, plan: Plan) -> SourceFiles:
        files, _ = load_plan(folder)
        areas = {fa.id: fa for fa in plan.focus_areas}
        paths = {
            ident: path
            for ident, path in source_files(files).items()
            if ident in areas and _holds(files.focus_areas[path], areas[ident])
        }
        return cls(folder, files, paths)

    def shown(self, focus_area_id: str) -> str | None:
        """The file of a focus area as editors know it, «plan/satsingsomrader/1-….yaml»."""
        path = self.paths.get(focus_area_id)
        if path is None:
            return None
        return posixpath.join(SHOWN_PLAN_DIR, Path(path).relative_to(self.folder).as_posix())

    def document(self, focus_area_id: str) -> Document | None:
        path = self.paths.get(focus_area_id)
        return self.files.focus_areas.get(path) if path is not None else None


def _holds(doc: Document, focus_area: FocusArea) -> bool:
    """Whether a loaded file holds the focus area: the same title, goals and measures."""
    goals = [g for g in doc.data.get("goals") or [] if isinstance(g, Mapping)]
    written = [(g.get("id"), [m.get("id") for m in g.get("measures") or [] if isinstance(m, Mapping)]) for g in goals]
    expected = [(g.id, [m.id for m in g.measures]) for g in focus_area.goals]
    return doc.data.get("title") == focus_area.title and written == expected


def measure_loc(doc: Document, goal_id: str, measure_id: str) -> tuple[str | int, ...] | None:
    """Where a measure is in a loaded focus area file (None when it is not there)."""
    for g, goal in enumerate(doc.data.get("goals") or []):
        if not isinstance(goal, Mapping) or goal.get("id") != goal_id:
            continue
        for m, measure in enumerate(goal.get("measures") or []):
            if isinstance(measure, Mapping) and measure.get("id") == measure_id:
                return ("goals", g, "measures", m)
    return None


def list_indent(doc: Document, loc: tuple[str | int, ...], default: int) -> int:
    """The number of spaces before «- » of the list at loc, from its first item (columns are 1-based)."""
    position = doc.positions.values.get((*loc, 0))
    key = doc.positions.keys.get(loc)
    if position is None or key is None or position[0] == key[0]:
        return default  # no items, or a list written on one line in [ ]
    return position[1] - 3


def block_end_line(lines: list[str], start: int, indent: int, *, list_items: bool = True) -> int:
    """The last line (1-based) of the YAML block that starts on line `start` at column `indent` (0-based):
    the following lines that are indented further, or, with list_items, list items at the same indent."""
    last = start
    for number in range(start + 1, len(lines) + 1):
        text = lines[number - 1]
        if not text.strip():
            continue
        spaces = len(text) - len(text.lstrip(" \t"))
        if spaces > indent or (list_items and spaces == indent and text.lstrip().startswith("- ")):
            last = number
        else:
            break
    return last
