"""A library of briefs: finding them under paths, indexing what the lists and boards show, caching it.

The index keeps, per file, just what the library table, the pending board and the
agenda need, and the text that filtering searches. It is cached per set of roots in
the user's cache directory, one record per file, valid while the file's size and
mtime are unchanged; a cache that is corrupt, foreign or of another version is
ignored and rebuilt, never trusted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing.discover import find_briefs
from briefing.files import read_regular
from briefing.load import load_path
from briefing.model import Brief, ConfirmationStatus, Problem, StopStatus
from briefing.text import escaped, has_controls

CACHE_VERSION = 2
BATCH = 200


@dataclass(frozen=True, slots=True)
class PendingItem:
    index: int
    id: str
    what: str
    awaited_from: tuple[str, ...]
    since: dt.date | None


@dataclass(frozen=True, slots=True)
class StopItem:
    index: int
    place: str
    when: str | None
    start: dt.date | None
    end: dt.date | None
    approximate: bool
    certainty: str | None
    status: str


@dataclass(frozen=True, slots=True)
class IndexedBrief:
    """One file of the library, as the lists and boards show it."""

    path: str
    size: int
    mtime_ns: int
    title: str
    as_of: dt.date | None
    category: str | None
    tags: tuple[str, ...]
    problems: tuple[Problem, ...]
    pending: tuple[PendingItem, ...]
    stops: tuple[StopItem, ...]
    search: str
    """Title, tags, category, summary and body, case-folded: what filtering looks in."""

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def next_stop(self) -> StopItem | None:
        """The first stop in travel order that has not happened or been called off."""
        done = (StopStatus.COMPLETED.value, StopStatus.CANCELLED.value)
        return next((stop for stop in self.stops if stop.status not in done), None)


def summarise(path: Path, info: os.stat_result) -> IndexedBrief:
    result = load_path(path, with_lines=False)
    brief = result.brief
    if brief is None:
        return _problem_entry(path, info.st_size, info.st_mtime_ns, result.problems)
    return _from_brief(path, info, brief)


def _from_brief(path: Path, info: os.stat_result, brief: Brief) -> IndexedBrief:
    meta, summary = brief.meta, brief.summary
    pending = tuple(
        PendingItem(index, item.id, item.what, item.awaited_from, item.since)
        for index, item in enumerate(brief.confirmations)
        if item.status is ConfirmationStatus.PENDING
    )
    stops = tuple(
        StopItem(
            index,
            stop.place,
            stop.when,
            stop.start,
            stop.end,
            stop.approximate,
            stop.certainty.value if stop.certainty else None,
            stop.status.value,
        )
        for index, stop in enumerate(brief.itinerary)
    )
    search = "\n".join(
        part
        for part in (meta.title, meta.category, " ".join(meta.tags), summary.bluf, *summary.key_points, summary.body)
        if part
    ).casefold()
    return IndexedBrief(str(path), info.st_size, info.st_mtime_ns, meta.title, meta.as_of, meta.category,
                        meta.tags, (), pending, stops, search)  # fmt: skip


class Library:
    """The index of the briefs under some roots, built in batches and cached."""

    def __init__(self, roots: Iterable[Path], cache_dir: Path | None = None) -> None:
        self.roots = [Path(root) for root in roots]
        folder = cache_dir or default_cache_dir()
        self.cache_file = folder / f"index-{_roots_key(self.roots)}.json" if folder is not None else None
        """None when there is nowhere to keep a cache (no home directory): every open indexes afresh."""
        self.entries: dict[str, IndexedBrief] = {}
        self.scan_problems: list[Problem] = []

    def cached(self) -> dict[str, IndexedBrief]:
        return _read_cache(self.cache_file)

    def build(self, progress: Callable[[int, int], None] | None = None) -> Iterator[list[IndexedBrief]]:
        """Index every file, yielding batches as they are ready; unchanged files come from the cache.

        Many files to read are shared among worker processes, one per core.
        """
        files, self.scan_problems = find_briefs(self.roots)
        known = self.entries or self.cached()
        fresh: dict[str, IndexedBrief] = {}
        stale: list[Path] = []
        for path in files:
            entry = _index_unchanged(path, known.get(str(path)))
            if entry is None:
                stale.append(path)
            else:
                fresh[entry.path] = entry
        total = len(files)
        if fresh:
            yield list(fresh.values())
        if progress:
            progress(len(fresh), total)
        for batch in _index_many(stale):
            fresh.update((entry.path, entry) for entry in batch)
            yield batch
            if progress:
                progress(len(fresh), total)
        unlisted = self._unlisted()
        if unlisted:
            fresh.update((entry.path, entry) for entry in unlisted)
            yield unlisted
        self.entries = fresh
        if stale or len(fresh) != len(known):
            _write_cache(self.cache_file, fresh)

    def _unlisted(self) -> list[IndexedBrief]:
        """The folders that could not be listed, as rows of the list: a brief may be hiding in each."""
        return [_problem_entry(Path(problem.file), -1, -1, (problem,)) for problem in self.scan_problems]

    def refresh(self) -> tuple[list[IndexedBrief], list[str]]:
        """Look again: the entries that are new or changed, and the paths that are gone."""
        files, self.scan_problems = find_briefs(self.roots)
        changed: list[IndexedBrief] = []
        seen: set[str] = set()
        for path in files:
            key = str(path)
            seen.add(key)
            entry = _index_one(path, self.entries.get(key))
            if self.entries.get(key) is not entry:
                self.entries[key] = entry
                changed.append(entry)
        for entry in self._unlisted():
            seen.add(entry.path)
            if self.entries.get(entry.path) != entry:
                self.entries[entry.path] = entry
                changed.append(entry)
        gone = [key for key in self.entries if key not in seen]
        for key in gone:
            del self.entries[key]
        if changed or gone:
            _write_cache(self.cache_file, self.entries)
        return changed, gone


PARALLEL_FROM = 400
"""From this many files to read, the index is built by worker processes, one per core."""


def _index_unchanged(path: Path, known: IndexedBrief | None) -> IndexedBrief | None:
    """The known entry while the file's size and mtime are unchanged, else None."""
    if known is None:
        return None
    try:
        info = os.stat(path)
    except OSError:
        return None
    return known if known.size == info.st_size and known.mtime_ns == info.st_mtime_ns else None


