"""A kept first screen written to the terminal before Textual is imported, and the terminal put back after.

The frame goes to the alternate screen, with the cursor hidden and the keyboard's echo off,
so that keys pressed before the app is up wait for it instead of being printed over the
screen. The app's driver (`briefing.ui.pre_drawn`) then takes the terminal as it is: it
does not enter the alternate screen a second time (some terminals clear it on that, which
would blank the screen until the app's first frame), and it restores the modes found here.
"""

from __future__ import annotations

import contextlib
import os
import sys
import termios
from dataclasses import dataclass, field
from typing import Any

ENTER = "\x1b[?1049h\x1b[?25l"
"""The alternate screen, cursor hidden: as the app's driver starts."""
HOME = "\x1b[1;1H"
"""Where the cursor is left: not after the last cell, where anything printed would scroll the screen."""
LEAVE = "\x1b[?1049l\x1b[?25h"


@dataclass
class PreDrawn:
    """A frame on the terminal, drawn before the app took it over."""

    modes: list[Any] | None = field(default=None, repr=False)
    """The terminal modes before the frame was drawn: put back once the app has ended."""
    taken_over: bool = False
    """Set by the app's driver once it has the terminal: from then on, it leaves the alternate screen itself."""

    def finish(self) -> None:
        """Put the terminal back as it was found: after the app, or instead of it if it never started."""
        if not self.taken_over:
            _write(LEAVE)
        if self.modes is not None:
            with contextlib.suppress(termios.error):
                termios.tcsetattr(sys.stdin.fileno(), termios.TCSADRAIN, self.modes)


def pre_draw(frame: str) -> PreDrawn:
    """Show ``frame`` (already checked by `briefing.system.kept_frames.read_frame`) on the alternate screen."""
    modes: list[Any] | None
    try:
        modes = termios.tcgetattr(sys.stdin.fileno())
    except termios.error:
        modes = None
    if modes is not None:
        quiet = list(modes)
        quiet[3] = quiet[3] & ~(termios.ECHO | termios.ICANON)
        try:
            termios.tcsetattr(sys.stdin.fileno(), termios.TCSANOW, quiet)
        except termios.error:
            modes = None
    _write(ENTER + frame + HOME)
    return PreDrawn(modes)


def _write(text: str) -> None:
    data = text.encode("utf-8")
    fd = sys.stdout.fileno()
    while data:
        written = os.write(fd, data)
        data = data[written:]
