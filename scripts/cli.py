"""The command line: ``plan validate``, ``build``, ``serve``, ``pdf``, ``diff``, ``new``, ``status`` and ``schema``.

Each command is a function ``(args) -> exit code`` registered in :data:`COMMANDS`; :func:`main` parses the
arguments, reads the clock once (:func:`scripts.core.dates.today`, handed to the commands as ``args.today``;
``validate``, ``build``, ``pdf`` and ``status`` pass it on), runs the command and turns any unexpected failure into a
one-line Norwegian message (never a traceback).

A command imports what it needs when it runs, so that ``plan validate`` does not pay for the website, the PDFs
or the workbooks (``tests/test_imports.py`` holds it to that). argparse's own words reach the editor in bokmål
through :class:`NorwegianParser`, without changing anything in argparse itself.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import os
import re
import sys
import time
import typing
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from scripts.core.problems import Diagnostic, errors
from scripts.model.fixed import ActorKind

if TYPE_CHECKING:
    from schema import Plan

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


#: argparse's own words in bokmål: the usage prefix, and the templates of its usage errors (the messages that
#: :meth:`NorwegianParser.error` receives, English, are matched against them and rewritten).
ARGPARSE_NORWEGIAN = {
    "usage: ": "bruk: ",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "disse argumentene mangler: %s",
    "unrecognized arguments: %s": "ukjente argumenter: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ugyldig valg: %(value)r (velg blant %(choices)s)",
    "invalid %(type)s value: %(value)r": "ugyldig verdi: %(value)r",
    "expected one argument": "venter én verdi",
    "expected at most one argument": "venter høyst én verdi",
    "expected at least one argument": "venter minst én verdi",
    "expected %s argument": "venter %s verdi",
    "expected %s arguments": "venter %s verdier",
    "ambiguous option: %(option)s could match %(matches)s": "tvetydig valg: %(option)s kan være %(matches)s",
    "not allowed with argument %s": "kan ikke brukes sammen med %s",
    "one of the arguments %s is required": "ett av argumentene %s må være med",
    "ignored explicit argument %r": "overflødig verdi %r",
    "unexpected option string: %s": "uventet valg: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "ukjent kommando %(parser_name)r (velg blant %(choices)s)",
    "can't open '%(filename)s': %(error)s": "kan ikke åpne «%(filename)s»: %(error)s",
}

#: A placeholder in an argparse template: «%(name)s», «%(name)r», «%s» or «%r».
_PLACEHOLDER = re.compile(r"%(?:\((\w+)\))?[sr]")


def _placeholders(template: str) -> list[tuple[re.Match[str], str]]:
    """Each placeholder of the template with its name (``_1``, ``_2``… for those argparse fills in order)."""
    found = list(_PLACEHOLDER.finditer(template))
    unnamed = iter(range(1, len(found) + 1))
    return [(place, place.group(1) or f"_{next(unnamed)}") for place in found]


def _template_pattern(template: str) -> re.Pattern[str]:
    """The messages a template makes, each placeholder a group; a value takes as little as it can, so that
    «argument X: …» splits at the first «: »."""
    parts, end = [], 0
    for place, name in _placeholders(template):
        parts += [re.escape(template[end : place.start()]), f"(?P<{name}>.*?)"]
        end = place.end()
    return re.compile("".join([*parts, re.escape(template[end:])]), re.DOTALL)


def _fill(template: str, values: dict[str, str]) -> str:
    """The template with each placeholder replaced by the text argparse put there (already quoted for «%r»)."""
    parts, end = [], 0
    for place, name in _placeholders(template):
        parts += [template[end : place.start()], values[name]]
        end = place.end()
    return "".join([*parts, template[end:]])


@functools.cache
def _error_patterns() -> list[tuple[re.Pattern[str], str]]:
    """Each English template as a pattern, with its Norwegian one (made at the first usage error, not at start)."""
    return [(_template_pattern(english), norwegian) for english, norwegian in ARGPARSE_NORWEGIAN.items()]


def norwegian_message(message: str) -> str:
    """argparse's English usage error in bokmål (a message in no known form is left as it is)."""
    for pattern, norwegian in _error_patterns():
        found = pattern.fullmatch(message)
        if found:
            values = found.groupdict()
            if "message" in values:
                values["message"] = norwegian_message(values["message"])
            return _fill(norwegian, values)
    return message


class NorwegianFormatter(argparse.HelpFormatter):
    """Help and usage that begin with «bruk: »."""

    def add_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, ARGPARSE_NORWEGIAN["usage: "] if prefix is None else prefix)


