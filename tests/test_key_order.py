"""Keys typed in a burst: each acts where the focus is once the key before it is done, as if typed slowly.

A terminal delivers a fast typist's keys (or a pasted key sequence) in one read: here they are posted to the app
all at once, before it has handled the first, as its driver does. Pilot's own `press` waits between keys and
would not see the difference.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from briefing.ui.app import BriefingApp
from briefing.ui.dialogs.resolve import ResolveForm
from briefing.ui.key_order import KeyPassed
from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.detail import DetailScreen
from tests.apps import make_app, settle, wait_until
from tests.conftest import DATA
from tests.support.pty_screen import Terminal

CHARACTERS = {"tab": "\t", "enter": "\r", "ctrl+u": "\x15", "escape": "\x1b"}


def burst(app: BriefingApp, *keys: str) -> None:
    """Post ``keys`` to the app in one go, as its driver does with what one read from the terminal held."""
    for key in keys:
        character = CHARACTERS.get(key, key if len(key) == 1 else None)
        app.post_message(events.Key(key, character))


def detail_text(app: BriefingApp) -> str:
    """What the open detail shows; "" when no detail is open."""
    return str(app.screen.rows) if isinstance(app.screen, DetailScreen) else ""


def typed(text: str) -> list[str]:
    return ["minus" if character == "-" else character for character in text]


async def test_keys_after_a_section_key_act_in_that_section() -> None:
    app = make_app(DATA / "full.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        burst(app, "3", "j", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, DetailScreen))
        assert "A draft text by Friday" in detail_text(app), "the second pending item, where j moved"


async def test_typing_right_after_the_key_that_opens_a_form_goes_into_it(brief_copy: Path) -> None:
    app = make_app(brief_copy, today=dt.date(2024, 6, 20))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        burst(app, "3", "c", *"Confirmed", "enter")
        await wait_until(pilot, lambda: 'resolution = "Confirmed"' in brief_copy.read_text(encoding="utf-8"))
        assert "resolved_on = 2024-06-20" in brief_copy.read_text(encoding="utf-8")


async def test_keys_after_tab_in_a_form_go_to_the_next_field(brief_copy: Path) -> None:
    app = make_app(brief_copy, today=dt.date(2024, 6, 20))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("3", "c")
        await wait_until(pilot, lambda: isinstance(app.screen, ResolveForm))
        burst(app, *"Confirmed", "tab", "ctrl+u", *typed("2024-06-14"), "enter")
        await wait_until(pilot, lambda: "resolved_on = 2024-06-14" in brief_copy.read_text(encoding="utf-8"))
        assert 'resolution = "Confirmed"' in brief_copy.read_text(encoding="utf-8")


async def test_a_burst_after_a_dialog_closes_goes_to_the_brief() -> None:
    app = make_app(DATA / "full.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        burst(app, "3", "enter", "escape", "4", "5", "j", "enter")
        await wait_until(pilot, lambda: "Outlet" in detail_text(app))
        assert "The Example Paper" in detail_text(app), "the second source, where j moved"
        assert [type(screen) for screen in app.screen_stack] == [BriefScreen, DetailScreen]


async def test_letters_after_slash_go_to_the_find_bar() -> None:
    app = make_app(DATA / "full.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        burst(app, "slash", *"draft")
        await wait_until(pilot, lambda: query_value(pilot) == "draft")


async def test_a_paste_waits_for_the_keys_before_it() -> None:
    app = make_app(DATA / "full.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        burst(app, "slash")
        app.post_message(events.Paste("draft"))
        await wait_until(pilot, lambda: query_value(pilot) == "draft")


def query_value(pilot: Pilot[None]) -> str:
    return pilot.app.screen.query_one("#find", Input).value


def test_a_marker_never_handed_to_a_widget_does_not_hold_the_keys() -> None:
    assert KeyPassed().lost()


def test_a_form_filled_in_one_write_to_the_terminal(brief_copy: Path) -> None:
    """The checkout's `briefing` in a pseudo-terminal: the resolution, tab, the date and enter, sent as one write,
    as a fast typist's keys or a terminal's macro arrive."""
    command = [sys.executable, "-m", "briefing", "--today", "2024-06-20", str(brief_copy)]
    terminal = Terminal(command, cols=120, rows=40)
    try:
        assert terminal.wait_for("Background") is not None, terminal.text()
        terminal.send("3c")
        assert terminal.wait_for("Resolution: what confirmed") is not None, terminal.text()
        terminal.send("Confirmed\t\x152024-06-14\r")
        assert terminal.wait_gone("Resolution: what confirmed"), terminal.text()
        deadline = time.monotonic() + 10
        while "resolved_on = 2024-06-14" not in brief_copy.read_text(encoding="utf-8"):
            assert time.monotonic() < deadline, brief_copy.read_text(encoding="utf-8")
            terminal.pump(0.1)
        assert 'resolution = "Confirmed"' in brief_copy.read_text(encoding="utf-8")
    finally:
        terminal.close()
