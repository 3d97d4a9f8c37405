"""`briefing show`, `briefing export` and `briefing config`, run as subprocesses."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import subprocess
import sys
from pathlib import Path

import pytest
from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from briefing.export import export_text
from briefing.format.document import brief_from_json
from briefing.format.load import load_path
from tests.conftest import DATA, MINIMAL_BRIEF, SEED
from tests.test_cli import briefing_script, run

FULL = DATA / "full.toml"


class TextSnapshot(SingleFileSnapshotExtension):
    _file_extension = "txt"
    _write_mode = WriteMode.TEXT


@pytest.mark.parametrize("width", [60, 100])
def test_show_the_bundled_brief(width: int, snapshot: SnapshotAssertion) -> None:
    done = run("show", str(SEED), "--width", str(width))
    assert (done.returncode, done.stderr) == (0, "")
    assert all(len(line) <= width for line in done.stdout.splitlines())
    assert "\x1b" not in done.stdout
    assert done.stdout == snapshot(extension_class=TextSnapshot)


@pytest.mark.parametrize("width", [60, 100])
def test_show_every_field(width: int, snapshot: SnapshotAssertion) -> None:
    done = run("show", str(FULL), "--width", str(width))
    assert done.returncode == 0
    assert done.stdout == snapshot(extension_class=TextSnapshot)


def test_show_one_section() -> None:
    done = run("show", str(FULL), "--section", "pending", "--width", "100")
    assert done.returncode == 0
    assert "Pending confirmations" in done.stdout and "A draft text by Friday" in done.stdout
    assert "Itinerary" not in done.stdout and "Bottom line" not in done.stdout


def test_show_hostile_text_prints_as_text_without_escapes() -> None:
    done = run("show", str(DATA / "hostile.toml"), "--width", "100")
    assert done.returncode == 0
    assert "[@click=app.quit] [bold]B[/] [/] [TBD]" in done.stdout
    assert "\x1b" not in done.stdout and "\x07" not in done.stdout


def show_in_a_terminal(*args: str, env: dict[str, str]) -> bytes:
    """What `briefing show` writes when its output is a terminal."""
    main, secondary = pty.openpty()
    process = subprocess.Popen(
        [briefing_script(), "show", *args],
        stdin=subprocess.DEVNULL,
        stdout=secondary,
        stderr=secondary,
        env=env,
    )
    os.close(secondary)
    output = b""
    while True:
        ready, _, _ = select.select([main], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(main, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    process.wait(timeout=30)
    os.close(main)
    assert process.returncode == 0, output
    return output


def test_show_styles_a_terminal_unless_no_color() -> None:
    env = {key: value for key, value in os.environ.items() if key not in ("NO_COLOR", "FORCE_COLOR")}
    env["TERM"] = "xterm-256color"
    styled = show_in_a_terminal(str(SEED), "--width", "80", env=env)
    assert b"\x1b[" in styled
    plain = show_in_a_terminal(str(SEED), "--width", "80", env={**env, "NO_COLOR": "1"})
    assert b"\x1b" not in plain
    assert b"Putin Likely To Visit North Korea" in plain


def test_show_on_a_dumb_terminal_writes_plain_text_to_the_width_asked() -> None:
    env = {key: value for key, value in os.environ.items() if key not in ("NO_COLOR", "FORCE_COLOR")}
    dumb = show_in_a_terminal(str(SEED), "--width", "50", env={**env, "TERM": "dumb"}).decode()
    assert "\x1b" not in dumb
    lines = dumb.replace("\r", "").splitlines()
    assert lines[0] == "Putin Likely To Visit North Korea Next Week As Kim"
    assert max(len(line) for line in lines) <= 50


def test_show_does_not_import_textual() -> None:
    code = (
        "import sys; from briefing.cli import main; main(['show', sys.argv[1]]);"
        "print('textual' in ' '.join(sys.modules), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code, str(SEED)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert done.stderr.strip() == "False"


def test_show_bad_input() -> None:
    missing = run("show", "/no/such/brief.toml")
    assert missing.returncode == 2 and "no such file" in missing.stderr
    bad_width = run("show", str(SEED), "--width", "5")
    assert bad_width.returncode == 2 and "width" in bad_width.stderr


def test_show_a_directory_takes_its_only_brief_or_says_how_many_there_are(tmp_path: Path) -> None:
    (tmp_path / "deep" / "er").mkdir(parents=True)
    (tmp_path / "deep" / "er" / "one.toml").write_text(MINIMAL_BRIEF, encoding="utf-8")
    shown = run("show", str(tmp_path), "--section", "summary")
    assert shown.returncode == 0 and "Minimal" in shown.stdout
    (tmp_path / "two.toml").write_text(MINIMAL_BRIEF, encoding="utf-8")
    (tmp_path / "deep" / "three.toml").write_text(MINIMAL_BRIEF, encoding="utf-8")
    several = run("show", str(tmp_path))
    assert (several.returncode, several.stderr) == (
        2,
        f"briefing show: error: {tmp_path} is a directory of 3 briefs; name one file\n",
    )
    (tmp_path / "empty").mkdir()
    none = run("export", str(tmp_path / "empty"), "-f", "json")
    assert (none.returncode, none.stderr) == (
        2,
        f"briefing export: error: {tmp_path / 'empty'} is a directory of 0 briefs; name one file\n",
    )


def test_show_a_bad_brief_lists_its_problems(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(MINIMAL_BRIEF.replace("as_of = 2024-06-12", 'as_of = "soon"'), encoding="utf-8")
    done = run("show", str(path))
    assert done.returncode == 1 and done.stdout == ""
    assert f"{path}:5: error: brief.as_of" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("output_format", ["markdown", "json", "html", "toml"])
def test_export_to_standard_output(output_format: str) -> None:
    """The command prints exactly what the exporter makes of the file."""
    done = run("export", str(FULL), "--format", output_format)
    assert (done.returncode, done.stderr) == (0, "")
    brief = load_path(FULL).brief
    assert brief is not None
    assert done.stdout == export_text(brief, output_format)


def test_export_json_reads_back_equal() -> None:
    done = run("export", str(FULL), "--format", "json")
    assert brief_from_json(done.stdout).brief == load_path(FULL).brief
    assert json.loads(done.stdout)["schema_version"] == 1


def test_export_writes_a_file_and_never_replaces_one_without_force(tmp_path: Path) -> None:
    target = tmp_path / "brief.md"
    first = run("export", str(SEED), "-f", "markdown", "-o", str(target))
    assert first.returncode == 0 and f"wrote {target}" in first.stderr
    written = target.read_text(encoding="utf-8")
    assert written.startswith("# Putin Likely To Visit North Korea")
    target.write_text("my notes", encoding="utf-8")
    refused = run("export", str(SEED), "-f", "markdown", "-o", str(target))
    assert refused.returncode == 1
    assert "already exists" in refused.stderr and "--force" in refused.stderr
    assert target.read_text(encoding="utf-8") == "my notes"
    forced = run("export", str(SEED), "-f", "markdown", "-o", str(target), "--force")
    assert forced.returncode == 0
    assert target.read_text(encoding="utf-8") == written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.md"]


def test_export_bad_output_paths(tmp_path: Path) -> None:
    into_directory = run("export", str(SEED), "-f", "json", "-o", str(tmp_path))
    assert into_directory.returncode == 2 and "is a directory" in into_directory.stderr
    nowhere = run("export", str(SEED), "-f", "json", "-o", str(tmp_path / "missing" / "x.json"))
    assert nowhere.returncode == 1 and "Traceback" not in nowhere.stderr
    unknown = run("export", str(SEED), "-f", "pdf")
    assert unknown.returncode == 2 and "invalid choice" in unknown.stderr


def test_config_path_follows_xdg_config_home(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run([briefing_script(), "config", "path"], capture_output=True, text=True, env=env, timeout=60)
    assert (done.returncode, done.stdout) == (0, f"{tmp_path}/briefing/settings.toml\n")


@pytest.mark.parametrize("width", range(24, 48))
def test_show_cuts_a_line_of_facts_between_facts_not_inside_a_date(width: int) -> None:
    done = run("show", str(FULL), "--width", str(width), "--today", "2024-03-06")
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert any("updated 5 Mar 2024" in line for line in lines)
    assert not [line for line in lines if re.search(r"(As of|updated|since) \d+( [A-Z][a-z]{2})?$", line)]


def test_show_puts_a_stops_flag_and_its_quoted_when_on_a_line_of_their_own_where_they_do_not_fit() -> None:
    done = run("show", str(SEED), "--width", "36", "--today", "2026-12-07")
    assert done.returncode == 0
    lines = [line.strip() for line in done.stdout.splitlines()]
    assert lines.count("‼ passed, unconfirmed") == 1 and "1. Pyongyang, North Korea" in lines
    assert "2. Vietnam  ‼ passed, unconfirmed" in lines
    assert "“around June 19 and 20”" in lines and "17–23 Jun 2024  “next week”" in lines
    assert not [line for line in lines if line.endswith(("·", "passed,", "“around June 19"))]
