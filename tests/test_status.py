"""A measure's status is its newest status update's: editors record a change by adding one update.

`status:` on a measure is not needed. Written anyway, it is accepted while it agrees with the newest update and is
an error naming both when it does not. Before its first update a measure has the vocabulary's first status
(«planlagt»): a new measure is planned until someone reports otherwise, and no update is needed to say so.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest

import schema
from conftest import ROOT, VALID_PLAN, replace_once
from scripts.editor import schemas
from scripts.editor.skeleton import measure_skeleton
from scripts.present.lookups import SiteOptions
from scripts.publish.providers import render_pages
from scripts.site.open_data import data_files
from scripts.validate.validator import validate_folder

TODAY = dt.date(2026, 12, 1)
AREA = "satsingsomrader/1-nettverk.yaml"


@pytest.fixture
def folder(workdir: Path) -> Path:
    return workdir / "plan"


def edit(folder: Path, old: str, new: str) -> None:
    replace_once(folder / AREA, old, new)


def add_update(folder: Path, date: str, status: str) -> None:
    edit(folder, "            text: I gang.\n", f"            text: I gang.\n          - date: {date}\n"
         f"            status: {status}\n            text: Nytt.\n")  # fmt: skip


def statuses(folder: Path) -> dict[str, str]:
    plan, problems = validate_folder(folder, TODAY)
    assert plan is not None, problems
    return {m.id: m.status for _, _, m in plan.measures()}


def messages(folder: Path) -> list[str]:
    return [str(p) for p in validate_folder(folder, TODAY)[1]]


# -- where the status comes from -------------------------------------------------------------------------------


def test_the_test_plan_has_no_status_lines_and_each_measure_has_its_newest_updates_status(folder: Path) -> None:
    assert not re.search(r"^        status:", (folder / AREA).read_text(encoding="utf-8"), re.MULTILINE)
    assert statuses(folder) == {"1.1.1": "pågår", "1.1.2": "planlagt"}


def test_one_new_update_changes_the_status(folder: Path) -> None:
    add_update(folder, "2023-11-30", "fullført")
    assert statuses(folder)["1.1.1"] == "fullført"


def test_of_two_updates_on_the_same_day_the_one_written_last_counts(folder: Path) -> None:
    add_update(folder, "2021-09-15", "utsatt")
    assert statuses(folder)["1.1.1"] == "utsatt"


def test_without_updates_a_measure_has_the_vocabularys_first_status_by_order(folder: Path) -> None:
    vocabulary = folder / "vocabulary.yaml"
    text = vocabulary.read_text(encoding="utf-8")
    # «pågår» made the first status: the order decides, not the place in the file
    text = re.sub(r"(id: planlagt\n(?:    .*\n)*?    order: )1", r"\g<1>9", text)
    text = re.sub(r"(id: pågår\n(?:    .*\n)*?    order: )2", r"\g<1>0", text)
    vocabulary.write_text(text, encoding="utf-8")
    assert statuses(folder)["1.1.2"] == "pågår"


# -- a status line written anyway --------------------------------------------------------------------------------


def test_a_status_line_that_agrees_with_the_newest_update_is_accepted(folder: Path) -> None:
    edit(folder, "        period: {start: 2021, end: 2023}\n", "        period: {start: 2021, end: 2023}\n"
         "        status: pågår\n")  # fmt: skip
    assert messages(folder) == []


def test_a_status_line_that_disagrees_is_an_error_naming_both_and_saying_delete_it(folder: Path) -> None:
    edit(folder, "        period: {start: 2021, end: 2023}\n", "        period: {start: 2021, end: 2023}\n"
         "        status: fullført\n")  # fmt: skip
    [message] = messages(folder)
    assert message.startswith(f"{folder / AREA}:19:17: tiltak 1.1.1, felt «status»: ")
    assert "status er «fullført», men den nyeste statusoppdateringen (2021-09-15) sier «pågår»" in message
    assert "slett linjen status:" in message


def test_a_status_line_on_a_measure_without_updates_is_its_status(folder: Path) -> None:
    edit(folder, "        period: {start: 2024}\n", "        period: {start: 2024}\n        status: utsatt\n")
    assert statuses(folder)["1.1.2"] == "utsatt"


# -- everything downstream still reads measure.status ------------------------------------------------------------


def test_plan_json_keeps_a_status_for_every_measure(folder: Path) -> None:
    plan, _ = validate_folder(folder, TODAY)
    assert plan is not None
    data = json.loads(data_files(plan)["data/plan.json"])
    measures = [m for fa in data["focus_areas"] for g in fa["goals"] for m in g["measures"]]
    assert [(m["id"], m["status"]) for m in measures] == [("1.1.1", "pågår"), ("1.1.2", "planlagt")]


def test_the_editors_json_schema_does_not_ask_for_a_status() -> None:
    measure = json.loads(schemas.json_schemas()["satsingsomrade.schema.json"])["$defs"]["Measure"]
    assert "status" in measure["properties"] and "status" not in measure["required"]
    assert "default" not in measure["properties"]["status"]


def test_the_plan_new_skeleton_has_no_status_line() -> None:
    plan, _ = validate_folder(VALID_PLAN, TODAY)
    assert plan is not None
    lines = measure_skeleton(plan, "1.1.3", plan.actors[0], 2026, 6)
    assert not any(line.strip().startswith("status:") for line in lines)


# -- the migration: the status lines removed, the same plan and pages --------------------------------------------


def with_status_lines(folder: Path, plan: schema.Plan) -> None:
    """The plan's files as they were before the migration: a status line below each measure's period."""
    for path in (folder / "satsingsomrader").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        for _, _, measure in plan.measures():
            block = re.search(rf'- id: "{re.escape(measure.id)}"\n(?:      .*\n)*?(?P<pad> +)period: .*\n', text)
            if block:
                text = text[: block.end()] + f"{block['pad']}status: {measure.status}\n" + text[block.end() :]
        path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("source", [VALID_PLAN, ROOT / "plan"], ids=["test plan", "shipped plan"])
def test_with_the_old_status_lines_the_plan_the_pages_and_the_open_data_are_the_same(
    source: Path, tmp_path: Path
) -> None:
    now, problems = validate_folder(source, TODAY)
    assert now is not None and problems == []
    before = tmp_path / "before"
    shutil.copytree(source, before)
    with_status_lines(before, now)
    assert (before / AREA).exists() is (source == VALID_PLAN)
    old, problems = validate_folder(before, TODAY)
    assert old is not None and problems == []
    assert sum(t.count("\n        status: ") for t in _texts(before)) == sum(1 for _ in now.measures())

    assert old.model_dump_json() == now.model_dump_json()
    plan_pages = {p: t for p, t in render_pages(old).items() if not p.startswith("veiledning/")}
    assert plan_pages == {p: t for p, t in render_pages(now).items() if not p.startswith("veiledning/")}
    assert data_files(old) == data_files(now)
    assert render_pages(old, SiteOptions(plan_dir=before))["veiledning/endre-status.md"].count("status: ") == (
        render_pages(now, SiteOptions(plan_dir=source))["veiledning/endre-status.md"].count("status: ")
    )


def _texts(folder: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in (folder / "satsingsomrader").glob("*.yaml")]


def test_the_shipped_plan_has_no_status_lines_left() -> None:
    assert not any(re.search(r"^        status:", text, re.MULTILINE) for text in _texts(ROOT / "plan"))
