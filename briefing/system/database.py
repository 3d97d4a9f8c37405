"""SQLite files of briefing's own (the read state, the library's index): opened only when they are ours and of this
version, made when new, brought up to this version from an older one that knows how, and set aside (renamed, never
deleted) when damaged, foreign, of another version, a symlink or not a regular file. WAL and a busy timeout let two
apps share one."""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3

BUSY_SECONDS = 5.0


Upgrades = Mapping[int, Sequence[str]]
"""For each older version that can be brought up to this one, the statements that do it (in one transaction)."""


def open_ours(
    file: Path,
    application_id: int,
    version: int,
    schema: Sequence[str],
    tables: set[str],
    private: bool = False,
    upgrades: Upgrades | None = None,
) -> sqlite3.Connection:
    """A connection (autocommit: transactions are begun explicitly) to the database at ``file``, which is ours:
    made with ``schema`` when new, brought up to ``version`` by ``upgrades`` when older, set aside and begun again
    when it is not ours. ``private``: its folder is made readable by the user only. Raises OSError or
    sqlite3.Error."""
    import sqlite3

    for attempt in range(2):
        if not _is_plain_file(file):
            set_aside(file)
        file.parent.mkdir(parents=True, exist_ok=True, mode=0o700 if private else 0o777)
        connection = sqlite3.connect(file, timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False)
        try:
            if prepare(connection, application_id, version, schema, tables, upgrades):
                return connection
        except sqlite3.OperationalError:
            connection.close()
            raise
        except sqlite3.DatabaseError:
            if attempt:
                connection.close()
                raise
        connection.close()
        set_aside(file)
    raise sqlite3.DatabaseError(f"a new {file.name} could not be begun")


def _is_plain_file(file: Path) -> bool:
    """True when nothing is at the path yet, or a regular file (not a symlink, FIFO or folder)."""
    try:
        info = os.lstat(file)
    except FileNotFoundError:
        return True
    return stat.S_ISREG(info.st_mode)


def prepare(
    connection: sqlite3.Connection,
    application_id: int,
    version: int,
    schema: Sequence[str],
    tables: set[str],
    upgrades: Upgrades | None = None,
) -> bool:
    """True when the database is ours and of this version (made so when it is new, or brought up to it by
    ``upgrades`` when it is older); False: set it aside. Two threads or apps that find it new (or old) at once: the
    first makes (or upgrades) it, and the other finds it done."""
    import sqlite3

    def mark() -> tuple[int, int]:
        application = connection.execute("PRAGMA application_id").fetchone()[0]
        return application, connection.execute("PRAGMA user_version").fetchone()[0]

    def whole() -> bool:
        names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        return tables <= names

    def empty() -> bool:
        return bool(connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0)

    found = mark()
    if found == (application_id, version):
        return whole()
    if found == (0, 0) and empty():
        # Before any transaction: the journal mode cannot change inside one. Another connection making it at the
        # same moment may hold it: then that one sets it.
        with contextlib.suppress(sqlite3.OperationalError):
            connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("BEGIN IMMEDIATE")
    found = mark()
    if found == (application_id, version):
        connection.execute("COMMIT")
        return whole()
    upgrade = (upgrades or {}).get(found[1]) if found[0] == application_id else None
    if upgrade is not None:
        return _upgrade(connection, upgrade, version) and whole()
    if found != (0, 0) or not empty():
        connection.execute("ROLLBACK")
        return False
    for statement in schema:
        connection.execute(statement)
    connection.execute(f"PRAGMA application_id = {application_id}")
    connection.execute(f"PRAGMA user_version = {version}")
    connection.execute("COMMIT")
    return True


def _upgrade(connection: sqlite3.Connection, statements: Sequence[str], version: int) -> bool:
    """Run ``statements`` and mark the database ``version``, in the transaction begun; False (and nothing changed)
    when they fail on what the file holds, which is then not what its version says. The space the old layout
    leaves is given back to the disk after."""
    import sqlite3

    try:
        for statement in statements:
            connection.execute(statement)
    except sqlite3.Error as error:
        connection.execute("ROLLBACK")
        if transient(error):
            raise
        return False
    connection.execute(f"PRAGMA user_version = {version}")
    connection.execute("COMMIT")
    with contextlib.suppress(sqlite3.OperationalError):  # busy: the file works as it is, only larger
        connection.execute("VACUUM")
    return True


def set_aside(file: Path) -> None:
    """Rename the file (and its journal) out of the way: ``NAME.damaged``, ``NAME.damaged-2``, …"""
    for number in range(1, 1000):
        aside = file.with_name(f"{file.name}.damaged" + (f"-{number}" if number > 1 else ""))
        if not os.path.lexists(aside):
            break
    with contextlib.suppress(FileNotFoundError):
        os.rename(file, aside)
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.rename(f"{file}{suffix}", f"{aside}{suffix}")


GIVE_WAY_EVERY = 50_000
"""How many of SQLite's steps a worker's statement takes between two calls of its ``give_way`` (a few ms)."""


def transient(error: sqlite3.Error) -> bool:
    """True for an error the database is not at fault for, which it is kept through: busy or locked by another
    connection, a statement interrupted (a worker's, as the app quits), a full disk."""
    import sqlite3

    code = getattr(error, "sqlite_errorcode", None)
    if code is None:
        return "locked" in str(error)
    return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED, sqlite3.SQLITE_INTERRUPT, sqlite3.SQLITE_FULL)


def give_way_in_workers(connection: sqlite3.Connection, give_way: Callable[[], None] | None) -> None:
    """Outside the main thread, ``give_way`` is called now and then while a statement runs, and may wait there:
    a worker's reads then leave the processor to the screen while the reader types. Should it raise (the app has
    quit), SQLite interrupts the statement."""
    import threading

    if give_way is None or threading.current_thread() is threading.main_thread():
        return

    def handler() -> int:
        give_way()
        return 0  # go on

    connection.set_progress_handler(handler, GIVE_WAY_EVERY)
