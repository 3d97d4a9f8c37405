"""File names are untrusted: whatever a brief's file is called, it is never read as an option or a command."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.library.index import Library
from briefing.system.editor import (
    AT_COLUMN,
    COLON_STYLE,
    FILE_COLUMN,
    GOTO_STYLE,
    LINE_OPTION,
    editor_command,
)
from tests.conftest import DATA, MINIMAL_BRIEF, ROOT, SEED
from tests.support.pty_screen import Terminal
from tests.test_library import built

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
@pytest.mark.parametrize(
    "editor", ["vim", "nvim -u NONE", "nano", "emacs -nw", "code --wait", "subl -w", "hx", "mate -w", "joe"]
)
def test_every_editor_style_gets_the_file_as_an_absolute_path(
    name: str, editor: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    words = editor.split()
    for line, column in ((7, None), (None, None), (7, 3)):
        command = editor_command(Path(name), line, {"EDITOR": editor}, column=column)
        assert command[: len(words)] == words
        given = command[len(words) :]
        expected = str(tmp_path / name)
        if line is None:
            assert given == [expected]
        elif words[0] in GOTO_STYLE:
            assert given == ["--goto", f"{expected}:7" + (":3" if column else "")]
        elif words[0] in COLON_STYLE:
            assert given == [f"{expected}:7" + (":3" if column else "")]
        elif words[0] in LINE_OPTION:
            assert given == [LINE_OPTION[words[0]], "7:3" if column else "7", expected]
        elif column and words[0] in FILE_COLUMN:
            assert given == [f"{expected}:7:3"]
        else:
            assert given[-1] == expected and given[:-1] == [AT_COLUMN[words[0]].format(line=7, column=3)
                                                            if column and words[0] in AT_COLUMN else "+7"]  # fmt: skip


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


# -- the command line: names and paths never reach the terminal raw, never crash it ----------------------------

UNSAFE_BYTES = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]")
"""C0 (but newline and tab), DEL, C1 and bidi overrides, as UTF-8 bytes."""


def run_checkout(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """`briefing` from this checkout (not an installed copy), as a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args],
        capture_output=True,
        timeout=60,
        cwd=cwd,
        env={**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT), **(env or {})},
        stdin=subprocess.DEVNULL,
    )


def test_check_json_escapes_c1_and_bidi_in_file_names(tmp_path: Path) -> None:
    name = "evil\u202etxt.\x85\x9b2J.toml"
    (tmp_path / name).write_text("schema_version = 1\n", encoding="utf-8")
    done = run_checkout("check", "--format", "json", str(tmp_path))
    assert done.returncode == 1
    assert UNSAFE_BYTES.search(done.stdout) is None
    assert UNSAFE_BYTES.search(done.stderr) is None
    reported = json.loads(done.stdout)
    assert {Path(problem["file"]).name for problem in reported} == {name}


