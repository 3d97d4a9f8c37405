"""The app in a real terminal writes only what the terminal does not show already (briefing/ui/shown.py), and
draws everything again whenever the terminal may show something else: after a resize, after the editor, on
ctrl+l. Runs of the checkout's `briefing` in a pseudo-terminal, read through pyte."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pyte
import pytest

from tests.conftest import DATA, SEED
from tests.support.pty_screen import Screen, Terminal, screen_state

COLUMNS, ROWS = 120, 40
GARBAGE = b"\x1b[5;10Hanother program wrote this\x1b[20;3Hand this"


def opened(
    path: Path = SEED,
    cols: int = COLUMNS,
    rows: int = ROWS,
    env: dict[str, str] | None = None,
    last: str = "Background",
) -> Terminal:
    """`briefing` on ``path``, once its first screen is whole (``last`` is on it) and it has stopped drawing."""
    terminal = Terminal([sys.executable, "-m", "briefing", str(path)], cols=cols, rows=rows, env=env)
    assert terminal.wait_for(last) is not None, terminal.text()
    terminal.settle(1.5)  # the look back at what changed, and the first screen kept, come a second after
    assert terminal.until_quiet()
    return terminal


@pytest.fixture
def app() -> Iterator[Terminal]:
    terminal = opened()
    try:
        yield terminal
    finally:
        terminal.close()


@pytest.fixture
def first_screen() -> Screen:
    """The first screen as a run of its own draws it."""
    terminal = opened()
    try:
        return terminal.state()
    finally:
        terminal.close()


def test_a_frame_of_what_the_terminal_shows_already_is_not_written_again(app: Terminal) -> None:
    begin = len(app.raw)
    app.send("2")  # Textual lays out the pane it shows, then again for the widgets just shown: the same cells
    assert app.until_quiet()
    assert "Quotes" in app.text()
    final, output = app.state(), bytes(app.raw[begin:])
    replay = pyte.Screen(COLUMNS, ROWS)
    stream = pyte.ByteStream(replay)
    stream.feed(bytes(app.raw[:begin]))
    step = 64
    for end in range(step, len(output) + step, step):
        stream.feed(output[end - step : end])
        if screen_state(replay) == final:
            break
    after = len(output) - end
    assert after < 200, f"{after} bytes of the {len(output)} written after the screen was already as it ends"


def test_after_a_resize_and_back_everything_is_drawn_again(app: Terminal, first_screen: Screen) -> None:
    app.resize(80, 24)  # the terminal cuts its screen: what was right and below is gone
    assert app.until_quiet()
    app.resize(COLUMNS, ROWS)
    assert app.until_quiet()
    assert app.state() == first_screen


def test_ctrl_l_draws_everything_again_over_what_another_program_wrote(app: Terminal, first_screen: Screen) -> None:
    app.stream.feed(GARBAGE)
    assert "another program wrote this" in app.text()
    app.send("\x0c")
    assert app.until_quiet()
    assert app.state() == first_screen


@pytest.mark.parametrize(("keys", "shown"), [("?", "Keys · "), ("3\r", "Reported since")])
def test_ctrl_l_draws_a_dialog_again_too(app: Terminal, keys: str, shown: str) -> None:
    for key in keys:  # a key at a time: enter must not come before the pane it opens an item of
        app.send(key)
        assert app.until_quiet()
    assert shown in app.text()
    over_the_dialog = app.state()
    app.stream.feed(GARBAGE)
    assert "another program wrote this" in app.text()
    app.send("\x0c")
    assert app.until_quiet()
    assert app.state() == over_the_dialog


def test_the_screen_is_drawn_whole_after_the_editor(tmp_path: Path) -> None:
    path = tmp_path / "brief.toml"
    shutil.copy(SEED, path)
    editor = tmp_path / "editor.py"
    editor.write_text(f"import sys\nsys.stdout.buffer.write({GARBAGE!r})\nsys.stdout.flush()\n", encoding="utf-8")
    terminal = opened(path, env={"EDITOR": f"{sys.executable} {editor}", "VISUAL": ""})
    try:
        drawn = terminal.state()
        terminal.send("e")
        assert terminal.until_quiet()
        assert "another program wrote this" not in terminal.text()
        assert terminal.state() == drawn
    finally:
        terminal.close()


KEYS_AROUND = ["2", "5", "1", "3", "4", "j", "k", "\r", "\x1b", "?", "\x1b", "/", "P", "\r", "n", "N", "\x1b", "3", "j"]
"""Sections, items, a detail, the keys' help, find kept and stepped through: each changes some widgets, not others."""


@pytest.mark.parametrize(("cols", "rows"), [(COLUMNS, ROWS), (80, 24), (200, 60)])
def test_after_every_key_the_terminal_shows_what_a_whole_redraw_shows(cols: int, rows: int) -> None:
    """What a key changes reaches the terminal even when nothing is laid out again: a screen whose own repaint
    came first drew that alone and left the borders and the section bar a focus move had changed (31b706d). In
    one column, two and three."""
    app = opened(cols=cols, rows=rows, last="BLUF")
    try:
        _keys_as_redrawn(app)
    finally:
        app.close()


LIBRARY_KEYS = ["s", "p", "a", "l", "j", "k", "/", "P", "\r", "\x1b", "\r", "3", "\x1b"]
"""The library's orders and boards, its filter kept and cleared, a brief opened from it and left."""


def test_after_every_library_key_the_terminal_shows_what_a_whole_redraw_shows(tmp_path: Path) -> None:
    library = tmp_path / "library"
    library.mkdir()
    shutil.copy(SEED, library / SEED.name)
    shutil.copy(DATA / "full.toml", library / "full.toml")
    app = opened(library, last="Putin Likely")
    try:
        texts = _keys_as_redrawn(app, LIBRARY_KEYS)
    finally:
        app.close()
    assert texts[1].startswith(" Pending board") and "filter “P”" in texts[8]  # the board, the filter kept
    assert "brief 1 of 2" in texts[11] and texts[12].startswith(" Library")  # a brief opened from it, and left


def _keys_as_redrawn(app: Terminal, keys: list[str] = KEYS_AROUND) -> list[str]:
    """Press each of ``keys``; after each, the screen is what ctrl+l draws. The screens' texts, key by key."""
    finding = False
    texts = []
    for key in keys:
        app.send(key)
        assert app.until_quiet(0.4), repr(key)
        texts.append(app.text())
        finding = key == "/" or (finding and key not in "\r\x1b")
        if finding:
            continue  # the find bar's cursor blinks
        after_key = app.state()
        app.send("\x0c")
        assert app.until_quiet(0.4)
        assert app.state() == after_key, f"after {key!r} the terminal did not show the app's screen"
    return texts
