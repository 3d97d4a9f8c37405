"""Reopening a brief shows its first screen as kept, before Textual is up, and the app then draws the same over it.

Real runs of the checkout's `briefing` in a pseudo-terminal, read through pyte."""

from __future__ import annotations

import re
import shutil
import sys
import termios
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyte

from tests.conftest import ROOT, SEED
from tests.support.pty_screen import Terminal

COLUMNS, ROWS = 100, 30
TEXTUAL_STARTS = b"\x1b[?1000h"
"""The first thing Textual's driver writes (mouse reporting on): what comes before it is the kept screen."""
Drawn = tuple[tuple[Any, ...], ...]
"""A screen's cells (pyte's Char: the character, its colours and attributes), row by row."""
TITLE = "Putin Likely To Visit North Korea"


@dataclass
class Run:
    raw: bytes
    modes_after: list[object]
    """The terminal's modes once the app has ended."""

    def screens(self) -> tuple[Drawn, list[Drawn]]:
        """The screen as drawn before Textual started, and as drawn after each 256 bytes of output since."""
        screen = pyte.Screen(COLUMNS, ROWS)
        stream = pyte.ByteStream(screen)
        start = self.raw.find(TEXTUAL_STARTS)
        assert start >= 0
        stream.feed(self.raw[:start])
        before = cells(screen)
        after = []
        # pyte prints the final letter of sequences it does not know (Kitty's keyboard flags, a mode query).
        rest = re.sub(rb"\x1b\[[<>=?][0-9;]*u|\x1b\[\?[0-9]+\$p", b"", self.raw[start:])
        for at in range(0, len(rest), 256):
            stream.feed(rest[at : at + 256])
            after.append(cells(screen))
        return before, after


def cells(screen: pyte.Screen) -> Drawn:
    """Every cell: its character, colours and attributes."""
    return tuple(tuple(screen.buffer[row][column] for column in range(COLUMNS)) for row in range(ROWS))


def differences(before: Drawn, after: Drawn) -> list[tuple[int, int, Any, Any]]:
    """The first few cells that differ: row, column, and the cell before and after."""
    found = [
        (row, column, cell, after[row][column])
        for row, cells_of_row in enumerate(before)
        for column, cell in enumerate(cells_of_row)
        if cell != after[row][column]
    ]
    return found[:4]


def text(drawn: Drawn) -> str:
    return "\n".join("".join(cell.data for cell in row) for row in drawn)


def frames(cache: Path) -> list[Path]:
    return sorted((cache / "briefing" / "frames").glob("*.frame"))


CURSOR_TO = re.compile(rb"\x1b\[[0-9]+;[0-9]+H")
"""A cursor move: each of the app's frames has one at least (Textual puts the cursor back where the app has it)."""


def app_has_drawn(terminal: Terminal) -> bool:
    """True once the app has written a frame of its own after Textual started (over a kept screen with the same
    cells, only its cursor move: the pieces on screen already are not written again)."""
    start = terminal.raw.find(TEXTUAL_STARTS)
    return start >= 0 and CURSOR_TO.search(terminal.raw, start) is not None


def kept(cache: Path) -> dict[Path, tuple[int, int]]:
    return {frame: (frame.stat().st_mtime_ns, frame.stat().st_size) for frame in frames(cache)}


def open_brief(path: Path, cache: Path, keys: str = "", keeps: bool = True) -> Run:
    """The app opened on ``path`` and sent ``keys`` at once, quit once its own first screen is drawn and, if it
    ``keeps`` one (none was kept, or not this one), once it has kept it."""
    env = {"XDG_CACHE_HOME": str(cache), "BRIEFING_TODAY": "2024-06-20", "PYTHONPATH": str(ROOT)}
    before = kept(cache)
    terminal = Terminal([sys.executable, "-m", "briefing", str(path)], cols=COLUMNS, rows=ROWS, env=env)
    try:
        terminal.send(keys)
        deadline = time.monotonic() + 30
        while not (
            app_has_drawn(terminal) and "Key points" in terminal.text() and (kept(cache) != before or not keeps)
        ):
            assert time.monotonic() < deadline and terminal.alive, terminal.text()
            terminal.pump(0.05)
        terminal.settle(0.3)
        terminal.send("q")
        assert terminal.wait_exit(10) == 0, terminal.text()
        modes = termios.tcgetattr(terminal.fd)
    finally:
        terminal.close()
    return Run(bytes(terminal.raw), modes)


