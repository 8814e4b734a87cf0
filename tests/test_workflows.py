"""The GitHub Actions workflows, Dependabot and the pre-commit hooks: valid files that run commands which exist,
with the least privilege each job needs, every action pinned by commit and the container by digest.

The workflows are checked offline against the GitHub workflow schema that check-jsonschema ships (a copy of
schemastore.org's), the pre-commit file with pre-commit's own validator (check-jsonschema has no schema for it),
and the whole .github folder with zizmor --pedantic (offline: the audits that need GitHub's API are skipped).
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import re
import shlex
import subprocess
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from pre_commit.clientlib import load_config
from ruamel.yaml import YAML
from tools import venv_program

from conftest import ROOT
from scripts.cli import build_parser

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
PR_WORKFLOW = ROOT / ".github" / "workflows" / "pr.yml"
DEPLOY_WORKFLOW = ROOT / ".github" / "workflows" / "deploy.yml"
FOLLOW_UP_WORKFLOW = ROOT / ".github" / "workflows" / "oppfolging.yml"
PRE_COMMIT_CONFIG = ROOT / ".pre-commit-config.yaml"
DEPENDABOT = ROOT / ".github" / "dependabot.yml"
ZIZMOR = venv_program("zizmor")

# `uses: owner/repo[/path]@<full commit SHA> # v1.2.3`: a tag or branch can be moved to other code, a commit cannot;
# the comment says which release it is (and Dependabot updates both).
PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s+[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40} # v\d+\.\d+\.\d+$")
# image:tag@sha256:<digest>: the tag for people, the digest for the runner.
BY_DIGEST = re.compile(r"^[\w./-]+:[\w.-]+@sha256:[0-9a-f]{64}$")
# What runs code from the repository (and so from the pull request): make and the plan command.
RUNS_THE_CODE = re.compile(r"(?<![\w./-])make\s|\.venv/bin/")
# The start of the `plan diff` step: do nothing where the installed `plan` does not answer `plan diff --help`.
DIFF_GUARD = re.compile(r"if ! \.venv/bin/plan diff --help\b[^\n]*; then\n(?:[^\n]*\n)*?\s*exit 0\n\s*fi\n")


def load_yaml(path: Path) -> Any:
    """YAML 1.2 as GitHub reads it: `on:` is a key, not the boolean true it is to PyYAML (YAML 1.1)."""
    return YAML(typ="safe", pure=True).load(path)


def check_jsonschema_schema(kind: str, name: str) -> dict[str, Any]:
    """A schema shipped in the check-jsonschema package: `vendor` (from schemastore.org) or `custom`."""
    text = files("check_jsonschema.builtin_schemas").joinpath(kind, name).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def schema_errors(schema: dict[str, Any], document: Any) -> list[str]:
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    return [f"{error.json_path}: {error.message}" for error in validator.iter_errors(document)]


def steps(workflow: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """(where, step) for every step of every job, `where` naming the file, job and step for messages."""
    for job_id, job in load_yaml(workflow)["jobs"].items():
        for number, step in enumerate(job.get("steps", []), start=1):
            yield f"{workflow.name}, jobb {job_id}, steg {number} «{step.get('name', '')}»", step


def scripts() -> Iterator[tuple[str, str]]:
    """(where, shell text) for every `run:` of the workflows and every `entry:` of the pre-commit hooks."""
    for workflow in WORKFLOWS:
        for where, step in steps(workflow):
            if "run" in step:
                yield where, step["run"]
    for repo in load_yaml(PRE_COMMIT_CONFIG)["repos"]:
        for hook in repo["hooks"]:
            yield f"{PRE_COMMIT_CONFIG.name}, hook {hook['id']}", hook["entry"]


def without_comments(script: str) -> str:
    return "\n".join(line for line in script.splitlines() if not line.lstrip().startswith("#"))


def plan_invocations(script: str) -> list[list[str]]:
    """The arguments of every `.venv/bin/plan …`, up to the end of its shell command."""
    return [
        shlex.split(match[1])
        for match in re.finditer(r"\.venv/bin/plan\b([^\n;&|<>]*)", without_comments(script))
        if shlex.split(match[1])
    ]


def make_invocations(script: str) -> list[str]:
    """The target of every `make [VAR=value …] TARGET`."""
    return re.findall(r"(?<![\w./-])make\s+(?:\w+=\S*\s+)*([^\s;&|<>]+)", without_comments(script))


def plan_accepts(args: list[str]) -> bool:
    """Whether the `plan` command line parser accepts these arguments (as `--help` does: exit code 0)."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            build_parser().parse_args(args)
        except SystemExit as stop:
            return stop.code == 0
    return True


