"""The whole `plan build` as an editor meets it, in each state of its cache: cold (no ``.cache/``), with nothing
changed, and after the text of one measure changed.

`plan build` keeps its PDFs and compiled templates in ``.cache/`` of the git repository that holds the plan folder,
so every plan is built in a repository of its own under the work folder, and a cold build is one whose ``.cache/``
was removed first:

* the shipped plan: the tool's repository cloned (``git clone --local``, so the adopted editions' commits are
  there) with the working tree's ``plan/`` copied over the clone's, so uncommitted edits of the plan count;
* a synthetic plan (:mod:`scripts.dev.synth`) written into a new repository (``git init``, one commit).

`plan build --plan PLAN --out OUT` runs with the repository as its working folder; the code is the installed
package and mkdocs.yml is the tool's. Each run gives its wall time, its CPU time and peak memory as
:func:`os.wait4` gives them (the process and the PDF workers it waited for: CPU time summed, memory of the largest
single process, not the sum of the workers running side by side), the load average of the minute it ended in
(:func:`os.getloadavg`, read right after), and what it said of its PDFs («Lager PDF-ene (3 nye, 7 fra
hurtigbufferen)»), which shows that a build with nothing changed rendered none.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from scripts.dev.bench.common import BIN, ROOT, count_measures, nb
from scripts.dev.bench.figures import BuildRuns
from scripts.dev.bench.stages import environment, run_child

#: The line `plan build` writes when its PDFs are made, and the note in its brackets.
PDF_LINE = re.compile(r"Lager PDF-ene \(([^)]*)\)")
#: Measure 1.1.1's description in a focus area file, up to its first word (a block scalar or a plain one).
_DESCRIPTION = re.compile(r"""- id: ["']?1\.1\.1["']?\n(?:\s+title: .*\n)?\s+description: (?:[|>][-+]?\n\s+)?""")


@dataclass(frozen=True)
class Repo:
    """A plan in a git repository of its own, and the folder `plan build` writes the site into."""

    name: str
    synthetic: bool
    root: Path
    out: Path

    @property
    def plan(self) -> Path:
        return self.root / "plan"


def pdf_note(output: str) -> str:
    """The note of the «Lager PDF-ene (…)» line of `plan build`'s output («3 nye, 7 fra hurtigbufferen»), or «–»."""
    found = PDF_LINE.search(output)
    return found.group(1) if found else "–"


def pdf_counts(note: str) -> tuple[int, int]:
    """How many PDFs a note says were made and how many were taken from the cache (a part left out is 0)."""
    made = re.search(r"(\d+) nye", note)
    cached = re.search(r"(\d+) fra hurtigbufferen", note)
    return int(made.group(1)) if made else 0, int(cached.group(1)) if cached else 0


def edit_measure(plan_dir: Path, number: int) -> Path:
    """Change the text of measure 1.1.1's description (a new text for each ``number``); returns the file changed."""
    for path in sorted((plan_dir / "satsingsomrader").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        found = _DESCRIPTION.search(text)
        if found:
            path.write_text(text[: found.end()] + f"Endret {number}. " + text[found.end() :], encoding="utf-8")
            return path
    raise SystemExit(f"fant ikke beskrivelsen av tiltak 1.1.1 i {plan_dir}")


def _git(folder: Path, *args: str) -> None:
    identity = ["-c", "user.name=Ytelsesmåling", "-c", "user.email=bench@example.invalid"]
    subprocess.run(["git", *identity, *args], cwd=folder, check=True, capture_output=True)


def shipped_repo(work: Path) -> Repo:
    """The tool's repository cloned into ``work``, with the working tree's plan/ over the clone's."""
    root = work / "levert"
    shutil.rmtree(root, ignore_errors=True)
    _git(work, "clone", "--quiet", "--local", str(ROOT), str(root))
    shutil.rmtree(root / "plan")
    shutil.copytree(ROOT / "plan", root / "plan")
    name = f"Levert plan ({count_measures(root / 'plan')} tiltak)"
    return Repo(name, False, root, work / "levert-site")


def synthetic_repo(measures: int, work: Path) -> Repo:
    """A synthetic plan of ``measures`` measures, committed to a new repository in ``work``."""
    from scripts.dev import synth

    root = work / f"syntetisk-{measures}"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    _git(root, "init", "--quiet")
    synth.write(measures, root / "plan")
    _git(root, "add", "plan")
    _git(root, "commit", "--quiet", "-m", f"Syntetisk plan med {measures} tiltak")
    return Repo(f"{nb(measures, 0)} tiltak (syntetisk)", True, root, work / f"syntetisk-{measures}-site")


def time_builds(repo: Repo, state: str, runs: int, before: Callable[[int], None]) -> BuildRuns:
    """`plan build` of the repo's plan ``runs`` times, ``before(i)`` first each time."""
    command = [str(BIN / "plan"), "build", "--plan", str(repo.plan), "--out", str(repo.out)]
    result = BuildRuns(repo.name, repo.synthetic, state)
    for i in range(runs):
        before(i)
        wall, cpu, peak, output = run_child(command, environment(), cwd=repo.root)
        result.loads.append(os.getloadavg()[0])
        result.runs.seconds.append(wall)
        result.runs.cpu.append(cpu)
        result.runs.peak_kb = max(result.runs.peak_kb, peak)
        result.pdfs.append(pdf_note(output))
        print(f"  {nb(wall)} s (CPU {nb(cpu)} s), load {nb(result.loads[-1])}, hvert steg:", flush=True)
        print("\n".join(f"    {line.strip()}" for line in output.splitlines() if line.strip()), flush=True)
    return result


def _cold(repo: Repo) -> Callable[[int], None]:
    def remove(_: int) -> None:
        shutil.rmtree(repo.root / ".cache", ignore_errors=True)
        shutil.rmtree(repo.out, ignore_errors=True)

    return remove


def _edit(repo: Repo) -> Callable[[int], None]:
    def edit(i: int) -> None:
        edit_measure(repo.plan, i + 1)

    return edit


def _nothing(_: int) -> None:
    return None


def measure_repo(repo: Repo, runs: int, cold_runs: int, *, edited: bool) -> list[BuildRuns]:
    """Cold builds, then builds with nothing changed, then (when ``edited``) builds after a one-measure edit."""
    print(f"plan build, {repo.name}: kald ({cold_runs}×)", flush=True)
    found = [time_builds(repo, "cold", cold_runs, _cold(repo))]
    print(f"plan build, {repo.name}: uten endringer ({runs}×)", flush=True)
    found.append(time_builds(repo, "unchanged", runs, _nothing))
    if edited:
        print(f"plan build, {repo.name}: etter endret tekst i tiltak 1.1.1 ({runs}×)", flush=True)
        found.append(time_builds(repo, "edited", runs, _edit(repo)))
    return found


def measure_builds(work: Path, runs: int, large_runs: int, measures: int = 1000) -> list[BuildRuns]:
    """The shipped plan's builds (cold, nothing changed, one measure edited: ``runs`` times each), then the
    synthetic plan's (cold ``large_runs`` times, nothing changed ``runs`` times)."""
    shipped = measure_repo(shipped_repo(work), runs, runs, edited=True)
    return [*shipped, *measure_repo(synthetic_repo(measures, work), runs, large_runs, edited=False)]
