"""The library's index: a SQLite database in the cache directory, one per set of roots.

Each brief is a row of ``briefs`` (what the list shows, and the file's stamp: size, mtime in ns, inode), its
pending confirmations rows of ``pending`` and its stops rows of ``stops``; what the filter looks in is in FTS5
tables (``brief_text``, ``pending_text``, ``stop_text``), which keep only their index. A changed brief gets new
rows with new ids (ids are never reused), so the old text in the index can match nothing any more; the index is
rebuilt when most of what it holds is old.

The screens ask it for the rows they draw; nothing holds every brief in memory. Parameters only: nothing from a
brief is ever part of an SQL statement. A database that is damaged, foreign or of another version is set aside
and the index built again (``briefing.system.database``). Each thread has a connection of its own; two apps on the
same library share the file (WAL, a busy timeout).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from briefing.format.model import Problem

if TYPE_CHECKING:
    import sqlite3

INDEX_VERSION = 2
APPLICATION_ID = 0x62726978
"""``brix``: a database that does not carry it is not an index of ours."""

_FTS = "tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2', content = '', detail = none"
"""The filter's indexes: words by their start (any case, any accent), keeping which row holds a word and nothing
else (no text, no positions: a third of the size, and a third faster to write)."""
_SCHEMA = (
    """CREATE TABLE briefs (
        id INTEGER PRIMARY KEY AUTOINCREMENT, path BLOB NOT NULL UNIQUE,
        size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, inode INTEGER NOT NULL, ok INTEGER NOT NULL,
        title TEXT NOT NULL, title_key TEXT NOT NULL, as_of TEXT, updated TEXT, touched TEXT,
        category TEXT NOT NULL, tags TEXT NOT NULL, pending INTEGER NOT NULL, problems TEXT NOT NULL,
        digest TEXT NOT NULL)""",
    "CREATE INDEX briefs_newest ON briefs (ok, as_of DESC, title_key DESC)",
    "CREATE INDEX briefs_oldest ON briefs (ok, as_of, title_key)",
    "CREATE INDEX briefs_title ON briefs (ok, title_key)",
    """CREATE TABLE pending (
        id INTEGER PRIMARY KEY AUTOINCREMENT, brief INTEGER NOT NULL, idx INTEGER NOT NULL, item_id TEXT NOT NULL,
        what TEXT NOT NULL, awaited_from TEXT NOT NULL, awaited_key TEXT NOT NULL, since TEXT)""",
    "CREATE INDEX pending_brief ON pending (brief)",
    """CREATE TABLE stops (
        id INTEGER PRIMARY KEY AUTOINCREMENT, brief INTEGER NOT NULL, idx INTEGER NOT NULL, place TEXT NOT NULL,
        country TEXT, reported TEXT, start TEXT, end_ TEXT, approximate INTEGER NOT NULL, certainty TEXT,
        status TEXT NOT NULL, unconfirmed INTEGER NOT NULL)""",
    "CREATE INDEX stops_brief ON stops (brief)",
    f"CREATE VIRTUAL TABLE brief_text USING fts5 (text, {_FTS})",
    f"CREATE VIRTUAL TABLE pending_text USING fts5 (text, {_FTS})",
    f"CREATE VIRTUAL TABLE stop_text USING fts5 (text, {_FTS})",
    "CREATE TABLE meta (name TEXT PRIMARY KEY, value NOT NULL) WITHOUT ROWID",
    "INSERT INTO meta VALUES ('stale_text', 0)",
)
_TABLES = {"briefs", "pending", "stops", "brief_text", "pending_text", "stop_text", "meta"}


class PendingRecord(NamedTuple):
    position: int
    """Its place among the brief's confirmations."""
    id: str
    what: str
    awaited_from: tuple[str, ...]
    since: dt.date | None


class StopRecord(NamedTuple):
    position: int
    """Its place in the brief's itinerary."""
    place: str
    country: str | None
    when: str | None
    start: dt.date | None
    end: dt.date | None
    approximate: bool
    certainty: str | None
    status: str
    unconfirmed: bool


class Record(NamedTuple):
    """One file of the library as the index keeps it: made in a worker process, written by the index."""

    path: bytes
    size: int
    mtime_ns: int
    inode: int
    title: str
    as_of: dt.date | None
    updated: dt.date | None
    category: str | None
    tags: tuple[str, ...]
    problems: tuple[Problem, ...]
    digest: str
    text: str
    """What the filter looks in: the title, dateline, tags, category, BLUF, key points and body, places and
    countries, confirmations and whom they are awaited from, speakers, outlets."""
    pending: tuple[PendingRecord, ...] = ()
    stops: tuple[StopRecord, ...] = ()


