"""What every screen that shows the open brief (or its problems) has in common; light to import, since the
App asks on every key whether such a screen is open."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets._toast import ToastRack

from briefing.ui.messages import CloseBrief, EditFile, StepBrief


class MountedWhole(Screen[Any]):
    """A screen told it is mounted only when what it composed is in it, so its mount handlers can look for it.

    A screen the app closes before it has composed (the app quitting just after the screen was pushed, or
    composed ahead unseen) is still told by Textual that it is mounted, with nothing mounted in it: Textual's
    ``Widget.mount`` gives nothing to a closing widget, and ``on_mount`` looking for a part raised NoMatches."""

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Mount) and self._closing:
            return
        await super().on_event(event)

    def _extend_compose(self, widgets: list[Widget]) -> None:
        super()._extend_compose(widgets)
        for widget in widgets:
            if isinstance(widget, ToastRack):
                # Its CSS scrolls it, and Textual gives it its scrollbar as it is mounted: a layout of the whole
                # screen, a frame after the screen's first, for a rack hidden until there is a toast. Given before.
                widget.set_reactive(Widget.show_vertical_scrollbar, True)  # (nothing to draw yet)


class BriefView(MountedWhole):
    """A screen of the open brief: esc goes back to the library, [ and ] step through it, e edits the file."""

    historic: str | None = None
    """The name of the past version shown, when it is one (read-only, from the history); None: the file as it is."""

    def edit_line(self) -> int | None:
        """The line of the file that holds what the cursor is on; None: the top."""
        return None

    def edit_column(self) -> int | None:
        """The column on that line, where one is known (a syntax error's); None: its start."""
        return None

    def action_edit(self) -> None:
        self.post_message(EditFile(self.edit_line(), self.edit_column()))

    def action_step(self, by: int) -> None:
        self.post_message(StepBrief(by))

    def close(self) -> None:
        self.post_message(CloseBrief())


class ShowsSeen(MountedWhole):
    """A screen that marks which briefs the reader has seen (the library's): told when one more is. The app asks
    for it on each brief shown, and a class here costs nothing to ask for."""

    def mark_seen(self, path: str) -> None:
        raise NotImplementedError
