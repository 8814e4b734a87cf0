"""`plan diff` says what changed between two versions of the plan, in plan terms, in Norwegian.

Each case changes a copy of the small valid plan (VALID_PLAN in conftest) and pins the exact Markdown.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from tools import program

from conftest import VALID_PLAN, run_plan, run_plan_process

FA = "satsingsomrader/1-nettverk.yaml"
Edit = tuple[str, str, str | None]  # file, old text, new text ("" old text: append; None new text: cut to the end)

CASES: list[tuple[str, list[Edit], str]] = [
    (
        "status-changed",
        [
            (
                FA,
                "            text: I gang.\n",
                "            text: I gang.\n          - date: 2023-11-30\n            status: fullført\n            text: Nettverket er etablert.\n",
            ),
        ],
        (
            "## Endringer i planen\n"
            "\n"
            "### Tiltak\n"
            "\n"
            "- Tiltak 1.1.1 Nettverk for logistikk: pågår → fullført\n"
            "- Tiltak 1.1.1 Nettverk for logistikk: ny statusoppdatering 30. november 2023 (fullført): Nettverket er etablert.\n"
        ),
    ),
    (
        "measure-added",
        [
            (
                FA,
                "",
                '      - id: "1.1.3"\n        title: Nettverk for handel\n        description: Et tredje nettverk.\n        roles:\n          - actor: nes-naeringsforening\n            role: ansvarlig\n        period: {start: 2025, end: 2026}\n        status: planlagt\n        municipalities: [nes-kommune]\n',
            )
        ],
        (
            "## Endringer i planen\n"
            "\n"
            "### Tiltak\n"
            "\n"
            "- Nytt tiltak 1.1.3 «Nettverk for handel» under mål 1.1 (ansvarlig: Nes Næringsforening, 2025–2026, planlagt)\n"
        ),
    ),
    (
        "measure-removed",
        [(FA, '      - id: "1.1.2"', None)],
        (
            "## Endringer i planen\n"
            "\n"
            "> [!WARNING]\n"
            "> **Sjekk dette før endringen tas inn:**\n"
            ">\n"
            "> - Tiltak 1.1.2 «Nettverk for reiseliv» er slettet. Legg det tilbake, og gi det heller en ny status med en"
            " statusoppdatering som sier hvorfor. Veiledningen sier: «Et tiltak som ikke skal gjennomføres likevel, kan"
            " få en ny status med en statusoppdatering som forklarer hvorfor. Da blir historikken stående.» ([Starte en"
            " ny rullering: Oppdater tiltakene]"
            "(https://gardermoregionen.github.io/naeringsplan/veiledning/rullering/#4-oppdater-tiltakene))\n"
            "\n"
            "### Tiltak\n"
            "\n"
            "- Fjernet tiltak 1.1.2 «Nettverk for reiseliv»\n"
        ),
    ),
    (
        "measure-renamed",
        [(FA, "title: Nettverk for reiseliv", "title: Nettverk for reiseliv og kultur")],
        (
            "## Endringer i planen\n"
            "\n"
            "### Tiltak\n"
            "\n"
            "- Tiltak 1.1.2 har fått ny tittel: «Nettverk for reiseliv» → «Nettverk for reiseliv og kultur»\n"
        ),
    ),
    (
        "description-changed",
        [(FA, "description: Et annet nettverk.", "description: Et annet nettverk for hele regionen.")],
        (
            "## Endringer i planen\n"
            "\n"
            "### Tiltak\n"
            "\n"
            "- Tiltak 1.1.2: beskrivelse endret: Et annet ~~nettverk.~~ **nettverk for hele regionen.**\n"
        ),
    ),
    (
        "lead-changed",
        [
            (
                FA,
                "          - actor: hurdal-kommune\n            role: ansvarlig\n          - actor: nes-naeringsforening\n            role: samarbeidspartner",
                "          - actor: nes-naeringsforening\n            role: ansvarlig\n          - actor: hurdal-kommune\n            role: samarbeidspartner",
            )
        ],
        (
            "## Endringer i planen\n"
            "\n"
            "### Tiltak\n"
            "\n"
            "- Tiltak 1.1.2 Nettverk for reiseliv: ansvarlig endret fra Hurdal kommune til Nes Næringsforening\n"
            "- Tiltak 1.1.2 Nettverk for reiseliv: samarbeidspartner lagt til: Hurdal kommune\n"
            "- Tiltak 1.1.2 Nettverk for reiseliv: samarbeidspartner fjernet: Nes Næringsforening\n"
        ),
    ),
    (
        "partner-added",
        [
            (
                FA,
                "          - actor: viken-fylkeskommune\n            role: finansiør\n",
                "          - actor: viken-fylkeskommune\n            role: finansiør\n          - actor: nes-naeringsforening\n            role: samarbeidspartner\n",
            )
        ],
        (
            "## Endringer i planen\n"
            "\n"
            "### Tiltak\n"
            "\n"
            "- Tiltak 1.1.1 Nettverk for logistikk: samarbeidspartner lagt til: Nes Næringsforening\n"
        ),
    ),
    (
        "budget-changed",
        [
            (
                FA,
                "          - {year: 2022, amount: 250000, funder: viken-fylkeskommune, secured: true}\n",
                "          - {year: 2022, amount: 250000, funder: viken-fylkeskommune, secured: true}\n          - {year: 2023, amount: 100000, funder: nes-kommune, secured: false}\n",
            )
        ],
        (
            "## Endringer i planen\n"
            "\n"
            "### Tiltak\n"
            "\n"
            "- Tiltak 1.1.1 Nettverk for logistikk: budsjettet er endret fra 250\xa0000\xa0kr til 350\xa0000\xa0kr:\n"
            "  - 2023, Nes kommune: ny post på 100\xa0000\xa0kr (planlagt)\n"
        ),
    ),
    (
        "period-changed",
        [(FA, "period: {start: 2024}", "period: {start: 2024, end: 2027}")],
        ("## Endringer i planen\n\n### Tiltak\n\n- Tiltak 1.1.2 Nettverk for reiseliv: periode fra 2024 → 2024–2027\n"),
    ),
    (
        "status-update-added",
        [
            (
                FA,
                "            text: I gang.\n",
                "            text: I gang.\n          - date: 2022-05-02\n            status: pågår\n            text: Første samling holdt.\n",
            )
        ],
        (
            "## Endringer i planen\n"
            "\n"
            "### Tiltak\n"
            "\n"
            "- Tiltak 1.1.1 Nettverk for logistikk: ny statusoppdatering 2. mai 2022 (pågår): Første samling holdt.\n"
        ),
    ),
    (
        "actor-changed",
        [("actors.yaml", "    name: Regionrådet\n", "    name: Gardermoregionen IPR\n")],
        (
            "## Endringer i planen\n"
            "\n"
            "### Aktører\n"
            "\n"
            "- Aktøren Gardermoregionen IPR (regionradet): navn Regionrådet → Gardermoregionen IPR\n"
        ),
    ),
    (
        "actor-added",
        [("actors.yaml", "", "  - id: gjerdrum-kommune\n    name: Gjerdrum kommune\n    kind: kommune\n")],
        ("## Endringer i planen\n\n### Aktører\n\n- Ny aktør: Gjerdrum kommune (gjerdrum-kommune)\n"),
    ),
    (
        "revision-added",
        [
            (
                "plan.yaml",
                "",
                '  - version: "2.0"\n    title: Rullering 2024\n    date: 2024-06-14\n    stage: høring\n    changes: Nye tiltak.\n'
                "    consultation:\n      deadline: 2024-08-01\n      respond: {email: post@eksempel.no}\n",
            )
        ],
        (
            "## Endringer i planen\n"
            "\n"
            "### Rulleringer og vedtak\n"
            "\n"
            "- Ny rullering 2.0 «Rullering 2024» (høring, 14. juni 2024)\n"
        ),
    ),
    (
        "goal-and-focus-area-added",
        [
            (FA, "", '  - id: "1.2"\n    title: Flere klynger\n'),
            (
                "satsingsomrader/2-kompetanse.yaml",
                "",
                'id: "2"\ntitle: Kompetanse\nsummary: Mer kompetanse.\ndescription: Om kompetanse.\ngoals:\n  - id: "2.1"\n    title: Flere fagfolk\n',
            ),
        ],
        (
            "## Endringer i planen\n"
            "\n"
            "### Satsingsområder og mål\n"
            "\n"
            "- Nytt satsingsområde 2 «Kompetanse»\n"
            "- Nytt mål 1.2 «Flere klynger»\n"
            "- Nytt mål 2.1 «Flere fagfolk»\n"
        ),
    ),
    (
        "measure-moved",
        [
            (
                FA,
                '      - id: "1.1.2"\n        title: Nettverk for reiseliv',
                '  - id: "1.2"\n    title: Reiseliv\n    measures:\n      - id: "1.2.1"\n        title: Nettverk for reiseliv',
            ),
            (FA, 'related: ["1.1.1"]', 'related: ["1.1.1"]'),
        ],
        (
            "## Endringer i planen\n"
            "\n"
            "> [!WARNING]\n"
            "> **Sjekk dette før endringen tas inn:**\n"
            ">\n"
            '> - Den gamle adressen til tiltak 1.1.2 slutter å virke. Legg til `former_ids: ["1.1.2"]` på tiltak '
            "1.2.1, så sender den gamle siden leserne til den nye, og nummeret blir ikke gitt til et annet tiltak.\n"
            "\n"
            "### Satsingsområder og mål\n"
            "\n"
            "- Nytt mål 1.2 «Reiseliv»\n"
            "\n"
            "### Tiltak\n"
            "\n"
            "- Tiltak 1.1.2 «Nettverk for reiseliv» er flyttet fra mål 1.1 til mål 1.2 og har nå nummer 1.2.1\n"
        ),
    ),
    (
        "measure-number-given-to-a-new-measure",
        [
            (
                FA,
                '      - id: "1.1.2"\n        title: Nettverk for reiseliv',
                '      - id: "1.1.2"\n        title: Kompetanseløft for industrien\n        description: Kurs.\n'
                "        roles:\n          - actor: nes-kommune\n            role: ansvarlig\n"
                "        period: {start: 2025}\n        municipalities: alle\n"
                '  - id: "1.2"\n    title: Reiseliv\n    measures:\n      - id: "1.2.1"\n        title: Nettverk for reiseliv',
            ),
        ],
        (
            "## Endringer i planen\n"
            "\n"
            "> [!WARNING]\n"
            "> **Sjekk dette før endringen tas inn:**\n"
            ">\n"
            '> - Den gamle adressen til tiltak 1.1.2 slutter å virke. Legg til `former_ids: ["1.1.2"]` på tiltak '
            "1.2.1, så sender den gamle siden leserne til den nye, og nummeret blir ikke gitt til et annet tiltak.\n"
            "> - Nummeret 1.1.2 ble brukt om «Nettverk for reiseliv», som nå er tiltak 1.2.1. Lenker til den gamle "
            "siden ville føre til et annet tiltak: gi det nye tiltaket et ledig nummer.\n"
            "\n"
            "### Satsingsområder og mål\n"
            "\n"
            "- Nytt mål 1.2 «Reiseliv»\n"
            "\n"
            "### Tiltak\n"
            "\n"
            "- Tiltak 1.1.2 «Nettverk for reiseliv» er flyttet fra mål 1.1 til mål 1.2 og har nå nummer 1.2.1\n"
            "- Nytt tiltak 1.1.2 «Kompetanseløft for industrien» under mål 1.1 (ansvarlig: Nes kommune, fra 2025, "
            "planlagt)\n"
        ),
    ),
    (
        "measure-moved-keeping-its-address",
        [
            (
                FA,
                '      - id: "1.1.2"\n        title: Nettverk for reiseliv',
                '  - id: "1.2"\n    title: Reiseliv\n    measures:\n      - id: "1.2.1"\n        former_ids: ["1.1.2"]\n'
                "        title: Nettverk for reiseliv",
            ),
        ],
        (
            "## Endringer i planen\n"
            "\n"
            "### Satsingsområder og mål\n"
            "\n"
            "- Nytt mål 1.2 «Reiseliv»\n"
            "\n"
            "### Tiltak\n"
            "\n"
            "- Tiltak 1.1.2 «Nettverk for reiseliv» er flyttet fra mål 1.1 til mål 1.2 og har nå nummer 1.2.1\n"
            "- Tiltak 1.2.1 Nettverk for reiseliv: feltet `former_ids`: lagt til «1.1.2»\n"
        ),
    ),
]


def apply(folder: Path, edits: list[Edit]) -> tuple[Path, Path]:
    """Two copies of the test plan, the new one with the edits."""
    old, new = folder / "gammel", folder / "ny"
    shutil.copytree(VALID_PLAN, old)
    shutil.copytree(VALID_PLAN, new)
    edit(new, edits)
    return old, new


def edit(plan: Path, edits: list[Edit]) -> None:
    for file, before, after in edits:
        path = plan / file
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        if after is None:
            text = text[: text.index(before)]
        elif before:
            assert before in text, before
            text = text.replace(before, after, 1)
        else:
            text += after
        path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(("name", "edits", "expected"), CASES, ids=[c[0] for c in CASES])
def test_each_kind_of_change_is_described(tmp_path: Path, name: str, edits: list[Edit], expected: str) -> None:
    old, new = apply(tmp_path, edits)
    result = run_plan("diff", str(old), str(new))
    assert (result.code, result.stderr) == (0, "")
    assert result.stdout == expected


def test_an_unchanged_plan_says_so(tmp_path: Path) -> None:
    old, new = apply(tmp_path, [])
    assert run_plan("diff", str(old), str(new)).stdout == "Ingen endringer i planen.\n"


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A git repository made in the test, whose plan/ is the test plan in two commits: as it is, then with the
    edits of the first case. `plan diff` is run inside it (never in the repository the tool is installed from)."""
    repo = tmp_path / "repo"
    shutil.copytree(VALID_PLAN, repo / "plan")

    def git(*args: str) -> None:
        identity = ["-c", "user.name=Test", "-c", "user.email=test@example.org"]
        subprocess.run([program("git"), *identity, *args], cwd=repo, check=True, capture_output=True)

    git("init", "--quiet")
    git("add", "plan")
    git("commit", "--quiet", "--message", "Planen")
    edit(repo / "plan", CASES[0][1])
    git("commit", "--quiet", "--all", "--message", "Endret status")
    return repo


