"""Which editor to start on a file, and how to tell it the line: $VISUAL, $EDITOR, or a default."""

from __future__ import annotations

import os
import shlex
import shutil
from collections.abc import Mapping
from pathlib import Path

# Every editor not named below is given `+LINE FILE`, the form vi, vim, nvim, nano, emacs,
# micro, kakoune, helix and most terminal editors take.
# Editors that take `--goto FILE:LINE[:COLUMN]` (VS Code and its relatives).
GOTO_STYLE = {"code", "code-insiders", "codium", "vscodium", "cursor", "windsurf"}
# Editors that take `FILE:LINE` and `FILE:LINE:COLUMN`.
COLON_STYLE = {"subl", "sublime_text", "zed"}
# Editors that take the line as an option's value, `LINE` or `LINE:COLUMN` (TextMate's `mate -l`: it takes every
# other argument as a file's name as written).
LINE_OPTION = {"mate": "-l"}
# Editors that take `+LINE`, and `FILE:LINE:COLUMN` for a column too (Helix).
FILE_COLUMN = {"hx", "helix"}
# Where an editor takes a column too: the argument that names the line and the column, by editor (``{line}``,
# ``{column}``: numbers only). An editor not listed is given the line alone.
# Debian's builds of vim (vim.basic, vim.nox...) are named so; vim.tiny has no `:call`, and gets the line alone.
VIM_NAMES = ("vim", "nvim", "gvim", "mvim", "vimx", "vim.basic", "vim.nox", "vim.gtk", "vim.gtk3", "vim.athena",
             "vim.motif")  # fmt: skip
AT_COLUMN = {
    **{name: "+call cursor({line},{column})" for name in VIM_NAMES},
    "nano": "+{line},{column}",
    **{name: "+{line}:{column}" for name in ("emacs", "emacsclient", "micro", "kak")},
}
FALLBACKS = ("nano", "vim", "vi")


class NoEditor(Exception):
    """No editor is set and none of the usual ones is installed."""


def editor_command(
    path: Path, line: int | None, env: Mapping[str, str] | None = None, column: int | None = None
) -> list[str]:
    """The command that opens ``path`` at ``line`` in the user's editor, at ``column`` (from 1) too where the
    editor takes one (`AT_COLUMN`).

    The file is always named by its absolute path: whatever its name, the editor reads it as a file.
    """
    env = os.environ if env is None else env
    configured = env.get("VISUAL") or env.get("EDITOR")
    if configured:
        words = shlex.split(configured)
    else:
        found = next((name for name in FALLBACKS if shutil.which(name)), None)
        if found is None:
            raise NoEditor("no editor: set $VISUAL or $EDITOR (for example `export EDITOR=nano`)")
        words = [found]
    if not words:
        raise NoEditor("$VISUAL or $EDITOR is set but empty")
    name = _known_name(words[0], env)
    # Absolute, so that a file named `+!cmd` or `-c!cmd` can never be read as an option or an editor command.
    file = os.path.abspath(path)
    if line is None:
        return [*words, file]
    at = f":{int(line)}:{int(column)}" if column is not None else f":{int(line)}"
    if name in LINE_OPTION:
        return [*words, LINE_OPTION[name], at[1:], file]
    if column is not None and name in FILE_COLUMN:
        return [*words, file + at]
    if name in GOTO_STYLE:
        return [*words, "--goto", file + at]
    if name in COLON_STYLE:
        return [*words, file + at]
    if column is not None and name in AT_COLUMN:
        return [*words, AT_COLUMN[name].format(line=int(line), column=int(column)), file]
    return [*words, f"+{line}", file]


def _known_name(program: str, env: Mapping[str, str]) -> str:
    """The name ``program`` is known by here: its own when it is a known editor's, else the name of the program it
    is or links to (`vi` to vim.basic, Debian's `editor` to nano)."""
    name = Path(program).name
    if _is_known(name):
        return name
    found = shutil.which(program, path=env.get("PATH"))
    return name if found is None else Path(os.path.realpath(found)).name


def _is_known(name: str) -> bool:
    return any(name in table for table in (GOTO_STYLE, COLON_STYLE, LINE_OPTION, FILE_COLUMN, AT_COLUMN))
