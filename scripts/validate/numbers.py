"""Numbers written the way people write them in Norwegian («1,5 mill», «kr 500 000», «21,5») read back, so
that a message can say exactly what to write instead.

YAML only knows numbers like ``1500000`` and ``21.5``; anything else is text, and the validator says that a
number was expected. :func:`number_fix` adds the fix: «skriv 1500000».
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation

from scripts.model.fields import ODD_SPACES

#: Words for thousands and millions after a number, folded to lower case without the final full stop.
MULTIPLIERS = {
    "k": 1_000,
    "tusen": 1_000,
    "mill": 1_000_000,
    "mil": 1_000_000,
    "million": 1_000_000,
    "millioner": 1_000_000,
    "mnok": 1_000_000,
    "mrd": 1_000_000_000,
    "milliard": 1_000_000_000,
    "milliarder": 1_000_000_000,
}
_CURRENCY = re.compile(r"^(?:kr\.?|nok)\s*|\s*(?:kr\.?|kroner|nok|,-|:-|\.-|%|prosent)$")
_NUMBER = re.compile(r"^([-+]?[\d][\d\s.,]*?)\s*([a-z]*)\.?$")


def read_number(text: str, *, whole: bool) -> Decimal | None:
    """The number a person meant by text, or None when it is not a number written in a known way."""
    text = "".join(" " if char in ODD_SPACES else char for char in text).strip().lower()
    for _ in range(2):
        text = _CURRENCY.sub("", text).strip()
    match = _NUMBER.match(text)
    if match is None or match.group(2) not in ("", *MULTIPLIERS):
        return None
    digits = _one_decimal_mark(re.sub(r"\s+", "", match.group(1)), whole=whole and not match.group(2))
    if digits is None:
        return None
    try:
        number = Decimal(digits)
    except InvalidOperation:
        return None
    return number * MULTIPLIERS.get(match.group(2), 1)


def _one_decimal_mark(digits: str, *, whole: bool) -> str | None:
    """Digits with «.» as the only decimal mark, the thousands separators (points, commas) removed."""
    marks = [char for char in digits if char in ".,"]
    if not marks:
        return digits
    last = max(digits.rfind("."), digits.rfind(","))
    if len(set(marks)) == 2:  # «1.234,5» or «1,234.5»: the last mark is the decimal one
        return digits[:last].replace(".", "").replace(",", "") + "." + digits[last + 1 :]
    if len(marks) > 1:  # «2.650.000»: thousands
        groups = re.split(r"[.,]", digits)
        return "".join(groups) if all(len(g) == 3 for g in groups[1:]) else None
    if whole and len(digits) - last - 1 == 3:  # «2.650» as an amount: thousands
        return digits.replace(marks[0], "")
    return digits.replace(",", ".")


def _plain(number: Decimal) -> str:
    text = format(number.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def number_fix(value: object, *, whole: bool) -> str | None:
    """«: skriv 1500000» for a number written with a decimal comma, spaces, «kr» or «mill»; None when value is
    no such number (then the message says only what was expected)."""
    if not isinstance(value, str) or not re.search(r"\d", value):
        return None
    number = read_number(value, whole=whole)
    if number is None:
        return None
    if whole and number != number.to_integral_value():
        return ": skriv et helt tall uten desimaler (beløp i hele kroner: 1,5 millioner skrives 1500000)"
    written = _plain(number)
    if written == value.strip():
        return None
    return f": skriv {written} (bare sifre{', med punktum som desimaltegn' if not whole else ''})"


#: A number YAML reads as a decimal number that a Norwegian reads with a point between thousands: «200.000».
THOUSANDS = re.compile(r"^[-+]?[1-9][0-9]{0,2}\.[0-9]{3}$")


def thousands_fix(written: str, *, whole: bool) -> str | None:
    """What to say about a number written with a point between thousands («200.000»), which YAML reads as a
    decimal number (200.0); None for any other number."""
    if not THOUSANDS.match(written):
        return None
    digits = written.replace(".", "")
    read = _plain(Decimal(written)).replace(".", ",")
    said = f"YAML leser «{written}» som {read}, fordi punktum er desimaltegn (ikke skille mellom tusener)"
    if whole:
        return f"{said}: skriv {digits}"
    thousands = f"{digits[:-3]} {digits[-3:]}"
    decimal = _plain(Decimal(written))
    decimal = decimal if decimal != written else f"{written}0"  # «1.125» is meant either way: «1.1250» says 1,125
    return f"{said}: skriv {digits} for {thousands}, eller {decimal} for {read}"


def read_as(written: str, value: object) -> str:
    """How YAML read a value written without quotes that is not a text: «YAML leser «0123» som tallet 123»."""
    if isinstance(value, bool):
        return f"YAML leser «{written}» som sannhetsverdien {str(value).lower()} (ja/nei), ikke som tekst"
    finite = isinstance(value, int) or (isinstance(value, float) and math.isfinite(value))
    if not finite:
        return f"YAML leser «{written}» som et tall, ikke som tekst"
    shown = _plain(Decimal(str(value)))
    if re.match(r"^[-+]?0[0-9]", written):
        return f"YAML leser «{written}» som tallet {shown}, og nullen foran forsvinner"
    if written != shown:
        return f"YAML leser «{written}» som tallet {shown.replace('.', ',')}"
    return f"YAML leser «{written}» som et tall, ikke som tekst"
