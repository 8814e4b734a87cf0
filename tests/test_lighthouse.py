"""Lighthouse 12 as a phone reader meets the site (issue 23, part 10): its defaults for a phone (mobile form factor,
simulated throttling) on five pages of the shipped plan's site, served with gzip and the site's security headers as
a host serves it. Accessibility, best practices and SEO are 100 on each page; a failure names the audits that cost
points. Performance is measured by `python -m scripts.dev.lighthouse` (BENCHMARKS.md), not asserted here: it
depends on the machine's load."""

from __future__ import annotations

from pathlib import Path

import pytest
from tools import program

from conftest import ROOT
from scripts.dev.lighthouse.cli import ASSERTED
from scripts.dev.lighthouse.run import CATEGORIES, PAGES, Lighthouse, Report, find_cli
from scripts.dev.lighthouse.serve import serving

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def lighthouse() -> Lighthouse:
    cli = find_cli(ROOT / ".venv" / "share")
    assert cli is not None, "Lighthouse is missing: run 'make test', which installs it with npm"
    return Lighthouse(program("node"), cli, program("chromium"))


@pytest.fixture(scope="module")
def reports(shipped_site: Path, lighthouse: Lighthouse) -> dict[str, Report | str]:
    """Lighthouse's report on each page, or what went wrong."""
    with serving(shipped_site) as url:
        return {name: lighthouse.audit(url + path, list(ASSERTED)) for name, path in PAGES.items()}


def below_100(report: Report) -> str:
    """Each category under 100 with its score and the audits that cost points: the message of a failure."""
    return "\n".join(
        f"{CATEGORIES[c]} {score}:\n{report.problems(c)}" for c, score in report.scores.items() if score < 100
    )


@pytest.mark.parametrize("name", PAGES)
def test_the_page_scores_100_in_accessibility_best_practices_and_seo_on_a_phone(
    reports: dict[str, Report | str], name: str
) -> None:
    report = reports[name]
    assert isinstance(report, Report), report
    assert {c: report.scores[c] for c in ASSERTED} == dict.fromkeys(ASSERTED, 100), below_100(report)


def test_a_page_that_fails_an_audit_is_reported_with_the_audit_and_the_element() -> None:
    report = Report.read(
        {
            "lighthouseVersion": "12.8.2",
            "categories": {
                "accessibility": {
                    "score": 0.97,
                    "auditRefs": [{"id": "target-size", "weight": 7}, {"id": "image-alt", "weight": 10}],
                }
            },
            "audits": {
                "target-size": {
                    "title": "Touch targets do not have sufficient size or spacing.",
                    "score": 0,
                    "scoreDisplayMode": "binary",
                    "details": {"items": [{"node": {"snippet": '<a href="/tiltak/5-3-1/">'}}]},
                },
                "image-alt": {
                    "title": "Image elements have [alt] attributes",
                    "score": None,
                    "scoreDisplayMode": "notApplicable",
                },
            },
        }
    )
    assert report.scores == {"accessibility": 97}
    assert below_100(report) == (
        'Tilgjengelighet 97:\n  target-size: Touch targets do not have sufficient size or spacing. (<a href="/tiltak/5-3-1/">)'
    )
