"""The terminal driver's read loop (briefing/ui/driver.py): esc is answered once its own wait is over, not at the
loop's next idle wake; what the terminal sends in pieces is read whole."""

from __future__ import annotations

import asyncio
import os
import queue
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual import events
from textual.app import App
from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message

from briefing.format.load import load_path
from briefing.ui import driver
from briefing.ui.app import BriefingApp
from briefing.ui.driver import IDLE_WAKE, LONE_ESC_WAIT, BriefingDriver, TerminalInput

ROOT = Path(__file__).resolve().parents[1]
DEADLINE = 10.0
"""Seconds to wait for a key that should come at once (a deadline, not a measure)."""


class Recording(BriefingDriver):
    """The driver, reading a pipe instead of the terminal, with what it would send the app put in a queue."""

    def __init__(self, read_end: int) -> None:
        super().__init__(App(), debug=False, mouse=False)  # needs a running loop: see ``reading``
        self.fileno = read_end
        self.sent: queue.Queue[Message] = queue.Queue()

    def process_message(self, message: Message) -> None:
        self.sent.put(message)

    def next_key(self) -> events.Key:
        while True:
            message = self.sent.get(timeout=DEADLINE)
            if isinstance(message, events.Key):
                return message


@pytest.fixture
def reading(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Recording, int]]:
    """A driver's read loop running in a thread on a pipe, and the pipe's write end. Its idle wake is an hour:
    anything that comes in time came without it."""
    monkeypatch.setattr(driver, "IDLE_WAKE", 3600.0)
    read_end, write_end = os.pipe()

    async def made() -> Recording:
        return Recording(read_end)

    recording = asyncio.run(made())
    thread = threading.Thread(target=recording.run_input_thread, daemon=True)
    thread.start()
    try:
        yield recording, write_end
    finally:
        os.close(write_end)  # the loop sees the end of its input and stops
        thread.join(DEADLINE)
        os.close(read_end)
        assert not thread.is_alive(), "the read loop did not stop at the end of its input"


def test_a_lone_esc_is_the_escape_key_without_waiting_for_the_idle_wake(reading: tuple[Recording, int]) -> None:
    recording, write_end = reading
    os.write(write_end, b"\x1b")
    assert recording.next_key().key == "escape"


def keys(messages: list[Message]) -> list[str]:
    return [message.key for message in messages if isinstance(message, events.Key)]


def test_a_sequence_in_one_read_is_its_key_and_a_character_split_between_reads_is_read_whole() -> None:
    terminal = TerminalInput()
    assert keys(terminal.read(b"\x1b[B")) == ["down"]
    assert terminal.read("é".encode()[:1]) == []
    assert keys(terminal.read("é".encode()[1:] + b"j")) == ["é", "j"]  # was the end of the input, then an error


def test_bytes_that_are_not_utf8_do_not_stop_the_keys() -> None:
    terminal = TerminalInput()
    assert [event.character for event in terminal.read(b"\xff") if isinstance(event, events.Key)] == [
        "\N{REPLACEMENT CHARACTER}"
    ]
    assert keys(terminal.read(b"j")) == ["j"]


def test_the_loop_wakes_when_the_parser_s_wait_for_a_sequence_ends() -> None:
    terminal = TerminalInput()
    assert terminal.wake_in(0.0) == IDLE_WAKE
    assert terminal.read(b"\x1b") == []
    waiting_until = terminal.parser._timeout_time
    assert waiting_until is not None
    assert terminal.wake_in(waiting_until - 0.01) == pytest.approx(0.01)
    assert terminal.wake_in(waiting_until + 1.0) == 0.0
    assert terminal.wake_in(waiting_until - 1000.0) == IDLE_WAKE
    assert keys(terminal.read(b"[A")) == ["up"]
    assert terminal.wake_in(0.0) == IDLE_WAKE


def esc_wait(env: dict[str, str]) -> float:
    code = "import briefing.ui.driver; from textual import constants; print(constants.ESCAPE_DELAY)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, check=True)
    return float(done.stdout)


def test_esc_waits_the_driver_s_own_time_unless_escdelay_says_otherwise() -> None:
    env = {key: value for key, value in os.environ.items() if key != "ESCDELAY"}
    assert esc_wait(env) == LONE_ESC_WAIT
    assert esc_wait({**env, "ESCDELAY": "300"}) == 0.3


def test_the_app_reads_the_terminal_with_this_driver_unless_another_is_named(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    bundled = ROOT / "content" / "2024-06-12-putin-north-korea-vietnam.toml"
    assert BriefingApp(bundled, load_path(bundled)).driver_class is BriefingDriver
    monkeypatch.setattr("textual.constants.DRIVER", "textual.drivers.linux_driver:LinuxDriver")
    assert BriefingApp(bundled, load_path(bundled)).driver_class is LinuxDriver
