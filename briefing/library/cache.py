"""The library's cache: the index kept as columnar JSON in the cache directory, one file per set of roots.

A cache that is corrupt, foreign, of another version, a symlink or not a regular file is ignored and
rebuilt, never trusted; one holding text to show that no brief could have given it (an escape
sequence planted in it) is ignored too.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from briefing.format.model import Problem
from briefing.library.entries import IndexedBrief, PendingItem, StopItem
from briefing.system.files import read_regular
from briefing.system.sanitize import has_controls

CACHE_VERSION = 6


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


# The cache is columnar JSON: one array per field, rows by position. Reading it back is a handful of
# C-speed parses and one pass per column, which keeps a second open of 10,000 briefs well under a second.
_COLUMNS = ("path", "size", "mtime_ns", "title", "as_of", "category", "tags", "problems", "pending", "stops", "search",
            "updated", "digest")  # fmt: skip


def _columns(entries: dict[str, IndexedBrief]) -> dict[str, list[Any]]:
    values = list(entries.values())
    return {
        "path": [e.path for e in values],
        "size": [e.size for e in values],
        "mtime_ns": [e.mtime_ns for e in values],
        "title": [e.title for e in values],
        "as_of": [_date(e.as_of) for e in values],
        "category": [e.category for e in values],
        "tags": [list(e.tags) for e in values],
        "problems": [[[p.file, p.message, p.line, p.column, p.key] for p in e.problems] for e in values],
        "pending": [[[p.index, p.id, p.what, list(p.awaited_from), _date(p.since)] for p in e.pending] for e in values],
        "stops": [
            [
                [
                    s.index,
                    s.place,
                    s.when,
                    _date(s.start),
                    _date(s.end),
                    s.approximate,
                    s.certainty,
                    s.status,
                    s.unconfirmed,
                    s.country,
                ]
                for s in e.stops
            ]
            for e in values
        ],
        "search": [e.search for e in values],
        "updated": [_date(e.updated) for e in values],
        "digest": [e.digest for e in values],
    }


class _Bad(Exception):
    """The cache is not what this version wrote."""


def _check(ok: bool) -> None:
    if not ok:
        raise _Bad


def _is_text(value: Any) -> bool:
    return type(value) is str


def _is_optional_text(value: Any) -> bool:
    return value is None or type(value) is str


def _is_int(value: Any) -> bool:
    return type(value) is int


def _optional_date(value: Any) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def _rows_from_columns(columns: Any) -> dict[str, IndexedBrief]:
    """Every record, checked: anything not of the expected shape and type raises _Bad, ValueError or TypeError."""
    _check(type(columns) is dict and all(type(columns.get(name)) is list for name in _COLUMNS))
    count = len(columns["path"])
    _check(all(len(columns[name]) == count for name in _COLUMNS))
    _check(all(map(_is_text, columns["path"])) and all(map(_is_text, columns["title"])))
    _check(all(map(_is_text, columns["search"])) and all(map(_is_optional_text, columns["category"])))
    _check(all(map(_is_int, columns["size"])) and all(map(_is_int, columns["mtime_ns"])))
    _check(all(map(_is_text, columns["digest"])))
    entries: dict[str, IndexedBrief] = {}
    for path, size, mtime, title, as_of, category, tags, problems, pending, stops, search, updated, digest in zip(
        *(columns[name] for name in _COLUMNS), strict=True
    ):
        _check(type(tags) is list and all(map(_is_text, tags)))
        found = tuple(
            Problem(file, message, line, column, key)
            for file, message, line, column, key in problems
            if _is_text(file) and _is_text(message) and (line is None or _is_int(line))
            and (column is None or _is_int(column)) and _is_optional_text(key)
        )  # fmt: skip
        _check(len(found) == len(problems))
        waiting = tuple(
            PendingItem(index, ident, what, tuple(awaited), _optional_date(since))
            for index, ident, what, awaited, since in pending
            if _is_int(index)
            and _is_text(ident)
            and _is_text(what)
            and type(awaited) is list
            and all(map(_is_text, awaited))
        )
        _check(len(waiting) == len(pending))
        planned = tuple(
            StopItem(index, place, when, _optional_date(start), _optional_date(end), approximate, certainty, status,
                     unconfirmed, country)
            for index, place, when, start, end, approximate, certainty, status, unconfirmed, country in stops
            if _is_int(index) and _is_text(place) and _is_optional_text(when) and type(approximate) is bool
            and _is_optional_text(certainty) and _is_text(status) and type(unconfirmed) is bool
            and _is_optional_text(country)
        )  # fmt: skip
        _check(len(planned) == len(stops))
        entries[path] = IndexedBrief(path, size, mtime, title, _optional_date(as_of), category, tuple(tags), found,
                                     waiting, planned, search, _optional_date(updated), digest)  # fmt: skip
    _check(not has_controls(" ".join(_shown_texts(entries.values()))))
    return entries


def _shown_texts(entries: Iterable[IndexedBrief]) -> Iterator[str]:
    """Every text of the index that the library draws (not the search text, which it only searches)."""
    for entry in entries:
        yield entry.title
        yield entry.category or ""
        yield from entry.tags
        for problem in entry.problems:
            yield problem.message
            yield problem.key or ""
        for item in entry.pending:
            yield item.id
            yield item.what
            yield from item.awaited_from
        for stop in entry.stops:
            yield stop.place
            yield stop.country or ""
            yield stop.when or ""
            yield stop.certainty or ""
            yield stop.status


MAX_CACHE_BYTES = 1 << 30
"""A cache larger than this is not read (a library of about a million briefs): it is rebuilt."""


def read_cache(cache_file: Path | None) -> dict[str, IndexedBrief]:
    """The cached index, or nothing when the cache is missing, corrupt, foreign or of another version,
    or holds text to show that no brief could have given it (an escape sequence planted in it).

    Read bounded, and never through a symlink or from anything but a regular file.
    """
    if cache_file is None:
        return {}
    try:
        data, _info = read_regular(cache_file, MAX_CACHE_BYTES, follow_symlinks=False)
        document = json.loads(data)
        if type(document) is not dict or document.get("version") != CACHE_VERSION:
            return {}
        return _rows_from_columns(document.get("columns"))
    except (OSError, ValueError, TypeError, RecursionError, _Bad):
        return {}


def write_cache(cache_file: Path | None, entries: dict[str, IndexedBrief]) -> None:
    """Write the cache in place of whatever is there (a symlink is replaced, not followed)."""
    from briefing.system.files import SaveError, atomic_write

    if cache_file is None:
        return
    document = {"version": CACHE_VERSION, "columns": _columns(entries)}
    # File names that are not UTF-8 are held as lone surrogates: "surrogatepass" keeps them, and
    # json.loads reads bytes back with the same handler.
    data = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(cache_file, data, follow_symlinks=False)
    except (OSError, SaveError):
        pass  # a cache that cannot be written only costs the next start its speed
