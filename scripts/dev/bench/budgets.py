"""The report's budgets: each figure against the limit it must stay under, and why the largest PDFs are not made."""

from __future__ import annotations

import os
import statistics

from scripts.dev.bench.common import kb, nb
from scripts.dev.bench.figures import BUILD_STATES, BuildRuns, Plan, Runs, Serve, SiteFigures


def verdict(ok: bool) -> str:
    return "**oppfylt**" if ok else "**ikke oppfylt**"


def pdf_note(plans: list[Plan]) -> list[str]:
    """Why the PDF of the largest plans is not made, from what the largest PDF that was made cost."""
    skipped = [p for p in plans if p.stages.get("pdf") and p.stages["pdf"].skipped]
    made = [p for p in plans if p.stages.get("pdf") and not p.stages["pdf"].skipped]
    if not skipped or not made:
        return []
    largest = max(made, key=lambda p: p.measures)
    runs = largest.stages["pdf"]
    factor = skipped[0].measures / largest.measures
    return [
        f"PDF-en er ikke laget for {skipped[0].name}: for {largest.name} brukte WeasyPrint {nb(runs.median, 0)} s "
        f"og {nb(runs.peak_kb / 1024**2, 1)} GiB minne, så {nb(factor, 0)} ganger så mange tiltak ville tatt "
        f"minst {nb(runs.median * factor / 60, 0)} minutter per kjøring (mer enn hele målingen får ta) og langt "
        "mer minne enn budsjettet. Av samme grunn er MkDocs-bygget for 5 000 tiltak kjørt færre ganger.",
        "",
    ]


#: Seconds from saving a YAML file of the shipped plan to `plan serve` serving the changed page (median).
SERVE_BUDGET = 1.5


def serve_budget(serve: Serve) -> str:
    median = statistics.median(serve.edits)
    return (
        f"- `plan serve` viser en endring i YAML-filen på under {nb(SERVE_BUDGET, 1)} s for den leverte planen: "
        f"median {nb(median)} s (hver gang: {', '.join(nb(t) for t in serve.edits)} s; den tregeste "
        f"{nb(max(serve.edits))} s): {verdict(median < SERVE_BUDGET)}."
    )


#: Seconds for the whole `plan build`, by (synthetic plan, state of the cache): the shipped plan, then 1 000
#: synthetic measures.
BUILD_BUDGETS = {
    (False, "cold"): 30.0,
    (False, "unchanged"): 5.0,
    (False, "edited"): 15.0,
    (True, "cold"): 120.0,
    (True, "unchanged"): 30.0,
}


def cold_build(builds: list[BuildRuns]) -> Runs | None:
    """The cold builds of the shipped plan, if they were measured."""
    return next((b.runs for b in builds if not b.synthetic and b.state == "cold"), None)


def build_budget(build: BuildRuns) -> str | None:
    """`plan build` in one state of its cache against its budget (None: this plan and state have none)."""
    limit = BUILD_BUDGETS.get((build.synthetic, build.state))
    if limit is None:
        return None
    runs = build.runs
    of = f"median av {len(runs.seconds)}" if len(runs.seconds) > 1 else "én kjøring"
    loads = " · ".join(nb(load) for load in build.loads)
    return (
        f"- `plan build` med PDF-er, {build.plan}, {BUILD_STATES[build.state]}, under {nb(limit, 0)} s på "
        f"{os.cpu_count()} kjerner: {nb(runs.median)} s ({of}; load {loads}; PDF-er: {build.pdfs[-1]}): "
        f"{verdict(runs.median < limit)}."
    )


def build_budgets(builds: list[BuildRuns]) -> list[str]:
    return [line for line in map(build_budget, builds) if line]


def budgets(plans: list[Plan], builds: list[BuildRuns], ours: Runs, serve: Serve | None) -> list[str]:
    by_size = {p.measures: p for p in plans[1:]}
    lines = ["## Budsjetter", ""]
    thousand = by_size.get(1000)
    if thousand:
        total = thousand.stages["validate"].median + thousand.stages["render"].median
        lines.append(
            f"- Last inn, valider og render 1 000 tiltak på under 2 s: {nb(total)} s "
            f"({nb(thousand.stages['validate'].median)} s + {nb(thousand.stages['render'].median)} s): "
            f"{verdict(total < 2)}."
        )
    cold = cold_build(builds)
    lines += _ours_budget(ours, cold) if cold else []
    lines += build_budgets(builds)
    lines += _visit_budgets(plans)
    if serve:
        lines.append(serve_budget(serve))
    pdf = thousand.stages.get("pdf") if thousand else None
    if pdf and not pdf.skipped:
        lines.append(
            f"- PDF av 1 000 tiltak under 60 s og under 2 GiB minne: {nb(pdf.median)} s og "
            f"{nb(pdf.peak_kb / 1024**2, 2)} GiB: {verdict(pdf.median < 60 and pdf.peak_kb < 2 * 1024**2)}."
        )
    lines += _print_budgets(plans)
    if thousand:
        lines += status_budget(thousand)
    sized = [(n, p.site) for n, p in by_size.items() if p.site]
    if sized:
        lines.append(_growth_budget(sized))
    return lines


#: Seconds each for exporting and importing the status round of 1 000 measures.
STATUS_BUDGET = 5.0