class NorwegianParser(argparse.ArgumentParser):
    """argparse with Norwegian headings, usage and usage errors, which exit with 2."""

    def __init__(self, *args: Any, add_help: bool = True, parents: Sequence[Any] = (), **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", NorwegianFormatter)
        super().__init__(*args, **{**kwargs, "add_help": False})
        self._positionals.title = "argumenter"
        self._optionals.title = "valg"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="vis denne hjelpen")
        for parent in parents:  # after the titles, so that shared options join the same «valg» group
            self._add_container_actions(parent)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: feil: {norwegian_message(message)}\n")


def github_annotation(problem: Diagnostic) -> str:
    """A GitHub Actions workflow command that marks the problem on its line in the pull request."""

    def escape(text: str) -> str:
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    def escape_property(text: str) -> str:
        return escape(text).replace(":", "%3A").replace(",", "%2C")

    location = f"file={escape_property(problem.file)},line={problem.line},col={problem.col}"
    command, title = ("error", "Feil i planen") if problem.is_error else ("warning", "Advarsel om planen")
    return f"::{command} {location},title={title}::{escape(problem.message)}"


def write_summary(problems: list[Diagnostic]) -> None:
    """The full list in the job summary, since GitHub shows only the first annotations of a step."""
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if not summary:
        return
    count = len(errors(problems))
    heading = f"## Planen har {count} feil" if count else "## Planen er gyldig"
    lines = [heading + (f" ({advarsler(len(problems) - count)})" if len(problems) > count else ""), ""]
    lines += [f"- `{p.file}:{p.line}:{p.col}` {'' if p.is_error else 'Advarsel: '}{p.message}" for p in problems]
    with open(summary, "a", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")


def advarsler(count: int) -> str:
    return f"{count} {'advarsel' if count == 1 else 'advarsler'}"


def print_warnings(problems: list[Diagnostic]) -> None:
    """The warnings of a valid plan, and that they do not stop it."""
    found = len(problems) - len(errors(problems))
    if found:
        print(f"{advarsler(found).capitalize()}: sjekk {'den' if found == 1 else 'dem'} og rett det som er feil.")


def write_comment(args: argparse.Namespace, problems: list[Diagnostic]) -> None:
    """The problems as Markdown for the pull-request comment, those in files the pull request did not change first."""
    from scripts.editor import review

    changed = review.changed_files(args.changed.read_text(encoding="utf-8")) if args.changed else None
    links = review.Links(changed=args.link, unchanged=args.link_base)
    every = {review.repository_path(p.file, Path.cwd()) for p in problems}
    text = review.comment(problems, every if changed is None else changed, links, Path.cwd())
    args.comment.write_text(text, encoding="utf-8")


def cmd_validate(args: argparse.Namespace) -> int:
    from scripts.validate.validator import validate_folder

    started = time.perf_counter()
    plan, problems = validate_folder(args.plan, args.today, translations=True)
    for problem in problems:
        print(github_annotation(problem) if args.format == "github" else problem, file=sys.stderr)
    if args.format == "github":
        write_summary(problems)
    if args.comment is not None:
        write_comment(args, problems)
    seconds = time.perf_counter() - started
    if plan is None:
        files = len({p.file for p in errors(problems)})
        count = len(errors(problems))
        print(f"Fant {count} feil i {files} {'fil' if files == 1 else 'filer'}. Planen er ikke gyldig.")
        return EXIT_INVALID
    print_warnings(problems)
    measures = sum(1 for _ in plan.measures())
    goals = sum(len(fa.goals) for fa in plan.focus_areas)
    print(
        f"{args.plan} er gyldig: {len(plan.focus_areas)} satsingsområder, {goals} mål, {measures} tiltak, "
        f"{len(plan.actors)} aktører, {len(plan.indicators)} indikatorer ({seconds:.2f} s)."
    )
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from scripts.editor import schemas

    if args.check:
        stale = schemas.outdated(args.out, schemas.json_schemas())
        for path in stale:
            print(f"{path} er ikke oppdatert med schema.py", file=sys.stderr)
        if stale:
            print("Kjør «plan schema» (eller «make schema») og ta med filene i endringen.", file=sys.stderr)
            return EXIT_INVALID
        print(f"JSON Schema-filene i {args.out} er oppdatert.")
        return EXIT_OK
    written = [] if args.editor else schemas.write_schemas(args.out, schemas.json_schemas())
    written += schemas.write_schemas(args.editor_out, schemas.editor_schemas(args.plan))
    for path in written:
        print(f"Skrev {path}")
    if not written:
        print("JSON Schema-filene var allerede oppdatert.")
    return EXIT_OK


def _iso_date(text: str) -> Any:
    """A date option («2026-11-12»); a Norwegian message when it is not one."""
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"«{text}» er ikke en dato; skriv ÅÅÅÅ-MM-DD, f.eks. 2026-11-12") from None


