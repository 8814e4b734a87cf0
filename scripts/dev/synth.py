"""A synthetic but valid plan of any size, for the benchmark (``scripts/dev/bench.py``) and for tests.

``python scripts/dev/synth.py --measures N OUT`` writes a plan folder with the same files as ``plan/``: N measures
spread over a small, almost fixed number of focus areas (5 to 8) and about three measures per goal, as in the
shipped plan (15 goals, 46 measures). Every measure has exactly one lead, partners and often a funder; budget
lines inside its period; status updates in date order, with the status of the latest as its status. The actors
include Viken fylkeskommune, replaced by Akershus fylkeskommune from 2024, and each is only used in the years
it existed, so that the plan passes ``plan validate``.

The output depends on N only: a seeded :class:`random.Random` and no clock, so two runs give the same bytes.
Measure 1.1.1, goal 1.1 and focus area 1 are the same in every plan, whatever N (:data:`FIRST_GOAL`,
:data:`FIRST_MEASURE`), so that the benchmark can compare the page of one measure across plan sizes.
"""

from __future__ import annotations

import argparse
import copy
import math
import random
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

if __package__ in (None, ""):  # run as a script: make `schema` and `scripts` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from scripts.editor.dump import PlanDumper
from scripts.load.folder import FOCUS_AREA_DIR
from scripts.model.catalog import fold

PLAN_START, PLAN_END = 2021, 2030
#: The newest date a status update may have (the data has no clock: this is fixed).
NEWEST_UPDATE = (2026, 6)

MUNICIPALITIES = ["Eidsvoll", "Gjerdrum", "Hurdal", "Nannestad", "Nes", "Ullensaker"]
FOCUS_AREAS = [
    ("Nettverk og klynger", "Flere bedrifter skal samarbeide i nettverk og klynger."),
    ("Samarbeid på tvers", "Kommunene, næringslivet og fylket skal arbeide sammen om felles mål."),
    ("Omstilling", "Næringslivet skal bli mindre sårbart og mer bærekraftig."),
    ("Kompetanse", "Bedriftene skal finne kompetansen de trenger i regionen."),
    ("Attraktiv region", "Regionen skal være et godt sted å bo, arbeide og etablere seg."),
    ("Grønn verdiskaping", "Flere arbeidsplasser skal komme fra grønne næringer."),
    ("Arealer og infrastruktur", "Det skal finnes egnede næringsarealer nær gode transporttilbud."),
    ("Innovasjon", "Flere bedrifter skal utvikle nye produkter og tjenester."),
]
TOPICS = [
    "logistikk",
    "luftfart",
    "reiseliv",
    "lokal mat",
    "landbruk",
    "bygg og anlegg",
    "helse",
    "handel",
    "industri",
    "energi",
    "sirkulærøkonomi",
    "kultur",
    "teknologi",
    "eiendom",
    "transport",
    "ungdom",
]
KINDS = ["Nettverk", "Program", "Forstudie", "Samarbeid", "Kompetanseløft", "Satsing", "Pilotprosjekt", "Kartlegging"]
GOAL_VERBS = ["Flere bedrifter", "Flere arbeidsplasser", "Bedre samarbeid", "Mer kompetanse", "Sterkere vekst"]
UPDATE_TEXTS = [
    "Oppstartsmøte med {n} bedrifter.",
    "Forstudien er ferdig, og {n} bedrifter vil være med videre.",
    "Arbeidet er i gang, med {n} deltakere.",
    "Prosjektgruppen har hatt {n} møter.",
    "Søknad om støtte er sendt.",
    "Første fase er ferdig.",
]
TAGS = ["klynge", "nettverk", "kompetanse", "omstilling", "gronn", "reiseliv", "logistikk", "mat", "areal", "ungdom"]
INDICATORS = [
    ("arbeidsplasser", "Arbeidsplasser i regionen", "antall", "høyere", 52400, 60000),
    ("lufthavnandel", "Andel arbeidsplasser knyttet til lufthavnen", "%", "lavere", 24, 20),
    ("netto-utpendling", "Netto utpendling", "antall", "lavere", 6100, 3500),
    ("nyetableringer", "Nye foretak", "antall", "høyere", 1450, 1800),
    ("bedrifter-i-nettverk", "Bedrifter i nettverk og klynger", "antall", "høyere", 120, 400),
    ("hoyere-utdanning", "Andel med høyere utdanning", "%", "høyere", 27.5, 33),
    ("ledig-naeringsareal", "Ledig næringsareal", "dekar", "høyere", 850, 1200),
]

