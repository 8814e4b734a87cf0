"""The revision page («Rullering»): the plan's own newest revisions written back as YAML with
:func:`scripts.editor.dump.to_yaml`, a new revision as a draft and as adopted, and what the validator says
about an adopted revision without a decision."""

from __future__ import annotations

import datetime as dt
import re
import textwrap
import typing
from dataclasses import dataclass
from typing import Any

import schema
from schema import Plan, Revision
from scripts.editor.dump import to_yaml
from scripts.editor.guide.errors import ErrorExample, ErrorKind, error_example
from scripts.editor.guide.new_measure import field_descriptions

#: The mistake shown on the revision page.
DECISION_KIND = ErrorKind(
    "adopted-without-decision",
    "Vedtatt rullering uten vedtak",
    "Legg til `decision` med minst vedtaksorganet (`body`) og datoen (`date`), eller sett `stage` tilbake til "
    "`høring`.",
)


@dataclass(frozen=True)
class RevisionExample:
    """The plan's current revisions as YAML, and a new one as a draft and as adopted."""

    #: The newest adopted revision and any later ones, as the YAML list items of plan/plan.yaml.
    current: str
    current_count: int
    draft: str
    #: The draft sent on consultation, with its deadline and documents.
    hearing: str
    adopted: str
    version: str
    stages: list[str]
    revision_fields: list[tuple[str, str]]
    decision_fields: list[tuple[str, str]]
    #: The fields of a consultation, of one of its documents and of how to respond.
    consultation_fields: list[tuple[str, list[tuple[str, str]]]]
    error: ErrorExample


#: Indentation of «- version:» in plan/plan.yaml.
REVISION_INDENT = 2


def revisions_yaml(revisions: list[Revision]) -> str:
    """Revisions written back as YAML list items, as under «revisions:» in plan/plan.yaml."""
    items = [_plain_dates(r.model_dump(mode="json", exclude_defaults=True)) for r in revisions]
    return textwrap.indent(to_yaml(items), " " * REVISION_INDENT).rstrip("\n")


def _plain_dates(data: Any) -> Any:
    """Full dates as date values, so that they are written without quotes, as in the plan's files."""
    if isinstance(data, dict):
        return {key: _plain_dates(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_plain_dates(value) for value in data]
    if isinstance(data, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", data):
        return dt.date.fromisoformat(data)
    return data


def next_version(versions: list[str]) -> str:
    """One more than the highest major version: «4.0» after «3.0» and «2.1»."""
    majors = [int(v.split(".")[0]) for v in versions if re.fullmatch(r"\d+(\.\d+)*", v)]
    return f"{max(majors, default=0) + 1}.0"


def revision_year(revisions: list[Revision]) -> int:
    """The year after every year the revisions speak of (in their dates and titles, «Rullering 2027»)."""
    years = [int(r.date[:4]) for r in revisions]
    years += [int(y) for r in revisions for y in re.findall(r"\b(?:19|20)\d\d\b", r.title)]
    return max(years) + 1


def revision_example(plan: Plan) -> RevisionExample:
    revisions = list(plan.plan.revisions)
    adopted = [i for i, r in enumerate(revisions) if r.stage == "vedtatt"]
    start = adopted[-1] if adopted else 0
    version = next_version([r.version for r in revisions])
    year = revision_year(revisions)
    draft: dict[str, Any] = {
        "version": version,
        "title": f"Rullering {year}",
        "date": dt.date(year, 1, 15),
        "stage": "utkast",
        "changes": "- Hva som er endret fra forrige utgave, ett punkt per linje.\n",
    }
    decisions = [r.decision for r in revisions if r.decision is not None]
    owner = next((a for a in plan.actors if a.id == plan.plan.owner), None)
    decision: dict[str, Any] = {
        "body": decisions[-1].body if decisions else (owner.name if owner else "Styret"),
        "date": dt.date(year, 6, 15),
        "case_number": "ÅÅ/NNNNN",
    }
    if owner is not None and owner.url:
        decision["url"] = owner.url
    hearing = {**draft, "stage": "høring", "consultation": consultation_example(year)}
    adopted_revision = {**draft, "date": dt.date(year, 6, 15), "stage": "vedtatt", "decision": decision}
    pad = " " * REVISION_INDENT
    return RevisionExample(
        current=revisions_yaml(revisions[start:]),
        current_count=len(revisions) - start,
        draft=textwrap.indent(to_yaml([draft]), pad).rstrip("\n"),
        hearing=textwrap.indent(to_yaml([hearing]), pad).rstrip("\n"),
        adopted=textwrap.indent(to_yaml([adopted_revision]), pad).rstrip("\n"),
        version=version,
        stages=list(typing.get_args(schema.Stage)),
        revision_fields=field_descriptions(Revision, required=True) + field_descriptions(Revision, required=False),
        decision_fields=field_descriptions(schema.Decision, required=True)
        + field_descriptions(schema.Decision, required=False),
        consultation_fields=[(label, _all_fields(model)) for label, model in CONSULTATION_MODELS],
        error=error_example(DECISION_KIND),
    )


#: The consultation's models as the guide's tables name them.
CONSULTATION_MODELS: tuple[tuple[str, type[schema.Model]], ...] = (
    ("En høring (`consultation`)", schema.Consultation),
    ("Et høringsdokument (`documents`)", schema.ConsultationDocument),
    ("Hvordan man svarer (`respond`)", schema.ConsultationResponse),
)


def _all_fields(model: type[schema.Model]) -> list[tuple[str, str]]:
    return field_descriptions(model, required=True) + field_descriptions(model, required=False)


def consultation_example(year: int) -> dict[str, Any]:
    """A consultation with a deadline and a document; how to respond comes from the plan's contact."""
    return {
        "deadline": dt.date(year, 3, 1),
        "documents": [{"title": f"Utkast til rullering {year} (PDF)", "url": "https://www.eksempel.no/utkast.pdf"}],
    }
