"""The editors' guide («Veiledning for redaktører»): every page renders, and every example in it is real.

The error messages are what `plan validate` prints, the status example is the plan's own text, the skeleton
of a new measure validates, and the field lists come from schema.py. The examples are tested on the small
example plan (VALID_PLAN); of the shipped plan it is only required that the guide renders.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml

from conftest import ROOT, VALID_PLAN, run_plan
from schema import Measure, Plan, Revision
from scripts.editor import skeleton
from scripts.editor.guide import english, errors, new_measure, revision, status, workflow
from scripts.editor.guide.sources import SourceFiles
from scripts.load.strict import StrictLoader
from scripts.model import english as english_models
from scripts.model.base import Model
from scripts.present.lookups import SiteOptions
from scripts.publish.providers import render_pages
from scripts.site import registry
from scripts.validate.validator import validate_folder

EDIT_BASE = "https://github.com/eksempel/plan/edit/main/"
GUIDE_PAGES = list(registry.GUIDE_PAGES)
#: The Markdown extensions of mkdocs.yml.
EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables", "toc", "pymdownx.superfences"]


def load_valid(folder: Path) -> Plan:
    plan, problems = validate_folder(folder)
    assert problems == [], problems
    assert plan is not None
    return plan


def render_guide(plan: Plan, edit_base: str | None, plan_dir: Path) -> dict[str, str]:
    """The guide's pages as the site renders them (the registry's rows for the guide)."""
    pages = render_pages(plan, SiteOptions(edit_base=edit_base, plan_dir=plan_dir))
    return {path: pages[path] for path in registry.GUIDE_PAGES}


@pytest.fixture(scope="module")
def example() -> Plan:
    """The small example plan the guide's mistakes are made in."""
    return load_valid(VALID_PLAN)


@pytest.fixture(scope="module")
def pages(example: Plan) -> dict[str, str]:
    return render_guide(example, EDIT_BASE, VALID_PLAN)


@pytest.fixture(scope="module")
def sources(example: Plan) -> SourceFiles:
    return SourceFiles.load(VALID_PLAN, example)


@pytest.fixture(scope="module", params=["example-plan", "shipped-plan"])
def any_pages(request: pytest.FixtureRequest, pages: dict[str, str]) -> dict[str, str]:
    """The guide for the example plan, and for the shipped plan read from plan/."""
    if request.param == "example-plan":
        return pages
    return render_guide(load_valid(ROOT / "plan"), EDIT_BASE, ROOT / "plan")


def shown_file(folder: Path, shown: str) -> Path:
    """The file a page names «plan/…», in the plan folder `folder`."""
    return folder / Path(shown).relative_to("plan")


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
def test_every_guide_page_renders_with_a_title_and_a_description(any_pages: dict[str, str], path: str) -> None:
    meta = front_matter(any_pages[path])
    assert isinstance(meta.get("title"), str) and meta["title"].strip()
    assert isinstance(meta.get("description"), str) and meta["description"].strip()
    assert re.search(r"^# \S", any_pages[path], re.M), "the page needs a heading"


@pytest.mark.parametrize("path", GUIDE_PAGES)
def test_every_code_block_is_closed(any_pages: dict[str, str], path: str) -> None:
    assert fences_are_balanced(any_pages[path])


@pytest.mark.parametrize("path", GUIDE_PAGES)
def test_every_page_converts_to_html_with_the_sites_markdown_extensions(any_pages: dict[str, str], path: str) -> None:
    body = any_pages[path].split("\n---\n", 1)[1]
    html = markdown.markdown(body, extensions=EXTENSIONS)
    assert "```" not in html, "a code fence was left as text"
    assert "{{" not in html and "{%" not in html, "a template tag was left in the page"


def test_rendering_twice_gives_the_same_pages(example: Plan, pages: dict[str, str]) -> None:
    assert render_guide(example, EDIT_BASE, VALID_PLAN) == pages


