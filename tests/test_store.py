"""The index's database on its own: what it keeps of each file, how rewriting a file leaves text behind in the
search index until it is rebuilt, and what it makes of a filter's words."""

from __future__ import annotations

import datetime as dt

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
