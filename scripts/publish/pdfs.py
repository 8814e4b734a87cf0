"""The PDFs of a build (the plan, each year's status report, each adopted edition): made only when something that
goes into them changed, and in parallel.

**The cache.** Each PDF is kept in a cache folder (``.cache/pdf/`` of the repository) under a hash of everything that
goes into it: its print HTML (the data, the templates and the stylesheet are in it, and so are the «status per» date
and whether the year is over), the fonts, the print stage's code and the versions of WeasyPrint and the libraries it
writes with. The same hash means the same bytes, so a change to one measure renders only the PDFs whose HTML shows
it. Making the HTML of every PDF takes time too, so each job also names its *inputs* (the plan's data, the options,
the year, today's date) and the cache remembers which PDF those inputs gave with the code of today
(``inputs/<hash>``): a build with nothing changed makes neither HTML nor PDF. Entries are written to a temporary name
and renamed, so a cache shared by builds running side by side never holds half a file; an old entry is never wrong,
only unused (:meth:`PdfCache.prune` removes those not used for a while).

**In parallel.** The PDFs still to render are handed to worker processes, one per core at most, and fewer when
memory is short: each job's memory is estimated from the size of its HTML, and a job waits until the estimates of
the running ones and its own fit in the memory available (a large plan's PDF needs gigabytes). The bytes do not
depend on which process made them.
"""

from __future__ import annotations

import concurrent.futures as futures
import hashlib
import importlib.metadata
import multiprocessing
import os
import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from scripts import REPOSITORY, TEMPLATES
from scripts.pdf import document
from scripts.validate.commits import Repository

__all__ = ["CACHE", "Made", "PdfCache", "PdfJob", "make_pdfs"]

#: The cache's folder inside the repository (ignored by git; the workflows keep it between runs).
CACHE = Path(".cache", "pdf")
#: What a PDF's hash covers beyond its HTML: the print stage's code, the fonts, the libraries that write the PDF.
CODE = (REPOSITORY / "scripts" / "pdf", TEMPLATES / "print" / "fonts")
LIBRARIES = ("weasyprint", "pydyf", "fonttools", "tinycss2", "cssselect2", "Pillow")
#: What makes the HTML from a job's inputs: all of the project's code and templates, and the libraries they use.
HTML_CODE = (REPOSITORY / "scripts", REPOSITORY / "schema.py")
HTML_LIBRARIES = ("jinja2", "markupsafe", "markdown", "nh3", "pydantic", "pydantic-core", "pymdown-extensions")
#: Bumped when the cache's layout changes.
FORMAT = "pdf-cache-1"
#: An entry not used for this long is removed when a build prunes the cache.
KEEP_SECONDS = 30 * 24 * 3600

#: Memory a WeasyPrint process needs: a base and a factor on the HTML's size (measured: the shipped plan's 0,9 MB
#: of HTML peaks at about 0,45 GB; 1 000 measures' 12 MB at about 3 GB, see BENCHMARKS.md).
BASE_MEMORY = 200_000_000
MEMORY_PER_HTML_BYTE = 250


@dataclass(frozen=True)
class PdfJob:
    """One PDF to make: its file name in the site's pdf/ folder, its print HTML (document.plan_html) or the function
    that makes it, and a text naming everything that function reads beyond the code (None: the HTML is always
    made, and the PDF looked up by it)."""

    name: str
    html: str | Callable[[], str]
    inputs: str | None = None

    def made(self) -> PdfJob:
        """This job with its HTML made."""
        return self if isinstance(self.html, str) else PdfJob(self.name, self.html(), self.inputs)

    @property
    def text(self) -> str:
        assert isinstance(self.html, str), "the HTML is made first (PdfJob.made)"
        return self.html

    @property
    def memory(self) -> int:
        """The estimated peak memory of rendering it, in bytes."""
        return BASE_MEMORY + MEMORY_PER_HTML_BYTE * len(self.text)


@dataclass(frozen=True)
class Made:
    """What a batch did: the PDFs rendered and those taken from the cache."""

    rendered: list[str] = field(default_factory=list)
    cached: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """«2 nye, 5 fra hurtigbufferen» (what `plan build` says of its PDFs)."""
        parts = [f"{len(self.rendered)} nye"] if self.rendered else []
        parts += [f"{len(self.cached)} fra hurtigbufferen"] if self.cached else []
        return ", ".join(parts) or "ingen"


