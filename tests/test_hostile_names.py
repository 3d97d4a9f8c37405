"""File names are untrusted: whatever a brief's file is called, it is never read as an option or a command."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from pty_screen import Terminal

from briefing.editor import COLON_STYLE, GOTO_STYLE, editor_command
from tests.conftest import DATA, MINIMAL_BRIEF

RECORDING_EDITOR = f"{sys.executable} {DATA / 'recording_editor.py'}"
HOSTILE_NAMES = [
    "+!touch PWNED.toml",
    "-c!touch PWNED.toml",
    "--cmd=!touch PWNED.toml",
    "a b; touch PWNED.toml",
    "$(touch PWNED).toml",
    "new\nline.toml",
    "-",
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
@pytest.mark.parametrize("editor", ["vim", "nvim -u NONE", "nano", "emacs -nw", "code --wait", "subl -w", "hx"])
def test_every_editor_style_gets_the_file_as_an_absolute_path(
    name: str, editor: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    words = editor.split()
    for line in (7, None):
        command = editor_command(Path(name), line, {"EDITOR": editor})
        assert command[: len(words)] == words
        given = command[len(words) :]
        expected = str(tmp_path / name)
        if line is None:
            assert given == [expected]
        elif words[0] in GOTO_STYLE:
            assert given == ["--goto", f"{expected}:7"]
        elif words[0] in COLON_STYLE:
            assert given == [f"{expected}:7"]
        else:
            assert given == ["+7", expected]


def _edit_in_a_terminal(folder: Path, wait_for: str, record: Path) -> dict[str, list[str]]:
    """`briefing .` in ``folder`` (a relative path, as a user types it), open the brief, press e."""
    terminal = Terminal(
        [sys.executable, "-m", "briefing", "."],
        cols=120,
        rows=40,
        env={"EDITOR": RECORDING_EDITOR, "VISUAL": "", "RECORD": str(record), "PYTHONPATH": str(Path.cwd())},
        cwd=folder,
    )
    try:
        assert terminal.wait_for("briefs", timeout=15) is not None, terminal.text()
        assert terminal.wait_for(wait_for, timeout=15) is not None, terminal.text()
        terminal.type("\r")
        assert terminal.wait_for("Edit", timeout=10) is not None, terminal.text()
        terminal.settle(0.3)
        terminal.type("e")
        for _ in range(100):
            if record.exists():
                break
            terminal.pump(0.1)
        terminal.type("q")
    finally:
        terminal.close()
    recorded: dict[str, list[str]] = json.loads(record.read_text(encoding="utf-8"))
    return recorded


def test_e_on_a_brief_named_like_an_editor_command_opens_it_as_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "library"
    folder.mkdir()
    (folder / "+!touch PWNED.toml").write_text(MINIMAL_BRIEF.replace("Minimal", "Hostile name"), encoding="utf-8")
    older = MINIMAL_BRIEF.replace("Minimal", "Other").replace("2024-06-12", "2020-01-01")
    (folder / "other.toml").write_text(older, encoding="utf-8")
    recorded = _edit_in_a_terminal(folder, "Hostile name", tmp_path / "record.json")
    assert recorded["files"] == [str(folder / "+!touch PWNED.toml")]
    assert recorded["commands"] == []


def test_e_on_the_problems_of_a_brief_named_like_an_option_opens_it_as_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "library"
    folder.mkdir()
    (folder / "-c!touch PWNED.toml").write_text("schema_version = 1\n[brief\n", encoding="utf-8")
    (folder / "other.toml").write_text(MINIMAL_BRIEF, encoding="utf-8")
    recorded = _edit_in_a_terminal(folder, "-c!touch PWNED.toml", tmp_path / "record.json")
    assert recorded["files"] == [str(folder / "-c!touch PWNED.toml")]
    assert not any(argument.startswith("-") for argument in recorded["arguments"])
