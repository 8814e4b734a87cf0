"""Messages that do not mislead: no English from YAML or argparse reaches an editor, invisible characters are
named, numbers written in words get the digits to write, copies are called copies.

The full messages for whole plans are pinned by the fixtures in tests/fixtures/invalid/ (test_invalid_plans.py);
these tests cover the rules behind them over many more inputs.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from conftest import run_plan
from scripts.cli import build_parser
from scripts.core.problems import Diagnostic
from scripts.load.folder import original_name
from scripts.load.strict import Document, load_file
from scripts.model.catalog import Catalog
from scripts.model.fields import hidden_problem
from scripts.validate.numbers import number_fix

#: Words of PyYAML's and argparse's English messages; none may reach an editor.
ENGLISH = re.compile(
    r"\b(expected|found|mapping|scanner|scanning|while|parsing|but|character|token|node|stream|document|block|"
    r"sequence|allowed|usage|options|positional|arguments|show|exit|required|invalid|choose|unrecognized|error)\b",
    re.IGNORECASE,
)

#: Broken YAML of every kind PyYAML has a message for, as an editor might write it.
BROKEN_YAML = [
    "title: Reiseliv: nettverk\nsummary: x\n",
    "title: x\n  summary: y\n",
    "goals:\n  - id: 1\n   title: x\n",
    "title: 'ikke lukket\nsummary: x\n",
    'title: "ikke lukket\nsummary: x\n',
    "title: x\n\tsummary: y\n",
    "description: - punkt\n",
    "description: @kari\n",
    "description: `kode`\n",
    "description: %50\n",
    "description: | tekst\n",
    "description: > tekst\n",
    "description: *viktig*\n",
    "description: & og\n",
    "description: ? spørsmål\n",
    "description: , komma\n",
    "description: [a] og b\n",
    "description: {a} og b\n",
    'description: "sitat" og mer\n',
    "description: ]\n",
    "description: }\n",
    "tags: [a, b\nsummary: x\n",
    "period: {start: 2021, end: 2023\nsummary: x\n",
    "a: *ukjent\n",
    "a: &x 1\nb: &x 2\n",
    "a: 1\n---\nb: 2\n",
    "%YAML 1.1\n%YAML 1.1\n---\na: 1\n",
    "%TAG ! tag:x\n%TAG ! tag:y\n---\na: 1\n",
    "a: !<x\n",
    "a: !x!y z\n",
    'a: "\\q"\n',
    'a: "\\x4"\n',
    "a: |9x\n  b\n",
    "a: |0\n  b\n",
    "a: x\n...\nb: y\n",
    "? [a]\n: b\n",
    "a:\n  - b\n  c: d\n",
    "a:\n  b: c\n - d\n",
    "roles:\n  - actor: a\n    role: b\n    actor: c\n",
    "a: b: c\n",
    "- a\nb: c\n",
    "a: 'x' y\n",
    "a: \x07\n",
    "a: [b, c]]\n",
    "a: {b: c}}\n",
    "a:\n  - b\n - c\n",
    "a: b\n c: d\n",
]


@pytest.mark.parametrize("text", BROKEN_YAML)
def test_no_english_from_yaml_reaches_the_editor(tmp_path: Path, text: str) -> None:
    path = tmp_path / "fil.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = load_file(path, "fil.yaml")
    assert isinstance(loaded, Diagnostic), f"{text!r} was read as {loaded}"
    assert not ENGLISH.search(loaded.message), loaded.message


def _commands(parser: argparse.ArgumentParser, words: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command and subcommand of the parser, as the words that call it."""
    found = [words]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += _commands(sub, (*words, name))
    return found


COMMANDS = _commands(build_parser())


@pytest.mark.parametrize("words", COMMANDS, ids=lambda words: " ".join(("plan", *words)))
def test_help_of_every_command_has_no_english_argparse_words(words: tuple[str, ...]) -> None:
    result = run_plan(*words, "--help")
    assert result.code == 0
    assert result.stdout.startswith("bruk: plan")
    assert not ENGLISH.search(result.stdout), result.stdout


def test_there_are_subcommands_to_check() -> None:
    assert {("validate",), ("new", "measure"), ("schema",)} <= set(COMMANDS)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["new", "measure"], "disse argumentene mangler: --goal"),
        (["validate", "--format", "x"], "ugyldig valg: 'x' (velg blant 'tekst', 'github')"),
        (["pdf", "--report", "i fjor"], "ugyldig verdi: 'i fjor'"),
        (["validate", "--plan"], "venter én verdi"),
        ([], "disse argumentene mangler: KOMMANDO"),
    ],
)
def test_usage_errors_are_in_norwegian(args: list[str], expected: str) -> None:
    result = run_plan(*args)
    assert result.code == 2
    assert expected in result.stderr
    assert result.stderr.startswith("bruk: plan")
    assert not ENGLISH.search(result.stderr), result.stderr


