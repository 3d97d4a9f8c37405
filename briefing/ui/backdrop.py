"""A dialog over the screen it was opened from, that screen dimmed behind it as Textual dims it, at less cost."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.segment import Segment
from rich.style import Style
from textual._context import visible_screen_stack
from textual.color import Color
from textual.geometry import Region
from textual.renderables.background_screen import BackgroundScreen
from textual.screen import ModalScreen, Screen, ScreenResultType
from textual.strip import Strip, StripRenderable
from textual.style import Style as VisualStyle
from textual.widget import _RenderCache


@lru_cache(maxsize=4096)
def tinted(style: Style | None, color: Color) -> Style | None:
    """``style`` as Textual's BackgroundScreen dims it under ``color`` (its own code, run on one segment)."""
    (dimmed,) = BackgroundScreen.process_segments([Segment(" ", style)], color)
    return dimmed.style


class Backdrop(BackgroundScreen):
    """Textual's dimmed screen, each style worked out once: Textual blends the colours of every segment anew, and a
    screen has a thousand segments in a few dozen styles. That was a third of the time `enter` and `?` took.
    ``lines``: the screen behind as its compositor draws it, when the dialog has drawn it already."""

    def __init__(self, screen: Screen[object], color: Color, lines: list[Strip] | None = None) -> None:
        super().__init__(screen, color)
        self.lines = lines

    @classmethod
    def process_segments(cls, segments: Iterable[Segment], color: Color) -> Iterable[Segment]:
        for text, style, control in segments:
            yield Segment(text, style, control) if control else Segment(text, tinted(style, color))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if self.lines is None:
            return super().__rich_console__(console, options)
        return self.process_segments(console.render(StripRenderable(self.lines), options), self.color)


@dataclass(frozen=True)
class _Drawn:
    """What a dialog drew behind it: ``lines`` dimmed into ``drawn``, for a screen of ``key``."""

    key: tuple[VisualStyle, Color, Screen[object]]
    lines: list[Strip]
    drawn: list[Strip]


class Dialog(ModalScreen[ScreenResultType]):
    """A modal screen whose backdrop is a ``Backdrop``, dimmed again only when the screen behind it has changed.

    Textual draws the whole screen behind again each time the dialog's screen is refreshed: three times as a dialog
    opens (its layout, its resume, its mount). The screen behind tells the dialog on top which regions to draw
    again when it changes (a dialog hidden meanwhile is told once it is on top again, as the screen behind is laid
    out again); after that, and after the dialog was drawn under another (which is not told), the screen behind is
    drawn (from its widgets' kept lines) and compared with what was dimmed before: only a screen that differs is
    dimmed again."""

    _drawn: _Drawn | None = None
    _unsure = True
    _lines: list[Strip] | None = None

    def render(self) -> RenderableType:
        rendered = super().render()
        if type(rendered) is BackgroundScreen:
            return Backdrop(rendered.screen, rendered.color, self._lines)
        return rendered

    def _render_content(self) -> None:
        behind = self._screen_behind()
        if behind is None:
            self._drawn = None
            super()._render_content()
            return
        key = (self.visual_style, self.styles.background, behind)
        drawn = self._drawn if self._drawn is not None and self._drawn.key == key else None
        lines = None if drawn is not None and not self._unsure else self._draw_behind(behind)
        if drawn is not None and (lines is None or lines == drawn.lines):
            self._render_cache = _RenderCache(self.size, drawn.drawn)
            self._dirty_regions.clear()
        else:
            assert lines is not None
            self._lines = lines
            try:
                super()._render_content()
            finally:
                self._lines = None
            self._drawn = _Drawn(key, lines, self._render_cache.lines)
        # Drawn behind another dialog, it is not told what changes behind it.
        self._unsure = self.app.screen is not self

    def _screen_behind(self) -> Screen[object] | None:
        """The screen ``render`` draws behind this one (``render`` takes it off Textual's list; this only looks)."""
        try:
            behind = visible_screen_stack.get()[-1]
        except LookupError:
            return None
        return behind if behind is not self and self.styles.background.a < 1 else None

    @staticmethod
    def _draw_behind(behind: Screen[object]) -> list[Strip]:
        """``behind`` as its compositor draws it, with the screens below it to draw behind it in turn."""
        below = visible_screen_stack.set(visible_screen_stack.get()[:-1])
        try:
            return behind._compositor.render_strips()
        finally:
            visible_screen_stack.reset(below)

    def _set_dirty(self, *regions: Region) -> None:
        if regions:
            self._unsure = True
        super()._set_dirty(*regions)
