"""`plan diff` gives a reviewer what they need to act on: which budget line changed, an indicator's target in
words, a change of blanks named as such, the guide's warning when an old status update is edited, no account
notified by anything GitHub would read as a mention, and raw text for tools (``--json``).

Each case changes a copy of the filled-out plan (``tests/fixtures/diff/full-plan``) and reads the comment.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from test_diff import FA, Edit, edit
from test_diff_fields import FULL_PLAN, GFM, diff

from conftest import run_plan
from scripts.editor.diff.rules import KEEP_STATUS_UPDATES
from scripts.editor.diff.text import JOINER, md

NBSP = "\xa0"
VIKEN = "{year: 2022, amount: 250000, funder: viken-fylkeskommune, secured: true, note: Tilskudd.}\n"


def lines(shown: str) -> list[str]:
    """The comment's lines, with the non-breaking spaces of numbers as plain spaces."""
    return shown.replace(NBSP, " ").splitlines()


# --------------------------------------------------------------------------------------------------------
# Budget: each changed line as well as the totals
# --------------------------------------------------------------------------------------------------------


def test_a_changed_amount_names_its_year_funder_and_both_amounts_under_the_totals(tmp_path: Path) -> None:
    shown = lines(diff(tmp_path, [(FA, "amount: 250000", "amount: 300000")]))
    at = shown.index("- Tiltak 1.1.1 Nettverk for logistikk: budsjettet er endret fra 250 000 kr til 300 000 kr:")
    assert shown[at + 1] == "  - 2022, Viken fylkeskommune: 250 000 kr → 300 000 kr (bevilget)"


def test_new_and_removed_budget_lines_are_named_with_their_amount(tmp_path: Path) -> None:
    added = f"{VIKEN}          - {{year: 2023, amount: 100000, funder: nes-kommune, secured: false}}\n"
    shown = lines(diff(tmp_path, [(FA, VIKEN, added)]))
    assert "  - 2023, Nes kommune: ny post på 100 000 kr (planlagt)" in shown
    shown = lines(diff(tmp_path / "fjernet", [(FA, f"        budget:\n          - {VIKEN}", "")]))
    assert "- Tiltak 1.1.1 Nettverk for logistikk: budsjettet er endret fra 250 000 kr til 0 kr:" in shown
    assert "  - 2022, Viken fylkeskommune: posten på 250 000 kr (bevilget) er fjernet" in shown


def test_money_moved_between_years_is_a_new_distribution_with_the_same_total(tmp_path: Path) -> None:
    split = (
        "{year: 2022, amount: 150000, funder: viken-fylkeskommune, secured: true, note: Tilskudd.}\n"
        "          - {year: 2023, amount: 100000, funder: viken-fylkeskommune, secured: true}\n"
    )
    shown = lines(diff(tmp_path, [(FA, VIKEN, split)]))
    assert "- Tiltak 1.1.1 Nettverk for logistikk: budsjettet er fordelt på nytt (fortsatt 250 000 kr i alt):" in shown
    assert "  - 2022, Viken fylkeskommune: 250 000 kr → 150 000 kr (bevilget)" in shown
    assert "  - 2023, Viken fylkeskommune: ny post på 100 000 kr (bevilget)" in shown
    assert "  - Viken fylkeskommune i alt: 250 000 kr (bevilget 250 000 kr, planlagt 0 kr)" in shown


def test_a_line_that_changes_amount_and_is_no_longer_secured_says_both(tmp_path: Path) -> None:
    shown = lines(
        diff(
            tmp_path,
            [
                (
                    FA,
                    "amount: 250000, funder: viken-fylkeskommune, secured: true",
                    "amount: 200000, funder: viken-fylkeskommune, secured: false",
                )
            ],
        )
    )
    assert "  - 2022, Viken fylkeskommune: 250 000 kr (bevilget) → 200 000 kr (planlagt)" in shown


# --------------------------------------------------------------------------------------------------------
# Indicators in words
# --------------------------------------------------------------------------------------------------------

TARGET = "target: {year: 2030, value: 150}"


@pytest.mark.parametrize(
    ("edits", "line"),
    [
        (
            [("indikatorer.yaml", TARGET, "target: {year: 2030, value: 62000}")],
            "- Indikator Arbeidsplasser: målverdien for 2030 er endret fra 150 til 62 000",
        ),
        (
            [("indikatorer.yaml", TARGET, "target: {year: 2032, value: 160}")],
            "- Indikator Arbeidsplasser: målverdien er endret fra 150 i 2030 til 160 i 2032",
        ),
        (
            [
                ("indikatorer.yaml", TARGET, "target: {year: 2030, value: 150.25}"),
                ("indikatorer.yaml", "unit: antall", "unit: arbeidsplasser"),
            ],
            "- Indikator Arbeidsplasser: målverdien for 2030 er endret fra 150 til 150,25 arbeidsplasser",
        ),
    ],
    ids=["value", "year", "decimals-and-unit"],
)
def test_an_indicators_target_is_said_in_words_with_norwegian_numbers(
    tmp_path: Path, edits: list[Edit], line: str
) -> None:
    assert line in lines(diff(tmp_path, edits))