def _valid_plan(folder: Path, consequence: str, on: dt.date) -> Plan | None:
    """The validated plan; or None after printing every problem and what was therefore not done."""
    from scripts.validate.validator import validate_folder

    plan, problems = validate_folder(folder, on)
    for problem in problems:
        print(problem, file=sys.stderr)
    if plan is None:
        print(f"Fant {len(errors(problems))} feil. {consequence}")
    return plan


def cmd_build(args: argparse.Namespace) -> int:
    from scripts.core.progress import Progress, seconds_text
    from scripts.publish import build as publish
    from scripts.publish.plugin import read_plan

    unchanged = f"{args.out} er som før"
    progress = Progress(sys.stdout)
    try:
        progress.begin("Sjekker planen")
        source, problems = read_plan(args.plan, args.today)
        for problem in problems:
            print(problem, file=sys.stderr)
        if source is None:
            print(f"Fant {len(errors(problems))} feil. Nettstedet er ikke bygget; {unchanged}.")
            return EXIT_INVALID
        print_warnings(problems)
        progress.end()
        seconds = publish.build_site(args.out, source, progress, offline=args.offline, today=args.today)
    except publish.BuildFailed as error:
        print(f"plan: byggingen feilet, og {unchanged}:\n{error}", file=sys.stderr)
        return EXIT_INVALID
    except publish.Interrupted as signal:
        print(f"plan: byggingen ble avbrutt ({signal}), og {unchanged}.", file=sys.stderr)
        return signal.code
    finally:
        progress.clear()
    index = args.out.resolve() / "index.html"
    how = f"Åpne {index} i en nettleser." if args.offline else "Se det med «plan serve», eller bygg med --offline."
    print(f"Nettstedet er bygget i {args.out} på {seconds_text(seconds)} s. {how}")
    return EXIT_OK


def cmd_pdf(args: argparse.Namespace) -> int:
    plan = _valid_plan(args.plan, "PDF-en er ikke laget.", args.today)
    if plan is None:
        return EXIT_INVALID
    from scripts.core.files import describe_os_error, replacing
    from scripts.pdf import document as pdf

    if args.report is not None and not plan.plan.period.start <= args.report <= plan.plan.period.end:
        print(
            f"plan: {args.report} er utenfor planperioden ({plan.plan.period.start}–{plan.plan.period.end})",
            file=sys.stderr,
        )
        return EXIT_USAGE
    default = pdf.report_name(args.report) if args.report is not None else pdf.PDF_NAME
    out = args.out or Path(default)
    started = time.perf_counter()
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        with replacing(out) as partial:  # a failure leaves the previous PDF as it was
            choices = pdf.PrintChoices(args.as_of, args.meeting, args.case)
            pdf.write_pdf(plan, partial, report=args.report, choices=choices, today=args.today)
    except OSError as error:
        print(f"plan: kunne ikke skrive {out}: {describe_os_error(error)} {out} er som før.", file=sys.stderr)
        return EXIT_INVALID
    print(f"Skrev {out} ({out.stat().st_size / 1000:.0f} kB, {time.perf_counter() - started:.1f} s).")
    return EXIT_OK


def cmd_diff(args: argparse.Namespace) -> int:
    from scripts.editor import diff
    from scripts.editor.diff import versions

    try:
        changes, problems = versions.compare(args.old, args.new, args.repo, args.today)
    except versions.PlanSourceError as error:
        print(f"plan: {error}", file=sys.stderr)
        return EXIT_INVALID
    for problem in problems:
        print(problem, file=sys.stderr)
    if changes is None:
        print("En av versjonene av planen er ikke gyldig, så den kan ikke sammenlignes.", file=sys.stderr)
        return EXIT_INVALID
    if args.json:
        print(json.dumps(diff.to_json_data(changes), ensure_ascii=False, indent=2, default=str))
    else:
        print(diff.to_markdown(changes), end="")
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    from scripts.editor import new

    try:
        if args.kind == "measure":
            added = new.new_measure(args.plan, args.goal, args.today)
        elif args.kind == "goal":
            added = new.new_goal(args.plan, args.focus_area, args.today)
        else:
            added = new.new_actor(args.plan, args.id, args.name, args.actor_kind, args.today)
    except new.NewError as error:
        print(f"plan: {error}", file=sys.stderr)
        return EXIT_INVALID
    what = {"measure": "tiltak", "goal": "mål", "actor": "aktør"}[args.kind]
    print(f"La til {what} {added.ident} i {added.path}, linje {added.first_line}–{added.last_line}. Fyll inn:")
    for item in added.fill_in:
        print(f"  - {item}")
    for note in added.notes:
        print(note, file=sys.stderr)
    print("Kjør «plan validate» når du er ferdig.")
    return EXIT_OK