def test_no_temporary_or_local_folder_path_leaks_into_the_pages(any_pages: dict[str, str]) -> None:
    for path, page in any_pages.items():
        for leak in (tempfile.gettempdir(), "veiledning-", str(ROOT)):
            assert leak not in page, f"{path} shows «{leak}»"


# -- error messages ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kind",
    [*errors.ERROR_KINDS, revision.DECISION_KIND],
    ids=lambda k: k.fixture if isinstance(k, errors.ErrorKind) else "",
)
def test_each_error_example_is_exactly_what_plan_validate_prints_for_its_broken_file(
    pages: dict[str, str], workdir: Path, kind: errors.ErrorKind, monkeypatch: pytest.MonkeyPatch
) -> None:
    noon = dt.datetime.combine(errors.EXAMPLE_TODAY, dt.time(12), tzinfo=dt.UTC)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(noon.timestamp())))  # «today» as on the page
    fixture = errors.MISTAKES / f"{kind.fixture}.yaml"
    replaces, _ = errors.fixture_header(fixture)
    (workdir / "plan" / replaces).write_bytes(fixture.read_bytes())

    result = run_plan("validate", "--plan", "plan", cwd=workdir)

    assert result.code == 1 and result.stderr
    page = pages["veiledning/rullering.md" if kind is revision.DECISION_KIND else "veiledning/feilmeldinger.md"]
    assert result.stderr.rstrip("\n") in blocks(page, "text")


def test_the_error_page_shows_about_ten_kinds_of_mistake_each_with_a_heading_and_a_fix(pages: dict[str, str]) -> None:
    page = pages["veiledning/feilmeldinger.md"]
    assert len(errors.ERROR_KINDS) >= 10
    for kind in errors.ERROR_KINDS:
        assert f"### {kind.heading}\n" in page
        assert f"**Slik retter du det:** {kind.fix}" in page


def test_the_broken_lines_shown_are_the_broken_files_own_lines_around_the_reported_line() -> None:
    for kind in errors.ERROR_KINDS:
        example = errors.error_example(kind)
        fixture = (errors.MISTAKES / f"{kind.fixture}.yaml").read_text(encoding="utf-8").splitlines()
        shown = example.lines.split("\n")
        expected = [errors.visible_tabs(line) for line in fixture[example.first_line - 1 : example.last_line]]
        assert shown == expected
        reported = int(example.messages[0].split(":")[1])
        assert example.first_line <= reported <= example.last_line
        assert not any(line.startswith("# expect:") for line in shown)


def test_a_tab_in_the_broken_lines_is_shown_as_an_arrow() -> None:
    example = errors.error_example(next(k for k in errors.ERROR_KINDS if k.fixture == "tab-indentation"))
    assert example.has_tab
    assert "\t" not in example.lines
    assert "→" in example.lines


def test_the_message_is_taken_apart_into_file_line_column_place_problem_and_suggestion() -> None:
    parts = errors.message_parts(
        "plan/satsingsomrader/1-x.yaml:17:20: tiltak 1.1.1, rolle nr. 1, felt «actor»: "
        "ukjent aktør «nes-kommun» – mente du «nes-kommune»?"
    )
    assert parts == errors.MessageParts(
        "plan/satsingsomrader/1-x.yaml",
        17,
        20,
        "tiltak 1.1.1, rolle nr. 1, felt «actor»",
        "ukjent aktør «nes-kommun»",
        "mente du «nes-kommune»?",
    )


# -- changing a status ---------------------------------------------------------------------------------------


def test_the_status_example_is_a_measure_in_progress_with_status_updates(example: Plan, sources: SourceFiles) -> None:
    shown = status.status_example(example, sources)
    assert shown.measure.status == "pågår"
    assert shown.measure.status_updates
    assert shown.new_status.id != shown.measure.status


def test_the_status_example_excerpt_occurs_verbatim_in_the_plan_file(
    example: Plan, sources: SourceFiles, pages: dict[str, str]
) -> None:
    shown = status.status_example(example, sources)
    assert shown.file is not None and shown.first_line is not None and shown.last_line is not None
    text = shown_file(VALID_PLAN, shown.file).read_text(encoding="utf-8")
    lines = text.splitlines()
    assert shown.before == "\n".join(lines[shown.first_line - 1 : shown.last_line])
    assert shown.before in text
    assert shown.before in blocks(pages["veiledning/endre-status.md"], "yaml")