class PdfCache:
    """PDFs by the hash of what goes into them, in `folder` (None: no cache, every PDF is rendered)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._versions: dict[str, str] = {}

    @classmethod
    def of_plan(cls, folder: Path) -> PdfCache:
        """The cache in .cache/pdf/ of the git repository that holds the plan folder (outside one: the tool's)."""
        repository = Repository.of(folder)
        return cls((repository.root if repository is not None else REPOSITORY) / CACHE)

    def version(self, of: str = "pdf") -> str:
        """The hash of the code, fonts and libraries every PDF («pdf») or every HTML («html») depends on, computed
        once per cache object."""
        if of not in self._versions:
            places, libraries = (CODE, LIBRARIES) if of == "pdf" else (HTML_CODE, HTML_LIBRARIES)
            self._versions[of] = _code_hash(places, libraries)
        return self._versions[of]

    def key(self, job: PdfJob) -> str:
        digest = hashlib.sha256(self.version().encode())
        digest.update(document.portable(job.text).encode("utf-8"))
        return digest.hexdigest()

    def path(self, job: PdfJob) -> Path | None:
        return None if self.folder is None else self.folder / f"{self.key(job)}.pdf"

    def _inputs_file(self, job: PdfJob) -> Path | None:
        if self.folder is None or job.inputs is None:
            return None
        digest = hashlib.sha256(f"{self.version('html')}\0{job.name}\0{job.inputs}".encode())
        return self.folder / "inputs" / digest.hexdigest()

    def known(self, job: PdfJob) -> Path | None:
        """The kept PDF these inputs gave before with today's code, if it is still there."""
        remembered = self._inputs_file(job)
        if remembered is None or not remembered.is_file():
            return None
        kept = remembered.parent.parent / f"{remembered.read_text(encoding='ascii').strip()}.pdf"
        return kept if kept.is_file() else None

    def remember(self, job: PdfJob) -> None:
        """Note which PDF the job's inputs give, so that the next build need not make its HTML."""
        remembered = self._inputs_file(job)
        if remembered is not None:
            remembered.parent.mkdir(parents=True, exist_ok=True)
            _write_atomically(remembered, self.key(job).encode("ascii"))

    def prune(self, keep_seconds: float = KEEP_SECONDS, now: float | None = None) -> int:
        """Remove entries not used for `keep_seconds` (their time of last use is their modification time, which a
        build that takes one touches). Returns how many were removed."""
        if self.folder is None or not self.folder.is_dir():
            return 0
        limit = (time.time() if now is None else now) - keep_seconds
        entries = [*self.folder.glob("*.pdf"), *self.folder.glob("inputs/*")]
        old = [p for p in entries if p.stat().st_mtime < limit]
        for path in old:
            path.unlink(missing_ok=True)
        return len(old)


def _code_hash(places: Sequence[Path], libraries: Sequence[str]) -> str:
    digest = hashlib.sha256(FORMAT.encode())
    for place in places:
        files = [place] if place.is_file() else sorted(place.rglob("*"))
        for path in (p for p in files if p.is_file() and "__pycache__" not in p.parts):
            digest.update(path.relative_to(place.parent).as_posix().encode() + b"\0" + path.read_bytes())
    for name in libraries:
        digest.update(f"{name}={_version_of(name)}\n".encode())
    return digest.hexdigest()


def _write_atomically(path: Path, data: bytes) -> None:
    partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    partial.write_bytes(data)
    partial.replace(path)


def _version_of(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "-"


def make_pdfs(
    jobs: Sequence[PdfJob],
    out: Path,
    cache: PdfCache,
    *,
    workers: int | None = None,
    done: Callable[[], None] = lambda: None,
) -> Made:
    """Every job's PDF into `out`: copied from the cache when it is there, else rendered (in up to `workers`
    processes; None: one per core, as memory allows) and kept in the cache. `done` is called once per PDF."""
    out.mkdir(parents=True, exist_ok=True)
    made = Made()
    missing: list[tuple[PdfJob, Path]] = []
    for job in jobs:
        kept = cache.known(job)  # the inputs are those of a PDF made before: no HTML to make
        if kept is None:
            job = job.made()
            kept = cache.path(job)
            if kept is not None and kept.is_file():
                cache.remember(job)
        if kept is not None and kept.is_file():
            _use(kept, out / job.name)
            made.cached.append(job.name)
            done()
        else:
            missing.append((job, kept or out / job.name))
    for job, target in _render_all(missing, workers, done):
        if target != out / job.name:
            shutil.copyfile(target, out / job.name)
        cache.remember(job)
        made.rendered.append(job.name)
    return made


def _use(kept: Path, target: Path) -> None:
    """Copy a kept PDF into the site, and mark it used now (pruning keeps it)."""
    os.utime(kept)
    shutil.copyfile(kept, target)


def worker_count(jobs: int, requested: int | None = None) -> int:
    """How many processes render: as asked, else one per core this process may use; never more than the jobs."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(jobs, requested or cores))


def available_memory() -> int:
    """The memory available to new processes (MemAvailable of /proc/meminfo; else the physical memory)."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")


def _render_all(
    missing: list[tuple[PdfJob, Path]], workers: int | None, done: Callable[[], None]
) -> list[tuple[PdfJob, Path]]:
    """Render each job to its target; in this process when one process is enough, else in a pool of worker
    processes with the memory bound. Returns the jobs in the order they were given."""
    count = worker_count(len(missing), workers)
    if count <= 1:
        for job, target in missing:
            _render(job.text, target)
            done()
        return missing
    budget = available_memory() * 3 // 4
    largest_first = sorted(missing, key=lambda item: -len(item[0].text))
    # fork: the workers start at once with the modules already imported (WeasyPrint takes a second to import).
    with futures.ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("fork")) as pool:
        running: dict[futures.Future[None], int] = {}
        for job, target in largest_first:
            while running and (len(running) >= count or sum(running.values()) + job.memory > budget):
                _wait_one(running, done)
            running[pool.submit(_render, job.text, target)] = job.memory
        while running:
            _wait_one(running, done)
    return missing


def _wait_one(running: dict[futures.Future[None], int], done: Callable[[], None]) -> None:
    finished, _ = futures.wait(running, return_when=futures.FIRST_COMPLETED)
    for future in finished:
        del running[future]
        future.result()  # a failure in a worker fails the build here
        done()


def _render(html: str, target: Path) -> None:
    """Render into a temporary file beside the target and rename it, so the target is whole or absent."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        document.render_pdf(html, partial)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
