"""BENCHMARKS.md, in Norwegian: the machine, time and memory per stage, the site, the first visit, the live
preview, how the stages grow with the plan, the budgets and a profile. One function per section."""

from __future__ import annotations

import datetime as dt
import os
import platform
import re
import statistics
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from scripts.dev.bench.browser import MEASURE_PAGE, SEARCH_WORD
from scripts.dev.bench.budgets import budgets, cold_build, pdf_note
from scripts.dev.bench.common import ROOT, kb, nb
from scripts.dev.bench.figures import BUILD_STATES, BuildRuns, Plan, Runs, Serve, SiteFigures

#: The stages whose figures are compared across plan sizes, with their Norwegian names.
STAGES = {
    "validate": "Last inn + valider",
    "render": "Render (sider, diagrammer, åpne data)",
    "mkdocs": "MkDocs build --strict (uten PDF)",
    "pdf": "PDF av planen (WeasyPrint)",
    "report": "Statusrapport for nyeste år (WeasyPrint)",
    "edition": "Vedtatt utgave fra git, uten hurtiglager (les + PDF)",
    "status_export": "Statusrunde: eksport",
    "status_import": "Statusrunde: import",
}


def report(
    plans: list[Plan],
    builds: list[BuildRuns],
    ours: Runs,
    serve: Serve | None,
    profile: str,
    started: dt.datetime,
    total: float,
) -> str:
    """The whole of BENCHMARKS.md. ``plans[0]`` is the shipped plan, the others synthetic plans by size; ``builds``
    are `plan build` in each state of its cache (builds.py); ``profile`` is the profile section's text
    (:func:`profile_section`)."""
    lines = [
        *_introduction(started, total),
        *_machine_section(),
        *_stage_section(plans, cold_build(builds)),
        *build_section(builds),
        "",
        *_site_section(plans),
        *_visit_section(plans),
        *serve_section(serve),
        *growth_section(plans),
        "",
        *pdf_note(plans),
        *budgets(plans, builds, ours, serve),
        "",
        "## Profil",
        "",
        profile,
    ]
    return "\n".join(lines) + "\n"


def _introduction(started: dt.datetime, total: float) -> list[str]:
    return [
        "# Ytelsesmåling",
        "",
        f"Målt {started:%d.%m.%Y} med `make bench` (`python -m scripts.dev.bench`), "
        f"som tok {nb(total / 60, 1)} minutter. "
        "Den leverte planen i `plan/` og syntetiske planer laget med `python -m scripts.dev.synth --measures N` "
        "(5–8 satsingsområder, omtrent tre tiltak per mål, som i den leverte planen).",
        "",
        "Hvert steg kjøres i en egen prosess, flere ganger. Tabellene viser medianen av veggklokketiden og den "
        "høyeste minnebruken (største RSS, `ru_maxrss`) i prosessen. Python-stegene måler bare selve steget, "
        "etter importene; MkDocs og `plan build` måles som hele kommandoen, med oppstart. Maskinen var delt med "
        "andre prosesser, så enkeltkjøringer kan variere med noen titalls prosent.",
        "",
    ]


def machine() -> list[tuple[str, str]]:
    cpuinfo = Path("/proc/cpuinfo").read_text(encoding="utf-8") if Path("/proc/cpuinfo").exists() else ""
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.MULTILINE)
    meminfo = Path("/proc/meminfo").read_text(encoding="utf-8") if Path("/proc/meminfo").exists() else ""
    memory = re.search(r"^MemTotal:\s*(\d+) kB", meminfo, re.MULTILINE)
    os_release = Path("/etc/os-release").read_text(encoding="utf-8") if Path("/etc/os-release").exists() else ""
    pretty = re.search(r'^PRETTY_NAME="?([^"\n]+)"?', os_release, re.MULTILINE)

    def version(package: str) -> str:
        try:
            return metadata.version(package)
        except metadata.PackageNotFoundError:
            return "ikke installert"

    import yaml

    return [
        ("Prosessor", model.group(1).strip() if model else platform.processor() or "ukjent"),
        ("Kjerner", str(os.cpu_count())),
        ("Minne", f"{int(memory.group(1)) / 1024**2:.1f} GiB".replace(".", ",") if memory else "ukjent"),
        ("Operativsystem", f"{pretty.group(1) if pretty else platform.system()} (Linux {platform.release()})"),
        ("Python", platform.python_version()),
        ("MkDocs", version("mkdocs")),
        ("Material for MkDocs", version("mkdocs-material")),
        ("WeasyPrint", version("weasyprint")),
        ("pydantic", version("pydantic")),
        ("PyYAML", f"{version('pyyaml')} ({'med' if yaml.__with_libyaml__ else 'uten'} libyaml)"),
        ("Jinja2", version("jinja2")),
    ]


