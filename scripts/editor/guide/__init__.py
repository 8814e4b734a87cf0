"""The editors' guide («Veiledning for redaktører»): seven Markdown pages for the people who keep the plan up to
date, generated from the plan at build time so that no example can go stale.

What comes in: the validated plan, the address of the web editor (``edit_base``, or None) and the folder the
plan was read from (``plan_dir``, whose files the examples quote). What goes out: the data the page templates
``templates/pages/guide-*.md.jinja`` print, and nothing else — this package renders no page and knows no site.
The site's registry lays out the pages (``GUIDE_PAGES`` in ``scripts/site/registry.py``); the publishing stage wires
this package in as the registry's provider «guide» (``publish/providers.py``), so the site renders them in its own
Markdown environment with :data:`FILTERS` added, with :func:`guide_context` plus what every page gets from it
(``page``, ``link`` relative to the page and ``page_path(kind, ident)``).

* The status example is a real measure, shown as the lines of the YAML file it is written in
  (:mod:`.status`).
* The new-measure example has the next free number under a real goal and real actor ids, in the skeleton that
  ``plan new measure`` writes; the fields are listed with their descriptions from :class:`schema.Measure`
  (:mod:`.new_measure`).
* Every error message is what the validator prints today for a broken file in ``examples/mistakes/``, run on a
  copy of the small example plan ``examples/plan/`` in a temporary folder, shown with paths relative to the
  repository (:mod:`.errors`).
* The revision example is the plan's own revisions, written back as YAML (:mod:`.revision`).
* The status round's columns, statuses and the import's messages for typical mistakes come from
  :mod:`scripts.editor.status`, run on a workbook exported from the example plan (:mod:`.status_round`).
* The names of the pull request check and the git commands come from :mod:`.workflow`.
* The English edition's section quotes a translated measure of the plan and the warning ``plan validate`` gives
  for the file with the most texts not yet translated (:mod:`.english`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from schema import Plan
from scripts.core.queries import lead_role
from scripts.editor.guide.english import english_example
from scripts.editor.guide.errors import ERROR_KINDS, WARNING_KINDS, ErrorExample, error_example, message_parts
from scripts.editor.guide.new_measure import new_measure_example
from scripts.editor.guide.revision import revision_example
from scripts.editor.guide.sources import SourceFiles
from scripts.editor.guide.status import status_example
from scripts.editor.guide.status_round import MessageExample, message_examples, status_round_guide
from scripts.editor.guide.workflow import clone_commands, pr_workflow, push_commands
from scripts.editor.schemas import SCHEMA_FILES
from scripts.load.folder import FOCUS_AREA_DIR


def fence(text: str, language: str) -> str:
    """A fenced code block, with a fence longer than any run of backticks in the text."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    ticks = "`" * max(3, longest + 1)
    return f"{ticks}{language}\n{text.rstrip(chr(10))}\n{ticks}"


def message_block(text: str) -> str:
    """The tool's messages as a code block whose lines wrap (class «melding», docs/stylesheets/extra.css): a
    message is a sentence to read whole, on a phone too, not a line to scroll sideways."""
    return f'<div class="melding" markdown>\n\n{fence(text, "text")}\n\n</div>'


def listing(items: list[str]) -> str:
    """«1.2.1, 1.2.2 og 1.2.3»."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " og " + items[-1]


#: The Jinja2 filters the guide's templates need beyond the site's own.
FILTERS: dict[str, Callable[..., Any]] = {"fence": fence, "message_block": message_block, "listing": listing}


@dataclass(frozen=True)
class ToolExamples:
    """What the tool says about the example plan's mistakes (every error and warning kind) and about typical
    mistakes in a status workbook: it depends only on the tool and its examples, not on the plan, so a caller may
    keep it between builds (the publishing stage does, publish/providers.py)."""

    errors: list[ErrorExample]
    warnings: list[ErrorExample]
    status_round: tuple[MessageExample, ...]


def tool_examples() -> ToolExamples:
    """Run the validator on each mistake and the status import on each spoiled workbook (about a second)."""
    return ToolExamples(
        [error_example(kind) for kind in ERROR_KINDS],
        [error_example(kind) for kind in WARNING_KINDS],
        message_examples(),
    )


def guide_context(
    plan: Plan, edit_base: str | None, plan_dir: Path, examples: ToolExamples | None = None
) -> dict[str, Any]:
    """What the guide's templates print, the same for every page.

    edit_base is the address that opens a file of the repository in GitHub's web editor, ending in «/»
    (None: no such links). plan_dir is the folder the plan was read from; the status and new-measure examples
    are quoted from its files when they hold this plan, else written from the plan's data. `examples` are the
    tool's messages (None: made now, :func:`tool_examples`)."""
    sources = SourceFiles.load(plan_dir, plan)
    examples = examples or tool_examples()
    errors = examples.errors
    example = status_example(plan, sources)
    return {
        "plan": plan,
        "info": plan.plan,
        "edit_base": edit_base,
        "owner": next((a for a in plan.actors if a.id == plan.plan.owner), None),
        "sources": sources,
        "municipalities": [a for a in plan.actors if a.kind == "kommune"],
        "role_types": sorted(plan.vocabulary.role_types, key=lambda r: r.order),
        "statuses": sorted(plan.vocabulary.statuses, key=lambda s: s.order),
        "measure_count": sum(1 for _ in plan.measures()),
        "status_example": example,
        "push": push_commands(example.measure.id),
        "new_measure": new_measure_example(plan, sources),
        "errors": errors,
        "warnings": examples.warnings,
        "reading": message_parts(errors[0].messages[0]),
        "first_error": errors[0],
        "revision": revision_example(plan),
        "status_round": status_round_guide(plan, examples.status_round),
        "workflow": pr_workflow(),
        "clone": clone_commands(edit_base),
        "lead_role": lead_role(plan.vocabulary),
        "schema_files": [
            (name, describes) for name, (_, describes) in SCHEMA_FILES.items() if describes.startswith("plan/")
        ],
        "focus_area_dir": FOCUS_AREA_DIR,
        "english": english_example(plan, sources),
    }
