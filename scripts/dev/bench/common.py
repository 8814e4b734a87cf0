"""What every part of the benchmark shares: where the repository and the virtualenv are, and numbers in Norwegian."""

from __future__ import annotations

import sys
from pathlib import Path

#: The repository root: the children run there, and the shipped plan and mkdocs.yml are read from there.
ROOT = Path(__file__).resolve().parents[3]
#: The virtualenv's bin folder (``mkdocs``, ``plan``).
BIN = Path(sys.executable).parent


def nb(value: float, decimals: int = 2) -> str:
    """«1 234,56» (a thin space between thousands, decimal comma)."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", " ").replace(".", ",")


def kb(size: int) -> str:
    return f"{nb(size / 1024, 1)} KB"


def count_measures(folder: Path) -> int:
    """The number of measures in a valid plan folder (0 when it is not valid)."""
    from scripts.validate.validator import validate_folder

    plan, _ = validate_folder(folder)
    return sum(1 for _ in plan.measures()) if plan else 0
