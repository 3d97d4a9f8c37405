"""The index's database on its own: what it keeps of each file, how rewriting a file leaves text behind in the
search index until it is rebuilt, and what it makes of a filter's words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefing.format.model import Problem
from briefing.library import queries
from briefing.library.store import PendingRecord, Record, StopRecord, Store, fts_query, read_problems


def record(number: int, title: str = "Talks") -> Record:
    return Record(
        path=f"lib/{number}.toml".encode(), size=number, mtime_ns=number * 10, inode=number + 1,
        title=f"{title} {number}",
        as_of=dt.date(2024, 6, 12), updated=None, category="Policy", tags=("Asia",), problems=(), digest=f"d{number}",
        text=f"{title} {number} hanoi", pending=(PendingRecord(0, "c", "Dates", ("Kremlin",), dt.date(2024, 6, 1)),),
        stops=(StopRecord(0, "Hanoi", "Vietnam", None, dt.date(2024, 6, 20), None, False, "likely", "planned", True),),
    )  # fmt: skip


def stale(store: Store) -> int:
    with store.reading() as database:
        value: int = database.execute("SELECT value FROM meta WHERE name = 'stale_text'").fetchone()[0]
    return value


def test_each_file_is_kept_with_its_stamp_and_a_rewrite_replaces_it() -> None:
    store = Store(None)
    store.write([record(1), record(2)])
    assert store.stamps() == {b"lib/1.toml": (1, 10, 2), b"lib/2.toml": (2, 20, 3)}
    store.write([record(1, "Summit")], gone=[b"lib/2.toml"])
    assert store.stamps() == {b"lib/1.toml": (1, 10, 2)}
    (entry,) = queries.briefs(store, list(queries.ordered(store, 0, None))).values()
    assert (entry.title, entry.tags, entry.digest, len(entry.pending), len(entry.stops)) == ("Summit 1", ("Asia",),
                                                                                             "d1", 1, 1)  # fmt: skip
    assert queries.matching_briefs(store, ["summit"]) == {entry.id}
    # The old text still matches its old rows, whose ids are never given again: no live brief.
    assert entry.id not in queries.matching_briefs(store, ["talks"]) and entry.id > 2
    assert stale(store) == 2  # two rows' text left in the search index (it keeps none to delete it by)


def test_the_search_index_is_rebuilt_from_the_files_once_most_of_it_is_stale() -> None:
    store = Store(None)
    batch = [record(number) for number in range(1001)]
    store.write(batch)
    store.write(batch)
    assert stale(store) == 1001 and len(store.stamps()) == 1001  # not more than the live rows: kept
    store.write(batch)
    # 2,002 stale rows, more than the 1,001 live: emptied, so that every file is read again (and its text with it).
    assert (stale(store), store.stamps()) == (0, {})
    assert queries.matching_briefs(store, ["hanoi"]) == set()


def test_problems_are_kept_as_written_and_a_damaged_value_reads_as_none() -> None:
    problems = (Problem("a.toml", "bad", 3, 4, "brief.title"), Problem("a.toml", "worse", None, None, None))
    store = Store(None)
    store.write([record(1)._replace(problems=problems)])
    (entry,) = queries.briefs(store, list(queries.ordered(store, 0, None))).values()
    assert entry.problems == problems and not entry.ok
    assert read_problems('[["f", "m", true, 2.5, 7]]') == (Problem("f", "m", None, None, "7"),)
    assert read_problems("not json") == () and read_problems('[["too", "short"]]') == ()


def test_a_filters_words_are_quoted_prefixes_and_nothing_else() -> None:
    assert fts_query(["Han", "vi-et"]) == '"Han"* "vi"* "et"*'
    assert fts_query(['"); DROP', "NEAR(a"]) == '"DROP"* "NEAR"* "a"*'
    assert fts_query(["--", "__"]) is None and fts_query([]) is None


def rows(store: Store, sql: str) -> list[tuple[object, ...]]:
    with store.reading() as database:
        return list(database.execute(sql).fetchall())


def test_every_column_of_a_file_is_written_as_it_was_read() -> None:
    store = Store(None)
    first = record(1)._replace(
        updated=dt.date(2024, 6, 14), category=None, tags=("Asia", "Summit"),
        pending=(PendingRecord(0, "c", "Dates", ("Kremlin Press", "TASS"), dt.date(2024, 6, 1)),
                 PendingRecord(1, "d", "Venue", ("Hanoi",), None)),
        stops=(StopRecord(0, "Hanoi", "Vietnam", "June 20", dt.date(2024, 6, 20), dt.date(2024, 6, 21), True,
                          "likely", "planned", True),
               StopRecord(1, "Pyongyang", None, None, None, None, False, None, "confirmed", False)),
    )  # fmt: skip
    store.write([first, record(2)])
    assert rows(store, "SELECT id, path, size, mtime_ns, inode, ok, title, title_key, as_of, updated, touched, "
                       "category, tags, pending, problems, digest FROM briefs ORDER BY id") == [
        (1, b"lib/1.toml", 1, 10, 2, 1, "Talks 1", "talks 1", "2024-06-12", "2024-06-14", "2024-06-14", "",
         '["Asia", "Summit"]', 2, "[]", "d1"),
        (2, b"lib/2.toml", 2, 20, 3, 1, "Talks 2", "talks 2", "2024-06-12", None, "2024-06-12", "Policy",
         '["Asia"]', 1, "[]", "d2"),
    ]  # fmt: skip
    assert rows(store, "SELECT * FROM pending ORDER BY id") == [
        (1, 1, 0, "c", "Dates", '["Kremlin Press", "TASS"]', "kremlin press tass", "2024-06-01"),
        (2, 1, 1, "d", "Venue", '["Hanoi"]', "hanoi", None),
        (3, 2, 0, "c", "Dates", '["Kremlin"]', "kremlin", "2024-06-01"),
    ]
    assert rows(store, "SELECT * FROM stops ORDER BY id") == [
        (1, 1, 0, "Hanoi", "Vietnam", "June 20", "2024-06-20", "2024-06-21", 1, "likely", "planned", 1),
        (2, 1, 1, "Pyongyang", None, None, None, None, 0, None, "confirmed", 0),
        (3, 2, 0, "Hanoi", "Vietnam", None, "2024-06-20", None, 0, "likely", "planned", 1),
    ]
    # Each row's own words, whole, are what the filter finds it by.
    assert queries.matching_rows(store, "pending", ["press", "tass"]) == {1}
    assert queries.matching_rows(store, "pending", ["venue", "hanoi"]) == {2}
    assert queries.matching_rows(store, "stops", ["vietnam", "june"]) == {1}
    assert queries.matching_rows(store, "stops", ["hanoi", "likely", "planned"]) == {1, 3}
    assert queries.matching_rows(store, "stops", ["pyongyang", "confirmed"]) == {2}


def test_ids_follow_on_from_the_last_given_and_are_never_given_again() -> None:
    store = Store(None)
    store.write([record(1)])
    assert rows(store, "SELECT id FROM briefs") == [(1,)]
    store.write([record(1, "Again"), record(2)])
    assert rows(store, "SELECT id FROM briefs ORDER BY id") == [(2,), (3,)]
    assert rows(store, "SELECT id, brief FROM pending ORDER BY id") == [(2, 2), (3, 3)]
    assert rows(store, "SELECT id, brief FROM stops ORDER BY id") == [(2, 2), (3, 3)]


def test_forgetting_files_skips_those_it_never_had() -> None:
    store = Store(None)
    store.write([record(1), record(2), record(3)])
    store.write([], gone=[b"lib/never.toml", b"lib/1.toml", b"lib/elsewhere.toml", b"lib/3.toml"])
    assert store.stamps() == {b"lib/2.toml": (2, 20, 3)}
    assert rows(store, "SELECT brief FROM pending") == [(2,)] and rows(store, "SELECT brief FROM stops") == [(2,)]
    assert stale(store) == 2


def test_the_search_index_is_rebuilt_only_past_a_thousand_stale_rows() -> None:
    store = Store(None)
    store.write([record(1)])
    with store.reading() as database:
        database.execute("UPDATE meta SET value = 1000 WHERE name = 'stale_text'")
    store._compact_if_stale()
    assert len(store.stamps()) == 1
    with store.reading() as database:
        database.execute("UPDATE meta SET value = 1001 WHERE name = 'stale_text'")
    store._compact_if_stale()
    assert (store.stamps(), stale(store), rows(store, "SELECT count(*) FROM pending")) == ({}, 0, [(0,)])


def test_an_index_in_memory_is_marked_as_ours_and_can_be_read_from_another_thread() -> None:
    import threading

    from briefing.library.store import APPLICATION_ID, INDEX_VERSION

    store = Store(None)
    store.write([record(1)])
    assert rows(store, "PRAGMA application_id") == [(APPLICATION_ID,)]
    assert rows(store, "PRAGMA user_version") == [(INDEX_VERSION,)]
    found: list[dict[bytes, tuple[int, int, int]]] = []
    worker = threading.Thread(target=lambda: found.append(store.stamps()))
    worker.start()
    worker.join()
    assert found == [{b"lib/1.toml": (1, 10, 2)}]


def test_each_thread_keeps_its_connection_until_it_is_closed(tmp_path: Path) -> None:
    import sqlite3

    store = Store(tmp_path / "index.sqlite3")
    store.close()  # none made yet: nothing to close
    first = store.connection()
    assert store.connection() is first
    store.close()
    with pytest.raises(sqlite3.ProgrammingError):
        first.execute("SELECT 1")
    store.write([record(1)])  # a new connection
    assert store.connection() is not first and store.stamps() == {b"lib/1.toml": (1, 10, 2)}
    store.close()
    store.close()  # nothing left to close: nothing happens


def test_a_reset_closes_the_connection_and_sets_the_file_aside(tmp_path: Path) -> None:
    import sqlite3

    file = tmp_path / "index.sqlite3"
    store = Store(file)
    store.write([record(1)])
    first = store.connection()
    store.reset()
    with pytest.raises(sqlite3.ProgrammingError):
        first.execute("SELECT 1")
    assert (tmp_path / "index.sqlite3.damaged").exists() and not file.exists()
    assert store.stamps() == {} and file.exists()
    Store(None).reset()  # nothing on disk to set aside


def test_an_index_that_cannot_be_set_aside_is_left_where_it_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    file = tmp_path / "index.sqlite3"
    store = Store(file)
    store.write([record(1)])

    def refused(source: object, target: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "rename", refused)
    store.reset()  # the next open finds it damaged again, and tries again
    assert file.exists()


def test_a_worker_threads_long_statement_gives_way_now_and_then(tmp_path: Path) -> None:
    import threading

    store = Store(tmp_path / "index.sqlite3")
    store.write([record(number) for number in range(50)])
    given: list[str] = []
    long_statement = "SELECT count(*) FROM briefs a, briefs b, briefs c"  # 125,000 rows: a few give-ways

    def read() -> None:
        with store.reading() as database:
            given.append(str(database.execute(long_statement).fetchone()[0]))

    worker = threading.Thread(target=read)
    worker.start()
    worker.join()
    assert given == ["125000"]  # none asked for: the statement runs through
    store.give_way = lambda: given.append("gave way")
    worker = threading.Thread(target=read)
    worker.start()
    worker.join()
    assert given[-1] == "125000" and given.count("gave way") >= 2
    store.close()


def test_a_write_that_fails_part_way_leaves_the_index_as_it_was_and_usable(tmp_path: Path) -> None:
    import sqlite3

    store = Store(tmp_path / "index.sqlite3")
    store.write([record(1)])
    broken = record(2)._replace(title=None)  # type: ignore[arg-type]  # NOT NULL: the insert fails
    with pytest.raises((sqlite3.IntegrityError, AttributeError)):
        store.write([record(3), broken], gone=[b"lib/1.toml"])
    assert store.stamps() == {b"lib/1.toml": (1, 10, 2)} and stale(store) == 0
    store.write([record(2)])  # no transaction left open
    assert len(store.stamps()) == 2
    store.close()


def test_a_stale_count_that_is_not_a_number_is_not_trusted() -> None:
    store = Store(None)
    store.write([record(1)])
    with store.reading() as database:
        database.execute("UPDATE meta SET value = 'many' WHERE name = 'stale_text'")
    assert queries.every_brief_matches(store, ["talks"]) is False
    store._compact_if_stale()
    assert (store.stamps(), stale(store)) == ({}, 0)
