"""The row above a brief's panes: its sections by number with how many items each holds, and find's status."""

from __future__ import annotations

from collections.abc import Mapping

from textual.content import Content
from textual.widgets import Static

from briefing.present.sections import Section
from briefing.ui.next_frame import asked_now, update_in_place


class SectionBar(Static):
    """The sections by number, the current one marked, each with its count where there is room (the pending
    confirmations' always first), and find's status."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[str, set[str], str, Mapping[Section, int], set[Section]] = ("summary", set(), "", {}, set())

    def show(
        self,
        current: str,
        visible: set[str],
        find_status: str,
        counts: Mapping[Section, int] | None = None,
        changed: set[Section] | None = None,
    ) -> None:
        """``counts``: how many items a section holds (of the confirmations: how many are pending); ``changed``:
        the sections with items new or changed since the reader last looked (marked ◆)."""
        self._shown = (current, visible, find_status, counts or {}, changed or set())
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _tabs(self, counted: set[Section]) -> Content:
        current, visible, find_status, counts, changed = self._shown
        parts: list[str | tuple[str, str]] = []
        for section in Section:
            if section == current:
                style = "bold reverse $accent"
            elif section in visible:
                style = "bold"
            else:
                style = "dim"
            mark = "◆" if section in changed else ""
            count = f" ({counts[section]})" if section in counted and section in counts else ""
            parts += [(f" {section.number} {section.label}{count}{mark} ", style), " "]
        parts.pop()
        if find_status:
            parts += ["    ", (find_status, "italic")]
        return Content.assemble(*parts)

    def _draw(self) -> None:
        # Every count where there is room; else the pending count alone; else none.
        for counted in (set(Section), {Section.CONFIRMATIONS}, set()):
            tabs = self._tabs(counted)
            # Before its first layout (drawn for the first frame): the screen's width, which it spans.
            if tabs.cell_length <= (self.size.width or self.app.size.width):
                break
        update_in_place(self, tabs)
        asked_now(self)  # in the frame of whatever else changed with it