@pytest.mark.parametrize("command", [("show",), ("export", "-f", "json")])
def test_show_and_export_of_a_folder_with_a_bad_file_print_its_name_escaped(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    (tmp_path / "x\x1b]0;OWNED\x07\x1b[2J.toml").write_text("schema_version = 1\n[brief\n", encoding="utf-8")
    done = run_checkout(*command, str(tmp_path))
    assert done.returncode == 1, done.stderr
    assert b"Traceback" not in done.stderr
    assert UNSAFE_BYTES.search(done.stderr) is None
    assert b"x\\x1b]0;OWNED\\x07\\x1b[2J.toml" in done.stderr


UNDECODABLE = os.fsdecode(b"\xff\x1b[31m.toml")
"""A name that is not UTF-8 (a lone surrogate in Python) and holds an escape sequence."""
STRICT = {"PYTHONIOENCODING": "utf-8:strict"}
"""Standard output as most UTF-8 locales have it: a character it cannot encode is an error, not a raw byte."""


@pytest.fixture
def undecodable_library(tmp_path: Path) -> Path:
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / UNDECODABLE).write_bytes(SEED.read_bytes())
    (folder / os.fsdecode(b"\xfdbroken.toml")).write_text("schema_version = 1\n[brief\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("view", ["pending", "agenda"])
@pytest.mark.parametrize("output", ["text", "csv", "json", "markdown"])
def test_a_board_of_a_file_whose_name_is_not_utf8_prints_it_escaped(
    undecodable_library: Path, view: str, output: str
) -> None:
    done = run_checkout(view, str(undecodable_library), "-f", output, cwd=undecodable_library.parent, env=STRICT)
    assert (done.returncode, done.stderr) == (0, b"")
    assert UNSAFE_BYTES.search(done.stdout) is None
    done.stdout.decode("utf-8")
    if output == "json":
        rows = json.loads(done.stdout)
        assert rows and {os.path.basename(row["brief"]) for row in rows} == {UNDECODABLE}, "the name, exactly"
    elif output == "csv":
        assert b"\\xff\\x1b[31m.toml" in done.stdout, "as the text shows a name: CSV has no escapes of its own"
    else:
        assert b"Putin Likely To Visit" in done.stdout


@pytest.mark.parametrize("command", [("agenda", "lib", "-f", "ics"), ("export", f"lib/{UNDECODABLE}", "-f", "ics")])
def test_a_calendar_of_a_file_whose_name_is_not_utf8_is_written(
    undecodable_library: Path, command: tuple[str, ...]
) -> None:
    done = run_checkout(*command, cwd=undecodable_library.parent, env=STRICT)
    assert (done.returncode, done.stderr) == (0, b"")
    assert done.stdout.count(b"BEGIN:VEVENT") == 2
    assert UNSAFE_BYTES.search(done.stdout.replace(b"\r\n", b"")) is None


def test_a_site_of_a_library_with_a_name_not_utf8_is_written(undecodable_library: Path, tmp_path: Path) -> None:
    done = run_checkout("site", str(undecodable_library), "-o", str(tmp_path / "site"), env=STRICT)
    assert done.returncode == 0, done.stderr
    index = (tmp_path / "site" / "index.html").read_bytes()
    assert b"\\xfdbroken.toml: 1 problem" in index
    for page in (tmp_path / "site").rglob("*.html"):
        assert UNSAFE_BYTES.search(page.read_bytes()) is None, page


def test_check_reports_a_symlink_loop_named_like_a_brief(tmp_path: Path) -> None:
    (tmp_path / "good.toml").write_text(MINIMAL_BRIEF, encoding="utf-8")
    (tmp_path / "loop.toml").symlink_to(tmp_path / "loop.toml")
    (tmp_path / "a.toml").symlink_to(tmp_path / "b.toml")
    (tmp_path / "b.toml").symlink_to(tmp_path / "a.toml")
    done = run_checkout("check", str(tmp_path), cwd=tmp_path)
    assert done.returncode == 1
    assert b"Traceback" not in done.stderr
    lines = done.stdout.decode().splitlines()
    assert [line.split(":")[0] for line in lines] == [str(tmp_path / n) for n in ("a.toml", "b.toml", "loop.toml")]
    assert all(line.endswith("is a symlink that goes round in a loop") for line in lines)


def test_every_command_on_a_symlink_loop_says_so(tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    for args in (("check", str(loop)), ("show", str(loop)), ("export", "-f", "json", str(loop))):
        done = run_checkout(*args)
        assert done.returncode == 1, (args, done.stderr)
        assert b"Traceback" not in done.stderr
        assert b"round in a loop" in done.stdout + done.stderr


def test_a_library_whose_root_loops_is_listed_not_crashed(tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    good = tmp_path / "good"
    good.mkdir()
    (good / "one.toml").write_text(MINIMAL_BRIEF, encoding="utf-8")
    lib = Library([loop, good], tmp_path / "cache")
    entries = {Path(path).name: entry for path, entry in built(lib).items()}
    assert entries["one.toml"].ok
    assert entries["loop"].problems[0].message == "is a symlink that goes round in a loop"


X_TABLE = (
    '\n[x]\n"key\\u0085" = '
    '"C1 \\u0085\\u009b2J, bidi \\u202e\\u2066, DEL \\u007f, line \\u2028, esc \\u001b]0;T\\u0007"\n'
)


@pytest.mark.parametrize("output", ["json", "toml"])
def test_exports_write_the_x_tables_controls_as_escapes(tmp_path: Path, output: str) -> None:
    path = tmp_path / "x.toml"
    path.write_text(MINIMAL_BRIEF + X_TABLE, encoding="utf-8")
    done = run_checkout("export", "-f", output, str(path))
    assert done.returncode == 0, done.stderr
    assert UNSAFE_BYTES.search(done.stdout) is None
    assert "\u2028".encode() not in done.stdout
    text = done.stdout.decode("utf-8")
    if output == "json":
        extensions = json.loads(text)["x"]
    else:
        import tomllib

        extensions = tomllib.loads(text)["x"]
    assert extensions == {"key\x85": "C1 \x85\x9b2J, bidi \u202e\u2066, DEL \x7f, line \u2028, esc \x1b]0;T\x07"}
