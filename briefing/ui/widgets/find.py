"""The bar that `/` opens to find text in the brief (the matching itself: ``briefing.present.outline.Matches``)."""

from __future__ import annotations

from textual.message import Message

from briefing.ui.keys import FIND_BINDINGS
from briefing.ui.widgets.one_row_input import OneRowInput


class FindBar(OneRowInput):
    """A one-line input at the foot of the brief; matches move the cursor as you type."""

    BINDINGS = [*FIND_BINDINGS]

    class Cancelled(Message):
        pass

    def __init__(self) -> None:
        super().__init__(placeholder="Find in this brief: enter keeps the match, esc cancels", id="find")

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())
