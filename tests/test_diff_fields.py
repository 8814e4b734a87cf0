"""`plan diff` reports a change to any field of any model, reads booleans, status updates and moved measures
right, warns with the guide's rule when a measure or status update is deleted, and shows plan text literally in
GitHub Markdown.

The field test is driven by the schema: every model reachable from :class:`schema.Plan` and every one of its
fields (``model_fields``), so a field added later is tested without a line here. It starts from a plan where every
optional field is filled and every list has items (``tests/fixtures/diff/full-plan``, the guide's example plan
filled out), makes a copy with one field of one item changed, and asks that the diff names that field.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from markdown.extensions.toc import slugify
from markdown_it import MarkdownIt
from pydantic import BaseModel
from test_diff import FA, Edit, edit
from test_injection import CORPUS

import schema
from conftest import ROOT, VALID_PLAN, run_plan
from scripts.editor.diff import Change, diff_plans, to_markdown
from scripts.editor.diff.fields import keys_of
from scripts.editor.diff.rules import KEEP_MEASURES, KEEP_STATUS_UPDATES, site_url
from scripts.editor.diff.text import JOINER, md
from scripts.validate.validator import validate_folder

FULL_PLAN = ROOT / "tests" / "fixtures" / "diff" / "full-plan"

Route = tuple[tuple[str, int | None], ...]


def load(folder: Path) -> schema.Plan:
    plan, problems = validate_folder(folder)
    assert plan is not None, [str(p) for p in problems]
    return plan


@pytest.fixture(scope="module")
def full() -> schema.Plan:
    return load(FULL_PLAN)


# --------------------------------------------------------------------------------------------------------
# Every field of every model
# --------------------------------------------------------------------------------------------------------


def models_of(model: type[BaseModel]) -> Iterator[type[BaseModel]]:
    """The model and every model its fields hold, at any depth."""
    yield model
    for info in model.model_fields.values():
        for inner in _classes(info.annotation):
            yield from models_of(inner)


def _classes(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in typing.get_args(annotation):
        yield from _classes(arg)


def walk(model: BaseModel, route: Route = ()) -> Iterator[tuple[Route, BaseModel]]:
    """Every model in the plan with its route: (field, index in the list or None) from the plan down."""
    yield route, model
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            yield from walk(value, (*route, (name, None)))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from walk(item, (*route, (name, i)))


def put(model: BaseModel, route: Route, new: BaseModel) -> BaseModel:
    """The model with the item at the end of the route replaced by `new` (frozen models: copies on the way)."""
    if not route:
        return new
    (name, index), rest = route[0], route[1:]
    value = getattr(model, name)
    if index is None:
        return model.model_copy(update={name: put(value, rest, new)})
    items = list(value)
    items[index] = put(items[index], rest, new)
    return model.model_copy(update={name: items})


def changed(value: Any, annotation: Any) -> Any:
    """Another value of the same kind, or None where the value is a model (its own fields are changed)."""
    literals = [a for a in _flat_args(annotation) if isinstance(a, str) and a != value]
    if isinstance(value, BaseModel):
        return None
    if isinstance(value, bool):
        return not value
    if isinstance(value, int | float):
        return value + 7
    if isinstance(value, dt.date):
        return value + dt.timedelta(days=1)
    if isinstance(value, list):
        return value[:-1]
    if literals:
        return literals[0] if value != "alle" else ["nes-kommune"]
    if re.fullmatch(r"\d{4}-\d\d(-\d\d)?", value):
        return "2020-01-01"
    return "#000000" if value.startswith("#") else f"{value}x"


def _flat_args(annotation: Any) -> Iterator[Any]:
    for arg in typing.get_args(annotation):
        yield arg
        yield from _flat_args(arg)


def one_field_changed(plan: schema.Plan) -> Iterator[tuple[str, str, str, schema.Plan]]:
    """(model, field, the list the item is in, the plan with that field changed in the first item that has it
    set), every field once."""
    done: set[tuple[str, str]] = set()
    for route, model in walk(plan):
        for name, info in type(model).model_fields.items():
            key = (type(model).__name__, name)
            value = getattr(model, name)
            if key in done or value is None or value == [] or (new := changed(value, info.annotation)) is None:
                continue
            done.add(key)
            changed_plan = typing.cast(schema.Plan, put(plan, route, model.model_copy(update={name: new})))
            yield *key, route[-1][0] if route else "", changed_plan


def every_field() -> set[tuple[str, str]]:
    models = set(models_of(schema.Plan))
    return {(m.__name__, name) for m in models for name, info in m.model_fields.items() if not _is_model(info)}


def _is_model(info: Any) -> bool:
    """A field that holds one model (not a list): changed through its own fields."""
    classes = list(_classes(info.annotation))
    return bool(classes) and typing.get_origin(info.annotation) is not list and "list" not in str(info.annotation)


def reported(changes: list[Change], model: str, name: str, within: str) -> bool:
    """The field is named in a change's path, or (a field an item is recognised by: an id, the year of a budget
    line) the item shows as removed and added, or moved, in the list it is in."""
    keys = {key for fields in keys_of(getattr(schema, model)) for key in fields}
    paths = [re.split(r"[.,]", change.path) for change in changes]
    return any(name in path or (name in keys and within in path) for path in paths)


def test_the_full_plan_has_every_field_of_every_model_set(full: schema.Plan) -> None:
    """So that the test below changes every field: a new field must be filled in in the full plan."""
    changed_fields = {(m, f) for m, f, _, _ in one_field_changed(full)}
    assert every_field() - changed_fields == set()


def test_a_change_to_any_field_of_any_model_is_reported(full: schema.Plan) -> None:
    missing = []
    for model, name, within, plan in one_field_changed(full):
        changes = diff_plans(full, plan)
        if not reported(changes, model, name, within) or to_markdown(changes) == "Ingen endringer i planen.\n":
            missing.append(f"{model}.{name}: {[c.text for c in changes]}")
    assert missing == []


def test_a_field_without_a_label_is_named_by_its_key(full: schema.Plan) -> None:
    from scripts.editor.diff import values

    plan = full.model_copy(update={"plan": full.plan.model_copy(update={"region": "Øvre Romerike"})})
    labels = dict(values.LABELS)
    try:
        del values.LABELS["region"]
        text = to_markdown(diff_plans(full, plan))
    finally:
        values.LABELS.clear()
        values.LABELS.update(labels)
    assert "- Planen: feltet `region` «Gardermoregionen» → «Øvre Romerike»" in text


# --------------------------------------------------------------------------------------------------------
# Sentences for the kinds of change the issue named
# --------------------------------------------------------------------------------------------------------


def diff(tmp_path: Path, edits: list[Edit], base: Path = FULL_PLAN) -> str:
    old, new = tmp_path / "gammel", tmp_path / "ny"
    shutil.copytree(base, old)
    shutil.copytree(base, new)
    edit(new, edits)
    result = run_plan("diff", str(old), str(new))
    # The corpus's long texts make long titles: warnings, not errors.
    assert result.code == 0, result.stderr
    assert all(": advarsel: " in line for line in result.stderr.splitlines()), result.stderr
    return result.stdout


CHANGES: list[tuple[str, list[Edit], str]] = [
    (
        "secured",
        [(FA, "secured: true, note", "secured: false, note")],
        "- Tiltak 1.1.1 Nettverk for logistikk: budsjettpost 2022, Viken fylkeskommune: bevilget → ikke bevilget "
        "(`secured`)",
    ),
    (
        "budget-note",
        [(FA, "note: Tilskudd.}", "note: Driftstilskudd.}")],
        "- Tiltak 1.1.1 Nettverk for logistikk: budsjettpost 2022, Viken fylkeskommune: merknad (`note`) "
        "«Tilskudd.» → «Driftstilskudd.»",
    ),
    (
        "role-note",
        [(FA, "note: Gir tilskudd.", "note: Gir tilskudd hvert år.")],
        "- Tiltak 1.1.1 Nettverk for logistikk: finansiør Viken fylkeskommune: merknad (`note`) «Gir tilskudd.» → "
        "«Gir tilskudd hvert år.»",
    ),
    (
        "municipalities",
        [(FA, "municipalities: [hurdal-kommune]", "municipalities: [hurdal-kommune, nes-kommune]")],
        "- Tiltak 1.1.2 Nettverk for reiseliv: kommuner (`municipalities`): lagt til Nes kommune",
    ),
    (
        "municipalities-all",
        [(FA, "municipalities: alle", "municipalities: [nes-kommune]")],
        "- Tiltak 1.1.1 Nettverk for logistikk: kommuner (`municipalities`) alle kommuner → Nes kommune",
    ),
    (
        "tags",
        [(FA, "tags: [logistikk, nettverk]", "tags: [logistikk]")],
        "- Tiltak 1.1.1 Nettverk for logistikk: stikkord (`tags`): fjernet «nettverk»",
    ),
    (
        "related",
        [(FA, '        related: ["1.1.2"]\n', "")],
        "- Tiltak 1.1.1 Nettverk for logistikk: relaterte tiltak (`related`): fjernet «1.1.2»",
    ),
    (
        "measure-indicators",
        [(FA, "        indicators: [arbeidsplasser]\n", "")],
        "- Tiltak 1.1.1 Nettverk for logistikk: indikatorer (`indicators`): fjernet «arbeidsplasser»",
    ),
    (
        "link-added",
        [
            (
                FA,
                "            url: https://eksempel.no/nettverk\n",
                "            url: https://eksempel.no/nettverk\n"
                "          - title: Søknad\n            url: https://eksempel.no/soknad\n",
            )
        ],
        "- Tiltak 1.1.1 Nettverk for logistikk: lenker (`links`): lagt til «Søknad», «https://eksempel.no/soknad»",
    ),
    (
        "link-title",
        [(FA, "title: Om nettverket", "title: Mer om nettverket")],
        "- Tiltak 1.1.1 Nettverk for logistikk: lenke «https://eksempel.no/nettverk»: tittel (`title`) "
        "«Om nettverket» → «Mer om nettverket»",
    ),
    (
        "status-update-edited",
        [(FA, "text: I gang.", "text: Arbeidet er i gang.")],
        "- Tiltak 1.1.1 Nettverk for logistikk: statusoppdateringen 15. september 2021 er endret: tekst: "
        "~~I~~ **Arbeidet er i** gang.",
    ),
    (
        "status-update-redated",
        [(FA, "date: 2021-09-15", "date: 2021-09-16")],
        "- Tiltak 1.1.1 Nettverk for logistikk: statusoppdateringen 15. september 2021 er endret: dato "
        "15. september 2021 → 16. september 2021",
    ),
    (
        "actor-short-name",
        [("actors.yaml", "    short_name: Nes\n", "")],
        "- Aktøren Nes kommune (nes-kommune): kort navn (`short_name`) fjernet (var «Nes»)",
    ),
    (
        "observation-removed",
        [("indikatorer.yaml", "      - {year: 2021, value: 110}\n", "")],
        "- Indikator Arbeidsplasser: målinger (`observations`): fjernet 2021, 110",
    ),
    (
        "observation-note",
        [("indikatorer.yaml", "note: Foreløpig tall.", "note: Endelig tall.")],
        "- Indikator Arbeidsplasser: måling 2022: merknad (`note`) «Foreløpig tall.» → «Endelig tall.»",
    ),
    (
        "indicator-target",
        [("indikatorer.yaml", "target: {year: 2030, value: 150}", "target: {year: 2030, value: 160}")],
        "- Indikator Arbeidsplasser: målverdien for 2030 er endret fra 150 til 160",
    ),
    (
        "contact",
        [("plan.yaml", '  phone: "+47 12 34 56 78"\n', "")],
        "- Planen: kontakt, telefon (`contact.phone`) fjernet (var «+47 12 34 56 78»)",
    ),
    (
        "sdg",
        [("plan.yaml", "sdg: [8, 9]", "sdg: [8, 9, 11]")],
        "- Planen: bærekraftsmål (`sdg`): lagt til 11",
    ),
    (
        "decision-url",
        [("plan.yaml", "url: https://eksempel.no/vedtak", "url: https://eksempel.no/protokoll")],
        "- Rullering 1.0: vedtak, nettadresse (`decision.url`) «https://eksempel.no/vedtak» → "
        "«https://eksempel.no/protokoll»",
    ),
    (
        "status-colour",
        [("vocabulary.yaml", '"#1a5e9a"', '"#1a5e9b"')],
        "- Status «Pågår» (pågår): farge (`colour`) «\\#1a5e9a» → «\\#1a5e9b»",
    ),
    (
        "goal-indicators",
        [(FA, "    indicators: [arbeidsplasser]\n    measures:", "    measures:")],
        "- Mål 1.1 Flere nettverk: indikatorer (`indicators`): fjernet «arbeidsplasser»",
    ),
    (
        "illustrative",
        [(FA, "illustrative: true\n", "")],
        "- Satsingsområde 1: eksempel → ikke eksempel (`illustrative`)",
    ),
]


@pytest.mark.parametrize(("name", "edits", "line"), CHANGES, ids=[c[0] for c in CHANGES])
def test_each_field_change_has_its_sentence(tmp_path: Path, name: str, edits: list[Edit], line: str) -> None:
    shown = diff(tmp_path, edits)
    assert line in shown.splitlines(), shown


def test_a_secured_budget_line_never_reads_as_the_same_sum(tmp_path: Path) -> None:
    shown = diff(tmp_path, [(FA, "secured: true, note", "secured: false, note")])
    assert "budsjettet er endret" not in shown


def test_a_rewritten_old_status_update_is_changed_not_new(tmp_path: Path) -> None:
    shown = diff(tmp_path, [(FA, "text: I gang.", "text: Arbeidet er i gang.")])
    assert "Nettverk for logistikk: ny statusoppdatering" not in shown
    assert "er endret" in shown


def test_a_deleted_status_update_is_reported_with_the_guides_rule(tmp_path: Path) -> None:
    shown = diff(
        tmp_path,
        [
            (
                FA,
                "        status_updates:\n          - date: 2021-09-15\n            status: pågår\n            "
                "en: {text: Begun.}\n            text: I gang.\n",
                "",
            )
        ],
    )
    assert (
        "- Tiltak 1.1.1 Nettverk for logistikk: statusoppdateringen 15. september 2021 (pågår) er slettet: I gang."
        in (shown)
    )
    assert "> [!WARNING]" in shown
    assert KEEP_STATUS_UPDATES.words in shown


MOVE_TO_NEW_GOAL: list[Edit] = [
    (
        FA,
        '      - id: "1.1.2"\n        title: Nettverk for reiseliv',
        '  - id: "1.2"\n    title: Reiseliv\n    measures:\n      - id: "1.2.1"\n        title: Reiselivsnettverket',
    ),
    (FA, 'related: ["1.1.2"]', 'related: ["1.2.1"]'),
]


def test_a_measure_moved_and_retitled_is_moved_when_its_description_carries_over(tmp_path: Path) -> None:
    shown = diff(tmp_path, MOVE_TO_NEW_GOAL)
    assert "- Tiltak 1.1.2 «Nettverk for reiseliv» er flyttet fra mål 1.1 til mål 1.2 og har nå nummer 1.2.1" in (shown)
    assert "- Tiltak 1.2.1 har fått ny tittel: «Nettverk for reiseliv» → «Reiselivsnettverket»" in shown
    assert "Fjernet tiltak" not in shown and "Nytt tiltak" not in shown
    warnings = [line for line in shown.splitlines() if line.startswith("> - ")]
    assert warnings == [
        '> - Den gamle adressen til tiltak 1.1.2 slutter å virke. Legg til `former_ids: ["1.1.2"]` på tiltak 1.2.1, '
        "så sender den gamle siden leserne til den nye, og nummeret blir ikke gitt til et annet tiltak."
    ]


def test_a_renumbered_measure_is_moved_in_the_same_goal(tmp_path: Path) -> None:
    shown = diff(tmp_path, [(FA, 'id: "1.1.2"', 'id: "1.1.3"'), (FA, 'related: ["1.1.2"]', 'related: ["1.1.3"]')])
    assert "- Tiltak 1.1.2 «Nettverk for reiseliv» er flyttet i samme mål og har nå nummer 1.1.3" in shown
    assert '> - Den gamle adressen til tiltak 1.1.2 slutter å virke. Legg til `former_ids: ["1.1.2"]`' in shown


def test_a_renumbered_measure_that_keeps_its_old_number_in_former_ids_gets_no_warning(tmp_path: Path) -> None:
    renumbered = 'id: "1.1.3"\n        former_ids: ["1.1.2"]'
    shown = diff(tmp_path, [(FA, 'id: "1.1.2"', renumbered), (FA, 'related: ["1.1.2"]', 'related: ["1.1.3"]')])
    assert "- Tiltak 1.1.2 «Nettverk for reiseliv» er flyttet i samme mål og har nå nummer 1.1.3" in shown
    assert "[!WARNING]" not in shown


def test_a_deleted_measure_is_a_warning_that_cites_and_links_the_guide(tmp_path: Path) -> None:
    shown = diff(tmp_path, [(FA, '      - id: "1.1.2"', None), (FA, 'related: ["1.1.2"]', "related: []")])
    warning = next(line for line in shown.splitlines() if line.startswith("> - "))
    assert warning.startswith("> - Tiltak 1.1.2 «Nettverk for reiseliv» er slettet. Legg det tilbake")
    assert f"«{KEEP_MEASURES.words}»" in warning
    assert f"({site_url()}veiledning/rullering/#4-oppdater-tiltakene)" in warning


@pytest.mark.parametrize("rule", [KEEP_MEASURES, KEEP_STATUS_UPDATES], ids=["measures", "status-updates"])
def test_the_guide_still_says_what_the_warnings_quote(rule: Any) -> None:
    page = (ROOT / "scripts" / "templates" / "pages" / f"{rule.template}.md.jinja").read_text(encoding="utf-8")
    assert rule.words in " ".join(page.split())
    heading = next(line for line in page.splitlines() if line.startswith("## ") and rule.title.split(": ")[1] in line)
    assert rule.anchor == slugify(heading[3:], "-")  # as MkDocs' toc extension makes the heading's id


def test_the_site_address_is_the_one_in_mkdocs_yml() -> None:
    assert site_url() == "https://gardermoregionen.github.io/naeringsplan/"


# --------------------------------------------------------------------------------------------------------
# English translations (the en: blocks)
# --------------------------------------------------------------------------------------------------------

MEASURE_EN = "          title: Logistics network\n"

TRANSLATIONS: list[tuple[str, list[Edit], str]] = [
    (
        "changed",
        [(FA, MEASURE_EN, "          title: Logistics networks\n")],
        "- Tiltak 1.1.1 Nettverk for logistikk: engelsk tittel (`en.title`) endret fra «Logistics network» til "
        "«Logistics networks»",
    ),
    (
        "removed",
        [(FA, MEASURE_EN, "")],
        "- Tiltak 1.1.1 Nettverk for logistikk: engelsk tittel (`en.title`) fjernet (var «Logistics network»)",
    ),
    (
        "a whole block added",
        [
            (
                FA,
                "        title: Nettverk for reiseliv\n",
                "        title: Nettverk for reiseliv\n        en: {title: Tourism}\n",
            )
        ],
        "- Tiltak 1.1.2 Nettverk for reiseliv: engelsk tittel (`en.title`) lagt til: «Tourism»",
    ),
    (
        "an actor's name",
        [("actors.yaml", "name: Nes Municipality", "name: Municipality of Nes")],
        "- Aktøren Nes kommune (nes-kommune): engelsk navn (`en.name`) endret fra «Nes Municipality» til "
        "«Municipality of Nes»",
    ),
    (
        "a status",
        [("vocabulary.yaml", "label: In progress", "label: Ongoing")],
        "- Status «Pågår» (pågår): engelsk navn (`en.label`) endret fra «In progress» til «Ongoing»",
    ),
    (
        "an old status update's translation",
        [(FA, "en: {text: Begun.}", "en: {text: Work has begun.}")],
        "- Tiltak 1.1.1 Nettverk for logistikk: statusoppdateringen 15. september 2021: engelsk tekst (`en.text`) "
        "endret: ~~Begun.~~ **Work has begun.**",
    ),
]


@pytest.mark.parametrize(("name", "edits", "line"), TRANSLATIONS, ids=[t[0] for t in TRANSLATIONS])
def test_a_translation_added_changed_or_removed_is_reported_in_plan_terms(
    tmp_path: Path, name: str, edits: list[Edit], line: str
) -> None:
    shown = diff(tmp_path, edits)
    assert line in shown.splitlines(), shown


def test_translating_an_old_status_update_is_not_an_edit_of_its_history(tmp_path: Path) -> None:
    shown = diff(tmp_path, [(FA, "en: {text: Begun.}", "en: {text: Work has begun.}")])
    assert "statusoppdateringen 15. september 2021 er endret" not in shown
    assert "[!WARNING]" not in shown


def test_a_norwegian_text_changed_without_its_translation_is_a_warning_to_check_it(tmp_path: Path) -> None:
    shown = diff(
        tmp_path, [(FA, "        title: Nettverk for logistikk\n", "        title: Nettverk for godstransport\n")]
    )
    warning = (
        "> - Tiltak 1.1.1 Nettverk for godstransport: tittel (`title`): den norske teksten er endret, men ikke den "
        "engelske: sjekk oversettelsen (`en.title`)"
    )
    assert warning in shown.splitlines(), shown


def test_a_norwegian_text_changed_with_its_translation_gives_no_warning(tmp_path: Path) -> None:
    shown = diff(
        tmp_path,
        [
            (FA, "        title: Nettverk for logistikk\n", "        title: Nettverk for godstransport\n"),
            (FA, MEASURE_EN, "          title: Freight network\n"),
        ],
    )
    assert "sjekk oversettelsen" not in shown
    assert "engelsk tittel (`en.title`) endret fra «Logistics network» til «Freight network»" in shown


@pytest.mark.parametrize(
    ("edit", "who"),
    [
        (
            ("actors.yaml", "    name: Nes kommune\n", "    name: Nes kommune SA\n"),
            "Aktøren Nes kommune SA (nes-kommune)",
        ),
        ((FA, "            text: I gang.\n", "            text: Arbeidet er i gang.\n"), "statusoppdateringen 15. sep"),
        (("indikatorer.yaml", "    unit: antall\n", "    unit: personer\n"), "Indikator Arbeidsplasser"),
        (("plan.yaml", "vision: En visjon.", "vision: En ny visjon."), "Planen"),
    ],
    ids=["actor", "status update", "indicator", "plan"],
)
def test_every_kind_of_text_warns_when_only_its_norwegian_changed(tmp_path: Path, edit: Edit, who: str) -> None:
    shown = diff(tmp_path, [edit])
    warnings = [line for line in shown.splitlines() if "sjekk oversettelsen" in line]
    assert len(warnings) == 1 and who in warnings[0], shown


def test_only_blanks_changed_in_the_norwegian_text_is_no_reason_to_check_the_translation(tmp_path: Path) -> None:
    shown = diff(tmp_path, [(FA, "        description: Et nettverk.\n", "        description: Et  nettverk.\n")])
    assert "sjekk oversettelsen" not in shown


# --------------------------------------------------------------------------------------------------------
# Plan text in GitHub Markdown
# --------------------------------------------------------------------------------------------------------

GFM = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def rendered(markdown: str) -> tuple[str, list[str]]:
    """The comment as GitHub would render it (CommonMark with tables and strikethrough, raw HTML passed through):
    its visible text (without the joiners) and the tags it is made of."""
    html = GFM.render(markdown)
    tags = re.findall(r"<(/?[a-z0-9]+)", html)
    text = re.sub(r"<[^>]+>", "", html)
    for entity, char in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&amp;", "&")]:
        text = text.replace(entity, char)
    return text.replace(JOINER, ""), tags


@pytest.mark.parametrize("attack", [a.text for a in CORPUS], ids=range(len(CORPUS)))
def test_plan_text_is_shown_literally_and_keeps_the_comments_structure(attack: str, tmp_path: Path) -> None:
    """A title (plain text) and a status update (Markdown) take each string of the injection corpus."""
    yaml_text = attack.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    edits: list[Edit] = [
        (FA, "title: Nettverk for reiseliv", f'title: "{yaml_text}"'),
        (
            FA,
            "text: I gang.\n",
            f"text: I gang.\n          - date: 2022-01-10\n            status: pågår\n"
            f'            text: "{yaml_text}"\n',
        ),
    ]
    clean = diff(
        tmp_path / "ren",
        [
            (FA, "title: Nettverk for reiseliv", "title: Ren"),
            (
                FA,
                "text: I gang.\n",
                "text: I gang.\n          - date: 2022-01-10\n            status: pågår\n            text: Ren\n",
            ),
        ],
        VALID_PLAN,
    )
    shown = diff(tmp_path / "angrep", edits, VALID_PLAN)
    text, tags = rendered(shown)
    assert tags == rendered(clean)[1]
    flat = " ".join(attack.split())
    assert f"«Nettverk for reiseliv» → «{flat}»" in text
    assert f"(pågår): {flat}" in text


@pytest.mark.parametrize(
    ("plan_text", "shown"),
    [
        ("Spør @kari-nordmann", f"Spør @{JOINER}kari-nordmann"),
        ("Se @gardermoregionen/redaktorer", f"Se @{JOINER}gardermoregionen/redaktorer"),
        ("post@eksempel.no", "post@eksempel.no"),
        ("Sak #12 og repo#13", f"Sak \\#{JOINER}12 og repo\\#{JOINER}13"),
        ("Hurra :tada:", f"Hurra :{JOINER}tada:"),
        ("<!-- skjult", "\\<\\!-- skjult"),
        ("| a | b |", "\\| a \\| b \\|"),
        ("[lenke](https://x.test) ![bilde](x.png)", "\\[lenke\\](https://x.test) \\!\\[bilde\\](x.png)"),
        ("**fet** _kursiv_ ~~strek~~ `kode`", "\\*\\*fet\\*\\* \\_kursiv\\_ \\~\\~strek\\~\\~ \\`kode\\`"),
        ("&amp; $x$", "\\&amp; \\$x\\$"),
    ],
)
def test_what_github_would_turn_into_markup_or_a_notification_is_escaped(plan_text: str, shown: str) -> None:
    assert md(plan_text) == shown


def test_no_account_is_notified(tmp_path: Path) -> None:
    shown = diff(tmp_path, [(FA, "text: I gang.", 'text: "Spør @kari-nordmann om #12."')])
    assert not re.search(r"(?<!\w)@\w", shown)
    assert not re.search(r"#\d", shown)


def test_a_heading_or_list_in_plan_text_stays_text_at_the_start_of_a_line(tmp_path: Path) -> None:
    """An actor's name starts a line under a new budget (the funder's new sum, when it pays more than one line)."""
    line = "{year: 2022, amount: 250000, funder: viken-fylkeskommune, secured: true, note: Tilskudd.}\n"
    shown = diff(
        tmp_path,
        [
            ("actors.yaml", "    name: Viken fylkeskommune", '    name: "1. # Viken"'),
            (
                FA,
                line,
                f"{line}          - {{year: 2023, amount: 10000, funder: viken-fylkeskommune, secured: false}}\n",
            ),
        ],
    )
    text, tags = rendered(shown)
    assert "h1" not in tags and "ol" not in tags
    assert "\n1. # Viken i alt: 260 000 kr" in text.replace("\xa0", " ")
