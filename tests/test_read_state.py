"""The read state: what the reader last saw of each brief, kept safely, and the library's new and updated marks."""

from __future__ import annotations

import os
import sqlite3
import threading
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any, cast

import pytest

from briefing.format.load import load_path
from briefing.library.index import Library
from briefing.library.marks import Mark, mark_all_seen, since_last_looked
from briefing.library.queries import known
from briefing.library.read_state import STATE_FILE, ReadState, ReadStateError, path_key
from briefing.session import find_look_back
from briefing.system.locations import state_dir
from tests.git_fixtures import CONFIRMED
from tests.test_library import built, make_library


@pytest.fixture
def state(tmp_path: Path) -> ReadState:
    return ReadState(tmp_path / "state" / STATE_FILE)


def test_what_is_recorded_is_read_back(state: ReadState, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert state.seen(tmp_path / "a.toml") is None
    state.record(tmp_path / "a.toml", "digest-1", b"the bytes")
    monkeypatch.chdir(tmp_path)
    seen = state.seen("a.toml")  # the same file, named relatively
    assert seen is not None and (seen.digest, seen.content) == ("digest-1", b"the bytes")
    state.record(tmp_path / "a.toml", "digest-2", b"newer")
    assert state.digests() == {path_key(tmp_path / "a.toml"): "digest-2"}
    assert oct(os.stat(tmp_path / "state").st_mode & 0o777) == "0o700"


def test_the_default_place_is_the_state_directory(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg"))
    assert ReadState.default().file == tmp_path / "xdg" / "briefing" / STATE_FILE
    monkeypatch.delenv("XDG_STATE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert state_dir() == tmp_path / "home" / ".local" / "state" / "briefing"


def test_without_a_home_nothing_is_remembered() -> None:
    nowhere = ReadState(None)
    nowhere.record("/x.toml", "d", b"x")
    assert nowhere.seen("/x.toml") is None and nowhere.digests() == {} and nowhere.knows("any")


def aside(state: ReadState) -> list[str]:
    assert state.file is not None
    return sorted(name for name in os.listdir(state.file.parent) if ".damaged" in name)


@pytest.mark.parametrize("damage", ["garbage", "foreign", "newer", "truncated"])
def test_a_damaged_or_foreign_file_is_set_aside_and_a_new_one_begun(state: ReadState, damage: str) -> None:
    assert state.file is not None
    state.record("/a.toml", "d", b"x")
    if damage == "garbage":
        state.file.write_bytes(b"not a database at all " * 100)
    elif damage == "truncated":
        state.file.write_bytes(state.file.read_bytes()[:200])
    else:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{state.file}{suffix}").unlink(missing_ok=True)
        with sqlite3.connect(state.file) as other:
            other.execute("CREATE TABLE notes (text TEXT)")
            if damage == "newer":
                other.execute("PRAGMA application_id = 1651665254")
                other.execute("PRAGMA user_version = 99")
        other.close()
    before = state.file.read_bytes()
    assert state.seen("/a.toml") is None
    assert aside(state) == [f"{STATE_FILE}.damaged"]
    assert (state.file.parent / f"{STATE_FILE}.damaged").read_bytes() == before  # kept as it was, not deleted
    state.record("/b.toml", "d", b"y")
    assert state.seen("/b.toml") is not None


def test_a_symlink_in_its_place_is_set_aside_and_not_followed(state: ReadState, tmp_path: Path) -> None:
    assert state.file is not None
    target = tmp_path / "elsewhere.sqlite3"
    target.write_bytes(b"")
    state.file.parent.mkdir(parents=True)
    state.file.symlink_to(target)
    state.record("/a.toml", "d", b"x")
    assert target.read_bytes() == b"" and not state.file.is_symlink()
    assert os.path.islink(state.file.parent / f"{STATE_FILE}.damaged")


def test_a_row_that_does_not_unpack_is_ignored(state: ReadState) -> None:
    assert state.file is not None
    state.record("/a.toml", "d", b"x")
    bomb = zlib.compress(b"\0" * (2 << 20))
    with sqlite3.connect(state.file) as database:
        database.execute("UPDATE seen SET content = ? WHERE path = ?", (b"not zlib", path_key("/a.toml")))
        database.execute("INSERT INTO seen VALUES (?, 'd', ?)", (path_key("/b.toml"), bomb))
        database.execute("INSERT INTO seen VALUES (?, ?, ?)", (path_key("/c.toml"), b"\0", zlib.compress(b"x")))
    database.close()
    assert state.seen("/a.toml") is None and state.seen("/b.toml") is None and state.seen("/c.toml") is None
    assert path_key("/c.toml") not in state.digests()


def test_a_place_it_cannot_be_kept_is_said(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("a file, not a folder", encoding="utf-8")
    state = ReadState(tmp_path / "file" / "briefing" / STATE_FILE)
    with pytest.raises(ReadStateError, match="cannot open"):
        state.record("/a.toml", "d", b"x")


def test_two_writers_at_once_lose_nothing(state: ReadState) -> None:
    assert state.file is not None
    state.record("/first.toml", "d", b"x")
    failures: list[BaseException] = []

    def write(writer: int) -> None:
        other = ReadState(state.file)
        try:
            for number in range(40):
                other.record(f"/{writer}-{number}.toml", "d", b"x" * number)
        except BaseException as error:
            failures.append(error)

    threads = [threading.Thread(target=write, args=(writer,)) for writer in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert len(state.digests()) == 1 + 4 * 40


def test_the_look_back_is_the_version_last_seen(state: ReadState, brief_copy: Path) -> None:
    shown = load_path(brief_copy)
    assert shown.brief is not None and shown.fingerprint is not None
    assert find_look_back(brief_copy, shown.brief, state, None).baseline is shown.brief  # never seen: as shown now
    state.record(brief_copy, "d", shown.fingerprint.data)
    brief_copy.write_text(CONFIRMED, encoding="utf-8")
    later = load_path(brief_copy).brief
    assert later is not None
    baseline = find_look_back(brief_copy, later, state, None).baseline
    assert baseline == shown.brief
    assert find_look_back(brief_copy, later, None, None).baseline is None


def test_a_library_first_opened_marks_nothing_then_new_and_updated(state: ReadState, tmp_path: Path) -> None:
    paths = make_library(tmp_path / "lib", 6)
    seen_before = paths[0]
    state.record(seen_before, "an older digest", b"what it said then")
    library = Library([tmp_path / "lib"], tmp_path / "cache")
    built(library)
    first = since_last_looked(known(library.store), state, library.key)
    assert first == {str(seen_before): Mark.UPDATED}  # seen before the library: compared with what was seen
    assert state.knows(library.key) and len(state.digests()) == 6
    paths[1].write_text(paths[1].read_text(encoding="utf-8").replace('title = "', 'title = "Now: ', 1), "utf-8")
    (tmp_path / "lib" / "added.toml").write_text(paths[2].read_text(encoding="utf-8"), encoding="utf-8")
    library.refresh()
    marks = since_last_looked(known(library.store), state, library.key)
    assert marks == {str(seen_before): Mark.UPDATED, str(paths[1]): Mark.UPDATED,
                     str(tmp_path / "lib" / "added.toml"): Mark.NEW}  # fmt: skip
    assert mark_all_seen(known(library.store), marks, state) == 3
    assert since_last_looked(known(library.store), state, library.key) == {}


@pytest.mark.parametrize("count", [3, 4])
def test_a_library_is_known_once_its_last_batch_is_adopted_and_not_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, count: int
) -> None:
    """Adopted a batch at a time: a first open cut short after a batch is a first open again next time, so the
    briefs it had not reached are not marked new."""
    monkeypatch.setattr("briefing.library.marks.ADOPT_BATCH", 2)
    make_library(tmp_path / "lib", count)
    library = Library([tmp_path / "lib"], tmp_path / "cache")
    built(library)
    wholes: list[bool] = []

    class Recording(ReadState):
        cut = False

        def adopt(
            self, library: str, seen: Iterable[tuple[str | os.PathLike[str], str, bytes]], whole: bool = True
        ) -> None:
            wholes.append(whole)
            if self.cut and len(wholes) == 2:
                raise ReadStateError("the app quit")
            super().adopt(library, seen, whole)

    state = Recording(tmp_path / "state" / STATE_FILE)
    assert since_last_looked(known(library.store), state, library.key) == {}
    assert wholes == [False, True] and state.knows(library.key) and len(state.digests()) == count
    # Cut short after the first of two batches (the app quit): the next open adopts the rest, and marks nothing.
    cut = Recording(tmp_path / "cut" / STATE_FILE)
    cut.cut, wholes[:] = True, []
    with pytest.raises(ReadStateError):
        since_last_looked(known(library.store), cut, library.key)
    assert not cut.knows(library.key) and len(cut.digests()) == 2
    cut.cut = False
    assert since_last_looked(known(library.store), cut, library.key) == {}
    assert cut.knows(library.key) and len(cut.digests()) == count


def test_a_library_whose_briefs_were_all_seen_one_by_one_is_known_at_its_first_open(
    state: ReadState, tmp_path: Path
) -> None:
    paths = make_library(tmp_path / "lib", 3)
    library = Library([tmp_path / "lib"], tmp_path / "cache")
    built(library)
    for entry in known(library.store):
        state.record(entry.path, entry.digest, Path(entry.path).read_bytes())
    assert not state.knows(library.key)
    assert since_last_looked(known(library.store), state, library.key) == {}
    assert state.knows(library.key)
    (tmp_path / "lib" / "added.toml").write_text(paths[0].read_text(encoding="utf-8"), encoding="utf-8")
    library.refresh()
    assert since_last_looked(known(library.store), state, library.key) == {
        str(tmp_path / "lib" / "added.toml"): Mark.NEW
    }


def test_a_layout_change_is_not_an_update(state: ReadState, tmp_path: Path) -> None:
    paths = make_library(tmp_path / "lib", 2)
    library = Library([tmp_path / "lib"], tmp_path / "cache")
    built(library)
    since_last_looked(known(library.store), state, library.key)
    paths[0].write_text("# a comment\n" + paths[0].read_text(encoding="utf-8"), encoding="utf-8")
    library.refresh()
    assert since_last_looked(known(library.store), state, library.key) == {}


def test_what_unpacks_to_more_than_a_brief_or_stops_short_is_ignored(state: ReadState) -> None:
    from briefing.library.read_state import _packed, _unpacked
    from briefing.system.files import MAX_BRIEF_BYTES

    largest = b"x" * MAX_BRIEF_BYTES
    assert _unpacked(_packed(largest)) == largest
    assert _unpacked(_packed(largest + b"x")) is None
    assert _unpacked(_packed(b"a whole brief")[:-3]) is None  # a stream cut short


def test_no_home_and_no_xdg_state_home_keeps_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_STATE_HOME")
    monkeypatch.delenv("HOME")
    monkeypatch.setattr(os.path, "expanduser", lambda path: path)
    assert ReadState.default().file is None


def test_its_folders_are_made_as_needed(tmp_path: Path) -> None:
    state = ReadState(tmp_path / "a" / "b" / "briefing" / STATE_FILE)
    state.record("/x.toml", "d", b"x")
    assert state.seen("/x.toml") is not None


@pytest.mark.parametrize(("application", "version", "tables"), [
    (0x62726966, 3, True),  # ours, a version to come: set aside even with our tables
    (0, 5, False),  # no id, but a version: not a new file
    (0x62726966, 2, False),  # ours and this version, but without our tables
    (0, 1, True),  # not ours, with a version we would bring up to date if it were
])  # fmt: skip
def test_only_our_database_of_this_version_is_used(
    state: ReadState, application: int, version: int, tables: bool
) -> None:
    assert state.file is not None
    state.file.parent.mkdir(parents=True)
    with sqlite3.connect(state.file) as other:
        if tables:
            other.execute("CREATE TABLE seen (path BLOB PRIMARY KEY, digest TEXT NOT NULL, content BLOB NOT NULL)")
            other.execute("CREATE TABLE libraries (key TEXT PRIMARY KEY)")
            other.execute("INSERT INTO seen VALUES (?, 'd', ?)", (path_key("/a.toml"), zlib.compress(b"x")))
        other.execute(f"PRAGMA application_id = {application}")
        other.execute(f"PRAGMA user_version = {version}")
    other.close()
    assert state.seen("/a.toml") is None
    assert aside(state) == [f"{STATE_FILE}.damaged"]


VERSION_1 = (
    "CREATE TABLE seen (path BLOB PRIMARY KEY, digest TEXT NOT NULL, content BLOB NOT NULL) WITHOUT ROWID",
    "CREATE TABLE libraries (key TEXT PRIMARY KEY) WITHOUT ROWID",
)


def version_1_file(file: Path, schema: tuple[str, ...] = VERSION_1, rows: int = 300) -> dict[bytes, bytes]:
    """A read state as version 1 made it, holding ``rows`` briefs and a library; the briefs' packed contents."""
    file.parent.mkdir(parents=True, exist_ok=True)
    contents = {path_key(f"/lib/{number}.toml"): zlib.compress(os.urandom(1500)) for number in range(rows)}
    with sqlite3.connect(file) as database:
        database.execute("PRAGMA journal_mode = WAL")
        for statement in schema:
            database.execute(statement)
        database.executemany("INSERT INTO seen VALUES (?, ?, ?)", [(key, f"d{key!r}", packed)
                                                                    for key, packed in contents.items()])  # fmt: skip
        database.execute("INSERT INTO libraries VALUES ('lib')")
        database.execute("PRAGMA application_id = 1651665254")
        database.execute("PRAGMA user_version = 1")
    database.close()
    return contents


def test_a_version_1_read_state_is_brought_up_to_date_keeping_all_it_holds(state: ReadState) -> None:
    assert state.file is not None
    contents = version_1_file(state.file)
    before = state.file.stat().st_size
    assert state.knows("lib")
    assert aside(state) == []
    assert state.digests() == {key: f"d{key!r}" for key in contents}
    for key, packed in contents.items():
        seen = state.seen(os.fsdecode(key))
        assert seen is not None and seen.content == zlib.decompress(packed)
    with sqlite3.connect(state.file) as database:
        assert database.execute("PRAGMA user_version").fetchone()[0] == 2
        tables = dict(database.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall())
        assert set(tables) == {"seen", "libraries"} and "WITHOUT ROWID" not in tables["seen"]
        assert database.execute("PRAGMA freelist_count").fetchone()[0] == 0  # the old layout's pages given back
        plan = " ".join(row[3] for row in database.execute("EXPLAIN QUERY PLAN SELECT path, digest FROM seen"))
        assert "COVERING INDEX seen_digests" in plan
    database.close()
    state.record("/lib/new.toml", "n", b"x")
    assert state.seen("/lib/new.toml") is not None and len(state.digests()) == len(contents) + 1
    assert state.file.stat().st_size < before


def test_a_version_1_file_that_is_not_what_version_1_made_is_set_aside_whole(state: ReadState) -> None:
    assert state.file is not None
    odd = ("CREATE TABLE seen (path BLOB PRIMARY KEY, digest TEXT NOT NULL, packed BLOB NOT NULL)", VERSION_1[1])
    version_1_file(state.file, odd, rows=3)
    assert state.seen("/lib/0.toml") is None and not state.knows("lib")
    assert aside(state) == [f"{STATE_FILE}.damaged"]
    with sqlite3.connect(state.file.parent / f"{STATE_FILE}.damaged") as database:
        assert database.execute("SELECT count(*) FROM seen").fetchone()[0] == 3  # not changed in the least
        assert database.execute("PRAGMA user_version").fetchone()[0] == 1
    database.close()


def test_what_it_keeps_takes_little_more_room_than_the_briefs_themselves(state: ReadState) -> None:
    assert state.file is not None
    # Bytes that do not compress: each brief keeps about 1,200 bytes, as a brief of 4.5 KB does.
    briefs = [(f"/lib/{number}.toml", "d", os.urandom(1200)) for number in range(1000)]
    for start in range(0, len(briefs), 100):
        state.adopt("lib", briefs[start : start + 100])
    with sqlite3.connect(state.file) as database:
        database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()
    kept = sum(len(zlib.compress(content, 6)) for _path, _digest, content in briefs)
    assert state.file.stat().st_size < 1.5 * kept
    assert state.knows("lib") and len(state.digests()) == len(briefs)


class FailingAt:
    """A connection to a real database whose statements holding ``words`` fail as SQLite fails when another
    connection holds the file (the message, without an error code)."""

    def __init__(self, connection: sqlite3.Connection, words: str) -> None:
        self.connection, self.words = connection, words

    def execute(self, statement: str, parameters: Any = ()) -> sqlite3.Cursor:
        if self.words in statement:
            raise sqlite3.OperationalError("database is locked")
        return self.connection.execute(statement, parameters)


def test_an_upgrade_the_file_is_busy_for_is_left_for_later_not_set_aside(state: ReadState) -> None:
    from briefing.library.read_state import _SCHEMA, _UPGRADES, APPLICATION_ID, STATE_VERSION
    from briefing.system.database import prepare

    assert state.file is not None
    contents = version_1_file(state.file, rows=5)
    connection = sqlite3.connect(state.file, isolation_level=None)
    tables = {"seen", "libraries"}
    busy = cast("sqlite3.Connection", FailingAt(connection, "INSERT INTO seen"))
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        prepare(busy, APPLICATION_ID, STATE_VERSION, _SCHEMA, tables, _UPGRADES)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == 1  # nothing changed: tried again next time
    assert not connection.in_transaction
    # Busy as it is compacted after: upgraded all the same, only not smaller yet.
    after = cast("sqlite3.Connection", FailingAt(connection, "VACUUM"))
    assert prepare(after, APPLICATION_ID, STATE_VERSION, _SCHEMA, tables, _UPGRADES)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == 2
    assert connection.execute("PRAGMA freelist_count").fetchone()[0] > 0
    connection.close()
    assert state.digests() == {key: f"d{key!r}" for key in contents} and aside(state) == []


def test_each_file_set_aside_keeps_its_own_name(state: ReadState) -> None:
    assert state.file is not None
    state.record("/a.toml", "d", b"x")
    for _round in range(2):
        Path(f"{state.file}-wal").write_bytes(b"")
        Path(f"{state.file}-shm").write_bytes(b"")
        state.file.write_bytes(b"garbage" * 100)
        assert state.seen("/a.toml") is None
    names = [STATE_FILE + suffix for suffix in (".damaged", ".damaged-2", ".damaged-2-shm", ".damaged-2-wal",
                                                ".damaged-shm", ".damaged-wal")]  # fmt: skip
    assert aside(state) == names


def test_a_brief_changed_since_it_was_indexed_is_not_adopted_as_seen(state: ReadState, tmp_path: Path) -> None:
    paths = make_library(tmp_path / "lib", 2)
    library = Library([tmp_path / "lib"], tmp_path / "cache")
    built(library)
    entries = known(library.store)
    text = paths[0].read_text(encoding="utf-8")
    paths[0].write_text(text.replace('title = "Brief 0', 'title = "Brief O', 1), encoding="utf-8")  # same size
    os.utime(paths[0], ns=(1, 1))
    assert since_last_looked(entries, state, library.key) == {str(paths[0]): Mark.NEW}


def test_since_a_revision_in_a_folder_whose_name_begins_with_a_dash(tmp_path: Path) -> None:
    """The folder is given to git after ``--``: read as options, ``-lib`` is an unknown switch (and ``--cached`` or
    ``--output=…`` would be worse)."""
    from briefing.library.marks import since_revision
    from tests.git_fixtures import CONFIRMED, SEED_TEXT, commit, new_repository

    repo = new_repository(tmp_path / "repo")
    folder = repo / "-lib"
    folder.mkdir()
    (folder / "changed.toml").write_text(SEED_TEXT, encoding="utf-8")
    commit(repo, "A brief", "2024-06-12T09:00:00+00:00")
    (folder / "changed.toml").write_text(CONFIRMED, encoding="utf-8")
    (folder / "untracked.toml").write_text(SEED_TEXT, encoding="utf-8")
    library = Library([folder], tmp_path / "cache")
    built(library)
    marks = since_revision(known(library.store), [folder], "HEAD")
    assert {Path(path).name: mark for path, mark in marks.items()} == {"changed.toml": Mark.UPDATED,
                                                                       "untracked.toml": Mark.NEW}  # fmt: skip


def test_since_a_revision_marks_added_changed_and_uncommitted_briefs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.library.marks import since_revision

    monkeypatch.setenv("TZ", "UTC")  # a date is read in the reader's time zone
    from tests.git_fixtures import SEED_TEXT, brief_history, commit

    repo = tmp_path / "repo"
    brief_history(repo)
    (repo / "new.toml").write_text(SEED_TEXT, encoding="utf-8")
    (repo / "same.toml").write_text(SEED_TEXT, encoding="utf-8")
    (repo / "notes.txt").write_text("not a brief", encoding="utf-8")
    commit(repo, "Two more", "2024-06-19T13:00:00+00:00")
    (repo / "same.toml").write_text("# only a comment more\n" + SEED_TEXT, encoding="utf-8")
    (repo / "untracked.toml").write_text(SEED_TEXT, encoding="utf-8")
    (repo / ".gitignore").write_text("ignored.toml\n", encoding="utf-8")
    (repo / "ignored.toml").write_text(SEED_TEXT, encoding="utf-8")  # git is told to look away: not new
    library = Library([repo], tmp_path / "cache")
    built(library)
    entries = known(library.store)
    marks = since_revision(entries, [repo], "HEAD~2")
    named = {Path(path).name: mark for path, mark in marks.items()}
    assert named == {"brief.toml": Mark.UPDATED, "new.toml": Mark.NEW, "same.toml": Mark.NEW,
                     "untracked.toml": Mark.NEW}  # fmt: skip
    later = since_revision(entries, [repo], "HEAD")
    assert {Path(path).name: mark for path, mark in later.items()} == {"untracked.toml": Mark.NEW}  # a comment: no
    assert since_revision(entries, [repo / "."], "2024-06-19") == marks  # the last commit before the 19th


def test_a_file_damaged_while_in_use_is_set_aside_and_a_new_one_begun(state: ReadState) -> None:
    """Its header and schema still read, so it opens; a query then finds its pages malformed."""
    assert state.file is not None
    state.record_many([(f"/{number}.toml", "d", os.urandom(3000)) for number in range(100)])
    data = bytearray(state.file.read_bytes())
    page = 4096
    for start in range(2 * page, len(data) - page, page):
        data[start : start + 100] = b"\xff" * 100
    state.file.write_bytes(bytes(data))
    with pytest.raises(ReadStateError, match=r"was damaged and is set aside: database disk image is malformed$"):
        state.digests()
    assert aside(state) == [f"{STATE_FILE}.damaged"]
    assert (state.file.parent / f"{STATE_FILE}.damaged").read_bytes() == bytes(data)
    state.record("/b.toml", "d", b"y")
    assert list(state.digests()) == [path_key("/b.toml")]


def test_its_queries_give_way_in_a_worker(state: ReadState) -> None:
    """In a worker, a long read calls give_way as it goes (the screen's thread never does: test_give_way)."""
    state.record_many([(f"/{number}.toml", "d", b"x") for number in range(20_000)])
    calls: list[int] = []
    state.give_way = lambda: calls.append(1)
    worker = threading.Thread(target=state.digests)
    worker.start()
    worker.join()
    assert calls, "not once in 20,000 rows"


def test_a_changed_file_whose_old_version_git_cannot_give_is_updated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A blob missing from the repository (a shallow or partial clone) says nothing the brief could be compared with."""
    from briefing.library.marks import since_revision
    from briefing.system.git import Repository
    from tests.git_fixtures import SEED_TEXT, commit, new_repository

    repo = new_repository(tmp_path / "repo")
    (repo / "changed.toml").write_text(SEED_TEXT, encoding="utf-8")
    commit(repo, "A brief", "2024-06-12T09:00:00+00:00")
    (repo / "changed.toml").write_text("# a comment more\n" + SEED_TEXT, encoding="utf-8")
    library = Library([repo], tmp_path / "cache")
    built(library)
    assert since_revision(known(library.store), [repo], "HEAD") == {}, "said the same: not updated"
    monkeypatch.setattr(Repository, "objects", lambda _self, _blobs: {})
    marks = since_revision(known(library.store), [repo], "HEAD")
    assert {Path(path).name: mark for path, mark in marks.items()} == {"changed.toml": Mark.UPDATED}
