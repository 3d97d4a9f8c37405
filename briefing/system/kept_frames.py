"""The first screen of a brief as the app last drew it, kept in the cache folder to be shown at once next time.

Starting Textual takes most of a start-up (docs/first-paint.md). The app keeps the terminal
output of a brief's complete first screen, drawn before any change since the reader last
looked is marked, under a key made of everything that screen is drawn from: the file's
bytes and path, today, the settings, the theme, the terminal's size and kind, and the
versions of briefing and Textual. The next start with the same key writes it to the
terminal before importing Textual, and Textual then draws the same cells over it.

A kept frame is an untrusted file like any in the cache: it reaches the terminal only if it
is nothing but cursor moves to a row, colours and attributes, and printable text.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from briefing.system.files import atomic_write, read_regular

HEADER = "briefing-frame 1"
"""The first line of a kept frame: its format. A file without it is not read."""
MAX_BYTES = 4 * 1024 * 1024
"""A kept frame larger than this is not read: a 300x100 screen of single styled cells is well under it."""
KEEP = 32
"""How many frames the folder keeps: the newest, by when they were written."""
TERMINAL_VARIABLES = ("TERM", "COLORTERM", "NO_COLOR", "FORCE_COLOR", "TERM_PROGRAM", "COLUMNS", "LINES")
"""The environment that changes how Textual draws (with every TEXTUAL_* variable)."""

_SAFE_FRAME = re.compile(
    # A cursor move to a row and column, or a style (SGR: colours and attributes, nothing else).
    r"(?:\x1b\[[0-9]{1,4};[0-9]{1,4}H|\x1b\[[0-9;]{0,80}m"
    # Printable text: no C0 or C1 control, DEL, or bidirectional override that could reorder what follows it.
    r"|[^\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069])*"
)


@dataclass(frozen=True)
class FrameSlot:
    """Where the app keeps the first screen of the brief it opens, and what it showed from there (if anything)."""

    directory: Path
    key: str
    shown: str | None = None


def frame_key(
    path: Path, data: bytes, context: Mapping[str, str], columns: int, rows: int, environ: Mapping[str, str]
) -> str:
    """The key of the first screen of the brief at ``path`` holding ``data``: ``context`` names what else it is
    drawn from (today, settings, theme, versions), as text."""
    terminal = {name: text for name, text in environ.items() if name in TERMINAL_VARIABLES or name[:7] == "TEXTUAL"}
    described = {
        "format": HEADER,
        "path": os.fsdecode(os.path.abspath(path)),
        "data": hashlib.sha256(data).hexdigest(),
        "context": dict(sorted(context.items())),
        "size": [columns, rows],
        "terminal": dict(sorted(terminal.items())),
    }
    return hashlib.sha256(json.dumps(described, sort_keys=True).encode()).hexdigest()


def safe_frame(frame: str) -> bool:
    """True when ``frame`` holds nothing a terminal would take as anything but a cursor move, a style or text."""
    return _SAFE_FRAME.fullmatch(frame) is not None


def _frame_file(directory: Path, key: str) -> Path:
    if not re.fullmatch(r"[0-9a-f]{64}", key):
        raise ValueError(f"not a frame key: {key!r}")
    return directory / f"{key}.frame"


def read_frame(directory: Path, key: str) -> str | None:
    """The frame kept under ``key``, if there is one and it is safe to show; else None."""
    try:
        data, _ = read_regular(_frame_file(directory, key), MAX_BYTES, follow_symlinks=False)
    except OSError:  # none kept, or not a regular file, or too large
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    header, _, frame = text.partition("\n")
    if header != HEADER or not frame or not safe_frame(frame):
        return None
    return frame


def keep_frame(directory: Path, key: str, frame: str) -> None:
    """Keep ``frame`` under ``key`` (OSError if it cannot be written); only the newest frames stay.

    A frame that could not be shown back (a control sequence of another kind, say a link) is not kept."""
    if not safe_frame(frame) or not frame:
        return
    data = f"{HEADER}\n{frame}".encode()
    if len(data) > MAX_BYTES:
        return
    directory.mkdir(parents=True, exist_ok=True)
    atomic_write(_frame_file(directory, key), data)
    _prune(directory)


def _prune(directory: Path) -> None:
    kept: list[tuple[int, Path]] = []
    with os.scandir(directory) as entries:
        for entry in entries:
            if entry.name.endswith(".frame") and entry.is_file(follow_symlinks=False):
                try:
                    kept.append((entry.stat(follow_symlinks=False).st_mtime_ns, Path(entry.path)))
                except OSError:
                    continue
    kept.sort(reverse=True)
    for _, old in kept[KEEP:]:
        try:
            old.unlink()
        except OSError:
            continue