# --------------------------------------------------------------------------------------------------------
# Invisible characters
# --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\u200b", "et usynlig tegn (nullbredde mellomrom, U+200B)"),
        ("\u200d", "et usynlig tegn (nullbredde sammenføyer, U+200D)"),
        ("\u2060", "et usynlig tegn (ordbinder, U+2060)"),
        ("\ufeff", "et usynlig tegn (byte-rekkefølgemerke (BOM), U+FEFF)"),
        ("\u00ad", "et usynlig tegn (myk bindestrek, U+00AD)"),
    ],
)
@pytest.mark.parametrize("where", ["value", "key", "text"])
def test_an_invisible_character_is_named_at_its_line_and_column(
    tmp_path: Path, char: str, name: str, where: str
) -> None:
    line = {"value": f"actor: nes-kommune{char}", "key": f"ac{char}tor: x", "text": f"text: Et nett{char}verk."}[where]
    path = tmp_path / "fil.yaml"
    path.write_text(f"id: x\n{line}\n", encoding="utf-8")
    loaded = load_file(path, "fil.yaml")
    assert isinstance(loaded, Diagnostic)
    assert (loaded.line, loaded.col) == (2, line.index(char) + 1)
    assert loaded.message.startswith(name + " står etter «")
    assert "slett tegnet" in loaded.message


def test_every_invisible_character_of_a_file_is_counted(tmp_path: Path) -> None:
    path = tmp_path / "fil.yaml"
    path.write_text("a: x\u200b\nb: y\nc: z\u200b\nd: \u00adw\n", encoding="utf-8")
    loaded = load_file(path, "fil.yaml")
    assert isinstance(loaded, Diagnostic)
    assert loaded.line == 1
    assert loaded.message.endswith("Det er flere slike tegn på linje 3 og 4.")


@pytest.mark.parametrize(
    "text",
    [
        "title: Kr\u00a0500 til hver",  # a no-break space inside running text is good typography
        "title: 5\u202f000 besøkende",
        "title: Utvikler \U0001f469\u200d\U0001f4bb",  # a joiner inside an emoji
    ],
)
def test_no_break_spaces_in_running_text_and_joiners_in_emoji_are_fine(tmp_path: Path, text: str) -> None:
    path = tmp_path / "fil.yaml"
    path.write_text(text + "\n", encoding="utf-8")
    assert isinstance(load_file(path, "fil.yaml"), Document)


@pytest.mark.parametrize(
    ("line", "col"),
    [("  actor:\u00a0nes-kommune", 9), ("\u00a0 role: x", 1), ("  -\u00a0role: x", 4)],
)
def test_a_no_break_space_where_yaml_needs_a_space_is_named(tmp_path: Path, line: str, col: int) -> None:
    path = tmp_path / "fil.yaml"
    path.write_text(f"roles:\n  - actor: a\n    role: b\n{line}\n  role: c\n", encoding="utf-8")
    loaded = load_file(path, "fil.yaml")
    assert isinstance(loaded, Diagnostic)
    assert (loaded.line, loaded.col) == (4, col)
    assert "(hardt mellomrom, U+00A0)" in loaded.message
    assert "bytt det ut med et vanlig mellomrom" in loaded.message


def test_a_no_break_space_in_a_key_is_named(tmp_path: Path) -> None:
    path = tmp_path / "fil.yaml"
    path.write_text("id: x\nrole\u00a0: y\n", encoding="utf-8")
    loaded = load_file(path, "fil.yaml")
    assert loaded == Diagnostic(
        "fil.yaml",
        2,
        5,
        "feltnavnet «role» har et mellomrom som ikke er et vanlig mellomrom (hardt mellomrom, U+00A0): slett det",
    )


def test_a_no_break_space_in_a_text_over_several_lines_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "fil.yaml"
    path.write_text("a: |\n  første linje\n  \u00a0andre linje\nb: 'x\n  \u00a0y'\n", encoding="utf-8")
    assert isinstance(load_file(path, "fil.yaml"), Document)


def test_an_id_with_a_no_break_space_is_named_instead_of_suggesting_itself() -> None:
    assert hidden_problem("nes-kommune\u00a0") == (
        "«nes-kommune» har et mellomrom som ikke er et vanlig mellomrom (hardt mellomrom, U+00A0) etter "
        "«nes-kommune»: slett tegnet (skriv verdien på nytt med vanlige tegn)"
    )
    assert hidden_problem("nes-kommune") is None


# --------------------------------------------------------------------------------------------------------
# Conflict markers, numbers, removed measures, copies
# --------------------------------------------------------------------------------------------------------


def test_merge_conflict_markers_are_recognised_before_yaml(tmp_path: Path) -> None:
    path = tmp_path / "fil.yaml"
    path.write_text("a: 1\n<<<<<<< HEAD\nb: 2\n=======\nb: 3\n>>>>>>> gren\n", encoding="utf-8")
    loaded = load_file(path, "fil.yaml")
    assert isinstance(loaded, Diagnostic)
    assert (loaded.line, loaded.col) == (2, 1)
    assert loaded.message.startswith("filen har rester av en flettekonflikt på linje 2–6")


