"""The live preview: how long `plan serve` takes, for the shipped plan, from saving a YAML file to serving the
changed page."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from scripts.dev.bench.common import BIN, ROOT
from scripts.dev.bench.figures import Serve

#: The page `plan serve` serves for measure 1.1.1 (under the path of site_url).
SERVE_PAGE = "naeringsplan/tiltak/1-1-1/"
#: The title line of measure 1.1.1 in a focus area file.
_TITLE = re.compile(r"""(- id: ["']?1\.1\.1["']?\n\s+title: )(.*)\n""")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8", errors="replace"))
    except (OSError, ValueError):
        return ""


def _wait_for(url: str, text: str, timeout: float, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.perf_counter() + timeout
    while text not in _get(url):
        if process.poll() is not None:
            raise SystemExit(f"plan serve stoppet:\n{log.read_text(encoding='utf-8', errors='replace')[-3000:]}")
        if time.perf_counter() > deadline:
            raise SystemExit(f"{url} viste ikke «{text}» etter {timeout:.0f} s")
        time.sleep(0.05)


def _start(plan_dir: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    """Start `plan serve` for ``plan_dir``, its output to ``log``."""
    with log.open("wb") as output:
        # A session of its own: `plan serve` runs MkDocs as a child, and both are stopped together.
        return subprocess.Popen(
            [str(BIN / "plan"), "serve", "--port", str(port), "--plan", str(plan_dir)],
            cwd=ROOT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def _stop(process: subprocess.Popen[bytes]) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def _retitle(source: Path, title: str) -> None:
    """Give measure 1.1.1 in ``source`` a new title."""
    text = source.read_text(encoding="utf-8")
    match = _TITLE.search(text)
    assert match is not None
    source.write_text(text[: match.start(2)] + title + text[match.end(2) :], encoding="utf-8")


def measure_serve(plan_dir: Path, work: Path, edits: int = 5) -> Serve:
    """Start `plan serve` on a copy of the plan, then change the title of measure 1.1.1 ``edits`` times and time
    each write until the served page shows the new title (polled every 50 ms)."""
    copy = work / "serve-plan"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(plan_dir, copy)
    source = next(f for f in sorted((copy / "satsingsomrader").glob("*.yaml")) if _TITLE.search(f.read_text("utf-8")))
    port = _free_port()
    url = f"http://127.0.0.1:{port}/{SERVE_PAGE}"
    log = work / "serve.log"
    started = time.perf_counter()
    process = _start(copy, port, log)
    times = []
    try:
        _wait_for(url, "1.1.1", 300, process, log)
        startup = time.perf_counter() - started
        time.sleep(1.5)
        load = os.getloadavg()[0]
        for i in range(edits):
            title = f"Endret tittel {i + 1} {time.time_ns()}"
            _retitle(source, title)
            written = time.perf_counter()
            _wait_for(url, title, 120, process, log)
            times.append(time.perf_counter() - written)
            time.sleep(1.5)
    finally:
        _stop(process)
    return Serve(startup=startup, edits=times, load=load)