def status_budget(thousand: Plan) -> list[str]:
    """The status round's export and import of the plan with 1 000 measures, each under :data:`STATUS_BUDGET`."""
    lines = []
    for stage, what in (("status_export", "Eksport"), ("status_import", "Import")):
        runs = thousand.stages.get(stage)
        if runs and not runs.skipped:
            lines.append(
                f"- {what} av statusrunden for 1 000 tiltak under {nb(STATUS_BUDGET, 0)} s: {nb(runs.median)} s "
                f"({nb(runs.peak_kb / 1024, 0)} MB): {verdict(runs.median < STATUS_BUDGET)}."
            )
    return lines


def _print_budgets(plans: list[Plan]) -> list[str]:
    """The status report and an adopted edition within the plan PDF's budget, for the largest plan measured."""
    lines = []
    for stage, what in (("report", "Statusrapporten"), ("edition", "En vedtatt utgave fra git")):
        measured = [(p, p.stages[stage]) for p in plans if stage in p.stages and not p.stages[stage].skipped]
        if not measured:
            continue
        p, runs = max(measured, key=lambda pair: pair[0].measures)
        ok = runs.median < 60 and runs.peak_kb < 2 * 1024**2
        lines.append(
            f"- {what} for {p.name} innenfor PDF-budsjettet (under 60 s og 2 GiB): {nb(runs.median)} s og "
            f"{nb(runs.peak_kb / 1024**2, 2)} GiB: {verdict(ok)}."
        )
    return lines


def _ours_budget(ours: Runs, build: Runs) -> list[str]:
    """Our own steps' share of a cold `plan build` of the shipped plan."""
    share = ours.median / build.median
    return [
        f"- Våre egne steg under 15 % av en kald `plan build` for den leverte planen: {nb(ours.median)} s av "
        f"{nb(build.median)} s = {nb(share * 100, 0)} % (innlasting og validering {nb(ours.median_of('validate'))} s, "
        f"datoer fra git {nb(ours.median_of('git'))} s, rendering og åpne data {nb(ours.median_of('render'))} s, "
        f"utskrifts-HTML for alle PDF-ene {nb(ours.median_of('html'))} s; resten er MkDocs og WeasyPrint): "
        f"{verdict(share < 0.15)}.",
    ]


def _visit_budgets(plans: list[Plan]) -> list[str]:
    """What a first visit to a measure page transfers, for every plan whose site was measured."""
    lines = []
    for p in plans:
        if p.site:
            first, search = sum(p.site.visit.first.values()), sum(p.site.visit.search.values())
            lines.append(
                f"- Første besøk på en tiltaksside under 150 KB gzip i alt, skrifter medregnet, {p.name}: "
                f"{kb(first)}: {verdict(first < 150 * 1024)}. Begynner leseren å søke, henter nettleseren "
                f"{kb(search)} til (søkeindeksen {kb(p.site.visit.search.get('search/search_index.json', 0))}), "
                f"{kb(first + search)} i alt."
            )
    return lines


def _spread(values: list[int]) -> tuple[int, bool]:
    """How much the values vary, and whether that is within 2 % of the smallest."""
    return max(values) - min(values), max(values) - min(values) <= 0.02 * min(values)


def _compare(sized: list[tuple[int, SiteFigures]]) -> tuple[bool, list[str]]:
    """Compare the measure page and its frame between plans with the same number of focus areas: whether they
    are all within the limit, and a sentence per group of plans (none when no two plans can be compared)."""
    groups: dict[int, list[tuple[int, SiteFigures]]] = {}
    for n, site in sized:
        groups.setdefault(site.focus_areas, []).append((n, site))
    parts, ok = [], True
    for group in (group for group in groups.values() if len(group) > 1):
        html, html_ok = _spread([site.measure_html for _, site in group])
        frame, frame_ok = _spread([site.measure_frame for _, site in group])
        ok = ok and html_ok and frame_ok
        names = " og ".join(nb(n, 0) for n, _ in group)
        parts.append(f"mellom {names} tiltak varierer siden med {nb(html, 0)} byte og rammen med {nb(frame, 0)} byte")
    return ok, parts


def _growth_budget(sized: list[tuple[int, SiteFigures]]) -> str:
    """The budget «the HTML of a measure page does not grow with the number of measures», judged on the page and
    on its frame, between plans with the same number of focus areas (the menu lists each focus area)."""
    figures = ", ".join(
        f"{nb(n, 0)} tiltak: {nb(site.measure_html, 0)} byte, hvorav rammen {nb(site.measure_frame, 0)} byte "
        f"({site.focus_areas} satsingsområder)"
        for n, site in sized
    )
    ok, parts = _compare(sized)
    text = (
        f"- HTML-en til en tiltaksside vokser ikke med antall tiltak ({figures}): "
        + (f"{verdict(ok)}. " if parts else "ikke vurdert (ingen to planer med like mange satsingsområder). ")
        + "Tillatt variasjon er 2 % av den minste, både for hele siden og for rammen, mellom planer med like mange "
        "satsingsområder" + (f": {'; '.join(parts)}." if parts else ".")
    )
    fewest, most = min(sized, key=lambda x: x[1].focus_areas), max(sized, key=lambda x: x[1].focus_areas)
    extra = most[1].focus_areas - fewest[1].focus_areas
    if extra:
        per_area = (most[1].measure_frame - fewest[1].measure_frame) / extra
        text += (
            f" Planen med {nb(fewest[0], 0)} tiltak har {extra} satsingsområder færre i menyen; rammen er "
            f"{nb(per_area, 0)} byte mindre per satsingsområde (syntetiske planer får flere satsingsområder opp "
            "til 8 når de vokser)."
        )
    return text + " Tiltak 1.1.1 har samme innhold i alle planene."
