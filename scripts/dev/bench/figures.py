"""What the benchmark measured, as the stages, the browser and `plan serve` hand it to the report."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Runs:
    """Several runs of one stage on one plan."""

    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    peak_kb: int = 0
    extra: dict[str, list[float]] = field(default_factory=dict)
    skipped: str | None = None

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    def median_of(self, key: str) -> float:
        return statistics.median(self.extra[key])


@dataclass
class Visit:
    """What a browser fetched, as site paths with their gzip sizes (level 6)."""

    first: dict[str, int]
    search: dict[str, int]
    #: Requests to anything but the local server (there should be none).
    foreign: list[str]
    #: Paths asked for that the site does not have.
    missing: list[str]
    #: Seconds from the click in the search field until the first result was on the page.
    search_seconds: float


@dataclass
class SiteFigures:
    pages: int
    bytes: int
    measure_html: int
    measure_frame: int
    measure_gzip: int
    visit: Visit
    #: Focus areas in the plan: the navigation of every page lists them.
    focus_areas: int


@dataclass
class Serve:
    #: Seconds from `plan serve` starting until the page answered.
    startup: float
    #: Seconds from each write of the YAML file until the served page had the new title.
    edits: list[float]
    #: The machine's load average (1 minute) when the edits started: other work slows the rebuilds.
    load: float


#: The states of the cache a `plan build` is timed in (scripts/dev/bench/builds.py), with their Norwegian names.
BUILD_STATES = {
    "cold": "kald (uten `.cache/`)",
    "unchanged": "uten endringer",
    "edited": "etter endret tekst i ett tiltak",
}


@dataclass
class BuildRuns:
    """Several runs of the whole `plan build` of one plan, each with the cache in the same state (BUILD_STATES)."""

    plan: str
    synthetic: bool
    state: str
    #: Wall and CPU time and the highest peak memory of the runs (the CPU time and the memory cover the PDF
    #: workers too: see builds.py).
    runs: Runs = field(default_factory=Runs)
    #: The machine's load average (1 minute) read right after each run: the minute it covers is mostly the run.
    loads: list[float] = field(default_factory=list)
    #: What `plan build` said of its PDFs in each run: «3 nye, 7 fra hurtigbufferen».
    pdfs: list[str] = field(default_factory=list)


@dataclass
class Plan:
    name: str
    folder: Path
    measures: int
    stages: dict[str, Runs] = field(default_factory=dict)
    site: SiteFigures | None = None
