"""Finding text in the brief: the bar that `/` opens, and the matches `n` and `N` step through."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input

if TYPE_CHECKING:
    from briefing.outline import Entry


@dataclass
class Matches:
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


class FindBar(Input):
    """A one-line input at the foot of the brief; matches move the cursor as you type."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="find.cancel")]

    class Cancelled(Message):
        pass

    def __init__(self) -> None:
        super().__init__(placeholder="Find in this brief: enter keeps the match, esc cancels", id="find")

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())
