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

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli

from briefing.system.files import (
    FileTooLargeError,
    NotRegularFileError,
    SaveError,
    atomic_write,
    read_regular,
)
from briefing.system.locations import config_dir, expand_user
from briefing.system.sanitize import escaped
from briefing.system.today import parse as parse_today

KNOWN_KEYS = ("theme", "keys", "content", "today", "ages", "remember")
MAX_SETTINGS_BYTES = 64 * 1024
# Patterns compiled on first use (``re`` caches them): a start that reads the settings needs none of them.
_THEME_LINE = r"""(?m)^(?P<lead>[ \t]*theme[ \t]*=[ \t]*)(?P<value>"(?:[^"\\\n]|\\.)*"|'[^'\n]*')(?=[ \t]*(?:#|\r?$))"""
_TABLE_HEADER = r"(?m)^[ \t]*\["
_TOML_POSITION = r"\s*\(at line (\d+), column (\d+)\)$"


def settings_path() -> Path | None:
    """``$XDG_CONFIG_HOME/briefing/settings.toml``, with ``~/.config`` when the variable is unset or relative;
    None when there is no home directory either."""
    folder = config_dir()
    return folder / "settings.toml" if folder is not None else None


_MODIFIERS = frozenset(("ctrl", "shift", "alt", "meta", "super", "hyper"))
_KEY_NAME = r"[a-z0-9_]+"


def _valid_key(key: str) -> bool:
    """A key as Textual names it: ``j``, ``?``, ``down``, ``ctrl+q``, ``shift+tab``, ``question_mark``."""
    *modifiers, last = key.split("+") if key != "+" else ["+"]
    if not all(modifier in _MODIFIERS for modifier in modifiers):
        return False
    if len(last) == 1:
        return last.isprintable() and not last.isspace()
    return re.fullmatch(_KEY_NAME, last) is not None


@dataclass(frozen=True)
class Settings:
    theme: str | None = None
    keys: Mapping[str, str] = field(default_factory=dict)
    """Binding id -> keys, comma-separated, as Textual's keymap takes them."""
    content: tuple[Path, ...] = ()
    today: str | None = None
    """The date ages count to, as written (YYYY-MM-DD or as-of); checked when read."""
    ages: Mapping[str, int] = field(default_factory=dict)
    """``[ages]``: days after which a pending confirmation is ageing or overdue, and a brief stale."""
    remember: bool = True
    """False: what the reader has seen is not kept (no read state), and nothing is marked as changed since."""
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
            continue
        parts = [part.strip() for part in value.split(",")] if isinstance(value, str) else []
        if not binding.isprintable():
            warn.append(f"{where}: keys.{escaped(binding)}: not a binding id (docs/keys.md lists them)")
        elif not parts or not all(parts):
            warn.append(f'{where}: keys.{escaped(binding)}: expected keys as a string like "ctrl+q" or "j,down"')
        elif bad := [part for part in parts if not _valid_key(part)]:
            names = ", ".join(f"“{escaped(part)}”" for part in bad)
            warn.append(f"{where}: keys.{escaped(binding)}: not a key name: {names} (like j, ?, down, ctrl+q)")
        else:
            keys[binding] = ",".join(parts)
    return keys


def _content(value: object, warn: list[str], where: str) -> tuple[Path, ...]:
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not all(isinstance(name, str) and name for name in names):
        warn.append(f"{where}: content: expected a path or a list of paths")
        return ()
    paths: list[Path] = []
    for name in names:
        if "\0" in name:
            warn.append(f"{where}: content: “{escaped(name)}” holds a NUL character; left out")
            continue
        try:
            paths.append(expand_user(name))
        except ValueError as error:
            warn.append(f"{where}: content: “{escaped(name)}”: {error}; left out")
    return tuple(paths)


def _today(value: object, warn: list[str], where: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, str):
        try:
            parse_today(value)
        except ValueError as error:
            warn.append(f"{where}: today: {escaped(str(error))}")
            return None
        return value
    warn.append(f'{where}: today: expected a date (2026-11-29) or "as-of"')
    return None


AGE_KEYS = ("ageing", "overdue", "stale")


