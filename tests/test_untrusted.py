"""Text from a brief is shown literally: no markup, no actions, no terminal escapes."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Static

from briefing.format.load import load_path
from briefing.system.sanitize import clean
from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.detail import DetailScreen
from tests.apps import make_app, search_palette, settle, shown_text
from tests.conftest import DATA, MINIMAL_BRIEF, ROOT
from tests.support.pty_screen import Terminal

HOSTILE = DATA / "hostile.toml"
LITERAL = "[@click=app.quit] [bold]B[/] [/] [TBD]"


def test_loader_strips_escapes_and_keeps_brackets() -> None:
    brief = load_path(HOSTILE).brief
    assert brief is not None
    assert brief.meta.title == f"Title {LITERAL}  "
    assert "\x1b" not in brief.summary.body  # type: ignore[operator]
    assert brief.sources[0].url == "https://example.org/[@click=app.quit]"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("a\x1b]52;c;UFdORUQ=\x07b", "ab"),
        ("a\x1b]8;;https://x\x1b\\link\x1b]8;;\x1b\\b", "alinkb"),
        ("\x1b[31mred\x1b[0m", "red"),
        ("\x1bP1$qm\x1b\\x", "x"),
        ("\x9b31mc1", "c1"),
        ("bell\x07 nul\x00 del\x7f", "bell nul del"),
        ("\u202eevil\u2066", "evil"),
        ("tab\tand\nnewline", "tab\tand\nnewline"),
        ("漢字 é 😀 שלום", "漢字 é 😀 שלום"),
    ],
)
def test_clean(raw: str, shown: str) -> None:
    assert clean(raw) == shown


async def test_every_pane_and_detail_shows_the_text_literally() -> None:
    app = make_app(HOSTILE)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for key in "12345":
            await pilot.press(key)
            if key != "1":
                await pilot.press("enter")
                assert isinstance(app.screen, DetailScreen)
                shown = shown_text(app.screen)
                assert LITERAL in shown
                await pilot.press("escape")
            assert app.is_running
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        title = str(screen.query_one("#part-0", Static).visual)
        assert title == f"Title {LITERAL}  "
        svg = app.export_screenshot()
        assert "[@click=app.quit]" in svg.replace("&#160;", " ")
        assert "UFdORUQ" not in svg


async def test_palette_and_find_show_hostile_text_literally() -> None:
    from textual.command import CommandPalette
    from textual.widgets import OptionList

    app = make_app(HOSTILE)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await search_palette(pilot, "click")
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        options = palette.query_one(OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        # The markup is a hit's text, as written: not a link, not a style, not an action.
        assert any("[@click=app.quit]" in prompt for prompt in prompts), prompts
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running
        await pilot.press("slash", *"[@click=app.quit]", "enter")
        assert app.is_running
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        # Found as text wherever it is drawn: every occurrence spans the markup's characters exactly.
        assert len(screen.matches.found) >= 5
        for occurrence in screen.matches.found:
            assert occurrence.drawn.text[occurrence.start : occurrence.end].casefold() == "[@click=app.quit]"


def test_no_escape_from_the_brief_reaches_the_terminal() -> None:
    """A real run in a pseudo-terminal: OSC 52 (clipboard) and clear-screen never leave the app."""
    script = [sys.executable, "-m", "briefing", str(HOSTILE)]
    terminal = Terminal(script, cols=120, rows=40)
    try:
        assert terminal.wait_for("Title [@click=app.quit]") is not None
        for section, shown in (
            ("2", "Quote [@click"),
            ("3", "Awaited from"),
            ("4", "Place [@click"),
            ("5", "Source title [@click"),
        ):
            terminal.type(section + "\r")
            assert terminal.wait_for("esc back") is not None, terminal.text()
            assert shown in terminal.text()
            # Each key waits for the one before it to be drawn: esc then q read together is alt+q.
            terminal.type("\x1b")
            assert terminal.wait_gone("esc back"), terminal.text()
        terminal.type("q")
        assert terminal.wait_exit(10) == 0
    finally:
        terminal.close()
    assert b"\x1b]52" not in terminal.raw
    assert b"UFdORUQ" not in terminal.raw
    assert b"\x1b[2J" not in terminal.raw.replace(b"\x1b[?1049h", b"")


ENTITY_BODY = "Right-to-left &#x202E;evil&#8238; and &#x9B;2J and &#x1b;]52;c;UFdORUQ=&#7; done"


@pytest.mark.parametrize("long_body", [False, True])
async def test_character_references_in_the_body_are_cleaned_after_decoding(
    write_brief: Callable[..., Path], long_body: bool
) -> None:
    body = ENTITY_BODY + ("\n\nfiller" * 5000 if long_body else "")
    path = write_brief(MINIMAL_BRIEF + f"body = '''\n{body}\n'''\n")
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        svg = app.export_screenshot()
    assert "evil" in svg and "done" in svg
    for character in ("\u202e", "\x9b", "\x1b", "\x07", "&#8238;", "&#155;"):
        assert character not in svg


def test_show_cleans_character_references_in_the_body(write_brief: Callable[..., Path]) -> None:
    path = write_brief(MINIMAL_BRIEF + f"body = '''\n{ENTITY_BODY}\n'''\n")
    done = subprocess.run([sys.executable, "-m", "briefing", "show", str(path)], capture_output=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})  # fmt: skip
    assert done.returncode == 0
    assert b"evil" in done.stdout
    for character in ("\u202e", "\x9b", "\x1b"):
        assert character.encode() not in done.stdout
