"""The error page («Feilmeldinger»): what the validator prints for the mistakes editors make most, each run on
a copy of the small example plan in ``examples/plan/`` with one file replaced by a broken one from
``examples/mistakes/``, shown with the lines of the broken file around the problem and with paths as in the
repository («plan/...»)."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from scripts.editor.guide.sources import SHOWN_PLAN_DIR, block_end_line
from scripts.validate.validator import validate_folder

#: «Today» for the examples: a fixed day, so that the messages on the page (a status update dated after today)
#: do not change with the day the site is built.
EXAMPLE_TODAY = dt.date(2026, 12, 1)
#: The small valid plan the mistakes are made in, and one broken file per mistake (its header comment says
#: which file of the plan it replaces). The tests use both as well.
EXAMPLES = Path(__file__).resolve().parent / "examples"
EXAMPLE_PLAN = EXAMPLES / "plan"
MISTAKES = EXAMPLES / "mistakes"


@dataclass(frozen=True)
class ErrorKind:
    """A kind of mistake: the broken file in examples/mistakes/ that makes it (its name without «.yaml»), a short
    heading and how to fix it (Markdown)."""

    fixture: str
    heading: str
    fix: str


#: The mistakes shown on the error page, in the order editors are likely to meet them.
ERROR_KINDS: tuple[ErrorKind, ...] = (
    ErrorKind(
        "unknown-actor",
        "Skrivefeil i en aktør",
        "Skriv id-en nøyaktig slik den står i `plan/actors.yaml`. Står det «mente du …?» i meldingen, er forslaget "
        "som regel riktig.",
    ),
    ErrorKind(
        "unknown-status",
        "Status som ikke finnes",
        "Bruk en av statusene som meldingen lister opp, skrevet nøyaktig slik – med æ, ø og å.",
    ),
    ErrorKind(
        "norway-problem-boolean",
        "Ja eller nei skrevet som «yes» eller «ja»",
        "Felt som `secured` kan bare være `true` (ja) eller `false` (nei), uten anførselstegn.",
    ),
    ErrorKind(
        "amount-with-spaces",
        "Beløp med mellomrom",
        "Skriv beløpet i hele kroner som ett tall, uten mellomrom, punktum eller «kr». Meldingen viser hvordan.",
    ),
    ErrorKind(
        "amount-with-thousands-point",
        "Beløp med punktum mellom tusener",
        "I YAML er punktum desimaltegn, så `200.000` er 200 kroner, ikke 200 000. Skriv beløpet uten punktum: "
        "`200000`.",
    ),
    ErrorKind(
        "missing-field",
        "Et påkrevd felt mangler",
        "Legg til feltet i tiltaket, med samme innrykk som de andre feltene. Meldingen peker på begynnelsen av "
        "tiltaket, og teksten i parentes sier hva feltet skal inneholde.",
    ),
    ErrorKind(
        "unknown-field",
        "Feltnavn med skrivefeil",
        "Feltnavnene er på engelsk og må skrives nøyaktig. Rett navnet til det meldingen foreslår.",
    ),
    ErrorKind(
        "colon-in-text",
        "Kolon i en tekst",
        "Et kolon med mellomrom etter (`: `) betyr «felt: verdi» i YAML. Står det inne i en tekst, setter du hele "
        'teksten i doble anførselstegn: `title: "Reiseliv: nettverk for hele regionen"`.',
    ),
    ErrorKind(
        "hash-in-text",
        "« #» i en tekst",
        "Et mellomrom og `#` betyr at resten av linjen er en kommentar, som ikke kommer med på nettstedet. Hører "
        "`#` til teksten, setter du hele teksten i doble anførselstegn, slik meldingen viser. Er det en kommentar, "
        "flytter du den til en egen linje.",
    ),
    ErrorKind(
        "tab-indentation",
        "Tabulator i innrykket",
        "Slett tabulatoren og rykk inn med mellomrom, like langt som linjene rundt. I GitHubs "
        "redigeringsverktøy kan du velge «Spaces» som innrykk øverst til høyre.",
    ),
    ErrorKind(
        "invisible-character",
        "Usynlig tegn",
        "Tekst som er limt inn fra e-post, nettsider eller tekstbehandlere kan ha med seg tegn du ikke ser, som et "
        "nullbredde mellomrom eller et hardt mellomrom. Meldingen sier hvilket tegn det er og hva som står foran det. "
        "Det enkleste er å slette ordet tegnet står ved og skrive det på nytt.",
    ),
    ErrorKind(
        "missing-dash",
        "Listeelement uten bindestrek",
        "Hvert element i en liste (en rolle, en budsjettpost, en statusoppdatering) begynner med `- `. Mangler "
        "bindestreken, blir elementet slått sammen med det over. Sett inn `- ` – ikke slett noe, da forsvinner "
        "en rolle.",
    ),
    ErrorKind(
        "amount-in-words",
        "Beløp med desimalkomma eller ord",
        "Skriv beløpet i hele kroner med bare sifre: «1,5 mill» skrives `1500000`. Desimaltall skrives med punktum: "
        "`21.5`.",
    ),
    ErrorKind(
        "merge-conflict",
        "Rester av en flettekonflikt",
        "Når to har endret de samme linjene, setter git begge versjonene inn mellom linjer med `<<<<<<<`, `=======` "
        "og `>>>>>>>`. Behold den riktige versjonen og slett resten, også de tre merkelinjene.",
    ),
    ErrorKind(
        "replaced-actor",
        "Aktør som ikke finnes lenger",
        "Bruk aktøren som tok over, slik meldingen sier. Vil du fortelle hvem som hadde rollen før, kan du skrive "
        "det i `note`.",
    ),
    ErrorKind(
        "no-lead",
        "Tiltak uten ansvarlig",
        "Gi nøyaktig én av aktørene i tiltaket `role: ansvarlig`.",
    ),
    ErrorKind(
        "two-leads",
        "To ansvarlige",
        "Bare én aktør kan være ansvarlig. Gjør de andre til `samarbeidspartner` (eller `finansiør` eller `pådriver`).",
    ),
    ErrorKind(
        "status-not-latest-update",
        "En status-linje som ikke stemmer med den nyeste statusoppdateringen",
        "Statusen til et tiltak er statusen i den nyeste statusoppdateringen, så tiltaket trenger ingen "
        "`status:`-linje. Slett linjen. Er statusen endret, legger du til en ny statusoppdatering nederst – se "
        "[Endre status for et tiltak](endre-status.md).",
    ),
    ErrorKind(
        "status-update-in-the-future",
        "Statusoppdatering datert fram i tid",
        "En statusoppdatering forteller hva som har skjedd, så datoen kan ikke være etter dagens dato. Rett "
        "datoen hvis det er en skrivefeil, ellers venter du med å legge inn oppdateringen til dagen er kommet.",
    ),
    ErrorKind(
        "plan-new-texts-left",
        "Tekstene fra «plan new» står igjen",
        "`plan new` lager et nytt tiltak med tekster som skal byttes ut. Skriv tiltakets egen tittel og "
        "beskrivelse i stedet for tekstene meldingen nevner.",
    ),
    ErrorKind(
        "budget-line-twice",
        "Samme budsjettpost to ganger",
        "To like budsjettposter blir talt som to beløp. Slett den ene. Er det virkelig to bevilgninger, må de ha "
        "forskjellig år, beløp eller finansiør, eller slås sammen til én post med summen.",
    ),
    ErrorKind(
        "date-in-norwegian-format",
        "Dato skrevet på norsk måte",
        "Skriv datoer som år-måned-dag med bindestrek: 15.09.2021 skrives `2021-09-15`.",
    ),
    ErrorKind(
        "budget-outside-period",
        "Budsjettår utenfor perioden",
        "Endre året på budsjettposten, eller utvid perioden (`period`) til tiltaket slik at den tar med året.",
    ),
)

#: Slips that are warnings: the plan is built, but the editor should look (shown under «Advarsler»).
WARNING_KINDS: tuple[ErrorKind, ...] = (
    ErrorKind(
        "status-update-before-period",
        "Statusoppdatering før tiltakets periode",
        "Sjekk årstallet i datoen. Begynte arbeidet faktisk før perioden, endrer du `start` i `period`. En "
        "oppdatering med status `planlagt` før perioden gir ingen advarsel: et tiltak planlegges ofte året før.",
    ),
    ErrorKind(
        "title-too-long",
        "Lang tittel",
        "En tittel vises i lister, menyer og tabeller. Gjør den kort, og skriv resten i `description`.",
    ),
    ErrorKind(
        "amount-too-small",
        "Svært lite beløp",
        "Beløp skrives i hele kroner: 250 000 kroner skrives `250000`. Legg til nullene som mangler.",
    ),
)

#: The mistake shown on the revision page.
DECISION_KIND = ErrorKind(
    "adopted-without-decision",
    "Vedtatt rullering uten vedtak",
    "Legg til `decision` med minst vedtaksorganet (`body`) og datoen (`date`), eller sett `stage` tilbake til "
    "`høring`.",
)

#: How many lines to show before and after the line a message points at.
CONTEXT_LINES = 2
#: At most this many lines of one block (a measure, a list) are shown below the line a message points at.
MAX_BLOCK_LINES = 12


@dataclass(frozen=True)
class ErrorExample:
    """What the validator says about one broken file, and the lines of that file around the problem."""

    kind: ErrorKind
    #: The file as editors know it, e.g. «plan/satsingsomrader/1-nettverk.yaml».
    file: str
    first_line: int
    last_line: int
    #: The lines first_line..last_line of the broken file; a tab is shown as «→».
    lines: str
    #: Every line the validator printed, exactly (FILE:LINE:COL: message).
    messages: tuple[str, ...]
    has_tab: bool


def fixture_header(path: Path) -> tuple[str, int]:
    """The file a broken file replaces («# replaces: PATH», relative to the plan folder) and the number of
    comment lines at its top (the header, which is never shown)."""
    replaces = ""
    count = 0
    for raw in path.read_bytes().splitlines():
        if not raw.startswith(b"#"):
            break
        count += 1
        line = raw.decode("utf-8")
        if line.startswith("# replaces: "):
            replaces = line.removeprefix("# replaces: ").strip()
    if not replaces:
        raise ValueError(f"{path} mangler linjen «# replaces: FIL»")
    return replaces, count


def validator_messages(fixture: Path) -> list[str]:
    """What `plan validate --plan plan` prints for the example plan with the broken file in place, one line per
    problem. Runs in a temporary folder; the paths are shown as «plan/...», as in the repository."""
    replaces, _ = fixture_header(fixture)
    with tempfile.TemporaryDirectory(prefix="veiledning-") as temp:
        folder = Path(temp) / SHOWN_PLAN_DIR
        shutil.copytree(EXAMPLE_PLAN, folder)
        target = folder / replaces
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(fixture.read_bytes())
        _, problems = validate_folder(folder, EXAMPLE_TODAY)
        return [_without_prefix(str(problem), Path(temp)) for problem in problems]


def _without_prefix(text: str, temp: Path) -> str:
    """Paths inside the temporary folder, relative to it; the folder's own name must never reach a page."""
    for prefix in {str(temp), str(temp.resolve())}:
        text = text.replace(prefix + os.sep, "").replace(prefix, ".")
    return text


def error_example(kind: ErrorKind) -> ErrorExample:
    """Run the validator on the kind's broken file; show its messages and the lines the first one points at."""
    fixture = MISTAKES / f"{kind.fixture}.yaml"
    replaces, header = fixture_header(fixture)
    messages = validator_messages(fixture)
    if not messages:
        raise ValueError(f"{fixture.name}: sjekken fant ingen feil, så eksemplet kan ikke vises")
    lines = fixture.read_text(encoding="utf-8").splitlines()
    shown_file = f"{SHOWN_PLAN_DIR}/{replaces}"
    numbers = [_position(m) for m in messages if m.startswith(shown_file + ":")]
    line, col = min((n for n in numbers if n is not None), default=(header + 1, 1))
    first, last = excerpt_range(lines, line, col, header)
    shown = [visible_tabs(text) for text in lines[first - 1 : last]]
    return ErrorExample(
        kind=kind,
        file=shown_file,
        first_line=first,
        last_line=last,
        lines="\n".join(shown),
        messages=tuple(messages),
        has_tab=any("\t" in text for text in lines[first - 1 : last]),
    )


def _position(message: str) -> tuple[int, int] | None:
    match = re.match(r"^[^:]+:(\d+):(\d+): ", message)
    return (int(match.group(1)), int(match.group(2))) if match else None


def excerpt_range(lines: list[str], line: int, col: int, header: int = 0) -> tuple[int, int]:
    """The lines to show around a reported position (1-based, inclusive): a few before and after, and the
    whole list or list item that starts there (e.g. a measure that lacks a field), never the header comments."""
    first = max(header + 1, line - CONTEXT_LINES)
    last = min(len(lines), line + CONTEXT_LINES)
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    if text[col - 1 : col + 1] == "- ":  # a list starts here: show all its items
        block_end = block_end_line(lines, line, col - 1)
    elif col >= 3 and text[col - 3 : col - 1] == "- ":  # an item of a list starts here: show all of it
        block_end = block_end_line(lines, line, col - 3, list_items=False)
    else:
        block_end = line
    last = max(last, min(block_end, line + MAX_BLOCK_LINES))
    while last > line and not lines[last - 1].strip():
        last -= 1
    return first, last


def visible_tabs(text: str) -> str:
    """A tab shown as «→» padded to the next multiple of four columns (Markdown would turn it into spaces)."""
    out = ""
    for char in text:
        out += "→" + " " * (3 - len(out) % 4) if char == "\t" else char
    return out


@dataclass(frozen=True)
class MessageParts:
    """A message taken apart for the «how to read it» table."""

    file: str
    line: int
    col: int
    where: str
    problem: str
    suggestion: str | None


def message_parts(message: str) -> MessageParts | None:
    """FILE:LINE:COL: where: problem – suggestion (None when the message has another shape)."""
    match = re.match(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<where>[^:]+?): (?P<rest>.+)$", message)
    if not match:
        return None
    problem, _, suggestion = match.group("rest").partition(" – ")
    return MessageParts(
        file=match.group("file"),
        line=int(match.group("line")),
        col=int(match.group("col")),
        where=match.group("where"),
        problem=problem,
        suggestion=suggestion or None,
    )
