"""Workers give way to the screen: the index's upkeep calls ``give_way`` as it goes, in workers only."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from briefing.library.discover import GIVE_WAY_ENTRIES, scan
from briefing.library.marks import GIVE_WAY_ENTRIES as MARKS_EVERY
from briefing.library.marks import Known, Mark, since_last_looked
from briefing.library.read_state import ReadState
from briefing.system.database import give_way_in_workers


def _count_in(target: list[int]) -> None:
    target.append(1)


def test_scan_gives_way_before_each_folder_and_every_few_hundred_files(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
    for number in range(GIVE_WAY_ENTRIES * 2):
        (tmp_path / "a" / f"{number}.toml").write_text("")
    calls: list[int] = []
    found, problems = scan([tmp_path], lambda: _count_in(calls))
    assert len(found) == GIVE_WAY_ENTRIES * 2 and not problems
    # Three folders (the root, a, b), and twice in the folder of 512 files.
    assert len(calls) == 3 + 2


def test_scan_without_give_way_finds_the_same(tmp_path: Path) -> None:
    (tmp_path / "x.toml").write_text("")
    assert scan([tmp_path])[0] == scan([tmp_path], lambda: None)[0]


def _long_query(connection: sqlite3.Connection) -> None:
    connection.execute("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 200000) "
                       "SELECT sum(x) FROM n").fetchone()  # fmt: skip


def test_a_worker_connection_gives_way_while_a_statement_runs() -> None:
    calls: list[int] = []

    def work() -> None:
        connection = sqlite3.connect(":memory:")
        give_way_in_workers(connection, lambda: _count_in(calls))
        _long_query(connection)
        connection.close()

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert len(calls) >= 2


def test_the_main_thread_never_gives_way() -> None:
    calls: list[int] = []
    connection = sqlite3.connect(":memory:")
    give_way_in_workers(connection, lambda: _count_in(calls))
    _long_query(connection)
    assert calls == []


def test_marks_give_way_through_the_read_state(tmp_path: Path) -> None:
    state = ReadState(tmp_path / "state.sqlite3")
    calls: list[int] = []
    state.give_way = lambda: _count_in(calls)
    entries = [Known(str(tmp_path / f"{number}.toml"), 1, 1, "d") for number in range(MARKS_EVERY + 1)]
    marks = since_last_looked(entries, state, "lib")
    # A first open adopts every brief it can read as seen: these files do not exist, so each is new.
    assert set(marks.values()) == {Mark.NEW} and len(marks) == len(entries)
    # Twice in each of the two loops over the briefs (4,097 of them), at 0 and at 4,096, and before each brief read
    # to be adopted as seen.
    assert len(calls) == 4 + len(entries)


def test_adopting_a_library_gives_way_before_each_brief_it_reads_and_each_it_packs(tmp_path: Path) -> None:
    """A first open reads and packs every brief of the library (0.1 s a thousand): the screen never waits for more
    than one."""
    state = ReadState(tmp_path / "state.sqlite3")
    entries = []
    for number in range(5):
        path = tmp_path / f"{number}.toml"
        path.write_bytes(b"x" * 100)
        info = path.stat()
        entries.append(Known(str(path), info.st_size, info.st_mtime_ns, "d"))
    calls: list[str] = []
    real = state._pack

    def packed(content: bytes) -> bytes:
        calls.append("pack")
        return real(content)

    state.give_way = lambda: calls.append("way")
    state._pack = packed  # type: ignore[method-assign]
    assert since_last_looked(entries, state, "lib") == {}
    adopting = "".join("w" if call == "way" else "p" for call in calls)
    # The loops' own calls first and last; between them, a way before each read, then each pack (p) gives way (w).
    assert adopting == "w" + "w" * 5 + "pw" * 5 + "w", adopting
    assert state.knows("lib") and len(state.digests()) == 5
