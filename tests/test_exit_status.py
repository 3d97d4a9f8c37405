"""The app's exit status, from a real run in a pseudo-terminal: 0 when the reader quits, 1 when it ended on an
error (printed as Textual prints it), so that a script or a test that runs `briefing` sees the failure."""

from __future__ import annotations

import sys

from tests.conftest import SEED
from tests.support.pty_screen import Terminal

FAILING_HELP = """
import sys
from briefing.launch import main
from briefing.ui.app import BriefingApp

def failing(self):
    raise RuntimeError("help failed on purpose")

BriefingApp.action_help = failing
sys.exit(main())
"""
"""`briefing`, with `?` raising: an error the app does not handle, as a bug would."""


def run(keys: str) -> tuple[int | None, str]:
    terminal = Terminal([sys.executable, "-c", FAILING_HELP, str(SEED)], cols=120, rows=40)
    try:
        assert terminal.wait_for("Background") is not None, terminal.text()  # the body: drawn last
        terminal.type(keys)
        return terminal.wait_exit(20), terminal.text()
    finally:
        terminal.close()


def test_quitting_exits_0() -> None:
    status, _ = run("q")
    assert status == 0


def test_an_error_that_ends_the_app_exits_1_after_saying_what_it_was() -> None:
    status, screen = run("?")
    assert status == 1
    assert "help failed on purpose" in screen