Stamp = tuple[int, int, int]
"""A file's size, mtime in ns and inode, as the index last read it."""


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _problems(problems: Sequence[Problem]) -> str:
    return json.dumps([[p.file, p.message, p.line, p.column, p.key] for p in problems])


def read_problems(text: str) -> tuple[Problem, ...]:
    """The problems as the index keeps them (JSON); none when the text is not what it wrote."""
    try:
        rows = json.loads(text)
        return tuple(Problem(str(f), str(m), _int(line), _int(column), None if k is None else str(k))
                     for f, m, line, column, k in rows)  # fmt: skip
    except (ValueError, TypeError):
        return ()


def _int(value: Any) -> int | None:
    return value if type(value) is int else None


_TOKEN = r"[^\W_]+"
"""What the index's tokenizer (unicode61) takes for a word: letters and digits; anything else separates."""


def fts_query(words: Iterable[str]) -> str | None:
    """An FTS5 query for every word typed, each word's letters and digits as the start of a word of the text, all
    of them required; quoted, so nothing typed is read as FTS5 syntax. None when nothing typed is a word."""
    import re

    tokens = [token for word in words for token in re.findall(_TOKEN, word)]
    return " ".join(f'"{token}"*' for token in tokens) or None


class Store:
    """The index's database; ``file`` None: one in memory, for a library with nowhere to keep it."""

    def __init__(self, file: Path | None) -> None:
        self.file = file
        self._local = threading.local()
        self._memory: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self.give_way: Callable[[], None] | None = None
        """Called now and then while a thread other than the main one reads or writes: it may wait there (while
        the reader types, so the screen's own queries do not share the processor with the index's upkeep)."""

    def connection(self) -> sqlite3.Connection:
        """This thread's connection (one in memory is shared, behind a lock: see ``reading``)."""
        import sqlite3

        if self.file is None:
            if self._memory is None:
                from briefing.system.database import prepare

                self._memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
                prepare(self._memory, APPLICATION_ID, INDEX_VERSION, _SCHEMA, _TABLES)
            return self._memory
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            from briefing.system.database import give_way_in_workers, open_ours

            connection = open_ours(self.file, APPLICATION_ID, INDEX_VERSION, _SCHEMA, _TABLES)
            connection.execute("PRAGMA synchronous = NORMAL")  # a cache: losing the last write costs a re-read
            give_way_in_workers(connection, self._give_way)
            self._local.connection = connection
        return connection

    def _give_way(self) -> None:
        if self.give_way is not None:
            self.give_way()

    @contextlib.contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A connection to read with; a damaged database is set aside, and the next read begins a new one."""
        import sqlite3

        from briefing.system.database import transient

        with self._lock if self.file is None else contextlib.nullcontext():
            try:
                yield self.connection()
            except sqlite3.DatabaseError as error:
                if not transient(error):
                    self.reset()
                raise

    def reset(self) -> None:
        """Set the database aside (damaged): the index is built again from the files."""
        from briefing.system.database import set_aside

        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None
        if self.file is not None:
            with contextlib.suppress(OSError):
                set_aside(self.file)

    def close(self) -> None:
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None

    # -- writing --------------------------------------------------------------------------------------------------

    def stamps(self) -> dict[bytes, Stamp]:
        """Every file in the index and its stamp as last read."""
        with self.reading() as database:
            rows = database.execute("SELECT path, size, mtime_ns, inode FROM briefs").fetchall()
        return {path: (size, mtime, inode) for path, size, mtime, inode in rows if type(path) is bytes}

    def write(self, records: Sequence[Record], gone: Iterable[bytes] = ()) -> None:
        """Put ``records`` in place of what the index had for their files, and forget the files ``gone``: one
        transaction."""
        with self.reading() as database:
            database.execute("BEGIN IMMEDIATE")
            try:
                stale = self._forget(database, [record.path for record in records] + list(gone))
                self._insert(database, records)
                database.execute("UPDATE meta SET value = value + ? WHERE name = 'stale_text'", (stale,))
                database.execute("DELETE FROM meta WHERE name LIKE 'ordered %'")  # of briefs no longer all there
                database.execute("COMMIT")
            except BaseException:
                database.execute("ROLLBACK")
                raise
        self._compact_if_stale()

    @staticmethod
    def _forget(database: sqlite3.Connection, paths: list[bytes]) -> int:
        """Delete the rows of ``paths``; how many of them had text in the search index (now matching nothing)."""
        stale = 0
        for path in paths:
            row = database.execute("SELECT id FROM briefs WHERE path = ?", (path,)).fetchone()
            if row is None:
                continue
            brief = row[0]
            stale += 1
            database.execute("DELETE FROM pending WHERE brief = ?", (brief,))
            database.execute("DELETE FROM stops WHERE brief = ?", (brief,))
            database.execute("DELETE FROM briefs WHERE id = ?", (brief,))
        return stale

    @staticmethod
    def _next_ids(database: sqlite3.Connection) -> dict[str, int]:
        """The next id of each table: given here, so rows are written many at a time (AUTOINCREMENT takes them,
        and still never gives an id again)."""
        found = dict(database.execute("SELECT name, seq FROM sqlite_sequence").fetchall())
        return {table: int(found.get(table, 0)) + 1 for table in ("briefs", "pending", "stops")}

    @classmethod
    def _insert(cls, database: sqlite3.Connection, records: Sequence[Record]) -> None:
        ids = cls._next_ids(database)
        briefs: list[tuple[Any, ...]] = []
        brief_texts: list[tuple[int, str]] = []
        pending: list[tuple[Any, ...]] = []
        pending_texts: list[tuple[int, str]] = []
        stops: list[tuple[Any, ...]] = []
        stop_texts: list[tuple[int, str]] = []
        for record in records:
            brief = ids["briefs"]
            ids["briefs"] += 1
            touched = record.updated or record.as_of
            briefs.append((brief, record.path, record.size, record.mtime_ns, record.inode, int(not record.problems),
                           record.title, record.title.casefold(), _day(record.as_of), _day(record.updated),
                           _day(touched), record.category or "", json.dumps(record.tags), len(record.pending),
                           _problems(record.problems), record.digest))  # fmt: skip
            brief_texts.append((brief, record.text))
            for item in record.pending:
                awaited = " ".join(item.awaited_from)
                pending.append((ids["pending"], brief, item.position, item.id, item.what,
                                json.dumps(item.awaited_from), awaited.casefold(), _day(item.since)))  # fmt: skip
                pending_texts.append((ids["pending"], f"{item.what}\n{awaited}"))
                ids["pending"] += 1
            for stop in record.stops:
                stops.append((ids["stops"], brief, stop.position, stop.place, stop.country, stop.when,
                              _day(stop.start), _day(stop.end), int(stop.approximate), stop.certainty, stop.status,
                              int(stop.unconfirmed)))  # fmt: skip
                parts = (stop.place, stop.country, stop.when, stop.certainty, stop.status)
                stop_texts.append((ids["stops"], "\n".join(part for part in parts if part)))
                ids["stops"] += 1
        database.executemany(
            "INSERT INTO briefs (id, path, size, mtime_ns, inode, ok, title, title_key, as_of, updated, touched, "
            "category, tags, pending, problems, digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            briefs,
        )
        database.executemany(
            "INSERT INTO pending (id, brief, idx, item_id, what, awaited_from, awaited_key, since) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", pending,
        )  # fmt: skip
        database.executemany(
            "INSERT INTO stops (id, brief, idx, place, country, reported, start, end_, approximate, certainty, "
            "status, unconfirmed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", stops,
        )  # fmt: skip
        for table, texts in (("brief_text", brief_texts), ("pending_text", pending_texts), ("stop_text", stop_texts)):
            database.executemany(f"INSERT INTO {table} (rowid, text) VALUES (?, ?)", texts)

    def _compact_if_stale(self) -> None:
        """Rebuild the search index when most of what it holds belongs to rows gone since (it keeps no text to
        delete them by): from the files, like a first open."""
        with self.reading() as database:
            stale = database.execute("SELECT value FROM meta WHERE name = 'stale_text'").fetchone()[0]
            live = database.execute("SELECT count(*) FROM briefs").fetchone()[0]
        if type(stale) is not int or stale > max(1000, live):
            self.clear()  # (a count that is not one is not what the index wrote: rebuilt too)

    def clear(self) -> None:
        """Empty the index: every file is read again."""
        with self.reading() as database:
            database.execute("BEGIN IMMEDIATE")
            for table in ("briefs", "pending", "stops"):
                database.execute(f"DELETE FROM {table}")
            for table in ("brief_text", "pending_text", "stop_text"):
                database.execute(f"INSERT INTO {table} ({table}) VALUES ('delete-all')")
            database.execute("UPDATE meta SET value = 0 WHERE name = 'stale_text'")
            database.execute("COMMIT")
