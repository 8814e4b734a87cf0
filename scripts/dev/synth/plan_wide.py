"""The files of a synthetic plan that do not grow with its measures: ``plan.yaml``, ``vocabulary.yaml``,
``actors.yaml`` (only the businesses grow, one per 50 measures) and ``indikatorer.yaml``."""

from __future__ import annotations

import random
from typing import Any

from scripts.dev.synth.words import INDICATORS, MUNICIPALITIES, PLAN_END, PLAN_START
from scripts.model.catalog import fold


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
                "consultation": {
                    "deadline": "2027-01-15",
                    "documents": [{"title": "Utkastet", "url": "https://www.eksempel.example/utkast.pdf"}],
                    "respond": {"email": "horing@eksempel.example"},
                },
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
