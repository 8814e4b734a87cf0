"""`plan serve`, the live preview, as an editor uses it: started in a terminal on a copy of the plan, a page open in
the browser, a YAML file broken and fixed while it runs."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, expect

from conftest import PLAN_COMMAND, ROOT, VALID_PLAN, WCAG, WIDTHS, run_plan_process

#: `serial`: it times how fast a save shows, and finds a free port before `plan serve` takes it.
pytestmark = [pytest.mark.browser, pytest.mark.serial]

#: The file and the measure the tests change (the small test plan's measure 1.1.1).
AREA_FILE = Path("satsingsomrader") / "1-nettverk.yaml"
MEASURE_PAGE = "tiltak/1-1-1/"
TITLE_LINE = "        title: Nettverk for logistikk\n"
#: How long the page may take to show a change: far less than the ten minutes a request once hung.
SHOWN_WITHIN_MS = 8000


@dataclass
class Preview:
    url: str
    plan: Path
    process: subprocess.Popen[bytes]
    log: Path

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def write(self, text: str) -> None:
        """Save the focus area file as an editor's editor does."""
        (self.plan / AREA_FILE).write_text(text, encoding="utf-8")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_line(preview: Preview, pattern: str, timeout: float = 120) -> re.Match[str]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = re.search(pattern, preview.output())
        if found:
            return found
        assert preview.process.poll() is None, f"plan serve stoppet:\n{preview.output()}"
        time.sleep(0.1)
    raise AssertionError(f"plan serve skrev ikke «{pattern}» på {timeout} s:\n{preview.output()}")


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Preview]:
    """`plan serve` on a copy of the test plan, on a free port, in a session of its own; always stopped."""
    work = tmp_path_factory.mktemp("serve")
    plan = work / "plan"
    shutil.copytree(VALID_PLAN, plan)
    port = free_port()
    log = work / "terminal.txt"
    with log.open("wb") as terminal:
        process = subprocess.Popen(
            [str(PLAN_COMMAND), "serve", "--port", str(port), "--plan", str(plan)],
            cwd=ROOT,
            stdout=terminal,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    running = Preview(f"http://127.0.0.1:{port}/naeringsplan/", plan, process, log)
    try:
        wait_for_line(running, "Forhåndsvisningen kjører på")
        yield running
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture
def original(preview: Preview) -> Iterator[str]:
    """The focus area file as it was; put back after the test, and the site built again."""
    path = preview.plan / AREA_FILE
    text = path.read_text(encoding="utf-8")
    yield text
    if path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
        deadline = time.monotonic() + 60
        while _status(preview.url + MEASURE_PAGE) != 200 and time.monotonic() < deadline:
            time.sleep(0.2)


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


def test_the_address_printed_is_where_the_site_is(preview: Preview) -> None:
    printed = wait_for_line(preview, r"Forhåndsvisningen kjører på (\S+) – trykk Ctrl\+C for å stoppe")
    assert printed[1] == preview.url
    with urllib.request.urlopen(printed[1], timeout=10) as response:
        assert "Strategisk næringsplan" in response.read().decode("utf-8")


def test_a_broken_file_shows_every_problem_on_the_open_page_and_the_site_comes_back_when_it_is_fixed(
    preview: Preview, original: str, browser: Browser
) -> None:
    page = browser.new_page()
    page.goto(preview.url + MEASURE_PAGE, wait_until="load")
    expect(page.locator("h1")).to_contain_text("Nettverk for logistikk")

    # A key without its colon on the measure's title line, and an unknown key: two problems.
    broken = original.replace(TITLE_LINE, "        title Nettverk for logistikk\n").replace(
        '  - id: "1.1"\n', '  - id: "1.1"\n    tittel: feil\n'
    )
    assert broken != original
    before = len(preview.output())
    preview.write(broken)

    expect(page.locator("h1")).to_have_text(re.compile(r"Planen har \d+ feil"), timeout=SHOWN_WITHIN_MS)
    problems = page.locator("ol.problems > li")
    assert problems.count() >= 1
    first = problems.first.inner_text()
    assert "1-nettverk.yaml, linje" in first
    wait_for_line(preview, "Nettleseren viser feilene")
    printed = [line for line in preview.output()[before:].splitlines() if "1-nettverk.yaml:" in line]
    assert len(printed) == problems.count(), "the terminal lists the same problems"
    for line in printed:
        where, message = line.split(": ", 1)
        assert where.split("/")[-1] in page.inner_text("main")
        assert message in page.inner_text("main")
    for width in WIDTHS.values():
        page.set_viewport_size({"width": width, "height": 900})
        assert Axe().run(page, options=WCAG).violations_count == 0

    # Every other address answers at once with the same page: nothing waits for a build that failed.
    other = browser.new_page()
    started = time.monotonic()
    response = other.goto(preview.url + "tiltak/", wait_until="load", timeout=5000)
    assert response is not None and response.status == 503
    assert time.monotonic() - started < 3
    expect(other.locator("h1")).to_have_text(re.compile(r"Planen har \d+ feil"))

    preview.write(original)
    expect(page.locator("h1")).to_contain_text("Nettverk for logistikk", timeout=SHOWN_WITHIN_MS)
    expect(other.locator("h1")).not_to_contain_text("feil", timeout=SHOWN_WITHIN_MS)
    page.close()
    other.close()


def test_plan_text_in_a_message_is_shown_as_text(preview: Preview, original: str, browser: Browser) -> None:
    page = browser.new_page()
    page.goto(preview.url, wait_until="load")
    preview.write(original.replace('  - id: "1.1"\n', '  - id: "1.1"\n    <img src=x onerror=alert(1)>: x\n'))
    expect(page.locator("h1")).to_have_text(re.compile(r"Planen har \d+ feil"), timeout=SHOWN_WITHIN_MS)
    assert page.locator("main img").count() == 0
    assert "<img src=x onerror=alert(1)>" in page.inner_text("main")
    page.close()


def test_a_save_shows_in_the_open_page(preview: Preview, original: str, browser: Browser) -> None:
    page = browser.new_page()
    page.goto(preview.url + MEASURE_PAGE, wait_until="load")
    preview.write(original.replace(TITLE_LINE, "        title: Nettverk for godstransport\n"))
    expect(page.locator("h1")).to_contain_text("Nettverk for godstransport", timeout=SHOWN_WITHIN_MS)
    wait_for_line(preview, r"Endret: \S*1-nettverk\.yaml – bygget på \d+,\d s")
    page.close()


def test_a_pdf_address_says_the_preview_does_not_make_it(preview: Preview, browser: Browser) -> None:
    page = browser.new_page()
    page.goto(preview.url + "pdf/naeringsplan.pdf", wait_until="load")
    expect(page.locator("h1")).to_have_text("Denne filen lages ikke i forhåndsvisningen")
    expect(page.locator("main")).to_contain_text("plan pdf")
    page.close()


def test_a_port_in_use_is_said_in_norwegian_at_once(preview: Preview) -> None:
    port = preview.url.split(":")[2].split("/")[0]
    started = time.monotonic()
    result = run_plan_process("serve", "--port", port, "--plan", str(preview.plan))
    assert result.code == 1
    assert f"porten {port} er allerede i bruk" in result.stderr
    assert time.monotonic() - started < 15  # before building anything


def test_the_terminal_shows_norwegian_lines_only(preview: Preview) -> None:
    """Run last in this file: by now the preview has started, shown problems and recovered."""
    norwegian = re.compile(
        r"^(Bygger forhåndsvisningen|Bygget på|Forhåndsvisningen kjører på|Endret: |Nettleseren viser feilene|"
        r"\S+\.yaml:\d+:\d+: )"
    )
    lines = [line for line in preview.output().splitlines() if line.strip()]
    assert lines
    assert [line for line in lines if not norwegian.match(line)] == []
    for english in ("INFO", "WARNING", "not included", "Building", "Serving", "Watching", "Reloading"):
        assert english not in preview.output()
