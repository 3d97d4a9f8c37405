"""The sections of a brief, as every medium names them: the one vocabulary of ids, names and numbers.

A ``Section`` is its id (``"confirmations"``), so it compares equal to the id and serves as a key,
a widget id and a command-line word; the names it is shown by all come from here.
"""

from __future__ import annotations

from enum import StrEnum


class Section(StrEnum):
    SUMMARY = "summary"
    QUOTES = "quotes"
    CONFIRMATIONS = "confirmations"
    ITINERARY = "itinerary"
    SOURCES = "sources"

    @property
    def label(self) -> str:
        """The short name: the section bar, pane borders, the palette ("Pending")."""
        return _LABELS[self]

    @property
    def heading(self) -> str:
        """The full name: headings of ``show`` ("Pending confirmations")."""
        return _HEADINGS[self]

    @property
    def item(self) -> str:
        """What one item of the section is called ("Confirmation")."""
        return _ITEMS[self]

    @property
    def number(self) -> int:
        """Its key in the app, 1 to 5."""
        return list(Section).index(self) + 1

    @property
    def is_array(self) -> bool:
        """True for the sections that are arrays of items in the file (all but the summary)."""
        return self is not Section.SUMMARY

    @classmethod
    def named(cls, word: str) -> Section:
        """The section an id or an alias ("pending") names; ValueError for any other word."""
        return cls(ALIASES.get(word, word))


_LABELS = {
    Section.SUMMARY: "Summary",
    Section.QUOTES: "Quotes",
    Section.CONFIRMATIONS: "Pending",
    Section.ITINERARY: "Itinerary",
    Section.SOURCES: "Sources",
}
_HEADINGS = {**_LABELS, Section.CONFIRMATIONS: "Pending confirmations"}
_ITEMS = {
    Section.SUMMARY: "Summary",
    Section.QUOTES: "Quote",
    Section.CONFIRMATIONS: "Confirmation",
    Section.ITINERARY: "Stop",
    Section.SOURCES: "Source",
}
ALIASES = {"pending": Section.CONFIRMATIONS.value}
"""Other words for a section, on the command line."""
