"""`e` in a real terminal: the app hands the screen to $EDITOR at the item's line and shows the result."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from briefing.system.editor import NoEditor, editor_command
from tests.conftest import DATA, SEED
from tests.support.pty_screen import Terminal

FAKE_EDITOR = f"{sys.executable} {DATA / 'fake_editor.py'}"


def run_briefing(path: Path, editor: str) -> Terminal:
    return Terminal([sys.executable, "-m", "briefing", str(path)], cols=120, rows=40, env={"EDITOR": editor,
                    "VISUAL": ""})  # fmt: skip


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    path = tmp_path / "brief.toml"
    shutil.copy(SEED, path)
    return path


def started(path: Path, editor: str) -> Terminal:
    """`briefing` on ``path`` with ``editor`` as $EDITOR, once the brief is on screen."""
    terminal = run_briefing(path, editor)
    assert terminal.wait_for("Putin Likely To Visit") is not None
    assert terminal.wait_for("Background") is not None, "the body, drawn last"
    return terminal


def test_e_edits_the_title_from_the_summary(seed_copy: Path) -> None:
    path = seed_copy
    terminal = started(path, FAKE_EDITOR)
    try:
        terminal.type("e")
        assert terminal.wait_for("Edited at line 5", timeout=10) is not None
        terminal.type("q")
        assert terminal.wait_exit(10) == 0
    finally:
        terminal.close()
    assert 'title = "Edited at line 5"' in path.read_text(encoding="utf-8")


def test_e_edits_the_item_under_the_cursor(seed_copy: Path) -> None:
    stop_line = seed_copy.read_text(encoding="utf-8").split("\n").index("[[itinerary]]", 80) + 1
    terminal = started(seed_copy, FAKE_EDITOR)
    try:
        terminal.type("4je")
        assert terminal.wait_for(f"2. Edited at line {stop_line}", timeout=10) is not None
    finally:
        terminal.close()


def test_an_editor_that_cannot_start_gives_a_message(seed_copy: Path) -> None:
    terminal = started(seed_copy, str(seed_copy.with_name("no-such-editor")))
    try:
        terminal.type("e")
        assert terminal.wait_for("Could not start the editor", timeout=10) is not None
        terminal.type("2")
        assert terminal.wait_for("comrades-in-arms") is not None
    finally:
        terminal.close()


def test_editor_command_styles() -> None:
    file = Path("b.toml")
    absolute = str(Path.cwd() / "b.toml")
    assert editor_command(file, 7, {"EDITOR": "vim"}) == ["vim", "+7", absolute]
    assert editor_command(file, 7, {"VISUAL": "nvim -u NONE", "EDITOR": "nano"}) == [
        "nvim",
        "-u",
        "NONE",
        "+7",
        absolute,
    ]
    assert editor_command(file, 7, {"EDITOR": "code --wait"}) == ["code", "--wait", "--goto", f"{absolute}:7"]
    assert editor_command(file, 7, {"EDITOR": "/usr/bin/subl -w"}) == ["/usr/bin/subl", "-w", f"{absolute}:7"]
    assert editor_command(file, None, {"EDITOR": "emacs"}) == ["emacs", absolute]
    # TextMate takes every argument but its options as a file's name: the line goes in its -l option.
    assert editor_command(file, 7, {"EDITOR": "mate -w"}) == ["mate", "-w", "-l", "7", absolute]
    assert editor_command(file, None, {"EDITOR": "mate"}) == ["mate", absolute]
    assert editor_command(file, 7, {"EDITOR": "/opt/bin/hx"}) == ["/opt/bin/hx", "+7", absolute]


def test_a_column_goes_to_the_editors_that_take_one_in_their_own_form() -> None:
    file = Path("b.toml")
    absolute = str(Path.cwd() / "b.toml")
    at = {
        "vim": ["+call cursor(48,9)", absolute],
        "/usr/bin/nvim -u NONE": ["+call cursor(48,9)", absolute],
        "nano": ["+48,9", absolute],
        "emacsclient -t": ["+48:9", absolute],
        "micro": ["+48:9", absolute],
        "code --wait": ["--goto", f"{absolute}:48:9"],
        "subl -w": [f"{absolute}:48:9"],
        "mate -w": ["-l", "48:9", absolute],
        "hx": [f"{absolute}:48:9"],
        "vim.basic": ["+call cursor(48,9)", absolute],
        "vim.tiny": ["+48", absolute],  # built without `:call`
        "joe": ["+48", absolute],  # the line alone: an editor not known to take a column is not given one
    }
    for editor, given in at.items():
        words = editor.split()
        assert editor_command(file, 48, {"EDITOR": editor, "PATH": ""}, column=9) == [*words, *given], editor
    assert editor_command(file, None, {"EDITOR": "vim"}, column=9) == ["vim", absolute]
    assert editor_command(file, 48, {"EDITOR": "vim"}) == ["vim", "+48", absolute]


def test_a_program_linked_to_a_known_editor_is_told_as_that_editor(tmp_path: Path) -> None:
    """`vi` and Debian's `editor` are most often links (through /etc/alternatives) to vim, nano or another."""
    programs = tmp_path / "programs"
    links = tmp_path / "bin"
    programs.mkdir()
    links.mkdir()
    for name in ("vim.basic", "vim.tiny", "nano", "nvi", "snap"):
        (programs / name).write_text("#!/bin/sh\n")
        (programs / name).chmod(0o755)
    alternatives = tmp_path / "alternatives"
    alternatives.mkdir()
    (alternatives / "vi").symlink_to(programs / "vim.basic")
    (links / "vi").symlink_to(alternatives / "vi")
    (links / "editor").symlink_to(programs / "nano")
    (links / "ex-vi").symlink_to(programs / "vim.tiny")
    (links / "nvi").symlink_to(programs / "nvi")
    (links / "code").symlink_to(programs / "snap")  # a snap's command: a link to snap, which is no editor
    env = {"PATH": str(links)}
    file = Path("/b.toml")
    assert editor_command(file, 48, {**env, "EDITOR": "vi"}, column=9) == ["vi", "+call cursor(48,9)", "/b.toml"]
    assert editor_command(file, 48, {**env, "EDITOR": "editor"}, column=9) == ["editor", "+48,9", "/b.toml"]
    assert editor_command(file, 48, {**env, "EDITOR": f"{links / 'vi'} -n"}, column=9) == [
        str(links / "vi"),
        "-n",
        "+call cursor(48,9)",
        "/b.toml",
    ]
    assert editor_command(file, 48, {**env, "EDITOR": "ex-vi"}, column=9) == ["ex-vi", "+48", "/b.toml"]
    assert editor_command(file, 48, {**env, "EDITOR": "nvi"}, column=9) == ["nvi", "+48", "/b.toml"]
    assert editor_command(file, 48, {**env, "EDITOR": "code"}, column=9) == ["code", "--goto", "/b.toml:48:9"]
    assert editor_command(file, 48, {**env, "EDITOR": "missing"}, column=9) == ["missing", "+48", "/b.toml"]


def test_without_an_env_the_processs_own_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", "micro")
    assert editor_command(Path("/b.toml"), 3) == ["micro", "+3", "/b.toml"]


def test_with_no_editor_set_the_first_installed_of_nano_vim_vi_is_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    installed = {"vim", "vi"}
    monkeypatch.setattr(shutil, "which", lambda name: f"/usr/bin/{name}" if name in installed else None)
    assert editor_command(Path("/b.toml"), 3, {}) == ["vim", "+3", "/b.toml"]
    installed.add("nano")
    assert editor_command(Path("/b.toml"), 3, {"VISUAL": "", "EDITOR": ""}) == ["nano", "+3", "/b.toml"]
    installed.clear()
    with pytest.raises(NoEditor, match=r"^no editor: set \$VISUAL or \$EDITOR \(for example `export EDITOR=nano`\)$"):
        editor_command(Path("/b.toml"), 3, {})


def test_an_editor_variable_of_blanks_says_so() -> None:
    with pytest.raises(NoEditor, match=r"^\$VISUAL or \$EDITOR is set but empty$"):
        editor_command(Path("/b.toml"), 3, {"EDITOR": "  "})
