"""CI that checks every change: every pull request runs the checks whatever it touches; the comment is written after
every push, failing ones included, naming the commit it shows and, on failure, the errors; a public preview of a
bot's or a first-time contributor's commit waits for a maintainer's label; only main is published.

The comment's script runs here under bash, as GitHub runs a step (`bash -e`), with a stand-in for `gh` that keeps
the comment; the jobs' `if:` conditions are evaluated for the events that matter by a small reader of GitHub's
expression syntax (the operators and functions those conditions use)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from test_review_comment import rename_an_actor
from test_workflows import DEPENDABOT, DEPLOY_WORKFLOW, PR_WORKFLOW, WORKFLOWS, load_yaml
from tools import program

from conftest import ROOT, run_plan

LABEL = "godkjent-forhandsvisning"
HEAD_SHA = "abcdef1234567890abcdef1234567890abcdef12"
PREVIEW = "https://gardermoregionen.github.io/naeringsplan/pr-preview/pr-7/"
ARTIFACT = "https://github.com/gardermoregionen/naeringsplan/actions/runs/1/artifacts/2"


# -- a reader of GitHub's expressions, enough for the conditions of these workflows ---------------------------------


class Context(dict[str, Any]):
    """A context object: `a.b` reads a key (missing: None), `a.*.b` the key of every item."""

    def __getattr__(self, name: str) -> Any:
        return wrap(self.get(name))

    def every(self, key: str) -> list[Any]:
        return [item.get(key) for item in self.get("_items", [])]


def wrap(value: Any) -> Any:
    return Context(value) if isinstance(value, dict) else value


def evaluate(expression: str, github: dict[str, Any], **functions: Any) -> bool:
    """`expression` (without `${{ }}`) for the context `github`: `&&`, `||`, `!`, `==`, `!=`, `contains`,
    `fromJSON`, `format` and the status functions given in `functions` (`cancelled`)."""
    python = re.sub(r"\.\*\.(\w+)", r".every('\1')", expression.replace("\n", " "))
    python = python.replace("&&", " and ").replace("||", " or ")
    python = re.sub(r"!(?!=)", " not ", python)
    names = {"github": wrap(github), "contains": lambda a, b: b in a, "fromJSON": json.loads, **functions}
    return bool(eval(python, {"__builtins__": {}}, names))  # the workflow's own text, no builtins


def pull_request_event(action: str, association: str = "MEMBER", user: str = "User", **more: Any) -> dict[str, Any]:
    """The `github` context of a pull_request event in this repository."""
    pull = {
        "number": 7,
        "author_association": association,
        "user": {"type": user},
        "head": {"repo": {"full_name": "gardermoregionen/naeringsplan"}, "sha": HEAD_SHA},
        "labels": {"_items": [{"name": name} for name in more.pop("labels", [])]},
    }
    event = {"action": action, "pull_request": pull, "sender": {"type": more.pop("sender", user)}, **more}
    return {"repository": "gardermoregionen/naeringsplan", "event": event, "ref": "refs/pull/7/merge"}


def job_runs(job: str, github: dict[str, Any], workflow: Path = PR_WORKFLOW) -> bool:
    condition = load_yaml(workflow)["jobs"][job].get("if")
    return condition is None or evaluate(condition, github, cancelled=lambda: False)


# -- every pull request is checked ----------------------------------------------------------------------------------


def test_every_pull_request_runs_the_checks_whatever_it_touches() -> None:
    """No path filter: a change to a workflow, the Makefile, a test or .ci/ (Dependabot's action updates too) runs
    every check, as dependabot.yml promises."""
    trigger = load_yaml(PR_WORKFLOW)["on"]["pull_request"]
    assert not {"paths", "paths-ignore", "branches", "branches-ignore"} & set(trigger)
    assert "checks like any other change" in " ".join(DEPENDABOT.read_text(encoding="utf-8").split())
    for action in ("opened", "synchronize", "reopened"):
        for who in ({"association": "MEMBER"}, {"association": "NONE", "user": "Bot"}):
            github = pull_request_event(action, **who)
            assert job_runs("forhandsvisning", github) and job_runs("tester", github), (action, who)


def test_another_label_starts_no_checks_and_cancels_none() -> None:
    github = pull_request_event("labeled", label={"name": "dokumentasjon"}, run_id="99")
    assert not job_runs("forhandsvisning", github) and not job_runs("tester", github)
    group = load_yaml(PR_WORKFLOW)["concurrency"]["group"]
    assert "format('-{0}', github.run_id)" in group and f"github.event.label.name != '{LABEL}'" in group


# -- the preview is published only for a trusted commit or a maintainer's label --------------------------------------


@pytest.mark.parametrize(
    ("action", "who", "published"),
    [
        ("opened", {"association": "MEMBER"}, True),
        ("synchronize", {"association": "COLLABORATOR"}, True),
        ("opened", {"association": "OWNER"}, True),
        ("opened", {"association": "NONE", "user": "Bot"}, False),  # Dependabot
        ("synchronize", {"association": "FIRST_TIME_CONTRIBUTOR"}, False),
        ("synchronize", {"association": "CONTRIBUTOR"}, False),
        ("synchronize", {"association": "MEMBER", "sender": "Bot"}, False),  # a bot pushed to a member's branch
        ("synchronize", {"association": "NONE", "user": "Bot", "labels": [LABEL]}, False),  # approved an older one
        ("labeled", {"association": "NONE", "user": "Bot", "sender": "User", "label": {"name": LABEL}}, True),
        ("labeled", {"association": "FIRST_TIMER", "sender": "User", "label": {"name": LABEL}}, True),
        ("labeled", {"association": "NONE", "user": "Bot", "sender": "Bot", "label": {"name": LABEL}}, False),
        ("labeled", {"association": "NONE", "user": "Bot", "sender": "User", "label": {"name": "annet"}}, False),
    ],
)
def test_a_preview_is_public_at_once_only_for_people_with_write_access_else_after_a_maintainers_label(
    action: str, who: dict[str, Any], published: bool
) -> None:
    assert job_runs("publiser-forhandsvisning", pull_request_event(action, **who)) is published


def test_the_gate_is_decided_from_the_event_never_by_the_job_that_ran_the_pull_requests_code() -> None:
    condition = load_yaml(PR_WORKFLOW)["jobs"]["publiser-forhandsvisning"]["if"]
    assert "needs." not in condition and "steps." not in condition


def test_a_fork_gets_no_preview_and_no_comment() -> None:
    github = pull_request_event("opened", association="OWNER")
    github["event"]["pull_request"]["head"]["repo"]["full_name"] = "someone/naeringsplan"
    assert not job_runs("publiser-forhandsvisning", github) and not job_runs("kommenter", github)


def test_the_approval_label_is_removed_when_a_new_commit_comes_and_the_guide_names_it() -> None:
    job = load_yaml(PR_WORKFLOW)["jobs"]["kommenter"]
    assert job["env"]["LABEL"] == LABEL
    [remove] = [step for step in job["steps"] if "labels/$LABEL" in step.get("run", "")]
    assert "gh api --method DELETE" in remove["run"]
    assert evaluate(remove["if"], pull_request_event("synchronize", labels=[LABEL]))
    assert not evaluate(remove["if"], pull_request_event("labeled", labels=[LABEL], label={"name": LABEL}))
    guide = (ROOT / "scripts" / "templates" / "pages" / "guide-index.md.jinja").read_text(encoding="utf-8")
    assert f"«{LABEL}»" in guide and "Dependabot" in guide


# -- the comment after every push ----------------------------------------------------------------------------------


def test_the_comment_is_written_after_every_push_failing_ones_included_but_not_after_a_cancelled_run() -> None:
    workflow = load_yaml(PR_WORKFLOW)
    condition = workflow["jobs"]["kommenter"]["if"]
    github = pull_request_event("synchronize")
    assert evaluate(condition, github, cancelled=lambda: False)  # whatever the jobs before it gave
    assert not evaluate(condition, github, cancelled=lambda: True)  # a newer push's run comments instead
    assert "result == 'success'" not in condition
    [upload] = [
        s for s in workflow["jobs"]["forhandsvisning"]["steps"] if s.get("name") == "Last opp det kommentaren skal si"
    ]
    assert upload["if"] == "${{ !cancelled() }}" and upload["with"]["name"] == "kommentar"
    [download] = [s for s in workflow["jobs"]["kommenter"]["steps"] if s.get("uses", "").startswith("actions/download")]
    assert download["continue-on-error"] is True and download["with"]["name"] == "kommentar"


def comment_step() -> dict[str, Any]:
    [step] = [s for s in load_yaml(PR_WORKFLOW)["jobs"]["kommenter"]["steps"] if s.get("name") == "Kommenter"]
    return step


def write_comment(tmp_path: Path, given: dict[str, str], **env: str) -> str:
    """Run the comment step's script as GitHub does (`bash -e`), with the artifact's files `given` and the step's
    environment `env`; `gh` is a stand-in that keeps the comment. The comment's text."""
    tmp_path.mkdir()
    if given:  # else the artifact was never uploaded
        (tmp_path / "kommentar").mkdir()
    for name, text in given.items():
        (tmp_path / "kommentar" / name).write_text(text, encoding="utf-8")
    (tmp_path / "bin").mkdir()
    gh = tmp_path / "bin" / "gh"
    gh.write_text('#!/bin/sh\necho "$@" > "$RUNNER_TEMP/gh-args"\ncp "$7" "$RUNNER_TEMP/kommentert.md"\n')
    gh.chmod(0o755)
    script = tmp_path / "kommenter.sh"
    script.write_text(comment_step()["run"], encoding="utf-8")
    defaults = {"RESULT": "success", "PUBLISHED": "success", "PREVIEW_URL": "", "ARTIFACT_URL": ""}
    environment = {
        "PATH": f"{tmp_path / 'bin'}:/usr/bin:/bin",
        "RUNNER_TEMP": str(tmp_path),
        "PR_NUMBER": "7",
        "LABEL": LABEL,
        "HEAD_SHA": HEAD_SHA,
        "COMMIT_URL": f"https://github.com/gardermoregionen/naeringsplan/pull/7/commits/{HEAD_SHA}",
        "RUN_URL": "https://github.com/gardermoregionen/naeringsplan/actions/runs/1",
        **defaults,
        **env,
    }
    done = subprocess.run([program("bash"), "-e", str(script)], env=environment, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "gh-args").read_text().split()[:5] == ["pr", "comment", "7", "--edit-last", "--create-if-none"]
    return (tmp_path / "kommentert.md").read_text(encoding="utf-8")


def test_the_comment_step_gets_the_commit_the_results_and_the_links_from_the_run() -> None:
    env = comment_step()["env"]
    assert env["HEAD_SHA"] == "${{ github.event.pull_request.head.sha }}"
    assert env["RESULT"] == "${{ needs.forhandsvisning.result }}"
    assert env["PUBLISHED"] == "${{ needs.publiser-forhandsvisning.result }}"
    assert set(env) >= {"COMMIT_URL", "PREVIEW_URL", "ARTIFACT_URL", "RUN_URL"}


def test_a_failing_push_gets_a_comment_naming_its_commit_with_the_errors_and_no_old_preview(
    workdir: Path, tmp_path: Path
) -> None:
    rename_an_actor(workdir)
    link = "https://github.com/gardermoregionen/naeringsplan/blob/x/"
    result = run_plan(
        "validate", "--plan", "plan", "--comment", "sjekk.md", "--changed", "changed.txt", "--link", link, cwd=workdir
    )
    assert result.code == 1
    given = {"sjekk.md": (workdir / "sjekk.md").read_text(encoding="utf-8")}
    text = write_comment(tmp_path / "ci", given, RESULT="failure", PUBLISHED="skipped")
    assert f"Gjelder commit [`{HEAD_SHA[:7]}`](https://github.com/" in text
    assert "**Sjekken eller byggingen feilet for denne commiten.**" in text
    assert "#### I filer som ikke er endret i denne pull requesten" in text
    assert f"[`plan/satsingsomrader/1-nettverk.yaml` linje 14]({link}plan/satsingsomrader/1-nettverk.yaml#L14)" in text
    assert "Ingen ny forhåndsvisning for denne commiten." in text
    assert "[Nettstedet]" not in text and "zip-fil" not in text


def test_a_failing_build_puts_the_end_of_its_log_in_the_comment(tmp_path: Path) -> None:
    log = "".join(f"linje {n}\n" for n in range(1, 41)) + "make: *** [Makefile:60: site] Error 1 `x`\n"
    given = {"sjekk.md": "**Planen er gyldig.**\n", "bygg.log": log}
    text = write_comment(tmp_path / "ci", given, RESULT="failure", PUBLISHED="skipped")
    assert "#### Slutten av loggen fra byggingen" in text
    block = text.split("```text\n")[1].split("```")[0]
    assert block.splitlines()[-1] == "make: *** [Makefile:60: site] Error 1 'x'"  # a backtick cannot end the block
    assert "linje 12\n" in block and "linje 11\n" not in block  # the last 30 lines


def test_a_run_that_stopped_before_the_check_says_so(tmp_path: Path) -> None:
    text = write_comment(tmp_path / "ci", {}, RESULT="failure", PUBLISHED="skipped")
    assert "Planen ble ikke sjekket: kjøringen stoppet før sjekken." in text
    assert HEAD_SHA[:7] in text


def test_a_good_push_gets_the_changes_and_the_preview_of_its_commit(tmp_path: Path) -> None:
    given = {"sjekk.md": "**Planen er gyldig.**\n", "endringer.md": "## Endringer i planen\n\n- Tiltak 1.1.1 …\n"}
    text = write_comment(tmp_path / "ci", given, PREVIEW_URL=PREVIEW, ARTIFACT_URL=ARTIFACT)
    assert "feilet" not in text
    assert "**Planen er gyldig.**" in text and "## Endringer i planen" in text
    assert f"- [Nettstedet]({PREVIEW})" in text and f"- [PDF-en]({PREVIEW}pdf/naeringsplan.pdf)" in text
    assert f"[last ned nettstedet som zip-fil]({ARTIFACT})" in text


def test_a_preview_waiting_for_approval_says_who_approves_it_and_how(tmp_path: Path) -> None:
    given = {"sjekk.md": "**Planen er gyldig.**\n", "endringer.md": "## Endringer i planen\n"}
    text = write_comment(tmp_path / "ci", given, PUBLISHED="skipped", ARTIFACT_URL=ARTIFACT)
    assert f"når en vedlikeholder har sett over endringene og satt merkelappen «{LABEL}»" in text
    assert "[Nettstedet]" not in text and f"({ARTIFACT})" in text


# -- only main is published -----------------------------------------------------------------------------------------


def test_only_main_is_ever_published_even_when_started_by_hand_on_another_branch() -> None:
    jobs = load_yaml(DEPLOY_WORKFLOW)["jobs"]
    for ref, published in (("refs/heads/main", True), ("refs/heads/forslag", False), ("refs/tags/v1", False)):
        github = {"ref": ref, "event": {}}
        assert [job_runs(job, github, DEPLOY_WORKFLOW) for job in jobs] == [published] * len(jobs), ref


def test_no_other_workflow_pushes_to_the_pages_branch_from_anything_but_a_pull_requests_preview() -> None:
    pushers = {
        (workflow.name, job_id)
        for workflow in WORKFLOWS
        for job_id, job in load_yaml(workflow)["jobs"].items()
        if job["permissions"].get("contents") == "write"
    }
    assert pushers == {
        ("deploy.yml", "publiser"),
        ("pr.yml", "publiser-forhandsvisning"),
        ("pr.yml", "fjern-forhandsvisning"),
    }
