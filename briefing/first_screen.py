"""Where `briefing FILE` keeps the brief's first screen, and showing it at once if it was kept before.

See `briefing.system.kept_frames` for what is kept and under which key. Nothing here imports
Textual: this runs before it is imported, so that a kept screen is up while it loads.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING

from briefing import __version__
from briefing.system.kept_frames import FrameSlot, frame_key, read_frame
from briefing.system.locations import cache_dir
from briefing.system.settings import Settings

if TYPE_CHECKING:
    from briefing.system.pre_draw import PreDrawn

FRAMES = "frames"
"""The cache folder's subfolder of kept first screens."""


def frame_slot(
    path: Path, today: dt.date | None, settings: Settings, theme: str | None, since: str | None
) -> tuple[FrameSlot | None, PreDrawn | None]:
    """Where the first screen of ``path`` is to be kept, and that screen drawn already if one was kept; None,
    None when nothing is kept (no cache folder, no terminal, settings with problems, which a toast shows)."""
    folder = cache_dir()
    if folder is None or settings.warnings or not (sys.stdin.isatty() and sys.stdout.isatty()):
        return None, None
    try:
        data = path.read_bytes()
        columns, rows = os.get_terminal_size(sys.stdout.fileno())
    except (OSError, ValueError):
        return None, None
    context = {
        "briefing": __version__,
        "textual": _textual_stamp(),
        "today": str(today),
        "settings": repr(settings),
        "theme": theme or "",
        "since": since or "",
    }
    directory = folder / FRAMES
    key = frame_key(path, data, context, columns, rows, os.environ)
    frame = read_frame(directory, key) if _own_driver() else None
    if frame is None:
        return FrameSlot(directory, key), None
    from briefing.system.pre_draw import pre_draw  # termios: only where the frame can be drawn (POSIX)

    return FrameSlot(directory, key, frame), pre_draw(frame)


def _textual_stamp() -> str:
    """Which Textual is installed, cheaply (its package metadata takes 90 ms to read): its package file's stamp."""
    spec = find_spec("textual")
    if spec is None or spec.origin is None:
        return ""
    try:
        info = os.stat(spec.origin)
    except OSError:
        return ""
    return f"{spec.origin}:{info.st_size}:{info.st_mtime_ns}"


def _own_driver() -> bool:
    """True when the app will draw through Textual's own terminal driver, which `briefing.ui.pre_drawn` extends;
    not under a driver named in the environment, nor in Textual's headless or dev modes."""
    return os.name == "posix" and "TEXTUAL_DRIVER" not in os.environ and not os.environ.get("TEXTUAL")
