"""Which editor to start on a file, and how to tell it the line: $VISUAL, $EDITOR, or a default."""

from __future__ import annotations

import os
import shlex
import shutil
from collections.abc import Mapping
from pathlib import Path

# Every editor not named below is given `+LINE FILE`, the form vi, vim, nvim, nano, emacs,
# micro, kakoune, helix and most terminal editors take.
# Editors that take `--goto FILE:LINE` (VS Code and its relatives).
GOTO_STYLE = {"code", "code-insiders", "codium", "vscodium", "cursor", "windsurf"}
# Editors that take `FILE:LINE`.
COLON_STYLE = {"subl", "sublime_text", "zed", "mate"}
FALLBACKS = ("nano", "vim", "vi")


class NoEditor(Exception):
    """No editor is set and none of the usual ones is installed."""


def editor_command(path: Path, line: int | None, env: Mapping[str, str] | None = None) -> list[str]:
    """The command that opens ``path`` at ``line`` in the user's editor.

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
    name = Path(words[0]).name
    # Absolute, so that a file named `+!cmd` or `-c!cmd` can never be read as an option or an editor command.
    file = os.path.abspath(path)
    if line is None:
        return [*words, file]
    if name in GOTO_STYLE:
        return [*words, "--goto", f"{file}:{line}"]
    if name in COLON_STYLE:
        return [*words, f"{file}:{line}"]
    return [*words, f"+{line}", file]
