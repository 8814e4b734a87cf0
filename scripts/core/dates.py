"""Dates in Norwegian words, for the validator's messages, the pages, the PDFs and ``plan diff`` alike.

Kept apart from :mod:`scripts.core.filters` (which needs Markdown and nh3) so that the validator can say a date
without loading what renders pages.
"""

from __future__ import annotations

import datetime as dt

from scripts.model.fixed import MONTHS


def nb_date(value: dt.date | str) -> str:
    """«23. april 2021»; «januar 2020» for a date known only to the month («2020-01»)."""
    if isinstance(value, str):
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 2:
            return f"{MONTHS[parts[1] - 1]} {parts[0]}"
        value = dt.date(*parts)
    return f"{value.day}. {MONTHS[value.month - 1]} {value.year}"
