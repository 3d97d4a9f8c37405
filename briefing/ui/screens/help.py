"""The help screen: the keys of the screen it was opened over, as they are bound now (remapped keys too)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from briefing.ui.keys import HELP_BINDINGS, SCROLL_BINDINGS, HelpRow, hint


class HelpScroll(VerticalScroll):
    BINDINGS = [*SCROLL_BINDINGS]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [*HELP_BINDINGS]

    def __init__(self, title: str, rows: list[HelpRow]) -> None:
        super().__init__()
        self.title_shown = title
        self.rows = rows

    def compose(self) -> ComposeResult:
        with HelpScroll(id="help") as box:
            box.border_title = Content(f" Keys · {self.title_shown} ")
            with Grid(id="help-grid"):
                for keys, meaning in self.rows:
                    yield Static(Content.styled(keys, "bold $accent"), classes="label")
                    yield Static(Content(meaning), classes="value")
        yield Footer(compact=True)  # the keys of this view, over the screen's own

    def on_mount(self) -> None:
        box = self.query_one("#help")
        box.border_subtitle = hint(self, "detail.back")
        box.focus()

    def action_back(self) -> None:
        self.dismiss()
