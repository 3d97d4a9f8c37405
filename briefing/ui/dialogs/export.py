"""The palette's export: asks where to write the open brief, then writes it whole or not at all."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from briefing.export import ExistsError, export_text, write_export
from briefing.format.model import Brief
from briefing.system.files import SaveError
from briefing.system.locations import expand_user
from briefing.ui.keys import EXPORT_BINDINGS, hint


class ExportForm(ModalScreen[None]):
    """One field, the file to write; an existing file is replaced only after a second enter."""

    BINDINGS = [*EXPORT_BINDINGS]

    def __init__(self, brief: Brief, format_name: str, label: str, suggested: str) -> None:
        super().__init__()
        self.brief = brief
        self.format_name = format_name
        self.label = label
        self.suggested = suggested
        self._replace_confirmed: str | None = None
        """The path the reader agreed to replace by pressing enter again."""

    def compose(self) -> ComposeResult:
        with Vertical(id="export") as box:
            box.border_title = Content(f" Export as {self.label} ")
            box.border_subtitle = hint(self, "export.cancel", lead="enter write")
            yield Label("Write to (relative to the directory briefing was started in)")
            yield Input(self.suggested, id="export-path")
            yield Static("", id="export-message")

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    @on(Input.Changed)
    def _forget_confirmation(self) -> None:
        self._replace_confirmed = None
        self.query_one("#export-message", Static).update("")

    @on(Input.Submitted)
    def submit(self) -> None:
        name = self.query_one("#export-path", Input).value.strip()
        message = self.query_one("#export-message", Static)
        if not name:
            message.update(Content.styled("Name the file to write.", "$text-error"))
            return
        try:
            path = expand_user(name)
            is_folder = path.is_dir()
        except (ValueError, OSError) as error:
            message.update(Content.styled(f"Cannot write {name}: {error}.", "$text-error"))
            return
        if is_folder:
            message.update(Content.styled(f"{name} is a directory: name a file in it.", "$text-error"))
            return
        replace = self._replace_confirmed == name
        try:
            write_export(path, export_text(self.brief, self.format_name), replace=replace)
        except ExistsError:
            self._replace_confirmed = name
            message.update(Content.styled(f"{name} exists. Press enter again to replace it.", "$text-warning"))
            return
        except SaveError as error:
            message.update(Content.styled(str(error), "$text-error"))
            return
        except (ValueError, OSError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
            message.update(Content.styled(f"Cannot write {name}: {reason}.", "$text-error"))
            return
        self.dismiss(None)
        self.notify(f"Wrote {name} ({self.label}).", markup=False)

    def action_cancel(self) -> None:
        self.dismiss(None)
