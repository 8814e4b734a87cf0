"""A measure number once published in an adopted edition is not given to another measure.

The editions are the revisions of plan.yaml with a ``commit``; `plan validate` reads their measures' numbers and
titles from git (scripts/validate/published.py) and names the edition that used a number.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from tools import program

from conftest import replace_once, run_plan

AREA = Path("plan/satsingsomrader/1-nettverk.yaml")
NEW_MEASURE = """      - id: "1.1.2"
        title: Kompetanseløft for industrien
        description: Kurs for ansatte i industrien.
        roles:
          - actor: nes-kommune
            role: ansvarlig
        period: {start: 2025}
        municipalities: alle
"""


def _git(repo: Path, *args: str) -> str:
    return subprocess.run([program("git"), *args], cwd=repo, check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture
def adopted(workdir: Path) -> Path:
    """The small plan in git, its edition 1.0 (adopted 23 April 2021) pointing at the commit that holds it."""
    _git(workdir, "init", "-q")
    _git(workdir, "add", "-A")
    _git(workdir, "-c", "user.name=Test", "-c", "user.email=t@example.no", "commit", "-qm", "1.0")
    commit = _git(workdir, "rev-parse", "HEAD")
    replace_once(workdir / "plan/plan.yaml", "    stage: vedtatt\n", f"    stage: vedtatt\n    commit: {commit}\n")
    return workdir


def test_a_moved_measures_number_given_to_a_new_measure_is_an_error_naming_the_edition(adopted: Path) -> None:
    replace_once(adopted / AREA, 'id: "1.1.2"', 'id: "1.1.3"')
    (adopted / AREA).write_text((adopted / AREA).read_text(encoding="utf-8") + NEW_MEASURE, encoding="utf-8")

    result = run_plan("validate", "--plan", "plan", cwd=adopted)

    assert result.code == 1
    assert (
        "nummeret 1.1.2 ble brukt om «Nettverk for reiseliv» i utgave 1.0 (vedtatt 23. april 2021), som nå er "
        'tiltak 1.1.3: gi dette tiltaket et nytt nummer, og skriv «former_ids: ["1.1.2"]» på tiltak 1.1.3'
    ) in result.stderr
    assert result.stderr.startswith("plan/satsingsomrader/1-nettverk.yaml:")


def test_a_published_number_with_a_quite_different_title_is_a_warning(adopted: Path) -> None:
    replace_once(adopted / AREA, "title: Nettverk for reiseliv", "title: Kompetanseløft for industrien")

    result = run_plan("validate", "--plan", "plan", cwd=adopted)

    assert result.code == 0
    assert result.stderr == (
        "plan/satsingsomrader/1-nettverk.yaml:27:13: advarsel: tiltak 1.1.2, felt «id»: nummeret 1.1.2 ble brukt om "
        "«Nettverk for reiseliv» i utgave 1.0 (vedtatt 23. april 2021): er dette et annet tiltak, gi det et nytt "
        "nummer, for lenker til den gamle siden fører hit\n"
    )


def test_a_reworded_title_keeps_its_number_without_a_word(adopted: Path) -> None:
    replace_once(adopted / AREA, "title: Nettverk for reiseliv", "title: Nettverk for reiseliv og kultur")

    result = run_plan("validate", "--plan", "plan", cwd=adopted)

    assert (result.code, result.stderr) == (0, "")


def test_a_moved_measure_with_its_old_number_in_former_ids_is_valid(adopted: Path) -> None:
    replace_once(adopted / AREA, 'id: "1.1.2"', 'id: "1.1.3"\n        former_ids: ["1.1.2"]')

    result = run_plan("validate", "--plan", "plan", cwd=adopted)

    assert (result.code, result.stderr) == (0, "")
