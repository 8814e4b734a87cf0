"""Files written whole or not at all, and file errors in Norwegian."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

FULL_DISK = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


def describe_os_error(error: OSError) -> str:
    """A file error in Norwegian; a full disk (or a file size limit) says what to do."""
    if error.errno in FULL_DISK:
        where = f" ({error.filename})" if error.filename else ""
        return f"Det er ikke plass på disken{where}: {error.strerror}. Frigjør plass og prøv igjen."
    where = f" {error.filename}" if error.filename else ""
    return f"Kunne ikke lese eller skrive{where}: {error.strerror or error}."


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A new file beside `path` to write into. When the block ends without an error it replaces `path` in one
    rename (keeping its permissions); otherwise it is removed, and `path` is as it was."""
    temporary = path.with_name(f".{path.name}.ny-{os.getpid()}")
    try:
        yield temporary
        if path.exists():
            shutil.copymode(path, temporary)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
