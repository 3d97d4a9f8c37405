"""A question with a yes and a no, asked before something that loses what a person typed."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from briefing.ui.backdrop import Dialog
from briefing.ui.keys import ASK_BINDINGS
from briefing.ui.widgets.key_footer import KeyFooter


class Ask(Dialog[bool]):
    """``question`` over the screen; y (or enter) answers yes, n (or esc) no."""

    BINDINGS = [*ASK_BINDINGS]

    def __init__(self, title: str, question: Content) -> None:
        super().__init__()
        self.title_shown = title
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="ask") as box:
            box.border_title = Content(f" {self.title_shown} ")
            yield Static(self.question, id="ask-question")
        yield KeyFooter()

    def action_yes(self) -> None:
        self.dismiss(True)

    def action_no(self) -> None:
        self.dismiss(False)
