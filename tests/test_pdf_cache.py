"""Only what changed is rebuilt: every PDF of a build (the plan, each year's status report, each adopted edition)
is kept in a cache under a hash of everything that goes into it, and the PDFs still to make are rendered in worker
processes with a bound on memory. Whatever came from where, the bytes are those of a clean, serial build."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import multiprocessing
import os
import time
from pathlib import Path

import pytest

from conftest import replace_once
from scripts.core.progress import Progress
from scripts.pdf import document
from scripts.publish import pdfs, plugin
from scripts.publish.build import BuildFailed, build_site
from scripts.publish.memo import FileMemo
from scripts.publish.pdfs import PdfBatch, PdfCache, PdfJob, make_pdfs
from scripts.publish.plugin import pdf_jobs, read_plan, site_options

TODAY = dt.date(2026, 12, 1)
#: A status update in 2024 for measure 1.1.2 (which starts in 2024): the small plan then has reports 2021–2024.
UPDATE_2024 = "        period: {start: 2024}\n        status_updates:\n          - date: 2024-03-01\n            status: pågår\n            text: Startet.\n"


@pytest.fixture
def four_years(workdir: Path) -> Path:
    replace_once(
        workdir / "plan" / "satsingsomrader" / "1-nettverk.yaml", "        period: {start: 2024}\n", UPDATE_2024
    )
    return workdir / "plan"


def jobs_of(folder: Path) -> list[PdfJob]:
    """The build's PDFs of the plan in `folder`, with their HTML made."""
    source, problems = read_plan(folder)
    assert source is not None, problems
    return [
        job.made() for job in pdf_jobs(source.plan, site_options(source, folder.parent, None, git=False), [], TODAY)
    ]


def contents(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.glob("*.pdf"))}


@pytest.mark.slow
def test_a_change_to_one_measure_renders_the_plan_and_only_the_reports_that_show_it(
    four_years: Path, tmp_path: Path
) -> None:
    cache = PdfCache(tmp_path / "cache")
    before = jobs_of(four_years)
    assert [j.name for j in before] == ["naeringsplan.pdf", *[f"statusrapport-{y}.pdf" for y in range(2021, 2025)]]
    first = make_pdfs(before, tmp_path / "first", cache, workers=2)
    assert (len(first.rendered), first.cached) == (5, [])
    unchanged = make_pdfs(before, tmp_path / "unchanged", cache, workers=2)
    assert (unchanged.rendered, len(unchanged.cached)) == ([], 5), "nothing changed: no PDF is rendered"

    replace_once(four_years / "satsingsomrader" / "1-nettverk.yaml", "Nettverk for reiseliv", "Nettverk for turisme")
    after = jobs_of(four_years)
    showing = {job.name for job in after if "Nettverk for turisme" in job.text}
    assert showing == {"naeringsplan.pdf", "statusrapport-2024.pdf"}, "measure 1.1.2 starts in 2024"
    edited = make_pdfs(after, tmp_path / "edited", cache, workers=2)
    assert sorted(edited.rendered) == sorted(showing)
    assert sorted(edited.cached) == ["statusrapport-2021.pdf", "statusrapport-2022.pdf", "statusrapport-2023.pdf"]

    clean = make_pdfs(after, tmp_path / "clean", PdfCache(None), workers=1)
    assert clean.rendered == [j.name for j in after]
    assert contents(tmp_path / "edited") == contents(tmp_path / "clean"), "cache and workers change no byte"


def test_the_key_covers_the_html_the_code_the_fonts_and_the_libraries(tmp_path: Path) -> None:
    cache = PdfCache(tmp_path)
    job = PdfJob("naeringsplan.pdf", "<p>Status per 1. desember 2026</p>")
    assert cache.key(job) == PdfCache(tmp_path / "annen").key(job), "the same input, the same key"
    assert cache.key(job) != cache.key(PdfJob(job.name, "<p>Status per 2. desember 2026</p>"))
    covered = {path.name for folder in pdfs.CODE for path in folder.iterdir()}
    assert {"document.py", "report.py", "LiberationSans-Regular.ttf"} <= covered
    assert "weasyprint" in pdfs.LIBRARIES and "pydyf" in pdfs.LIBRARIES


