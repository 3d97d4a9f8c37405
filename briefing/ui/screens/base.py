"""What every screen that shows the open brief (or its problems) has in common; light to import, since the
App asks on every key whether such a screen is open."""

from __future__ import annotations

from textual.screen import Screen

from briefing.ui.messages import CloseBrief, EditFile, StepBrief


class BriefView(Screen[None]):
    """A screen of the open brief: esc goes back to the library, [ and ] step through it, e edits the file."""

    historic: str | None = None
    """The name of the past version shown, when it is one (read-only, from the history); None: the file as it is."""

    def edit_line(self) -> int | None:
        """The line of the file that holds what the cursor is on; None: the top."""
        return None

    def action_edit(self) -> None:
        self.post_message(EditFile(self.edit_line()))

    def action_step(self, by: int) -> None:
        self.post_message(StepBrief(by))

    def close(self) -> None:
        self.post_message(CloseBrief())


class ShowsSeen(Screen[None]):
    """A screen that marks which briefs the reader has seen (the library's): told when one more is. The app asks
    for it on each brief shown, and a class here costs nothing to ask for."""

    def mark_seen(self, path: str) -> None:
        raise NotImplementedError
