"""A measure's milestones (``milestones`` under a measure in ``plan/satsingsomrader/*.yaml``): what is to be reached
by a date, and the date it was reached. The rules that compare them with the measure's period and with today are in
``scripts/validate/rules.py``; whether a measure is late is decided in ``scripts/core/followup.py``."""

from __future__ import annotations

import datetime as dt

from scripts.model.base import Model
from scripts.model.fields import Text


class Milestone(Model):
    """Et delmål på veien: noe som skal være nådd innen en dato. Er datoen passert uten at milepælen er nådd,
    regnes tiltaket som forsinket."""

    date: dt.date
    """Datoen milepælen skal være nådd (ÅÅÅÅ-MM-DD). Må ligge innenfor tiltakets periode."""
    text: Text
    """Hva som skal være nådd, kort, f.eks. «Forstudien er ferdig»."""
    reached: dt.date | None = None
    """Datoen milepælen ble nådd (ÅÅÅÅ-MM-DD). Utelates til den er nådd."""
