"""The small form that asks how a confirmation was resolved, and when."""

from __future__ import annotations

import datetime as dt

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Label, Static

from briefing.format.model import Confirmation, ConfirmationStatus
from briefing.ui.backdrop import Dialog
from briefing.ui.keys import RESOLVE_BINDINGS, hint
from briefing.ui.panes.confirmations import status_words
from briefing.ui.widgets.key_footer import KeyFooter

Resolution = tuple[dt.date, str]


class ResolveForm(Dialog[Resolution | None]):
    """Asks for the resolution (required) and the date (default: today as the app sees it)."""

    BINDINGS = [*RESOLVE_BINDINGS]

    def __init__(self, confirmation: Confirmation, status: ConfirmationStatus, today: dt.date) -> None:
        super().__init__()
        self.confirmation = confirmation
        self.status = status
        self.today = today

    def compose(self) -> ComposeResult:
        item = self.confirmation
        with Vertical(id="resolve") as box:
            box.border_title = Content.assemble(" Mark ", status_words(self.status), " ")
            box.border_subtitle = hint(self, "resolve.cancel", lead="enter save · tab next field")
            yield Static(Content.styled(item.what, "bold"), id="resolve-what")
            yield Label("Resolution: what confirmed or denied it (required)")
            yield Input(item.resolution or "", placeholder="e.g. Announced by the Kremlin on state TV", id="resolution")
            yield Label("Date (YYYY-MM-DD)")
            yield Input((item.resolved_on or self.today).isoformat(), id="resolved-on")
            yield Static("", id="resolve-error")
        yield KeyFooter()  # the keys of this view, over the screen's own

    def on_mount(self) -> None:
        self.query_one("#resolution", Input).focus()

    @on(Input.Submitted)
    def submit(self) -> None:
        resolution = self.query_one("#resolution", Input).value.strip()
        date_text = self.query_one("#resolved-on", Input).value.strip()
        error = self.query_one("#resolve-error", Static)
        if not resolution:
            error.update(Content.styled("The resolution is required.", "$text-error"))
            self.query_one("#resolution", Input).focus()
            return
        try:
            resolved_on = dt.date.fromisoformat(date_text)
        except ValueError:
            error.update(Content.styled(f"“{date_text}” is not a date like 2024-06-12.", "$text-error"))
            self.query_one("#resolved-on", Input).focus()
            return
        since = self.confirmation.since
        if since is not None and resolved_on < since:
            said = f"{resolved_on} is before {since}, when it was first reported: it cannot be resolved before then."
            error.update(Content.styled(said, "$text-error"))
            self.query_one("#resolved-on", Input).focus()
            return
        self.dismiss((resolved_on, resolution))

    def action_cancel(self) -> None:
        self.dismiss(None)
