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

import contextlib
import functools
import hashlib
import importlib.metadata
import multiprocessing
import multiprocessing.connection
import os
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scripts import REPOSITORY, TEMPLATES
from scripts.pdf import document
from scripts.validate.commits import Repository

__all__ = ["CACHE", "CACHE_ROOT", "Made", "PdfCache", "PdfJob", "make_pdfs"]

#: The caches' folder inside the repository (ignored by git; the workflows keep it between runs), and the PDFs'.
CACHE_ROOT = Path(".cache")
CACHE = CACHE_ROOT / "pdf"
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

    def version(self, of: str = "pdf") -> str:
        """The hash of the code, fonts and libraries every PDF («pdf») or every HTML («html») depends on, computed
        once per cache object."""
        if of not in self._versions:
            places, libraries = (CODE, LIBRARIES) if of == "pdf" else (HTML_CODE, HTML_LIBRARIES)
            self._versions[of] = code_hash(places, libraries)
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
        if not kept.is_file():
            return None
        os.utime(remembered)  # used now: pruning keeps it
        return kept

    def remember(self, job: PdfJob) -> None:
        """Note which PDF the job's inputs give, so that the next build need not make its HTML."""
        remembered = self._inputs_file(job)
        if remembered is not None:
            remembered.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(remembered, self.key(job).encode("ascii"))

    def prune(self, keep_seconds: float = KEEP_SECONDS, now: float | None = None) -> int:
        """Remove entries not used for `keep_seconds` (their time of last use is their modification time, which a
        build that takes one touches). Returns how many were removed."""
        if self.folder is None or not self.folder.is_dir():
            return 0
        return prune_older([*self.folder.glob("*.pdf"), *self.folder.glob("inputs/*")], keep_seconds, now)


def cache_root(plan_folder: Path) -> Path:
    """The .cache/ folder of the git repository that holds the plan folder (outside one: the tool's repository)."""
    repository = Repository.of(plan_folder)
    return (repository.root if repository is not None else REPOSITORY) / CACHE_ROOT


def prune_older(entries: list[Path], keep_seconds: float, now: float | None = None) -> int:
    """Remove the cache entries whose time of last use (modification time) is older than `keep_seconds`."""
    limit = (time.time() if now is None else now) - keep_seconds
    old = [p for p in entries if p.stat().st_mtime < limit]
    for path in old:
        path.unlink(missing_ok=True)
    return len(old)


def code_hash(places: Sequence[Path], libraries: Sequence[str]) -> str:
    digest = hashlib.sha256(FORMAT.encode())
    for place in places:
        files = [place] if place.is_file() else sorted(place.rglob("*"))
        for path in (p for p in files if p.is_file() and "__pycache__" not in p.parts):
            digest.update(path.relative_to(place.parent).as_posix().encode() + b"\0" + path.read_bytes())
    for name in libraries:
        digest.update(f"{name}={_version_of(name)}\n".encode())
    return digest.hexdigest()


def write_atomically(path: Path, data: bytes) -> None:
    partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    partial.write_bytes(data)
    partial.replace(path)


