"""Stage 8, publish: build the whole site into a temporary folder and put it in place only when every step
succeeded, so that a failed build leaves the previous site as it was."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import io
import logging
import os
import shutil
import signal
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from scripts import REPOSITORY
from scripts.core.files import describe_os_error
from scripts.core.progress import Progress
from scripts.present.i18n import LANGS
from scripts.publish import csp, languages, links
from scripts.publish import offline as offline_copy
from scripts.publish.languages import Language
from scripts.publish.pdfs import PdfCache
from scripts.publish.plugin import BuildInput, PlanPlugin, PlanSource
from scripts.site.registry import REGISTRY, Registry

ROOT = REPOSITORY
CONFIG = ROOT / "mkdocs.yml"
#: The name of our plugin in mkdocs.yml (registered as an entry point in pyproject.toml).
PLUGIN = "naeringsplan"


class BuildFailed(Exception):
    """A step of the build failed; the message says which and why, in Norwegian."""


class Interrupted(KeyboardInterrupt):
    """The build was stopped by a signal (Ctrl+C, SIGTERM, SIGHUP); `code` is the exit code it calls for."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.code = 128 + signum


STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def build_site(
    out: Path,
    source: PlanSource,
    progress: Progress | None = None,
    *,
    registry: Registry = REGISTRY,
    templates: tuple[Path, ...] = (),
    offline: bool = False,
    pdf_cache: PdfCache | None = None,
    workers: int | None = None,
    today: dt.date | None = None,
    languages: tuple[str, ...] = LANGS,
) -> float:
    """Build the site of a validated plan into a new folder beside `out` and put it in place only when every step
    succeeded (pages, MkDocs in strict mode, open data, PDFs, the link check). Returns the seconds it took.
    `registry` and `templates` are the kinds of page and extra template folders (a page kind added outside the
    package). `offline` makes a copy to open from disk (publish/offline.py). `pdf_cache` is where PDFs are kept
    between builds (None: the repository's .cache/pdf/), `workers` how many processes render them (None: one per
    core), `today` the date the status reports are made on (None: the clock's), `languages` the editions to make
    (the plan's own first, at the root; each other under /<lang>/: publish/languages.py).

    A failure raises BuildFailed, a signal raises Interrupted; either way the new folder is removed and `out`
    is exactly as before."""
    started = time.perf_counter()
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    recover(out)
    progress = progress or Progress()
    log = io.StringIO()
    handler = logging.StreamHandler(log)
    handler.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(handler)
    staging: Path | None = None
    previous = {signum: signal.signal(signum, _raise_interrupted) for signum in STOP_SIGNALS}
    try:
        staging = Path(tempfile.mkdtemp(prefix=f"{_staging_prefix(out)}{os.getpid()}-", dir=out.parent))
        given = BuildInput(
            source,
            registry,
            templates,
            progress,
            pdf_cache=pdf_cache,
            workers=workers,
            today=today,
            language=Language(editions=languages),
        )
        _build_into(staging, given, offline)
        with progress.stage("Publiserer"):
            _swap(staging, out)
    except BuildFailed:
        raise
    except Exception as error:
        raise BuildFailed(_explain(error, log.getvalue().strip())) from None
    finally:
        signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)  # a second Ctrl+C must not cut the tidying short
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        for signum, action in previous.items():
            signal.signal(signum, action)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
        logging.getLogger("mkdocs").removeHandler(handler)
    return time.perf_counter() - started


def _build_into(staging: Path, given: BuildInput, offline: bool = False) -> None:
    """MkDocs in strict mode with our plugin given the plan, into `staging`, once for each language (the plan's
    own at the root, the others under /<lang>/, publish/languages.py); then every link of the whole site is
    checked."""
    config = _mkdocs(staging, given, offline)
    hashes = set(our_plugin(config).state_hashes())
    for lang in given.language.others:
        options = our_plugin(config).built_options()
        language = Language(lang, given.language.editions, root_site=staging)
        other = dataclasses.replace(given, language=language, options=options)
        hashes |= our_plugin(_mkdocs(staging / lang, other, offline, lang)).state_hashes()
    if given.language.others:  # the policy for the whole site, with the inline scripts of every edition
        (staging / csp.HEADERS_FILE).write_text(
            csp.headers_file(hashes, our_plugin(config).embed_rule()), encoding="utf-8"
        )
    progress = given.progress
    if offline:
        offline_copy.rewrite_links(staging)
    with progress.stage("Sjekker lenkene"):
        broken = links.broken_links(staging, urlparse(config.site_url or "/").path, folders=not offline)
    if broken:
        raise BuildFailed(
            "Noen lenker fører ikke noe sted. Rett lenkene i planfilene (de ligger i teksten om tiltaket, målet "
            "eller satsingsområdet på siden som er nevnt) og bygg på nytt:\n" + "\n".join(broken)
        )


def _mkdocs(site: Path, given: BuildInput, offline: bool, lang: str | None = None) -> Any:
    """One MkDocs build of an edition into `site` (another language's: `lang`); its configuration."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file=str(CONFIG), site_dir=str(site), strict=True)
    if offline:
        offline_copy.configure(config)
    if lang is not None:
        languages.configure(config, lang)
    with contextlib.redirect_stdout(io.StringIO()), our_plugin(config).given(given):
        build(config)
    return config


def _raise_interrupted(signum: int, frame: object) -> None:
    raise Interrupted(signum)


def _explain(error: Exception, log: str) -> str:
    """The Norwegian reason a build failed, from the exception and what MkDocs logged."""
    from mkdocs.exceptions import MkDocsException

    if isinstance(error, OSError):
        return describe_os_error(error)
    if isinstance(error, MkDocsException):
        return f"{error}\n{log}".strip()
    return (
        f"Et trinn i byggingen feilet ({type(error).__name__}: {error}). Dette er trolig en feil i verktøyet, "
        f"ikke i planen: meld fra til utviklerne.\n{log}".strip()
    )


def _staging_prefix(out: Path) -> str:
    return f".{out.name}-ny-"


def _old(out: Path) -> Path:
    return out.with_name(f".{out.name}-gammel")


def recover(out: Path) -> None:
    """Tidy up after a build that was killed outright (SIGKILL, power cut): put back a site that was moved aside
    during a swap, and remove the half-built folders of processes that no longer run."""
    old = _old(out)
    if old.exists() and not out.exists():
        old.rename(out)
    shutil.rmtree(old, ignore_errors=True)
    for stray in out.parent.glob(f"{_staging_prefix(out)}*"):
        pid = stray.name.removeprefix(_staging_prefix(out)).split("-", 1)[0]
        if pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(stray, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _swap(staging: Path, out: Path) -> None:
    """Put the new site in place with two renames, with Ctrl+C and SIGTERM held back in between, so that the
    folder is never half written; the old site is deleted afterwards."""
    old = _old(out)
    shutil.rmtree(old, ignore_errors=True)
    signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        if out.exists():
            out.rename(old)
        staging.rename(out)
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
    shutil.rmtree(old, ignore_errors=True)


def our_plugin(config: Any) -> PlanPlugin:
    """The instance of our plugin that MkDocs made for this configuration."""
    plugin = config.plugins.get(PLUGIN)
    if not isinstance(plugin, PlanPlugin):
        raise BuildFailed(f"mkdocs.yml må ha utvidelsen «{PLUGIN}» under «plugins».")
    return plugin
