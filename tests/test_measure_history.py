"""Each measure's own history, read from git by the publishing stage (publish/measure_history.py): «Teksten sist
endret» is the date of the last commit that changed the measure's own fields, not its file's, and the page ends with
the changes in plan diff's words, status updates left out. Without git history the page says nothing; the history
is kept by commit, so an unchanged build reads no git history again."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from tools import program

from conftest import VALID_PLAN, replace_once
from schema import Plan
from scripts.present.lookups import MeasureHistory, SiteOptions
from scripts.publish import measure_history
from scripts.publish.plugin import read_plan, site_options
from scripts.publish.providers import render_pages
from scripts.validate.commits import Repository

FILE = "plan/satsingsomrader/1-nettverk.yaml"
FIRST, STATUS_ONLY, TITLE, OTHER = dt.date(2024, 1, 10), dt.date(2024, 2, 20), dt.date(2024, 3, 30), dt.date(2024, 5, 5)
NEW_STATUS = """\
          - date: 2022-01-15
            status: pågår
            text: Nytt møte i nettverket.
"""


def commit(repo: Path, message: str, day: dt.date) -> None:
    stamp = f"{day.isoformat()}T12:00:00+01:00"
    env = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
    git = program("git")
    subprocess.run([git, "add", "-A"], cwd=repo, check=True, env=env)
    subprocess.run([git, "commit", "-q", "-m", message], cwd=repo, check=True, env=env)


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository with four commits: the plan; a status update of 1.1.1 only; a new title for 1.1.1; a new period
    for 1.1.2."""
    root = tmp_path_factory.mktemp("history") / "repo"
    shutil.copytree(VALID_PLAN, root / "plan")
    git = program("git")
    subprocess.run([git, "init", "-q", "-b", "main"], cwd=root, check=True)
    subprocess.run([git, "config", "user.name", "Test"], cwd=root, check=True)
    subprocess.run([git, "config", "user.email", "test@example.org"], cwd=root, check=True)
    commit(root, "the plan", FIRST)
    replace_once(root / FILE, "            text: I gang.\n", "            text: I gang.\n" + NEW_STATUS)
    commit(root, "a status update of 1.1.1", STATUS_ONLY)
    replace_once(root / FILE, "title: Nettverk for logistikk", "title: Klynge for logistikk")
    commit(root, "a new title for 1.1.1", TITLE)
    replace_once(root / FILE, "period: {start: 2024}", "period: {start: 2024, end: 2027}")
    commit(root, "a period for 1.1.2", OTHER)
    return root


def history(repo: Path, ident: str, limit: int = measure_history.MAX_COMMITS) -> MeasureHistory:
    repository = Repository.of(repo / "plan")
    assert repository is not None
    return measure_history.read(repository, limit=limit)[ident]


def lines(found: MeasureHistory) -> list[tuple[dt.date, str]]:
    return [(change.date, text) for change in found.changes for text, _ in change.lines]


def test_the_date_is_the_last_commit_that_changed_the_measures_own_fields(repo: Path) -> None:
    assert history(repo, "1.1.1").changed == TITLE  # not the status update's commit, nor the other measure's
    assert history(repo, "1.1.2").changed == OTHER


def test_the_log_says_what_changed_in_plan_diffs_words_newest_first_without_status_updates(repo: Path) -> None:
    assert lines(history(repo, "1.1.1")) == [
        (TITLE, "Tiltak 1.1.1 har fått ny tittel: «Nettverk for logistikk» → «Klynge for logistikk»"),
        (FIRST, "Nytt tiltak 1.1.1 «Nettverk for logistikk» under mål 1.1 (ansvarlig: Nes kommune, 2021–2023, pågår)"),
    ]
    assert lines(history(repo, "1.1.2"))[0] == (
        OTHER,
        "Tiltak 1.1.2 Nettverk for reiseliv: periode fra 2024 → 2024–2027",
    )


def test_the_measure_page_shows_the_date_and_ends_with_the_log(repo: Path) -> None:
    source, _ = read_plan(repo / "plan", dt.date(2024, 6, 1))
    assert source is not None
    page = render_pages(source.plan, site_options(source, repo, None))["tiltak/1-1-1.md"]
    assert 'Teksten sist endret <time datetime="2024-03-30">30. mars 2024</time>.' in page
    log = page.split("## Endringer i tiltaket", 1)[1]
    assert (
        "- **30. mars 2024** – Tiltak 1.1.1 har fått ny tittel: «Nettverk for logistikk» → «Klynge for logistikk»"
        in log
    )
    assert "Nytt møte i nettverket" not in log and "statusoppdatering" not in log.split("\n\n", 2)[2]


def test_a_history_cut_short_gives_no_date_for_a_measure_not_changed_in_what_was_read(repo: Path) -> None:
    assert history(repo, "1.1.2", limit=2).changed == OTHER  # the newest two commits: the title and the period
    cut = history(repo, "1.1.1", limit=1)  # only the newest commit, which changed 1.1.2
    assert cut.changed is None and not cut.complete
    options = SiteOptions(histories={"1.1.1": cut})
    page = render_pages(plan_of(repo), options)["tiltak/1-1-1.md"]
    assert "Teksten sist endret" not in page and "## Endringer i tiltaket" not in page


def plan_of(repo: Path) -> Plan:
    source, _ = read_plan(repo / "plan", dt.date(2024, 6, 1))
    assert source is not None
    return source.plan


def test_a_shallow_clone_claims_no_change_it_cannot_see(repo: Path, tmp_path: Path) -> None:
    shallow = tmp_path / "shallow"
    git = program("git")
    subprocess.run([git, "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow)], check=True)
    found = history(shallow, "1.1.1")
    assert found.changed is None and not found.complete  # not «Nytt tiltak» on the day of the clone's one commit


def test_without_git_history_the_page_says_nothing(tmp_path: Path) -> None:
    shutil.copytree(VALID_PLAN, tmp_path / "plan")  # a folder outside any repository, as from a zip
    assert measure_history.histories(tmp_path / "plan") == {}
    source, _ = read_plan(tmp_path / "plan", dt.date(2024, 6, 1))
    assert source is not None
    page = render_pages(source.plan, site_options(source, tmp_path, None))["tiltak/1-1-1.md"]
    assert "Teksten sist endret" not in page and "## Endringer i tiltaket" not in page


def test_the_history_is_kept_by_commit_and_read_again_after_a_new_one(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = tmp_path / "memo"
    first = measure_histories(repo, kept)
    monkeypatch.setattr(measure_history, "read", failing)
    assert measure_histories(repo, kept) == first  # the same commit: from the cache, no git log
    clone = tmp_path / "clone"
    subprocess.run([program("git"), "clone", "-q", f"file://{repo}", str(clone)], check=True)
    replace_once(clone / FILE, "title: Klynge for logistikk", "title: Klynge for logistikk og lager")
    commit(clone, "another title", dt.date(2024, 6, 1))
    with pytest.raises(AssertionError, match="read again"):
        measure_histories(clone, kept)


def measure_histories(repo: Path, kept: Path) -> dict[str, MeasureHistory]:
    return measure_history.histories(repo / "plan", memo_folder=kept)


def failing(*args: object, **kwargs: object) -> dict[str, MeasureHistory]:
    raise AssertionError("read again")
