"""A key's whole result in the frame that first shows it, in a real terminal: the app's frames, told apart by the
pauses between them, replayed into pyte one by one.

Textual has a widget tell the screen what it needs drawn only when the widget is next idle, so one key's changes
could fall on both sides of a frame (`briefing.ui.next_frame`). Under Pilot the screen's frames come at other
moments, and the split seldom shows; in a terminal it showed on every run.
"""

from __future__ import annotations

import copy
import re
import sys
import time

import pyte

from tests.conftest import SEED
from tests.support.pty_screen import Terminal

COLUMNS, ROWS = 120, 40
FRAME_GAP = 0.008
"""Seconds between two pieces of output that make them two frames: Textual writes a frame in one go, and the pieces
of one frame are read within a millisecond of each other; the frames of a split key came 20-40 ms apart."""
FRAME_END = re.compile(rb"\x1b\[0m\x1b\[[0-9]+;[0-9]+H$")
"""How each of the app's frames ends: the styles reset, the cursor put back. A pause in the output counts as the end
of a frame only after it (a busy machine can pause the reading in the middle of one)."""


def frames_after(terminal: Terminal, keys: str, wait: float = 0.6) -> list[pyte.Screen]:
    """The screen after each frame the app writes in the ``wait`` seconds after ``keys``."""
    pieces: list[tuple[int, float]] = []
    begin = len(terminal.raw)
    terminal.send(keys)
    deadline = time.perf_counter() + wait
    while terminal.alive and time.perf_counter() < deadline:
        if terminal.pump(0.001, parse=False):
            pieces.append((len(terminal.raw), terminal.read_at))
    screen = copy.deepcopy(terminal.screen)
    stream = pyte.ByteStream(screen)
    frames: list[pyte.Screen] = []
    start = begin
    for index, (end, read_at) in enumerate(pieces):
        frame_ends = FRAME_END.search(terminal.raw, 0, end) is not None
        if index + 1 == len(pieces) or (frame_ends and pieces[index + 1][1] - read_at > FRAME_GAP):
            stream.feed(bytes(terminal.raw[start:end]))
            frames.append(copy.deepcopy(screen))
            start = end
    terminal.screen, terminal.stream = screen, stream  # the screen as the last frame left it
    return frames


def started() -> Terminal:
    terminal = Terminal([sys.executable, "-m", "briefing", str(SEED)], cols=COLUMNS, rows=ROWS,
                        env={"BRIEFING_TODAY": "2024-06-20"})  # fmt: skip
    assert terminal.wait_for("Background") is not None, terminal.text()
    assert terminal.until_quiet(0.6)
    return terminal


def test_the_pane_the_focus_leaves_is_unfocused_in_the_frame_that_shows_the_one_it_enters() -> None:
    """From the pending confirmations (on the right) to the quotes (on the left): the right pane's accent border
    went 20-30 ms after the quotes came, and for that frame both panes looked focused."""
    terminal = started()
    try:
        terminal.send("3")
        assert terminal.wait_for("Awaited from") is not None and terminal.until_quiet(0.6)
        frames = frames_after(terminal, "2")
        terminal.send("q")
        assert terminal.wait_exit(10) == 0, terminal.text()
    finally:
        terminal.close()
    shown = [screen for screen in frames if "2 Quotes" in screen.display[2]]
    assert shown, [screen.display[2] for screen in frames]
    right = shown[0].display[2].index("╭", 1)  # the right pane's top left corner
    for screen in shown:
        left_border, right_border = screen.buffer[2][0].fg, screen.buffer[2][right].fg
        assert left_border != right_border, f"both panes drawn in {left_border}, {len(frames)} frames"


def focused_pane(screen: pyte.Screen) -> bool:
    """True when one of the two panes' borders is drawn in the accent colour: a pane has the focus, not the bar."""
    left, right = 0, screen.display[2].index("╭", 1)
    return bool(screen.buffer[2][left].fg != screen.buffer[2][right].fg)


def test_the_find_bar_and_the_footer_trade_places_in_the_frame_that_moves_the_focus() -> None:
    """/ showed the footer with the bar's own keys ("esc Cancel") for a frame before the bar; esc after a find
    gave the pane back its focus a frame (about 50 ms) before the footer came back in place of the bar (after a
    letter and a backspace, as in bench.key_latency)."""
    terminal = started()
    try:
        opened = frames_after(terminal, "/")
        assert terminal.wait_for("Find in this brief") is not None
        terminal.send("k")
        assert terminal.wait_for("“k” 1/") is not None
        terminal.send("\x7f")
        assert terminal.wait_gone("“k” 1/")
        closed = frames_after(terminal, "\x1b")
        terminal.send("q")
        assert terminal.wait_exit(10) == 0, terminal.text()
    finally:
        terminal.close()
    assert all("esc Cancel" not in screen.display[-1] for screen in opened), [s.display[-1] for s in opened]
    assert "Quit" in closed[-1].display[-1]
    for screen in closed:
        footer = "Quit" in screen.display[-1]
        assert footer == focused_pane(screen), f"footer shown: {footer}, {screen.display[-1]!r}"


def test_backspace_emptying_the_find_clears_it_in_one_frame() -> None:
    """Backspace emptying the find took the section bar's count away in a frame of its own, 30-40 ms before the
    marks went and the bar showed its placeholder: the section bar told the screen at once, the others when next
    idle."""
    terminal = started()
    try:
        terminal.send("/")
        assert terminal.wait_for("Find in this brief") is not None
        terminal.send("k")
        assert terminal.wait_for("“k” 1/") is not None and terminal.until_quiet(0.6)
        frames = frames_after(terminal, "\x7f")
        terminal.send("\x1b")
        assert terminal.wait_gone("Find in this brief")
        terminal.send("q")
        assert terminal.wait_exit(10) == 0, terminal.text()
    finally:
        terminal.close()
    first, last = frames[0], frames[-1]
    assert "“k”" not in first.display[1]
    assert "Find in this brief" in first.display[-1]
    # Every cell above the bar as the key left it (the bar's own cursor blinks in later frames).
    assert [first.buffer[y] for y in range(ROWS - 1)] == [last.buffer[y] for y in range(ROWS - 1)]


def test_a_focus_move_draws_both_panes_borders_and_the_section_bar() -> None:
    """From the summary to the pending confirmations, with no layout in the key: the footer's region, marked as a
    repaint of the screen's own, made the screen's next frame draw that alone, and the borders and the section bar
    the key had changed were left as they were."""
    terminal = started()
    try:
        before = copy.deepcopy(terminal.screen)
        frames = frames_after(terminal, "3")
        terminal.send("q")
        assert terminal.wait_exit(10) == 0, terminal.text()
    finally:
        terminal.close()
    last = frames[-1]
    right = before.display[2].index("╭", 1)  # the right pane's top left corner
    assert (last.buffer[2][0].fg, last.buffer[2][right].fg) == (before.buffer[2][right].fg, before.buffer[2][0].fg)
    tab = last.display[1].index("3 Pending")
    assert last.buffer[1][tab].reverse and not last.buffer[1][last.display[1].index("1 Summary")].reverse