def test_reopening_shows_the_kept_first_screen_at_once_and_the_app_draws_the_same_over_it(tmp_path: Path) -> None:
    brief = shutil.copy(SEED, tmp_path / "brief.toml")
    first = open_brief(Path(brief), tmp_path / "cache")
    before, _ = first.screens()
    assert not text(before).strip(), "nothing is kept before the first open"
    assert len(frames(tmp_path / "cache")) == 1

    second = open_brief(Path(brief), tmp_path / "cache", keeps=False)
    before, after = second.screens()
    for part in ("Putin Likely To Visit", "Key points", "3 Pending", "q Quit"):
        assert part in text(before), text(before)
    # No jump: from the kept screen to the app's own, every state between has the same cells and colours.
    changed = [differences(before, state) for state in after if state != before]
    assert not changed, f"the app drew something else over the kept screen: {changed[0]} ({len(changed)} states)"
    assert b"Key points" not in second.raw[second.raw.find(TEXTUAL_STARTS) :], "the same cells written again"
    lflag = int(second.modes_after[3])  # type: ignore[call-overload]
    assert lflag & termios.ECHO and lflag & termios.ICANON, "the terminal is given back without its echo"


def test_keys_pressed_while_the_kept_screen_is_up_wait_for_the_app(tmp_path: Path) -> None:
    brief = Path(shutil.copy(SEED, tmp_path / "brief.toml"))
    open_brief(brief, tmp_path / "cache")
    run = open_brief(
        brief, tmp_path / "cache", keys="3", keeps=False
    )  # to the pending confirmations, before Textual is up
    _, after = run.screens()
    assert "3 Pending" in text(after[-1]).splitlines()[2]  # the pane that has the cursor is the one in view
    assert b"Traceback" not in run.raw


def test_a_brief_changed_since_is_not_shown_as_it_was(tmp_path: Path) -> None:
    brief = Path(shutil.copy(SEED, tmp_path / "brief.toml"))
    open_brief(brief, tmp_path / "cache")
    brief.write_text(brief.read_text(encoding="utf-8").replace(TITLE, "Changed Title"), encoding="utf-8")
    again = open_brief(brief, tmp_path / "cache")
    before, after = again.screens()
    assert not text(before).strip()
    assert "Changed Title" in text(after[-1]) and TITLE not in text(after[-1])
    assert len(frames(tmp_path / "cache")) == 2


def reopened_with_kept_frame_edited(tmp_path: Path, replacement: bytes) -> tuple[Run, Path]:
    """The brief opened once, its kept frame's "Key points" replaced, then opened again; and the kept frame."""
    brief = Path(shutil.copy(SEED, tmp_path / "brief.toml"))
    open_brief(brief, tmp_path / "cache")
    [kept] = frames(tmp_path / "cache")
    kept.write_bytes(kept.read_bytes().replace(b"Key points", replacement, 1))
    return open_brief(brief, tmp_path / "cache"), kept


def test_a_kept_frame_with_any_other_control_sequence_never_reaches_the_terminal(tmp_path: Path) -> None:
    again, kept = reopened_with_kept_frame_edited(tmp_path, b"\x1b]52;c;UFdORUQ=\x07\x1b[2J\x1b]0;OWNED\x07")
    assert b"\x1b]52" not in again.raw and b"OWNED" not in again.raw and b"\x1b[2J" not in again.raw
    before, _ = again.screens()
    assert not text(before).strip()
    assert b"\x1b]52" not in kept.read_bytes(), "the app's own screen is kept in its place"


def test_a_kept_frame_unlike_the_apps_screen_is_drawn_over_and_replaced(tmp_path: Path) -> None:
    again, kept = reopened_with_kept_frame_edited(tmp_path, b"Stale text")
    before, after = again.screens()
    assert "Stale text" in text(before)
    assert "Key points" in text(after[-1]) and "Stale text" not in text(after[-1])
    assert b"Stale text" not in kept.read_bytes() and b"Key points" in kept.read_bytes()
