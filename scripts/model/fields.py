"""The types of single values in the plan files: texts, Markdown, years, dates, URLs and ids.

Each type is a ``str`` or ``int`` with pydantic constraints (a pattern, a length, a range) and, where a pattern
cannot say it, a validator: no invisible control characters in a text, no 31 April in a date. The Norwegian
explanation of each pattern (:data:`PATTERN_HINTS`) is what the validator's messages say an id or a date
should look like.

A leaf module: it imports nothing from the project, so that ``schema.py`` can build its models from it.
"""

from __future__ import annotations

import calendar
import re
from typing import Annotated

from pydantic import AfterValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

MEASURE_ID = r"^[1-9][0-9]*\.[1-9][0-9]*\.[1-9][0-9]*$"
GOAL_ID = r"^[1-9][0-9]*\.[1-9][0-9]*$"
FOCUS_AREA_ID = r"^[1-9][0-9]*$"
SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
VOCAB_ID = r"^[a-zæøå]+(-[a-zæøå]+)*$"
PLAN_DATE = r"^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$"
#: Only https: the plan is a public body's site, and its links go to secure addresses (the message says so).
URL = r"^(https://[^\s/]+\S*|mailto:\S+@\S+)$"
EMAIL = r"^[^\s@]+@[^\s@]+\.[^\s@]+$"
HEX_COLOUR = r"^#[0-9a-fA-F]{6}$"
SYMBOL = r"^\S{1,2}$"
NONBLANK = r"\S"
COMMIT = r"^[0-9a-f]{40}$"
#: A web site's origin for the embeds' frame-ancestors: https, a host name and perhaps a port, nothing after it.
ORIGIN = r"^https://[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(:[0-9]{1,5})?$"
SITE_FILE = r"^[a-z0-9_-]+(\.[a-z0-9_-]+)*(/[a-z0-9_-]+(\.[a-z0-9_-]+)*)*\.[a-z0-9]+$"

#: Norwegian explanation of each pattern, used in error messages.
PATTERN_HINTS: dict[str, str] = {
    MEASURE_ID: "tre tall med punktum mellom, som «1.2.3» (satsingsområde.mål.tiltak)",
    GOAL_ID: "to tall med punktum mellom, som «1.2» (satsingsområde.mål)",
    FOCUS_AREA_ID: "et helt tall fra 1 og oppover, som «3»",
    SLUG: "små bokstaver a–z, sifre og bindestrek, som «nes-kommune» eller «gronn-omstilling» (æ, ø, å blir ae, o, a)",
    VOCAB_ID: "små bokstaver og bindestrek, som «pågår»",
    PLAN_DATE: "en dato som ÅÅÅÅ-MM-DD (2021-04-23), eller ÅÅÅÅ-MM (2020-01) når dagen ikke er kjent",
    URL: "en fullstendig nettadresse som begynner med https://, eller mailto:",
    HEX_COLOUR: "en farge som #RRGGBB, f.eks. «#1a5e9a»",
    SYMBOL: "ett tegn (eller to) uten mellomrom, f.eks. «✓» eller «◐»",
    NONBLANK: "tekst som ikke er tom",
    COMMIT: "hele commit-hashen fra git, 40 tegn 0–9 og a–f (se `git log --format=%H`)",
    ORIGIN: (
        "en nettstedsadresse med https:// og bare vertsnavnet, små bokstaver, uten sti og uten skråstrek til slutt, "
        "som «https://www.nes.kommune.no»"
    ),
    SITE_FILE: "en fil på nettstedet, regnet fra roten, med små bokstaver, sifre, - og _, som «pdf/naeringsplan.pdf»",
}

#: Characters that are invisible in an editor but change what a reader sees (the bidirectional embeddings,
#: overrides and isolates of «Trojan source») or are control characters with no place in a text. Tab and
#: line break are allowed; every other C0 control, DEL and the C1 controls are not.
INVISIBLE = {
    "\u0000": "nulltegn",
    "\u000d": "vognretur",
    "\u001b": "escape",
    "\u007f": "slettetegn",
    "\u202a": "retningsinnbygging venstre-til-høyre",
    "\u202b": "retningsinnbygging høyre-til-venstre",
    "\u202c": "slutt på retningsformatering",
    "\u202d": "retningsoverstyring venstre-til-høyre",
    "\u202e": "retningsoverstyring høyre-til-venstre",
    "\u2066": "retningsisolering venstre-til-høyre",
    "\u2067": "retningsisolering høyre-til-venstre",
    "\u2068": "første sterke retningsisolering",
    "\u2069": "slutt på retningsisolering",
}
#: Characters that show as nothing or as an ordinary space, pasted in from word processors, web pages and
#: chat: never right in a key, an id, a number or a date, and the zero-width ones never right anywhere.
ZERO_WIDTH = {
    "\u00ad": "myk bindestrek",
    "\u180e": "mongolsk vokalskiller",
    "\u200b": "nullbredde mellomrom",
    "\u200c": "nullbredde ikke-sammenføyer",
    "\u200d": "nullbredde sammenføyer",
    "\u2060": "ordbinder",
    "\u2061": "usynlig funksjonstegn",
    "\u2062": "usynlig gangetegn",
    "\u2063": "usynlig skilletegn",
    "\u2064": "usynlig plusstegn",
    "\ufeff": "byte-rekkefølgemerke (BOM)",
}
#: Spaces that look like an ordinary space but are not one to YAML or to an id; fine inside running text.
ODD_SPACES = {
    "\u00a0": "hardt mellomrom",
    "\u2007": "sifferbredt mellomrom",
    "\u202f": "smalt hardt mellomrom",
    "\u3000": "ideografisk mellomrom",
    **{chr(code): "typografisk mellomrom" for code in range(0x2000, 0x200B) if chr(code) != "\u2007"},
}


