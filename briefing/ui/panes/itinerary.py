"""Pane 4: the planned stops in travel order, with their windows and what they wait on."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content

from briefing.format.model import Brief, Stop, StopStatus
from briefing.present.wording import place, stop_window
from briefing.ui.panes.base import ItemList, Pane
from briefing.ui.panes.confirmations import status_words

STOP_STATUS_STYLE = {
    StopStatus.PLANNED: "",
    StopStatus.SCHEDULED: "$success",
    StopStatus.RESCHEDULED: "$warning",
    StopStatus.POSTPONED: "$warning",
    StopStatus.CANCELLED: "$error strike",
    StopStatus.COMPLETED: "dim",
}


def stop_prompt(number: int, stop: Stop, brief: Brief) -> Content:
    parts: list[str | Content | tuple[str, str]] = [(f"{number}. ", "$accent bold"), (place(stop), "bold")]
    window = stop_window(stop)
    parts += ["\n", (window or "dates not reported", "bold" if window else "dim italic")]
    if stop.when:
        parts += [("  “", "dim"), stop.when, ("”", "dim")]
    parts.append("\n")
    if stop.certainty:
        parts += [(stop.certainty.words, "italic"), ("  ·  ", "dim")]
    parts.append((stop.status.value, STOP_STATUS_STYLE[stop.status]))
    if stop.confirmation:
        waited = brief.confirmation(stop.confirmation)
        parts += ["\n", ("Waits on ", "dim")]
        if waited:
            parts += [waited.what, "  ", status_words(waited.status)]
        else:
            parts.append(stop.confirmation)
    return Content.assemble(*parts)


class ItineraryPane(Pane):
    SECTION = "itinerary"

    def prompts(self) -> list[Content]:
        return [stop_prompt(number, stop, self.brief) for number, stop in enumerate(self.brief.itinerary, 1)]

    def compose(self) -> ComposeResult:
        yield ItemList(self.prompts(), "No itinerary.")
