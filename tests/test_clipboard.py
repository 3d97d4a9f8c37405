"""`y` reaches the system clipboard through the platform's tool as well as OSC 52, and says how it went."""

from __future__ import annotations

import stat
import time
from pathlib import Path

import pytest

from briefing.system import clipboard
from briefing.system.clipboard import ClipboardError, clipboard_command, copy_with
from briefing.ui.app import BriefingApp
from tests.apps import make_app, settle, wait_until
from tests.conftest import DATA

FULL = DATA / "full.toml"
QUOTE = "“No comment.”\n— Port spokesperson"


def fake_tool(directory: Path, body: str, name: str = "fake-copy") -> Path:
    """An executable shell script standing in for xclip and its kin."""
    path = directory / name
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def messages(app: BriefingApp) -> list[str]:
    return [str(notification.message) for notification in app._notifications]


def everything_found(name: str) -> str:
    return f"/usr/bin/{name}"


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        ({}, "linux", None),
        ({"DISPLAY": ":0"}, "linux", ["xclip", "-selection", "clipboard"]),
        ({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, "linux", ["wl-copy"]),
        ({}, "darwin", ["pbcopy"]),
        ({"BRIEFING_CLIPBOARD": "tmux load-buffer -", "DISPLAY": ":0"}, "linux", ["tmux", "load-buffer", "-"]),
        ({"BRIEFING_CLIPBOARD": "", "DISPLAY": ":0"}, "darwin", None),
    ],
)
def test_the_tool_follows_the_platform_and_the_environment_variable(
    environ: dict[str, str], platform: str, expected: list[str] | None
) -> None:
    assert clipboard_command(environ, platform, everything_found) == expected


def test_a_tool_that_is_not_installed_is_passed_over() -> None:
    def only_xsel(name: str) -> str | None:
        return "/usr/bin/xsel" if name == "xsel" else None

    assert clipboard_command({"DISPLAY": ":0"}, "linux", only_xsel) == ["xsel", "--clipboard", "--input"]
    assert clipboard_command({"DISPLAY": ":0"}, "linux", lambda name: None) is None


def test_an_unsplittable_environment_variable_is_an_error() -> None:
    with pytest.raises(ClipboardError, match=r"\$BRIEFING_CLIPBOARD is not a command line: No closing quotation"):
        clipboard_command({"BRIEFING_CLIPBOARD": "xclip 'oops"}, "linux", everything_found)


def test_the_text_reaches_the_tool_on_its_standard_input(tmp_path: Path) -> None:
    tool = fake_tool(tmp_path, f'cat > "{tmp_path / "got"}"')
    copy_with([str(tool)], QUOTE)
    assert (tmp_path / "got").read_text() == QUOTE


def test_a_tool_that_stays_behind_holding_its_output_is_not_waited_for(tmp_path: Path) -> None:
    # xclip and wl-copy fork a child that keeps serving the selection, with stdout and stderr still open.
    tool = fake_tool(tmp_path, f'cat > "{tmp_path / "got"}"; sleep 30 &')
    started = time.monotonic()
    copy_with([str(tool)], "text")
    assert time.monotonic() - started < clipboard.TIMEOUT_SECONDS
    assert (tmp_path / "got").read_text() == "text"


def test_a_failing_tool_is_an_error_that_says_why(tmp_path: Path) -> None:
    tool = fake_tool(tmp_path, 'cat > /dev/null; echo "Error: Can\'t open display: :9" >&2; exit 3')
    with pytest.raises(ClipboardError, match=r"^fake-copy failed \(exit 3\): Error: Can't open display: :9$"):
        copy_with([str(tool)], "text")


def test_the_tools_own_words_are_cleaned_of_escape_sequences(tmp_path: Path) -> None:
    tool = fake_tool(tmp_path, "cat > /dev/null; printf 'bad \\033]52;c;SU5KRUNURUQ=\\007news' >&2; exit 1")
    with pytest.raises(ClipboardError) as raised:
        copy_with([str(tool)], "text")
    assert str(raised.value) == "fake-copy failed (exit 1): bad news"


def test_a_tool_that_hangs_is_given_up_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clipboard, "TIMEOUT_SECONDS", 0.3)
    tool = fake_tool(tmp_path, "exec sleep 30")
    with pytest.raises(ClipboardError, match=r"^fake-copy did not finish within 0.3 s$"):
        copy_with([str(tool)], "text")


def test_a_missing_tool_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ClipboardError, match=r"^nowhere was not found$"):
        copy_with([str(tmp_path / "nowhere")], "text")


async def test_y_gives_the_item_to_the_tool_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    got = tmp_path / "got"
    monkeypatch.setenv("BRIEFING_CLIPBOARD", f"{fake_tool(tmp_path, f'cat > {got}')}")
    app = make_app(FULL)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2", "j", "y")
        await wait_until(pilot, lambda: "Copied the quote (2 lines) to the clipboard." in messages(app))
        assert got.read_text() == QUOTE
        assert app.clipboard == QUOTE, "OSC 52 is still sent"


async def test_y_says_when_the_tool_failed_and_the_text_went_through_the_terminal_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFING_CLIPBOARD", str(fake_tool(tmp_path, "echo 'no X server' >&2; exit 1")))
    app = make_app(FULL)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2", "j", "y")
        expected = (
            "Copied the quote (2 lines) through the terminal (OSC 52) only: fake-copy failed (exit 1): no X server."
        )
        await wait_until(pilot, lambda: expected in messages(app))
        assert app.clipboard == QUOTE


async def test_y_with_a_broken_environment_variable_warns_and_still_copies(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_CLIPBOARD", "xclip 'oops")
    app = make_app(FULL)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2", "j", "y")
        assert app.clipboard == QUOTE

        def warned() -> bool:
            prefix = "Copied the quote (2 lines) through the terminal (OSC 52) only: $BRIEFING_CLIPBOARD"
            return any(message.startswith(prefix) for message in messages(app))

        await wait_until(pilot, warned)
        assert warned()