def test_an_old_entry_is_pruned_and_a_used_one_kept(tmp_path: Path) -> None:
    cache = PdfCache(tmp_path)
    old, used = tmp_path / "a.pdf", tmp_path / "b.pdf"
    for path in (old, used):
        path.write_bytes(b"%PDF")
    month_ago = time.time() - 31 * 24 * 3600
    os.utime(old, (month_ago, month_ago))
    assert cache.prune() == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.pdf"]


def _slow_render(html: str, target: Path) -> None:
    """A stand-in for WeasyPrint that records when it ran (in the worker process)."""
    started = time.monotonic()
    time.sleep(0.4)
    target.write_text(f"{started} {time.monotonic()}", encoding="utf-8")


def _overlaps(folder: Path) -> bool:
    spans = sorted(tuple(map(float, p.read_text().split())) for p in folder.glob("*.pdf"))
    return any(later[0] < earlier[1] for earlier, later in itertools.pairwise(spans))


def test_workers_run_side_by_side_unless_memory_is_short(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdfs, "_render", _slow_render)
    jobs = [PdfJob(f"{n}.pdf", f"<p>{n}</p>") for n in range(4)]
    monkeypatch.setattr(pdfs, "available_memory", lambda: 64 * pdfs.BASE_MEMORY)
    make_pdfs(jobs, tmp_path / "plenty", PdfCache(None), workers=2)
    assert _overlaps(tmp_path / "plenty"), "two cores and memory enough: two at a time"
    monkeypatch.setattr(pdfs, "available_memory", lambda: pdfs.BASE_MEMORY)
    made = make_pdfs(jobs, tmp_path / "short", PdfCache(None), workers=2)
    assert not _overlaps(tmp_path / "short"), "memory for one: one at a time"
    assert sorted(made.rendered) == [j.name for j in jobs]


def _priority_render(html: str, target: Path) -> None:
    """A stand-in for WeasyPrint that records the priority (niceness) of the worker rendering it."""
    target.write_text(str(os.nice(0)), encoding="utf-8")


def test_the_largest_pdf_keeps_the_ordinary_priority_and_the_others_yield_to_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdfs, "_render", _priority_render)
    jobs = [PdfJob("rapport.pdf", "<p>kort</p>"), PdfJob("plan.pdf", "<p>lang</p>" * 100), PdfJob("x.pdf", "<p></p>")]
    make_pdfs(jobs, tmp_path / "out", PdfCache(None), workers=2)
    ordinary = os.nice(0)
    niceness = {path.name: int(path.read_text()) for path in (tmp_path / "out").glob("*.pdf")}
    assert niceness["plan.pdf"] == ordinary, "the build waits for the largest: it has a core to itself"
    lowered = min(ordinary + pdfs.YIELDING, 19)
    assert niceness["rapport.pdf"] == niceness["x.pdf"] == lowered


def _broken_render(html: str, target: Path) -> None:
    raise ValueError("WeasyPrint kunne ikke tegne siden")


def test_a_failing_worker_fails_the_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdfs, "_render", _broken_render)
    jobs = [PdfJob(f"{n}.pdf", "<p></p>") for n in range(3)]
    with pytest.raises(ValueError, match="kunne ikke tegne"):
        make_pdfs(jobs, tmp_path / "out", PdfCache(tmp_path / "cache"), workers=2)
    assert list((tmp_path / "cache").glob("*")) == [], "nothing half-made is kept"


