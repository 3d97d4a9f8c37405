"""The command line, run as a subprocess: exit codes, messages, and never a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import MINIMAL_BRIEF, ROOT, SEED

WriteBrief = Callable[..., Path]


def briefing_script() -> str:
    script = Path(sys.executable).with_name("briefing")
    found = str(script) if script.exists() else shutil.which("briefing")
    assert found, "the `briefing` console script is not installed"
    return found


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        [briefing_script(), *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
    )


def test_the_cli_under_test_is_the_checkout(tmp_path: Path) -> None:
    """The subprocesses run this checkout's code (an editable install), not a copy installed beside it: a change to
    ``briefing/cli.py`` is what its tests see."""
    where = "import briefing, sys; print(briefing.__file__)"
    done = subprocess.run([sys.executable, "-c", where], capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert Path(done.stdout.strip()).resolve() == ROOT / "briefing" / "__init__.py"
    # The console script runs that environment's interpreter, so it imports the same package.
    shebang = Path(briefing_script()).read_text(encoding="utf-8").splitlines()[0]
    assert Path(shebang.removeprefix("#!")).parent == Path(sys.executable).parent


def test_check_bundled_content_is_clean(tmp_path: Path) -> None:
    done = run("check", str(ROOT / "content"), cwd=tmp_path)
    assert (done.returncode, done.stdout) == (0, "")
    assert done.stderr == "1 brief OK\n"


def test_check_reports_every_problem_and_exits_1(write_brief: WriteBrief) -> None:
    path = write_brief(MINIMAL_BRIEF.replace('title = "Minimal"', "title = 3\nfoo = 1"))
    done = run("check", str(path))
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        f"{path}:4: error: brief.title: expected a string, got the integer 3",
        f"{path}:5: error: brief.foo: unknown key `foo`; "
        "[brief] takes: title, as_of, category, tags, dateline, updated",
    ]
    assert done.stderr == "2 problems in 1 of 1 files\n"


def test_check_syntax_error_has_column(write_brief: WriteBrief) -> None:
    path = write_brief("schema_version = = 1\n")
    done = run("check", str(path))
    assert done.returncode == 1
    assert done.stdout.startswith(f"{path}:1:18: error: TOML syntax: ")


def test_check_mixes_good_and_bad_files_in_a_directory(tmp_path: Path) -> None:
    (tmp_path / "good.toml").write_text(MINIMAL_BRIEF, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "bad.toml").write_bytes(b"\xff\xfe\x00garbage")
    (tmp_path / "notes.txt").write_text("not a brief", encoding="utf-8")
    done = run("check", str(tmp_path))
    assert done.returncode == 1
    bad = tmp_path / "sub" / "bad.toml"
    assert done.stdout == f"{bad}:1:1: error: not UTF-8 text (byte 0xff cannot be decoded)\n"
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00\x01\x02", b"[[[[", b"a = [" * 3000, b"schema_version = 1\n" * 2, "é".encode("latin-1")],
)
def test_check_never_prints_a_traceback(write_brief: WriteBrief, content: bytes) -> None:
    path = write_brief("")
    path.write_bytes(content)
    done = run("check", str(path))
    assert done.returncode == 1
    assert done.stdout.startswith(f"{path}")
    assert "Traceback" not in done.stdout + done.stderr


def test_check_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    done = run("check", str(tmp_path / "nope.toml"))
    assert done.returncode == 2
    assert done.stderr == f"briefing check: error: no such file or directory: {tmp_path / 'nope.toml'}\n"


def test_check_without_paths_is_a_usage_error() -> None:
    done = run("check")
    assert done.returncode == 2
    assert "the following arguments are required: PATH" in done.stderr


def test_check_empty_directory_is_a_usage_error(tmp_path: Path) -> None:
    done = run("check", str(tmp_path))
    assert (done.returncode, done.stderr) == (2, f"briefing check: error: no *.toml briefs under {tmp_path}\n")


def test_open_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    done = run(str(tmp_path / "missing.toml"))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"briefing: error: no such file or directory: {tmp_path / 'missing.toml'}\n"


def test_open_several_paths_with_one_missing_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(MINIMAL_BRIEF, encoding="utf-8")
    done = run(str(tmp_path / "a.toml"), str(tmp_path / "gone"))
    assert (done.returncode, done.stderr) == (2, f"briefing: error: no such file or directory: {tmp_path / 'gone'}\n")


def test_unknown_option_is_a_usage_error() -> None:
    done = run("--frobnicate")
    assert done.returncode == 2
    assert "unrecognized arguments: --frobnicate" in done.stderr


def test_version_and_help() -> None:
    assert run("--version").stdout.startswith("briefing ")
    helped = run("--help")
    assert helped.returncode == 0
    assert "check PATH" in helped.stdout
    for variable in ("BRIEFING_PATH", "BRIEFING_CLIPBOARD", "VISUAL, EDITOR"):
        assert variable in helped.stdout


def test_check_runs_from_the_installed_package_with_python_m(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "briefing", "check", str(SEED)], capture_output=True, text=True, cwd=tmp_path
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_new_writes_a_valid_brief_with_a_working_schema_line(tmp_path: Path) -> None:
    import json
    from urllib.parse import urlsplit
    from urllib.request import url2pathname

    path = tmp_path / "draft.toml"
    done = run("new", str(path), "--title", 'A "quoted" title', "--as-of", "2024-06-12")
    assert done.returncode == 0, done.stderr
    text = path.read_text(encoding="utf-8")
    first_line = text.splitlines()[0]
    # Not into the installed package (it moves with the virtualenv): the user's own copy, in the data directory.
    schema = Path(url2pathname(urlsplit(first_line.removeprefix("#:schema ")).path))
    assert schema == Path(os.environ["XDG_DATA_HOME"]) / "briefing" / "brief.schema.json"
    assert json.loads(schema.read_text(encoding="utf-8"))["required"] == ["schema_version", "brief", "summary"]
    for section in ("[brief]", "[summary]", "[[quotes]]", "[[confirmations]]", "[[itinerary]]", "[[sources]]"):
        assert section in text
    assert 'title = "A \\"quoted\\" title"' in text
    assert "as_of = 2024-06-12" in text
    assert run("check", str(path)).returncode == 0


def test_new_in_a_folder_with_its_own_schema_points_at_it_relatively(tmp_path: Path) -> None:
    (tmp_path / "brief.schema.json").write_text("{}", encoding="utf-8")
    (tmp_path / "2024").mkdir()
    done = run("new", str(tmp_path / "2024" / "draft.toml"))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "2024" / "draft.toml").read_text(encoding="utf-8").startswith("#:schema ../brief.schema.json\n")


@pytest.mark.parametrize(
    ("name", "word"),
    [
        ("draft.toml", "draft.toml"),
        ("my draft.toml", "'my draft.toml'"),
        ("it's.toml", "'it'\"'\"'s.toml'"),
        ("-x.toml", "./-x.toml"),
        ("a\n[brief]\ntitle = 'x'\n.toml", "'a\\n[brief]\\ntitle = '\"'\"'x'\"'\"'\\n.toml'"),
        ("\x1b[2Jb.toml", "'\\x1b[2Jb.toml'"),
        ("\udcff.toml", "'\\xff.toml'"),  # a byte that is not UTF-8: the name was a traceback
    ],
)
def test_new_names_its_file_as_one_word_a_shell_reads_and_never_as_toml(tmp_path: Path, name: str, word: str) -> None:
    done = run("new", "--", name, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stderr
    assert done.stderr.endswith(f"and watch it with `briefing {word}`\n")
    lines = (tmp_path / name).read_text(encoding="utf-8").splitlines()
    assert lines[1] == f"# A brief in the briefing format. Watch it as you write it: `briefing {word}`."
    assert lines[2].startswith(f"# Check it: `briefing check {word}`.")
    assert run("check", "--", name, cwd=tmp_path).returncode == 0, "a name's lines are comment, not TOML"
    if name.isprintable():
        shown = subprocess.run(["sh", "-c", f"printf %s {word}"], capture_output=True, text=True, cwd=tmp_path)
        assert shown.stdout in (name, f"./{name}"), "the shell reads the word as the file's name"


def test_new_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text("precious", encoding="utf-8")
    done = run("new", str(path))
    assert done.returncode == 1
    assert done.stderr == f"briefing new: error: {path} already exists; it was not touched\n"
    assert path.read_text(encoding="utf-8") == "precious"


def test_new_in_a_missing_directory_is_a_usage_error(tmp_path: Path) -> None:
    done = run("new", str(tmp_path / "no" / "such" / "dir.toml"))
    assert done.returncode == 2


def test_schema_prints_the_shipped_json_schema() -> None:
    import json

    done = run("schema")
    assert done.returncode == 0
    assert json.loads(done.stdout)["required"] == ["schema_version", "brief", "summary"]


def test_check_json_output(write_brief: WriteBrief) -> None:
    import json

    path = write_brief("schema_version = 1\n[brief]\ntitle = 3\n")
    done = run("check", "--format", "json", str(path))
    assert done.returncode == 1
    assert json.loads(done.stdout) == [
        {"file": str(path), "line": None, "column": None, "key": "summary",
         "message": "missing required table [summary]"},
        {"file": str(path), "line": 2, "column": None, "key": "brief.as_of", "message": "missing required key `as_of`"},
        {"file": str(path), "line": 3, "column": None, "key": "brief.title",
         "message": "expected a string, got the integer 3"},
    ]  # fmt: skip
    clean = run("check", "--format", "json", str(SEED))
    assert (clean.returncode, clean.stdout) == (0, "[]\n")


def test_check_writes_control_characters_in_file_names_as_escapes(tmp_path: Path) -> None:
    """A file name is text from somewhere else too: it must not send a sequence to the terminal."""
    name = "brief\x1b]0;PWNED\x07\u202e.toml"
    (tmp_path / name).write_text(MINIMAL_BRIEF.replace('title = "Minimal"', "title = 3"), encoding="utf-8")
    done = run("check", str(tmp_path))
    assert done.returncode == 1
    assert "\x1b" not in done.stdout and "\x07" not in done.stdout and "\u202e" not in done.stdout
    assert "brief\\x1b]0;PWNED\\x07\\u202e.toml:4: error: brief.title" in done.stdout


def test_the_app_with_no_terminal_says_to_use_show(tmp_path: Path) -> None:
    brief = tmp_path / "brief.toml"
    shutil.copy(SEED, brief)
    done = run("brief.toml", cwd=tmp_path)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == (
        "briefing: error: standard output is not a terminal, so there is no screen to draw on; to print a brief, "
        "use `briefing show brief.toml` (or `briefing export brief.toml -f markdown`)\n"
    )
