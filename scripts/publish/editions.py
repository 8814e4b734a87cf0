"""The PDF of each adopted edition (site/editions.py reads the editions from git), written into the site's pdf/
folder. An edition's PDF depends only on its commit (the plan there never changes; its dates come from the data),
so it is made once and kept in ``.cache/editions/<commit>.pdf`` of the repository (ignored by git): the next build
copies it."""

from __future__ import annotations

import shutil
from pathlib import Path

from scripts import REPOSITORY
from scripts.pdf.document import write_pdf
from scripts.site.editions import Edition, editions, pdf_name
from scripts.validate.commits import Repository

__all__ = ["CACHE", "editions", "write_pdfs"]

#: Where the editions' PDFs are kept between builds, inside the repository of the plan.
CACHE = Path(".cache", "editions")


def write_pdfs(found: list[Edition], out: Path, folder: Path | None) -> list[Path]:
    """Each edition's PDF into `out` (the site's pdf/ folder), from the cache when it is there."""
    repository = Repository.of(folder or REPOSITORY / "plan")
    if repository is None:
        return []
    cache = repository.root / CACHE
    written: list[Path] = []
    for edition in found:
        if edition.plan is None or edition.revision.commit is None:
            continue
        kept = cache / f"{edition.revision.commit}.pdf"
        if not kept.exists():
            cache.mkdir(parents=True, exist_ok=True)
            partial = kept.with_suffix(".tmp")
            write_pdf(edition.plan, partial)
            partial.replace(kept)
        out.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(kept, out / pdf_name(edition.revision.version))
        written.append(out / pdf_name(edition.revision.version))
    return written
