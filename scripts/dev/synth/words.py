"""The fixed words and numbers a synthetic plan is drawn from, and goal 1.1 and measure 1.1.1, which are the same
in every plan whatever its size."""

from __future__ import annotations

from typing import Any

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
