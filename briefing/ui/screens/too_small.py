"""What the app shows instead of its screens when the terminal is too small to draw them legibly."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.geometry import Size
from textual.widgets import Static

from briefing.ui.backdrop import Dialog
from briefing.ui.keys import TOO_SMALL_BINDINGS

MIN_SIZE = Size(40, 10)
"""The smallest terminal the app draws its screens in."""


def too_small(size: Size) -> bool:
    return size.width < MIN_SIZE.width or size.height < MIN_SIZE.height


class TooSmallScreen(Dialog[None]):
    """Covers everything until the terminal is big enough again; the screens below keep their state."""

    BINDINGS = [*TOO_SMALL_BINDINGS]
    DEFAULT_CSS = """
    TooSmallScreen { align: center middle; background: $background; }
    TooSmallScreen Static { width: 100%; height: auto; text-align: center; color: $foreground; }
    """

    def compose(self) -> ComposeResult:
        yield Static(self._notice(self.app.size), id="too-small")

    def show_size(self, size: Size) -> None:
        self.query_one("#too-small", Static).update(self._notice(size))

    @staticmethod
    def _notice(size: Size) -> Content:
        return Content.assemble(
            ("Terminal too small", "bold $warning"),
            f"\n{size.width}×{size.height}: briefing needs {MIN_SIZE.width}×{MIN_SIZE.height}.",
            ("\nMake it bigger, or q to quit.", "dim"),
        )
