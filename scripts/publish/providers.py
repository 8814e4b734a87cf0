"""The content the site lays out but does not make, wired into the page registry by the publishing stage: the
editors' guide (``scripts.editor.guide``) and the history of the adopted editions (read by ``publish/editions.py``).
The site names these providers in its rows (``site/registry.py``) and never imports the editor's package."""

from __future__ import annotations

import pickle
from collections.abc import Mapping
from typing import Any

from schema import Plan
from scripts import REPOSITORY
from scripts.core.queries import report_years
from scripts.editor import guide
from scripts.present.lookups import SiteOptions
from scripts.publish.memo import FileMemo
from scripts.site.history import FOLLOW_UP, History
from scripts.site.pages import render_site
from scripts.site.registry import EDITIONS, GUIDE, REGISTRY, Provider, Registry


def wired(registry: Registry, history: History, memo: FileMemo | None = None) -> Registry:
    """The registry with the guide's and the editions' providers in place; the guide's examples of the tool's
    messages are kept in `memo` between builds (None: made every time)."""
    guide_provider = Provider(_guide_with(memo or FileMemo(None)), guide.FILTERS)
    return registry.with_providers(**{GUIDE: guide_provider, EDITIONS: Provider(_history_of(history))})


def _guide_with(memo: FileMemo) -> Any:
    def context(plan: Plan, options: Any) -> Mapping[str, Any]:
        examples = tool_examples(memo)
        return guide.guide_context(plan, options.edit_base, options.plan_dir or REPOSITORY / "plan", examples)

    return context


def tool_examples(memo: FileMemo) -> guide.ToolExamples:
    """What the tool says about the guide's example mistakes: it depends only on the code (which the memo's key
    covers), so it is kept between builds, pickled (the cache is the repository's own, like Python's .pyc files)."""
    kept = memo.get("guide-examples", "", lambda: pickle.dumps(guide.tool_examples()))
    examples = pickle.loads(kept)
    assert isinstance(examples, guide.ToolExamples)
    return examples


def _history_of(history: History) -> Any:
    def context(plan: Plan, options: Any) -> Mapping[str, Any]:
        return {"report_years": report_years(plan), "editions": history.editions, "follow_up": FOLLOW_UP}

    return context


def render_pages(
    plan: Plan, options: SiteOptions | None = None, history: History | None = None, registry: Registry = REGISTRY
) -> dict[str, str]:
    """Every page of the site as the publishing stage renders it: the registry with its providers wired in (the
    editions' `history`: none kept, unless given)."""
    return render_site(plan, options, wired(registry, history or History()))
