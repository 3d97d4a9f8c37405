"""The bar that `/` opens to find text in the brief (the matching itself: ``briefing.outline.Matches``)."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class FindBar(Input):
    """A one-line input at the foot of the brief; matches move the cursor as you type."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="find.cancel")]

    class Cancelled(Message):
        pass

    def __init__(self) -> None:
        super().__init__(placeholder="Find in this brief: enter keeps the match, esc cancels", id="find")

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())
