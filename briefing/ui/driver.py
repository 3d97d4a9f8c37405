"""Textual's terminal driver, with esc answered as soon as its wait is over.

A terminal sends the escape key as a lone ESC byte, which is also how every other key's sequence begins: a
program knows it was esc only once nothing has followed for a while. Textual's driver waits 100 ms for that
(`ESCDELAY`), and only looks again when its read loop wakes, every 0.1 s: each esc took 100 to 200 ms. Here
the loop wakes when the parser's wait is over, and the wait is ``LONE_ESC_WAIT`` unless `ESCDELAY` is set (in
milliseconds, as for curses programs). A terminal with the kitty keyboard protocol sends esc as a whole
sequence and is never waited for.
"""

from __future__ import annotations

import contextlib
import os
import selectors
from codecs import getincrementaldecoder
from typing import TYPE_CHECKING, Any

from textual import constants
from textual._parser import ParseError
from textual._time import get_time
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message

from briefing.ui.shown import ShownPieces

if TYPE_CHECKING:
    from textual.app import App

LONE_ESC_WAIT = 0.01
"""Seconds after a lone ESC byte before it is taken as the escape key: the rest of a key's sequence comes in the
same write from the terminal (in the same read, here), so a wait this short only misreads a sequence split on a
slow link, where a longer one would as likely be too short (tmux's own default is 10 ms; programs built on
crossterm wait none; Textual's own default is 100 ms). It was 25 ms until 2026-12-06: esc from find 42 ms
handled then, 35 with 10 (bench.key_latency's keys, ten rounds each)."""

IDLE_WAKE = 0.1
"""Seconds between the read loop's checks that the app is closing, while nothing is typed."""

if "ESCDELAY" not in os.environ:
    # Textual reads its escape delay from here each time a sequence begins (textual.constants, from ESCDELAY).
    setattr(constants, "ESCAPE_DELAY", LONE_ESC_WAIT)  # noqa: B010 - a Final, assigned on purpose


class TerminalInput:
    """What the terminal sends, read as Textual's events: its bytes decoded and parsed, and the parser asked again
    when its wait for the rest of a sequence is over."""

    def __init__(self, debug: bool = False) -> None:
        self.parser = XTermParser(debug)
        self._decode = getincrementaldecoder("utf-8")(errors="replace").decode

    def read(self, data: bytes) -> list[Message]:
        """The events ``data`` completes. A character split between two reads waits in the decoder for its last
        byte; bytes that are not UTF-8 are read as U+FFFD."""
        text = self._decode(data)
        return list(self.parser.feed(text)) if text else []  # the parser takes "" as the end of its input

    def tick(self) -> list[Message]:
        """The events whose wait is over: a lone ESC that nothing followed."""
        return list(self.parser.tick())

    def wake_in(self, now: float) -> float:
        """Seconds the read loop may wait for input before ``tick`` must be called: until the end of the parser's
        wait for the rest of a sequence if it is in one, else ``IDLE_WAKE``."""
        # The parser keeps the end of that wait in _timeout_time (textual._parser.Parser; None when not waiting).
        until = self.parser._timeout_time
        if until is None:
            return IDLE_WAKE
        return min(IDLE_WAKE, max(0.0, until - now))

    def close(self) -> None:
        """End the input: what was half typed is dropped, as Textual's own driver does."""
        with contextlib.suppress(EOFError, ParseError):
            for _event in self.parser.feed(""):
                pass


class BriefingDriver(LinuxDriver):
    """The Linux (and macOS) driver, its read loop waking when a lone ESC has waited long enough; it keeps what
    the app's frames put on the terminal (``shown``), forgotten each time it takes the terminal (again)."""

    def __init__(
        self, app: App[Any], *, debug: bool = False, mouse: bool = True, size: tuple[int, int] | None = None
    ) -> None:
        super().__init__(app, debug=debug, mouse=mouse, size=size)
        self.shown = ShownPieces()

    def start_application_mode(self) -> None:
        self.shown.forget()
        super().start_application_mode()  # type: ignore[no-untyped-call]

    def run_input_thread(self) -> None:
        terminal = TerminalInput(self._debug)
        # A select selector, as Textual's own driver uses: macOS's kqueue does not watch a terminal.
        with selectors.SelectSelector() as selector:
            selector.register(self.fileno, selectors.EVENT_READ)
            try:
                while not self.exit_event.is_set():
                    if selector.select(terminal.wake_in(get_time())):
                        data = os.read(self.fileno, 4096)
                        if not data:
                            break  # the terminal is gone: nothing more will come
                        for event in terminal.read(data):
                            self.process_message(event)
                    for event in terminal.tick():
                        self.process_message(event)
            finally:
                terminal.close()
