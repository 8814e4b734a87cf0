"""The list of measures to follow up as GitHub Markdown, for the one issue the monthly workflow keeps up to date
(``.github/workflows/oppfolging.yml`` pipes ``plan status followup`` to ``gh issue``). The same rule and the same
list, by lead actor, as the site's page «Oppfølging» (:mod:`scripts.core.followup`); plan text is literal and
notifies nobody (:mod:`scripts.editor.diff.text`)."""

from __future__ import annotations

from schema import Plan
from scripts.core import followup
from scripts.core.dates import nb_date
from scripts.editor.diff.text import md

#: The issue's title, by which the workflow finds the issue it opened before.
TITLE = "Tiltak som trenger oppfølging"


def markdown(plan: Plan, site: str | None = None) -> str:
    """The issue's body: the «status per» date and the rule, then per lead actor each late or unreported measure
    with why and the date of its last update; with `site` (the website's address, ending in «/»), each measure
    links to its page there."""
    rule = followup.Rule.of(plan)
    found = {m.id: rule.check(m) for _, _, m in plan.measures()}
    groups = followup.by_lead(plan, found)
    late = sum(1 for f in found.values() if f.late)
    unreported = sum(1 for f in found.values() if f.unreported)
    lines = [
        f"Status per {nb_date(rule.as_of)}: {late} tiltak er forsinket og {unreported} er ikke oppdatert på "
        f"{rule.months} måneder.",
        "",
        "*Forsinket*: en milepæl eller perioden har passert uten at milepælen er nådd eller tiltaket fullført. "
        f"*Ikke oppdatert*: den nyeste statusoppdateringen er eldre enn {nb_date(rule.limit)}. Listen lages på nytt "
        "hver måned av arbeidsflyten «Oppfølging»; den endres når planen får nye statusoppdateringer.",
    ]
    if not groups:
        lines += ["", "Ingen tiltak trenger oppfølging nå."]
    for actor, measures in groups:
        lines += ["", f"## {md(actor.name)}", ""]
        lines += [_line(f, site) for f in measures]
    return "\n".join(lines) + "\n"


def _line(found: followup.FollowUp, site: str | None) -> str:
    m = found.measure
    name = f"{m.id} {md(m.title)}"
    shown = f"[{name}]({site}tiltak/{m.id.replace('.', '-')}/)" if site else name
    flags = " og ".join(followup.LABELS[flag].lower() for flag in found.flags)
    last = nb_date(found.last_update) if found.last_update else "aldri"
    why = f" ({'; '.join(md(r) for r in found.late)})" if found.late else ""
    return f"- {shown}: {flags}{why}. Sist oppdatert: {last}."