def _version_of(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "-"


def _nothing() -> None:
    pass


class PdfBatch:
    """The PDFs of one build, under way. :meth:`start` (once the plan's pages are rendered) takes what it can from
    the cache and hands the rest to worker processes, which render while MkDocs builds the site in this process;
    :meth:`finish` (once the site folder is there) waits for them and puts every PDF into it; :meth:`cancel` stops
    the workers of a build that failed. With one core (or `workers` 1) the PDFs are rendered in :meth:`finish`."""

    def __init__(
        self,
        jobs: Sequence[PdfJob],
        cache: PdfCache,
        *,
        workers: int | None = None,
        done: Callable[[], None] = _nothing,
    ) -> None:
        self.jobs, self.cache, self.workers, self.done = list(jobs), cache, workers, done
        self.kept: dict[str, Path] = {}
        self.missing: list[tuple[PdfJob, Path]] = []
        self.scratch: Path | None = None
        self.driver: _Driver | None = None

    def start(self) -> PdfBatch:
        for job in self.jobs:
            kept = self.cache.known(job)  # the inputs are those of a PDF made before: no HTML to make
            if kept is None:
                job = job.made()
                kept = self.cache.path(job)
                if kept is not None and kept.is_file():
                    self.cache.remember(job)
            if kept is not None and kept.is_file():
                self.kept[job.name] = kept
            else:
                self.missing.append((job, kept or self._scratch() / job.name))
        count = worker_count(len(self.missing), self.workers)
        if self.missing and count > 1:
            self.driver = _Driver(count, self.missing)  # forks now, before MkDocs or any thread runs here
        return self

    def finish(self, out: Path) -> Made:
        """Wait for the renders, then every PDF into `out`; a render's failure is raised here."""
        out.mkdir(parents=True, exist_ok=True)
        made = Made()
        for name, kept in self.kept.items():
            _use(kept, out / name)
            made.cached.append(name)
            self.done()
        try:
            self._render_rest()
        except BaseException:
            self.cancel()
            raise
        if self.driver is not None:
            self.driver.close()
            self.driver = None
        for job, target in self.missing:
            shutil.copyfile(target, out / job.name)
            self.cache.remember(job)
            made.rendered.append(job.name)
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)
        return made

    def cancel(self) -> None:
        """Stop the workers (a build that failed or was interrupted leaves none running)."""
        if self.driver is not None:
            self.driver.stop()
            self.driver = None

    def _render_rest(self) -> None:
        if self.driver is None:
            for job, target in self.missing:
                _render(job.text, target)
                self.done()
            return
        self.driver.wait(self.done)

    def _scratch(self) -> Path:
        """Where PDFs are rendered when there is no cache to render them into."""
        if self.scratch is None:
            self.scratch = Path(tempfile.mkdtemp(prefix="pdf-"))
        return self.scratch


