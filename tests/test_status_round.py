"""The status round by spreadsheet (issue 16): `plan status export` makes a workbook with a sheet per lead actor,
the leads fill in «Ny status», «Dato» and «Hva har skjedd», and `plan status import` appends one status update per
answered row to the right measure, keeping every other byte of the plan's files.

The workbooks are made here as a lead makes them: exported from a copy of the small test plan (VALID_PLAN), then
filled in with openpyxl. Every problem is reported at once, located as «FIL.xlsx: ark «…», rad N, kolonne «…»: …»,
and with any error nothing is written. «Today» is fixed (:data:`TODAY`), the round asks about :data:`YEAR`, so the
date cells hold 31.12.2026 by default.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped]
import pytest
from openpyxl.utils.datetime import to_excel  # type: ignore[import-untyped]
from test_fixes import page_html

from conftest import replace_once, run_plan
from schema import Plan
from scripts.editor import listedit
from scripts.editor.status import container, read
from scripts.editor.status.apply import ImportResult, import_status
from scripts.editor.status.export import ExportError, export_workbook
from scripts.editor.status.layout import COLUMNS, GUIDE_SHEET, META_SHEET
from scripts.site.pages import render_site
from scripts.validate.validator import validate_folder

TODAY = dt.date(2027, 1, 10)
YEAR = 2026
DAY = "2026-12-31"
EPOCH = str(int(dt.datetime(2027, 1, 10, 12, tzinfo=dt.UTC).timestamp()))
AREA = "satsingsomrader/1-nettverk.yaml"
NES, HURDAL = "Nes kommune", "Hurdal kommune"
LETTER = {c.key: chr(ord("A") + i) for i, c in enumerate(COLUMNS)}
#: Where a new status update of 1.1.1 goes (after its one update), and where 1.1.2's new list goes (it has none:
#: at the end of the measure).
AFTER_111 = "            text: I gang.\n"
AFTER_112 = '        related: ["1.1.1"]\n'


@pytest.fixture
def folder(workdir: Path) -> Path:
    return workdir / "plan"


def load(folder: Path) -> Plan:
    plan, problems = validate_folder(folder, TODAY)
    assert plan is not None, problems
    return plan


def export(folder: Path, name: str = "statusrunde.xlsx", **options: Any) -> Path:
    """The workbook of the status round, exported from the plan in `folder` to a file beside it."""
    path = folder.parent / name
    path.write_bytes(export_workbook(load(folder), year=options.pop("year", YEAR), today=TODAY, **options).data)
    return path


def fill(path: Path, answers: Mapping[tuple[str, int], Mapping[str, Any]], out: str | None = None) -> Path:
    """The workbook with cells filled in as a lead would: (sheet, row) → column key → value."""
    book = openpyxl.load_workbook(path)
    for (sheet, row), cells in answers.items():
        for key, value in cells.items():
            book[sheet][f"{LETTER[key]}{row}"] = value
    target = path.with_name(out) if out else path
    book.save(target)
    return target


def filled(folder: Path, answers: Mapping[tuple[str, int], Mapping[str, Any]], name: str = "svar.xlsx") -> Path:
    return fill(export(folder, name), answers)


def run(folder: Path, *books: Path, write: bool = True) -> ImportResult:
    return import_status(folder, list(books), today=TODAY, write=write)


def errors(result: ImportResult) -> list[str]:
    return [str(m) for m in result.errors]


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def area(folder: Path) -> str:
    return (folder / AREA).read_text(encoding="utf-8")


def at(path: Path, sheet: str, row: int | None = None, column: str | None = None) -> str:
    """The start of a message located in the workbook at `path`."""
    parts = [f"ark «{sheet}»"] + ([f"rad {row}"] if row else []) + ([f"kolonne «{column}»"] if column else [])
    return f"{path}: {', '.join(parts)}: "


def one_error(result: ImportResult, start: str) -> str:
    """The only error; it starts with `start` (the location); what follows."""
    assert len(errors(result)) == 1, errors(result)
    message = errors(result)[0]
    assert message.startswith(start), message
    return message[len(start) :]


def add_plan_update(folder: Path, date: str, status: str, text: str) -> None:
    update = f"          - date: {date}\n            status: {status}\n            text: {text}\n"
    replace_once(folder / AREA, AFTER_111, AFTER_111 + update)


# -- the round trip ----------------------------------------------------------------------------------------------


def test_export_then_import_without_answers_changes_no_byte_and_exits_0(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    before = files(folder)
    book = folder.parent / "runde.xlsx"
    exported = run_plan("status", "export", "--plan", str(folder), "--year", str(YEAR), "--out", str(book))
    assert exported.code == 0, exported.stderr

    imported = run_plan("status", "import", "--plan", str(folder), str(book))

    assert imported.code == 0, imported.stderr
    assert "Ingenting å legge til." in imported.stdout
    assert files(folder) == before


def test_a_multi_line_answer_is_appended_to_its_measures_updates_and_every_other_byte_stays(folder: Path) -> None:
    before = area(folder)
    book = filled(folder, {(NES, 2): {"new_status": "Fullført", "text": "Nettverket har 40 bedrifter.\nSlutt."}})

    result = run(folder, book)

    assert errors(result) == [] and result.written
    added = (
        f"          - date: {DAY}\n            status: fullført\n            text: |-\n"
        "              Nettverket har 40 bedrifter.\n              Slutt.\n"
    )
    assert area(folder) == before.replace(AFTER_111, AFTER_111 + added, 1)


def test_english_translations_in_the_plan_survive_an_import_untouched(folder: Path) -> None:
    measure_en = "        en:\n          title: Logistics network\n          description: A network.\n"
    update_en = "            en:\n              text: Under way.\n"
    replace_once(
        folder / AREA, "        description: Et nettverk.\n", "        description: Et nettverk.\n" + measure_en
    )
    replace_once(folder / AREA, AFTER_111, AFTER_111 + update_en)
    before = area(folder)
    book = filled(folder, {(NES, 2): {"new_status": "Fullført", "text": "Ferdig."}})

    result = run(folder, book)

    assert errors(result) == [] and result.written
    added = f"          - date: {DAY}\n            status: fullført\n            text: Ferdig.\n"
    assert area(folder) == before.replace(AFTER_111 + update_en, AFTER_111 + update_en + added, 1)
    measure = next(m for _, _, m in load(folder).measures() if m.id == "1.1.1")
    assert measure.en is not None and measure.en.title == "Logistics network"
    assert [u.en.text if u.en else None for u in measure.status_updates] == ["Under way.", None]


def test_a_new_status_without_text_gets_the_list_and_a_text_saying_the_status_changed(folder: Path) -> None:
    before = area(folder)
    book = filled(folder, {(HURDAL, 2): {"new_status": "Pågår"}})

    result = run(folder, book)

    assert errors(result) == [] and result.written
    added = f"        status_updates:\n          - date: {DAY}\n            status: pågår\n"
    added += "            text: Status endret til pågår.\n"
    assert area(folder) == before.replace(AFTER_112, AFTER_112 + added, 1)
    assert [u.made_text for u in result.updates] == [True]


def test_answers_in_two_sheets_change_only_the_file_they_belong_to(folder: Path) -> None:
    before = files(folder)
    book = filled(folder, {(NES, 2): {"text": "Nytt møte."}, (HURDAL, 2): {"new_status": "utsatt"}})

    assert errors(run(folder, book)) == []

    after = files(folder)
    assert [name for name in after if after[name] != before[name]] == [AREA]
    assert {m.id: m.status for _, _, m in load(folder).measures()} == {"1.1.1": "pågår", "1.1.2": "utsatt"}


# -- the export --------------------------------------------------------------------------------------------------


def test_the_guide_comes_first_then_a_sheet_per_lead_in_the_order_of_actors_yaml_then_the_hidden_record(
    folder: Path,
) -> None:
    actors = folder / "actors.yaml"
    text = actors.read_text(encoding="utf-8")
    nes, rest = text.split("  - id: hurdal-kommune\n", 1)
    hurdal, rest = rest.split("  - id: regionradet\n", 1)
    actors.write_text(nes.replace("  - id: nes-kommune\n", "  - id: hurdal-kommune\n" + hurdal + "  - id: nes-kommune\n")
                      + "  - id: regionradet\n" + rest, encoding="utf-8")  # fmt: skip
    book = openpyxl.load_workbook(export(folder))

    assert book.sheetnames == [GUIDE_SHEET, HURDAL, NES, META_SHEET]
    assert book[META_SHEET].sheet_state == "hidden"
    assert [book[name].sheet_state for name in book.sheetnames[:-1]] == ["visible"] * 3


def test_an_actor_sheet_has_a_frozen_header_locked_plan_columns_and_open_answer_columns(folder: Path) -> None:
    sheet = openpyxl.load_workbook(export(folder))[NES]

    assert [c.value for c in sheet[1]] == [c.title for c in COLUMNS]
    assert sheet.freeze_panes == "C2"
    assert sheet.protection.sheet and not sheet.protection.password
    locked = {c.title: sheet[f"{LETTER[c.key]}2"].protection.locked for c in COLUMNS}
    assert locked == {c.title: not c.fill_in for c in COLUMNS}
    assert [c.title for c in COLUMNS if c.fill_in] == ["Ny status", "Dato", "Hva har skjedd"]


def test_new_status_is_a_list_of_the_statuses_labels_and_the_date_is_a_date_cell_with_the_default_day(
    folder: Path,
) -> None:
    sheet = openpyxl.load_workbook(export(folder))[NES]

    lists = [v for v in sheet.data_validations.dataValidation if v.type == "list"]
    assert len(lists) == 1
    assert lists[0].formula1 == '"Planlagt,Pågår,Fullført,Utsatt,Avsluttet"'
    assert f"{LETTER['new_status']}2" in lists[0].sqref
    date = sheet[f"{LETTER['date']}2"]
    assert date.value == dt.datetime(2026, 12, 31) and date.number_format == "DD.MM.YYYY"


def test_the_date_is_today_while_the_year_asked_about_is_not_over(folder: Path) -> None:
    path = folder.parent / "runde.xlsx"
    path.write_bytes(export_workbook(load(folder), year=2027, today=TODAY).data)
    assert openpyxl.load_workbook(path)[NES][f"{LETTER['date']}2"].value == dt.datetime(2027, 1, 10)


def test_the_actor_sheets_print_on_a4_landscape_with_the_header_on_every_page(folder: Path) -> None:
    sheet = openpyxl.load_workbook(export(folder))[HURDAL]
    assert sheet.page_setup.orientation == "landscape"
    assert str(sheet.page_setup.paperSize) == str(sheet.PAPERSIZE_A4) == "9"
    assert sheet.print_title_rows.replace("$", "") == "1:1"


def test_actor_gives_a_workbook_with_that_actors_sheet_only(folder: Path) -> None:
    book = openpyxl.load_workbook(export(folder, actor="hurdal-kommune"))
    assert book.sheetnames == [GUIDE_SHEET, HURDAL, META_SHEET]


def test_an_unknown_actor_is_a_norwegian_error_with_the_nearest_id(folder: Path) -> None:
    out = folder.parent / "runde.xlsx"
    result = run_plan("status", "export", "--plan", str(folder), "--actor", "nes-komune", "--out", str(out))
    assert result.code == 1
    assert "aktøren «nes-komune» finnes ikke – mente du «nes-kommune»?" in result.stderr
    assert "Arbeidsboken er ikke laget." in result.stderr
    assert not out.exists()


def test_the_year_selects_the_measures_under_way_then(folder: Path) -> None:
    """1.1.2 starts in 2024, so the round of 2023 asks Nes kommune about 1.1.1 only."""
    book = openpyxl.load_workbook(export(folder, year=2023))
    assert book.sheetnames == [GUIDE_SHEET, NES, META_SHEET]
    assert [r[0] for r in book[NES].iter_rows(min_row=2, values_only=True)] == ["1.1.1"]
    with pytest.raises(ExportError, match="ikke ansvarlig for noe tiltak det spørres om i 2023"):
        export_workbook(load(folder), year=2023, today=TODAY, actor="hurdal-kommune")


# -- every problem, located --------------------------------------------------------------------------------------


def test_an_unknown_status_names_the_nearest(folder: Path) -> None:
    book = filled(folder, {(NES, 2): {"new_status": "Fulført"}})
    text = one_error(run(folder, book), at(book, NES, 2, "Ny status"))
    assert text.startswith("«Fulført» er ikke en status – mente du «Fullført»? Velg en av: Planlagt, Pågår")


def test_a_date_in_the_future_is_an_error(folder: Path) -> None:
    book = filled(folder, {(NES, 2): {"text": "Møte.", "date": dt.datetime(2027, 2, 1)}})
    text = one_error(run(folder, book), at(book, NES, 2, "Dato"))
    assert text.startswith("datoen 01.02.2027 er frem i tid")


def test_a_date_before_the_measures_last_update_is_an_error(folder: Path) -> None:
    book = filled(folder, {(NES, 2): {"text": "Møte.", "date": dt.datetime(2021, 9, 1)}})
    text = one_error(run(folder, book), at(book, NES, 2, "Dato"))
    assert text.startswith("datoen 01.09.2021 er før siste statusoppdatering for tiltak 1.1.1 (15.09.2021)")


def test_an_answer_to_a_measure_no_longer_in_the_plan_is_an_error(folder: Path) -> None:
    book = filled(folder, {(HURDAL, 2): {"text": "Nytt."}})
    replace_once(folder / AREA, 'id: "1.1.2"', 'id: "1.1.3"')
    text = one_error(run(folder, book), at(book, HURDAL, 2, "Tiltak"))
    assert text.startswith("tiltak 1.1.2 finnes ikke lenger i planen")


def test_an_update_added_to_the_plan_after_the_export_is_a_conflict_showing_both(folder: Path) -> None:
    book = filled(folder, {(NES, 2): {"new_status": "Utsatt", "text": "Venter på penger."}})
    add_plan_update(folder, "2026-06-01", "fullført", "Ferdig i juni.")
    before = files(folder)

    text = one_error(run(folder, book), at(book, NES, 2, "Ny status"))

    assert "tiltak 1.1.1 er endret i planen etter at arbeidsboken ble laget" in text
    assert "da var statusen «Pågår»; nå er den «Fullført» etter oppdateringen 01.06.2026: «Ferdig i juni.»" in text
    assert files(folder) == before


def test_a_renamed_sheet_is_an_error_naming_the_old_name(folder: Path) -> None:
    path = filled(folder, {(NES, 2): {"text": "Nytt."}})
    book = openpyxl.load_workbook(path)
    book[NES].title = "Nes"
    book.save(path)
    text = one_error(run(folder, path), f"{path}: ark «Nes»: ")
    assert (
        text
        == "arket har fått nytt navn, så svarene kan ikke knyttes til en aktør. Gi det tilbake navnet «Nes kommune»"
    )


def test_a_renamed_column_is_an_error_on_the_header_naming_both(folder: Path) -> None:
    path = filled(folder, {(NES, 2): {"new_status": "Fullført"}})
    fill(path, {(NES, 1): {"new_status": "Status ny"}})
    text = one_error(run(folder, path), at(path, NES, 1, "Ny status"))
    assert text == "kolonnen mangler. Har kolonnen «Status ny» fått nytt navn? Gi den navnet «Ny status»."


def test_reordered_columns_are_an_error_so_no_answer_is_read_from_the_wrong_column(folder: Path) -> None:
    path = export(folder)
    book = openpyxl.load_workbook(path)
    sheet = book[NES]
    for row in (1, 2):
        new, day = LETTER["new_status"], LETTER["date"]
        status, date = sheet[f"{new}{row}"].value, sheet[f"{day}{row}"].value
        sheet[f"{new}{row}"], sheet[f"{day}{row}"] = date, status
    sheet[f"{LETTER['date']}2"] = "Fullført"
    book.save(path)
    text = one_error(run(folder, path), at(path, NES, 1, "Dato"))
    assert text.startswith("kolonnene står i en annen rekkefølge enn da arbeidsboken ble laget. Flytt dem tilbake")


@pytest.mark.parametrize("key", ["new_status", "date"])
def test_prose_in_new_status_or_date_points_to_what_happened(folder: Path, key: str) -> None:
    book = filled(folder, {(NES, 2): {key: "Vi har holdt tre møter med bedriftene i høst"}})
    text = one_error(run(folder, book), at(book, NES, 2, {"new_status": "Ny status", "date": "Dato"}[key]))
    assert "Det ser ut som en tekst som hører hjemme i «Hva har skjedd»." in text


def test_a_workbook_from_another_plan_is_refused(folder: Path) -> None:
    book = filled(folder, {(NES, 2): {"text": "Nytt."}})
    replace_once(folder / "plan.yaml", "title: Testplan for Gardermoregionen", "title: En annen plan")
    text = one_error(run(folder, book), f"{book}: ")
    assert text.startswith("arbeidsboken er laget fra en annen plan («Testplan for Gardermoregionen», eier")


def not_a_workbook(path: Path) -> None:
    path.write_text("Tiltak;Ny status\n1.1.1;Fullført\n", encoding="utf-8")


def old_or_encrypted(path: Path) -> None:
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))


def corrupt(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:2000])


def ods(path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    path.write_bytes(out.getvalue())


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (not_a_workbook, "filen er ikke en arbeidsbok (.xlsx). Åpne den i Excel eller LibreOffice og lagre den"),
        (old_or_encrypted, "filen er passordbeskyttet, eller lagret i det gamle Excel-formatet (.xls). Fjern"),
        (corrupt, "filen er skadet og kan ikke pakkes ut."),
        (ods, "filen er lagret i LibreOffice-formatet (.ods). Lagre den som Excel 2007-365 (.xlsx)"),
    ],
)
def test_a_file_that_is_not_a_readable_workbook_is_refused_with_the_fix(folder: Path, spoil: Any, message: str) -> None:
    book = export(folder)
    spoil(book)
    assert one_error(run(folder, book), f"{book}: ").startswith(message)


def test_a_missing_file_or_a_folder_is_named_with_what_to_check(folder: Path) -> None:
    missing, answers = folder.parent / "svar" / "nes.xlsx", folder.parent / "svar"
    answers.mkdir()
    messages = errors(run(folder, missing, answers))
    assert messages == [
        f"{missing}: filen finnes ikke. Sjekk navnet og mappen (en stjerne i navnet, som svar/*.xlsx, må treffe filer)",
        f"{answers}: dette er en mappe, ikke en arbeidsbok. Skriv filene i mappen, f.eks. svar/*.xlsx",
    ]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--out", "runde.xls"], "plan: arbeidsboken må ha et navn som slutter på .xlsx, f.eks. runde.xlsx"),
        (["--out", "runde.xlsx", "--year", "2035"], "plan: 2035 er utenfor planperioden"),
    ],
)
def test_export_refuses_a_name_without_xlsx_and_a_year_outside_the_plan_with_exit_2(
    folder: Path, options: list[str], message: str
) -> None:
    result = run_plan("status", "export", "--plan", str(folder), *options, cwd=folder.parent)
    assert (result.code, result.stderr.startswith(message)) == (2, True), result.stderr
    assert not list(folder.parent.glob("runde.*"))


def test_a_file_over_the_size_limit_is_refused_unread(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    book = export(folder)
    monkeypatch.setattr(container, "MAX_BYTES", book.stat().st_size - 1)
    assert one_error(run(folder, book), f"{book}: ").startswith("filen er for stor")


def test_a_sheet_over_the_row_limit_is_refused(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    book = filled(folder, {(NES, row): {"measure": f"x{row}"} for row in range(3, 8)})
    monkeypatch.setattr(read, "MAX_ROWS", 3)
    assert one_error(run(folder, book), f"{book}: ark «{NES}»: ") == "arket har mer enn 3 rader; er det riktig fil?"


def test_a_formula_without_a_saved_value_is_an_error_never_evaluated(folder: Path) -> None:
    book = filled(folder, {(NES, 2): {"new_status": '="Fullført"'}})
    text = one_error(run(folder, book), at(book, NES, 2, "Ny status"))
    assert text == "cellen har en formel uten lagret verdi. Skriv verdien i stedet"


@pytest.mark.parametrize("char", ["\x9b", "\x7f", "\u200b"])
def test_text_with_an_invisible_character_is_refused(folder: Path, char: str) -> None:
    book = filled(folder, {(NES, 2): {"text": f"Møte{char}holdt."}})
    text = one_error(run(folder, book), at(book, NES, 2, "Hva har skjedd"))
    assert text.startswith("teksten har ") and "som ikke kan stå i planen" in text


def test_an_edit_that_would_change_more_than_the_new_updates_is_refused_and_nothing_written(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The edited files are read back when the changed plan is validated; their data must be the old data with
    the new status updates and nothing else (here a faulty edit also changes a title)."""
    from scripts.editor.status import apply

    def faulty(text: str, additions: Any, *, check: bool = True) -> Any:
        edit = listedit.append_items(text, additions, check=check)
        return type(edit)(edit.text.replace("title: ", "title: Endret ", 1), edit.first_line, edit.last_line)

    before = files(folder)
    monkeypatch.setattr(apply, "append_items", faulty)
    book = filled(folder, {(NES, 2): {"text": "Møtet er holdt."}})
    assert one_error(run(folder, book), f"{folder / AREA}: ").startswith("statusoppdateringene er skrevet slik at")
    assert files(folder) == before


