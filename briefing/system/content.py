"""Where the briefs that ship with the package live, and whether a path is one of them."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent
"""The `briefing` package folder."""


def bundled_content_dir() -> Path:
    """``briefing/content`` in an installed wheel; the repository's ``content/`` in a checkout."""
    installed = _PACKAGE / "content"
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / "content"


def is_bundled(path: str | os.PathLike[str]) -> bool:
    """True when ``path`` is (or leads, through links, to) a file of the bundled briefs: the package's own, which
    the app shows read-only (writing them would change an installed package, or the project's example)."""
    try:
        resolved = Path(os.path.realpath(path))
        return resolved.is_relative_to(Path(os.path.realpath(bundled_content_dir())))
    except (OSError, ValueError):
        return False