def make_targets() -> set[str]:
    """The targets of the Makefile's rules (`TARGET: …` lines), with its simple variables such as $(BIN) expanded."""
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    variables = dict(re.findall(r"^(\w+)\s*[:?]?=\s*(.*?)\s*$", text, re.MULTILINE))

    def expand(value: str) -> str:
        while (expanded := re.sub(r"\$\((\w+)\)", lambda m: variables.get(m[1], m[0]), value)) != value:
            value = expanded
        return value

    rules = re.findall(r"^([^\s#=:][^:=]*):(?!=)", text, re.MULTILINE)
    return {target for rule in rules for target in expand(rule).split() if not re.fullmatch(r"\.[A-Z_]+", target)}


def test_there_is_a_pull_request_workflow_and_a_deploy_workflow() -> None:
    assert PR_WORKFLOW in WORKFLOWS
    assert DEPLOY_WORKFLOW in WORKFLOWS


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_every_workflow_is_valid_by_the_github_workflow_schema(workflow: Path) -> None:
    schema = check_jsonschema_schema("vendor", "github-workflows.json")
    assert schema_errors(schema, load_yaml(workflow)) == []


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_every_job_has_a_timeout_so_a_stuck_job_does_not_run_for_six_hours(workflow: Path) -> None:
    schema = check_jsonschema_schema("custom", "github-workflows-require-timeout.json")
    assert schema_errors(schema, load_yaml(workflow)) == []


