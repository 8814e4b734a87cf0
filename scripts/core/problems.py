"""Problems as values: every stage returns them, the command line prints them.

A problem is an error (the plan is not valid: it is neither built nor published) or a warning (the plan is
valid and is built, but something looks like a slip that an editor should look at)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from scripts.model.fixed import Loc

__all__ = ["ERROR", "WARNING", "Diagnostic", "Loc", "Severity", "errors", "sorted_unique", "warnings"]

Severity = Literal["error", "warning"]
ERROR: Severity = "error"
WARNING: Severity = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem in one file, at a line and column (both 1-based), with a Norwegian message. An error
    unless its severity says warning."""

    file: str
    line: int
    col: int
    message: str
    severity: Severity = ERROR

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def __str__(self) -> str:
        prefix = "advarsel: " if self.severity == WARNING else ""
        return f"{self.file}:{self.line}:{self.col}: {prefix}{self.message}"


def sorted_unique(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Sorted by file, line and column; the same problem reported twice is shown once."""
    return sorted(set(diagnostics))


def errors(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """The problems that make the plan invalid."""
    return [d for d in diagnostics if d.is_error]


def warnings(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """The problems that do not stop the plan from being built."""
    return [d for d in diagnostics if not d.is_error]
