"""Publishing is all or nothing: `plan build` replaces the site only when every step succeeded. A failure at any
step, a full disk or an interrupt leaves the previous site byte for byte as it was, with no half-built folder
left beside it. And two builds of the same commit, at different times in different folders, give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
import pytest
from tools import program

from conftest import PLAN_COMMAND, ROOT, VALID_PLAN, not_source, run_plan
from schema import Plan
from scripts.core.followup import status_as_of
from scripts.publish import build as publish
from scripts.publish.pdfs import PdfCache
from scripts.publish.plugin import PlanSource, read_plan, site_day

STAGING = ".site-ny-"


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file under `folder` with the sha256 of its bytes."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def leftovers(folder: Path) -> list[str]:
    """Half-built or moved-aside sites beside the output."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith((STAGING, ".site-gammel")))


@pytest.fixture
def published(workdir: Path) -> Path:
    """A folder with a plan and a previously published site (a stand-in, so that any change to it shows)."""
    site = workdir / "site"
    (site / "pdf").mkdir(parents=True)
    (site / "index.html").write_text("<p>Forrige utgave av nettstedet</p>\n", encoding="utf-8")
    (site / "pdf" / "naeringsplan.pdf").write_bytes(b"%PDF-1.7 forrige utgave")
    return workdir


def assert_unchanged(workdir: Path, before: dict[str, str]) -> None:
    assert fingerprint(workdir / "site") == before
    assert leftovers(workdir) == []


# -- a failure at each step ----------------------------------------------------------------------------------


def test_an_invalid_plan_is_reported_and_the_site_is_left_as_it_was(published: Path) -> None:
    before = fingerprint(published / "site")
    plan_file = published / "plan" / "plan.yaml"
    plan_file.write_text(plan_file.read_text(encoding="utf-8") + "title: [uavsluttet\n", encoding="utf-8")
    result = run_plan("build", cwd=published)
    assert result.code == 1
    assert "plan/plan.yaml:" in result.stderr
    assert "Nettstedet er ikke bygget; site er som før." in result.stdout
    assert_unchanged(published, before)


@pytest.mark.slow  # the link check runs on the whole built site
def test_a_link_to_a_page_that_does_not_exist_stops_the_build_and_names_the_link(published: Path) -> None:
    before = fingerprint(published / "site")
    area = next((published / "plan" / "satsingsomrader").glob("*.yaml"))
    text = area.read_text(encoding="utf-8")
    area.write_text(text.replace("description: Et nettverk.", "description: Se [referatet](referat-2024.md)."))
    result = run_plan("build", cwd=published)
    assert result.code == 1
    assert "byggingen feilet, og site er som før" in result.stderr
    assert "referat-2024.md" in result.stderr
    assert "Traceback" not in result.stderr
    assert_unchanged(published, before)


def validated(folder: Path) -> PlanSource:
    source, problems = read_plan(folder)
    assert problems == [] and source is not None
    return source


def _broken_template_environment(*args: Any) -> jinja2.Environment:
    raise jinja2.TemplateSyntaxError("unexpected '}'", lineno=3, name="measure.md.jinja")


def _failing_pdf(*args: Any, **kwargs: Any) -> None:
    raise RuntimeError("WeasyPrint kunne ikke tegne siden")


def _full_disk_pdf(*args: Any, **kwargs: Any) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "site/pdf/naeringsplan.pdf")


def _full_disk_after(writes: int) -> Callable[..., None]:
    """MkDocs' own file writer, failing with «no space left on device» after `writes` files."""
    import mkdocs.utils

    real = mkdocs.utils.write_file
    count = {"n": 0}

    def write_file(content: bytes, output_path: str) -> None:
        count["n"] += 1
        if count["n"] > writes:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), output_path)
        real(content, output_path)

    return write_file


FAILURES = {
    "a template error": (
        "scripts.site.pages.markdown_environment",
        lambda: _broken_template_environment,
        "feil i verktøyet",
    ),
    "a PDF error": ("scripts.pdf.document.render_pdf", lambda: _failing_pdf, "WeasyPrint kunne ikke tegne siden"),
    "a full disk while writing pages": (
        "mkdocs.utils.write_file",
        lambda: _full_disk_after(20),
        "ikke plass på disken",
    ),
    "a full disk while writing the PDF": (
        "scripts.pdf.document.render_pdf",
        lambda: _full_disk_pdf,
        "ikke plass på disken",
    ),
}


