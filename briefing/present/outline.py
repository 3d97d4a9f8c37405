"""The items of a brief as a flat list of named places, and finding text among them (find, the palette)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.format.model import Brief
from briefing.present.wording import place


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


@dataclass
class Matches:
    """What find found: the entries whose text holds the query, and which one is current."""

    query: str = ""
    entries: list[Entry] = field(default_factory=list)
    current: int = 0

    @classmethod
    def search(cls, query: str, entries: list[Entry]) -> Matches:
        needle = query.casefold()
        found = [entry for entry in entries if needle and needle in entry.text.casefold()]
        return cls(query, found)

    def step(self, by: int) -> Entry | None:
        if not self.entries:
            return None
        self.current = (self.current + by) % len(self.entries)
        return self.entries[self.current]

    @property
    def entry(self) -> Entry | None:
        return self.entries[self.current] if self.entries else None

    @property
    def pattern(self) -> re.Pattern[str] | None:
        """The query as a case-insensitive pattern, for highlighting; None when there is nothing to mark."""
        return re.compile(re.escape(self.query), re.IGNORECASE) if self.entries else None

    def status(self) -> str:
        if not self.query:
            return ""
        if not self.entries:
            return f"no match for “{self.query}”"
        return f"“{self.query}” {self.current + 1}/{len(self.entries)}"
