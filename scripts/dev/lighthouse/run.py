"""Lighthouse on one page: its scores per category and the audits that cost points, read from its JSON report."""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: The pages of issue 23, part 10, by their Norwegian name: the address under the site's root.
PAGES = {
    "Forsiden": "",
    "Alle tiltak": "tiltak/",
    "Tiltak 1.1.2": "tiltak/1-1-2/",
    "Nes kommune": "aktorer/nes-kommune/",
    "Tidslinjen": "tidslinje/",
}
#: Lighthouse's categories, in the order of the table, with their Norwegian headings.
CATEGORIES = {
    "accessibility": "Tilgjengelighet",
    "best-practices": "Beste praksis",
    "seo": "SEO",
    "performance": "Ytelse",
}
#: The metrics of the performance score, as Lighthouse names its audits, with their unit.
METRICS = {
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "total-blocking-time": "TBT",
    "cumulative-layout-shift": "CLS",
    "speed-index": "SI",
}
#: Score display modes of audits that never cost points.
UNSCORED = {"notApplicable", "informative", "manual", "error"}


@dataclass(frozen=True)
class Lighthouse:
    """How to start Lighthouse: Node.js, Lighthouse's command line (``cli/index.js``) and the Chromium it drives."""

    node: str
    cli: Path
    chrome: str

    def command(self, url: str, categories: list[str]) -> list[str]:
        """Lighthouse's defaults for a phone (mobile form factor, simulated throttling), its report as JSON."""
        return [
            self.node,
            str(self.cli),
            url,
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            f"--only-categories={','.join(categories)}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ]

    def audit(self, url: str, categories: list[str]) -> Report | str:
        """Lighthouse's report on ``url``, or what went wrong, in Norwegian."""
        env = {**os.environ, "CHROME_PATH": self.chrome}
        done = subprocess.run(self.command(url, categories), capture_output=True, text=True, env=env, check=False)
        if done.returncode != 0:
            return f"Lighthouse stoppet med kode {done.returncode} på {url}:\n{done.stderr[-2000:]}"
        try:
            return Report.read(json.loads(done.stdout))
        except (ValueError, KeyError) as problem:
            return f"Lighthouse ga en rapport som ikke kunne leses for {url}: {problem}"


def find_cli(share: Path) -> Path | None:
    """Lighthouse's command line as `make test` installs it: ``share/lighthouse-VERSION/node_modules/…``."""
    found = sorted(share.glob("lighthouse-*/node_modules/lighthouse/cli/index.js"))
    return found[-1] if found else None


@dataclass(frozen=True)
class Report:
    """What one run of Lighthouse found: the score of each category (0–100), the audits that cost points in each
    (``id: title``), and the performance metrics (milliseconds; CLS without unit)."""

    version: str
    scores: dict[str, int]
    failing: dict[str, list[str]]
    metrics: dict[str, float]

    @classmethod
    def read(cls, report: Any) -> Report:
        """From Lighthouse's JSON report (``--output=json``)."""
        categories, audits = report["categories"], report["audits"]
        scores = {name: round((category["score"] or 0) * 100) for name, category in categories.items()}
        failing = {name: _failing(category, audits) for name, category in categories.items()}
        metrics = {m: float(audits[m]["numericValue"]) for m in METRICS if m in audits}
        return cls(str(report["lighthouseVersion"]), scores, failing, metrics)

    def problems(self, category: str) -> str:
        """The audits that cost points in ``category``, one a line."""
        return "\n".join(f"  {line}" for line in self.failing.get(category, []))


def _failing(category: Any, audits: Any) -> list[str]:
    """``id: title (where)`` of every audit with a weight in ``category`` that does not pass."""
    found = []
    for ref in category["auditRefs"]:
        audit = audits[ref["id"]]
        if ref["weight"] and audit["scoreDisplayMode"] not in UNSCORED and (audit["score"] or 0) < 1:
            found.append(f"{ref['id']}: {audit['title']}{_where(audit)}")
    return found


def _where(audit: Any) -> str:
    """The first few elements or files an audit names (its details' ``node.snippet`` or ``url``)."""
    items = (audit.get("details") or {}).get("items") or []
    where = [str((item.get("node") or {}).get("snippet") or item.get("url") or "") for item in items[:3]]
    return f" ({'; '.join(w for w in where if w)})" if any(where) else ""
