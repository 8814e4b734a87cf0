"""Read a plan folder: the four fixed files and one file per focus area, each loaded strictly.

Comes in: the path of a plan folder. Goes out: :class:`PlanFiles` (every file that could be loaded, as a
:class:`~scripts.load.strict.Document` with the position of every value) and a list of
:class:`~scripts.core.problems.Diagnostic` for the files that are missing, unknown (with the name the editor
probably meant) or could not be loaded.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from scripts.core.problems import Diagnostic
from scripts.load.strict import Document, load_file

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
        problems += _leave_out_copies(files)
    else:
        problems.append(
            Diagnostic(str(focus_dir), 1, 1, "mappen med satsingsområdene mangler (én YAML-fil per satsingsområde)")
        )
    return files, problems


#: How file managers and people name a copy: «X - Kopi», «X - Copy (2)», «X (1)», «Kopi av X», «X kopi».
_COPY_NAME = re.compile(
    r"^(?:(?:kopi|copy) (?:av|of) )?(?P<stem>.+?)"
    r"(?:\s*-?\s*(?:kopi|copy)(?:\s*\(\d+\))?|\s*\(\d+\)|[-_](?:kopi|copy))?$",
    re.IGNORECASE,
)


def original_name(name: str) -> str | None:
    """«3-omstilling.yaml» for «3-omstilling - Kopi.yaml», «Kopi av 3-omstilling.yaml» or «3-omstilling (1).yaml»;
    None for a name that does not look like a copy."""
    path = Path(name)
    match = _COPY_NAME.match(path.stem)
    if match is None or match.group("stem") == path.stem:
        return None
    return match.group("stem") + path.suffix


def _focus_area_id(doc: Document) -> str | None:
    ident = doc.data.get("id")
    return ident if isinstance(ident, str) else None


def _leave_out_copies(files: PlanFiles) -> list[Diagnostic]:
    """A copy of a focus area file (named as a copy, or with a longer name, and with the same number as another
    file) is reported once, in the copy, and left out: otherwise every id in the original would be «brukt før»."""
    problems: list[Diagnostic] = []
    by_id: dict[str, list[str]] = {}
    for path, doc in files.focus_areas.items():
        ident = _focus_area_id(doc)
        if ident is not None:
            by_id.setdefault(ident, []).append(path)
    for ident, paths in by_id.items():
        for copy in paths:
            originals = [p for p in paths if p != copy and _is_copy_of(Path(copy).name, Path(p).name)]
            if not originals:
                continue
            original = Path(originals[0]).name
            del files.focus_areas[copy]
            problems.append(
                Diagnostic(
                    copy,
                    1,
                    1,
                    f"filen ser ut som en kopi av {original}: den har det samme satsingsområdet (nummer «{ident}»). "
                    f"Slett kopien. Skal den bli et nytt satsingsområde, gi den et nytt nummer (id) og et navn som "
                    f"begynner med nummeret",
                )
            )
    return problems


def _is_copy_of(copy: str, original: str) -> bool:
    """Whether copy is named as a copy of original, or as original with something added to its name."""
    named = original_name(copy)
    if named is not None and named.lower() == original.lower():
        return True
    stem, suffix = Path(original).stem, Path(original).suffix
    return original_name(original) is None and copy.startswith(stem) and copy.endswith(suffix) and copy != original


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
    copied = original_name(path.name)
    if copied in expected:
        return Diagnostic(str(path), 1, 1, f"filen ser ut som en kopi av {copied}: slett kopien")
    close = [KNOWN_MISNAMES[path.stem.lower()]] if path.stem.lower() in KNOWN_MISNAMES else []
    close = close or difflib.get_close_matches(path.name, expected, n=1, cutoff=0.6)
    if path.suffix == ".yml" and path.stem + ".yaml" in expected:
        hint = f": gi filen endelsen .yaml («{path.stem}.yaml»)"
    elif close:
        hint = f" – mente du «{close[0]}»?"
    else:
        hint = f". Planmappen skal bare inneholde {', '.join(expected)}"
    return Diagnostic(str(path), 1, 1, f"ukjent fil i planmappen{hint}")
