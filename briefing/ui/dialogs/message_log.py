"""The session's messages in the order they came, each in full, the newest under the cursor: what a toast said
after it has gone."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing.ui.backdrop import Dialog
from briefing.ui.keys import MESSAGES_BINDINGS, MOVE_BINDINGS, hint
from briefing.ui.scroll_ahead import scrollbar_ahead
from briefing.ui.widgets.key_footer import KeyFooter

SEVERITY_MARK = {"error": ("✘ error", "bold $text-error"), "warning": ("⚠ warning", "bold $text-warning")}


@dataclass(frozen=True)
class Said:
    """One message the app showed: how severe, its title, and its text (shown as written, never as markup)."""

    severity: str
    title: str
    text: str

    def shown(self) -> Content:
        mark, style = SEVERITY_MARK.get(self.severity, ("· note", "dim"))
        head = Content.assemble((mark, style), ("  " + self.title if self.title else "", "bold"))
        return Content.assemble(head, "\n", self.text)


class Lines(OptionList):
    """A list read, not chosen from: moved with the list keys, nothing to open."""

    BINDINGS = [*MOVE_BINDINGS]


class MessageLog(Dialog[None]):
    """Every message of this session, oldest first, opened at the newest."""

    BINDINGS = [*MESSAGES_BINDINGS]

    def __init__(self, said: list[Said]) -> None:
        super().__init__()
        self.said = list(said)

    def compose(self) -> ComposeResult:
        with Vertical(id="messages") as box:
            count = len(self.said)
            box.border_title = Content(f" Messages · {count} this session ")
            box.border_subtitle = hint(self, "messages.back")
            options: list[Option | None] = []
            for said in self.said:
                if options:
                    options.append(None)
                options.append(Option(said.shown()))
            if not options:
                options.append(Option(Content.styled("Nothing has been said yet.", "dim italic"), disabled=True))
            yield Lines(*options, id="messages-list")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.app.clear_notifications()  # each is here in full; a toast left up would cover the list's corner
        listed = self.query_one(Lines)
        scrollbar_ahead(self.query_one("#messages"), listed)
        listed.focus()
        if self.said:
            listed.highlighted = len(self.said) - 1

    def action_back(self) -> None:
        self.dismiss(None)
