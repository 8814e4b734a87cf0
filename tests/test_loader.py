"""The strict YAML loader: YAML 1.2 values, no lost keys, positions for every value, bounded work."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from conftest import VALID_PLAN
from scripts.core.problems import Diagnostic
from scripts.load import strict as loader
from scripts.load.strict import MAX_EXPANDED_NODES, Document, load_file
from scripts.load.syntax import FileProblem


def load(tmp_path: Path, text: str) -> Document | Diagnostic:
    path = tmp_path / "test.yaml"
    path.write_text(text, encoding="utf-8")
    return load_file(path, "test.yaml")


def data(tmp_path: Path, text: str) -> dict[str, object]:
    loaded = load(tmp_path, text)
    assert isinstance(loaded, Document), loaded
    return loaded.data


@pytest.mark.parametrize("word", ["no", "No", "yes", "on", "off", "y", "n", "NO"])
def test_yaml_1_1_booleans_stay_text(tmp_path: Path, word: str) -> None:
    assert data(tmp_path, f"country: {word}\n") == {"country": word}


@pytest.mark.parametrize(("text", "value"), [("true", True), ("False", False), ("TRUE", True)])
def test_only_true_and_false_are_booleans(tmp_path: Path, text: str, value: bool) -> None:
    assert data(tmp_path, f"x: {text}\n") == {"x": value}


@pytest.mark.parametrize(
    ("text", "value"),
    [("12", 12), ("-3", -3), ("0o17", 15), ("0x1F", 31), ("012", 12), ("1.5", 1.5), (".5", 0.5), ("1e3", 1000.0)],
)
def test_numbers_follow_the_yaml_1_2_core_schema(tmp_path: Path, text: str, value: object) -> None:
    assert data(tmp_path, f"x: {text}\n") == {"x": value}


@pytest.mark.parametrize("text", ["1_000", "1:20", "2021-04-23", "0b101", "+.5.5", "~x"])
def test_yaml_1_1_only_forms_stay_text(tmp_path: Path, text: str) -> None:
    assert data(tmp_path, f"x: {text}\n") == {"x": text}


def test_null_forms(tmp_path: Path) -> None:
    assert data(tmp_path, "a:\nb: ~\nc: null\n") == {"a": None, "b": None, "c": None}


@pytest.mark.parametrize("ident", ["1", "1.10", "1.2.3", "2.0", "007"])
def test_ids_and_versions_keep_their_source_text(tmp_path: Path, ident: str) -> None:
    assert data(tmp_path, f"id: {ident}\nversion: {ident}\n") == {"id": ident, "version": ident}


def test_a_duplicate_key_is_an_error_at_the_second_key(tmp_path: Path) -> None:
    problem = load(tmp_path, "title: A\nsummary: B\ntitle: C\n")
    assert problem == Diagnostic(
        "test.yaml",
        3,
        1,
        "nøkkelen «title» står to ganger (første gang på linje 1). YAML beholder bare den siste, så det andre "
        "innholdet ville gått tapt: slå dem sammen eller fjern den ene",
    )


def test_positions_of_values_and_keys_are_one_based(tmp_path: Path) -> None:
    loaded = load(tmp_path, "goals:\n  - id: '1.1'\n    measures:\n      - status: pågår\n")
    assert isinstance(loaded, Document)
    assert loaded.positions.of(("goals", 0, "measures", 0, "status")) == (4, 17)
    assert loaded.positions.of(("goals", 0, "measures", 0, "status"), key=True) == (4, 9)
    assert loaded.positions.of(("goals", 0)) == (2, 5)


def test_position_of_a_missing_key_falls_back_to_its_parent(tmp_path: Path) -> None:
    loaded = load(tmp_path, "goals:\n  - id: '1.1'\n")
    assert isinstance(loaded, Document)
    assert loaded.positions.of(("goals", 0, "title")) == (2, 5)


def test_a_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbftitle: \xc3\xa6\n")
    loaded = load_file(path)
    assert isinstance(loaded, Document) and loaded.data == {"title": "æ"}


def test_utf16_is_named(tmp_path: Path) -> None:
    path = tmp_path / "utf16.yaml"
    path.write_bytes("title: x\n".encode("utf-16"))
    loaded = load_file(path, "utf16.yaml")
    assert loaded == Diagnostic("utf16.yaml", 1, 1, "filen er lagret som UTF-16; lagre den som UTF-8")


def test_an_alias_expansion_over_the_limit_is_refused_quickly(tmp_path: Path) -> None:
    base = "[" + ", ".join(["x"] * 5000) + "]"
    text = f"a: &a {base}\nb: [" + ", ".join(["*a"] * 25) + "]\n"
    started = time.perf_counter()
    loaded = load(tmp_path, text)
    elapsed = time.perf_counter() - started
    assert isinstance(loaded, Diagnostic)
    assert loaded.line == 2
    assert f"over {MAX_EXPANDED_NODES} verdier" in loaded.message
    assert elapsed < 5, "the check must not expand the aliases"


def test_a_few_aliases_are_allowed_and_expanded(tmp_path: Path) -> None:
    assert data(tmp_path, "a: &a [1, 2]\nb: *a\n") == {"a": [1, 2], "b": [1, 2]}


def test_deep_nesting_is_an_error_not_a_crash(tmp_path: Path) -> None:
    loaded = load(tmp_path, "x: " + "[" * 5000 + "]" * 5000 + "\n")
    assert isinstance(loaded, Diagnostic)
    assert "nestet" in loaded.message


@pytest.mark.parametrize("tag", ["!!binary aGVp", "!!timestamp 2021-01-01", "!foo bar", "!!set {a}"])
def test_tags_other_than_the_core_ones_are_refused(tmp_path: Path, tag: str) -> None:
    loaded = load(tmp_path, f"x: {tag}\n")
    assert isinstance(loaded, Diagnostic)
    assert "er ikke tillatt i planfilene" in loaded.message


def test_explicit_core_tags_are_allowed(tmp_path: Path) -> None:
    assert data(tmp_path, "x: !!str 12\ny: !!int '7'\n") == {"x": "12", "y": 7}


def test_merge_keys_are_just_keys(tmp_path: Path) -> None:
    assert data(tmp_path, "a: &a {x: 1}\nb:\n  <<: *a\n") == {"a": {"x": 1}, "b": {"<<": {"x": 1}}}


# --------------------------------------------------------------------------------------------------------
# libyaml (the fast path) and the Python loader read every file alike
# --------------------------------------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent
YAML_FILES = [
    *sorted((ROOT / "plan").rglob("*.yaml")),
    *sorted((ROOT / "tests" / "fixtures").rglob("*.yaml")),
    *sorted((ROOT / "scripts" / "editor" / "guide" / "examples").rglob("*.yaml")),
]


def _outcome(node: object, *, tree: bool = False) -> object:
    """The data and positions built from a node graph, or the problem that stopped the building."""
    try:
        data, positions = loader._data(node, tree=tree)  # type: ignore[arg-type]
    except FileProblem as problem:
        return ("problem", problem.line, problem.col, problem.message)
    return (data, positions.values, positions.keys)


def _python_outcome(text: str) -> object:
    """What the Python loader makes of a text: the outcome of its node graph, or why there is none."""
    python = loader.StrictLoader(text)
    try:
        node = python.get_single_node()
    except yaml.YAMLError:
        return "not YAML"
    finally:
        python.dispose()
    return "empty" if node is None else _outcome(node)


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML without libyaml")
@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_libyaml_builds_the_same_data_and_positions_as_the_python_loader_or_leaves_the_file_to_it(
    path: Path,
) -> None:
    try:
        text = loader._decode(path.read_bytes())
    except FileProblem:
        pytest.skip("not UTF-8: neither parser gets to see the file")
    fast = loader._compose_fast(text)
    if loader._ANCHOR.search(text):
        assert fast is None, "a file with anchors goes through the Python loader, which counts the aliases"
    elif fast is None:
        assert _python_outcome(text) in ("not YAML", "empty"), "libyaml gave up on a file the Python loader reads"
    else:
        assert _outcome(fast, tree=True) == _python_outcome(text)


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML without libyaml")
def test_a_plan_without_anchors_is_read_with_libyaml() -> None:
    for path in sorted(VALID_PLAN.rglob("*.yaml")):
        assert loader._compose_fast(path.read_text(encoding="utf-8")) is not None, path


def test_a_file_with_anchors_goes_through_the_python_loader_and_its_alias_limit(tmp_path: Path) -> None:
    text = "a: &a 1\nb: [" + ", ".join(["*a"] * 30) + "]\n"
    assert loader._compose_fast(text) is None
    loaded = load(tmp_path, text)
    assert isinstance(loaded, Diagnostic)
    assert "mer enn 25 YAML-alias" in loaded.message
