"""Reading a brief file: path -> Brief, or every Problem in it, each located.

Follows "What a bad file gets" in the brief format: a syntax error gets its line
and column; every other problem gets the line of its key or of its table header.
"""

from __future__ import annotations

import errno
import os
import re
from dataclasses import dataclass, field, replace
from functools import cached_property

import tomli

from briefing.format.locate import KeyPath, Locations
from briefing.format.model import Brief, Problem
from briefing.format.validate import key_path_text, validate
from briefing.system.files import (
    MAX_BRIEF_BYTES,
    FileTooLargeError,
    Fingerprint,
    NotRegularFileError,
    Stamp,
    read_regular,
)

MAX_FILE_BYTES = MAX_BRIEF_BYTES
"""The largest brief file the loader reads: 1 MiB, about 50 times the bundled brief."""

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_TOML_AT_END = re.compile(r"\s*\(at end of document\)$")


@dataclass(frozen=True)
class LoadResult:
    """A Brief when the file is good; otherwise every problem found in it."""

    file: str
    brief: Brief | None
    problems: tuple[Problem, ...] = ()
    text: str | None = field(default=None, repr=False, compare=False)
    """The file's text, when it could be decoded."""
    fingerprint: Fingerprint | None = field(default=None, repr=False, compare=False)
    """The file as read, for noticing changes and for refusing to save over someone else's."""

    @property
    def ok(self) -> bool:
        return self.brief is not None

    @cached_property
    def _locations(self) -> Locations | None:
        return Locations(self.text) if self.text is not None else None

    def line_of(self, path: KeyPath) -> int | None:
        """The line of a key, or of the table it belongs in."""
        return self._locations.line(path) if self._locations else None


def load_path(path: str | os.PathLike[str], with_lines: bool = True) -> LoadResult:
    """Read and validate the brief at ``path``; never raises for a bad file.

    Without ``with_lines`` items carry no line numbers, which saves a scan of the text (the library index).
    """
    name = os.fspath(path)
    try:
        data, info = read_regular(name, MAX_FILE_BYTES)
    except OSError as error:
        return _fail(name, unreadable(name, error))
    result = load_bytes(data, name, with_lines)
    stamp = Stamp(info.st_size, info.st_mtime_ns, info.st_ino)
    return replace(result, fingerprint=Fingerprint(stamp, data))


def unreadable(name: str, error: OSError) -> str:
    """Why the file at ``name`` cannot be read as a brief, in the words every command and screen uses."""
    if isinstance(error, FileNotFoundError):
        return "is a symlink that leads nowhere" if os.path.islink(name) else "no such file"
    if isinstance(error, IsADirectoryError):
        return "is a directory, not a brief file"
    if isinstance(error, NotRegularFileError):
        return "is not a regular file"
    if isinstance(error, FileTooLargeError):
        return f"is {error.size:,} bytes; the limit is {MAX_FILE_BYTES:,} bytes (1 MiB)"
    if isinstance(error, PermissionError):
        return "permission denied"
    if error.errno == errno.ELOOP:
        return "is a symlink that goes round in a loop"
    return f"cannot be read: {error.strerror or error}"


def load_bytes(data: bytes, file: str = "<brief>", with_lines: bool = True) -> LoadResult:
    if len(data) > MAX_FILE_BYTES:
        return _fail(file, f"is over {MAX_FILE_BYTES:,} bytes (1 MiB), the limit")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        byte = data[error.start]
        problem = Problem(file, f"not UTF-8 text (byte 0x{byte:02x} cannot be decoded)", line, column)
        return LoadResult(file, None, (problem,))
    return load_text(text, file, with_lines)


def load_text(text: str, file: str = "<brief>", with_lines: bool = True) -> LoadResult:
    text = text.removeprefix("\ufeff")
    if not text.strip(" \t\r\n"):  # TOML's whitespace: a form feed or a vertical tab is a syntax error
        return _fail(file, "is empty; a brief needs schema_version, [brief] and [summary]")
    try:
        document = tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        return LoadResult(file, None, (_syntax_problem(file, str(error), text),), text)
    except RecursionError:
        return LoadResult(file, None, (_nesting_problem(file, text),), text)
    brief, problems = validate(document, text, file, with_lines)
    return LoadResult(file, brief, tuple(problems), text)


def _nesting_problem(file: str, text: str) -> Problem:
    """Values nested too deep for the parser (it stops at 400 levels): located like any other problem."""
    from briefing.format.validate import MAX_NESTING

    locations = Locations(text)
    path = locations.nested_deeper_than(MAX_NESTING)
    if path is None:
        return Problem(file, "values are nested too deeply to read")
    message = f"values are nested more than {MAX_NESTING} deep (arrays or tables in one another)"
    return Problem(file, message, locations.line(path), key=key_path_text(path[:2]))


def _syntax_problem(file: str, message: str, text: str) -> Problem:
    position = _TOML_POSITION.search(message)
    if position:
        line = int(position.group(1))
        lines = text.split("\n")
        bad_date = _bad_date(lines[line - 1]) if 0 < line <= len(lines) else None
        if bad_date is not None:
            return Problem(file, bad_date[1], line, bad_date[0])
        return Problem(file, f"TOML syntax: {message[: position.start()]}", line, int(position.group(2)))
    at_end = _TOML_AT_END.search(message)
    if at_end:
        last_line = text.rstrip().count("\n") + 1  # the last line with anything on it
        return Problem(file, f"TOML syntax: {message[: at_end.start()]} at the end of the file", last_line)
    return Problem(file, f"TOML syntax: {message}")


_DATE_VALUE = (
    r"^(?P<lead>\s*(?P<key>[A-Za-z0-9_.\-]+)\s*=\s*)(?P<date>(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2}))(?![\d:T])"
)


def _bad_date(line: str) -> tuple[int, str] | None:
    """For a line ``key = YYYY-MM-DD`` whose date does not exist: its column, and what is wrong with it."""
    import calendar
    import re

    found = re.match(_DATE_VALUE, line)
    if found is None:
        return None
    year, month, day = (int(found.group(part)) for part in "ymd")
    column = len(found.group("lead")) + 1
    said = f"{found.group('key')}: {found.group('date')} is not a date: "
    if year == 0:
        return column, said + "there is no year 0000 (years are 0001 to 9999)"
    if not 1 <= month <= 12:
        return column, said + f"there is no month {month:02} (months are 01 to 12)"
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        return column, said + f"{calendar.month_name[month]} {year} has days 01 to {last}"
    return None


def _fail(file: str, message: str) -> LoadResult:
    return LoadResult(file, None, (Problem(file, message),))
