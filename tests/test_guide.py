"""The editors' guide («Veiledning for redaktører»): every page renders, and every example in it is real.

The error messages are what `plan validate` prints, the status example is the shipped plan's own text, the
skeleton of a new measure validates, and the field lists come from schema.py.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml

from conftest import FIXTURES, ROOT, VALID_PLAN, run_plan
from schema import Measure, Plan, Revision
from scripts.editor import guide
from scripts.load.strict import StrictLoader
from scripts.validate.validator import validate_folder

EDIT_BASE = "https://github.com/eksempel/plan/edit/main/"
GUIDE_PAGES = list(guide.PAGES)
#: The Markdown extensions of mkdocs.yml.
EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables", "toc", "pymdownx.superfences"]


def load_valid(folder: Path) -> Plan:
    plan, problems = validate_folder(folder)
    assert problems == [], problems
    assert plan is not None
    return plan


@pytest.fixture(scope="module")
def shipped() -> Plan:
    return load_valid(ROOT / "plan")


@pytest.fixture(scope="module")
def pages(shipped: Plan) -> dict[str, str]:
    return guide.guide_pages(shipped, EDIT_BASE, plan_dir=ROOT / "plan")


@pytest.fixture(scope="module")
def sources(shipped: Plan) -> guide.SourceFiles:
    return guide.SourceFiles.load(ROOT / "plan", shipped)


def front_matter(page: str) -> dict[str, Any]:
    match = re.match(r"^---\n(.*?)\n---\n", page, re.S)
    assert match, "the page must begin with YAML front matter"
    data = yaml.safe_load(match.group(1))
    assert isinstance(data, dict)
    return data


def fenced_blocks(page: str, language: str) -> list[str]:
    return re.findall(rf"^(`{{3,}}){language}\n(.*?)\n\1$", page, re.S | re.M)


def blocks(page: str, language: str) -> list[str]:
    return [body for _, body in fenced_blocks(page, language)]


def fences_are_balanced(page: str) -> bool:
    opened: str | None = None
    for line in page.splitlines():
        match = re.match(r"^(`{3,})(\S*)$", line)
        if not match:
            continue
        if opened is None:
            opened = match.group(1)
        elif match.group(1) == opened and not match.group(2):
            opened = None
    return opened is None


def copy_of(folder: Path, tmp_path: Path) -> Path:
    target = tmp_path / "plan"
    shutil.copytree(folder, target)
    return target


# -- every page ----------------------------------------------------------------------------------------------


def test_the_guide_has_its_six_pages(pages: dict[str, str]) -> None:
    assert sorted(pages) == sorted(GUIDE_PAGES)


@pytest.mark.parametrize("path", GUIDE_PAGES)
def test_every_guide_page_renders_for_the_shipped_plan_with_a_title_and_a_description(
    pages: dict[str, str], path: str
) -> None:
    meta = front_matter(pages[path])
    assert isinstance(meta.get("title"), str) and meta["title"].strip()
    assert isinstance(meta.get("description"), str) and meta["description"].strip()
    assert re.search(r"^# \S", pages[path], re.M), "the page needs a heading"


@pytest.mark.parametrize("path", GUIDE_PAGES)
def test_every_code_block_is_closed(pages: dict[str, str], path: str) -> None:
    assert fences_are_balanced(pages[path])


@pytest.mark.parametrize("path", GUIDE_PAGES)
def test_every_page_converts_to_html_with_the_sites_markdown_extensions(pages: dict[str, str], path: str) -> None:
    body = pages[path].split("\n---\n", 1)[1]
    html = markdown.markdown(body, extensions=EXTENSIONS)
    assert "```" not in html, "a code fence was left as text"
    assert "{{" not in html and "{%" not in html, "a template tag was left in the page"


def test_rendering_twice_gives_the_same_pages(shipped: Plan, pages: dict[str, str]) -> None:
    assert guide.guide_pages(shipped, EDIT_BASE, plan_dir=ROOT / "plan") == pages


def test_no_temporary_or_local_folder_path_leaks_into_the_pages(pages: dict[str, str]) -> None:
    for path, page in pages.items():
        for leak in (tempfile.gettempdir(), "veiledning-", str(ROOT)):
            assert leak not in page, f"{path} shows «{leak}»"


# -- error messages ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kind", [*guide.ERROR_KINDS, guide.DECISION_KIND], ids=lambda k: k.fixture if isinstance(k, guide.ErrorKind) else ""
)
def test_each_error_example_is_exactly_what_plan_validate_prints_for_its_fixture(
    pages: dict[str, str], workdir: Path, kind: guide.ErrorKind
) -> None:
    fixture = FIXTURES / "invalid" / f"{kind.fixture}.yaml"
    replaces, _ = guide.fixture_header(fixture)
    (workdir / "plan" / replaces).write_bytes(fixture.read_bytes())

    result = run_plan("validate", "--plan", "plan", cwd=workdir)

    assert result.code == 1 and result.stderr
    page = pages["veiledning/rullering.md" if kind is guide.DECISION_KIND else "veiledning/feilmeldinger.md"]
    assert result.stderr.rstrip("\n") in blocks(page, "text")


def test_the_error_page_shows_about_ten_kinds_of_mistake_each_with_a_heading_and_a_fix(pages: dict[str, str]) -> None:
    page = pages["veiledning/feilmeldinger.md"]
    assert len(guide.ERROR_KINDS) >= 10
    for kind in guide.ERROR_KINDS:
        assert f"### {kind.heading}\n" in page
        assert f"**Slik retter du det:** {kind.fix}" in page


def test_the_broken_lines_shown_are_the_fixtures_own_lines_around_the_reported_line() -> None:
    for kind in guide.ERROR_KINDS:
        example = guide.error_example(kind)
        fixture = (FIXTURES / "invalid" / f"{kind.fixture}.yaml").read_text(encoding="utf-8").splitlines()
        shown = example.lines.split("\n")
        expected = [guide.visible_tabs(line) for line in fixture[example.first_line - 1 : example.last_line]]
        assert shown == expected
        reported = int(example.messages[0].split(":")[1])
        assert example.first_line <= reported <= example.last_line
        assert not any(line.startswith("# expect:") for line in shown)


def test_a_tab_in_the_broken_lines_is_shown_as_an_arrow() -> None:
    example = guide.error_example(next(k for k in guide.ERROR_KINDS if k.fixture == "tab-indentation"))
    assert example.has_tab
    assert "\t" not in example.lines
    assert "→" in example.lines


def test_the_message_is_taken_apart_into_file_line_column_place_problem_and_suggestion() -> None:
    parts = guide.message_parts(
        "plan/satsingsomrader/1-x.yaml:17:20: tiltak 1.1.1, rolle nr. 1, felt «actor»: "
        "ukjent aktør «nes-kommun» – mente du «nes-kommune»?"
    )
    assert parts == guide.MessageParts(
        "plan/satsingsomrader/1-x.yaml",
        17,
        20,
        "tiltak 1.1.1, rolle nr. 1, felt «actor»",
        "ukjent aktør «nes-kommun»",
        "mente du «nes-kommune»?",
    )


# -- changing a status ---------------------------------------------------------------------------------------


def test_the_status_example_is_a_measure_in_progress(shipped: Plan, sources: guide.SourceFiles) -> None:
    example = guide.status_example(shipped, sources)
    assert example.measure.status == "pågår"
    assert example.measure.status_updates
    assert example.new_status.id != example.measure.status


def test_the_status_example_excerpt_occurs_verbatim_in_the_shipped_plan_file(
    shipped: Plan, sources: guide.SourceFiles, pages: dict[str, str]
) -> None:
    example = guide.status_example(shipped, sources)
    assert example.file is not None and example.first_line is not None and example.last_line is not None
    text = (ROOT / example.file).read_text(encoding="utf-8")
    lines = text.splitlines()
    assert example.before == "\n".join(lines[example.first_line - 1 : example.last_line])
    assert example.before in text
    assert example.before in blocks(pages["veiledning/endre-status.md"], "yaml")


def test_the_status_example_shows_the_new_update_in_iso_format_and_the_changed_status_line(
    shipped: Plan, sources: guide.SourceFiles, pages: dict[str, str]
) -> None:
    example = guide.status_example(shipped, sources)
    shown = blocks(pages["veiledning/endre-status.md"], "yaml")
    assert example.new_update in shown
    assert f"- date: {example.new_date.isoformat()}" in example.new_update
    assert example.new_status_line in shown
    assert example.new_status_line.strip() == f"status: {example.new_status.id}"
    assert example.new_date > max(u.date for u in example.measure.status_updates)


def test_the_status_example_applied_to_a_copy_of_the_shipped_plan_validates(
    shipped: Plan, sources: guide.SourceFiles, tmp_path: Path
) -> None:
    example = guide.status_example(shipped, sources)
    assert example.file is not None
    folder = copy_of(ROOT / "plan", tmp_path)
    path = tmp_path / example.file
    text = path.read_text(encoding="utf-8")
    assert text.count(example.before) == 1
    path.write_text(text.replace(example.before, example.after), encoding="utf-8")

    changed = load_valid(folder)

    measure = next(m for _, _, m in changed.measures() if m.id == example.measure.id)
    assert measure.status == example.new_status.id
    assert measure.status_updates[-1].date == example.new_date


def test_a_measure_without_status_updates_gets_its_first_one_below_the_status_line(tmp_path: Path) -> None:
    folder = copy_of(VALID_PLAN, tmp_path)
    path = folder / "satsingsomrader" / "1-nettverk.yaml"
    text = path.read_text(encoding="utf-8")
    without = re.sub(r"        status_updates:\n(          .*\n|            .*\n)+", "", text)
    assert without != text
    path.write_text(without, encoding="utf-8")
    plan = load_valid(folder)

    example = guide.status_example(plan, guide.SourceFiles.load(folder, plan))
    assert example.measure.status_updates == [] and example.file is not None
    path.write_text(without.replace(example.before, example.after), encoding="utf-8")
    changed = load_valid(folder)

    measure = next(m for _, _, m in changed.measures() if m.id == example.measure.id)
    assert [(u.date, u.status) for u in measure.status_updates] == [(example.new_date, example.new_status.id)]
    assert measure.status == example.new_status.id


def test_the_status_page_explains_that_status_must_equal_the_latest_update(pages: dict[str, str]) -> None:
    assert (
        "`status` skal alltid være den samme som statusen i den nyeste statusoppdateringen"
        in (pages["veiledning/endre-status.md"])
    )


def test_the_status_page_links_to_the_file_in_the_web_editor(
    shipped: Plan, sources: guide.SourceFiles, pages: dict[str, str]
) -> None:
    example = guide.status_example(shipped, sources)
    assert f"[Åpne filen i redigeringsverktøyet]({EDIT_BASE}{example.file})" in pages["veiledning/endre-status.md"]


def test_without_an_edit_base_there_are_no_edit_links(shipped: Plan) -> None:
    pages = guide.guide_pages(shipped, None, plan_dir=ROOT / "plan")
    for page in pages.values():
        assert "/edit/" not in page
        assert "Åpne filen i redigeringsverktøyet" not in page


def test_a_plan_read_from_another_folder_gets_its_examples_from_its_data_and_names_no_wrong_file() -> None:
    plan = load_valid(VALID_PLAN)
    pages = guide.guide_pages(plan, EDIT_BASE, plan_dir=ROOT / "plan")  # the files there are not this plan's
    page = pages["veiledning/endre-status.md"]
    assert "tiltak 1.1.1" in page
    assert "        status: pågår" in blocks(page, "yaml")[0]
    shipped_files = [p.name for p in (ROOT / "plan" / "satsingsomrader").glob("*.yaml")]
    for path, text in pages.items():
        assert not any(name in text for name in shipped_files), path


# -- a new measure -------------------------------------------------------------------------------------------


def test_the_new_measure_gets_the_next_free_number_under_a_real_goal(shipped: Plan, sources: guide.SourceFiles) -> None:
    example = guide.new_measure_example(shipped, sources)
    numbers = [int(m.id.rsplit(".", 1)[1]) for m in example.goal.measures]
    assert example.next_id == f"{example.goal.id}.{max(numbers) + 1}"
    assert example.next_id not in {m.id for _, _, m in shipped.measures()}


@pytest.mark.parametrize("folder", [VALID_PLAN, ROOT / "plan"], ids=["valid-fixture-plan", "shipped-plan"])
def test_the_skeleton_in_nytt_tiltak_put_into_a_copy_of_the_plan_validates_with_no_problems(
    folder: Path, tmp_path: Path
) -> None:
    copy = copy_of(folder, tmp_path)
    plan = load_valid(copy)
    sources = guide.SourceFiles.load(copy, plan)
    example = guide.new_measure_example(plan, sources)
    page = guide.guide_pages(plan, None, plan_dir=copy)["veiledning/nytt-tiltak.md"]
    assert example.skeleton in blocks(page, "yaml")
    assert example.file is not None

    path = tmp_path / example.file
    lines = path.read_text(encoding="utf-8").splitlines()
    if example.next_goal is not None:
        at = lines.index(next(line for line in lines if line.strip() == f'- id: "{example.next_goal.id}"'))
    else:
        at = len(lines)
    lines[at:at] = example.skeleton.split("\n")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    changed = load_valid(copy)

    assert example.next_id in {m.id for _, _, m in changed.measures()}


def test_the_skeleton_has_exactly_one_lead_and_real_actor_ids(shipped: Plan, sources: guide.SourceFiles) -> None:
    example = guide.new_measure_example(shipped, sources)
    data = yaml.load(example.skeleton, Loader=StrictLoader)[0]
    assert [r["role"] for r in data["roles"]] == ["ansvarlig"]
    actors = {a.id for a in shipped.actors}
    assert {r["actor"] for r in data["roles"]} <= actors
    assert set(data["municipalities"]) <= actors
    assert set(data) == {name for name, info in Measure.model_fields.items() if info.is_required()}


def test_the_optional_field_list_covers_every_optional_field_of_a_measure(pages: dict[str, str]) -> None:
    page = pages["veiledning/nytt-tiltak.md"]
    optional = {name: info for name, info in Measure.model_fields.items() if not info.is_required()}
    assert optional
    for name, info in optional.items():
        description = " ".join((info.description or "").split())
        assert f"| `{name}` | {description} |" in page


def test_the_required_field_list_covers_every_required_field_of_a_measure(pages: dict[str, str]) -> None:
    page = pages["veiledning/nytt-tiltak.md"]
    for name, info in Measure.model_fields.items():
        if info.is_required():
            assert f"| `{name}` | {' '.join((info.description or '').split())} |" in page


def test_the_new_measure_page_names_the_command_that_writes_the_skeleton(
    shipped: Plan, sources: guide.SourceFiles, pages: dict[str, str]
) -> None:
    goal = guide.new_measure_example(shipped, sources).goal.id
    assert f"`.venv/bin/plan new measure --goal {goal}`" in pages["veiledning/nytt-tiltak.md"]


# -- a new revision ------------------------------------------------------------------------------------------


def revisions_in(text: str) -> list[Revision]:
    return [Revision.model_validate(item) for item in yaml.load(text, Loader=StrictLoader)]


def test_the_revision_example_is_the_plans_own_newest_revisions(shipped: Plan, pages: dict[str, str]) -> None:
    example = guide.revision_example(shipped)
    assert example.current in blocks(pages["veiledning/rullering.md"], "yaml")
    shown = revisions_in(example.current)
    assert shown == shipped.plan.revisions[-len(shown) :]
    assert any(r.stage == "vedtatt" for r in shown)


def test_the_new_revision_is_a_valid_draft_with_a_new_version(shipped: Plan) -> None:
    example = guide.revision_example(shipped)
    (draft,) = revisions_in(example.draft)
    assert draft.stage == "utkast"
    assert draft.version not in {r.version for r in shipped.plan.revisions}


def test_the_adopted_revision_example_has_the_decision_an_adopted_revision_needs(shipped: Plan) -> None:
    (adopted,) = revisions_in(guide.revision_example(shipped).adopted)
    assert adopted.stage == "vedtatt"
    assert adopted.decision is not None
    assert adopted.decision.case_number and adopted.decision.url


def test_the_revision_page_lists_the_stages_in_order(pages: dict[str, str]) -> None:
    assert "`utkast` → `høring` → `vedtatt`" in pages["veiledning/rullering.md"]


# -- working locally -----------------------------------------------------------------------------------------


def test_the_vs_code_page_names_the_commands_and_the_yaml_extension(pages: dict[str, str]) -> None:
    page = pages["veiledning/vs-code.md"]
    for text in (
        "make site",
        "make test",
        ".venv/bin/plan validate",
        ".venv/bin/plan serve",
        ".venv/bin/plan schema",
        "redhat.vscode-yaml",
        ".vscode/settings.json",
    ):
        assert text in page
    assert "git clone https://github.com/eksempel/plan.git" in page


def test_the_vs_code_page_lists_the_schema_of_every_plan_file(pages: dict[str, str]) -> None:
    settings = (ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8")
    page = pages["veiledning/vs-code.md"]
    for schema_file, plan_file in re.findall(r'"\./docs/schema/([^"]+)": "([^"]+)"', settings):
        assert f"| `{plan_file}` | `docs/schema/{schema_file}` |" in page


def test_the_names_of_the_check_and_the_preview_are_read_from_the_pull_request_workflow(tmp_path: Path) -> None:
    workflow = tmp_path / "pr.yml"
    workflow.write_text(
        "name: Sjekk endringsforslag\n"
        "on: pull_request\n"
        "jobs:\n"
        "  bygg:\n"
        "    steps:\n"
        "      - uses: actions/checkout@v6\n"
        "      - uses: actions/upload-artifact@v7\n"
        "        with: {name: nettsted-forhandsvisning, path: site/}\n",
        encoding="utf-8",
    )
    assert guide.pr_workflow(workflow) == guide.Workflow("Sjekk endringsforslag", "nettsted-forhandsvisning")
    assert guide.pr_workflow(tmp_path / "finnes-ikke.yml") == guide.Workflow(None, None)
