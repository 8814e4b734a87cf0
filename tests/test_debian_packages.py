"""A fresh machine passes `make test`: every program the tests start comes from a Debian package in the Makefile's
one list (DEBIAN_PACKAGES), which `make test` installs. The tests reach such a program only through
`tools.program(name)`; this file reads the tests' source for those calls, and for any start of a program past it."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest
from tools import DEBIAN_PACKAGE, StartedPrograms

from conftest import ROOT

TESTS = ROOT / "tests"
#: The calls that start a program.
#: A path into the system's program folders.
SYSTEM_PATH = re.compile(r"/(usr/)?(s?bin|lib|libexec)/")
STARTERS = {"run", "Popen", "call", "check_call", "check_output", "system", "execv", "execvp", "spawnv", "which"}


def makefile_variables(text: str) -> dict[str, str]:
    """The Makefile's simple assignments (`NAME := value`, continued lines joined), references expanded."""
    joined = text.replace("\\\n", " ")
    found = dict(re.findall(r"^([A-Z_]+)\s*:?=[ \t]*(.*)$", joined, re.MULTILINE))

    def expand(value: str) -> str:
        return re.sub(r"\$\(([A-Z_]+)\)", lambda m: expand(found.get(m[1], "")), value)

    return {name: expand(value) for name, value in found.items()}


def makefile_packages() -> set[str]:
    return set(makefile_variables((ROOT / "Makefile").read_text(encoding="utf-8"))["DEBIAN_PACKAGES"].split())


def sources_of_the_tests() -> dict[str, str]:
    """Every test module and conftest; not the helper itself, nor this file (its examples break the rule)."""
    skipped = {"tools.py", Path(__file__).name}
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(TESTS.glob("*.py")) if p.name not in skipped}


def programs_asked_for(source: str) -> set[str]:
    """The names in every `program("name")` of a test module."""
    return {
        node.args[0].value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and _name(node.func) == "program"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    }


def programs_started_past_the_helper(source: str) -> list[str]:
    """`line: what` for every start of a program that does not go through `program()`: a command whose first word
    is written out (`["pdftotext", …]`), `shutil.which`, os.system and the exec family, and any path into the system's
    program folders."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and _name(node.func) in STARTERS and _starts_a_written_program(node):
            found.append(f"{node.lineno}: {ast.unparse(node)[:80]}")
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and SYSTEM_PATH.match(node.value):
            found.append(f"{node.lineno}: {node.value}")
    return found


def _name(func: ast.expr) -> str:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _starts_a_written_program(call: ast.Call) -> bool:
    if _name(call.func) == "run" and not _is_module(call.func, "subprocess"):
        return False  # run_plan(…), a stage's run(…): not a process
    if _name(call.func) in {"which", "system", "execv", "execvp", "spawnv"}:
        return True
    command = call.args[0] if call.args else next((k.value for k in call.keywords if k.arg == "args"), None)
    if isinstance(command, ast.List | ast.Tuple):
        command = command.elts[0] if command.elts else None
    return isinstance(command, ast.Constant | ast.JoinedStr)


def _is_module(func: ast.expr, module: str) -> bool:
    return isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == module


def test_the_makefile_lists_the_packages_of_the_site_and_the_tests() -> None:
    packages = makefile_packages()
    assert {"libpango-1.0-0", "libharfbuzz-subset0", "poppler-utils", "chromium"} <= packages


def test_make_test_installs_every_package_of_the_list() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    test_rule = re.search(r"^test:(.*)$", makefile, re.MULTILINE)
    assert test_rule and "debian-packages" in test_rule[1].split()
    assert re.search(r"^debian-packages:\n\t@\$\(call apt_install,\$\(DEBIAN_PACKAGES\)\)$", makefile, re.MULTILINE)


def test_every_program_the_helper_knows_comes_with_a_package_in_the_makefiles_list() -> None:
    packages = makefile_packages()
    assert {name: package for name, package in DEBIAN_PACKAGE.items() if package not in packages} == {}


def test_every_program_the_tests_ask_the_helper_for_is_in_its_map() -> None:
    asked = {name for source in sources_of_the_tests().values() for name in programs_asked_for(source)}
    assert {"pdftotext", "pdffonts", "chromium", "git", "soffice", "java", "faketime"} <= asked
    assert asked - set(DEBIAN_PACKAGE) == set()


def test_no_test_starts_a_program_past_the_helper() -> None:
    past = {
        name: found
        for name, source in sources_of_the_tests().items()
        if (found := programs_started_past_the_helper(source))
    }
    assert past == {}


@pytest.mark.parametrize(
    "line",
    [
        'subprocess.run(["pdftotext", str(pdf), "-"], check=True)',
        'subprocess.Popen(("git", "log"))',
        'subprocess.check_output("pdffonts x.pdf", shell=True)',
        'shutil.which("soffice")',
        'os.system("faketime now true")',
        'browser = chromium.launch(executable_path="/usr/bin/chromium")',
    ],
)
def test_the_rule_catches_a_program_started_past_the_helper(line: str) -> None:
    assert programs_started_past_the_helper(line) != []


@pytest.mark.parametrize(
    "line",
    [
        'subprocess.run([program("pdftotext"), str(pdf), "-"], check=True)',
        'subprocess.run([sys.executable, "-c", "print(1)"])',
        'subprocess.Popen([str(PLAN_COMMAND), "serve"])',
        'run_plan("build", "--out", "site")',
    ],
)
def test_the_rule_lets_the_helper_python_and_the_virtual_environment_through(line: str) -> None:
    assert programs_started_past_the_helper(line) == []


def test_a_program_started_by_the_code_under_test_is_heard_too_and_must_be_known() -> None:
    """What the source cannot show (a command in a variable, git started by `plan diff`) the audit hook in conftest
    hears while the test runs; the check after every test fails on a program from outside the list."""
    started = StartedPrograms()
    started.hear("subprocess.Popen", (None, ["git", "log"], None, None))
    started.hear("subprocess.Popen", (None, [sys.executable, "-c", "pass"], None, None))
    started.hear("subprocess.Popen", (None, ["/opt/magick/convert", "a.pdf", "a.png"], None, None))
    started.hear("os.system", (b"pdftotext a.pdf",))
    started.hear("open", ("plan.yaml", "r", 0))
    assert started.unknown() == ["/opt/magick/convert a.pdf a.png", "/bin/sh -c pdftotext a.pdf"]
    assert started.unknown() == []
