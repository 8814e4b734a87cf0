"""A build with nothing changed does not convert the pages' Markdown again, nor index their HTML for search again:
both are kept in .cache/pages/ of the plan's repository under a hash of everything they are made from. Whatever
came from the memo, the site is byte for byte the one a build without it makes."""

from __future__ import annotations

import datetime as dt
import logging
import pickle
import subprocess
from pathlib import Path
from typing import Any

import pytest
from mkdocs.structure.pages import Page
from tools import program

from conftest import replace_once
from scripts.publish import page_memo
from scripts.publish.build import build_site
from scripts.publish.page_memo import Kept, PageMemo
from scripts.publish.pdfs import PdfCache
from scripts.publish.plugin import read_plan

TODAY = dt.date(2026, 12, 1)


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def repository(workdir: Path) -> Path:
    """The small test plan in a git repository of its own: its .cache/ is the repository's."""
    subprocess.run([program("git"), "init", "-q", str(workdir)], check=True)
    return workdir


def build(repository: Path, out: str, converted: list[str], monkeypatch: pytest.MonkeyPatch) -> Path:
    """`plan build` of the repository's plan into `out`; the pages whose Markdown MkDocs converted go to `converted`."""
    real = Page.render

    def counted(self: Page, config: Any, files: Any) -> None:
        converted.append(self.file.src_uri)
        real(self, config, files)

    monkeypatch.setattr(Page, "render", counted)
    source, problems = read_plan(repository / "plan")
    assert source is not None, problems
    build_site(repository / out, source, pdf_cache=PdfCache(repository / "pdf-cache"), today=TODAY)
    monkeypatch.setattr(Page, "render", real)
    return repository / out


@pytest.mark.slow
def test_a_build_with_nothing_changed_converts_no_markdown_and_makes_the_same_site(
    repository: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first: list[str] = []
    a = build(repository, "a", first, monkeypatch)
    assert len(first) > 30, "every page is converted the first time"
    assert (repository / ".cache" / page_memo.FOLDER / "html.pickle").is_file()
    again: list[str] = []
    b = build(repository, "b", again, monkeypatch)
    assert again == [], "nothing changed: every page's HTML is kept"
    assert tree(a) == tree(b), "the search index and every page are byte for byte the same"


@pytest.mark.slow
def test_after_an_edit_only_the_pages_showing_it_are_converted_and_the_site_is_a_clean_builds(
    repository: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(repository, "a", [], monkeypatch)
    replace_once(
        repository / "plan" / "satsingsomrader" / "1-nettverk.yaml", "Nettverk for reiseliv", "Nettverk for turisme"
    )
    converted: list[str] = []
    edited = build(repository, "edited", converted, monkeypatch)
    assert converted, "the pages that show the measure's title are converted again"
    assert len(converted) < len(list((repository / "a").rglob("index.html"))) / 2, converted
    assert any("1-1-2" in path for path in converted), converted

    (repository / ".cache" / page_memo.FOLDER).rename(repository / "old-memo")
    clean = build(repository, "clean", [], monkeypatch)
    assert tree(edited) == tree(clean)


class _Page:
    """A page as PageMemo sees it: its file, its Markdown, and MkDocs' `render` that sets the rest."""

    warn = False

    def __init__(self, markdown: str) -> None:
        self.file = type("File", (), {"src_uri": "tiltak/1-1-1.md"})()
        self.markdown = markdown
        self.links_to_anchors = None

    def render(self, config: Any, files: Any) -> None:
        if self.warn:
            logging.getLogger("mkdocs.structure.pages").warning("Doc file contains a link to 'finnes-ikke.md'")
        self.content, self.toc, self._title_from_render, self.present_anchor_ids = (
            f"<p>{self.markdown}</p>",
            [],
            None,
            set(),
        )


class _WarningPage(_Page):
    warn = True


def memo_in(folder: Path) -> PageMemo:
    config = {"markdown_extensions": ["toc"], "mdx_configs": {}}
    return PageMemo(folder, config, [_Page("").file])


def test_a_page_whose_conversion_warns_is_not_kept_so_a_strict_build_fails_on_it_again(tmp_path: Path) -> None:
    memo = memo_in(tmp_path)
    memo.render(_WarningPage("Se [her](finnes-ikke.md)"), {}, None)
    memo.render(_Page("Tekst"), {}, None)
    memo.write()
    assert len(memo_in(tmp_path).html.old) == 1, "only the page without a warning is kept"


def test_the_memo_keeps_only_what_the_last_build_used(tmp_path: Path) -> None:
    memo = memo_in(tmp_path)
    memo.render(_Page("Gammel tekst"), {}, None)
    memo.write()
    later = memo_in(tmp_path)
    page = _Page("Ny tekst")
    later.render(page, {}, None)
    later.write()
    kept = memo_in(tmp_path).html.old
    assert [r.content for r in kept.values()] == ["<p>Ny tekst</p>"], "the old page's HTML is gone"


def test_a_damaged_memo_only_makes_the_build_slower(tmp_path: Path) -> None:
    path = tmp_path / "html.pickle"
    path.write_bytes(b"\x80\x05 ikke en pickle")
    assert Kept.read(path).old == {}
    path.write_bytes(pickle.dumps(["en liste"]))
    assert Kept.read(path).old == {}