@pytest.mark.slow
def test_a_build_with_nothing_changed_makes_no_pdf_and_no_print_html_and_says_so(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, _ = read_plan(workdir / "plan")
    assert source is not None
    cache = PdfCache(workdir / "cache")
    made: list[object] = []
    real = document.plan_html
    monkeypatch.setattr(document, "plan_html", lambda *args, **kwargs: made.append(args) or real(*args, **kwargs))

    def build(out: str) -> str:
        said = io.StringIO()
        build_site(workdir / out, source, Progress(said), pdf_cache=cache, today=TODAY)
        return next(line for line in said.getvalue().splitlines() if "Lager PDF-ene" in line)

    count = len(jobs_of(workdir / "plan")) + 1  # and the plan in English (publish/languages.pdf_jobs)
    made.clear()
    assert f"({count} nye)" in build("a")
    assert len(made) == count
    assert f"({count} fra hurtigbufferen)" in build("b")
    assert len(made) == count, "the inputs are those of the first build: no HTML is made"
    assert contents(workdir / "a" / "pdf") == contents(workdir / "b" / "pdf")


def test_the_same_html_from_other_inputs_is_still_taken_from_the_cache(tmp_path: Path) -> None:
    cache = PdfCache(tmp_path)
    (tmp_path / "abc.pdf").write_bytes(b"%PDF")
    job = PdfJob("naeringsplan.pdf", lambda: "<p>x</p>", inputs="dag 1")
    kept = cache.path(job.made())
    assert kept is not None
    kept.write_bytes(b"%PDF-1.7 kept")
    made = make_pdfs([job], tmp_path / "out", cache)
    assert made.cached == ["naeringsplan.pdf"]
    assert cache.known(job) == kept, "and the inputs are remembered for the next build"
    assert cache.known(PdfJob("naeringsplan.pdf", lambda: "<p>x</p>", inputs="dag 2")) is None


def test_a_cancelled_batch_stops_its_workers_and_keeps_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdfs, "_render", _slow_render)
    jobs = [PdfJob(f"{n}.pdf", f"<p>{n}</p>") for n in range(4)]
    before = {child.pid for child in multiprocessing.active_children()}
    batch = PdfBatch(jobs, PdfCache(tmp_path / "cache"), workers=2).start()
    workers = [child.pid for child in multiprocessing.active_children() if child.pid not in before]
    assert len(workers) == 2, "the renders run in two worker processes while this one goes on"
    batch.cancel()
    assert all(pid not in {c.pid for c in multiprocessing.active_children()} for pid in workers)
    assert list((tmp_path / "cache").glob("*.pdf")) == []


def test_a_build_that_fails_while_making_the_pages_leaves_no_pdf_worker_running(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The PDFs start before the pages are made, and MkDocs calls no on_build_error for a failure in on_config."""
    monkeypatch.setattr(pdfs, "_render", _slow_render)

    def broken(*args: object, **kwargs: object) -> dict[str, str]:
        raise RuntimeError("en mal kunne ikke lages")

    monkeypatch.setattr(plugin, "render_site", broken)
    source, _ = read_plan(workdir / "plan")
    assert source is not None
    before = {child.pid for child in multiprocessing.active_children()}
    with pytest.raises(BuildFailed):
        build_site(workdir / "site", source, Progress(io.StringIO()), pdf_cache=PdfCache(None), workers=2, today=TODAY)
    assert {child.pid for child in multiprocessing.active_children()} <= before, "no worker is left rendering"


def test_the_workbook_is_made_once_and_then_taken_from_the_cache(tmp_path: Path) -> None:
    made: list[bytes] = []

    def make() -> bytes:
        made.append(b"xlsx")
        return b"xlsx"

    memo = FileMemo(tmp_path)
    assert memo.get("workbook", "plan A", make) == b"xlsx"
    assert memo.get("workbook", "plan A", make) == b"xlsx"
    assert len(made) == 1, "the same inputs and code: kept"
    memo.get("workbook", "plan B", make)
    assert len(made) == 2, "other inputs: made again"
    assert FileMemo(None).get("workbook", "plan A", make) == b"xlsx" and len(made) == 3