def _machine_section() -> list[str]:
    return ["## Maskinen", "", "| | |", "|---|---|", *[f"| {k} | {v} |" for k, v in machine()], ""]


def cell(runs: Runs | None) -> str:
    if runs is None:
        return "–"
    if runs.skipped:
        return runs.skipped
    return f"{nb(runs.median)} s · {nb(runs.peak_kb / 1024, 0)} MB ({len(runs.seconds)}×)"


def _stage_section(plans: list[Plan], build: Runs | None) -> list[str]:
    lines = [
        "## Tid og minne per steg",
        "",
        "Median · høyeste minnebruk (antall kjøringer).",
        "",
        "| Steg | " + " | ".join(f"{p.name}" for p in plans) + " |",
        "|---|" + "--:|" * len(plans),
    ]
    for stage, label in STAGES.items():
        lines.append(f"| {label} | " + " | ".join(cell(p.stages.get(stage)) for p in plans) + " |")
    return [
        *lines,
        f"| `plan build` med PDF-er, kald (uten `.cache/`; hele kommandoen) | {cell(build)} |"
        + " – |" * (len(plans) - 1),
        "",
        "«Last inn + valider» er `scripts.validate.validator.validate_folder`; «Render» er `render_site` og "
        "`data_files`, slik MkDocs-utvidelsen kaller dem; «MkDocs build» er `mkdocs build --strict` med `pdf: false` "
        "for utvidelsen `naeringsplan` (den inkluderer utvidelsen, altså også innlasting, validering og rendering); "
        "«PDF» er `scripts.pdf.document.write_pdf` for planen (uten statusrapportene).",
        "",
        *status_note(plans),
    ]


def build_section(builds: list[BuildRuns]) -> list[str]:
    """`plan build` of each plan in each state of its cache: the runs, the memory, the load and the PDFs."""
    lines = [
        "## `plan build` med hurtigbuffer",
        "",
        "Hele `plan build --plan PLAN --out UT`, med PDF-ene, i et git-depot for seg under målemappen: den leverte "
        "planen i en klone av verktøyets depot (`git clone --local`, med `plan/` fra arbeidsmappen kopiert over), "
        "den syntetiske i et nytt depot med én commit. PDF-ene og de kompilerte malene ligger i `.cache/` i "
        "depotet. «Kald» er med `.cache/` og målmappen fjernet før hver kjøring; «uten endringer» er kjøringene "
        "rett etter; «etter endret tekst i ett tiltak» har ny tekst først i beskrivelsen av tiltak 1.1.1 før hver "
        "kjøring (en ny tekst hver gang). Minnet er den største enkeltprosessen av `plan build` og PDF-prosessene "
        "den startet (`ru_maxrss` fra `wait4`), ikke summen av prosessene som går samtidig. CPU-tiden er "
        "medianen av summen for dem alle (bruker- og systemtid); den påvirkes mindre enn veggklokketiden av "
        "andre prosesser på maskinen. Belastningen "
        f"(load average over 1 minutt, {os.cpu_count()} kjerner) er lest rett etter hver kjøring, så minuttet den "
        "dekker er mest kjøringen selv. «PDF-er» er det `plan build` skrev om PDF-ene («Lager PDF-ene (…)»).",
        "",
        "| Plan | Hurtigbuffer | Kjøringer | Median | Hver kjøring | CPU-tid | Høyeste minne | Load etter hver "
        "| PDF-er |",
        "|---|---|--:|--:|--:|--:|--:|--:|---|",
    ]
    for b in builds:
        pdfs = b.pdfs[0] if len(set(b.pdfs)) == 1 else " · ".join(b.pdfs)
        lines.append(
            f"| {b.plan} | {BUILD_STATES[b.state]} | {len(b.runs.seconds)} | {nb(b.runs.median)} s | "
            f"{' · '.join(nb(s) for s in b.runs.seconds)} s | {nb(statistics.median(b.runs.cpu))} s | "
            f"{nb(b.runs.peak_kb / 1024, 0)} MB | "
            f"{' · '.join(nb(load) for load in b.loads)} | {pdfs} |"
        )
    return [*lines, ""]