#: Goal 1.1 and measure 1.1.1, fixed: the page tiltak/1-1-1/ has the same content in every plan.
FIRST_GOAL: dict[str, Any] = {
    "id": "1.1",
    "title": "Flere bedrifter innen logistikk",
    "indicators": ["bedrifter-i-nettverk"],
    "description": "Antallet bedrifter i nettverk og klynger skal mer enn tredobles i planperioden.",
}
FIRST_MEASURE: dict[str, Any] = {
    "id": "1.1.1",
    "title": "Nettverk for logistikk i Ullensaker",
    "description": (
        "Tiltaket skal styrke logistikk i Ullensaker og resten av regionen, som en del av satsingen på "
        "nettverk og klynger. Bedriftene, kommunene og fylkeskommunen samarbeider om arbeidet."
    ),
    "roles": [
        {"actor": "innovasjon-gardermoen", "role": "ansvarlig", "note": "Bidrar med folk."},
        {"actor": "ullensaker-kommune", "role": "samarbeidspartner"},
        {"actor": "nannestad-kommune", "role": "samarbeidspartner", "note": "Bidrar med lokaler."},
        {"actor": "ullensaker-naeringsforening", "role": "samarbeidspartner"},
        {"actor": "innovasjon-norge", "role": "finansiør"},
    ],
    "period": {"start": 2021, "end": 2025},
    "status": "fullført",
    "priority": "høy",
    "budget": [
        {"year": 2021, "amount": 400000, "funder": "innovasjon-norge", "secured": True},
        {"year": 2022, "amount": 750000, "funder": "innovasjon-norge", "secured": True},
        {"year": 2022, "amount": 250000, "funder": "gardermoregionen-ipr", "secured": True},
        {"year": 2023, "amount": 750000, "funder": "viken-fylkeskommune", "secured": True},
        {"year": 2024, "amount": 500000, "funder": "akershus-fylkeskommune", "secured": True},
    ],
    "status_updates": [
        {"date": "2021-09-15", "status": "pågår", "text": "Oppstartsmøte med 24 bedrifter."},
        {"date": "2022-11-30", "status": "pågår", "text": "Arbeidet er i gang, med 38 deltakere."},
        {"date": "2025-03-20", "status": "fullført", "text": "Første fase er ferdig."},
    ],
    "municipalities": ["nannestad-kommune", "ullensaker-kommune"],
    "indicators": ["bedrifter-i-nettverk", "lufthavnandel"],
    "tags": ["klynge", "logistikk"],
}


def slug(text: str) -> str:
    """«Nes næringsforening» → «nes-naeringsforening»."""
    return fold(text)


