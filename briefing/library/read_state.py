"""What the reader last saw of each brief: the read state, kept in the user's state directory.

For each brief file the reader viewed (or that was in a library when they first opened it): a digest of
what it said (``briefing.format.diff.digest``) and the file's bytes as they were, compressed, so the next
view can say what changed, item by item. The libraries the reader has opened are listed too, so the
first open of one marks nothing as changed.

One SQLite database, ``$XDG_STATE_HOME/briefing/read-state.sqlite3`` (else ``~/.local/state/briefing/``),
never inside the content. Every write is one transaction, so the file is never half-written; two apps
can share it (WAL, a busy timeout). A file that is damaged, foreign, of another version, a symlink or
not a regular file is set aside (renamed, never deleted) and a new one begun; a row that cannot be
read back is ignored. What it holds is read back through the loader, like any brief: untrusted.
"""

from __future__ import annotations

import contextlib
import os
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.system.files import MAX_BRIEF_BYTES

if TYPE_CHECKING:
    import sqlite3

STATE_FILE = "read-state.sqlite3"
STATE_VERSION = 2
APPLICATION_ID = 0x62726966
"""``brif``: a database that does not carry it is not ours."""
_SEEN = (
    # A table with rowids keeps each brief's compressed bytes (a kilobyte or more) in its row's own page; without
    # rowids, SQLite moved all but a few hundred bytes of each to a page of its own: a file three times the size,
    # written half as fast (version 1). The index on (path, digest) is what a library's open reads.
    "CREATE TABLE seen (path BLOB PRIMARY KEY, digest TEXT NOT NULL, content BLOB NOT NULL)",
    "CREATE INDEX seen_digests ON seen (path, digest)",
)
_SCHEMA = (*_SEEN, "CREATE TABLE libraries (key TEXT PRIMARY KEY) WITHOUT ROWID")
_UPGRADES = {
    1: (
        "ALTER TABLE seen RENAME TO seen_1",
        *_SEEN,
        "INSERT INTO seen (path, digest, content) SELECT path, digest, content FROM seen_1",
        "DROP TABLE seen_1",
    ),
}
"""What brings an older read state up to this version, keeping all it holds."""


class ReadStateError(Exception):
    """The read state could not be read or written; the message says why."""


@dataclass(frozen=True)
class Seen:
    """A brief as the reader last saw it."""

    digest: str
    content: bytes
    """The file's bytes as they were."""


def path_key(path: str | os.PathLike[str], folder: str | None = None) -> bytes:
    """The brief's file as the read state knows it: its absolute path, as bytes (a name need not be UTF-8).

    Not resolved through symlinks: that costs a system call per folder, per brief, on every open of a library.
    ``folder``: the working directory, when the caller has it (``os.getcwd`` is a system call each time).
    """
    return os.fsencode(os.path.normpath(os.path.join(folder or os.getcwd(), path)))


def _packed(content: bytes) -> bytes:
    return zlib.compress(content, 6)


def _unpacked(packed: bytes) -> bytes | None:
    """The content, or None when it is not what this module wrote (or would unpack to more than a brief)."""
    try:
        unpacker = zlib.decompressobj()
        content = unpacker.decompress(packed, MAX_BRIEF_BYTES + 1)
    except zlib.error:
        return None
    if len(content) > MAX_BRIEF_BYTES or not unpacker.eof:
        return None
    return content