def _index_paths(paths: list[str]) -> list[IndexedBrief]:
    return [_index_one(Path(path), None) for path in paths]


def _index_many(paths: list[Path]) -> Iterator[list[IndexedBrief]]:
    """Index ``paths`` in batches: in this process when they are few, in worker processes when many."""
    names = [str(path) for path in paths]
    chunks = [names[start : start + BATCH] for start in range(0, len(names), BATCH)]
    workers = min(os.cpu_count() or 1, 8)
    if len(names) < PARALLEL_FROM or workers < 2:
        for chunk in chunks:
            yield _index_paths(chunk)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if not prepare_workers():
        for chunk in chunks:
            yield _index_paths(chunk)
        return
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        yield from pool.map(_index_paths, chunks)


def prepare_workers() -> bool:
    """Start multiprocessing's helper while standard error is still the real one; False if it cannot run.

    Textual replaces sys.stderr while it runs, and the helper needs a real file descriptor.
    """
    import sys
    from multiprocessing import resource_tracker

    shown_errors = sys.stderr
    try:
        # The helper hands standard error to its process: give it the real one, not a full-screen app's capture.
        sys.stderr = sys.__stderr__
        resource_tracker.ensure_running()
    except (OSError, ValueError):
        return False
    finally:
        sys.stderr = shown_errors
    return True


def _index_one(path: Path, known: IndexedBrief | None) -> IndexedBrief:
    try:
        info = os.stat(path)
    except OSError as error:
        message = "is a symlink that leads nowhere (or round in a loop)" if path.is_symlink() else (
            f"cannot be read: {error.strerror or error}")  # fmt: skip
        return _problem_entry(path, -1, -1, (Problem(str(path), message),))
    if known is not None and known.size == info.st_size and known.mtime_ns == info.st_mtime_ns:
        return known
    if not stat.S_ISREG(info.st_mode):
        return _problem_entry(path, info.st_size, info.st_mtime_ns, (Problem(str(path), "is not a regular file"),))
    return summarise(path, info)


def _problem_entry(path: Path, size: int, mtime_ns: int, problems: tuple[Problem, ...]) -> IndexedBrief:
    """A file (or folder) that could not be read as a brief: listed by its name, written safely."""
    name = escaped(path.name or str(path))
    return IndexedBrief(str(path), size, mtime_ns, name, None, None, (), problems, (), (), name.casefold())


def default_cache_dir() -> Path | None:
    from briefing.locations import cache_dir

    return cache_dir()


def _roots_key(roots: list[Path]) -> str:
    # realpath, not Path.resolve: a root that is a symlink loop must not raise.
    joined = "\0".join(sorted(os.path.realpath(root) for root in roots))
    return hashlib.sha256(joined.encode("utf-8", "surrogateescape")).hexdigest()[:16]


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


