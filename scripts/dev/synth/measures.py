"""The measures of a synthetic plan, drawn at random but only from choices the validator accepts.

Every draw comes from the one seeded :class:`random.Random` of the plan, in a fixed order: the helpers below are
called in the order the draws were made when this was one function, so that a plan keeps its bytes.
"""

from __future__ import annotations

import copy
import random
from typing import Any

from scripts.dev.synth.words import (
    FIRST_MEASURE,
    INDICATORS,
    KINDS,
    MUNICIPALITIES,
    NEWEST_UPDATE,
    PLAN_END,
    PLAN_START,
    TAGS,
    TOPICS,
    UPDATE_TEXTS,
)


class Measures:
    """Draws measures at random, but only from choices the validator accepts."""

    def __init__(self, rng: random.Random, actor_list: list[dict[str, Any]]) -> None:
        self.rng = rng
        self.municipalities = [a["id"] for a in actor_list if a["kind"] == "kommune"]
        #: Actors that existed during the whole plan period.
        self.stable = [a["id"] for a in actor_list if "active_from" not in a and "active_to" not in a]
        self.made: list[str] = []

    def county(self, year: int | None) -> str:
        """The county of the year (None: an ongoing measure, which outlives Viken)."""
        return "viken-fylkeskommune" if year is not None and year <= 2023 else "akershus-fylkeskommune"

    def measure(self, ident: str, fa_title: str) -> dict[str, Any]:
        if ident == FIRST_MEASURE["id"]:
            self.made.append(ident)
            return copy.deepcopy(FIRST_MEASURE)
        rng = self.rng
        topic = rng.choice(TOPICS)
        place = rng.choice(MUNICIPALITIES)
        start = rng.randint(PLAN_START, 2026)
        end = None if rng.random() < 0.2 else min(PLAN_END, start + rng.randint(1, 5))

        chosen = rng.sample(self.stable, rng.randint(2, 5))
        roles = self._roles(chosen, end)
        budget = self._budget(start, end, lead=chosen[0])
        _status, updates = self._updates(start)  # the status is the newest update's: plan files leave it out

        measure: dict[str, Any] = {
            "id": ident,
            "title": f"{rng.choice(KINDS)} for {topic} i {place}",
            "description": (
                f"Tiltaket skal styrke {topic} i {place} og resten av regionen, som en del av satsingen på "
                f"{fa_title.lower()}. Bedriftene, kommunene og fylkeskommunen samarbeider om arbeidet."
            ),
            "roles": roles,
            "period": {"start": start} if end is None else {"start": start, "end": end},
        }
        self._optional_fields(measure, budget, updates)
        self.made.append(ident)
        return measure

    def _roles(self, chosen: list[str], end: int | None) -> list[dict[str, Any]]:
        """The first chosen actor leads, the others are partners; sometimes the county funds and Innovasjon
        Gardermoen drives; some roles get a note."""
        rng = self.rng
        roles: list[dict[str, Any]] = [{"actor": chosen[0], "role": "ansvarlig"}]
        roles += [{"actor": a, "role": "samarbeidspartner"} for a in chosen[1:]]
        if rng.random() < 0.6:
            county = self.county(end)
            if county == "viken-fylkeskommune" or end is None or end >= 2024:
                roles.append({"actor": county, "role": "finansiør"})
        if rng.random() < 0.3:
            roles.append({"actor": "innovasjon-gardermoen", "role": "pådriver"})
        for role in roles:
            if rng.random() < 0.25:
                role["note"] = f"Bidrar med {rng.choice(['folk', 'lokaler', 'nettverk', 'kunnskap'])}."
        return roles

    def _budget(self, start: int, end: int | None, *, lead: str) -> list[dict[str, Any]]:
        """Budget lines for most of the first four years of the period, each with a funder of that year."""
        rng = self.rng
        budget = []
        last = min(end if end is not None else PLAN_END, start + 3)
        for year in range(start, last + 1):
            if rng.random() < 0.8:
                funder = rng.choice([self.county(year), "innovasjon-norge", lead, "gardermoregionen-ipr"])
                secured = year <= 2025 and rng.random() < 0.85
                budget.append(
                    {"year": year, "amount": rng.randrange(50, 1500) * 1000, "funder": funder, "secured": secured}
                )
        return budget

    def _updates(self, start: int) -> tuple[str, list[dict[str, Any]]]:
        """The status of the measure and its status updates in date order (the last one gives the status)."""
        rng = self.rng
        updates = []
        status = "planlagt"
        first_year, (last_year, last_month) = start, NEWEST_UPDATE
        if first_year <= last_year and rng.random() < 0.85:
            months = (last_year - first_year) * 12 + last_month
            count = rng.randint(1, 4)
            offsets = sorted(rng.sample(range(months), min(count, months)))
            for n, offset in enumerate(offsets):
                year, month = first_year + offset // 12, offset % 12 + 1
                if n == len(offsets) - 1:
                    status = rng.choices(["pågår", "fullført", "utsatt", "avsluttet"], [6, 3, 1, 1])[0]
                else:
                    status = "pågår"
                text = rng.choice(UPDATE_TEXTS).format(n=rng.randint(3, 40))
                updates.append({"date": f"{year}-{month:02d}-{rng.randint(1, 28):02d}", "status": status, "text": text})
        return status, updates

    def _optional_fields(
        self, measure: dict[str, Any], budget: list[dict[str, Any]], updates: list[dict[str, Any]]
    ) -> None:
        """Add the fields after the status, in the order the files list them."""
        rng = self.rng
        if rng.random() < 0.9:
            measure["priority"] = rng.choice(["høy", "middels", "lav"])
        if budget:
            measure["budget"] = budget
        if updates:
            measure["status_updates"] = updates
        if rng.random() < 0.3:
            measure["municipalities"] = "alle"
        else:
            picked = set(rng.sample(self.municipalities, rng.randint(1, 3)))
            measure["municipalities"] = [m for m in self.municipalities if m in picked]
        measure["indicators"] = sorted(rng.sample([i[0] for i in INDICATORS], rng.randint(0, 2)))
        if self.made and rng.random() < 0.15:
            measure["related"] = [rng.choice(self.made[-50:])]
        if rng.random() < 0.1:
            measure["links"] = [{"title": "Mer om tiltaket", "url": "https://www.gardermoregionen.no/"}]
        measure["tags"] = sorted(rng.sample(TAGS, rng.randint(1, 3)))