def status_note(plans: list[Plan]) -> list[str]:
    """What the status round's stages do, with the number of rows in each plan's workbook."""
    rows = [
        f"{p.name}: {nb(p.stages['status_export'].median_of('rows'), 0)}"
        for p in plans
        if "status_export" in p.stages and "rows" in p.stages["status_export"].extra
    ]
    if not rows:
        return []
    return [
        "«Statusrunde: eksport» er `export_workbook` for alle ansvarlige aktører, med filen skrevet; «Statusrunde: "
        "import» er `import_status` av en arbeidsbok der hver rad har fått ny status, dato og tekst (fylt ut med "
        "openpyxl før målingen), med filene skrevet i en ny kopi av planmappen for hver kjøring. Arbeidsboken har "
        f"én rad per tiltak det spørres om det året (rader: {'; '.join(rows)}).",
        "",
    ]


def _site_section(plans: list[Plan]) -> list[str]:
    def row(label: str, value: Callable[[SiteFigures], str]) -> str:
        return f"| {label} | " + " | ".join(value(p.site) if p.site else "–" for p in plans) + " |"

    return [
        "## Nettstedet",
        "",
        "| | " + " | ".join(p.name for p in plans) + " |",
        "|---|" + "--:|" * len(plans),
        row("Satsingsområder", lambda s: nb(s.focus_areas, 0)),
        row("HTML-sider", lambda s: nb(s.pages, 0)),
        row("Størrelse på site/", lambda s: f"{nb(s.bytes / 1024**2, 1)} MB"),
        row(f"Tiltaksside `{MEASURE_PAGE}`, HTML", lambda s: f"{nb(s.measure_html, 0)} byte"),
        row("… rammen (alt utenfor `<article>`)", lambda s: f"{nb(s.measure_frame, 0)} byte"),
        row("… gzip", lambda s: kb(s.measure_gzip)),
        row("Første besøk på tiltakssiden (gzip, målt i Chromium)", lambda s: kb(sum(s.visit.first.values()))),
        row("… antall filer", lambda s: nb(len(s.visit.first), 0)),
        row("… hvorav `sitemap.xml` (gzip)", lambda s: kb(s.visit.first.get("sitemap.xml", 0))),
        row("… når leseren begynner å søke, i tillegg (gzip)", lambda s: kb(sum(s.visit.search.values()))),
        row("… hvorav søkeindeksen (gzip)", lambda s: kb(s.visit.search.get("search/search_index.json", 0))),
        row("Fra klikk i søkefeltet til første treff", lambda s: f"{nb(s.visit.search_seconds, 1)} s"),
        "",
        "Rammen er det som står rundt selve innholdet på siden: toppen, navigasjonen og bunnen. Det er den som "
        "ville vokst om navigasjonen listet alle tiltakene. Menyen lister satsingsområdene, ikke målene eller "
        "tiltakene. Tiltak 1.1.1 (og mål 1.1 og satsingsområde 1) har samme innhold i alle de syntetiske planene, "
        "så tallene kan sammenlignes på tvers av planstørrelsene.",
        "",
    ]


