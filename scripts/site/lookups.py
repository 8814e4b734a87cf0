"""The website's lookups: :class:`Site`, the plan's lookups of :mod:`scripts.present.lookups` with what only
pages need: the options (edit links, file dates), links between pages and an actor's summary."""

from __future__ import annotations

import datetime as dt

from schema import Actor, FocusArea, Measure, Plan
from scripts.core import dates
from scripts.core.queries import ReaderContact, reader_contact
from scripts.present import charts
from scripts.present.lookups import Lookups, MeasureHistory, SiteOptions
from scripts.site import glossary, municipality, participation, timeline
from scripts.site.registry import page_path
from scripts.site.urls import html_href

__all__ = ["Site"]


class Site(Lookups):
    """Lookups over the plan that several pages need, computed once, and the options the pages were made with."""

    def __init__(self, plan: Plan, options: SiteOptions) -> None:
        super().__init__(plan, lang=options.lang)
        self.options = options
        #: The anchors of the page «Ordforklaringer», which pages link words to.
        self.glossary_anchors = glossary.anchors(plan)

    def source(self, measure: Measure) -> str | None:
        fa, _, _ = self.measures[measure.id]
        return self.options.sources.get(fa.id)

    def edit_url(self, measure: Measure) -> str | None:
        source = self.source(measure)
        if self.options.edit_base is None or source is None:
            return None
        return self.options.edit_base + source

    def last_changed(self, measure: Measure) -> dt.date | None:
        """The date of the last commit that changed the measure's own fields (None when git does not say)."""
        history = self.options.histories.get(measure.id)
        return history.changed if history is not None else None

    def text_history(self, measure: Measure) -> MeasureHistory | None:
        """The changes to the measure's own fields, newest first (None without git history)."""
        return self.options.histories.get(measure.id)

    @property
    def contact(self) -> ReaderContact:
        """Whom readers can contact: the plan's contact, or else its owner."""
        return reader_contact(self.plan)

    @property
    def today(self) -> dt.date:
        """The build's day (the options'), or the clock's."""
        return self.options.today or dates.today()

    def feedback(self, measure: Measure) -> participation.Feedback | None:
        """Where «Gi innspill» on the measure goes: the plan's form, or an e-mail with the measure in the subject."""
        return participation.feedback(self.contact, measure, self.lang)

    def consultations(self) -> list[participation.Consultation]:
        """The revisions on consultation, as on the build's day."""
        return participation.consultations(self.plan, self.today, self.lang)

    def summary(self, actor: Actor) -> municipality.ActorSummary:
        """What the actor does in the plan, for the top of its page (see :mod:`scripts.site.municipality`)."""
        return municipality.summarise(self, actor)

    def timeline_axis(self) -> timeline.Axis:
        """The plan's years for the timeline, with today's place on them (the build's day, from the options)."""
        first, last = self.years()
        return timeline.axis(first, last, self.options.today)

    def timeline_bar(self, frame: timeline.Axis, measure: Measure) -> timeline.Bar:
        """The measure's bar on the timeline, in its status's colour."""
        return timeline.bar(frame, measure, self.statuses[measure.status].colour)