def test_a_baseline_is_said_the_same_way(tmp_path: Path) -> None:
    baseline = re.search(r"baseline: \{year: (\d+), value: (\d+)\}", (FULL_PLAN / "indikatorer.yaml").read_text())
    assert baseline is not None
    year, value = baseline.groups()
    shown = diff(tmp_path, [("indikatorer.yaml", baseline.group(0), f"baseline: {{year: {year}, value: 120.5}}")])
    assert f"- Indikator Arbeidsplasser: utgangsverdien for {year} er endret fra {value} til 120,5" in lines(shown)


# --------------------------------------------------------------------------------------------------------
# Blanks
# --------------------------------------------------------------------------------------------------------


def test_a_tab_typed_in_a_text_is_named_a_tab_and_where_it_is(tmp_path: Path) -> None:
    shown = diff(tmp_path, [(FA, "text: I gang.", 'text: "I\\tgang."')])
    assert (
        "- Tiltak 1.1.1 Nettverk for logistikk: statusoppdateringen 15. september 2021 er endret: tekst: bare blanke "
        "tegn er endret: mellom «I» og «gang.»: mellomrom → tabulator"
    ) in lines(shown)
    assert "linjeskift" not in shown


def test_a_line_break_and_a_double_space_are_named_as_such(tmp_path: Path) -> None:
    summary = "summary: Flere bedrifter i nettverk."
    shown = diff(tmp_path, [(FA, summary, 'summary: "Flere  bedrifter i\\nnettverk."')])
    assert (
        "- Satsingsområde 1: sammendrag endret: bare blanke tegn er endret: mellom «Flere» og «bedrifter»: "
        "mellomrom → 2 mellomrom; mellom «i» og «nettverk.»: mellomrom → linjeskift"
    ) in lines(shown)


def test_a_title_that_only_gets_another_blank_is_not_a_new_title(tmp_path: Path) -> None:
    shown = diff(tmp_path, [(FA, "title: Nettverk for reiseliv", 'title: "Nettverk for reiseliv "')])
    assert "- Tiltak 1.1.2: tittel endret: bare blanke tegn er endret: etter «reiseliv»: ingenting → mellomrom" in (
        lines(shown)
    )


# --------------------------------------------------------------------------------------------------------
# An edited status update
# --------------------------------------------------------------------------------------------------------


def test_editing_an_old_status_update_gets_the_warning_box_with_the_guides_rule(tmp_path: Path) -> None:
    shown = diff(tmp_path, [(FA, "text: I gang.", "text: Godt i gang.")])
    box = [line for line in shown.splitlines() if line.startswith(">")]
    assert box[0] == "> [!WARNING]"
    assert any(
        line.startswith("> - Tiltak 1.1.1 Nettverk for logistikk: statusoppdateringen 15. september 2021 er endret.")
        and KEEP_STATUS_UPDATES.words in line
        for line in box
    ), box


def test_adding_a_status_update_gets_no_warning(tmp_path: Path) -> None:
    added = "text: I gang.\n          - date: 2022-01-10\n            status: pågår\n            text: Videre.\n"
    assert "[!WARNING]" not in diff(tmp_path, [(FA, "text: I gang.\n", added)])


# --------------------------------------------------------------------------------------------------------
# Mentions, by GitHub's own rule
# --------------------------------------------------------------------------------------------------------

#: GitHub's rule for a user mention, as its html-pipeline writes it (``MentionFilter.MENTION_PATTERNS`` with
#: ``USERNAME_PATTERN``), in Ruby, whose «\w» and «\W» are ASCII only: re.ASCII.
GITHUB_USER = re.compile(
    r"(?:^|\W)@([a-z0-9][a-z0-9-]*+)(?!/)(?=\.+[ \t\W]|\.+$|[^0-9a-zA-Z_.]|$)", re.IGNORECASE | re.ASCII
)
#: And for a team (``TeamMentionFilter.TEAM_PATTERN``).
GITHUB_TEAM = re.compile(r"(?:^|(?<=\W))@([a-z0-9][a-z0-9-]*)/([a-z0-9][a-z0-9\-_]*)\b", re.IGNORECASE | re.ASCII)

