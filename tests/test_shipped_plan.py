"""The plan shipped in plan/ validates and builds.

Only that: what the plan says is the editors' business, and an ordinary editorial change must not turn the
tests red. What must hold for every plan is a validation rule, tested with the fixtures in tests/fixtures/.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_plan


def test_plan_validate_accepts_the_shipped_plan() -> None:
    result = run_plan("validate")
    assert result.code == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith("plan er gyldig: ")


@pytest.mark.slow
def test_plan_build_builds_the_shipped_plan_with_its_pdfs(tmp_path: Path) -> None:
    result = run_plan("build", "--out", str(tmp_path / "site"))
    assert result.code == 0, result.stderr
    assert (tmp_path / "site" / "index.html").is_file()
    assert (tmp_path / "site" / "pdf" / "naeringsplan.pdf").is_file()