def _visit_section(plans: list[Plan]) -> list[str]:
    """How the first visit was measured and the files of the shipped plan's visit (nothing when its site was not
    measured), then any requests to other hosts or for missing files, per plan."""
    if not plans[0].site:
        return []
    visit = plans[0].site.visit
    lines = [
        "Første besøk er målt i Debians Chromium (Playwright): nettstedet serveres fra en lokal server, "
        "tiltakssiden åpnes i en ny nettleserprofil uten hurtiglager, og vi venter til nettverket er stille "
        "og ett sekund til. Hver fil nettleseren (også søkeskriptets web worker) ber om, telles med "
        "størrelsen komprimert med gzip nivå 6 (en mappe er `index.html` i den). Skrifter hentes ikke: "
        "nettstedet bruker systemets skrifter. Materials raske sidebytte (`navigation.instant`) henter "
        "`sitemap.xml` ved første besøk; den har en linje per side og vokser derfor med planen. Søkeindeksen "
        "hentes først "
        "når leseren begynner å søke (`docs/javascripts/search-on-demand.js`); det er målt for seg ved å "
        f"klikke i søkefeltet, skrive «{SEARCH_WORD}» og vente på første treff. Filene for den leverte planen:",
        "",
        "| Fil | Når | gzip |",
        "|---|---|--:|",
        *[f"| `{path}` | første besøk | {kb(size)} |" for path, size in visit.first.items()],
        *[f"| `{path}` | ved søk | {kb(size)} |" for path, size in visit.search.items()],
        "",
    ]
    for p in plans:
        if p.site and p.site.visit.foreign:
            lines += [f"Forespørsler til andre verter ({p.name}): " + ", ".join(p.site.visit.foreign), ""]
        if p.site and p.site.visit.missing:
            names = ", ".join(f"`{m}`" for m in p.site.visit.missing)
            lines += [f"Filer nettleseren ba om som ikke finnes ({p.name}): {names}", ""]
    return lines


def serve_section(serve: Serve | None) -> list[str]:
    if not serve:
        return []
    return [
        "## Forhåndsvisning (`plan serve`)",
        "",
        "`plan serve` startes på en kopi av den leverte planen. Så endres tittelen på tiltak 1.1.1 i "
        f"YAML-filen {len(serve.edits)} ganger, med 1,5 s mellom hver, og vi måler tiden fra filen er skrevet "
        "til siden serveren leverer (`/naeringsplan/tiltak/1-1-1/`) har den nye tittelen (spurt hvert 50. ms). "
        "Det er tiden en redaktør venter fra hun lagrer til hun kan se endringen.",
        "",
        "| | |",
        "|---|--:|",
        f"| Fra start til siden svarer | {nb(serve.startup, 1)} s |",
        f"| Median fra lagring til endret side | {nb(statistics.median(serve.edits))} s |",
        f"| Hver endring | {' · '.join(f'{nb(t)} s' for t in serve.edits)} |",
        f"| Belastning på maskinen da endringene begynte (load average, 1 min, {os.cpu_count()} kjerner) | "
        f"{nb(serve.load)} |",
        "",
    ]


def growth_section(plans: list[Plan], stages: dict[str, str] = STAGES) -> list[str]:
    """Milliseconds per measure for each synthetic plan, and the growth from 1 000 to 5 000 measures, for
    ``stages``."""
    by_size = {p.measures: p for p in plans[1:]}
    lines = [
        "## Hvordan stegene vokser med antall tiltak",
        "",
        "Millisekunder per tiltak (medianen delt på antall tiltak). «Vekst 1 000 → 5 000» er tiden for 5 000 "
        "delt på tiden for 1 000: 5,0 betyr at tiden vokser i takt med antall tiltak, mer enn 5 betyr at noe "
        "vokser raskere enn planen.",
        "",
        "| Steg | " + " | ".join(f"{nb(n, 0)} tiltak" for n in by_size) + " | Vekst 1 000 → 5 000 |",
        "|---|" + "--:|" * (len(by_size) + 1),
    ]
    for stage, label in stages.items():
        cells = []
        for n, p in by_size.items():
            runs = p.stages.get(stage)
            cells.append("–" if runs is None or runs.skipped else nb(runs.median / n * 1000, 1))
        small, large = by_size.get(1000), by_size.get(5000)
        a = small.stages.get(stage) if small else None
        b = large.stages.get(stage) if large else None
        growth = nb(b.median / a.median, 1) if a and b and not a.skipped and not b.skipped else "–"
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {growth} |")
    return lines


def profile_section(profile: str, name: str) -> str:
    """The profile section's text from the output of :mod:`pstats`, with the paths shortened."""
    shortened = profile.replace(str(ROOT) + os.sep, "")
    shortened = re.sub(r"\S*/site-packages/", "", shortened)
    shortened = re.sub(r"\S*/lib/python3\.\d+/", "", shortened)
    body = "\n".join(line.rstrip() for line in shortened.strip().splitlines())
    return (
        f"`cProfile` av innlasting, validering og rendering for planen med {name}, sortert etter tid i "
        "funksjonen selv (de 12 øverste; tidene er høyere enn uten profilering):\n\n```text\n" + body + "\n```"
    )
