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
from scripts.pdf.document import plan_html
from scripts.present.lookups import SiteOptions
from scripts.publish import editions, providers
from scripts.publish.editions import site_text
from scripts.publish.pdfs import PdfCache, PdfJob, make_pdfs
from scripts.site.history import History
from scripts.site.pages import render_site
from scripts.site.registry import REGISTRY
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


def test_both_editions_are_read_from_git_and_their_pdfs_made_once_then_taken_from_the_cache(repo: Path) -> None:
    plan, problems = validate_folder(repo / "plan")
    assert plan is not None, problems
    found = editions.EditionReader().read(plan, repo / "plan")
    assert [(e.revision.version, e.pdf) for e in found] == [
        ("1.0", "pdf/utgave-1.0.pdf"),
        ("2.0", "pdf/utgave-2.0.pdf"),
    ]
    jobs = [PdfJob(editions.pdf_name(e.revision.version), plan_html(e.plan)) for e in found if e.plan is not None]
    cache = PdfCache(repo / ".cache" / "pdf")
    first = make_pdfs(jobs, repo / "site" / "pdf", cache)
    assert first.rendered == ["utgave-1.0.pdf", "utgave-2.0.pdf"] and first.cached == []
    again = make_pdfs(jobs, repo / "site2" / "pdf", cache)
    assert again.rendered == [] and again.cached == ["utgave-1.0.pdf", "utgave-2.0.pdf"]
    for name in again.cached:
        assert (repo / "site2" / "pdf" / name).read_bytes() == (repo / "site" / "pdf" / name).read_bytes()


def test_a_reader_reads_each_commit_once_and_keeps_only_the_plans_own_editions(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan, _ = validate_folder(repo / "plan")
    assert plan is not None
    reads: list[str] = []
    real = editions._plan_at
    monkeypatch.setattr(editions, "_plan_at", lambda repo, commit, on: reads.append(commit) or real(repo, commit, on))
    reader = editions.EditionReader()
    reader.read(plan, repo / "plan")
    reader.read(plan, repo / "plan")
    assert len(reads) == 2, "the second read of the same commits comes from the reader"
    revisions = [plan.plan.revisions[0], plan.plan.revisions[1].model_copy(update={"stage": "forslag"})]
    first_only = plan.model_copy(update={"plan": plan.plan.model_copy(update={"revisions": revisions})})
    assert len(reader.read(first_only, repo / "plan")) == 1
    assert len(reader._read) == 1, "a commit the plan no longer names is let go"


def test_the_history_links_each_pdf_and_the_changes_page_lists_the_changes(repo: Path) -> None:
    plan, _ = validate_folder(repo / "plan")
    assert plan is not None
    found = editions.EditionReader().read(plan, repo / "plan")
    registry = providers.wired(REGISTRY, editions.history(found))
    pages = render_site(plan, SiteOptions(plan_dir=repo / "plan"), registry)
    history = pages["historikk.md"]
    assert "pdf/utgave-1.0.pdf" in history and "pdf/utgave-2.0.pdf" in history
    assert "historikk/endringer-2-0.md" in history
    changes = pages["historikk/endringer-2-0.md"]
    assert "Tiltak 1.1.1 Nettverk for logistikk: pågår → fullført" in changes
    assert "Nettverket er etablert" in changes


def test_without_the_publishing_stage_the_site_makes_no_history_and_no_guide_pages(valid_plan: Any) -> None:
    """The site lays the pages out; their content comes only from the providers the publishing stage wires in."""
    pages = render_site(valid_plan)
    assert "historikk.md" not in pages and "veiledning/index.md" not in pages
    wired = providers.wired(REGISTRY, History())
    assert {"historikk.md", "veiledning/index.md"} <= set(render_site(valid_plan, registry=wired))


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
