"""Where the briefs that ship with the package live."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent
"""The `briefing` package folder."""


def bundled_content_dir() -> Path:
    """``briefing/content`` in an installed wheel; the repository's ``content/`` in a checkout."""
    installed = _PACKAGE / "content"
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / "content"