def invisible_name(char: str) -> str:
    """«et usynlig tegn (nullbredde mellomrom, U+200B)»: how messages name a character the editor cannot see."""
    name = ZERO_WIDTH.get(char) or ODD_SPACES.get(char) or INVISIBLE.get(char, "kontrolltegn")
    kind = "et mellomrom som ikke er et vanlig mellomrom" if char in ODD_SPACES else "et usynlig tegn"
    return f"{kind} ({name}, U+{ord(char):04X})"


def _shown(value: str) -> str:
    """The value as the editor sees it: zero-width characters left out, odd spaces as spaces."""
    return "".join(" " if c in ODD_SPACES else c for c in value if c not in ZERO_WIDTH)


def hidden_problem(value: str) -> str | None:
    """What is wrong with a key, id, number or date that holds an invisible character or an odd space: the
    character named, where it stands, and the fix; None when there is none."""
    found = next((i for i, char in enumerate(value) if char in ZERO_WIDTH or char in ODD_SPACES), None)
    if found is None:
        return None
    before = _shown(value[:found]).strip()
    where = f"etter «{before[-30:]}»" if before else "helt først"
    return (
        f"«{_shown(value).strip()}» har {invisible_name(value[found])} {where}: slett tegnet "
        "(skriv verdien på nytt med vanlige tegn)"
    )


_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _visible(value: str) -> str:
    """Refuse the characters of :data:`INVISIBLE` (and the other control characters), naming the first one
    and the text before it, since the editor cannot see it."""
    found = _INVISIBLE.search(value)
    if found is None:
        return value
    char = found.group()
    before = " ".join(_INVISIBLE.sub("", value[: found.start()]).split())
    where = f"etter «{'…' + before[-30:] if len(before) > 30 else before}»" if before else "helt først"
    name = INVISIBLE.get(char, "kontrolltegn")
    raise PydanticCustomError(
        "plan_rule",
        "{melding}",
        {"melding": f"teksten inneholder et usynlig styretegn (U+{ord(char):04X}, {name}) {where}: fjern det"},
    )


Visible = AfterValidator(_visible)
Text = Annotated[str, Field(min_length=1, pattern=NONBLANK), Visible]
Markdown = Annotated[
    str,
    Field(min_length=1, pattern=NONBLANK, json_schema_extra={"contentMediaType": "text/markdown"}),
    Visible,
]
FIRST_YEAR, LAST_YEAR = 1990, 2100
#: A year in quotes («"2025"») is read as the number, as pydantic reads a number in a text; the JSON Schema says
#: the same, so that VS Code and ``plan validate`` agree on it.
YEAR_TEXT = r"^\s*(199[0-9]|20[0-9]{2}|2100)\s*$"
Year = Annotated[
    int,
    Field(ge=FIRST_YEAR, le=LAST_YEAR),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR},
                {"type": "string", "pattern": YEAR_TEXT},
            ]
        }
    ),
]
Url = Annotated[str, Field(pattern=URL), Visible]
Email = Annotated[str, Field(pattern=EMAIL), Visible]
Origin = Annotated[str, Field(pattern=ORIGIN, max_length=200)]
SiteFile = Annotated[str, Field(pattern=SITE_FILE, max_length=200)]
Slug = Annotated[str, Field(pattern=SLUG, max_length=60)]
VocabId = Annotated[str, Field(pattern=VOCAB_ID, max_length=40)]
Symbol = Annotated[str, Field(pattern=SYMBOL), Visible]


def _real_date(value: str) -> str:
    """Check that a YYYY-MM or YYYY-MM-DD text is a date that exists in the calendar."""
    parts = [int(p) for p in value.split("-")]
    year, month = parts[0], parts[1]
    if not 1 <= month <= 12:
        raise PydanticCustomError("plan_rule", "{melding}", {"melding": f"måned {month} finnes ikke"})
    if len(parts) == 3 and not 1 <= parts[2] <= calendar.monthrange(year, month)[1]:
        raise PydanticCustomError("plan_rule", "{melding}", {"melding": f"datoen {value} finnes ikke i kalenderen"})
    return value


PlanDate = Annotated[str, Field(pattern=PLAN_DATE), AfterValidator(_real_date)]
