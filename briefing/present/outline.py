"""The items of a brief as a flat list of named places (the palette), and finding text in what the screen draws
(find)."""

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


def outline(brief: Brief) -> list[Entry]:
    """Every part of the summary and every item, named."""
    meta, summary = brief.meta, brief.summary
    entries = [Entry("summary", 0, meta.title), Entry("summary", 1, "Bottom line up front")]
    for number, point in enumerate(summary.key_points, start=1):
        entries.append(Entry("summary", 1 + number, f"Key point {number}: {point}"))
    if summary.body:
        entries.append(Entry("summary", 2 + len(summary.key_points), "Background (body)"))
    entries += [Entry("quotes", index, f"{quote.speaker}: {quote.text}") for index, quote in enumerate(brief.quotes)]
    entries += [Entry("confirmations", index, item.what) for index, item in enumerate(brief.confirmations)]
    entries += [Entry("itinerary", index, place(stop)) for index, stop in enumerate(brief.itinerary)]
    entries += [Entry("sources", index, source.outlet) for index, source in enumerate(brief.sources)]
    return entries


@dataclass(frozen=True)
class Drawn:
    """One piece of text as the screen draws it, for find: which item (or summary part) it belongs to and which
    piece of it (``part``: the summary's ``title``, ``meta``, ``bluf``, ``point``, ``body-N``; empty for a list
    item, drawn whole)."""

    section: str
    index: int
    text: str
    part: str = ""


@dataclass(frozen=True)
class Occurrence:
    """One place find's query occurs: a span of a drawn piece."""

    drawn: Drawn
    nth: int
    """Which match of its piece it is, from 0."""
    start: int
    end: int


def _place(piece: Drawn) -> tuple[str, int, str]:
    return piece.section, piece.index, piece.part


@dataclass
class Matches:
    """What find found: every occurrence of the query in the text on screen, in screen order, and which is
    current."""

    query: str = ""
    found: list[Occurrence] = field(default_factory=list)
    current: int = 0

    @classmethod
    def search(cls, query: str, pieces: list[Drawn], near: Occurrence | None = None) -> Matches:
        """Every occurrence of ``query`` (any case) in ``pieces``; the current one is ``near``'s place, or the
        first after it (or the first of all)."""
        found: list[Occurrence] = []
        if query:
            pattern = re.compile(re.escape(query), re.IGNORECASE)
            for piece in pieces:
                hits = enumerate(pattern.finditer(piece.text))
                found += [Occurrence(piece, nth, hit.start(), hit.end()) for nth, hit in hits]
        matches = cls(query, found)
        if near is not None and found:
            position = {_place(piece): number for number, piece in enumerate(pieces)}
            here = (position.get(_place(near.drawn), -1), near.nth)
            after = (i for i, o in enumerate(found) if (position[_place(o.drawn)], o.nth) >= here)
            matches.current = next(after, 0)
        return matches

    def step(self, by: int) -> Occurrence | None:
        if not self.found:
            return None
        self.current = (self.current + by) % len(self.found)
        return self.found[self.current]

    @property
    def occurrence(self) -> Occurrence | None:
        return self.found[self.current] if self.found else None

    @property
    def pattern(self) -> re.Pattern[str] | None:
        """The query as a case-insensitive pattern, for highlighting; None when there is nothing to mark."""
        return re.compile(re.escape(self.query), re.IGNORECASE) if self.found else None

    def status(self) -> str:
        if not self.query:
            return ""
        if not self.found:
            return f"no match for “{self.query}”"
        return f"“{self.query}” {self.current + 1}/{len(self.found)}"
