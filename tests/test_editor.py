"""`e` in a real terminal: the app hands the screen to $EDITOR at the item's line and shows the result."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from pty_screen import Terminal

from briefing.editor import editor_command
from tests.conftest import DATA, SEED

FAKE_EDITOR = f"{sys.executable} {DATA / 'fake_editor.py'}"


def run_briefing(path: Path, editor: str) -> Terminal:
    return Terminal([sys.executable, "-m", "briefing", str(path)], cols=120, rows=40, env={"EDITOR": editor,
                    "VISUAL": ""})  # fmt: skip


def test_e_edits_the_title_from_the_summary(tmp_path: Path) -> None:
    path = tmp_path / "brief.toml"
    shutil.copy(SEED, path)
    terminal = run_briefing(path, FAKE_EDITOR)
    try:
        assert terminal.wait_for("Putin Likely To Visit") is not None
        terminal.settle(0.5)
        terminal.type("e")
        assert terminal.wait_for("Edited at line 5", timeout=10) is not None
        terminal.type("q")
        assert terminal.wait_exit(10) == 0
    finally:
        terminal.close()
    assert 'title = "Edited at line 5"' in path.read_text(encoding="utf-8")


def test_e_edits_the_item_under_the_cursor(tmp_path: Path) -> None:
    path = tmp_path / "brief.toml"
    shutil.copy(SEED, path)
    stop_line = path.read_text(encoding="utf-8").split("\n").index("[[itinerary]]", 80) + 1
    terminal = run_briefing(path, FAKE_EDITOR)
    try:
        assert terminal.wait_for("Putin Likely To Visit") is not None
        terminal.settle(0.5)
        terminal.type("4je")
        assert terminal.wait_for(f"2. Edited at line {stop_line}", timeout=10) is not None
    finally:
        terminal.close()


def test_an_editor_that_cannot_start_gives_a_message(tmp_path: Path) -> None:
    path = tmp_path / "brief.toml"
    shutil.copy(SEED, path)
    terminal = run_briefing(path, str(tmp_path / "no-such-editor"))
    try:
        assert terminal.wait_for("Putin Likely To Visit") is not None
        terminal.settle(0.5)
        terminal.type("e")
        assert terminal.wait_for("Could not start the editor", timeout=10) is not None
        terminal.type("2")
        assert terminal.wait_for("comrades-in-arms") is not None
    finally:
        terminal.close()


def test_editor_command_styles() -> None:
    file = Path("b.toml")
    assert editor_command(file, 7, {"EDITOR": "vim"}) == ["vim", "+7", "b.toml"]
    assert editor_command(file, 7, {"VISUAL": "nvim -u NONE", "EDITOR": "nano"}) == [
        "nvim",
        "-u",
        "NONE",
        "+7",
        "b.toml",
    ]
    assert editor_command(file, 7, {"EDITOR": "code --wait"}) == ["code", "--wait", "--goto", "b.toml:7"]
    assert editor_command(file, 7, {"EDITOR": "/usr/bin/subl -w"}) == ["/usr/bin/subl", "-w", "b.toml:7"]
    assert editor_command(file, None, {"EDITOR": "emacs"}) == ["emacs", "b.toml"]
