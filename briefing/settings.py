"""The user's settings: a small TOML file in the config directory, read at start, never trusted blindly.

::

    theme = "nord"                      # any built-in Textual theme
    content = ["~/briefs"]              # what `briefing` opens with no PATH (a path or a list)

    [keys]                              # remap keys by binding id (`?` in the app lists them)
    "app.quit" = "ctrl+q"
    "list.down" = "j,down"

A broken file gives warnings and the defaults, never an error: a bad setting
costs that setting, not the app. The theme chosen in the app is written back
with a one-line edit that keeps the rest of the file (comments too) as it was.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing.files import SaveError, atomic_write

KNOWN_KEYS = ("theme", "keys", "content")
MAX_SETTINGS_BYTES = 64 * 1024
# Patterns compiled on first use (``re`` caches them): a start that reads the settings needs none of them.
_THEME_LINE = r"""(?m)^(?P<lead>[ \t]*theme[ \t]*=[ \t]*)(?P<value>"(?:[^"\\\n]|\\.)*"|'[^'\n]*')(?=[ \t]*(?:#|$))"""
_TABLE_HEADER = r"(?m)^[ \t]*\["
_TOML_POSITION = r"\s*\(at line (\d+), column (\d+)\)$"


def settings_path() -> Path:
    """``$XDG_CONFIG_HOME/briefing/settings.toml``, with ``~/.config`` when the variable is unset or relative."""
    base = os.environ.get("XDG_CONFIG_HOME", "")
    root = Path(base) if base and os.path.isabs(base) else Path.home() / ".config"
    return root / "briefing" / "settings.toml"


@dataclass(frozen=True)
class Settings:
    theme: str | None = None
    keys: Mapping[str, str] = field(default_factory=dict)
    """Binding id -> keys, comma-separated, as Textual's keymap takes them."""
    content: tuple[Path, ...] = ()
    warnings: tuple[str, ...] = ()
    """What was wrong with the file, each naming the file; the settings above are what could be used."""
    readable: bool = True
    """False when the file could not be read as TOML: the app then never writes to it."""


def _flatten_keys(table: Mapping[str, Any], prefix: str, warn: list[str], where: str) -> dict[str, str]:
    """``[keys]`` entries; ``app.quit = "x"`` written unquoted nests in TOML and is read the same as quoted."""
    keys: dict[str, str] = {}
    for name, value in table.items():
        binding = f"{prefix}{name}"
        if isinstance(value, dict):
            keys.update(_flatten_keys(value, f"{binding}.", warn, where))
        elif isinstance(value, str) and value.strip():
            keys[binding] = ",".join(part.strip() for part in value.split(","))
        else:
            warn.append(f'{where}: keys.{binding}: expected keys as a string like "ctrl+q" or "j,down"')
    return keys


def _content(value: object, warn: list[str], where: str) -> tuple[Path, ...]:
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not all(isinstance(name, str) and name for name in names):
        warn.append(f"{where}: content: expected a path or a list of paths")
        return ()
    return tuple(Path(name).expanduser() for name in names)


def read_settings(path: Path | None = None) -> Settings:
    """The settings in the file (defaults when there is none); problems become warnings."""
    path = path or settings_path()
    where = str(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_SETTINGS_BYTES + 1)
    except FileNotFoundError:
        return Settings()
    except IsADirectoryError:
        return Settings(warnings=(f"{where}: is a directory, not a settings file; using the defaults",), readable=False)
    except OSError as error:
        reason = error.strerror or str(error)
        return Settings(warnings=(f"{where}: cannot be read ({reason}); using the defaults",), readable=False)
    if len(data) > MAX_SETTINGS_BYTES:
        return Settings(warnings=(f"{where}: larger than 64 KiB; using the defaults",), readable=False)
    try:
        document = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        return Settings(warnings=(f"{where}: not UTF-8 text; using the defaults",), readable=False)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        if position := re.search(_TOML_POSITION, message):
            where += f":{position.group(1)}:{position.group(2)}"
            message = message[: position.start()]
        return Settings(warnings=(f"{where}: TOML syntax: {message}; using the defaults",), readable=False)
    warn: list[str] = []
    for key in document:
        if key not in KNOWN_KEYS:
            warn.append(f"{where}: unknown setting `{key}` (the settings are {', '.join(KNOWN_KEYS)})")
    theme = document.get("theme")
    if theme is not None and not (isinstance(theme, str) and theme):
        warn.append(f'{where}: theme: expected a theme name, like "nord"')
        theme = None
    keys: dict[str, str] = {}
    if "keys" in document:
        if isinstance(document["keys"], dict):
            keys = _flatten_keys(document["keys"], "", warn, where)
        else:
            warn.append(f'{where}: keys: expected a table [keys] of binding id = "keys"')
    content = _content(document["content"], warn, where) if "content" in document else ()
    return Settings(theme, keys, content, tuple(warn))


def _quoted(text: str) -> str:
    import tomli_w

    return tomli_w.dumps({"v": text})[len("v = ") :].rstrip("\n")


def with_theme(text: str, theme: str) -> str:
    """``text`` with its top-level ``theme`` set to ``theme``: one line changed or added, the rest as it was."""
    header = re.search(_TABLE_HEADER, text)
    top = text[: header.start()] if header else text
    found = re.search(_THEME_LINE, top)
    if found:
        start, end = found.span("value")
        return text[:start] + _quoted(theme) + text[end:]
    line = f"theme = {_quoted(theme)}\n"
    if header:
        return text[: header.start()] + line + "\n" + text[header.start() :]
    return text + ("\n" if text and not text.endswith("\n") else "") + line


def _without_theme(document: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in document.items() if key != "theme"}


def save_theme(theme: str, path: Path | None = None) -> None:
    """Remember ``theme`` in the settings file, creating it if need be. Raises SaveError, file untouched."""
    path = path or settings_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = "# briefing settings: see `briefing config path` and the README.\n"
    except (OSError, UnicodeDecodeError) as error:
        raise SaveError(f"cannot read {path}: {error}") from error
    new_text = with_theme(text, theme)
    try:
        before = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SaveError(f"{path} has a TOML error; fix it first ({error})") from error
    try:
        after = tomllib.loads(new_text)
    except tomllib.TOMLDecodeError:
        after = {}
    if after.get("theme") != theme or _without_theme(after) != _without_theme(before):
        raise SaveError(f"cannot change the theme in {path} safely: set `theme = {_quoted(theme)}` by hand")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise SaveError(f"cannot create {path.parent}: {error.strerror or error}") from error
    atomic_write(path, new_text.encode("utf-8"))
