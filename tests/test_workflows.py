"""The GitHub Actions workflows and the pre-commit hooks: valid files that run commands which exist.

The workflows are checked offline against the GitHub workflow schema that check-jsonschema ships (a copy of
schemastore.org's), the pre-commit file with pre-commit's own validator (check-jsonschema has no schema for it).
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import re
import shlex
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from pre_commit.clientlib import load_config
from ruamel.yaml import YAML

from conftest import ROOT
from scripts.cli import build_parser

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
PR_WORKFLOW = ROOT / ".github" / "workflows" / "pr.yml"
DEPLOY_WORKFLOW = ROOT / ".github" / "workflows" / "deploy.yml"
PRE_COMMIT_CONFIG = ROOT / ".pre-commit-config.yaml"

# owner/repo[/path]@v1, @v1.2.3 or @<full commit SHA>: never a branch such as main or master.
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$")
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
def test_every_action_is_pinned_to_a_version_never_a_branch(workflow: Path) -> None:
    jobs = load_yaml(workflow)["jobs"].values()
    uses = [job["uses"] for job in jobs if "uses" in job] + [s["uses"] for _, s in steps(workflow) if "uses" in s]
    assert uses
    assert [action for action in uses if not PINNED.match(action)] == []


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


def test_the_plan_diff_comment_does_nothing_where_plan_diff_is_missing_and_updates_one_comment() -> None:
    diff_steps = [
        step["run"]
        for _, step in steps(PR_WORKFLOW)
        if any(args[0] == "diff" for args in plan_invocations(step.get("run", "")))
    ]
    assert len(diff_steps) == 1
    script = without_comments(diff_steps[0]).lstrip("\n")
    guard = DIFF_GUARD.match(script)
    assert guard, "the step must start with: if ! .venv/bin/plan diff --help …; then … exit 0; fi"
    assert re.search(r"gh pr comment .*--edit-last --create-if-none", script[guard.end() :])


def test_every_make_target_run_by_the_workflows_and_hooks_exists() -> None:
    used = {(where, target) for where, script in scripts() for target in make_invocations(script)}
    assert {target for _, target in used} >= {".venv/bin/plan", "site", "test"}
    targets = make_targets()
    assert sorted(f"{where}: make {target}" for where, target in used if target not in targets) == []


def test_the_pull_request_workflow_marks_plan_errors_on_their_lines() -> None:
    runs = [step.get("run", "") for _, step in steps(PR_WORKFLOW)]
    assert [run for run in runs if "plan validate" in run] == [".venv/bin/plan validate --format github"]


def test_the_pull_request_workflow_fetches_the_whole_history_so_plan_diff_can_read_the_base_branch() -> None:
    checkouts = [step for _, step in steps(PR_WORKFLOW) if step.get("uses", "").startswith("actions/checkout@")]
    assert checkouts
    assert all(step.get("with", {}).get("fetch-depth") == 0 for step in checkouts)


def test_the_pull_request_workflow_uploads_the_built_site_for_preview() -> None:
    uploads = [
        step["with"] for _, step in steps(PR_WORKFLOW) if step.get("uses", "").startswith("actions/upload-artifact@")
    ]
    assert [(upload["name"], upload["path"]) for upload in uploads] == [("nettsted-forhandsvisning", "site/")]


def test_the_deploy_workflow_publishes_the_built_site_from_main_on_github_pages() -> None:
    workflow = load_yaml(DEPLOY_WORKFLOW)
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["permissions"]["pages"] == "write"
    assert workflow["permissions"]["id-token"] == "write"
    used = {step.get("uses", "").split("@")[0]: step for _, step in steps(DEPLOY_WORKFLOW)}
    assert used["actions/upload-pages-artifact"]["with"]["path"] == "site/"
    assert "actions/deploy-pages" in used
    assert any(job.get("environment", {}).get("name") == "github-pages" for job in workflow["jobs"].values())


def test_the_plan_hook_runs_when_a_plan_file_or_the_schema_changes() -> None:
    [hook] = [
        hook
        for repo in load_yaml(PRE_COMMIT_CONFIG)["repos"]
        for hook in repo["hooks"]
        if hook["id"] == "plan-validate"
    ]
    changed = ["plan/actors.yaml", "plan/satsingsomrader/1-nettverk-og-klynger.yaml", "schema.py", "scripts/cli.py"]
    assert [path for path in changed if re.search(hook["files"], path)] == changed[:3]
