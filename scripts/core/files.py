"""Files written whole or not at all, and file errors in Norwegian."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

FULL_DISK = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


#: The operating system's reasons that people meet, in Norwegian (its own words are English).
REASONS = {
    errno.ENOENT: "filen eller mappen finnes ikke",
    errno.EISDIR: "dette er en mappe, ikke en fil",
    errno.ENOTDIR: "en del av stien er ikke en mappe",
    errno.EACCES: "du har ikke lov til å lese eller skrive her",
    errno.EPERM: "du har ikke lov til å lese eller skrive her",
    errno.EROFS: "disken kan bare leses, ikke skrives til",
}


def os_error_reason(error: OSError) -> str:
    """Why a file operation failed, in Norwegian when the reason is a common one; else the system's words."""
    return REASONS.get(error.errno or 0) or error.strerror or str(error)


def describe_os_error(error: OSError) -> str:
    """A file error in Norwegian; a full disk (or a file size limit) says what to do."""
    if error.errno in FULL_DISK:
        where = f" ({error.filename})" if error.filename else ""
        return f"Det er ikke plass på disken{where}: {error.strerror}. Frigjør plass og prøv igjen."
    where = f" {error.filename}" if error.filename else ""
    return f"Kunne ikke lese eller skrive{where}: {os_error_reason(error)}."


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