def test_a_line_of_equals_signs_alone_is_no_conflict(tmp_path: Path) -> None:
    path = tmp_path / "fil.yaml"
    path.write_text("a: |\n  Overskrift\n  =======\n", encoding="utf-8")
    assert isinstance(load_file(path, "fil.yaml"), Document)


@pytest.mark.parametrize(
    ("value", "whole", "fix"),
    [
        ("1,5 mill", True, ": skriv 1500000 (bare sifre)"),
        ("1,5 millioner", True, ": skriv 1500000 (bare sifre)"),
        ("kr 500 000", True, ": skriv 500000 (bare sifre)"),
        ("500 000 kr", True, ": skriv 500000 (bare sifre)"),
        ("2.650.000", True, ": skriv 2650000 (bare sifre)"),
        ("2 650 000,-", True, ": skriv 2650000 (bare sifre)"),
        ("500k", True, ": skriv 500000 (bare sifre)"),
        ("21,5", False, ": skriv 21.5 (bare sifre, med punktum som desimaltegn)"),
        ("12,5 %", False, ": skriv 12.5 (bare sifre, med punktum som desimaltegn)"),
        ("ukjent", True, None),
        ("ca. 5", True, None),
    ],
)
def test_numbers_written_in_words_get_the_digits_to_write(value: str, whole: bool, fix: str | None) -> None:
    assert number_fix(value, whole=whole) == fix


def test_a_decimal_amount_is_told_to_be_whole() -> None:
    fix = number_fix("1,5", whole=True)
    assert fix is not None and "helt tall uten desimaler" in fix


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a: {value: 21,5}\n", {"value": "21,5"}),
        ("a: {amount: 1,5 mill, year: 2022}\n", {"amount": "1,5 mill", "year": 2022}),
    ],
)
def test_a_decimal_comma_in_braces_stays_one_value(tmp_path: Path, text: str, value: object) -> None:
    path = tmp_path / "fil.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = load_file(path, "fil.yaml")
    assert isinstance(loaded, Document)
    assert loaded.data == {"a": value}


def test_fields_in_braces_separated_by_commas_are_still_fields(tmp_path: Path) -> None:
    path = tmp_path / "fil.yaml"
    path.write_text("a: {year: 2022,amount: 5, list: [1,2]}\n", encoding="utf-8")
    loaded = load_file(path, "fil.yaml")
    assert isinstance(loaded, Document)
    assert loaded.data == {"a": {"year": 2022, "amount": 5, "list": [1, 2]}}


@pytest.mark.parametrize("missing", ["1.1.3", "1.2.1", "3.2.7", "1.1.10"])
def test_a_removed_measure_suggests_no_other_measure(missing: str) -> None:
    catalog = Catalog(measures=["1.1.1", "1.1.2", "1.2.1"][: 2 if missing == "1.2.1" else 3])
    problem = catalog.measure_problem(missing)
    assert problem is not None
    assert "mente du" not in problem
    assert "kanskje er det fjernet" in problem


def test_a_measure_number_written_with_commas_is_suggested() -> None:
    assert Catalog(measures=["1.1.2"]).measure_problem("1,1,2") == "ukjent tiltak «1,1,2» – mente du «1.1.2»?"


@pytest.mark.parametrize(
    ("name", "original"),
    [
        ("3-omstilling - Kopi.yaml", "3-omstilling.yaml"),
        ("3-omstilling - Copy (2).yaml", "3-omstilling.yaml"),
        ("Kopi av 3-omstilling.yaml", "3-omstilling.yaml"),
        ("Copy of 3-omstilling.yaml", "3-omstilling.yaml"),
        ("3-omstilling (1).yaml", "3-omstilling.yaml"),
        ("3-omstilling kopi.yaml", "3-omstilling.yaml"),
        ("3-omstilling.yaml", None),
        ("3-kopimaskiner.yaml", None),
    ],
)
def test_names_of_copies_are_recognised(name: str, original: str | None) -> None:
    assert original_name(name) == original


def test_a_copy_with_a_longer_name_and_the_same_number_is_reported_in_the_copy(workdir: Path) -> None:
    folder = workdir / "plan" / "satsingsomrader"
    (folder / "1-nettverk-ny.yaml").write_bytes((folder / "1-nettverk.yaml").read_bytes())

    result = run_plan("validate", "--plan", "plan", cwd=workdir)

    assert result.code == 1
    assert result.stderr.splitlines() == [
        "plan/satsingsomrader/1-nettverk-ny.yaml:1:1: filen ser ut som en kopi av 1-nettverk.yaml: den har det "
        "samme satsingsområdet (nummer «1»). Slett kopien. Skal den bli et nytt satsingsområde, gi den et nytt "
        "nummer (id) og et navn som begynner med nummeret"
    ]