def test_head_against_head_has_no_change(repository: Path) -> None:
    result = run_plan("diff", "HEAD", "HEAD", cwd=repository)
    assert (result.code, result.stdout) == (0, "Ingen endringer i planen.\n")


def test_two_git_revisions_are_read_in_the_repository_of_the_current_folder(repository: Path) -> None:
    result = run_plan("diff", "HEAD~1", "HEAD", cwd=repository)
    assert (result.code, result.stderr) == (0, "")
    assert result.stdout == CASES[0][2]


def test_revisions_are_found_from_a_folder_inside_the_repository(repository: Path) -> None:
    result = run_plan("diff", "HEAD~1", "HEAD", cwd=repository / "plan" / "satsingsomrader")
    assert (result.code, result.stdout) == (0, CASES[0][2])


def test_the_installed_command_reads_the_repository_it_is_run_in(repository: Path) -> None:
    """The console script, in a process of its own started in the test's repository: the revisions are that
    repository's (HEAD~1 of the tool's own repository has no such change)."""
    result = run_plan_process("diff", "HEAD~1", "HEAD", cwd=repository)
    assert (result.code, result.stdout) == (0, CASES[0][2])


def test_repo_names_the_repository_from_anywhere(repository: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "annet"
    elsewhere.mkdir()
    result = run_plan("diff", "--repo", str(repository), "HEAD~1", "HEAD", cwd=elsewhere)
    assert (result.code, result.stdout) == (0, CASES[0][2])


def test_one_revision_is_compared_with_the_plan_folder_as_it_is_now(repository: Path) -> None:
    edit(repository / "plan", [(FA, "title: Nettverk for reiseliv", "title: Nettverk for reiseliv og kultur")])
    result = run_plan("diff", "HEAD", cwd=repository)
    assert result.code == 0
    assert "Tiltak 1.1.2 har fått ny tittel: «Nettverk for reiseliv» → «Nettverk for reiseliv og kultur»" in (
        result.stdout
    )
    assert run_plan("diff", "HEAD~1", cwd=repository).stdout.count("\n- ") == 3


def test_a_git_revision_can_be_compared_with_a_folder(repository: Path) -> None:
    result = run_plan("diff", "HEAD~1", str(repository / "plan"), cwd=repository)
    assert result.stdout == CASES[0][2]


def test_outside_a_repository_a_revision_is_explained(tmp_path: Path) -> None:
    result = run_plan("diff", "HEAD~1", "HEAD", cwd=tmp_path)
    assert result.code == 1
    assert "ikke i et git-repositorium" in result.stderr
    assert "--repo" in result.stderr


def test_problems_in_a_revision_name_the_revision_and_the_file(repository: Path) -> None:
    edit(repository / "plan", [(FA, "actor: nes-kommune", "actor: nes-kommun")])
    subprocess.run(
        [program("git"), "-c", "user.name=T", "-c", "user.email=t@e.org", "commit", "-qam", "Feil"], cwd=repository
    )
    result = run_plan("diff", "HEAD~1", "HEAD", cwd=repository)
    assert result.code == 1
    assert "HEAD:plan/satsingsomrader/1-nettverk.yaml:" in result.stderr


def test_json_gives_the_same_changes_as_data(tmp_path: Path) -> None:
    old, new = apply(tmp_path, CASES[0][1])
    data = json.loads(run_plan("diff", "--json", str(old), str(new)).stdout)
    status = [c for c in data if c["kind"] == "status_changed"]
    assert status == [
        {
            "section": "measures",
            "kind": "status_changed",
            "item": "1.1.1",
            "text": "Tiltak 1.1.1 Nettverk for logistikk: pågår → fullført",
            "old": "pågår",
            "new": "fullført",
            "details": [],
            "path": "status",
            "warning": "",
        }
    ]


def test_an_invalid_version_is_reported_with_exit_code_1(tmp_path: Path) -> None:
    old, new = apply(tmp_path, [(FA, "actor: nes-kommune", "actor: nes-kommun")])
    result = run_plan("diff", str(old), str(new))
    assert result.code == 1
    assert "ukjent aktør «nes-kommun»" in result.stderr


def test_something_that_is_neither_folder_nor_revision_is_named() -> None:
    result = run_plan("diff", "finnes-ikke", "HEAD")
    assert result.code == 1
    assert "«finnes-ikke» er verken en mappe eller en git-revisjon" in result.stderr
