"""Stage 4, publish: build the whole site into a temporary folder and put it in place only when every step
succeeded, so that a failed build leaves the previous site as it was."""

from __future__ import annotations

import contextlib
import io
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.yml"


class BuildFailed(Exception):
    """A step of the build failed; the message says which and why, in Norwegian."""


def build_site(out: Path, plan_dir: Path | None = None) -> float:
    """Build the site into `out`, replacing it only on success. Returns the seconds it took."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    started = time.perf_counter()
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-ny-", dir=out.parent))
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    if plan_dir is not None:
        os.environ["PLAN_DIR"] = str(plan_dir.resolve())
    log = io.StringIO()
    handler = logging.StreamHandler(log)
    handler.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        config = load_config(config_file=str(CONFIG), site_dir=str(staging), strict=True)
        with contextlib.redirect_stdout(io.StringIO()):
            build(config)
        _swap(staging, out)
    except (MkDocsException, OSError) as error:
        shutil.rmtree(staging, ignore_errors=True)
        details = log.getvalue().strip()
        raise BuildFailed(f"{error}\n{details}".strip()) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    return time.perf_counter() - started


def _swap(staging: Path, out: Path) -> None:
    """Put the new site in place with renames, so that the folder is never half written."""
    old = out.with_name(f".{out.name}-gammel")
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        out.rename(old)
    staging.rename(out)
    shutil.rmtree(old, ignore_errors=True)


def serve(port: int) -> int:
    """Live preview: MkDocs' own server, which rebuilds when a file in plan/, schema.py or scripts/ changes."""
    command = [
        str(Path(sys.executable).parent / "mkdocs"),
        "serve",
        "--livereload",
        "--config-file",
        str(CONFIG),
        "--dev-addr",
        f"127.0.0.1:{port}",
    ]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.call(command, cwd=ROOT, env=env)
