"""Where briefing keeps its own files: the XDG base directories, and what to do without a home.

Each location is None when it cannot be known (no $HOME, no passwd entry, no XDG variable): the
caller then goes without that file (no settings read, no cache kept) rather than guessing a place.
"""

from __future__ import annotations

import os
from pathlib import Path

APP = "briefing"


def home() -> Path | None:
    """The user's home directory, or None when neither $HOME nor the passwd database names one."""
    expanded = os.path.expanduser("~")
    return Path(expanded) if os.path.isabs(expanded) else None


def _base(variable: str, fallback: tuple[str, ...]) -> Path | None:
    value = os.environ.get(variable, "")
    if value and os.path.isabs(value):
        return Path(value)
    root = home()
    return root.joinpath(*fallback) if root is not None else None


def config_dir() -> Path | None:
    """``$XDG_CONFIG_HOME/briefing``, else ``~/.config/briefing``."""
    base = _base("XDG_CONFIG_HOME", (".config",))
    return base / APP if base is not None else None


def cache_dir() -> Path | None:
    """``$XDG_CACHE_HOME/briefing``, else ``~/.cache/briefing``."""
    base = _base("XDG_CACHE_HOME", (".cache",))
    return base / APP if base is not None else None


def data_dir() -> Path | None:
    """``$XDG_DATA_HOME/briefing``, else ``~/.local/share/briefing``: files briefing keeps for the user's other
    tools (the brief format's JSON Schema, for editors)."""
    base = _base("XDG_DATA_HOME", (".local", "share"))
    return base / APP if base is not None else None


def state_dir() -> Path | None:
    """``$XDG_STATE_HOME/briefing``, else ``~/.local/state/briefing``: what the app remembers of its reader
    (which version of each brief they last viewed)."""
    base = _base("XDG_STATE_HOME", (".local", "state"))
    return base / APP if base is not None else None


def expand_user(name: str) -> Path:
    """``name`` with a leading ``~`` or ``~user`` expanded; ValueError, saying which, when it cannot be."""
    path = os.path.expanduser(name)
    if path.startswith("~"):
        user = path[1:].split(os.sep, 1)[0]
        raise ValueError(f"no home directory is known for {'~' + user if user else '~'}")
    return Path(path)