def cmd_status(args: argparse.Namespace) -> int:
    from scripts.editor.status import commands

    if args.action == "followup":
        return commands.followup(args.plan, args.site, today=args.today)
    if args.action == "export":
        return commands.export(args.plan, args.out, args.year, args.actor, today=args.today)
    return commands.import_(args.plan, args.workbooks, dry_run=args.dry_run, pr_body=args.pr_body, today=args.today)


def cmd_serve(args: argparse.Namespace) -> int:
    from scripts.publish import build as publish
    from scripts.publish import serve as preview

    try:
        preview.serve(args.port, args.plan, verbose=args.verbose)
    except publish.BuildFailed as error:
        print(f"plan: {error}", file=sys.stderr)
        return EXIT_INVALID
    return EXIT_OK


Command = Callable[[argparse.Namespace], int]
COMMANDS: dict[str, Command] = {
    "validate": cmd_validate,
    "build": cmd_build,
    "serve": cmd_serve,
    "pdf": cmd_pdf,
    "diff": cmd_diff,
    "new": cmd_new,
    "status": cmd_status,
    "schema": cmd_schema,
}


def build_parser() -> argparse.ArgumentParser:
    parser = NorwegianParser(
        prog="plan",
        description="Strategisk næringsplan for Gardermoregionen: sjekk, bygg og publiser planen.",
    )
    parser._positionals.title = "kommandoer"
    sub = parser.add_subparsers(dest="command", required=True, metavar="KOMMANDO", parser_class=NorwegianParser)

    plan = NorwegianParser(add_help=False)
    plan.add_argument("--plan", type=Path, default=Path("plan"), metavar="MAPPE", help="planmappen (plan)")
    validate = sub.add_parser("validate", parents=[plan], help="sjekk planfilene og vis alle feil med fil og linje")
    validate.add_argument(
        "--format",
        choices=["tekst", "github"],
        default="tekst",
        help="«tekst»: FIL:LINJE:KOLONNE: melding; «github»: merknader i en pull request og sammendrag i jobben",
    )
    validate.add_argument(
        "--comment", type=Path, metavar="FIL", help="skriv feilene med lenker som Markdown til kommentaren i en PR"
    )
    validate.add_argument(
        "--changed",
        type=Path,
        metavar="FIL",
        help="filene pull requesten endrer, én per linje (git diff --name-only): feil i andre filer står først",
    )
    validate.add_argument(
        "--link", metavar="URL", help="lenkene til endrede filer: https://github.com/EIER/REPO/blob/COMMIT/"
    )
    validate.add_argument(
        "--link-base", metavar="URL", help="lenkene til filer som ikke er endret (blob-adressen på basisgrenen)"
    )

    build = sub.add_parser("build", parents=[plan], help="sjekk planen og bygg nettstedet (med åpne data)")
    build.add_argument("--out", type=Path, default=Path("site"), metavar="MAPPE", help="målmappen (site)")
    build.add_argument("--offline", action="store_true", help="lag en kopi som kan åpnes fra disk (uten søk)")

    pdf = sub.add_parser("pdf", parents=[plan], help="lag planen som PDF, eller statusrapporten for et år")
    pdf.add_argument("--out", type=Path, default=None, metavar="FIL", help="PDF-filen (naeringsplan.pdf)")
    pdf.add_argument("--report", type=int, default=None, metavar="ÅR", help="lag statusrapporten for dette året")
    pdf.add_argument("--as-of", type=_iso_date, default=None, metavar="DATO", help="status per dato (ÅÅÅÅ-MM-DD)")
    pdf.add_argument("--meeting", type=_iso_date, default=None, metavar="DATO", help="møtedatoen (forsiden)")
    pdf.add_argument("--case", default=None, metavar="SAK", help="saksnummeret på forsiden, f.eks. «PS 12/26»")

    diff = sub.add_parser("diff", help="vis hva som er endret i planen mellom to versjoner")
    diff.add_argument("old", metavar="GAMMEL", help="git-revisjon (f.eks. main) eller planmappe")
    diff.add_argument("new", metavar="NY", nargs="?", help="git-revisjon (f.eks. HEAD) eller planmappe (planmappen)")
    diff.add_argument("--repo", type=Path, default=Path(), metavar="MAPPE", help="git-repositoriet (det du står i)")
    diff.add_argument("--json", action="store_true", help="skriv endringene som JSON i stedet for Markdown")

    new = sub.add_parser("new", help="legg til et nytt tiltak, mål eller en ny aktør med neste ledige nummer")
    new_kinds = new.add_subparsers(dest="kind", required=True, metavar="HVA", parser_class=NorwegianParser)
    measure = new_kinds.add_parser("measure", parents=[plan], help="nytt tiltak under et mål")
    measure.add_argument("--goal", required=True, metavar="MÅL", help="målet, f.eks. 1.2")
    goal = new_kinds.add_parser("goal", parents=[plan], help="nytt mål under et satsingsområde")
    goal.add_argument("--focus-area", required=True, metavar="NR", help="satsingsområdet, f.eks. 1")
    actor = new_kinds.add_parser("actor", parents=[plan], help="ny aktør")
    actor.add_argument("--id", required=True, help="kort id, f.eks. nes-kommune")
    actor.add_argument("--name", required=True, metavar="NAVN", help="fullt navn")
    actor.add_argument("--kind", dest="actor_kind", required=True, choices=list(typing.get_args(ActorKind)))

    _status_parser(sub, plan)

    serve = sub.add_parser("serve", parents=[plan], help="forhåndsvis nettstedet; det bygges på nytt når en fil lagres")
    serve.add_argument("--port", type=int, default=8000, help="porten (8000)")
    serve.add_argument("--verbose", action="store_true", help="vis også MkDocs' egne meldinger (på engelsk)")

    schema = sub.add_parser(
        "schema", parents=[plan], help="skriv JSON Schema-filene som gir hjelp i redigeringsprogrammer"
    )
    schema.add_argument(
        "--out", type=Path, default=Path("docs/schema"), metavar="MAPPE", help="målmappen (docs/schema)"
    )
    schema.add_argument(
        "--editor-out",
        type=Path,
        default=Path(".vscode/schema"),
        metavar="MAPPE",
        help="mappen for filene med planens id-er, som VS Code leser (.vscode/schema)",
    )
    schema.add_argument("--editor", action="store_true", help="skriv bare filene med planens id-er")
    schema.add_argument(
        "--check",
        action="store_true",
        help="skriv ingenting, men avslutt med 1 når filene i --out ikke er oppdatert med schema.py",
    )
    return parser


