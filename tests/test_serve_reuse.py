"""The live preview builds only what changed (scripts/publish/reuse.py), and what it serves is exactly what a
build from scratch gives. Built in this process with the preview's own builder; the server is never started."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from watchdog.events import FileModifiedEvent

from conftest import VALID_PLAN
from scripts.publish import serve
from scripts.publish.serve import Preview

AREA_FILE = Path("satsingsomrader") / "1-nettverk.yaml"


@contextmanager
def previewing(plan: Path, site: Path) -> Iterator[Preview]:
    site.mkdir()
    preview = Preview(plan, 8199, site, out=io.StringIO(), err=io.StringIO())
    with preview.session():
        preview.build()
        yield preview


def save(preview: Preview, text: str) -> None:
    """Write the focus area file and tell the preview, as the file events do, then build."""
    path = preview.plan_dir / AREA_FILE
    path.write_text(text, encoding="utf-8")
    preview.server._on_event(FileModifiedEvent(str(path.resolve())))
    preview.build()


def files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    shutil.copytree(VALID_PLAN, tmp_path / "plan")
    return tmp_path / "plan"


@pytest.mark.parametrize(
    ("old", "new", "kept"),
    [
        # A measure's title: not in the menu, so the pages that do not show it keep their HTML.
        ("title: Nettverk for reiseliv", "title: Nettverk for reiseliv og kultur", True),
        # A focus area's title is in the menu of every page: everything is built again.
        ("title: Nettverk\n", "title: Nettverk og klynger\n", False),
    ],
)
def test_a_rebuild_after_a_save_serves_what_a_build_from_scratch_gives(
    plan: Path, tmp_path: Path, old: str, new: str, kept: bool
) -> None:
    source = plan / AREA_FILE
    original = source.read_text(encoding="utf-8")
    assert old in original
    with previewing(plan, tmp_path / "preview") as preview:
        # A page in docs/ and a generated page that do not show the title.
        untouched = [tmp_path / "preview" / page / "index.html" for page in ("personvern", "indikatorer")]
        before = [page.stat().st_mtime_ns for page in untouched]
        save(preview, original.replace(old, new, 1))
        assert ([page.stat().st_mtime_ns for page in untouched] == before) is kept
        assert "bygget på" in preview.out.getvalue()
        rebuilt = files(tmp_path / "preview")
    with previewing(plan, tmp_path / "scratch"):
        scratch = files(tmp_path / "scratch")
    assert rebuilt.keys() == scratch.keys()
    assert [path for path in scratch if rebuilt[path] != scratch[path]] == []
    title = new.strip().removeprefix("title: ").encode()
    assert any(title in content for content in rebuilt.values())


def test_a_save_that_breaks_the_plan_keeps_the_last_site_and_shows_the_problems(plan: Path, tmp_path: Path) -> None:
    source = plan / AREA_FILE
    original = source.read_text(encoding="utf-8")
    with previewing(plan, tmp_path / "preview") as preview:
        site = files(tmp_path / "preview")
        save(preview, original.replace('  - id: "1.1"\n', '  - id: "1.1"\n    <b>x</b>: y\n', 1))
        page = preview.server.problems_page
        assert page is not None
        assert b"Planen har 1 feil" in page
        assert b"&lt;b&gt;x&lt;/b&gt;" in page and b"<b>x</b>" not in page
        assert files(tmp_path / "preview") == site
        save(preview, original)
        assert preview.server.problems_page is None
        assert "(feilene er rettet)" in preview.out.getvalue()


@pytest.mark.parametrize(
    ("path", "page"),
    [
        ("/naeringsplan/", True),
        ("/naeringsplan/tiltak/1-1-1/", True),
        ("/naeringsplan/tiltak", True),
        ("/naeringsplan/404.html", True),
        ("/", True),
        ("/naeringsplan/assets/stylesheets/main.css", False),
        ("/naeringsplan/data/plan.json", False),
        ("/livereload/123/456", False),
    ],
)
def test_the_problems_page_answers_every_page_address_but_not_files_or_the_reload_question(
    path: str, page: bool
) -> None:
    assert serve._is_page(path) is page


@pytest.mark.parametrize(
    ("path", "scratch"),
    [
        ("/p/plan/satsingsomrader/1-nettverk.yaml", False),
        ("/p/plan/satsingsomrader/.1-nettverk.yaml.swp", True),
        ("/p/plan/satsingsomrader/1-nettverk.yaml~", True),
        ("/p/scripts/__pycache__/cli.cpython-311.pyc", True),
    ],
)
def test_editors_scratch_files_are_not_changes(path: str, scratch: bool) -> None:
    assert serve._scratch(path) is scratch


def test_after_a_preview_a_build_in_the_same_process_builds_the_plan_of_its_own_config(
    plan: Path, tmp_path: Path
) -> None:
    """MkDocs keeps one plugin per process: the preview's plan folder must not be the next build's."""
    from test_injection import build_without_pdfs

    with previewing(plan, tmp_path / "forhandsvisning"):
        pass
    other = tmp_path / "annen" / "plan"
    shutil.copytree(VALID_PLAN, other)
    text = (other / "plan.yaml").read_text(encoding="utf-8")
    (other / "plan.yaml").write_text(text.replace("title: ", "title: Annen ", 1), encoding="utf-8")
    build_without_pdfs(other, tmp_path / "site", tmp_path)
    assert "Annen Testplan for Gardermoregionen" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