class ReadState:
    """The reader's read state; ``file`` None: nothing is remembered (no home directory)."""

    def __init__(self, file: Path | None) -> None:
        self.file = file
        self.give_way: Callable[[], None] | None = None
        """Called now and then while a worker reads or writes, and may wait there (see ``give_way_in_workers``)."""

    @classmethod
    def default(cls) -> ReadState:
        from briefing.system.locations import state_dir

        folder = state_dir()
        return cls(folder / STATE_FILE if folder is not None else None)

    # -- the database -------------------------------------------------------------------------------------------

    @contextlib.contextmanager
    def _database(self) -> Iterator[sqlite3.Connection | None]:
        """A connection to a database that is ours, set up; None when there is no file to keep it in.

        Raises ReadStateError when it cannot be opened or made.
        """
        if self.file is None:
            yield None
            return
        import sqlite3  # here, not at the top: a brief's first paint does not wait for it

        try:
            connection = self._open()
        except (OSError, sqlite3.Error) as error:
            raise ReadStateError(f"cannot open {self.file}: {error}") from None
        try:
            yield connection
        except sqlite3.OperationalError as error:
            # Busy, read-only, a full disk: the file is not at fault, so it stays.
            raise ReadStateError(f"{self.file}: {error}") from None
        except sqlite3.DatabaseError as error:
            connection.close()
            with contextlib.suppress(OSError):
                self._set_aside()  # damaged while in use: the next call begins a new one
            raise ReadStateError(f"{self.file} was damaged and is set aside: {error}") from None
        except sqlite3.Error as error:
            raise ReadStateError(f"{self.file}: {error}") from None
        finally:
            connection.close()

    def _open(self) -> sqlite3.Connection:
        from briefing.system.database import give_way_in_workers, open_ours

        assert self.file is not None
        connection = open_ours(
            self.file, APPLICATION_ID, STATE_VERSION, _SCHEMA, {"seen", "libraries"}, private=True, upgrades=_UPGRADES
        )
        give_way_in_workers(connection, self.give_way)
        return connection

    def _set_aside(self) -> None:
        from briefing.system.database import set_aside

        assert self.file is not None
        set_aside(self.file)

    # -- what it holds ------------------------------------------------------------------------------------------

    def seen(self, path: str | os.PathLike[str]) -> Seen | None:
        """The brief at ``path`` as the reader last saw it, or None if never (or the row cannot be read)."""
        with self._database() as database:
            if database is None:
                return None
            row = database.execute("SELECT digest, content FROM seen WHERE path = ?", (path_key(path),)).fetchone()
        if row is None or type(row[0]) is not str or type(row[1]) is not bytes:
            return None
        content = _unpacked(row[1])
        return None if content is None else Seen(row[0], content)

    def digests(self) -> dict[bytes, str]:
        """Every brief the reader has seen (by ``path_key``) and the digest of what it said then."""
        with self._database() as database:
            if database is None:
                return {}
            rows = database.execute("SELECT path, digest FROM seen").fetchall()
        return {path: digest for path, digest in rows if type(path) is bytes and type(digest) is str}

    def record(self, path: str | os.PathLike[str], digest: str, content: bytes) -> None:
        """The reader has now seen the brief at ``path``, saying ``digest``, in the file ``content``."""
        self.record_many([(path, digest, content)])

    def record_many(self, seen: Iterable[tuple[str | os.PathLike[str], str, bytes]]) -> int:
        """Record many at once, in one transaction; how many."""
        rows = [(path_key(path), digest, self._pack(content)) for path, digest, content in seen]
        with self._database() as database:
            if database is None or not rows:
                return len(rows)
            database.execute("BEGIN IMMEDIATE")
            database.executemany("INSERT OR REPLACE INTO seen (path, digest, content) VALUES (?, ?, ?)", rows)
            database.execute("COMMIT")
        return len(rows)

    def _pack(self, content: bytes) -> bytes:
        """``content`` compressed, once ``give_way`` lets this worker go on."""
        if self.give_way is not None:
            self.give_way()
        return _packed(content)

    def knows(self, library: str) -> bool:
        """True once the library (by its roots' key) has been opened before."""
        with self._database() as database:
            if database is None:
                return True  # nothing is remembered, so nothing is marked: as if always known
            return database.execute("SELECT 1 FROM libraries WHERE key = ?", (library,)).fetchone() is not None

    def adopt(
        self, library: str, seen: Iterable[tuple[str | os.PathLike[str], str, bytes]], whole: bool = True
    ) -> None:
        """The library's first open: every brief in it not seen before is taken as seen as it is now. ``whole``:
        these are the last of them, and the library is known from now on."""
        rows = [(path_key(path), digest, self._pack(content)) for path, digest, content in seen]
        with self._database() as database:
            if database is None:
                return
            database.execute("BEGIN IMMEDIATE")
            database.executemany("INSERT OR IGNORE INTO seen (path, digest, content) VALUES (?, ?, ?)", rows)
            if whole:
                database.execute("INSERT OR IGNORE INTO libraries (key) VALUES (?)", (library,))
            database.execute("COMMIT")
