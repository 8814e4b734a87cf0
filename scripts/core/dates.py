"""Dates in words («23. april 2021», in English «23 April 2021»), for the validator's messages, the pages, the PDFs
and ``plan diff`` alike, and the one place the clock is read (:func:`today`): the commands read it once and hand the
date on.

Kept apart from :mod:`scripts.core.filters` (which needs Markdown and nh3) so that the validator can say a date
without loading what renders pages.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping

from scripts.core.catalogue import catalogue


def nb_date(value: dt.date | str, lang: str = "nb") -> str:
    """«23. april 2021»; «januar 2020» for a date known only to the month («2020-01»). In English (`lang` «en»)
    «23 April 2021» and «January 2020»: the words and the order come from the catalogue (keys date.*)."""
    words = catalogue(lang)
    if isinstance(value, str):
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 2:
            return words.t("date.month_year", month=words.t(f"date.month.{parts[1]}"), year=parts[0])
        value = dt.date(*parts)
    month = words.t(f"date.month.{value.month}")
    return words.t("date.day_month_year", day=value.day, month=month, year=value.year)


#: The time zone of «today» when it is read from the clock: the plan's editors are in Norway.
TIME_ZONE = "Europe/Oslo"


def today(environ: Mapping[str, str] = os.environ) -> dt.date:
    """Today's date for the rules: the day of SOURCE_DATE_EPOCH (seconds since 1970, UTC) when it is set, as
    for a reproducible build or a test; else the clock's, in Norway."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    try:
        from zoneinfo import ZoneInfo

        return dt.datetime.now(ZoneInfo(TIME_ZONE)).date()
    except (ImportError, LookupError, OSError):  # no time zone data: UTC is at most a day off
        return dt.datetime.now(dt.UTC).date()
