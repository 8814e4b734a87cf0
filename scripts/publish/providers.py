"""The content the site lays out but does not make, wired into the page registry by the publishing stage: the
editors' guide (``scripts.editor.guide``) and the history of the adopted editions (read by ``publish/editions.py``).
The site names these providers in its rows (``site/registry.py``) and never imports the editor's package."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from schema import Plan
from scripts import REPOSITORY
from scripts.core.queries import report_years
from scripts.editor import guide
from scripts.present.lookups import SiteOptions
from scripts.site.history import History
from scripts.site.pages import render_site
from scripts.site.registry import EDITIONS, GUIDE, REGISTRY, Provider, Registry


def wired(registry: Registry, history: History) -> Registry:
    """The registry with the guide's and the editions' providers in place."""
    return registry.with_providers(**{GUIDE: Provider(_guide, guide.FILTERS), EDITIONS: Provider(_history_of(history))})


def _guide(plan: Plan, options: Any) -> Mapping[str, Any]:
    return guide.guide_context(plan, options.edit_base, options.plan_dir or REPOSITORY / "plan")


def _history_of(history: History) -> Any:
    def context(plan: Plan, options: Any) -> Mapping[str, Any]:
        return {"report_years": report_years(plan), "editions": history.editions}

    return context


def render_pages(
    plan: Plan, options: SiteOptions | None = None, history: History | None = None, registry: Registry = REGISTRY
) -> dict[str, str]:
    """Every page of the site as the publishing stage renders it: the registry with its providers wired in (the
    editions' `history`: none kept, unless given)."""
    return render_site(plan, options, wired(registry, history or History()))
