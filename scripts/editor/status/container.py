"""Whether a file is a workbook that can be read safely, before openpyxl opens it: a zip file (not an OLE file —
an old .xls or a password-protected workbook — nor an .ods) of at most :data:`MAX_BYTES`, unpacking to at most
:data:`MAX_UNPACKED`; and whether any sheet holds a formula."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from scripts.core.files import os_error_reason

MAX_BYTES = 20_000_000
MAX_UNPACKED = 200_000_000


#: A formula element in a sheet's XML («<f>», «<f t="shared" …>», with or without a namespace prefix).
FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")


def has_formulas(path: Path) -> bool:
    """Whether any sheet of the workbook holds a formula (then the formulas are read too, to tell a formula
    without a saved value from an empty cell)."""
    with zipfile.ZipFile(path) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")]
        return any(FORMULA.search(archive.read(name)) for name in sheets)


RESAVE = "Åpne den i Excel eller LibreOffice og lagre den på nytt som Excel-arbeidsbok (.xlsx)"


def container_problem(path: Path) -> str | None:
    """Why the file is not a workbook that can be read safely, or None."""
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            head = stream.read(8)
    except OSError as error:
        return _unreadable(error)
    if size > MAX_BYTES:
        return f"filen er for stor ({size / 1e6:.0f} MB; høyst {MAX_BYTES / 1e6:.0f} MB). Er det riktig fil?"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return (
            "filen er passordbeskyttet, eller lagret i det gamle Excel-formatet (.xls). Fjern passordet, og lagre "
            "den som Excel-arbeidsbok (.xlsx)"
        )
    if not head.startswith(b"PK"):
        return f"filen er ikke en arbeidsbok (.xlsx). {RESAVE}"
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            unpacked = sum(info.file_size for info in archive.infolist())
            kind = archive.read("mimetype").decode("ascii", "replace") if "mimetype" in names else ""
    except (zipfile.BadZipFile, OSError, KeyError):
        return f"filen er skadet og kan ikke pakkes ut. {RESAVE}"
    if "opendocument" in kind:
        return "filen er lagret i LibreOffice-formatet (.ods). Lagre den som Excel 2007-365 (.xlsx)"
    if "xl/workbook.xml" not in names:
        return f"filen er ikke en Excel-arbeidsbok. {RESAVE}"
    if unpacked > MAX_UNPACKED:
        return f"filen pakker seg ut til {unpacked / 1e6:.0f} MB, mer enn en arbeidsbok for statusrunden kan være"
    return None


def _unreadable(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "filen finnes ikke. Sjekk navnet og mappen (en stjerne i navnet, som svar/*.xlsx, må treffe filer)"
    if isinstance(error, IsADirectoryError):
        return "dette er en mappe, ikke en arbeidsbok. Skriv filene i mappen, f.eks. svar/*.xlsx"
    if isinstance(error, PermissionError):
        return "du har ikke lov til å lese filen. Lagre en kopi der du har tilgang"
    return f"filen kan ikke leses ({os_error_reason(error)})"