def actors(measures: int) -> list[dict[str, Any]]:
    """The actors of the shipped plan's kinds, and some businesses more as the plan grows."""
    result: list[dict[str, Any]] = []
    for name in MUNICIPALITIES:
        result.append({"id": slug(f"{name} kommune"), "name": f"{name} kommune", "short_name": name, "kind": "kommune"})
    result += [
        {
            "id": "viken-fylkeskommune",
            "name": "Viken fylkeskommune",
            "short_name": "Viken fk.",
            "kind": "fylkeskommune",
            "active_from": "2020-01-01",
            "active_to": "2023-12-31",
            "replaced_by": "akershus-fylkeskommune",
        },
        {
            "id": "akershus-fylkeskommune",
            "name": "Akershus fylkeskommune",
            "short_name": "Akershus fk.",
            "kind": "fylkeskommune",
            "active_from": "2024-01-01",
        },
        {"id": "gardermoregionen-ipr", "name": "Gardermoregionen IPR", "short_name": "GRIP", "kind": "regionråd"},
        {"id": "innovasjon-gardermoen", "name": "Innovasjon Gardermoen", "kind": "innovasjonsselskap"},
        {"id": "innovasjon-norge", "name": "Innovasjon Norge", "kind": "statlig"},
        {"id": "advansia", "name": "Advansia", "kind": "prosjektledelse"},
    ]
    for name in MUNICIPALITIES:
        result.append(
            {
                "id": slug(f"{name} næringsforening"),
                "name": f"{name} næringsforening",
                "kind": "næringsforening",
                "municipality": slug(f"{name} kommune"),
            }
        )
    for i in range(1, 2 + measures // 50):
        result.append({"id": f"bedrift-{i:03d}", "name": f"Bedrift {i:03d} AS", "kind": "næringsliv"})
    return result


def vocabulary() -> dict[str, Any]:
    roles = [
        ("ansvarlig", "Ansvarlig", "Leder tiltaket. Hvert tiltak har nøyaktig én ansvarlig."),
        ("samarbeidspartner", "Samarbeidspartner", "Deltar i arbeidet."),
        ("finansiør", "Finansiør", "Bidrar med penger til tiltaket."),
        ("pådriver", "Pådriver", "Holder tiltaket på dagsordenen."),
    ]
    statuses = [
        ("planlagt", "Planlagt", "#4a5560"),
        ("pågår", "Pågår", "#1a5e9a"),
        ("fullført", "Fullført", "#2b6e31"),
        ("utsatt", "Utsatt", "#8f4a00"),
        ("avsluttet", "Avsluttet", "#6b3f7a"),
    ]
    return {
        "role_types": [
            {"id": i, "label": label, "description": text, "lead": i == "ansvarlig", "order": n}
            for n, (i, label, text) in enumerate(roles, 1)
        ],
        "statuses": [
            {
                "id": i,
                "label": label,
                "description": f"Tiltaket har status {label.lower()}.",
                "colour": colour,
                "done": i == "fullført",
                "order": n,
            }
            for n, (i, label, colour) in enumerate(statuses, 1)
        ],
    }


def plan_info(measures: int) -> dict[str, Any]:
    return {
        "title": "Strategisk næringsplan for Gardermoregionen (syntetisk)",
        "short_title": "Næringsplanen",
        "region": "Gardermoregionen",
        "period": {"start": PLAN_START, "end": PLAN_END},
        "vision": "Gardermoregionen skal være et attraktivt sted å bo, arbeide og skape verdier.",
        "summary": f"En syntetisk plan med {measures} tiltak, laget for å måle hvor raskt nettstedet bygges.",
        "owner": "gardermoregionen-ipr",
        "sdg": [8, 9, 17],
        "content_notice": "Alt innhold i denne planen er laget av et program for ytelsesmåling.",
        "revisions": [
            {
                "version": "1.0",
                "title": "Handlingsprogram 2021",
                "date": "2021-04-23",
                "stage": "vedtatt",
                "changes": "Første handlingsprogram.",
                "decision": {"body": "Styret i Gardermoregionen IPR", "date": "2021-04-23", "case_number": "21/1"},
            },
            {
                "version": "2.0",
                "title": "Rullering 2024",
                "date": "2024-06-14",
                "stage": "vedtatt",
                "changes": "- Akershus fylkeskommune overtar rollene til Viken fylkeskommune.\n- Nye tiltak.",
                "decision": {"body": "Styret i Gardermoregionen IPR", "date": "2024-06-14", "case_number": "24/7"},
                "illustrative": True,
            },
            {
                "version": "3.0",
                "title": "Rullering 2027",
                "date": "2026-10-01",
                "stage": "høring",
                "changes": "Utkast til ny rullering.",
                "illustrative": True,
            },
        ],
    }


def indicators(rng: random.Random) -> list[dict[str, Any]]:
    result = []
    for ident, title, unit, better, base, target in INDICATORS:
        value = float(base)
        observations = []
        for year in range(2020, 2026):
            observations.append({"year": year, "value": round(value, 1)})
            value += (target - base) / 10 * rng.uniform(0.2, 1.8)
        result.append(
            {
                "id": ident,
                "title": title,
                "description": f"{title}, målt hvert år.",
                "unit": unit,
                "source": "SSB (syntetiske tall)",
                "better": better,
                "baseline": {"year": 2020, "value": base},
                "target": {"year": PLAN_END, "value": target},
                "observations": observations,
                "illustrative": True,
            }
        )
    return result


class _Measures:
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

        budget = []
        last = min(end if end is not None else PLAN_END, start + 3)
        for year in range(start, last + 1):
            if rng.random() < 0.8:
                funder = rng.choice([self.county(year), "innovasjon-norge", chosen[0], "gardermoregionen-ipr"])
                secured = year <= 2025 and rng.random() < 0.85
                budget.append(
                    {"year": year, "amount": rng.randrange(50, 1500) * 1000, "funder": funder, "secured": secured}
                )

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

        measure: dict[str, Any] = {
            "id": ident,
            "title": f"{rng.choice(KINDS)} for {topic} i {place}",
            "description": (
                f"Tiltaket skal styrke {topic} i {place} og resten av regionen, som en del av satsingen på "
                f"{fa_title.lower()}. Bedriftene, kommunene og fylkeskommunen samarbeider om arbeidet."
            ),
            "roles": roles,
            "period": {"start": start} if end is None else {"start": start, "end": end},
            "status": status,
        }
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
        self.made.append(ident)
        return measure


def focus_area_count(measures: int) -> int:
    """5 focus areas for a plan the size of the shipped one, at most 8 however large the plan gets."""
    return max(5, min(len(FOCUS_AREAS), math.ceil(measures / 100) + 4))


def _spread(total: int, parts: int) -> list[int]:
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


def synthesize(measures: int) -> dict[str, Any]:
    """The plan's files as data: relative path → content. The same N always gives the same plan."""
    if measures < 1:
        raise ValueError("measures must be at least 1")
    rng = random.Random(measures)
    actor_list = actors(measures)
    drawer = _Measures(rng, actor_list)
    areas = focus_area_count(measures)
    goals_per_area = _spread(max(areas, round(measures / 3)), areas)
    measures_per_goal = _spread(measures, sum(goals_per_area))

    files: dict[str, Any] = {
        "plan.yaml": plan_info(measures),
        "vocabulary.yaml": vocabulary(),
        "actors.yaml": {"actors": actor_list},
        "indikatorer.yaml": {"indicators": indicators(rng)},
    }
    goal_number = 0
    for f, (title, summary) in enumerate(FOCUS_AREAS[:areas], 1):
        goals = []
        for g in range(1, goals_per_area[f - 1] + 1):
            count = measures_per_goal[goal_number]
            goal_number += 1
            if f"{f}.{g}" == FIRST_GOAL["id"]:
                head, description = {k: FIRST_GOAL[k] for k in ("id", "title", "indicators")}, FIRST_GOAL["description"]
            else:
                head = {
                    "id": f"{f}.{g}",
                    "title": f"{rng.choice(GOAL_VERBS)} innen {rng.choice(TOPICS)}",
                    "indicators": sorted(rng.sample([i[0] for i in INDICATORS], rng.randint(1, 2))),
                }
                description = None
            goal: dict[str, Any] = {
                **head,
                "measures": [drawer.measure(f"{f}.{g}.{m}", title) for m in range(1, count + 1)],
            }
            if description is None and rng.random() < 0.5:
                description = "Målet følges opp med indikatorene under."
            if description is not None:
                goal["description"] = description
            goals.append(goal)
        files[f"{FOCUS_AREA_DIR}/{f}-{slug(title)}.yaml"] = {
            "id": str(f),
            "title": title,
            "summary": summary,
            "description": f"{summary} Satsingsområdet har {len(goals)} mål.",
            "illustrative": True,
            "goals": goals,
        }
    return files


def to_yaml(data: Any) -> str:
    """Like scripts.dump.to_yaml, but small mappings and lists on one line (as people write them in plan/),
    which keeps the focus area files of large plans under the loader's size limit."""
    return yaml.dump(data, Dumper=PlanDumper, allow_unicode=True, sort_keys=False, width=110, default_flow_style=None)


def write(measures: int, out: Path) -> None:
    """Write the plan folder. An existing plan folder is replaced; any other non-empty folder is refused."""
    if out.exists() and any(out.iterdir()) and not (out / "plan.yaml").is_file():
        raise FileExistsError(f"{out} finnes og er ikke en planmappe")
    shutil.rmtree(out / FOCUS_AREA_DIR, ignore_errors=True)
    header = f"# Syntetisk plan fra scripts/dev/synth.py --measures {measures} (for ytelsesmåling).\n"
    for relative, data in synthesize(measures).items():
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(header + to_yaml(data), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Skriver en syntetisk, gyldig plan med N tiltak i mappen UT.")
    parser.add_argument("--measures", type=int, required=True, metavar="N", help="antall tiltak (minst 1)")
    parser.add_argument("out", type=Path, metavar="UT", help="mappen planen skrives til")
    args = parser.parse_args(argv)
    if args.measures < 1:
        parser.error("--measures må være minst 1")
    try:
        write(args.measures, args.out)
    except FileExistsError as error:
        print(f"Feil: {error}. Velg en tom mappe.", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
