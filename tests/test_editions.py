"""The adopted editions are kept: each revision's commit holds the plan as adopted; the site offers each edition's
PDF (made once, then taken from the cache) and a page «Endringer i rulleringen» between consecutive editions."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser
from test_browser import page_failures
from tools import program

from conftest import replace_once, run_plan, serving
from scripts.publish import editions
from scripts.site.editions import site_text
from scripts.site.lookups import SiteOptions
from scripts.site.pages import render_site
from scripts.validate.validator import validate_folder

SECOND = '  - version: "2.0"\n    title: Rullering\n    date: 2023-06-01\n    stage: vedtatt\n    changes: Nytt tiltak.\n    decision:\n      body: Styret i regionrådet\n      date: 2023-06-01\n'


def _git(repo: Path, *args: str) -> str:
    return subprocess.run([program("git"), *args], cwd=repo, check=True, capture_output=True, text=True).stdout.strip()


def _commit(repo: Path, message: str) -> str:
    _git(repo, "add", "-A")
    _git(repo, "-c", "user.name=Test", "-c", "user.email=t@example.no", "commit", "-qm", message)
    return _git(repo, "rev-parse", "HEAD")


@pytest.fixture
def repo(workdir: Path) -> Path:
    """A git repository with two adopted editions (1.0, then 2.0 with a new status update) and plan.yaml
    pointing at both commits."""
    _git(workdir, "init", "-q")
    first = _commit(workdir, "1.0")
    fa = workdir / "plan" / "satsingsomrader" / "1-nettverk.yaml"
    replace_once(
        fa,
        "            text: I gang.\n",
        "            text: I gang.\n          - date: 2023-05-30\n            status: fullført\n            text: Nettverket er etablert.\n",
    )
    replace_once(workdir / "plan" / "plan.yaml", "    stage: vedtatt\n", "    stage: vedtatt\n    commit: COMMIT1\n")
    plan_yaml = workdir / "plan" / "plan.yaml"
    plan_yaml.write_text(plan_yaml.read_text().replace("COMMIT1", first) + SECOND, encoding="utf-8")
    second = _commit(workdir, "2.0")
    plan_yaml.write_text(plan_yaml.read_text() + f"    commit: {second}\n", encoding="utf-8")
    return workdir


def test_both_editions_are_built_once_and_then_taken_from_the_cache(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan, problems = validate_folder(repo / "plan")
    assert plan is not None, problems
    made: list[Any] = []
    real = editions.write_pdf
    monkeypatch.setattr(editions, "write_pdf", lambda p, out: made.append(out) or real(p, out))
    found = editions.editions(plan, repo / "plan")
    first = editions.write_pdfs(found, repo / "site" / "pdf", repo / "plan")
    assert [p.name for p in first] == ["utgave-1.0.pdf", "utgave-2.0.pdf"]
    assert len(made) == 2
    again = editions.write_pdfs(found, repo / "site2" / "pdf", repo / "plan")
    assert len(made) == 2, "the second build must take both PDFs from the cache"
    assert [p.read_bytes() for p in again] == [p.read_bytes() for p in first]


def test_the_history_links_each_pdf_and_the_changes_page_lists_the_changes(repo: Path) -> None:
    plan, _ = validate_folder(repo / "plan")
    assert plan is not None
    pages = render_site(plan, SiteOptions(plan_dir=repo / "plan"))
    history = pages["historikk.md"]
    assert "pdf/utgave-1.0.pdf" in history and "pdf/utgave-2.0.pdf" in history
    assert "historikk/endringer-2-0.md" in history
    changes = pages["historikk/endringer-2-0.md"]
    assert "Tiltak 1.1.1 Nettverk for logistikk: pågår → fullført" in changes
    assert "Nettverket er etablert" in changes


def test_an_unknown_commit_is_an_error_that_names_the_line_and_the_fix(repo: Path) -> None:
    plan_yaml = repo / "plan" / "plan.yaml"
    text = plan_yaml.read_text()
    last = text.rsplit("commit: ", 1)[1].strip()
    plan_yaml.write_text(text.replace(last, "ab" * 20), encoding="utf-8")
    plan, problems = validate_folder(repo / "plan")
    assert plan is None
    (problem,) = [p for p in problems if "commit" in p.message]
    assert problem.file.endswith("plan.yaml") and problem.line == len(text.splitlines())
    assert "finnes ikke i git-repositoriet" in problem.message and "git log" in problem.message


def test_the_site_text_shows_plan_text_literally() -> None:
    assert site_text(r"Tiltak «\<script\>» \& \*x\*") == "Tiltak «&#60;script&#62;» &#38; &#42;x&#42;"


@pytest.mark.browser
@pytest.mark.slow
def test_the_history_and_changes_pages_are_accessible_in_the_browser(repo: Path, browser: Browser) -> None:
    site = repo / "site"
    result = run_plan("build", "--plan", str(repo / "plan"), "--out", str(site), cwd=repo)
    assert result.code == 0, result.stderr
    assert (site / "pdf" / "utgave-2.0.pdf").exists()
    with serving(site) as server:
        assert page_failures(browser, server, ["historikk/", "historikk/endringer-2-0/"]) == []
