"""Building the app for tests, and waiting until every pane is on screen."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.screen import Screen

from briefing.format.load import load_path
from briefing.ui.app import BriefingApp
from briefing.ui.screens.brief import BriefScreen
from tests.conftest import SEED


def make_app(path: Path = SEED, today: dt.date | None = None) -> BriefingApp:
    return BriefingApp(path, load_path(path), today=today)


def on_each_frame(app: BriefingApp, drawn: Callable[[Screen[Any]], None]) -> None:
    """From now on, call ``drawn`` with the screen each time the app draws a frame of it, just before it is
    written (Textual's ``App._display``: a frame is a renderable, None when nothing changed)."""
    display = app._display

    def recording(screen: Screen[Any], renderable: Any) -> None:
        if renderable is not None:
            drawn(screen)
        display(screen, renderable)

    app._display = recording  # type: ignore[method-assign]


async def settle(pilot: Pilot[None]) -> None:
    """Wait until the panes mounted after the first paint (the summary's body with them) are in place."""
    for _ in range(100):
        await pilot.pause()
        screen = pilot.app.screen
        if not isinstance(screen, BriefScreen) or screen.ready:
            break
    await until_still(pilot)
    await pilot.wait_for_scheduled_animations()


async def drawn_as_laid_out_afresh(pilot: Pilot[None]) -> list[str]:
    """The screen's lines, checked to be those a layout of the whole screen made afresh draws (nothing a key or a
    reload changed was left laid out as it was before)."""
    screen = pilot.app.screen
    shown = [strip.text for strip in screen._compositor.render_strips()]
    screen.refresh(layout=True)
    await settle(pilot)
    assert [strip.text for strip in screen._compositor.render_strips()] == shown
    return shown


async def until_still(pilot: Pilot[None], rounds: int = 200) -> None:
    """Let the app run until it has nothing left to do twice in a row: no message waiting, no widget to lay out or
    draw again (a scrollbar, say, comes in the frame after its content)."""
    quiet = 0
    for _ in range(rounds):
        await pilot.pause()
        quiet = quiet + 1 if _nothing_pending(pilot.app) else 0
        if quiet == 2:
            return
    raise AssertionError("the app never came to rest")


def _nothing_pending(app: Any) -> bool:
    shown = [app.screen, *app.screen.walk_children()]
    for pump in [app, *app.screen_stack, *shown]:
        if not pump._message_queue.empty() or getattr(pump, "_next_callbacks", None):
            return False
    # A screen under the top one is drawn again only once it is on top, or seen through it (behind a dialog): then
    # the widgets it was told to draw again meanwhile are drawn at its next update.
    if any(screen._dirty_widgets for screen in app.screen_stack if screen.is_current):
        return False
    return not any(node._layout_required or node._repaint_required or node._recompose_required for node in shown)


def shown_text(screen: Screen[Any]) -> str:
    """The texts of the screen's Statics and of its rows of labels and values (a detail's), a line each."""
    from textual.widgets import Static

    from briefing.ui.widgets.two_columns import TwoColumns

    statics = [str(static.visual) for static in screen.query(Static)]
    rows = [text.plain for table in screen.query(TwoColumns) for row in table.rows for text in row]
    return "\n".join([*statics, *rows])


async def wait_until(pilot: Pilot[None], condition: Callable[[], bool], seconds: float = 5.0) -> None:
    """Let the app run until ``condition`` holds; fail after ``seconds``."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the app did not get there in time"
        await pilot.pause()  # until the app is idle, or a moment has passed: threads get their turn


async def search_palette(pilot: Pilot[None], query: str) -> None:
    """Open the command palette, type ``query``, and wait until its first hit is one for the query: the query's
    letters, in order, in its text (a hit of the search, not of the empty palette)."""
    import re

    from textual.command import CommandPalette
    from textual.widgets import OptionList

    await pilot.press("ctrl+p", *query)

    def searched() -> bool:
        palette = pilot.app.screen
        if not isinstance(palette, CommandPalette):
            return False
        options = palette.query_one(OptionList)
        letters = ".*?".join(map(re.escape, query.casefold().replace(" ", "")))
        first = str(options.get_option_at_index(0).prompt).casefold() if options.option_count else ""
        return re.search(letters, first) is not None

    await wait_until(pilot, searched)


async def choose_in_palette(pilot: Pilot[None], query: str) -> None:
    """Open the command palette, type ``query``, let it search, and take the first hit."""
    await search_palette(pilot, query)
    await pilot.press("enter")
    await pilot.pause()


class FakeBrowser:
    """Stands in for ``webbrowser.get()``: records what it is asked to open."""

    def __init__(self) -> None:
        self.opened: list[str] = []

    def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
        self.opened.append(url)
        return True


def messages(app: BriefingApp) -> list[str]:
    """What the app has said in its notifications, oldest first."""
    return [str(notification.message) for notification in app._notifications]


def write_settings(text: str) -> Path:
    """Write the settings file (in the test's own config folder) and return its path."""
    from briefing.system.settings import settings_path

    path = settings_path()
    assert path is not None
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def record_frames(app: BriefingApp) -> list[list[str]]:
    """From now on, the terminal's lines after each frame the app writes, first to last (pyte fed the frames' own
    output); the list returned fills as the app draws. Draw the whole screen once first to see it all."""
    import pyte

    terminal = pyte.Screen(*app.size)
    stream = pyte.Stream(terminal)
    frames: list[list[str]] = []
    display = app._display

    def written(screen: Screen[object], renderable: Any) -> None:
        render = getattr(renderable, "render_segments", None)
        if render is not None:
            stream.feed(render(app.console))
            frames.append(list(terminal.display))
        display(screen, renderable)

    app._display = written  # type: ignore[method-assign]
    return frames


Frames = list[list[str]]
"""The terminal's lines after each frame, first to last."""


async def frames_of_keys(pilot: Pilot[None], keys: list[str], done: Callable[[Frames], bool]) -> Frames:
    """The frames written after ``keys`` (until ``done`` says they are all there), the whole screen drawn before."""
    frames = record_frames(pilot.app)  # type: ignore[arg-type]
    pilot.app.screen.refresh()
    await wait_until(pilot, lambda: bool(frames))
    frames.clear()
    await pilot.press(*keys)
    await wait_until(pilot, lambda: done(frames))
    return frames