def test_the_status_example_shows_the_one_new_update_in_iso_format_and_no_status_line(
    example: Plan, sources: SourceFiles, pages: dict[str, str]
) -> None:
    shown = status.status_example(example, sources)
    yaml_blocks = blocks(pages["veiledning/endre-status.md"], "yaml")
    assert shown.new_update in yaml_blocks
    assert f"- date: {shown.new_date.isoformat()}" in shown.new_update
    assert f"status: {shown.new_status.id}" in shown.new_update
    assert shown.new_date > max(u.date for u in shown.measure.status_updates)
    assert not any(line.startswith("        status:") for block in yaml_blocks for line in block.splitlines())
    assert shown.after.startswith(shown.before) and shown.after.endswith(shown.new_update)


def test_the_status_example_applied_to_a_copy_of_the_plan_validates(example: Plan, tmp_path: Path) -> None:
    folder = copy_of(VALID_PLAN, tmp_path)
    shown = status.status_example(example, SourceFiles.load(folder, example))
    assert shown.file is not None
    path = shown_file(folder, shown.file)
    text = path.read_text(encoding="utf-8")
    assert text.count(shown.before) == 1
    path.write_text(text.replace(shown.before, shown.after), encoding="utf-8")

    changed = load_valid(folder)

    measure = next(m for _, _, m in changed.measures() if m.id == shown.measure.id)
    assert measure.status == shown.new_status.id
    assert measure.status_updates[-1].date == shown.new_date


def test_a_measure_without_status_updates_gets_its_first_one_at_its_end(tmp_path: Path) -> None:
    folder = copy_of(VALID_PLAN, tmp_path)
    path = folder / "satsingsomrader" / "1-nettverk.yaml"
    text = path.read_text(encoding="utf-8")
    without = re.sub(r"        status_updates:\n(          .*\n|            .*\n)+", "", text)
    assert without != text
    path.write_text(without, encoding="utf-8")
    plan = load_valid(folder)

    shown = status.status_example(plan, SourceFiles.load(folder, plan))
    assert shown.measure.status_updates == [] and shown.file is not None
    path.write_text(without.replace(shown.before, shown.after), encoding="utf-8")
    changed = load_valid(folder)

    measure = next(m for _, _, m in changed.measures() if m.id == shown.measure.id)
    assert [(u.date, u.status) for u in measure.status_updates] == [(shown.new_date, shown.new_status.id)]
    assert measure.status == shown.new_status.id


def test_the_status_page_explains_that_one_new_update_changes_the_status(pages: dict[str, str]) -> None:
    page = " ".join(pages["veiledning/endre-status.md"].split())
    assert "legger du til én statusoppdatering. Det er alt" in page
    assert "statusen i den nyeste statusoppdateringen" in page
    assert "slett da linjen `status:`" in page


def test_the_status_page_links_to_the_file_in_the_web_editor(
    example: Plan, sources: SourceFiles, pages: dict[str, str]
) -> None:
    shown = status.status_example(example, sources)
    assert f"[Åpne filen i redigeringsverktøyet]({EDIT_BASE}{shown.file})" in pages["veiledning/endre-status.md"]


def test_without_an_edit_base_there_are_no_edit_links(example: Plan) -> None:
    for page in render_guide(example, None, VALID_PLAN).values():
        assert "/edit/" not in page
        assert "Åpne filen i redigeringsverktøyet" not in page


