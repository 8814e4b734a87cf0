"""`plan serve`: the live preview, built again when a file is saved, the browser reloading by itself.

MkDocs' own live-reload server (``mkdocs.livereload.LiveReloadServer``, whose reload script the pages get) with
these differences from ``mkdocs serve``:

- The plan is validated before every build. An invalid plan, or a build that fails, does not stop the preview
  and never makes a request wait: every page address answers with a Norwegian page listing each problem as
  `plan validate` prints it (``templates/preview/problems.html.jinja``, autoescaped: the messages quote plan
  text), with the reload script, so the browser shows the site again by itself once the file is fixed.
- The terminal shows Norwegian lines only: the address, «Endret: FIL – bygget på 0,9 s», the plan's problems.
  MkDocs' own log (English) only with `--verbose`; its «not included in nav» lines never, since the menu is
  generated and pages outside it are intended.
- The address printed is the site's, with the path of ``site_url`` (``/naeringsplan/``).
- Quick: file events from the system instead of MkDocs' polling every half second; no search index and no PDFs
  (a PDF address shows a note); compiled templates kept between builds; after a save in the plan folder only the
  pages whose Markdown changed are rendered (publish/reuse.py), the configuration loaded once.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import io
import logging
import os
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
import watchdog.events
import watchdog.observers
import watchdog.observers.polling
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer, _serve_url

from scripts import TEMPLATES
from scripts.core import dates
from scripts.core.problems import Diagnostic
from scripts.core.progress import seconds_text
from scripts.publish.build import CONFIG, BuildFailed, our_plugin
from scripts.publish.plugin import PREVIEW_WORKBOOK, BuildInput, read_plan

HOST = "127.0.0.1"
#: File events that mean a file was written, made, moved or deleted (not merely opened or read).
WRITES = {"created", "modified", "moved", "deleted", "closed"}
#: The page of every address while the plan has problems: the site cannot be shown, for now.
UNAVAILABLE = "503 Service Unavailable"
#: MkDocs warns about every dirty build, which strict mode would count as a problem; the preview means it.
DIRTY_WARNING = "A 'dirty' build is being performed"


class PreviewServer(LiveReloadServer):
    """MkDocs' server, told of changes by the system, which records which files changed and answers every page
    address with :attr:`problems_page` while there is one."""

    def __init__(self, builder: Callable[[], None], port: int, root: Path, mount_path: str) -> None:
        super().__init__(builder=builder, host=HOST, port=port, root=str(root), mount_path=mount_path)
        self.observer = watchdog.observers.Observer()  # type: ignore[assignment]  # inotify…: a save is seen at once
        self.problems_page: bytes | None = None
        #: What a PDF's or the spreadsheet's address shows: the preview does not make them.
        self.not_made_page = b""
        self._changed: set[str] = set()
        self._lock = threading.Lock()
        self._handler = watchdog.events.FileSystemEventHandler()
        self._handler.on_any_event = self._on_event  # type: ignore[method-assign]
        self._recursive: dict[str, bool] = {}

    def watch(self, path: str, func: None = None, *, recursive: bool = True) -> None:
        path = os.path.abspath(path)
        if path in self._watched_paths:
            self._watched_paths[path] += 1
            return
        self._watched_paths[path] = 1
        self._recursive[path] = recursive
        self._watch_refs[path] = self.observer.schedule(self._handler, path, recursive=recursive)

    def _on_event(self, event: watchdog.events.FileSystemEvent) -> None:
        if event.is_directory or event.event_type not in WRITES:
            return
        path = os.fsdecode(event.dest_path if event.event_type == "moved" else event.src_path)
        if _scratch(path):
            return
        with self._lock:
            self._changed.add(path)
        with self._rebuild_cond:
            self._want_rebuild = True
            self._rebuild_cond.notify_all()

    def start_watching(self) -> None:
        """Start the file events; where the system gives none (a limit reached), ask every half second instead,
        as MkDocs does."""
        try:
            self.observer.start()
        except OSError:
            self.observer.stop()
            self.observer = watchdog.observers.polling.PollingObserver(timeout=0.5)
            for path, recursive in self._recursive.items():
                self._watch_refs[path] = self.observer.schedule(self._handler, path, recursive=recursive)
            self.observer.start()

    def take_changed(self) -> list[str]:
        """The files changed since the last call."""
        with self._lock:
            changed, self._changed = sorted(self._changed), set()
        return changed

    def _serve_request(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes] | None:
        path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")
        problems = self.problems_page
        if problems is not None and _is_page(path):
            return self._answer(start_response, UNAVAILABLE, problems)
        if path.startswith(self.mount_path) and _not_made(path.removeprefix(self.mount_path)):
            return self._answer(start_response, "404 Not Found", self.not_made_page)
        return super()._serve_request(environ, start_response)

    def _answer(self, start_response: Any, status: str, page: bytes) -> list[bytes]:
        content = self._inject_js_into_html(page, self._visible_epoch)  # type: ignore[no-untyped-call]
        headers = [
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Length", str(len(content))),
            ("Cache-Control", "no-store"),
        ]
        start_response(status, headers)
        return [content]


def _is_page(path: str) -> bool:
    """Whether an address asks for a page (not a stylesheet, an image or the reload script's question)."""
    if path.startswith("/livereload/"):
        return False
    last = path.rsplit("/", 1)[-1]
    return not last or last.endswith(".html") or "." not in last


def _not_made(site_path: str) -> bool:
    """The PDFs and the spreadsheet, which the preview does not make (scripts/publish/plugin.py)."""
    return (site_path.startswith("pdf/") and site_path.endswith(".pdf")) or site_path == PREVIEW_WORKBOOK


def _scratch(path: str) -> bool:
    """Editors' backup and swap files, and Python's caches: not a change to show."""
    name = os.path.basename(path)
    return "__pycache__" in path or name.startswith((".", "#")) or name.endswith(("~", ".swp", ".swx", ".tmp"))


class _Captured(logging.Handler):
    """MkDocs' warnings and errors of one build, for the problems page."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def _not_dirty_warning(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith(DIRTY_WARNING)


@contextlib.contextmanager
def _build_log(captured: _Captured) -> Iterator[None]:
    """MkDocs' warnings go to `captured` (for the problems page), nothing to the terminal. The server's request
    log (a 404 or the problems page is a WARNING) runs beside the builds, where strict mode would count it as a
    problem of the site: it stays out of the build's log. `--verbose` adds its own handler (:func:`serve`)."""
    mkdocs, requests, builds = (logging.getLogger(n) for n in ("mkdocs", "mkdocs.livereload", "mkdocs.commands.build"))
    watcher, silent = logging.getLogger("watchdog"), logging.NullHandler()
    mkdocs.addHandler(captured)
    requests.propagate = False
    requests.addHandler(silent)  # not Python's last-resort printing either
    watcher.addHandler(silent)  # its complaint when stopped in the middle of an event
    builds.addFilter(_not_dirty_warning)
    try:
        yield
    finally:
        mkdocs.removeHandler(captured)
        requests.propagate = True
        requests.removeHandler(silent)
        watcher.removeHandler(silent)
        builds.removeFilter(_not_dirty_warning)


class Preview:
    """One run of `plan serve`: the configuration, the server and what the terminal shows."""

    def __init__(
        self,
        plan_dir: Path,
        port: int,
        site_dir: Path,
        *,
        out: Any = None,
        err: Any = None,
        clock: Callable[[], dt.date] = dates.today,
    ) -> None:
        self.plan_dir = plan_dir
        #: The day each build validates on and makes its pages for (a preview may run past midnight).
        self.clock = clock
        self.out, self.err = out or sys.stdout, err or sys.stderr
        self.site_dir = site_dir
        self.templates = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)
        self.url = ""  # set from the configuration: the preview has the path of site_url
        self.config = self._load_config()
        mount_path = urlsplit(self.config.site_url or "/").path
        self.url = self.config.site_url = _serve_url(HOST, port, mount_path)
        self.server = PreviewServer(self.build, port, self.site_dir, mount_path)
        self.server.error_handler = self._not_found
        self.server.not_made_page = self._page(
            "not-made", title="Denne filen lages ikke i forhåndsvisningen", home=self.url
        )
        self.captured = _Captured()
        self.built = False

    def _load_config(self) -> MkDocsConfig:
        from mkdocs.config import load_config

        config = load_config(config_file=str(CONFIG), site_dir=str(self.site_dir))
        if self.url:
            config.site_url = self.url
        config.validation.nav.omitted_files = logging.DEBUG  # the menu is generated: pages outside it are intended
        _without(config.plugins, "material/search")  # no search index: the preview is about the pages
        return config

    def _page(self, name: str, **context: Any) -> bytes:
        template = self.templates.get_template(f"preview/{name}.html.jinja")
        return template.render(checked=dt.datetime.now().strftime("%H:%M:%S"), **context).encode("utf-8")

    def _not_found(self, code: int) -> bytes | None:
        page = self.site_dir / f"{code}.html"
        return page.read_bytes() if page.is_file() else None

    def run(self) -> None:
        """Build, then serve and build again after every save until Ctrl+C or SIGTERM."""
        server = self.server
        try:
            server.server_bind()
            server.server_activate()
        except OSError as error:
            raise BuildFailed(_bind_failed(error, server.server_address)) from None
        try:
            with self.session():
                print("Bygger forhåndsvisningen …", file=self.out, flush=True)
                self.build()
                for path in [self.config.docs_dir, self.config.config_file_path, *self.config.watch]:
                    server.watch(path)
                self.config.plugins.on_serve(server, config=self.config, builder=self.build)  # the plan folder
                server.start_watching()
                server.serve_thread.start()
                print(f"Forhåndsvisningen kjører på {self.url} – trykk Ctrl+C for å stoppe", file=self.out, flush=True)
                server._build_loop()  # type: ignore[no-untyped-call]
        finally:
            server.shutdown()

    @contextlib.contextmanager
    def session(self) -> Iterator[None]:
        """While the preview runs: the plugins know it is a preview, and MkDocs' log goes to the problems page."""
        self.config.plugins.on_startup(command="serve", dirty=True)
        try:
            with _build_log(self.captured):
                yield
        finally:
            self.config.plugins.on_shutdown()

    def build(self) -> None:
        """Validate and build; on problems show them (terminal and every page) instead. Never raises but for
        Ctrl+C: the server must go on answering."""
        changed = self.server.take_changed()
        started = time.perf_counter()
        day = self.clock()
        source, problems = read_plan(self.plan_dir, day)
        what = _changed_text(changed)
        if source is None:
            self._show_problems(problems, what)
            return
        plan_folder = self.plan_dir.resolve()
        reuse = self.built and bool(changed) and all(Path(p).is_relative_to(plan_folder) for p in changed)
        if not reuse:
            self.config = self._load_config()
        given = BuildInput(source, reuse=reuse, today=day)
        self.captured.lines.clear()
        try:
            from mkdocs.commands.build import build

            with contextlib.redirect_stdout(io.StringIO()), our_plugin(self.config).given(given):
                build(self.config, serve_url=self.url, dirty=True)
        except Exception as error:  # shown on the page and in the terminal; the preview goes on
            self._show_failure(error, what)
            return
        recovered = self.server.problems_page is not None
        self.server.problems_page = None
        self.built = True
        seconds = seconds_text(time.perf_counter() - started)
        again = " (feilene er rettet)" if recovered else ""
        prefix = f"Endret: {what} – bygget" if what else "Bygget"
        print(f"{prefix} på {seconds} s{again}", file=self.out, flush=True)

    def _show_problems(self, problems: list[Diagnostic], what: str) -> None:
        count = f"{len(problems)} feil"
        print(f"Endret: {what} – planen har {count}:" if what else f"Planen har {count}:", file=self.out, flush=True)
        for problem in problems:
            print(problem, file=self.err, flush=True)
        print("Nettleseren viser feilene til de er rettet og filen er lagret.", file=self.out, flush=True)
        self.server.problems_page = self._page(
            "problems",
            title=f"Planen har {count}",
            lead="Nettstedet kan ikke vises før feilene under er rettet. Rett dem i filene og lagre: siden "
            "oppdateres av seg selv, og nettstedet kommer tilbake når planen er gyldig.",
            problems=problems,
            details="",
        )

    def _show_failure(self, error: Exception, what: str) -> None:
        details = "\n".join([f"{type(error).__name__}: {error}", *self.captured.lines]).strip()
        print(f"Endret: {what} – byggingen feilet:" if what else "Byggingen feilet:", file=self.out, flush=True)
        print(details, file=self.err, flush=True)
        self.server.problems_page = self._page(
            "problems",
            title="Nettstedet kunne ikke bygges",
            lead="Planen er gyldig, men et trinn i byggingen feilet; det som ble meldt, står under. Gjelder det en "
            "lenke eller en tekst i planen, rett den og lagre. Ellers er det trolig en feil i verktøyet: meld fra "
            "til utviklerne.",
            problems=[],
            details=details,
        )


