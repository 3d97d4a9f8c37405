"""A dialog over the screen it was opened from, that screen dimmed behind it as Textual dims it, at less cost."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rich.segment import Segment
from rich.style import Style
from textual._context import visible_screen_stack
from textual.app import App
from textual.color import Color
from textual.geometry import Region
from textual.renderables.background_screen import BackgroundScreen
from textual.screen import ModalScreen, Screen, ScreenResultType
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.widget import _RenderCache

from briefing.ui.screens.base import MountedWhole
from briefing.ui.scroll_ahead import style_scrollbars


@lru_cache(maxsize=4096)
def tinted(style: Style | None, color: Color) -> Style | None:
    """``style`` as Textual's BackgroundScreen dims it under ``color`` (its own code, run on one segment)."""
    (segment,) = BackgroundScreen.process_segments([Segment(" ", style)], color)
    return segment.style


def dimmed(segments: Iterable[Segment], color: Color) -> Iterable[Segment]:
    """``segments`` as Textual's BackgroundScreen dims them under ``color``, each style worked out once: Textual
    blends the colours of every segment anew, and a screen has a thousand segments in a few dozen styles. That was a
    third of the time `enter` and `?` took."""
    for text, style, control in segments:
        yield Segment(text, style, control) if control else Segment(text, tinted(style, color))


@dataclass(frozen=True)
class _Drawn:
    """What a dialog drew behind it: ``lines`` dimmed into ``drawn``, for a screen of ``key``."""

    key: tuple[VisualStyle, Color, Screen[object]]
    lines: list[Strip]
    drawn: list[Strip]


# ModalScreen first: Textual takes a screen's default CSS (the backdrop's colour) along the first base only.
class Dialog(ModalScreen[ScreenResultType], MountedWhole):
    """A modal screen over the screen behind it dimmed, dimmed again only when that screen has changed.

    Textual draws the whole screen behind again each time the dialog's screen is refreshed: three times as a dialog
    opens (its layout, its resume, its mount). The screen behind tells the dialog on top which regions to draw
    again when it changes (a dialog hidden meanwhile is told once it is on top again, as the screen behind is laid
    out again); after that, and after the dialog was drawn under another (which is not told), the screen behind is
    drawn (from its widgets' kept lines) and compared with what was dimmed before: only a screen that differs is
    dimmed again."""

    _drawn: _Drawn | None = None
    _unsure = True

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
        else:
            assert lines is not None
            self._render_cache = _RenderCache(self.size, self._dimmed(lines))
            self._drawn = _Drawn(key, lines, self._render_cache.lines)
        self._dirty_regions.clear()
        # Drawn behind another dialog, it is not told what changes behind it.
        self._unsure = self.app.screen is not self

    def _dimmed(self, lines: list[Strip]) -> list[Strip]:
        """``lines`` as Textual draws them dimmed behind this screen, without going through Rich.

        Textual renders its BackgroundScreen as a Rich renderable (``Visual.to_strips``): its segments styled over
        this screen's own style, split into lines and padded to the width. That took a quarter of a dialog's first
        frame; here the same is done to the lines' segments directly."""
        base = self.visual_style.rich_style
        pad = (self.visual_style + VisualStyle(reverse=False)).rich_style
        color = self.styles.background
        width = self.size.width
        drawn = []
        for line in lines[: self.size.height]:
            segments = [
                Segment(text, base + style if base else style, None if base else control)
                for text, style, control in dimmed(line, color)
            ]
            strip = Strip(segments)
            drawn.append((strip.crop(0, width) if strip.cell_length > width else strip).extend_cell_length(width, pad))
        return drawn

    def _screen_behind(self) -> Screen[object] | None:
        """The screen Textual's ``Screen.render`` would draw behind this one (it takes it off Textual's list; this
        only looks)."""
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

    def on_screen_suspend(self) -> None:
        # Put away (a help kept for the next ?, say): anything may change behind it before it is back.
        self._unsure = True

    def _set_dirty(self, *regions: Region) -> None:
        if regions:
            self._unsure = True
        super()._set_dirty(*regions)


AHEAD_ROUNDS = 8
"""At most this many rounds of the app's messages are spent laying out a screen composed ahead."""
QUIET_ROUNDS = 2
"""A screen composed ahead is drawn once this many rounds in a row asked for no layout."""


def compose_ahead(app: App[Any], name: str) -> None:
    """Compose, mount, lay out and draw the installed screen ``name`` now, unseen, if it is not running yet: Textual
    composes and mounts a screen as it is first pushed (``App._get_screen``, which ``push_screen`` calls), and lays
    it out and draws its every widget for the first time in its first frame, all in the time of the key that pushes
    it (the first ? took 15-20 ms longer than the next)."""
    screen = app.get_screen(name)
    if screen.is_running:
        return
    _, mounted = app._get_screen(name)

    async def when_mounted() -> None:
        await mounted
        if _lay_out_unseen(app, screen):
            for widget in screen.query("*"):
                style_scrollbars(widget)  # (those the layout gave)
            screen.call_after_refresh(_draw_ahead, app, screen, 1, 0)

    app.call_next(when_mounted)


def _unseen(app: App[Any], screen: Screen[Any]) -> bool:
    """``screen`` is still mounted and not shown, and another is: not so once the app, closing, has emptied its stack
    of screens (``App.screen`` then raises)."""
    stack = app.screen_stack
    return screen.is_attached and bool(stack) and screen not in stack


def _lay_out_unseen(app: App[Any], screen: Screen[Any]) -> bool:
    """Lay ``screen`` out at the app's size while another is shown; False once it is shown or gone."""
    if not _unseen(app, screen):
        return False
    screen._refresh_layout(app.size)
    screen._layout_required = False  # (Textual clears it only in the shown screen's frame)
    return True


def _draw_ahead(app: App[Any], screen: Screen[Any], rounds: int, quiet: int) -> None:
    """Lay ``screen`` out again each round of the app's messages that asks for it (its widgets' resizes and its
    scrollbars' first styles ask a round or two after its first layout: Textual lays out only the screen shown, so
    they would wait for its first frame), and draw it (into its widgets' kept lines) once nothing has asked for
    QUIET_ROUNDS rounds. A screen resized or restyled before it is shown is laid out again as it is
    (``Screen._on_screen_resume``)."""
    if not _unseen(app, screen) or rounds > AHEAD_ROUNDS:
        return
    if screen._layout_required or screen._layout_widgets:
        _lay_out_unseen(app, screen)
        quiet = 0
    elif quiet == QUIET_ROUNDS:
        # Over the screens it would be pushed over, as the app's frame draws it (``Screen._compositor_refresh``).
        screen._compositor.render_update(full=True, screen_stack=list(app.screen_stack))
        # Its frames' timer, started paused, waits a whole period after it is first resumed: started now, it ticks
        # once, unseen, and the frame the screen's first showing asks for is drawn at once.
        screen._update_timer.resume()
        return
    else:
        quiet += 1
    screen.call_after_refresh(_draw_ahead, app, screen, rounds + 1, quiet)
