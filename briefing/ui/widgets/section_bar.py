"""The row above a brief's panes: its sections by number, find's status, and the date ages count to."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from briefing.present.sections import Section


class SectionBar(Static):
    """The sections by number, the current one marked, and find's status; at the right, the date ages count to."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._tabs = Content()
        self._reference = ""

    def show(
        self, current: str, visible: set[str], find_status: str, reference: str, changed: set[Section] | None = None
    ) -> None:
        """``changed``: the sections with items new or changed since the reader last looked (marked ◆)."""
        parts: list[str | tuple[str, str]] = []
        for section in Section:
            number, title = section.number, section.label
            if section == current:
                style = "bold reverse $accent"
            elif section in visible:
                style = "bold"
            else:
                style = "dim"
            mark = "◆" if changed and section in changed else ""
            parts += [(f" {number} {title}{mark} ", style), " "]
        parts.pop()
        if find_status:
            parts += ["    ", (find_status, "italic")]
        self._tabs = Content.assemble(*parts)
        self._reference = f" {reference} "
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        # One line: the reference goes at the right where there is room for it, else it gives way to the tabs.
        room = self.size.width - self._tabs.cell_length - len(self._reference)
        if room < 0:
            self.update(self._tabs)
            return
        self.update(Content.assemble(self._tabs, " " * room, (self._reference, "dim")))