def _without(plugins: Any, name: str) -> None:
    """Take a plugin out of MkDocs' collection, with the events it registered."""
    plugin = plugins.pop(name, None)
    if plugin is None:
        return
    for methods in plugins.events.values():
        methods[:] = [m for m in methods if getattr(m, "__self__", None) is not plugin]


def _changed_text(paths: list[str]) -> str:
    """«plan/3-omstilling.yaml», relative to the current folder when under it; three at most, then a count."""
    shown = [_relative(p) for p in paths[:3]]
    more = f" og {len(paths) - 3} filer til" if len(paths) > 3 else ""
    return ", ".join(shown) + more


def _relative(path: str) -> str:
    try:
        return str(Path(path).relative_to(Path.cwd()))
    except ValueError:
        return path


def _bind_failed(error: OSError, address: Any) -> str:
    port = address[1] if isinstance(address, tuple) else address
    if error.errno == errno.EADDRINUSE:
        return (
            f"porten {port} er allerede i bruk (kjører forhåndsvisningen allerede i et annet vindu?). Stopp den "
            f"andre, eller velg en annen port, for eksempel: plan serve --port {int(port) + 1}"
        )
    return f"forhåndsvisningen fikk ikke bruke porten {port}: {error.strerror or error}."


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def serve(port: int, plan_dir: Path, *, verbose: bool = False) -> None:
    """Run the live preview of the plan in `plan_dir` on `port` until Ctrl+C or SIGTERM. Raises BuildFailed when
    the port cannot be used."""
    handler: logging.Handler | None = None
    if verbose:
        from mkdocs.__main__ import ColorFormatter

        handler = logging.StreamHandler()
        handler.setFormatter(ColorFormatter())
        logging.getLogger("mkdocs").addHandler(handler)
        logging.getLogger("mkdocs.livereload").addHandler(handler)
        logging.getLogger("mkdocs").setLevel(logging.INFO)
    previous = {signum: signal.signal(signum, _stop) for signum in (signal.SIGTERM, signal.SIGHUP)}
    try:
        with tempfile.TemporaryDirectory(prefix="plan-serve-") as site_dir:
            Preview(plan_dir, port, Path(site_dir)).run()
    except KeyboardInterrupt:
        print("Forhåndsvisningen er stoppet.")
    finally:
        for signum, action in previous.items():
            signal.signal(signum, action)
        if handler is not None:
            logging.getLogger("mkdocs").removeHandler(handler)
            logging.getLogger("mkdocs.livereload").removeHandler(handler)
