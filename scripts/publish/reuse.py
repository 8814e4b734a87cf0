"""The live preview renders only what changed.

After a save inside the plan folder, `plan serve` builds with MkDocs' `dirty` flag, and the plugin marks every
generated page whose Markdown is exactly what the last build rendered as kept: MkDocs then neither renders nor
writes it, and its HTML from the last build stays. That is only right when everything around the pages is as it
was: the menu, the footer and the set of generated files (the :class:`Frame`). When the frame changed, or the change
was outside the plan folder (a template, a page in docs/, mkdocs.yml), the site folder is emptied and every page is
built, exactly as a clean build.

A kept page is never read, so MkDocs knows no title for it; the menu takes the title from the last build
(:attr:`LastBuild.titles`), and the plugin gives it its sitemap date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mkdocs.structure.files import File, Files


@dataclass(frozen=True)
class Frame:
    """What every page shows besides its own Markdown, and which files there are."""

    menu: str
    footer: str
    paths: frozenset[str]


@dataclass
class LastBuild:
    """What the last successful build of the preview made."""

    frame: Frame
    generated: dict[str, str | bytes]
    #: Page source path → its title (for the menu entries of kept pages).
    titles: dict[str, str] = field(default_factory=dict)


class KeptFile(File):
    """A generated file; `kept` when the last build's output is still right, so MkDocs' dirty build skips it."""

    kept = False

    def is_modified(self) -> bool:
        return not self.kept and super().is_modified()


def can_keep(last: LastBuild | None, frame: Frame, reuse: bool) -> bool:
    """Whether this build may keep pages of the last one: only after a change in the plan folder (`reuse`), and
    when the frame is unchanged."""
    return reuse and last is not None and last.frame == frame


def keep_unchanged(files: Files, generated: dict[str, str | bytes], last: LastBuild) -> int:
    """Mark the generated files (pages and data) whose content is what the last build made; returns how many
    pages are kept."""
    kept = 0
    for file in files:
        if isinstance(file, KeptFile) and last.generated.get(file.src_uri) == generated[file.src_uri]:
            file.kept = True
            kept += file.is_documentation_page()
    return kept


def restore_titles(files: Files, last: LastBuild) -> list[Any]:
    """Kept pages are not read (generated ones, and pages in docs/ older than their HTML): give them the title
    they had, for the menu. Returns the kept pages."""
    kept = []
    for file in files.documentation_pages():
        if file.page is not None and file.page.markdown is None:
            title = last.titles.get(file.src_uri)
            if file.page.title is None and title is not None:
                file.page.title = title
            kept.append(file.page)
    return kept


def titles(files: Files) -> dict[str, str]:
    """Page source path → title, after a build."""
    return {
        file.src_uri: file.page.title
        for file in files.documentation_pages()
        if file.page is not None and file.page.title is not None
    }
