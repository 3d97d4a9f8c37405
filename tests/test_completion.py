"""`briefing completion`: shell scripts made from the argument parsers; the bash one is sourced and asked."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

COMPLETE = """
source "$1"
shift
COMP_WORDS=("$@")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
COMPREPLY=()
_shtab_briefing
printf '%s\\n' "${COMPREPLY[@]}"
"""


def script(shell: str, tmp_path: Path) -> Path:
    done = subprocess.run([sys.executable, "-m", "briefing", "completion", shell], capture_output=True, text=True,
                          timeout=60, cwd=tmp_path)  # fmt: skip
    assert (done.returncode, done.stderr) == (0, "")
    path = tmp_path / "scripts" / f"briefing.{shell}"
    path.parent.mkdir(exist_ok=True)
    path.write_text(done.stdout, encoding="utf-8")
    return path


def completed(tmp_path: Path, *words: str) -> list[str]:
    bash = shutil.which("bash")
    assert bash is not None
    done = subprocess.run([bash, "-c", COMPLETE, "complete", str(script("bash", tmp_path)), "briefing", *words],
                          capture_output=True, text=True, cwd=tmp_path, timeout=60)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return sorted(line for line in done.stdout.splitlines() if line)


def test_bash_completes_subcommands_formats_sections_and_files(tmp_path: Path) -> None:
    (tmp_path / "brief.toml").write_text("", encoding="utf-8")
    assert completed(tmp_path, "ex") == ["export"]
    assert completed(tmp_path, "pe") == ["pending"]
    assert completed(tmp_path, "export", "brief.toml", "-f", "") == ["html", "ics", "json", "markdown", "toml"]
    assert completed(tmp_path, "agenda", "-f", "i") == ["ics"]
    assert completed(tmp_path, "show", "brief.toml", "--section", "p") == ["pending"]
    assert completed(tmp_path, "show", "bri") == ["brief.toml"]
    assert completed(tmp_path, "pending", "--fi") == ["--filter"]


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_zsh_and_fish_scripts_name_every_subcommand(shell: str, tmp_path: Path) -> None:
    from briefing.arguments import COMPLETED_COMMANDS

    text = script(shell, tmp_path).read_text(encoding="utf-8")
    for command in COMPLETED_COMMANDS:
        assert command in text
    assert "ics" in text and "pending" in text


def test_an_unknown_shell_is_a_usage_error(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "briefing", "completion", "tcsh"], capture_output=True, text=True,
                          timeout=60)  # fmt: skip
    assert done.returncode == 2 and "invalid choice: 'tcsh'" in done.stderr