def test_a_plan_read_from_another_folder_gets_its_examples_from_its_data_and_names_no_wrong_file(
    example: Plan, tmp_path: Path
) -> None:
    folder = copy_of(VALID_PLAN, tmp_path)  # a folder that holds another plan: the focus area has another title
    other = folder / "satsingsomrader" / "1-en-annen-plan.yaml"
    (folder / "satsingsomrader" / "1-nettverk.yaml").rename(other)
    other.write_text(other.read_text(encoding="utf-8").replace("title: Nettverk\n", "title: Annet\n"), encoding="utf-8")

    pages = render_guide(example, EDIT_BASE, folder)

    page = pages["veiledning/endre-status.md"]
    assert "tiltak 1.1.1" in page
    assert "        status: pågår" in blocks(page, "yaml")[0]
    for path, text in pages.items():
        assert "1-en-annen-plan.yaml" not in text, path


def test_the_guide_reads_the_plan_folder_it_is_given_and_no_environment_variable(
    example: Plan, pages: dict[str, str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PLAN_DIR", str(tmp_path / "finnes-ikke"))
    assert render_guide(example, EDIT_BASE, VALID_PLAN) == pages


def test_the_guide_imports_nothing_from_the_site_the_pdf_or_publishing() -> None:
    code = (
        "import sys, scripts.editor.guide; "
        "print(sorted(m for m in sys.modules if m.startswith(('scripts.site', 'scripts.pdf', 'scripts.publish'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout == "[]\n"


# -- a new measure -------------------------------------------------------------------------------------------


def test_the_new_measure_gets_the_next_free_number_under_a_real_goal(example: Plan, sources: SourceFiles) -> None:
    shown = new_measure.new_measure_example(example, sources)
    numbers = [int(m.id.rsplit(".", 1)[1]) for m in shown.goal.measures]
    assert shown.next_id == f"{shown.goal.id}.{max(numbers) + 1}"
    assert shown.next_id not in {m.id for _, _, m in example.measures()}


#: Two more goals for the example plan's focus area: the example then goes under the second, above the third.
MORE_GOALS = """\
  - id: "1.2"
    title: Flere bedrifter i nettverkene
    measures:
      - id: "1.2.1"
        title: Nettverk for handel
        description: Et tredje nettverk.
        roles:
          - actor: nes-kommune
            role: ansvarlig
        period: {start: 2022}
        status: planlagt
        municipalities: alle
  - id: "1.3"
    title: Et mål uten tiltak
"""


@pytest.mark.parametrize("goals", ["one goal", "three goals"])
def test_the_skeleton_in_nytt_tiltak_put_into_a_copy_of_the_plan_validates_once_its_texts_are_written(
    goals: str, tmp_path: Path
) -> None:
    copy = copy_of(VALID_PLAN, tmp_path)
    if goals == "three goals":
        with (copy / "satsingsomrader" / "1-nettverk.yaml").open("a", encoding="utf-8") as area:
            area.write(MORE_GOALS)
    plan = load_valid(copy)
    shown = new_measure.new_measure_example(plan, SourceFiles.load(copy, plan))
    assert (shown.next_goal is not None) == (goals == "three goals")
    page = render_guide(plan, None, copy)["veiledning/nytt-tiltak.md"]
    assert shown.skeleton in blocks(page, "yaml")
    assert shown.file is not None

    path = shown_file(copy, shown.file)
    lines = path.read_text(encoding="utf-8").splitlines()
    if shown.next_goal is not None:
        at = lines.index(next(line for line in lines if line.strip() == f'- id: "{shown.next_goal.id}"'))
    else:
        at = len(lines)
    filled = shown.skeleton.replace(skeleton.TITLE, "Nettverk for handel").replace(skeleton.DESCRIPTION, "Et nytt.")
    lines[at:at] = filled.split("\n")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    changed = load_valid(copy)

    assert shown.next_id in {m.id for _, _, m in changed.measures()}


def test_the_skeleton_has_exactly_one_lead_and_real_actor_ids(example: Plan, sources: SourceFiles) -> None:
    shown = new_measure.new_measure_example(example, sources)
    data = yaml.load(shown.skeleton, Loader=StrictLoader)[0]
    assert [r["role"] for r in data["roles"]] == ["ansvarlig"]
    actors = {a.id for a in example.actors}
    assert {r["actor"] for r in data["roles"]} <= actors
    assert set(data["municipalities"]) <= actors
    assert set(data) == {name for name, info in Measure.model_fields.items() if info.is_required()}


def test_the_optional_field_list_covers_every_optional_field_of_a_measure(pages: dict[str, str]) -> None:
    page = pages["veiledning/nytt-tiltak.md"]
    fields = Measure.model_fields.items()
    optional = {name: info for name, info in fields if not info.is_required() and name != "status"}
    assert optional
    assert "| `status` |" not in page  # not written: it comes from the status updates
    for name, info in optional.items():
        description = " ".join((info.description or "").split())
        assert f"| `{name}` | {description} |" in page


def test_the_required_field_list_covers_every_required_field_of_a_measure(pages: dict[str, str]) -> None:
    page = pages["veiledning/nytt-tiltak.md"]
    for name, info in Measure.model_fields.items():
        if info.is_required():
            assert f"| `{name}` | {' '.join((info.description or '').split())} |" in page


def test_the_new_measure_page_names_the_command_that_writes_the_skeleton(
    example: Plan, sources: SourceFiles, pages: dict[str, str]
) -> None:
    goal = new_measure.new_measure_example(example, sources).goal.id
    assert f"`.venv/bin/plan new measure --goal {goal}`" in pages["veiledning/nytt-tiltak.md"]


# -- a new revision ------------------------------------------------------------------------------------------


def revisions_in(text: str) -> list[Revision]:
    return [Revision.model_validate(item) for item in yaml.load(text, Loader=StrictLoader)]


def test_the_revision_example_is_the_plans_own_newest_revisions(example: Plan, pages: dict[str, str]) -> None:
    shown = revision.revision_example(example)
    assert shown.current in blocks(pages["veiledning/rullering.md"], "yaml")
    current = revisions_in(shown.current)
    assert current == example.plan.revisions[-len(current) :]
    assert any(r.stage == "vedtatt" for r in current)


def test_the_new_revision_is_a_valid_draft_with_a_new_version(example: Plan) -> None:
    (draft,) = revisions_in(revision.revision_example(example).draft)
    assert draft.stage == "utkast"
    assert draft.version not in {r.version for r in example.plan.revisions}


def test_the_adopted_revision_example_has_the_decision_an_adopted_revision_needs(example: Plan) -> None:
    (adopted,) = revisions_in(revision.revision_example(example).adopted)
    assert adopted.stage == "vedtatt"
    assert adopted.decision is not None
    assert adopted.decision.body and adopted.decision.date and adopted.decision.case_number


def test_the_decision_links_to_the_owner_when_the_owner_has_an_address(tmp_path: Path) -> None:
    folder = copy_of(VALID_PLAN, tmp_path)
    actors = folder / "actors.yaml"
    text = actors.read_text(encoding="utf-8")
    owner = "    kind: regionråd\n"
    assert text.count(owner) == 1
    actors.write_text(text.replace(owner, owner + "    url: https://regionradet.example.no/\n"), encoding="utf-8")

    (adopted,) = revisions_in(revision.revision_example(load_valid(folder)).adopted)

    assert adopted.decision is not None and adopted.decision.url == "https://regionradet.example.no/"


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


def test_the_names_of_the_check_and_the_copy_to_open_from_disk_are_read_from_the_pull_request_workflow(
    tmp_path: Path,
) -> None:
    path = tmp_path / "pr.yml"
    path.write_text(
        "name: Sjekk endringsforslag\n"
        "on: pull_request\n"
        "jobs:\n"
        "  bygg:\n"
        "    steps:\n"
        "      - uses: actions/checkout@v6\n"
        "      - run: make site\n"
        "      - run: .venv/bin/plan build --offline --out forhandsvisning\n"
        "      - uses: actions/upload-artifact@v7\n"
        "        with: {name: nettsted, path: site/}\n"
        "      - uses: actions/upload-artifact@v7\n"
        "        with: {name: nettsted-forhandsvisning, path: forhandsvisning/}\n"
        "      - uses: actions/upload-artifact@v7\n"
        "        with: {name: endringer, path: endringer.md}\n",
        encoding="utf-8",
    )
    assert workflow.pr_workflow(path) == workflow.Workflow("Sjekk endringsforslag", "nettsted-forhandsvisning")
    assert workflow.pr_workflow() == workflow.Workflow("Sjekk endringsforslag", "nettsted-forhandsvisning")
    assert workflow.pr_workflow(tmp_path / "finnes-ikke.yml") == workflow.Workflow(None, None)


# -- the English edition («Engelsk utgave» on the guide's front page) --------------------------------------------

MEASURE_DESCRIPTION = "        description: Et nettverk.\n"
TRANSLATION = "        en:\n          title: Logistics network\n          description: A network.\n"


def translated_copy(tmp_path: Path) -> tuple[Path, Plan]:
    """A copy of the example plan whose measure 1.1.1 has an English title and description."""
    folder = copy_of(VALID_PLAN, tmp_path)
    area = folder / "satsingsomrader" / "1-nettverk.yaml"
    area.write_text(area.read_text(encoding="utf-8").replace(MEASURE_DESCRIPTION, MEASURE_DESCRIPTION + TRANSLATION))
    plan, problems = validate_folder(folder)
    assert plan is not None, problems
    return folder, plan


def test_the_english_example_is_a_translated_measure_quoted_verbatim_from_its_file(tmp_path: Path) -> None:
    folder, plan = translated_copy(tmp_path)
    example = english.english_example(plan, SourceFiles.load(folder, plan))
    assert example.translated and example.measure.id == "1.1.1" and example.file
    lines = shown_file(folder, example.file).read_text(encoding="utf-8").splitlines()
    assert example.first_line and example.last_line
    assert example.excerpt == "\n".join(lines[example.first_line - 1 : example.last_line])
    assert example.excerpt.endswith(TRANSLATION.rstrip("\n"))


def test_the_warning_shown_is_what_plan_validate_prints_for_that_file(tmp_path: Path) -> None:
    folder, plan = translated_copy(tmp_path)
    example = english.english_example(plan, SourceFiles.load(folder, plan))
    assert example.started and example.warning is not None
    _, problems = validate_folder(folder)
    printed = {str(p).replace(str(folder), "plan") for p in problems}
    assert example.warning in printed


def test_without_a_translation_the_form_shown_validates_once_pasted_into_the_measure(
    example: Plan, sources: SourceFiles, tmp_path: Path
) -> None:
    shown = english.english_example(example, sources)
    assert not shown.translated and not shown.started
    folder = copy_of(VALID_PLAN, tmp_path)
    area = folder / "satsingsomrader" / "1-nettverk.yaml"
    text = area.read_text(encoding="utf-8")
    written = "\n".join(shown.excerpt.splitlines()[:2]) + "\n"
    assert written in text
    area.write_text(text.replace(written, shown.excerpt + "\n", 1), encoding="utf-8")
    plan, problems = validate_folder(folder)
    assert plan is not None, problems
    measure = next(m for _, _, m in plan.measures() if m.id == shown.measure.id)
    assert measure.en is not None and measure.en.title == english.PLACEHOLDERS["title"]


def test_the_table_of_what_can_be_translated_has_every_kind_of_en_block(pages: dict[str, str]) -> None:
    models = {m for m in vars(english_models).values() if isinstance(m, type) and issubclass(m, Model)} - {Model}
    assert {model for _, _, model in english.KINDS} == models
    page = pages["veiledning/index.md"]
    section = page[page.index("## Engelsk utgave") : page.index("## Gode råd")]
    for what, _, model in english.KINDS:
        assert f"| {what} |" in section
        assert all(f"`{key}`" in section for key in model.model_fields)


def test_the_english_section_says_a_missing_translation_is_never_an_error(pages: dict[str, str]) -> None:
    page = pages["veiledning/index.md"]
    assert "[Legge til en engelsk oversettelse](#engelsk-utgave)" in page
    section = page[page.index("## Engelsk utgave") : page.index("## Gode råd")]
    assert "aldri en feil" in section
    assert "den norske teksten er endret, men ikke den engelske" in section
