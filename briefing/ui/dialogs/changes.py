"""Every change since the reader last looked (or since a revision), a line each; enter goes to the item."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing.format.diff import Change, Changes, Kind
from briefing.present.changes import describe
from briefing.present.sections import Section
from briefing.ui.backdrop import Dialog
from briefing.ui.keys import CHANGES_BINDINGS, hint
from briefing.ui.scroll_ahead import scrollbar_ahead
from briefing.ui.widgets.choices import Choices
from briefing.ui.widgets.key_footer import KeyFooter

KIND_STYLE = {Kind.ADDED: "bold $text-success", Kind.CHANGED: "bold $text-accent", Kind.REMOVED: "bold $text-error"}
KIND_MARK = {Kind.ADDED: "●", Kind.CHANGED: "◆", Kind.REMOVED: "✘"}


def place_of(change: Change) -> tuple[str, int | None] | None:
    """Where the item is now, to go to it: (section, index); None when it is gone."""
    if change.kind is Kind.REMOVED:
        return None
    if change.section in ("brief", "summary"):
        part = {"title": 0, "bluf": 1}.get(change.key)
        if change.key == "key_points" and change.new_index is not None:
            part = 2 + change.new_index
        return Section.SUMMARY, part
    return change.section, change.new_index


class ChangesList(Dialog[tuple[str, int | None] | None]):
    """The changes, in the order the brief reads; enter: dismissed with where the item is now."""

    BINDINGS = [*CHANGES_BINDINGS]

    def __init__(self, changes: Changes) -> None:
        super().__init__()
        self.changes = changes

    def compose(self) -> ComposeResult:
        with Vertical(id="changes") as box:
            box.border_title = Content(f" What changed {self.changes.since} ")
            box.border_subtitle = hint(self, "changes.back", lead="enter go to it")
            options = [
                Option(Content.assemble((f"{KIND_MARK[change.kind]} ", KIND_STYLE[change.kind]), describe(change)))
                for change in self.changes.items
            ]
            yield Choices(*options, id="changes-list")
        yield KeyFooter()  # the keys of this view, over the screen's own

    def on_mount(self) -> None:
        scrollbar_ahead(self.query_one("#changes"), self.query_one("#changes-list"))

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        where = place_of(self.changes.items[event.option_index])
        if where is None:
            self.notify("It is not in the brief any more.", markup=False)
            return
        self.dismiss(where)

    def action_back(self) -> None:
        self.dismiss(None)
