"""Shared helpers: the `plan` command (run in this process, or as the installed console script for the few
end-to-end tests), throwaway plan folders, and one build of the small test plan's site shared by every test that
only reads a built site."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, sync_playwright
from tools import StartedPrograms, program, venv_program

from schema import Plan
from scripts import cli
from scripts.dev.lighthouse.serve import HeaderHandler, served, site_headers
from scripts.validate.validator import validate_folder

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
#: The small valid plan the tests change and break; it ships as the editors' guide's example plan.
VALID_PLAN = ROOT / "scripts" / "editor" / "guide" / "examples" / "plan"
PLAN_COMMAND = venv_program("plan")


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str


def run_plan(*args: str, cwd: Path = ROOT) -> Result:
    """`plan ARGS…` as typed in a terminal in `cwd`, run in this process (`scripts.cli.main`): its exit code and
    what it printed. A usage error or `--help` ends argparse with SystemExit, which gives the exit code here."""
    stdout, stderr = io.StringIO(), io.StringIO()
    previous = Path.cwd()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            try:
                code = cli.main(list(args))
            except SystemExit as stop:
                code = stop.code if isinstance(stop.code, int) else int(stop.code is not None)
    finally:
        os.chdir(previous)
    return Result(code, stdout.getvalue(), stderr.getvalue())


def run_plan_process(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> Result:
    """Run the installed console script `plan` in a process of its own, as an editor or CI does: for the few
    end-to-end tests of the script itself, its exit codes and its environment."""
    done = subprocess.run([str(PLAN_COMMAND), *args], cwd=cwd, capture_output=True, text=True, check=False, env=env)
    return Result(done.returncode, done.stdout, done.stderr)


def not_source(folder: str, names: list[str]) -> set[str]:
    """For shutil.copytree of the repository: leave out build output, caches and the virtual environment (only the
    top-level site/, never scripts/site/)."""
    skipped = {".git", ".venv", ".hypothesis", "__pycache__"}
    top = Path(folder).resolve() == ROOT
    return {n for n in names if n in skipped or "cache" in n or n.endswith(".egg-info") or (top and n == "site")}


def theme_pages(site: Path, name: str = "*.html") -> list[Path]:
    """The HTML files of a built site that MkDocs' theme made, sorted: all but the embeds (scripts/site/embeds.py),
    which are made for a frame on another site, with no menu, footer or feed."""
    return sorted(p for p in site.rglob(name) if p.relative_to(site).parts[0] != "embed")


def replace_once(path: Path, old: str, new: str) -> None:
    """Edit a file as an editor would: the first `old` becomes `new` (which must be there)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """A folder holding a copy of the small valid test plan as ./plan."""
    shutil.copytree(VALID_PLAN, tmp_path / "plan")
    return tmp_path


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the small test plan (VALID_PLAN) with its PDFs, built once per test run by `plan build`."""
    out = tmp_path_factory.mktemp("site") / "site"
    result = run_plan("build", "--plan", str(VALID_PLAN), "--out", str(out))
    assert result.code == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the shipped plan (plan/) with its PDFs, built once per test run (per worker) by `plan build`: for
    the tests of what the real plan's pages show (search ranks, totals on a phone, Lighthouse)."""
    out = tmp_path_factory.mktemp("shipped") / "site"
    result = run_plan("build", "--plan", str(ROOT / "plan"), "--out", str(out))
    assert result.code == 0, result.stderr
    return out


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that reads the built site waits for a full build: it is `slow`, unless it is a `browser` test (those
    are left out of `make check` anyway, and the browser's own quick and slow sets stay apart)."""
    for item in items:
        if "built_site" in getattr(item, "fixturenames", ()) and item.get_closest_marker("browser") is None:
            item.add_marker(pytest.mark.slow)


#: Every program this process starts (tools.StartedPrograms); the hook stays for the life of the process.
STARTED = StartedPrograms()
sys.addaudithook(STARTED.hear)


@pytest.fixture(autouse=True)
def only_programs_from_the_makefiles_list() -> Iterator[None]:
    """A test, and the code it tests, start only Python, the virtual environment's programs and the Debian programs
    in tools.DEBIAN_PACKAGE, which `make test` installs (what a fixture started before the test counts too)."""
    yield
    assert STARTED.unknown() == [], "a program no Debian package in the Makefile's list brings (tests/tools.py)"


@pytest.fixture(scope="session")
def plan_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test plan's print edition, made once by `plan pdf`."""
    out = tmp_path_factory.mktemp("pdf") / "plan.pdf"
    result = run_plan("pdf", "--plan", str(VALID_PLAN), "--out", str(out))
    assert result.code == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def shipped_plan() -> Plan:
    """The shipped plan, validated once per test process (a frozen model: tests copy it, never change it)."""
    plan, problems = validate_folder(ROOT / "plan")
    assert plan is not None, [str(p) for p in problems]
    return plan


@pytest.fixture(scope="module")
def valid_plan() -> Plan:
    """The small test plan, validated."""
    loaded, problems = validate_folder(VALID_PLAN)
    assert problems == []
    assert loaded is not None
    return loaded


@pytest.fixture(scope="module")
def plan(valid_plan: Plan) -> Plan:
    """The plan the tests of the code read: the small test plan (never what the shipped plan says)."""
    return valid_plan


# -- the built site in a real browser (Debian's chromium driven by Playwright) ---------------------------------

WIDTHS = {"desktop": 1280, "phone": 390}
#: axe-core rules of WCAG 2.1 A and AA.
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


class QuietHandler(HeaderHandler):
    """Serves the built site as a host would that reads the site's _headers file (Netlify, Cloudflare Pages)."""


@contextlib.contextmanager
def serving(folder: Path) -> Iterator[str]:
    with served(QuietHandler, folder) as url:
        yield url


@pytest.fixture(scope="module")
def server(built_site: Path) -> Iterator[str]:
    QuietHandler.headers_to_send = site_headers(built_site)
    assert "Content-Security-Policy" in dict(QuietHandler.headers_to_send)
    with serving(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def shipped_server(shipped_site: Path) -> Iterator[str]:
    QuietHandler.headers_to_send = site_headers(shipped_site)
    with serving(shipped_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=program("chromium"),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield browser
        browser.close()


def structure_elements(pdf: Any) -> list[Any]:
    """Every element of a tagged PDF's structure tree (a pikepdf.Pdf), in the tree's order."""
    import pikepdf

    found: list[Any] = []

    def walk(node: object) -> None:
        if isinstance(node, pikepdf.Dictionary):
            if "/S" in node:
                found.append(node)
            walk(node.get("/K"))
        elif isinstance(node, pikepdf.Array):
            for child in node:
                walk(child)

    walk(pdf.Root.StructTreeRoot)
    return found
