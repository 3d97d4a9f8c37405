"""Forms that write a file: the palette's export of the open brief, and a copy of a read-only brief.

Each asks where to write, then writes the file whole or not at all; an existing file is replaced only after a
second enter.
"""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static

from briefing.export import ExistsError, export_text, write_export
from briefing.format.model import Brief
from briefing.system.files import SaveError
from briefing.system.locations import expand_user
from briefing.ui.backdrop import Dialog
from briefing.ui.keys import EXPORT_BINDINGS, hint
from briefing.ui.widgets.key_footer import KeyFooter


class WriteForm(Dialog[Path | None]):
    """One field, the file to write; dismissed with the path written (None when cancelled)."""

    BINDINGS = [*EXPORT_BINDINGS]
    PROMPT = "Write to (relative to the directory briefing was started in)"

    def __init__(self, suggested: str, heading: str) -> None:
        super().__init__()
        self.suggested = suggested
        self.heading = heading
        self._replace_confirmed: str | None = None
        """The path the reader agreed to replace by pressing enter again."""

    def data(self) -> bytes:
        raise NotImplementedError

    def written(self, name: str) -> str:
        """What the message after writing says."""
        return f"Wrote {name}."

    def compose(self) -> ComposeResult:
        with Vertical(id="export") as box:
            box.border_title = Content(f" {self.heading} ")
            box.border_subtitle = hint(self, "export.cancel", lead="enter write")
            yield Static(self.PROMPT, id="export-prompt")  # a Label would not wrap: at 80 columns it was cut
            yield Input(self.suggested, id="export-path")
            yield Static("", id="export-message")
        yield KeyFooter()  # the keys of this view, over the screen's own

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
            write_export(path, self.data(), replace=replace)
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
        self.dismiss(path)
        self.notify(self.written(name), markup=False)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ExportForm(WriteForm):
    """The open brief in one of the export formats."""

    def __init__(self, brief: Brief, format_name: str, label: str, suggested: str, file_name: str) -> None:
        super().__init__(suggested, f"Export as {label}")
        self.brief = brief
        self.format_name = format_name
        self.label = label
        self.file_name = file_name

    def data(self) -> bytes:
        return export_text(self.brief, self.format_name, self.file_name).encode("utf-8")

    def written(self, name: str) -> str:
        return f"Wrote {name} ({self.label})."


class SaveCopyForm(WriteForm):
    """A read-only brief's file, byte for byte, somewhere it can be edited; the app then opens the copy."""

    PROMPT = "Copy to (relative to the directory briefing was started in); the copy opens, ready to edit"

    def __init__(self, content: bytes, suggested: str) -> None:
        super().__init__(suggested, "Save a copy to edit")
        self.content = content

    def data(self) -> bytes:
        return self.content

    def written(self, name: str) -> str:
        return f"Saved a copy as {name}: this is the file you edit now."