def test_with_one_error_nothing_is_written_though_other_rows_are_fine(folder: Path) -> None:
    before = files(folder)
    book = filled(folder, {(NES, 2): {"new_status": "Ferdig"}, (HURDAL, 2): {"new_status": "Pågår", "text": "Ok."}})

    result = run(folder, book)

    assert len(errors(result)) == 1 and not result.written
    assert files(folder) == before


def test_the_command_says_nothing_was_written_and_exits_1(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    before = files(folder)
    good = filled(folder, {(HURDAL, 2): {"new_status": "Pågår"}}, "god.xlsx")
    bad = filled(folder, {(NES, 2): {"date": "i går"}}, "feil.xlsx")

    result = run_plan("status", "import", "--plan", str(folder), str(good), str(bad))

    assert result.code == 1
    assert f"{at(bad, NES, 2, 'Dato')}«i går» er ikke en dato. Skriv datoen slik: 31.12.2026" in result.stderr
    assert "Fant 1 feil. Ingenting er skrevet" in result.stderr
    assert files(folder) == before


# -- twice, and several workbooks --------------------------------------------------------------------------------


def test_importing_the_same_workbook_again_adds_nothing(folder: Path) -> None:
    book = filled(folder, {(NES, 2): {"new_status": "Fullført", "text": "Ferdig."}, (HURDAL, 2): {"text": "Ok."}})
    assert errors(run(folder, book)) == []
    once = files(folder)

    again = run(folder, book)

    assert errors(again) == [] and again.updates == [] and len(again.already) == 2
    assert files(folder) == once


def test_workbooks_for_two_actors_import_in_one_run(folder: Path) -> None:
    nes = fill(export(folder, "nes.xlsx", actor="nes-kommune"), {(NES, 2): {"text": "Fra Nes."}})
    hurdal = fill(export(folder, "hurdal.xlsx", actor="hurdal-kommune"), {(HURDAL, 2): {"text": "Fra Hurdal."}})

    result = run(folder, nes, hurdal)

    assert errors(result) == []
    newest = {m.id: m.newest_update() for _, _, m in load(folder).measures()}
    assert {k: u.text if u else None for k, u in newest.items()} == {"1.1.1": "Fra Nes.", "1.1.2": "Fra Hurdal."}


def test_the_same_answer_in_two_workbooks_is_taken_once(folder: Path) -> None:
    first = filled(folder, {(NES, 2): {"text": "Samme svar."}}, "en.xlsx")
    second = filled(folder, {(NES, 2): {"text": "Samme svar."}}, "to.xlsx")

    result = run(folder, first, second)

    assert errors(result) == [] and len(result.updates) == 1
    assert area(folder).count("Samme svar.") == 1


def test_two_different_answers_for_one_measure_are_an_error(folder: Path) -> None:
    first = filled(folder, {(NES, 2): {"text": "Ett svar."}}, "en.xlsx")
    second = filled(folder, {(NES, 2): {"text": "Et annet svar."}}, "to.xlsx")
    before = files(folder)

    text = one_error(run(folder, first, second), at(second, NES, 2, "Tiltak"))

    assert text == f"tiltak 1.1.1 har et annet svar også i {first}: ark «{NES}», rad 2"
    assert files(folder) == before


# -- what LibreOffice and Excel do to a workbook ----------------------------------------------------------------


def newest(folder: Path, measure: str) -> tuple[str, str, str]:
    update = next(m for _, _, m in load(folder).measures() if m.id == measure).newest_update()
    assert update is not None
    return update.date.isoformat(), update.status, update.text


@pytest.mark.parametrize("day", ["31.12.2026", "2026-12-31", " 31.12.2026 ", to_excel(dt.datetime(2026, 12, 31))])
def test_a_date_as_text_or_as_a_serial_number_is_read_as_the_date(folder: Path, day: Any) -> None:
    path = filled(folder, {(NES, 2): {"text": "Møte.", "date": day}})
    book = openpyxl.load_workbook(path)
    book[NES][f"{LETTER['date']}2"].number_format = "General"
    book.save(path)
    assert errors(run(folder, path)) == []
    assert newest(folder, "1.1.1") == (DAY, "pågår", "Møte.")


def test_spaces_around_values_are_ignored(folder: Path) -> None:
    book = filled(folder, {(NES, 2): {"new_status": "  fullført ", "text": "  Ferdig.  \n\n"}})
    assert errors(run(folder, book)) == []
    assert newest(folder, "1.1.1") == (DAY, "fullført", "Ferdig.")


def test_empty_rows_between_answers_are_skipped(folder: Path) -> None:
    path = filled(folder, {(NES, 2): {"new_status": "Fullført"}})
    book = openpyxl.load_workbook(path)
    book[NES].insert_rows(2, 3)
    book.save(path)
    result = run(folder, path)
    assert errors(result) == []
    assert [u.answer.where.row for u in result.updates] == [5]


def test_a_column_of_the_leads_own_notes_is_ignored_with_a_note(folder: Path) -> None:
    path = filled(folder, {(NES, 2): {"text": "Nytt."}})
    book = openpyxl.load_workbook(path)
    note = chr(ord("A") + len(COLUMNS))
    book[NES][f"{note}1"], book[NES][f"{note}2"] = "Våre notater", "Ikke for publisering"
    book.save(path)

    result = run(folder, path)

    assert errors(result) == [] and result.written
    notes = [str(m) for m in result.messages if not m.is_error]
    assert notes == [
        f"{at(path, NES, 1, 'Våre notater')}Merk: kolonnen (kolonne {note}) er ikke fra eksporten og blir ikke lest inn"
    ]
    assert "Ikke for publisering" not in area(folder)


def test_rows_sorted_differently_still_reach_their_measures(folder: Path) -> None:
    replace_once(folder / AREA, "- actor: hurdal-kommune\n            role: ansvarlig",
                 "- actor: nes-kommune\n            role: ansvarlig")  # fmt: skip
    path = filled(folder, {(NES, 2): {"text": "Om 1.1.1."}, (NES, 3): {"text": "Om 1.1.2."}})
    book = openpyxl.load_workbook(path)
    sheet = book[NES]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2, max_row=3)]
    for index, value in enumerate(rows[1] + rows[0]):
        sheet.cell(2 + index // len(COLUMNS), 1 + index % len(COLUMNS), value)
    book.save(path)

    assert errors(run(folder, path)) == []
    assert newest(folder, "1.1.1")[2] == "Om 1.1.1." and newest(folder, "1.1.2")[2] == "Om 1.1.2."


# -- --dry-run and --pr-body -------------------------------------------------------------------------------------


def test_dry_run_writes_nothing_and_prints_the_changes_as_plan_diff(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    before = files(folder)
    book = filled(folder, {(NES, 2): {"new_status": "Fullført", "text": "Ferdig."}})

    result = run_plan("status", "import", "--plan", str(folder), "--dry-run", str(book))

    assert result.code == 0, result.stderr
    assert files(folder) == before
    assert "Ville lagt til 1 statusoppdatering i 1 fil" in result.stdout
    assert "Ingenting er skrevet (--dry-run)." in result.stdout
    assert "- Tiltak 1.1.1 Nettverk for logistikk: pågår → fullført\n" in result.stdout
    assert "ny statusoppdatering 31. desember 2026 (fullført): Ferdig." in result.stdout


def test_pr_body_lists_every_new_update_in_markdown(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    book = filled(
        folder, {(NES, 2): {"new_status": "Fullført", "text": "Ferdig | 100 %."}, (HURDAL, 2): {"new_status": "Pågår"}}
    )
    body = folder.parent / "pr.md"

    result = run_plan("status", "import", "--plan", str(folder), "--pr-body", str(body), str(book))

    assert result.code == 0, result.stderr
    text = body.read_text(encoding="utf-8")
    assert text.startswith("## Statusrunden 2026: 2 nye statusoppdateringer\n")
    assert "- svar.xlsx, laget 10.01.2027: 2 nye\n" in text
    assert "| 1.1.1 Nettverk for logistikk | Nes kommune, rad 2 | Fullført | 31.12.2026 | Ferdig \\| 100 %. |" in text
    assert (
        "| 1.1.2 Nettverk for reiseliv | Hurdal kommune, rad 2 | Pågår | 31.12.2026 | Status endret til pågår. |"
        in text
    )
    assert "Uten tekst fra den ansvarlige (teksten er laget av importen): tiltak 1.1.2." in text


# -- markup stays text -------------------------------------------------------------------------------------------

MARKUP = "<script>alert(1)</script> Se [x](javascript:alert(1))."


def test_markup_is_imported_as_plain_plan_text_and_never_becomes_live_html(folder: Path) -> None:
    book = filled(folder, {(NES, 2): {"text": MARKUP}})
    assert errors(run(folder, book)) == []
    assert newest(folder, "1.1.1")[2] == MARKUP

    html = page_html(render_site(load(folder))["tiltak/1-1-1.md"])

    assert "alert(1)" in html
    assert "<script" not in html
    assert not re.search(r"href=[\"']\s*javascript:", html, re.IGNORECASE)


def test_markup_in_the_pull_request_description_is_shown_as_text(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    book = filled(folder, {(NES, 2): {"text": MARKUP}})
    body = folder.parent / "pr.md"

    result = run_plan("status", "import", "--plan", str(folder), "--pr-body", str(body), str(book))

    assert result.code == 0, result.stderr
    text = body.read_text(encoding="utf-8")
    assert "\\<script\\>alert(1)\\</script\\>" in text
    assert "\\[x\\](javascript:alert(1))" in text
    assert not re.search(r"(?<!\\)<script", text)


def test_a_late_or_unreported_measure_gets_the_rules_note_in_the_column_oppfolging(plan: Plan) -> None:
    from test_followup import late_plan

    from scripts.core.followup import follow_ups
    from scripts.editor.status.export import follow_up_note

    found = follow_ups(late_plan(plan))
    assert follow_up_note(found["1.1.1"]) == (
        "Forsinket: milepælen «Forstudie» skulle vært nådd 1. juni 2021. "
        "Ikke oppdatert: siste oppdatering 15. september 2021."
    )
    assert follow_up_note(found["1.1.2"]) == ""


def test_a_workbook_exported_before_the_column_oppfolging_still_imports(folder: Path) -> None:
    path = filled(folder, {(NES, 2): {"text": "Nytt."}})
    book = openpyxl.load_workbook(path)
    book[NES].delete_cols(COLUMNS.index(next(c for c in COLUMNS if c.key == "follow_up")) + 1)
    book.save(path)
    result = run(folder, path)
    assert errors(result) == [] and result.written
