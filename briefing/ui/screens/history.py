"""A brief's history in git: every commit that changed it, newest first, with what it changed; enter shows the
brief as that commit left it, read-only, marked with what has changed since."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing.export.history import revision_heading, revision_lines
from briefing.library.history import History, Revision
from briefing.present.wording import day
from briefing.system.sanitize import escaped
from briefing.ui.keys import HISTORY_BINDINGS, hint
from briefing.ui.screens.base import MountedWhole
from briefing.ui.widgets.choices import Choices
from briefing.ui.widgets.key_footer import KeyFooter


def revision_prompt(revision: Revision, current_path: str) -> Content:
    lines = revision_lines(revision, current_path)
    style = "bold $text-warning" if not revision.commit else "bold"
    parts: list[str | tuple[str, str]] = [(revision_heading(revision), style)]
    for line in lines:
        parts += ["\n", (f"  {line}", "dim" if line.startswith("(") else "not bold")]
    return Content.assemble(*parts)


def revision_label(revision: Revision) -> str:
    """How a past version is named on screen: ``a1b2c3d, 17 Jun 2024``."""
    return f"{revision.short}, {day(revision.date)}" if revision.date else revision.short


class HistoryScreen(MountedWhole):
    """The revisions; enter shows the one chosen (when it can be read as a brief) over this list, by
    ``open_revision``; esc goes back."""

    BINDINGS = [*HISTORY_BINDINGS]
    historic = "the history"
    """Over the past: the app's keys that act on the file as it is now (edit, reload) are not offered here."""

    def __init__(self, found: History, open_revision: Callable[[Revision], None]) -> None:
        super().__init__()
        self.found = found
        self.open_revision = open_revision

    def compose(self) -> ComposeResult:
        count = sum(1 for revision in self.found.revisions if revision.commit)
        with Vertical(id="history") as box:
            box.border_title = Content(
                f" History of {escaped(self.found.path)} · {count} commit{'s' if count != 1 else ''} "
            )
            box.border_subtitle = hint(self, "history.back", lead="enter the brief as it was")
            options: list[Option | None] = []
            for revision in self.found.revisions:
                if options:
                    options.append(None)
                options.append(Option(revision_prompt(revision, self.found.path)))
            if not options:
                options.append(Option(Content.styled("No commits yet.", "dim italic"), disabled=True))
            yield Choices(*options, id="history-list")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(Choices).focus()

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        revision = self.found.revisions[event.option_index]
        if revision.brief is None:
            self.notify("That version cannot be read as a brief.", severity="warning", markup=False)
            return
        self.open_revision(revision)

    def action_back(self) -> None:
        self.dismiss()