#: Failures that come after MkDocs has built the whole site: a full build each.
AFTER_THE_SITE = {"a PDF error", "a full disk while writing the PDF"}


@pytest.mark.parametrize(
    "failure", [pytest.param(f, marks=[pytest.mark.slow] if f in AFTER_THE_SITE else []) for f in FAILURES]
)
def test_a_failing_step_raises_a_norwegian_message_and_leaves_the_site_as_it_was(
    published: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    target, make, message = FAILURES[failure]
    monkeypatch.setattr(target, make())
    before = fingerprint(published / "site")
    with pytest.raises(publish.BuildFailed, match=message):  # no cache: every PDF is rendered, and fails
        publish.build_site(published / "site", validated(published / "plan"), pdf_cache=PdfCache(None))
    assert_unchanged(published, before)


def small_files_only() -> None:
    """Run in the child before the command: no file may grow past 50 kB, as on a full disk. The write then
    fails with EFBIG instead of the signal that would kill the process."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (50_000, 50_000))


def run_on_a_full_disk(workdir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The `plan` command with the 50 kB file limit."""
    return subprocess.run(
        [str(PLAN_COMMAND), *args],
        cwd=workdir,
        capture_output=True,
        text=True,
        preexec_fn=small_files_only,
        check=False,
    )


def test_a_disk_that_refuses_to_grow_gives_a_message_and_leaves_the_site_as_it_was(published: Path) -> None:
    """A real refusal from the kernel: every file the build writes may be at most 50 kB (RLIMIT_FSIZE)."""
    before = fingerprint(published / "site")
    done = run_on_a_full_disk(published, "build")
    assert done.returncode == 1, done.stderr
    assert "Det er ikke plass på disken" in done.stderr
    assert "Traceback" not in done.stderr
    assert_unchanged(published, before)


def test_a_pdf_that_cannot_be_written_leaves_the_previous_pdf_as_it_was(published: Path) -> None:
    """`plan pdf` writes beside the file and renames; here the disk refuses files over 50 kB."""
    previous = published / "site" / "pdf" / "naeringsplan.pdf"
    before = previous.read_bytes()
    done = run_on_a_full_disk(published, "pdf", "--out", "site/pdf/naeringsplan.pdf")
    assert done.returncode == 1, done.stderr
    assert "kunne ikke skrive site/pdf/naeringsplan.pdf" in done.stderr and "er som før" in done.stderr
    assert previous.read_bytes() == before
    assert sorted(p.name for p in previous.parent.iterdir()) == ["naeringsplan.pdf"]


@pytest.mark.slow
def test_a_successful_build_replaces_the_whole_site_and_leaves_nothing_beside_it(published: Path) -> None:
    publish.build_site(published / "site", validated(published / "plan"))
    assert "Forrige utgave" not in (published / "site" / "index.html").read_text(encoding="utf-8")
    assert (published / "site" / "pdf" / "naeringsplan.pdf").read_bytes().startswith(b"%PDF-1.7\n")
    assert leftovers(published) == []


# -- interrupts ----------------------------------------------------------------------------------------------


def start_build(workdir: Path) -> subprocess.Popen[str]:
    """`plan build` in the background, returned once it has started writing the new site."""
    build = subprocess.Popen(
        [str(PLAN_COMMAND), "build"], cwd=workdir, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        staging = [p for p in workdir.glob(f"{STAGING}*") if (p / "assets").exists()]
        if staging:
            return build
        assert build.poll() is None, build.communicate()
        time.sleep(0.02)
    build.kill()
    raise AssertionError("the build never started writing")


@pytest.mark.serial  # a signal sent while the build writes: alone, so that the build is caught halfway
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_build_leaves_the_site_as_it_was_and_no_half_built_folder(
    published: Path, signum: signal.Signals
) -> None:
    before = fingerprint(published / "site")
    build = start_build(published)
    build.send_signal(signum)
    _, stderr = build.communicate(timeout=60)
    assert build.returncode == 128 + signum
    assert "byggingen ble avbrutt" in stderr and "site er som før" in stderr
    assert "Traceback" not in stderr
    assert_unchanged(published, before)


@pytest.mark.slow
def test_after_a_build_killed_outright_the_next_build_tidies_up(published: Path) -> None:
    """SIGKILL cannot be caught: the half-built folder stays until the next build removes it."""
    build = start_build(published)
    build.kill()
    build.communicate(timeout=60)
    assert [name for name in leftovers(published) if name.startswith(STAGING)] != []
    result = run_plan("build", cwd=published)
    assert result.code == 0, result.stderr
    assert leftovers(published) == []


def test_a_site_moved_aside_by_an_interrupted_swap_is_put_back(tmp_path: Path) -> None:
    old = tmp_path / ".site-gammel"
    old.mkdir()
    (old / "index.html").write_text("forrige", encoding="utf-8")
    publish.recover(tmp_path / "site")
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "forrige"
    assert leftovers(tmp_path) == []


def test_a_folder_another_running_build_is_writing_is_left_alone(tmp_path: Path) -> None:
    mine = tmp_path / f"{STAGING}{os.getpid()}-abc"
    mine.mkdir()
    publish.recover(tmp_path / "site")
    assert mine.exists()


# -- reproducible builds -------------------------------------------------------------------------------------


@pytest.mark.slow
def test_two_builds_at_different_times_in_different_folders_give_the_same_bytes(tmp_path: Path) -> None:
    """The second build of the small test plan runs three years later (faketime), in another time zone, from a copy of
    the repository in another folder."""
    builds = []
    for name, prefix, zone in [
        ("a", [], "UTC"),
        ("b/lenger/inn", [program("faketime"), "2029-07-01 23:59:30"], "Pacific/Auckland"),
    ]:
        source = tmp_path / name / "repo"
        shutil.copytree(ROOT, source, ignore=not_source)
        env = {**os.environ, "PYTHONPATH": str(source), "TZ": zone}
        env.pop("SOURCE_DATE_EPOCH", None)
        plan = source / VALID_PLAN.relative_to(ROOT)
        command = [
            *prefix,
            sys.executable,
            "-m",
            "scripts.cli",
            "build",
            "--plan",
            str(plan),
            "--out",
            str(tmp_path / name / "ut"),
        ]
        done = subprocess.run(command, cwd=source, env=env, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        builds.append(fingerprint(tmp_path / name / "ut"))
    first, second = builds
    assert {"index.html", "pdf/naeringsplan.pdf", "sitemap.xml"} <= set(first) and len(first) > 50
    differing = sorted(name for name in first.keys() | second.keys() if first.get(name) != second.get(name))
    assert differing == []


def test_a_file_error_says_its_reason_in_norwegian_not_the_systems_english() -> None:
    from scripts.core.files import describe_os_error

    missing = FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), "site/pdf")
    assert describe_os_error(missing) == "Kunne ikke lese eller skrive site/pdf: filen eller mappen finnes ikke."
    refused = PermissionError(errno.EACCES, os.strerror(errno.EACCES), "site")
    assert (
        describe_os_error(refused) == "Kunne ikke lese eller skrive site: du har ikke lov til å lese eller skrive her."
    )


def test_the_pages_today_is_the_source_date_epoch_else_the_commits_day_else_the_plans_status_date(
    tmp_path: Path, valid_plan: Plan
) -> None:
    epoch = {"SOURCE_DATE_EPOCH": str(int(dt.datetime(2027, 1, 15, 12, tzinfo=dt.UTC).timestamp()))}
    assert site_day(valid_plan, tmp_path, epoch) == dt.date(2027, 1, 15)
    assert site_day(valid_plan, tmp_path, {}) == status_as_of(valid_plan)  # not a git checkout
    git = program("git")
    subprocess.run([git, "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "plan.yaml").write_text("title: x\n", encoding="utf-8")
    dated = {"GIT_COMMITTER_DATE": "2026-03-04T10:00:00+00:00", "GIT_AUTHOR_DATE": "2026-03-04T10:00:00+00:00"}
    who = ["-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run([git, *who, "-C", str(tmp_path), "add", "."], check=True)
    subprocess.run([git, *who, "-C", str(tmp_path), "commit", "-qm", "x"], check=True, env={**os.environ, **dated})
    assert site_day(valid_plan, tmp_path, {}) == dt.date(2026, 3, 4)
