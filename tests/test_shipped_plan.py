"""The plan shipped in plan/ validates.

Only that: what the plan says is the editors' business, and an ordinary editorial change must not turn the
tests red. What must hold for every plan is a validation rule, tested with the fixtures in tests/fixtures/.
"""

from __future__ import annotations

from conftest import run_plan


def test_plan_validate_accepts_the_shipped_plan() -> None:
    result = run_plan("validate")
    assert result.code == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith("plan er gyldig: ")
