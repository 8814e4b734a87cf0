"""YAML that changes a value without an error is an error with the line to write; what YAML reads as written
stays allowed.

The traps themselves, each with its exact message, are fixtures in tests/fixtures/invalid/ (hash-inside-text,
hash-empties-optional-text, exponent-as-text, leading-zero-in-text, boolean-as-text, thousands-point-in-amount,
thousands-point-in-value, colon-at-end-of-text, colon-in-text, norway-problem-boolean, http-link). Here: what must
not become an error, and how the loader keeps what YAML dropped.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import replace_once
from scripts.core.problems import errors
from scripts.editor.dump import to_yaml
from scripts.editor.guide.errors import EXAMPLE_TODAY
from scripts.load.strict import Document, load_file
from scripts.validate.numbers import thousands_fix
from scripts.validate.validator import validate_folder

FOCUS_AREA = Path("plan") / "satsingsomrader" / "1-nettverk.yaml"


def validate(workdir: Path, old: str, new: str) -> tuple[object, list[str]]:
    """The plan after one edit of the focus area's file, and every problem as `plan validate` prints it."""
    replace_once(workdir / FOCUS_AREA, old, new)
    plan, problems = validate_folder(workdir / "plan", EXAMPLE_TODAY)
    return plan, [str(p) for p in errors(problems)]


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "Nei", "Ja"])
def test_yaml_1_1_booleans_in_a_text_field_are_the_text_written(workdir: Path, word: str) -> None:
    plan, problems = validate(workdir, "title: Nettverk for logistikk", f"title: {word}")

    assert problems == []
    assert plan is not None
    assert plan.focus_areas[0].goals[0].measures[0].title == word  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("title: Nettverk for logistikk", "# En kommentar på egen linje\n        title: Nettverk for logistikk"),
        ("title: Nettverk for logistikk", 'title: "Nettverk for logistikk" # en kommentar etter anførselstegn'),
        ("title: Nettverk for logistikk", "title: Nettverk for C# og F#"),
        ("title: Nettverk for logistikk", "title: Nettverk nr.#3"),
        ("role: ansvarlig", "role: ansvarlig  # rollen ble endret i mai"),
        ("secured: true}", "secured: true}  # fra søknaden"),
        ("text: I gang.", "text: |\n              I gang. #vekst står i teksten"),
    ],
    ids=[
        "comment-line",
        "after-quotes",
        "hash-in-a-word",
        "hash-after-a-point",
        "after-a-status",
        "after-braces",
        "block-text",
    ],
)
def test_comments_that_cut_no_text_are_allowed(workdir: Path, old: str, new: str) -> None:
    plan, problems = validate(workdir, old, new)

    assert problems == []
    assert plan is not None


def test_a_block_text_keeps_its_hash(workdir: Path) -> None:
    plan, _ = validate(workdir, "text: I gang.", "text: |\n              I gang. #vekst står i teksten")

    update = plan.focus_areas[0].goals[0].measures[0].status_updates[0]  # type: ignore[attr-defined]
    assert update.text == "I gang. #vekst står i teksten\n"


@pytest.mark.parametrize("amount", ["250000", "2500.5e2", "1e6"])
def test_whole_amounts_written_as_yaml_numbers_are_accepted(workdir: Path, amount: str) -> None:
    plan, problems = validate(workdir, "amount: 250000", f"amount: {amount}")

    assert problems == []
    assert plan is not None


def test_a_text_cut_by_a_comment_over_several_lines_is_found_at_its_last_line(workdir: Path) -> None:
    _, problems = validate(workdir, "text: I gang.", "text: I gang, og 31 bedrifter\n              er med #vekst")

    assert len(problems) == 1
    assert "teksten stopper ved « #»" in problems[0]
    assert 'skriv text: "I gang, og 31 bedrifter er med #vekst"' in problems[0]


def test_a_text_with_double_quotes_is_suggested_in_single_quotes(workdir: Path) -> None:
    _, problems = validate(workdir, "text: I gang.", 'text: Prosjektet «Grønn» er "i gang" #vekst')

    assert len(problems) == 1
    assert """skriv text: 'Prosjektet «Grønn» er "i gang" #vekst'""" in problems[0]


def test_the_loader_keeps_the_comment_after_an_unquoted_value_and_the_text_of_numbers(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(
        'a: 31 er med #vekst\nb: "sitert" # ok\nc: 200.000\nd: 0123\ne: [x, y] # z\nf: tekst\n', encoding="utf-8"
    )

    loaded = load_file(path)

    assert isinstance(loaded, Document)
    assert loaded.data["a"] == "31 er med"
    assert loaded.positions.cut == {("a",): " #vekst"}
    assert loaded.positions.written == {("c",): "200.000", ("d",): "0123"}


def test_a_decimal_that_looks_like_thousands_has_a_way_to_be_written(workdir: Path) -> None:
    said = thousands_fix("1.125", whole=False)
    assert said is not None and said.endswith("skriv 1125 for 1 125, eller 1.1250 for 1,125")
    assert thousands_fix("1.1250", whole=False) is None


def test_the_plans_writer_never_writes_a_decimal_that_looks_like_thousands() -> None:
    assert to_yaml({"value": 1.125, "other": 31.5}) == "value: 1.1250\nother: 31.5\n"
