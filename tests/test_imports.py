"""Each command imports only what it needs: `plan validate`, `plan diff` and `plan new` make no website, PDF or
workbook, so they do not pay for those libraries (they take longer to import than the plan takes to validate).

Each case runs the command in a fresh interpreter, since this process has imported everything already, and lists
the packages it imported. A module-level import of a stage in `scripts/cli.py` (or of a heavy library in a module
the command needs) makes these tests fail.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, VALID_PLAN

#: The libraries of the website (MkDocs, Material, Jinja2), the PDFs (WeasyPrint) and the open data (openpyxl for
#: the workbook, rdflib for DCAT).
PRINT_AND_WEB = {"weasyprint", "openpyxl", "rdflib", "mkdocs", "material", "jinja2"}
#: Markdown to HTML and its cleaning: what the pages need, and validating and `plan diff` do not.
MARKUP = {"markdown", "nh3"}

#: Run `scripts.cli.main(ARGS)` and write the top-level packages then imported, as JSON, to the file in argv[1].
PROBE = """
import json, sys
from scripts.cli import main
out, args = sys.argv[1], sys.argv[2:]
try:
    main(args)
except SystemExit:
    pass
with open(out, "w", encoding="utf-8") as f:
    json.dump(sorted({name.partition(".")[0] for name in sys.modules}), f)
"""


def imported_by(tmp_path: Path, *args: str) -> set[str]:
    """The packages that `plan ARGS…` imports, run from the repository in a fresh interpreter."""
    out = tmp_path / "modules.json"
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(out), *args], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert out.exists(), done.stderr
    return set(json.loads(out.read_text(encoding="utf-8")))


@pytest.fixture
def plan_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "plan"
    shutil.copytree(VALID_PLAN, copy)
    return copy


def test_validate_imports_no_library_of_the_website_the_pdfs_or_markup(tmp_path: Path) -> None:
    modules = imported_by(tmp_path, "validate", "--plan", str(VALID_PLAN))
    assert {"schema", "pydantic", "yaml"} <= modules  # it did validate
    assert modules & (PRINT_AND_WEB | MARKUP) == set()


def test_diff_imports_no_library_of_the_website_the_pdfs_or_markup(tmp_path: Path, plan_copy: Path) -> None:
    (plan_copy / "actors.yaml").write_text(
        (plan_copy / "actors.yaml").read_text(encoding="utf-8").replace("Nes kommune", "Nes kommune (ny)", 1),
        encoding="utf-8",
    )
    modules = imported_by(tmp_path, "diff", str(VALID_PLAN), str(plan_copy))
    assert "schema" in modules
    assert modules & (PRINT_AND_WEB | MARKUP) == set()


def test_new_imports_no_library_of_the_website_the_pdfs_or_markup(tmp_path: Path, plan_copy: Path) -> None:
    modules = imported_by(tmp_path, "new", "measure", "--plan", str(plan_copy), "--goal", "1.1")
    assert "1.1.3" in (plan_copy / "satsingsomrader" / "1-nettverk.yaml").read_text(encoding="utf-8")
    assert modules & (PRINT_AND_WEB | MARKUP) == set()


@pytest.mark.parametrize(
    "command",
    [[], ["validate"], ["build"], ["pdf"], ["diff"], ["new", "measure"], ["status"]],
    ids=lambda command: " ".join(["plan", *command]),
)
def test_help_builds_no_model_and_imports_no_stage(tmp_path: Path, command: list[str]) -> None:
    """`--help` (and a usage error, which goes the same way) needs the parser only."""
    modules = imported_by(tmp_path, *command, "--help")
    assert modules & (PRINT_AND_WEB | MARKUP | {"pydantic", "schema", "yaml"}) == set()


def test_the_probe_sees_a_heavy_library_when_a_command_needs_one(tmp_path: Path) -> None:
    """The tests above would pass on an empty list: this one shows the list is the real one."""
    modules = imported_by(tmp_path, "status", "export", "--plan", str(VALID_PLAN), "--out", str(tmp_path / "x.xlsx"))
    assert (tmp_path / "x.xlsx").exists()
    assert "openpyxl" in modules
