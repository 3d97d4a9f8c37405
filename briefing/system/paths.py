"""Showing file paths to people: relative to where they are, when that is shorter."""

from __future__ import annotations

import os
import shlex
from pathlib import Path

from briefing.system.sanitize import escaped


def display_path(path: Path) -> str:
    """The path to show: relative when shorter, control characters in its name written as escapes."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return escaped(str(path))
    return escaped(relative if not relative.startswith("..") else str(path))


def shell_word(path: str) -> str:
    """``path`` as one word of a command to copy into a shell: its control characters written as escapes (shown
    safely, as `display_path` shows them), quoted where a shell would split or expand it, and after ./ where it
    would be read as an option."""
    shown = escaped(path)
    return shlex.quote("./" + shown if shown.startswith("-") else shown)
