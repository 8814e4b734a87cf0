"""The cycle collector paused for the stages that build many long-lived objects (loading, validating, rendering,
WeasyPrint): a tool of every stage, so it lives at the bottom."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Python's cycle collector paused for a stage that builds many objects and no garbage cycles worth
    collecting (loading, validating and rendering the plan; WeasyPrint making the PDF). Otherwise most of the
    time goes to re-scanning a growing heap: validating 5 000 measures took 5,5 s of CPU with the collector and
    2,1 s without it. The collector's previous state is restored afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
