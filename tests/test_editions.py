"""The adopted editions are kept: each revision's commit holds the plan as adopted; the site offers each edition's
PDF (made once, then taken from the cache) and a page «Endringer i rulleringen» between consecutive editions."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from playwright.sync_api import Browser
from test_browser import page_failures
from tools import program

from conftest import replace_once, run_plan, serving
from scripts import REPOSITORY
from scripts.editor.diff import Change
from scripts.pdf.document import PrintChoices, plan_html, render_pdf
from scripts.present.lookups import SiteOptions
from scripts.publish import editions, providers
from scripts.publish.editions import site_text
from scripts.publish.pdfs import PdfCache, PdfJob, make_pdfs
from scripts.publish.plugin import pdf_jobs
from scripts.site.history import FOLLOW_UP, History
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
    assert "[1.1.1 Nettverk for logistikk](../tiltak/1-1-1.md)\n:   - Pågår → fullført\n" in changes
    assert "Nettverket er etablert" in changes and "Tiltak 1.1.1" not in changes, "the name stands once, as the term"


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


def _cover(html: str) -> str:
    return html[html.index('<section class="cover">') : html.index("</section>")]


def _title(html: str) -> str:
    return html[html.index("<title>") + len("<title>") : html.index("</title>")]


def test_an_edition_names_itself_its_adoption_date_and_what_replaced_it_and_its_status_is_as_of_that_date(
    repo: Path,
) -> None:
    plan, _ = validate_folder(repo / "plan")
    assert plan is not None
    found = editions.EditionReader().read(plan, repo / "plan")
    html = {job.name: job.made().html for job in pdf_jobs(plan, SiteOptions(), found, dt.date(2024, 1, 1))}
    first, second, live = html["utgave-1.0.pdf"], html["utgave-2.0.pdf"], html["naeringsplan.pdf"]
    assert isinstance(first, str) and isinstance(second, str) and isinstance(live, str)
    assert _title(first).endswith("utgave 1.0, vedtatt 23. april 2021, erstattet av 2.0")
    assert "Utgave 1.0, vedtatt 23. april 2021, erstattet av 2.0" in _cover(first)
    assert "<dt>Status per</dt><dd>23. april 2021</dd>" in _cover(first), "the adoption date, not the newest update"
    assert _title(second).endswith("utgave 2.0, vedtatt 1. juni 2023, gjeldende utgave")
    assert "<dt>Status per</dt><dd>1. juni 2023</dd>" in _cover(second)
    assert "gjeldende plan, versjon 2.0, status per 30. mai 2023" in _title(live)
    assert "rekonstruert" not in first.lower(), "an edition not marked reconstructed is not called one"


def test_a_reconstructed_edition_says_so_in_its_pdf_title_on_its_cover_and_on_the_history_page(repo: Path) -> None:
    plan_yaml = repo / "plan" / "plan.yaml"
    plan_yaml.write_text(plan_yaml.read_text().replace("    commit: ", "    reconstructed: true\n    commit: ", 1))
    plan, problems = validate_folder(repo / "plan")
    assert plan is not None, problems
    found = editions.EditionReader().read(plan, repo / "plan")
    first = plan_html(found[0].plan, choices=PrintChoices(edition=editions.mark(found[0])))
    assert "(rekonstruert), erstattet av 2.0" in _title(first)
    assert "<dt>Rekonstruert</dt><dd>Gjenskapt i ettertid ut fra vedtaket" in _cover(first)
    pages = render_site(plan, SiteOptions(plan_dir=repo / "plan"), providers.wired(REGISTRY, editions.history(found)))
    section = pages["historikk.md"].split("## 1\\.0", 1)[1]
    assert "**Rekonstruert:**" in section and "Erstattet av utgave 2\\.0" in section
    assert "Last ned utgave 1\\.0 (rekonstruert) (PDF)" in section
    assert "**Rekonstruert:** utgave 1.0" in pages["historikk/endringer-2-0.md"]


def test_the_pdf_title_of_an_edition_is_in_the_pdf_metadata(repo: Path) -> None:
    plan, _ = validate_folder(repo / "plan")
    assert plan is not None
    found = editions.EditionReader().read(plan, repo / "plan")
    out = render_pdf(plan_html(found[0].plan, choices=PrintChoices(edition=editions.mark(found[0]))), repo / "1.pdf")
    with pikepdf.open(out) as pdf:
        assert str(pdf.docinfo["/Title"]).endswith("utgave 1.0, vedtatt 23. april 2021, erstattet av 2.0")


def test_the_changes_page_lists_every_difference_with_what_was_reported_apart(repo: Path) -> None:
    plan, _ = validate_folder(repo / "plan")
    assert plan is not None
    found = editions.EditionReader().read(plan, repo / "plan")
    pages = render_site(plan, SiteOptions(plan_dir=repo / "plan"), providers.wired(REGISTRY, editions.history(found)))
    page = pages["historikk/endringer-2-0.md"]
    assert found[1].changes
    shown = editions.history(found).editions["2.0"].changes
    assert shown is not None
    lines = [line.text for groups in shown.values() for group in groups for line in group.lines]
    assert len(lines) == len(found[1].changes), "one line per change"
    for text in lines:
        assert text in page, text
    decided, reported = page.split(f"## {FOLLOW_UP}")
    assert "Ny rullering 2.0" in decided and "Rullering 2.0" not in reported
    assert "Ny statusoppdatering 30. mai 2023" in reported and "statusoppdatering" not in decided
    assert "<details" in reported and "<summary>Vis oppfølgingen (2 endringer)</summary>" in reported


def _change(item: str, text: str, kind: str = "changed", section: str = "measures") -> Change:
    return Change(section, kind, item, text)


def test_the_changes_to_a_measure_stand_under_its_name_once_each_without_it() -> None:
    titles = {"1.1.1": "Nettverk for logistikk", "1.1.2": "Ny møteplass"}
    groups = editions._grouped(
        [
            _change("1.1.1", "Tiltak 1.1.1 Nettverk for logistikk: planlagt → pågår"),
            _change("1.1.1", "Tiltak 1.1.1: beskrivelse endret: ny tekst"),
            _change("1.1.1", "Tiltak 1.1.1 har fått ny tittel: «Nettverk» → «Nettverk for logistikk»"),
            _change("1.1.2", "Nytt tiltak 1.1.2 «Ny møteplass» under mål 1.1", "measure_added"),
            _change("bdo", "Ny aktør: BDO (bdo)", "actor", "actors"),
        ],
        titles,
    )
    first, added, actor = groups
    assert first.heading == "1.1.1 Nettverk for logistikk" and first.measure == "1.1.1"
    assert [line.text for line in first.lines] == [
        "Planlagt → pågår",
        "Beskrivelse endret: ny tekst",
        "Har fått ny tittel: «Nettverk» → «Nettverk for logistikk»",
    ]
    assert added.heading is None and added.lines[0].text.startswith("Nytt tiltak 1.1.2"), "a whole sentence stays"
    assert actor.heading is None and actor.lines[0].text == "Ny aktør: BDO (bdo)"


def _shipped_editions() -> list[editions.Edition]:
    shallow = _git(REPOSITORY, "rev-parse", "--is-shallow-repository")
    assert shallow == "false", (
        "this clone is shallow: the adopted editions' commits are not in it; clone with the whole history "
        "(git fetch --unshallow, or actions/checkout with fetch-depth: 0)"
    )
    plan, problems = validate_folder(REPOSITORY / "plan")
    assert plan is not None, problems
    return editions.EditionReader().read(plan, REPOSITORY / "plan")


def test_the_shipped_editions_are_records_of_what_was_adopted_then() -> None:
    found = _shipped_editions()
    assert [(e.revision.version, e.note) for e in found] == [("1.0", None), ("2.0", None), ("2.1", None)]
    for edition in found:
        assert edition.revision.reconstructed, f"{edition.revision.version} is a reconstruction and says so"
        assert edition.revision.commit is not None
        _git(REPOSITORY, "merge-base", "--is-ancestor", edition.revision.commit, "HEAD")
    platform, programme, rolling = (e.plan for e in found)
    assert platform is not None and programme is not None and rolling is not None
    assert platform.focus_areas and not list(platform.measures()) and not platform.indicators
    assert programme.plan.revisions[-1].date == "2021-04-23" and list(programme.measures())
    assert [e.replaced_by for e in found] == ["2.0", "2.1", None]


def test_the_shipped_edition_2_1_changes_only_what_its_decision_names() -> None:
    """2.1: Akershus takes over Viken's roles; Advansia and BDO lead; measures done leave the priorities; new
    measures for restructuring (3) and competence (4). What was reported in between is apart."""
    rolling = _shipped_editions()[2]
    assert rolling.changes is not None
    decided = [c for c in rolling.changes if not editions._follow_up(c)]
    named = {"akershus-fylkeskommune", "viken-fylkeskommune", "advansia", "bdo"}
    for change in decided:
        if change.kind == "measure_added":
            assert change.item.split(".")[0] in {"3", "4"}, change.text
        elif change.kind == "priority_changed":
            assert change.new is None and rolling.plan is not None
            measure = next(m for _, _, m in rolling.plan.measures() if m.id == change.item)
            assert measure.status in {"fullført", "avsluttet"}, change.text
        elif change.section == "revisions":
            assert change.kind == "revision_added" and change.item == "2.1", change.text
        elif change.section == "actors":
            assert change.item in named, change.text
        else:
            assert any(name in change.text for name in ("Akershus", "Viken", "Advansia", "BDO", "3.2.2", "4.1.2")), (
                change.text
            )
    assert {c.item for c in decided if c.kind == "measure_added"} == {"3.2.2", "4.1.2"}
