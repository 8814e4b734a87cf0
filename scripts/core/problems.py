"""Problems as values: every stage returns them, the command line prints them."""

from __future__ import annotations

from dataclasses import dataclass

from schema import Loc

__all__ = ["Diagnostic", "Loc", "sorted_unique"]


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem in one file, at a line and column (both 1-based), with a Norwegian message."""

    file: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.message}"


def sorted_unique(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Sorted by file, line and column; the same problem reported twice is shown once."""
    return sorted(set(diagnostics))
