"""Run a terminal program in a pseudo-terminal and time until a text is on its screen (pyte)."""

from __future__ import annotations

import contextlib
import copy
import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time
from collections.abc import Collection, Mapping, Sequence

import pyte

Screen = tuple[tuple[object, ...], ...]
"""What a screen shows, cell by cell: comparable, and hashable."""

QUIET = 0.4
"""Seconds without output after which ``timed_state`` takes a key's output as complete."""


def screen_state(screen: pyte.Screen) -> Screen:
    """Each cell's character, colours and attributes."""
    buffer, columns = screen.buffer, range(screen.columns)
    return tuple(tuple(buffer[y][x] for x in columns) for y in range(screen.lines))


class Terminal:
    """A program in a pseudo-terminal of a fixed size, with an emulated screen."""

    def __init__(
        self,
        command: Sequence[str],
        cols: int = 120,
        rows: int = 40,
        env: Mapping[str, str] | None = None,
        cwd: str | os.PathLike[str] | None = None,
    ) -> None:
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = bytearray()
        self.read_at = 0.0
        """When the last piece of output was read (before pyte parsed it)."""
        self.parsed_at = 0.0
        """When pyte had parsed the last piece of output."""
        self.started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:
            # The size set here, before the program starts: set from the parent alone, a program started before the
            # parent got to it (a busy machine) saw a terminal of no size (a kept first screen under another key).
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
            child_env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
            child_env["TERM"] = "xterm-256color"
            child_env.update(env or {})
            if cwd is not None:
                os.chdir(cwd)
            os.execvpe(command[0], list(command), child_env)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.alive = True

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def pump(self, wait: float, parse: bool = True) -> bool:
        """Read and show what the program wrote within ``wait`` seconds; False if it wrote nothing. Without
        ``parse``, only read it (into ``raw``): the caller feeds it to an emulator later."""
        ready, _, _ = select.select([self.fd], [], [], wait)
        if not ready:
            return False
        self.read_at = time.perf_counter()
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            data = b""
        if not data:
            self.alive = False
            return False
        self.raw += data
        if parse:
            self.stream.feed(data)
        self.parsed_at = time.perf_counter()
        return True

    def wait_for(self, needle: str, timeout: float = 20.0) -> float | None:
        """Seconds from now until ``needle`` is on screen, or None on timeout or exit."""
        start = time.perf_counter()
        deadline = start + timeout
        if needle in self.text():
            return 0.0
        # The screen is read again only when output came: building its text takes pyte 1-2 ms, and doing that
        # every few ms while waiting would take a core from the program being timed.
        while self.alive and (left := deadline - time.perf_counter()) > 0:
            if self.pump(min(0.05, left)) and needle in self.text():
                return time.perf_counter() - start
        return time.perf_counter() - start if needle in self.text() else None

    def timed(self, keys: str, needle: str, timeout: float = 10.0) -> tuple[float, float] | None:
        """Two timings from sending ``keys`` to ``needle`` on screen, or None if it never shows.

        - handled: until the piece of output that puts ``needle`` on screen was read;
        - on screen: until pyte has also parsed it (how ../shared/tools/ttfp.py counts). The
          difference is the emulator's time, not the program's.
        """
        start = time.perf_counter()
        self.send(keys)
        deadline = start + timeout
        while self.alive and time.perf_counter() < deadline:
            if self.pump(0.002) and needle in self.text():
                return self.read_at - start, time.perf_counter() - start
        return None

    def state(self) -> Screen:
        """Everything the screen shows: each cell's character, colours and attributes."""
        return screen_state(self.screen)

    def timed_state(self, keys: str, expected: Collection[Screen], timeout: float = 10.0) -> tuple[float, float] | None:
        """Like ``timed``, until the whole screen is one of ``expected`` (``state()``s; more than one where a cursor
        blinks), colours and all: a key has done its work only once everything it changes is drawn, a border's
        colour or the footer's keys as well.

        - handled: until the program's output that completes that screen could be read. The output is only read
          while the key is timed, and fed to pyte afterwards, on a copy of the screen: pyte takes 2-3 ms a
          kilobyte, and parsing a piece as it came would hold up the reading of the next one.
        - on screen: as if pyte had parsed each piece as soon as it came and the one before it was parsed (the
          time each piece takes pyte is measured in that replay), as ``../shared/tools/ttfp.py`` counts.
        """
        before = copy.deepcopy(self.screen)
        begin = len(self.raw)
        pieces: list[tuple[int, float]] = []
        """Where each piece of output ends in ``raw``, and when it was read."""
        start = time.perf_counter()
        self.send(keys)
        deadline = start + timeout
        while self.alive and time.perf_counter() < deadline:
            if self.pump(0.002, parse=False):
                pieces.append((len(self.raw), self.read_at))
            elif pieces and time.perf_counter() - pieces[-1][1] > QUIET:
                break
        self.stream.feed(bytes(self.raw[begin:]))
        replay = pyte.ByteStream(before)
        parsed_at = start
        for end, read_at in pieces:
            parsing = time.perf_counter()
            replay.feed(bytes(self.raw[begin:end]))
            parsed_at = max(parsed_at, read_at) + time.perf_counter() - parsing
            begin = end
            if screen_state(before) in expected:
                return read_at - start, parsed_at - start
        return None

    def resize(self, cols: int, rows: int) -> None:
        """Make the terminal ``cols`` x ``rows``: the program gets SIGWINCH, and the screen is cut or padded as a
        terminal's is."""
        self.screen.resize(rows, cols)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

    def until_quiet(self, quiet: float = 0.5, timeout: float = 20.0) -> bool:
        """Read the screen until the program has written nothing for ``quiet`` seconds; False if it still writes
        after ``timeout``."""
        deadline = time.perf_counter() + timeout
        last = time.perf_counter()
        while self.alive and time.perf_counter() < deadline:
            if self.pump(0.05):
                last = time.perf_counter()
            elif time.perf_counter() - last >= quiet:
                return True
        return False

    def send(self, keys: str) -> None:
        os.write(self.fd, keys.encode())

    def type(self, keys: str, gap: float = 0.25) -> None:
        """Send keys one at a time, ``gap`` seconds apart, so that esc is not read as alt+key."""
        for key in keys:
            self.send(key)
            self.settle(gap)

    def wait_gone(self, needle: str, timeout: float = 20.0) -> bool:
        """Read the screen until ``needle`` is no longer on it; False if it still is after ``timeout``."""
        deadline = time.perf_counter() + timeout
        while self.alive and needle in self.text():
            if time.perf_counter() > deadline:
                return False
            self.pump(0.05)
        return needle not in self.text()

    def settle(self, seconds: float) -> None:
        """Keep reading the screen for ``seconds``."""
        deadline = time.perf_counter() + seconds
        while self.alive and time.perf_counter() < deadline:
            self.pump(min(0.01, max(0.0, deadline - time.perf_counter())))

    def wait_exit(self, timeout: float = 10.0) -> int | None:
        """The exit status once the program ends by itself, or None on timeout."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.pump(0.05)
                self.alive = False
                return os.waitstatus_to_exitcode(status)
            self.pump(0.01)
        return None

    def close(self) -> None:
        if self.alive:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGTERM)
            if self.wait_exit(3) is None:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
        os.close(self.fd)
