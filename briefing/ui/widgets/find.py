"""The bar that `/` opens to find text in the brief (the matching itself: ``briefing.present.outline.Matches``)."""

from __future__ import annotations

from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widgets import Input

from briefing.ui.keys import FIND_BINDINGS


class FindBar(Input):
    """A one-line input at the foot of the brief; matches move the cursor as you type."""

    BINDINGS = [*FIND_BINDINGS]

    virtual_size = Reactive(Size(0, 0), layout=False)
    """Input sets its virtual size to its text's width at each key, and Textual lays the whole screen out again
    for it (15 ms at 120x40, in a frame of its own after the key's marks). The bar is one row across the screen
    whatever it holds: its text scrolls inside it, by the virtual size, with no layout."""

    class Cancelled(Message):
        pass

    def __init__(self) -> None:
        super().__init__(placeholder="Find in this brief: enter keeps the match, esc cancels", id="find")

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())