def _ages(table: object, warn: list[str], where: str) -> dict[str, int]:
    if not isinstance(table, dict):
        warn.append(f"{where}: ages: expected a table [ages] of ageing, overdue and stale, in days")
        return {}
    ages: dict[str, int] = {}
    for key, value in table.items():
        if key not in AGE_KEYS:
            warn.append(f"{where}: ages: unknown key `{escaped(key)}` (the keys are {', '.join(AGE_KEYS)})")
        elif type(value) is not int or not 0 < value < 100_000:
            warn.append(f"{where}: ages.{key}: expected a whole number of days, like 7")
        else:
            ages[key] = value
    return ages


def read_settings(path: Path | None = None) -> Settings:
    """The settings in the file (defaults when there is none); problems become warnings."""
    path = path or settings_path()
    if path is None:
        return Settings()  # no home directory and no $XDG_CONFIG_HOME: nowhere to have settings
    where = escaped(str(path))
    try:
        data, _info = read_regular(path, MAX_SETTINGS_BYTES)
    except FileNotFoundError:
        return Settings()
    except IsADirectoryError:
        return Settings(warnings=(f"{where}: is a directory, not a settings file; using the defaults",), readable=False)
    except NotRegularFileError:
        return Settings(warnings=(f"{where}: is not a regular file; using the defaults",), readable=False)
    except FileTooLargeError:
        return Settings(warnings=(f"{where}: larger than 64 KiB; using the defaults",), readable=False)
    except OSError as error:
        reason = error.strerror or str(error)
        return Settings(warnings=(f"{where}: cannot be read ({reason}); using the defaults",), readable=False)
    try:
        document = tomli.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        return Settings(warnings=(f"{where}: not UTF-8 text; using the defaults",), readable=False)
    except tomli.TOMLDecodeError as error:
        message = str(error)
        if position := re.search(_TOML_POSITION, message):
            where += f":{position.group(1)}:{position.group(2)}"
            message = message[: position.start()]
        return Settings(warnings=(f"{where}: TOML syntax: {message}; using the defaults",), readable=False)
    warn: list[str] = []
    for key in document:
        if key not in KNOWN_KEYS:
            warn.append(f"{where}: unknown setting `{escaped(key)}` (the settings are {', '.join(KNOWN_KEYS)})")
    theme = document.get("theme")
    if theme is not None and not (isinstance(theme, str) and theme and theme.isprintable()):
        warn.append(f'{where}: theme: expected a theme name, like "nord"')
        theme = None
    keys: dict[str, str] = {}
    if "keys" in document:
        if isinstance(document["keys"], dict):
            keys = _flatten_keys(document["keys"], "", warn, where)
        else:
            warn.append(f'{where}: keys: expected a table [keys] of binding id = "keys"')
    content = _content(document["content"], warn, where) if "content" in document else ()
    today = _today(document.get("today"), warn, where)
    ages = _ages(document.get("ages", {}), warn, where)
    remember = document.get("remember", True)
    if type(remember) is not bool:
        warn.append(f"{where}: remember: expected true or false")
        remember = True
    return Settings(theme, keys, content, today, ages, remember, tuple(warn))


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
    newline = "\r\n" if "\r\n" in text else "\n"
    line = f"theme = {_quoted(theme)}{newline}"
    if header:
        return text[: header.start()] + line + newline + text[header.start() :]
    return text + (newline if text and not text.endswith("\n") else "") + line


def _without_theme(document: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in document.items() if key != "theme"}


def save_theme(theme: str, path: Path | None = None) -> None:
    """Remember ``theme`` in the settings file, creating it if need be. Raises SaveError, file untouched."""
    path = path or settings_path()
    if path is None:
        raise SaveError("there is no home directory (nor $XDG_CONFIG_HOME) to keep settings in")
    where = escaped(str(path))
    try:
        text = read_regular(path, MAX_SETTINGS_BYTES)[0].decode("utf-8")
    except FileNotFoundError:
        text = "# briefing settings: see `briefing config path` and the README.\n"
    except (OSError, UnicodeDecodeError) as error:
        raise SaveError(f"cannot read {where}: {error}") from error
    new_text = with_theme(text, theme)
    try:
        before = tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        raise SaveError(f"{where} has a TOML error; fix it first ({error})") from error
    try:
        after = tomli.loads(new_text)
    except tomli.TOMLDecodeError:
        after = {}
    if after.get("theme") != theme or _without_theme(after) != _without_theme(before):
        raise SaveError(f"cannot change the theme in {where} safely: set `theme = {_quoted(theme)}` by hand")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise SaveError(f"cannot create {escaped(str(path.parent))}: {error.strerror or error}") from error
    atomic_write(path, new_text.encode("utf-8"))
