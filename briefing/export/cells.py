"""What the Markdown and HTML exports write alike (the tables, a source's details), escaped for each."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from briefing.format.model import Brief, Confirmation, ConfirmationStatus, Source, Stop
from briefing.present.wording import day, days, place, stop_window

Escape = Callable[[str], str]
"""Plain text -> the same text, safe in the output format."""

CONFIRMATION_HEADER = ("What", "Awaited from", "Status", "Since", "Age", "Reported by", "Note")
STOP_HEADER = ("#", "Place", "As reported", "Window", "Certainty", "Status", "Waits on", "Purpose", "Sources")


def outlets(brief: Brief, ids: Iterable[str], text: Escape) -> str:
    """The outlets of the sources ``ids`` names (an id that names none shows as itself)."""
    return ", ".join(text(outlet) for outlet in brief.outlets(ids))


def source_details(source: Source, text: Escape) -> str:
    """What follows a source's outlet in a list of sources: `` (wire): Title, 1 Mar 2024; reliability B (…)``."""
    details = f" ({source.kind.words})" if source.kind else ""
    if source.title:
        details += f": {text(source.title)}"
    if source.published:
        details += f", {day(source.published)}"
    if source.reliability:
        details += f"; reliability {source.reliability.value} ({source.reliability.words})"
    return details


def confirmation_status(item: Confirmation) -> str:
    """``pending``, or ``confirmed on 2 Mar 2024``: words of the format, safe in any output."""
    if item.status is not ConfirmationStatus.PENDING and item.resolved_on:
        return f"{item.status.value} on {day(item.resolved_on)}"
    return item.status.value


def confirmation_cells(brief: Brief, item: Confirmation, text: Escape, line_break: str) -> list[str]:
    """A confirmation's row, in CONFIRMATION_HEADER's order; ages counted to the brief's as_of."""
    age = item.age_days(brief.meta.as_of)
    return [
        text(item.what),
        ", ".join(text(who) for who in item.awaited_from),
        confirmation_status(item),
        day(item.since) if item.since else "",
        days(age) if age is not None and item.status is ConfirmationStatus.PENDING else "",
        outlets(brief, item.reported_by, text),
        line_break.join(text(note) for note in (item.note, item.resolution) if note),
    ]


def stop_cells(brief: Brief, number: int, stop: Stop, text: Escape) -> list[str]:
    """A stop's row, in STOP_HEADER's order."""
    waits_on = ""
    if stop.confirmation:
        waited = brief.confirmation(stop.confirmation)
        waits_on = f"{text(waited.what)} ({waited.status.value})" if waited else text(stop.confirmation)
    return [
        str(number),
        text(place(stop)),
        text(stop.when) if stop.when else "",
        text(stop_window(stop) or "not reported"),
        stop.certainty.words if stop.certainty else "",
        stop.status.value,
        waits_on,
        text(stop.purpose) if stop.purpose else "",
        outlets(brief, stop.sources, text),
    ]
