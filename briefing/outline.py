"""The items of a brief as a flat list of named places: what find and the palette search."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.model import Brief
from briefing.words import place


@dataclass(frozen=True)
class Entry:
    section: str
    index: int
    """Position within the section; in the summary, a part: title, bluf, key point or body."""
    label: str
    """A short name for the item, for the palette."""
    text: str
    """Everything the item shows, for find."""


def _join(*parts: str | None) -> str:
    return "\n".join(part for part in parts if part)


def outline(brief: Brief) -> list[Entry]:
    meta, summary = brief.meta, brief.summary
    entries = [
        Entry("summary", 0, meta.title, _join(meta.title, meta.category, meta.dateline, " ".join(meta.tags))),
        Entry("summary", 1, "Bottom line up front", summary.bluf),
    ]
    for number, point in enumerate(summary.key_points, start=1):
        entries.append(Entry("summary", 1 + number, f"Key point {number}: {point}", point))
    if summary.body:
        entries.append(Entry("summary", 2 + len(summary.key_points), "Background (body)", summary.body))
    for index, quote in enumerate(brief.quotes):
        entries.append(
            Entry("quotes", index, f"{quote.speaker}: {quote.text}", _join(quote.speaker, quote.role, quote.text))
        )
    for index, item in enumerate(brief.confirmations):
        text = _join(item.id, item.what, ", ".join(item.awaited_from), item.status.value, item.note, item.resolution)
        entries.append(Entry("confirmations", index, item.what, text))
    for index, stop in enumerate(brief.itinerary):
        text = _join(place(stop), stop.when, stop.purpose, stop.status.value)
        entries.append(Entry("itinerary", index, place(stop), text))
    for index, source in enumerate(brief.sources):
        text = _join(source.id, source.outlet, source.title, source.url)
        entries.append(Entry("sources", index, source.outlet, text))
    return entries
