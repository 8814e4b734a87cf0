"""Files a build makes from the plan alone and that take long to make (the open data's workbook), kept in
``.cache/files/`` of the plan's repository under a hash of what they are made from: their inputs (the plan's data,
the site's address) and all of the project's code and the libraries it uses (as for the PDFs' print HTML,
``publish/pdfs.py``). A build with nothing changed takes them from there; an old entry is never wrong, only unused,
and :meth:`FileMemo.prune` removes those not used for a while."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

from scripts.publish.pdfs import HTML_CODE, HTML_LIBRARIES, KEEP_SECONDS, code_hash, prune_older, write_atomically

#: The folder inside the cache folder of the repository.
FOLDER = "files"
#: The libraries that write the kept files, beyond those the HTML needs.
LIBRARIES = (*HTML_LIBRARIES, "openpyxl", "et-xmlfile", "pillow")


class FileMemo:
    """Kept files by the hash of what they are made from, in `folder` (None: nothing is kept, every file is made)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._version: str | None = None

    def get(self, name: str, inputs: str, make: Callable[[], bytes]) -> bytes:
        """The file `name` made from `inputs`: kept, or made now and kept."""
        if self.folder is None:
            return make()
        if self._version is None:
            self._version = code_hash(HTML_CODE, LIBRARIES)
        key = hashlib.sha256(f"{self._version}\0{name}\0{inputs}".encode()).hexdigest()
        kept = self.folder / key
        if kept.is_file():
            os.utime(kept)
            return kept.read_bytes()
        data = make()
        self.folder.mkdir(parents=True, exist_ok=True)
        write_atomically(kept, data)
        return data

    def prune(self, keep_seconds: float = KEEP_SECONDS) -> int:
        """Remove entries not used for `keep_seconds`; how many were removed."""
        return prune_older(
            list(self.folder.glob("*")) if self.folder is not None and self.folder.is_dir() else [], keep_seconds
        )
