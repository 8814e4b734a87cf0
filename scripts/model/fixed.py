"""The vocabulary that is fixed in code (what can vary per plan lives in ``plan/vocabulary.yaml``): the kinds of
actor, the stages of a revision, priorities, the directions of an indicator, the months in Norwegian.

A leaf module without pydantic, so that the command line can offer the choices without building the models.
"""

from __future__ import annotations

from typing import Literal

ActorKind = Literal[
    "kommune",
    "fylkeskommune",
    "regionråd",
    "næringsforening",
    "innovasjonsselskap",
    "prosjektledelse",
    "statlig",
    "næringsliv",
    "annet",
]
Stage = Literal["utkast", "høring", "vedtatt"]
Priority = Literal["høy", "middels", "lav"]
Direction = Literal["høyere", "lavere"]

ALL_MUNICIPALITIES = "alle"
MONTHS = (
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
)
#: A place in a file: the path of keys and list indexes from its root.
Loc = tuple[str | int, ...]