def test_the_pre_commit_config_is_valid_for_pre_commit(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        config = load_config(str(PRE_COMMIT_CONFIG))  # raises InvalidConfigError, with the reason, if it is not
    assert caplog.messages == [], "pre-commit warns about the file (unknown keys or deprecated settings)"
    assert [hook["id"] for repo in config["repos"] for hook in repo["hooks"]] == [
        "plan-validate",
        "ruff-check",
        "ruff-format",
        "plan-schema",
    ]


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_every_action_is_pinned_to_a_full_commit_with_its_version_in_a_comment(workflow: Path) -> None:
    lines = [line for line in workflow.read_text(encoding="utf-8").splitlines() if re.match(r"\s*(-\s+)?uses:", line)]
    assert len(lines) >= 3
    assert [line.strip() for line in lines if not PINNED.match(line)] == []


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_every_container_is_pinned_by_digest(workflow: Path) -> None:
    images = [
        container if isinstance(container, str) else container["image"]
        for job in load_yaml(workflow)["jobs"].values()
        if (container := job.get("container"))
    ]
    assert [image for image in images if not BY_DIGEST.match(image)] == []


def test_the_tests_run_in_a_container_pinned_by_digest() -> None:
    assert BY_DIGEST.match(load_yaml(PR_WORKFLOW)["jobs"]["tester"]["container"])


def builds(step: dict[str, Any]) -> bool:
    """A step that builds the site or runs the tests: `make site` or `make test`."""
    return bool({"site", "test"} & set(make_invocations(step.get("run", ""))))


@pytest.mark.parametrize("workflow", [DEPLOY_WORKFLOW, PR_WORKFLOW], ids=lambda path: path.name)
def test_every_job_that_builds_keeps_the_cache_folder_between_runs_keyed_by_what_it_holds(workflow: Path) -> None:
    """actions/cache restores .cache/ (the PDFs made before) before `make site` or `make test`: keyed by the runner's
    system, the lock file, the code and the plan, and restored from an older key only with the same lock file."""
    jobs = [job for job in load_yaml(workflow)["jobs"].values() if any(builds(s) for s in job.get("steps", []))]
    assert jobs
    for job in jobs:
        uses = [step.get("uses", "") for step in job["steps"]]
        cache = next((s for s in job["steps"] if s.get("uses", "").startswith("actions/cache@")), None)
        assert cache is not None, f"{workflow.name}: no actions/cache step"
        assert uses.index(cache["uses"]) < next(n for n, s in enumerate(job["steps"]) if builds(s))
        key, restore = cache["with"]["key"], cache["with"]["restore-keys"]
        assert cache["with"]["path"].rstrip("/") == ".cache"
        assert "${{ runner.os }}" in key and "hashFiles('requirements.lock')" in key
        assert all(part in key for part in ("'schema.py'", "'scripts/**'", "'plan/**'"))
        assert key.startswith(restore) and restore.endswith("${{ hashFiles('requirements.lock') }}-")


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_no_permission_is_granted_to_a_whole_workflow_only_to_the_job_that_needs_it(workflow: Path) -> None:
    document = load_yaml(workflow)
    assert document["permissions"] == {}
    assert all("permissions" in job for job in document["jobs"].values())


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_a_job_that_runs_the_repositorys_code_can_only_read_and_a_job_that_can_write_runs_none(
    workflow: Path,
) -> None:
    for job_id, job in load_yaml(workflow)["jobs"].items():
        runs_code = any(RUNS_THE_CODE.search(step.get("run", "")) for step in job.get("steps", []))
        writes = sorted(scope for scope, level in job["permissions"].items() if level == "write")
        if runs_code:
            assert job["permissions"] == {"contents": "read"}, job_id
        else:
            assert len(writes) <= 1, job_id  # one kind of write for one job: push, or comment


def test_only_the_commenting_job_can_write_to_pull_requests_and_only_the_publishing_jobs_can_push() -> None:
    writers = {
        (workflow.name, job_id, scope)
        for workflow in WORKFLOWS
        for job_id, job in load_yaml(workflow)["jobs"].items()
        for scope, level in job["permissions"].items()
        if level == "write"
    }
    assert writers == {
        ("deploy.yml", "publiser", "contents"),
        ("pr.yml", "publiser-forhandsvisning", "contents"),
        ("pr.yml", "fjern-forhandsvisning", "contents"),
        ("pr.yml", "kommenter", "pull-requests"),
        ("oppfolging.yml", "meld", "issues"),
    }


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_no_checkout_leaves_its_token_behind_for_later_steps(workflow: Path) -> None:
    checkouts = [step for _, step in steps(workflow) if step.get("uses", "").startswith("actions/checkout@")]
    assert checkouts
    assert all(step.get("with", {}).get("persist-credentials") is False for step in checkouts)


def test_dependabot_keeps_the_actions_and_the_python_packages_up_to_date_after_a_week() -> None:
    config = load_yaml(DEPENDABOT)
    assert schema_errors(check_jsonschema_schema("vendor", "dependabot.json"), config) == []
    updates = {update["package-ecosystem"]: update for update in config["updates"]}
    assert set(updates) == {"github-actions", "pip"}
    assert all(update["directory"] == "/" for update in updates.values())
    assert all(update["cooldown"]["default-days"] >= 7 for update in updates.values())


def test_zizmor_finds_nothing_at_all_in_the_workflows_and_dependabot_even_pedantic() -> None:
    """Every audit, at every severity and confidence, with the pedantic ones (an undocumented permission, say)."""
    assert ZIZMOR.exists(), "zizmor is missing: it is in pyproject.toml's test extras (make .venv/bin/plan)"
    done = subprocess.run(
        [str(ZIZMOR), "--offline", "--pedantic", "--no-progress", "--format=json", str(ROOT / ".github")],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode in (0, 11, 12, 13, 14), done.stderr  # 0: nothing found; 11–14: findings, listed below
    findings = json.loads(done.stdout)
    assert [f"{f['ident']} ({f['determinations']['severity']}): {f['desc']}" for f in findings] == []
    # nothing silenced: no ignore comment in the files, no configuration that turns an audit off
    silenced = [p.name for p in (ROOT / ".github").rglob("*.y*ml") if "zizmor:" in p.read_text(encoding="utf-8")]
    assert silenced == [] and not list(ROOT.glob("*zizmor.y*ml")) and not list((ROOT / ".github").glob("zizmor.y*ml"))


def test_every_plan_command_run_by_the_workflows_and_hooks_exists() -> None:
    invocations = [(where, args, script) for where, script in scripts() for args in plan_invocations(script)]
    assert len(invocations) >= 3
    unknown = [
        f"{where}: plan {shlex.join(args)}"
        for where, args, script in invocations
        # `plan diff` arrived separately from the workflows: it may be used only behind its --help guard.
        if not plan_accepts(args) and not (args[0] == "diff" and DIFF_GUARD.search(script))
    ]
    assert unknown == []


def test_the_plan_diff_step_does_nothing_where_plan_diff_is_missing() -> None:
    diff_steps = [
        step["run"]
        for _, step in steps(PR_WORKFLOW)
        if any(args[0] == "diff" for args in plan_invocations(step.get("run", "")))
    ]
    assert len(diff_steps) == 1
    script = without_comments(diff_steps[0])
    assert DIFF_GUARD.search(script), "the step must hold: if ! .venv/bin/plan diff --help …; then … exit 0; fi"


def test_one_comment_per_pull_request_with_the_changes_the_preview_and_the_copy_to_download() -> None:
    job = load_yaml(PR_WORKFLOW)["jobs"]["kommenter"]
    [script] = [step["run"] for step in job["steps"] if step.get("name") == "Kommenter"]
    assert re.search(r"gh pr comment .*--edit-last --create-if-none", script)
    assert "endringer.md" in script and "sjekk.md" in script
    # the link texts the editors' guide tells editors to click
    assert "[Nettstedet]($PREVIEW_URL)" in script
    assert "[PDF-en](${PREVIEW_URL%/}/pdf/naeringsplan.pdf)" in script
    assert "[last ned nettstedet som zip-fil]($ARTIFACT_URL)" in script
    assert "Søket virker bare på nettet." in script
    guide = (ROOT / "scripts" / "templates" / "pages" / "guide-index.md.jinja").read_text(encoding="utf-8")
    for said in ("trykk «Nettstedet»", "«PDF-en»", "«last ned nettstedet som zip-fil»", "Søket virker bare på nettet"):
        assert said in " ".join(guide.split()), said
    assert job["steps"][-1]["env"]["PREVIEW_URL"] == "${{ needs.publiser-forhandsvisning.outputs.url }}"
    assert job["steps"][-1]["env"]["ARTIFACT_URL"] == "${{ needs.forhandsvisning.outputs.artifact-url }}"
    assert not any(step.get("uses", "").startswith("actions/checkout@") for step in job["steps"])


def test_every_make_target_run_by_the_workflows_and_hooks_exists() -> None:
    used = {(where, target) for where, script in scripts() for target in make_invocations(script)}
    assert {target for _, target in used} >= {".venv/bin/plan", "site", "test"}
    targets = make_targets()
    assert sorted(f"{where}: make {target}" for where, target in used if target not in targets) == []


def test_the_pull_request_workflow_marks_plan_errors_on_their_lines_and_lists_them_for_the_comment() -> None:
    runs = [step.get("run", "") for _, step in steps(PR_WORKFLOW)]
    [args] = [args for run in runs for args in plan_invocations(run) if args[0] == "validate"]
    assert args[:3] == ["validate", "--format", "github"]
    given = dict(zip(args[3::2], args[4::2], strict=True))
    assert set(given) == {"--comment", "--changed", "--link", "--link-base"}


def test_the_pull_request_workflow_fetches_the_whole_history_so_plan_diff_can_read_the_base_branch() -> None:
    jobs = load_yaml(PR_WORKFLOW)["jobs"]
    for job_id in ("forhandsvisning", "tester"):  # the jobs that run `plan diff` and the diff tests
        [checkout] = [step for step in jobs[job_id]["steps"] if step.get("uses", "").startswith("actions/checkout@")]
        assert checkout["with"]["fetch-depth"] == 0, job_id


def test_the_pull_request_workflow_uploads_the_site_for_the_web_preview_and_a_copy_to_open_from_disk() -> None:
    uploads = {
        step["with"]["name"]: step["with"]["path"]
        for _, step in steps(PR_WORKFLOW)
        if step.get("uses", "").startswith("actions/upload-artifact@")
    }
    assert uploads["nettsted"] == "site/"
    assert uploads["nettsted-forhandsvisning"] == "forhandsvisning/"
    runs = [step.get("run", "") for _, step in steps(PR_WORKFLOW)]
    assert ".venv/bin/plan build --offline --out forhandsvisning" in runs


def test_each_pull_request_gets_a_preview_on_the_pages_branch_removed_when_it_closes() -> None:
    workflow = load_yaml(PR_WORKFLOW)
    # «labeled»: a maintainer approves the preview of a bot's or a first-time contributor's commit with a label
    assert set(workflow["on"]["pull_request"]["types"]) == {"opened", "reopened", "synchronize", "closed", "labeled"}
    previews = {
        job_id: step["with"]
        for job_id, job in workflow["jobs"].items()
        for step in job["steps"]
        if step.get("uses", "").startswith("rossjrw/pr-preview-action@")
    }
    assert {job_id: given["action"] for job_id, given in previews.items()} == {
        "publiser-forhandsvisning": "deploy",
        "fjern-forhandsvisning": "remove",
    }
    assert all(
        given["preview-branch"] == "gh-pages" and given["umbrella-dir"] == "pr-preview" for given in previews.values()
    )
    assert all(given["comment"] is False for given in previews.values())
    jobs = workflow["jobs"]
    assert jobs["fjern-forhandsvisning"]["if"].startswith("github.event.action == 'closed'")
    assert all(
        jobs[job]["if"].startswith("github.event.action != 'closed' &&") for job in ("forhandsvisning", "tester")
    )
    fork_guard = "github.event.pull_request.head.repo.full_name == github.repository"
    assert all(
        fork_guard in jobs[job]["if"] for job in ("publiser-forhandsvisning", "fjern-forhandsvisning", "kommenter")
    )


def test_the_deploy_workflow_publishes_the_built_site_from_main_on_the_pages_branch_keeping_the_previews() -> None:
    workflow = load_yaml(DEPLOY_WORKFLOW)
    assert workflow["on"]["push"]["branches"] == ["main"]
    used = {step.get("uses", "").split("@")[0]: step for _, step in steps(DEPLOY_WORKFLOW)}
    assert used["actions/upload-artifact"]["with"]["path"] == "site/"
    deploy = used["JamesIves/github-pages-deploy-action"]["with"]
    assert deploy["branch"] == "gh-pages"
    assert deploy["clean"] is True and deploy["clean-exclude"] == "pr-preview/"
    assert deploy["force"] is False
    assert deploy["folder"] == used["actions/download-artifact"]["with"]["path"]
    assert workflow["jobs"]["publiser"]["environment"]["name"] == "github-pages"
    site_url = re.search(r"^site_url: (\S+)$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE)
    assert site_url and workflow["jobs"]["publiser"]["environment"]["url"] == site_url[1]


def test_the_plan_hook_runs_when_a_plan_file_or_the_schema_changes() -> None:
    [hook] = [
        hook
        for repo in load_yaml(PRE_COMMIT_CONFIG)["repos"]
        for hook in repo["hooks"]
        if hook["id"] == "plan-validate"
    ]
    changed = ["plan/actors.yaml", "plan/satsingsomrader/1-nettverk-og-klynger.yaml", "schema.py", "scripts/cli.py"]
    assert [path for path in changed if re.search(hook["files"], path)] == changed[:3]


def test_the_follow_up_workflow_runs_monthly_on_mains_code_and_only_gh_may_write_the_one_issue() -> None:
    from scripts.editor.status.followup import TITLE

    document = load_yaml(FOLLOW_UP_WORKFLOW)
    assert set(document["on"]) == {"schedule", "workflow_dispatch"}  # never a pull request's code
    (schedule,) = document["on"]["schedule"]
    _minute, _hour, day, month, weekday = schedule["cron"].split()
    assert (day, month, weekday) == ("1", "*", "*")
    assert document["permissions"] == {}
    make, report = document["jobs"]["lag-listen"], document["jobs"]["meld"]
    assert make["permissions"] == {"contents": "read"} and report["permissions"] == {"issues": "write"}
    assert report["needs"] == "lag-listen"
    assert not any(step.get("uses", "").startswith("actions/checkout@") for step in report["steps"])
    script = report["steps"][-1]
    assert script["env"]["TITLE"] == TITLE
    assert "gh issue edit" in script["run"] and "gh issue create" in script["run"]
    runs = " ".join(step.get("run", "") for step in make["steps"])
    assert plan_accepts(["status", "followup", "--site", "https://example.org/"]) and "plan status followup" in runs
    for step in (*make["steps"], *report["steps"]):
        if "uses" in step:
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), step["uses"]


def test_the_deploy_workflow_builds_every_morning_on_the_day_it_runs_so_the_pages_today_is_right() -> None:
    workflow = load_yaml(DEPLOY_WORKFLOW)
    assert [entry["cron"].split()[2:] for entry in workflow["on"]["schedule"]] == [["*", "*", "*"]]
    build = next(step for _, step in steps(DEPLOY_WORKFLOW) if "make site" in step.get("run", ""))
    assert build["run"].startswith('SOURCE_DATE_EPOCH="$(date +%s)" ')