def _status_parser(sub: Any, plan: argparse.ArgumentParser) -> None:
    status = sub.add_parser("status", help="statusrunden: arbeidsbok til de ansvarlige, og svarene inn i planen")
    actions = status.add_subparsers(dest="action", required=True, metavar="HVA", parser_class=NorwegianParser)
    export = actions.add_parser(
        "export", parents=[plan], help="lag arbeidsboken (.xlsx) med et ark for hver ansvarlig aktør"
    )
    export.add_argument("--out", type=Path, required=True, metavar="FIL", help="arbeidsboken, f.eks. statusrunde.xlsx")
    export.add_argument("--year", type=int, default=None, metavar="ÅR", help="året det spørres om (i år)")
    export.add_argument("--actor", default=None, metavar="ID", help="bare denne aktøren, f.eks. nes-kommune")
    follow = actions.add_parser(
        "followup", parents=[plan], help="skriv tiltakene som er forsinket eller ikke oppdatert, som Markdown"
    )
    follow.add_argument(
        "--site", default=None, metavar="ADRESSE", help="nettstedets adresse, så tiltakene lenker til sidene sine"
    )
    imp = actions.add_parser(
        "import", parents=[plan], help="legg svarene fra utfylte arbeidsbøker inn som statusoppdateringer"
    )
    imp.add_argument("workbooks", type=Path, nargs="+", metavar="FIL", help="utfylte arbeidsbøker (.xlsx)")
    imp.add_argument("--dry-run", action="store_true", help="vis hva som ville blitt endret, uten å skrive noe")
    imp.add_argument(
        "--pr-body", type=Path, default=None, metavar="FIL", help="skriv en beskrivelse til en pull request"
    )


def main(argv: Sequence[str] | None = None) -> int:
    from scripts.core.dates import today

    args = build_parser().parse_args(argv)
    args.today = today()  # the clock, read once: every command gets the day from here
    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        print("plan: avbrutt", file=sys.stderr)
        return 130
    except Exception as error:  # the last line of defence: a message, never a traceback
        print(
            f"plan: intern feil i «plan {args.command}»: {type(error).__name__}: {error}. "
            "Dette er en feil i verktøyet, ikke i planen: meld fra til utviklerne.",
            file=sys.stderr,
        )
        return EXIT_INVALID


if __name__ == "__main__":
    sys.exit(main())
