"""Progress for people: each stage of `plan build` on one line with its time, and a progress bar for stages
that take longer than two seconds when the output is a terminal.

The stages run in different places (the command, the MkDocs plugin, MkDocs itself): `plan build` makes one
:class:`Progress` and hands it to the plugin; without it (a plain `mkdocs build`) the plugin's is silent.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TextIO

BAR_AFTER = 2.0  # seconds before a stage shows a bar
BAR_WIDTH = 24


def seconds_text(seconds: float) -> str:
    """Seconds with one decimal and a decimal comma: «0,3»."""
    return f"{seconds:.1f}".replace(".", ",")


@dataclass
class Stage:
    label: str
    total: int | None
    unit: str
    stream: TextIO
    live: bool
    started: float = field(default_factory=time.perf_counter)
    done: int = 0
    drawn: bool = False

    def advance(self, steps: int = 1) -> None:
        """One more unit of work done (a page written, a PDF made)."""
        self.done += steps
        if self.live and self.total and time.perf_counter() - self.started >= BAR_AFTER:
            filled = BAR_WIDTH * min(self.done, self.total) // self.total
            bar = "█" * filled + "░" * (BAR_WIDTH - filled)
            self.stream.write(f"\r  {self.label:<36} {bar} {self.done}/{self.total}")
            self.stream.flush()
            self.drawn = True

    def clear(self) -> None:
        if self.drawn:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self.drawn = False

    def finish(self, note: str | None = None) -> float:
        seconds = time.perf_counter() - self.started
        self.clear()
        note = note or (f"{self.done} {self.unit}" if self.unit else None)
        text = f"{self.label} ({note})" if note else self.label
        self.stream.write(f"  {text:<44} {seconds_text(seconds):>5} s\n")
        self.stream.flush()
        return seconds


class Progress:
    """The progress lines of one build. A silent one (no stream: a plain `mkdocs build`) does nothing."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream
        self.live = stream is not None and stream.isatty()
        self.current: Stage | None = None

    def begin(self, label: str, total: int | None = None, unit: str = "") -> None:
        """A stage starts (and any unfinished one is dropped). `total` units of work give a bar after two
        seconds."""
        if self.stream is None:
            return
        self.clear()
        self.current = Stage(label, total, unit, self.stream, self.live)

    def advance(self, steps: int = 1) -> None:
        """One more unit of work in the current stage, if any."""
        if self.current is not None:
            self.current.advance(steps)

    def end(self, note: str | None = None) -> None:
        """The current stage succeeded: print its line with the time it took, and `note` (else the units done) in
        brackets after its label."""
        if self.current is not None:
            self.current.finish(note)
            self.current = None

    def clear(self) -> None:
        """A stage cut short by an error leaves no half-drawn bar behind."""
        if self.current is not None:
            self.current.clear()

    @contextmanager
    def stage(self, label: str, total: int | None = None, unit: str = "") -> Iterator[None]:
        """A stage as a block; its line is printed only when the block ends without an error."""
        self.begin(label, total, unit)
        yield
        self.end()