class _Driver:
    """Worker processes, forked when the batch starts (in the calling thread, before MkDocs or any other thread runs
    here), each with a pipe; and a thread that hands them the jobs, largest first, one per worker and only as many as
    the memory allows (their estimates summed stay under three quarters of the memory available), so that this
    process goes on building the site. The largest job takes longest and the build waits for it: its worker keeps
    the ordinary priority, and every other job is rendered at a lower one (`YIELDING`), so that on two cores the
    largest PDF has a core to itself while this process and the smaller PDFs share the other. No pool machinery: a
    worker is a process, a job a message, its result (None or the exception) the answer, and stopping is terminating
    the processes."""

    def __init__(self, count: int, missing: list[tuple[PdfJob, Path]]) -> None:
        context = multiprocessing.get_context("fork")
        self.workers: list[tuple[Any, Any]] = []
        for _ in range(count):
            ours, theirs = context.Pipe()
            process = context.Process(target=_serve, args=(theirs,), daemon=True)
            process.start()
            theirs.close()
            self.workers.append((process, ours))
        self.budget = available_memory() * 3 // 4
        self.changed = threading.Condition()
        self.finished = 0
        self.submitted = False
        self.stopped = False
        self.failure: BaseException | None = None
        self.handed = 0
        order = sorted(missing, key=lambda item: -len(item[0].text))
        self.thread = threading.Thread(target=self._hand_out, args=(order,), daemon=True)
        self.thread.start()

    def _hand_out(self, order: list[tuple[PdfJob, Path]]) -> None:
        try:
            self._hand_out_each(order)
        finally:
            with self.changed:
                self.submitted = True
                self.changed.notify_all()

    def _hand_out_each(self, order: list[tuple[PdfJob, Path]]) -> None:
        idle = [conn for _, conn in self.workers]
        busy: dict[Any, int] = {}
        while (order or busy) and not self.stopped:
            while order and idle and self.failure is None and (not busy or self._fits(busy, order[0][0].memory)):
                job, target = order.pop(0)
                conn = idle.pop()
                conn.send((job.text, str(target), 0 if self.handed == 0 else YIELDING))
                self.handed += 1
                busy[conn] = job.memory
            if not busy:
                return
            for conn in multiprocessing.connection.wait(list(busy)):
                del busy[conn]
                idle.append(conn)
                self._ended(_answer(conn))

    def _fits(self, busy: dict[Any, int], memory: int) -> bool:
        return sum(busy.values()) + memory <= self.budget

    def _ended(self, result: object) -> None:
        with self.changed:
            self.finished += 1
            if isinstance(result, BaseException) and self.failure is None:
                self.failure = result
            self.changed.notify_all()

    def wait(self, done: Callable[[], None]) -> None:
        """Until every job has ended (calling `done` for each), or the first failure, which is raised."""
        reported = 0
        while True:
            with self.changed:
                self.changed.wait_for(functools.partial(self._news, reported))
                failure, finished, idle = self.failure, self.finished, self.submitted
            for _ in range(finished - reported):
                done()
            reported = finished
            if failure is not None:
                raise failure
            if idle:
                return

    def stop(self) -> None:
        """End the workers: those still rendering are terminated; the batch hands out no more."""
        with self.changed:
            self.stopped = True
            self.failure = self.failure or InterruptedError("PDF-ene ble ikke laget ferdig")
            self.changed.notify_all()
        for process, conn in self.workers:
            if process.is_alive():
                process.terminate()
            process.join()
            conn.close()
        self.thread.join(timeout=5)

    def close(self) -> None:
        """Let the workers of a batch that is done end by themselves."""
        for process, conn in self.workers:
            with contextlib.suppress(OSError):  # a worker that is gone needs no word
                conn.send(None)
            process.join()
            conn.close()

    def _news(self, reported: int) -> bool:
        return self.finished > reported or self.failure is not None or self.submitted


def _answer(conn: Any) -> object:
    """A worker's answer to a job: None, or the exception it raised (a worker that died says so)."""
    try:
        return conn.recv()
    except (EOFError, OSError):
        return RuntimeError("en prosess som lagde en PDF, stoppet uventet")


#: How much lower the priority of a worker rendering anything but the largest PDF is (os.nice: 0 ordinary, 19 least).
YIELDING = 10


def _serve(conn: Any) -> None:
    """A worker: render each job it is sent, answer None or the exception, until told to end (None)."""
    _quiet_worker()
    lowered = 0
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        html, target, priority = task
        if priority > lowered:  # a priority once lowered stays so: only the difference
            with contextlib.suppress(OSError):
                os.nice(priority - lowered)
            lowered = priority
        try:
            _render(html, Path(target))
            conn.send(None)
        except Exception as error:
            try:
                conn.send(error)
            except Exception:  # an exception that cannot be pickled: its message
                conn.send(RuntimeError(f"{type(error).__name__}: {error}"))


def make_pdfs(
    jobs: Sequence[PdfJob],
    out: Path,
    cache: PdfCache,
    *,
    workers: int | None = None,
    done: Callable[[], None] = _nothing,
) -> Made:
    """Every job's PDF into `out`: copied from the cache when it is there, else rendered (in up to `workers`
    processes; None: one per core, as memory allows) and kept in the cache. `done` is called once per PDF."""
    batch = PdfBatch(jobs, cache, workers=workers, done=done).start()
    try:
        return batch.finish(out)
    finally:
        batch.cancel()


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


def _quiet_worker() -> None:
    """A worker leaves Ctrl+C to the build (which stops the workers) and ends quietly when it is stopped, instead
    of running the build's own signal handlers that it inherited."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for stop in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(stop, signal.SIG_DFL)


def _render(html: str, target: Path) -> None:
    """Render into a temporary file beside the target and rename it, so the target is whole or absent."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        document.render_pdf(html, partial)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
