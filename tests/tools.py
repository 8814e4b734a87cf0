"""The one way the tests reach a program from outside Python: `program("pdftotext")` gives the path of Debian's
program, or fails the test naming the Debian package that brings it. Every package named here is in the Makefile's
list (DEBIAN_PACKAGES), which `make test` installs with apt-get; tests/test_debian_packages.py holds both to it."""

from __future__ import annotations

import os
import shutil
import sys
import sysconfig
from pathlib import Path
from types import FrameType

import pytest

#: Every program the tests start, directly or through the code they test, and the package in the Makefile's list
#: that brings it (soffice comes with Calc, as a dependency).
DEBIAN_PACKAGE = {
    "bash": "bash",
    "chromium": "chromium",
    "faketime": "faketime",
    "git": "git",
    "java": "default-jre-headless",
    "node": "nodejs",
    "pdffonts": "poppler-utils",
    "pdftoppm": "poppler-utils",
    "pdftotext": "poppler-utils",
    "soffice": "libreoffice-calc-nogui",
}
#: Where Debian puts them: a program of the same name elsewhere on PATH (a browser a test tool downloaded, say)
#: is never used.
DEBIAN_BIN = "/usr/bin"
#: The virtual environment's own programs (`plan`, `zizmor`, Playwright's driver) are not from Debian.
VENV = Path(sys.prefix)


def program(name: str) -> str:
    """The path of Debian's `name`, which must be in DEBIAN_PACKAGE; a test fails with what to install if it is
    missing."""
    package = DEBIAN_PACKAGE.get(name)
    if package is None:
        pytest.fail(
            f"{name} is not in tests/tools.py's DEBIAN_PACKAGE: add it with its Debian package, and the "
            "package to DEBIAN_PACKAGES in the Makefile"
        )
    path = shutil.which(name, path=DEBIAN_BIN)
    if path is None:
        pytest.fail(f"{name} is missing: it comes with Debian's package {package}; run 'make test', which installs it")
    return path


def venv_program(name: str) -> Path:
    """A console script of the virtual environment the tests run in (`plan`, `zizmor`)."""
    return Path(sys.executable).parent / name


#: The standard library's modules that start programs to learn about the machine: ctypes.util.find_library
#: (ldconfig, gcc, ld: WeasyPrint's import looks for Pango so) and platform (`uname -p`); they answer without them.
STANDARD_PROBES = tuple(
    os.path.join(sysconfig.get_paths()["stdlib"], name) for name in ("ctypes/util.py", "platform.py")
)


class StartedPrograms:
    """What this process starts, heard through an audit hook (subprocess, os.system, the exec and spawn families):
    the tests, and the code they test (git from `plan diff`, say), may start only Python, the virtual environment's
    own programs and the programs in DEBIAN_PACKAGE."""

    EVENTS = frozenset({"subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn"})

    def __init__(self) -> None:
        self.heard: list[tuple[str, tuple[object, ...]]] = []

    def hear(self, event: str, args: tuple[object, ...]) -> None:
        """The audit hook (it runs for every audited event of the process, so it only remembers). Left out: what
        the standard library starts to learn about the machine (STANDARD_PROBES)."""
        if event in self.EVENTS and not _a_standard_probe(sys._getframe(1)):
            self.heard.append((event, args))

    def unknown(self) -> list[str]:
        """The commands heard since the last call whose program is neither Python, the virtual environment's nor
        one in DEBIAN_PACKAGE; forgets what it heard."""
        commands = [_command(event, args) for event, args in self.heard]
        self.heard.clear()
        return [" ".join(command)[:120] for command in commands if not _known(command[0])]


def _a_standard_probe(frame: FrameType | None) -> bool:
    while frame is not None:
        if frame.f_code.co_filename in STANDARD_PROBES:
            return True
        frame = frame.f_back
    return False


def _command(event: str, args: tuple[object, ...]) -> list[str]:
    if event == "os.system":
        return ["/bin/sh", "-c", os.fsdecode(args[0])]  # type: ignore[arg-type]
    path, argv = (args[1], args[2]) if event == "os.spawn" else (args[0], args[1])
    words = [argv] if isinstance(argv, str | bytes | os.PathLike) else list(argv)  # type: ignore[call-overload]
    return [os.fsdecode(path or words[0]), *(os.fsdecode(word) for word in words[1:])]


def _known(head: str) -> bool:
    path = Path(head if os.sep in head else shutil.which(head) or head)
    return path.name in DEBIAN_PACKAGE or path.is_relative_to(VENV) or path == Path(sys.executable)