# The cache is columnar JSON: one array per field, rows by position. Reading it back is a handful of
# C-speed parses and one pass per column, which keeps a second open of 10,000 briefs well under a second.
_COLUMNS = ("path", "size", "mtime_ns", "title", "as_of", "category", "tags", "problems", "pending", "stops", "search")


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
                [s.index, s.place, s.when, _date(s.start), _date(s.end), s.approximate, s.certainty, s.status]
                for s in e.stops
            ]
            for e in values
        ],
        "search": [e.search for e in values],
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
    entries: dict[str, IndexedBrief] = {}
    for path, size, mtime, title, as_of, category, tags, problems, pending, stops, search in zip(
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
            StopItem(index, place, when, _optional_date(start), _optional_date(end), approximate, certainty, status)
            for index, place, when, start, end, approximate, certainty, status in stops
            if _is_int(index) and _is_text(place) and _is_optional_text(when) and type(approximate) is bool
            and _is_optional_text(certainty) and _is_text(status)
        )  # fmt: skip
        _check(len(planned) == len(stops))
        entries[path] = IndexedBrief(path, size, mtime, title, _optional_date(as_of), category, tuple(tags), found,
                                     waiting, planned, search)  # fmt: skip
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
            yield stop.when or ""
            yield stop.certainty or ""
            yield stop.status


MAX_CACHE_BYTES = 1 << 30
"""A cache larger than this is not read (a library of about a million briefs): it is rebuilt."""


def _read_cache(cache_file: Path | None) -> dict[str, IndexedBrief]:
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


def _write_cache(cache_file: Path | None, entries: dict[str, IndexedBrief]) -> None:
    """Write the cache in place of whatever is there (a symlink is replaced, not followed)."""
    from briefing.files import SaveError, atomic_write

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


# Orders for the library list: (label, key function, reverse).
def _newest(entry: IndexedBrief) -> tuple[dt.date, str]:
    return (entry.as_of or dt.date.min, entry.title.casefold())


def _pending_count(entry: IndexedBrief) -> tuple[int, dt.date]:
    return (len(entry.pending), entry.as_of or dt.date.min)


def _next_stop_date(entry: IndexedBrief) -> tuple[bool, dt.date]:
    stop = entry.next_stop
    start = stop.start or stop.end if stop else None
    return (start is None, start or dt.date.max)


ORDERS: tuple[tuple[str, Callable[[IndexedBrief], Any], bool], ...] = (
    ("newest first", _newest, True),
    ("oldest first", _newest, False),
    ("title", lambda entry: entry.title.casefold(), False),
    ("most pending", _pending_count, True),
    ("next stop soonest", _next_stop_date, False),
)


def arrange(entries: Iterable[IndexedBrief], order: int = 0, query: str = "") -> list[IndexedBrief]:
    """The entries that match ``query`` (every word, anywhere in the searched text), in ``order``."""
    words = query.casefold().split()
    chosen = [entry for entry in entries if all(word in entry.search for word in words)] if words else list(entries)
    _label, key, reverse = ORDERS[order % len(ORDERS)]
    chosen.sort(key=key, reverse=reverse)
    # Files with problems come first in every order: never hidden at the bottom of a long list.
    chosen.sort(key=lambda entry: entry.ok)
    return chosen


def library_today(entries: Iterable[IndexedBrief]) -> dt.date | None:
    """The library's today, when none is given: the latest as_of in it."""
    return max((entry.as_of for entry in entries if entry.as_of), default=None)


def pending_board(entries: Iterable[IndexedBrief]) -> list[tuple[IndexedBrief, PendingItem]]:
    """Every pending confirmation across the library, oldest first (undated ones last)."""
    rows = [(entry, item) for entry in entries for item in entry.pending]
    rows.sort(key=lambda row: (row[1].since is None, row[1].since or dt.date.max, row[0].title.casefold()))
    return rows


@dataclass(frozen=True, slots=True)
class AgendaHeading:
    label: str


AgendaRow = AgendaHeading | tuple[IndexedBrief, StopItem]


def agenda(entries: Iterable[IndexedBrief]) -> list[AgendaRow]:
    """Every stop by date window, under a heading per week (Monday first); stops without dates at the end."""
    dated: list[tuple[dt.date, IndexedBrief, StopItem]] = []
    undated: list[tuple[IndexedBrief, StopItem]] = []
    for entry in entries:
        for stop in entry.stops:
            start = stop.start or stop.end
            if start is None:
                undated.append((entry, stop))
            else:
                dated.append((start, entry, stop))
    dated.sort(key=lambda row: (row[0], row[2].end or row[0], row[2].place))
    rows: list[AgendaRow] = []
    week: dt.date | None = None
    for start, entry, stop in dated:
        monday = start - dt.timedelta(days=start.weekday())
        if monday != week:
            week = monday
            rows.append(AgendaHeading(f"Week of {monday.day} {monday:%b %Y}"))
        rows.append((entry, stop))
    if undated:
        rows.append(AgendaHeading("No dates reported"))
        undated.sort(key=lambda row: (row[0].as_of or dt.date.min, row[1].place))
        rows.extend(undated)
    return rows
