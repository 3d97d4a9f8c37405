"""A dialog over the screen it was opened from, that screen dimmed behind it as Textual dims it, at less cost."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from rich.console import RenderableType
from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.renderables.background_screen import BackgroundScreen
from textual.screen import ModalScreen, ScreenResultType


@lru_cache(maxsize=4096)
def tinted(style: Style | None, color: Color) -> Style | None:
    """``style`` as Textual's BackgroundScreen dims it under ``color`` (its own code, run on one segment)."""
    (dimmed,) = BackgroundScreen.process_segments([Segment(" ", style)], color)
    return dimmed.style


class Backdrop(BackgroundScreen):
    """Textual's dimmed screen, each style worked out once: Textual blends the colours of every segment anew, and a
    screen has a thousand segments in a few dozen styles. That was a third of the time `enter` and `?` took."""

    @classmethod
    def process_segments(cls, segments: Iterable[Segment], color: Color) -> Iterable[Segment]:
        for text, style, control in segments:
            yield Segment(text, style, control) if control else Segment(text, tinted(style, color))


class Dialog(ModalScreen[ScreenResultType]):
    """A modal screen whose backdrop is a ``Backdrop``."""

    def render(self) -> RenderableType:
        rendered = super().render()
        if type(rendered) is BackgroundScreen:
            return Backdrop(rendered.screen, rendered.color)
        return rendered
