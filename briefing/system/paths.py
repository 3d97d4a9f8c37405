"""Showing file paths to people: relative to where they are, when that is shorter."""

from __future__ import annotations

import os
from pathlib import Path

from briefing.system.sanitize import escaped


def display_path(path: Path) -> str:
    """The path to show: relative when shorter, control characters in its name written as escapes."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return escaped(str(path))
    return escaped(relative if not relative.startswith("..") else str(path))
