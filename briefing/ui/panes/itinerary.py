"""Pane 4: the planned stops in travel order, with their windows, what they wait on, and where each stands
relative to today (past, now, next, or passed while still unconfirmed)."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.content import Content

from briefing.format.model import Brief, Stop, StopStatus
from briefing.present.sourcing import cited
from briefing.present.timing import PASSED_UNCONFIRMED, Phase, brief_next_index, phase, stop_flagged, tag
from briefing.present.wording import place, stop_window
from briefing.ui.facts import divider
from briefing.ui.panes.base import DatedPane, ItemList
from briefing.ui.panes.confirmations import status_words

STOP_STATUS_STYLE = {
    StopStatus.PLANNED: "",
    StopStatus.SCHEDULED: "$success",
    StopStatus.RESCHEDULED: "$warning",
    StopStatus.POSTPONED: "$warning",
    StopStatus.CANCELLED: "$error strike",
    StopStatus.COMPLETED: "dim",
}
PHASE_STYLE = {Phase.PAST: "dim", Phase.CURRENT: "bold $text-success", Phase.UPCOMING: "", Phase.UNDATED: ""}
NEXT_STYLE = "bold $text-accent"
FLAG_STYLE = "bold $text-error"


def stop_prompt(number: int, stop: Stop, brief: Brief, today: dt.date | None = None, is_next: bool = False) -> Content:
    """A stop as the itinerary lists it; with ``today``, where it stands (past, now, next, flagged)."""
    when = phase(stop.start, stop.end, today) if today is not None else Phase.UNDATED
    flagged = today is not None and stop_flagged(brief, stop, today)
    past = when is Phase.PAST and not flagged
    parts: list[str | Content | tuple[str, str]] = [
        (f"{number}. ", "dim bold" if past else "$accent bold"), (place(stop), "bold dim" if past else "bold")
    ]  # fmt: skip
    if today is not None:
        words = tag(stop.start, stop.end, today, is_next, flagged)
        if words:
            style = FLAG_STYLE if flagged else NEXT_STYLE if is_next else PHASE_STYLE[when] or "dim"
            parts += [divider(), (words, style)]
    window = stop_window(stop)
    parts += ["\n", (window or "dates not reported", ("dim" if past else "bold") if window else "dim italic")]
    if stop.when:
        parts += [divider(), ("“", "dim"), stop.when, ("”", "dim")]
    parts.append("\n")
    if stop.certainty:
        parts += [(stop.certainty.words, "italic"), ("  ·  ", "dim")]
    parts.append((stop.status.value, STOP_STATUS_STYLE[stop.status]))
    if stop.purpose:
        parts += [("  ·  ", "dim"), stop.purpose]
    if stop.confirmation:
        waited = brief.confirmation(stop.confirmation)
        parts += ["\n", ("Waits on: ", "dim")]
        if waited:
            parts += [status_words(waited.status), divider(), waited.what]
        else:
            parts.append(stop.confirmation)
    if stop.sources:
        parts += ["\n", ("Reported by ", "dim"), cited(brief, stop.sources)]
    return Content.assemble(*parts)


class ItineraryPane(DatedPane):
    SECTION = "itinerary"

    def __init__(self, brief: Brief, today: dt.date | None = None) -> None:
        super().__init__(brief, today or brief.meta.as_of)  # stops are past, now or upcoming relative to it

    def item_prompts(self) -> list[Content]:
        today = self.today
        following = brief_next_index(self.brief.itinerary, today)
        flagged = sum(stop_flagged(self.brief, stop, today) for stop in self.brief.itinerary)
        self.border_subtitle = f" ‼ {flagged} {PASSED_UNCONFIRMED} " if flagged else ""
        return [
            stop_prompt(number, stop, self.brief, today, number - 1 == following)
            for number, stop in enumerate(self.brief.itinerary, 1)
        ]

    def compose(self) -> ComposeResult:
        yield ItemList(self.prompts(), "No itinerary.")