MENTIONS = [
    "Spør @kari-nordmann",
    "blå@someone",
    "Spør @kari.",
    "(@Kari) og «@ola»",
    "Se @gardermoregionen/redaktorer",
    "æ@x y",
    "@kari..",
    "@karinå",
]
NOT_MENTIONS = [
    "post@eksempel.no",
    "ola.nordmann@nes.kommune.no",
    "blå@nes.kommune.no",
    "1@x",
    "@kari/",
    "@some-one.no",
    "@ alene",
]


def github_mentions(text: str) -> list[str]:
    return [m.group(0) for pattern in (GITHUB_USER, GITHUB_TEAM) for m in pattern.finditer(text)]


def visible(markdown: str) -> str:
    """The text GitHub's mention filter reads: the rendered comment's text nodes (joiners kept)."""
    return re.sub(r"<[^>]+>", "", GFM.render(markdown)).replace("&amp;", "&").strip()


def test_the_rule_finds_what_github_notifies_and_nothing_else() -> None:
    assert all(github_mentions(text) for text in MENTIONS)
    assert not any(github_mentions(text) for text in NOT_MENTIONS)


@pytest.mark.parametrize("text", MENTIONS)
def test_every_mention_github_would_notify_is_neutralised(text: str) -> None:
    shown = visible(md(text))
    assert shown.replace(JOINER, "") == text
    assert github_mentions(shown) == []


@pytest.mark.parametrize("text", NOT_MENTIONS)
def test_what_github_does_not_read_as_a_mention_is_left_as_written(text: str) -> None:
    assert visible(md(text)) == text


def test_a_mention_after_a_letter_in_a_status_update_notifies_no_one(tmp_path: Path) -> None:
    shown = diff(tmp_path, [(FA, "text: I gang.", "text: Spør blå@someone om det.")])
    assert "blå@someone" not in shown
    assert github_mentions(visible(shown)) == []


# --------------------------------------------------------------------------------------------------------
# --json
# --------------------------------------------------------------------------------------------------------


def test_json_carries_the_text_as_written_without_escapes_or_joiners(tmp_path: Path) -> None:
    old, new = tmp_path / "gammel", tmp_path / "ny"
    shutil.copytree(FULL_PLAN, old)
    shutil.copytree(FULL_PLAN, new)
    edit(new, [(FA, "title: Nettverk for reiseliv", 'title: "Reiseliv *nå* med @kari og #12"')])
    data = json.loads(run_plan("diff", "--json", str(old), str(new)).stdout)
    change = next(c for c in data if c["kind"] == "title_changed")
    assert (
        change["text"] == "Tiltak 1.1.2 har fått ny tittel: «Nettverk for reiseliv» → «Reiseliv *nå* med @kari og #12»"
    )
    assert change["new"] == "Reiseliv *nå* med @kari og #12"
    assert JOINER not in json.dumps(data, ensure_ascii=False)


def test_a_line_given_to_another_funder_names_both_funders(tmp_path: Path) -> None:
    shown = lines(
        diff(tmp_path, [(FA, "funder: viken-fylkeskommune, secured: true", "funder: nes-kommune, secured: true")])
    )
    assert (
        "- Tiltak 1.1.1 Nettverk for logistikk: budsjettet har fått ny finansiør: Viken fylkeskommune → Nes kommune:"
        in (shown)
    )
    assert "  - 2022, 250 000 kr (bevilget): Viken fylkeskommune → Nes kommune" in shown


def test_new_and_corrected_measurements_are_said_in_words(tmp_path: Path) -> None:
    indicators = (FULL_PLAN / "indikatorer.yaml").read_text()
    found = re.search(r"\{year: (\d+), value: (\d+)\}", indicators.split("observations:")[1])
    assert found is not None
    year, value = found.groups()
    shown = diff(tmp_path, [("indikatorer.yaml", found.group(0), f"{{year: {year}, value: 1250}}")])
    assert f"- Arbeidsplasser: målingen for {year} er endret fra {value} til 1 250" in lines(shown)


def test_an_actors_name_that_only_gets_another_blank_says_so(tmp_path: Path) -> None:
    shown = diff(tmp_path, [("actors.yaml", "    name: Nes kommune", '    name: "Nes  kommune"')])
    assert (
        "- Aktøren Nes kommune (nes-kommune): navn: bare blanke tegn er endret: mellom «Nes» og «kommune»: "
        "mellomrom → 2 mellomrom"
    ) in lines(shown)


def test_a_tab_typed_while_words_change_is_named_beside_the_word_diff(tmp_path: Path) -> None:
    shown = diff(tmp_path, [(FA, "text: I gang.", 'text: "I\\tgang. Mer."')])
    assert (
        "- Tiltak 1.1.1 Nettverk for logistikk: statusoppdateringen 15. september 2021 er endret: tekst: I gang. "
        "**Mer.** (blanke tegn er også endret: mellom «I» og «gang.»: mellomrom → tabulator)"
    ) in lines(shown)
