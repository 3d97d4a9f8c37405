"""The help screen: every key, in one table."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from briefing.ui.keys import HELP_BINDINGS, HELP_ROWS


class HelpScreen(ModalScreen[None]):
    BINDINGS = [*HELP_BINDINGS]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help") as box:
            box.border_title = Content(" Keys ")
            box.border_subtitle = Content(" esc back ")
            with Grid(id="help-grid"):
                for keys, meaning in HELP_ROWS:
                    yield Static(Content.styled(keys, "bold $accent"), classes="label")
                    yield Static(Content(meaning), classes="value")

    def on_mount(self) -> None:
        self.query_one("#help").focus()

    def action_back(self) -> None:
        self.dismiss()
