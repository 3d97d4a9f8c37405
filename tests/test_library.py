"""The library core: finding briefs, the index (SQLite), its orders and filter, the boards."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from bench.gen_library import brief
from briefing.cli import _what_to_open
from briefing.format.load import load_path
from briefing.library import entries as entries_module
from briefing.library import queries
from briefing.library.discover import find_briefs
from briefing.library.entries import IndexedBrief
from briefing.library.index import Library
from briefing.library.store import INDEX_VERSION
from briefing.library.views import AgendaHeading, TodayLine, agenda
from briefing.system.settings import Settings
from tests.conftest import MINIMAL_BRIEF


def make_library(root: Path, count: int = 12) -> list[Path]:
    """``count`` generated briefs (deterministic), plus nothing else."""
    import random

    rng = random.Random(7)
    paths = []
    for number in range(count):
        as_of, document = brief(number, rng)
        path = root / f"{as_of.year}" / f"{as_of.isoformat()}-{number:02d}.toml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(tomli_w.dumps(document), encoding="utf-8")
        paths.append(path)
    return paths


def built(lib: Library) -> dict[str, IndexedBrief]:
    """Build the index, and read back every brief it holds, by path."""
    for _done in lib.build():
        pass
    return {entry.path: entry for entry in in_order(lib, 0)}


def in_order(lib: Library, order: int, today: dt.date | None = None) -> list[IndexedBrief]:
    found = [queries.brief(lib.store, brief_id) for brief_id in queries.ordered(lib.store, order, today)]
    return [entry for entry in found if entry is not None]


def index_file(lib: Library) -> Path:
    assert lib.store.file is not None
    return lib.store.file


def test_find_briefs_walks_directories_and_skips_hidden_ones(tmp_path: Path) -> None:
    make_library(tmp_path, 3)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.toml").write_text("", encoding="utf-8")
    (tmp_path / ".draft.toml").write_text("", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("", encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path)  # a symlink loop is not followed
    files, problems = find_briefs([tmp_path])
    assert len(files) == 3 and problems == []
    assert all(path.suffix == ".toml" and ".git" not in path.parts for path in files)


def test_bad_entries_are_reported_per_file(tmp_path: Path) -> None:
    make_library(tmp_path, 2)
    (tmp_path / "bytes.toml").write_bytes(b"\xff\xfe")
    (tmp_path / "empty.toml").write_text("", encoding="utf-8")
    (tmp_path / "other.toml").write_text("[tool.x]\na = 1\n", encoding="utf-8")
    (tmp_path / "dangling.toml").symlink_to(tmp_path / "nowhere.toml")
    entries = built(Library([tmp_path], tmp_path / "cache"))
    messages = {Path(path).name: entry.problems[0].message for path, entry in entries.items() if not entry.ok}
    assert messages == {
        "bytes.toml": "not UTF-8 text (byte 0xff cannot be decoded)",
        "empty.toml": "is empty; a brief needs schema_version, [brief] and [summary]",
        "other.toml": "missing required key `schema_version` (it is 1)",
        "dangling.toml": "is a symlink that leads nowhere",
    }
    assert sum(entry.ok for entry in entries.values()) == 2
    # The same words as `briefing check` and the app's problem list, which read it with load_path.
    for name, message in messages.items():
        assert load_path(tmp_path / name).problems[0].message == message


def test_the_orders_put_problems_first_and_the_filter_finds_words_by_their_start(tmp_path: Path) -> None:
    make_library(tmp_path, 12)
    (tmp_path / "broken.toml").write_text("nope", encoding="utf-8")
    lib = Library([tmp_path], tmp_path / "cache")
    built(lib)
    newest = in_order(lib, 0)
    assert not newest[0].ok and all(entry.ok for entry in newest[1:])
    dates = [entry.as_of for entry in newest[1:]]
    assert dates == sorted(dates, reverse=True)  # type: ignore[type-var]
    assert [entry.as_of for entry in in_order(lib, 1)[1:]] == sorted(dates)  # type: ignore[type-var]
    titles = [entry.title.casefold() for entry in in_order(lib, 2)[1:]]
    assert titles == sorted(titles)
    pending = [len(entry.pending) for entry in in_order(lib, 3)[1:]]
    assert pending == sorted(pending, reverse=True)
    brief_7 = {entry.id for entry in newest if entry.title.startswith("Brief 7:")}
    assert queries.matching_briefs(lib.store, ["brief", "7"]) >= brief_7
    assert queries.matching_briefs(lib.store, ["BRI", "7"]) == queries.matching_briefs(lib.store, ["brief", "7"])
    assert queries.matching_briefs(lib.store, ["zzzznothing"]) == set()
    place = brief_7_place = next(stop.place for entry in newest for stop in entry.stops if entry.id in brief_7)
    found = queries.matching_briefs(lib.store, [place[:3].lower()])
    assert {entry.id for entry in newest if any(stop.place == brief_7_place for stop in entry.stops)} <= found


def test_the_next_stop_soonest_order_counts_to_today(tmp_path: Path) -> None:
    make_library(tmp_path, 12)
    lib = Library([tmp_path], tmp_path / "cache")
    built(lib)
    today = dt.date(2021, 6, 1)
    starts = [
        (stop.start or stop.end) if (stop := entry.next_stop(today)) else None for entry in in_order(lib, 4, today)
    ]
    dated = [start for start in starts if start is not None]
    assert dated == sorted(dated) and starts == dated + [None] * (len(starts) - len(dated))


def test_pending_board_is_oldest_first(tmp_path: Path) -> None:
    make_library(tmp_path, 12)
    lib = Library([tmp_path], tmp_path / "cache")
    built(lib)
    keys, _briefs = queries.pending_ordered(lib.store, 0)
    rows = [queries.pending_row(lib.store, key, lambda b: queries.brief(lib.store, b)) for key in keys]
    assert rows and all(row is not None for row in rows)
    since = [row[1].since for row in rows if row]
    assert since == sorted(since)


def test_agenda_groups_stops_by_week_with_undated_apart(tmp_path: Path) -> None:
    make_library(tmp_path, 12)
    lib = Library([tmp_path], tmp_path / "cache")
    built(lib)
    shown = agenda(queries.stops_for_agenda(lib.store))
    headings = [marker.label for marker in shown.markers if isinstance(marker, AgendaHeading)]
    assert headings[-1] == "No dates reported"
    assert all(label.startswith("Week of ") for label in headings[:-1])
    week: dt.date | None = None
    for key in shown.keys:
        if key < 0:
            marker = shown.marker(key)
            assert not isinstance(marker, TodayLine), "no today given: no today line"
            week = (
                None
                if marker.label == "No dates reported"
                else dt.datetime.strptime(marker.label[8:], "%d %b %Y").date()
            )
            continue
        row = queries.stop_row(lib.store, key, lambda b: queries.brief(lib.store, b))
        assert row is not None
        start = row[1].start or row[1].end
        if week is None:
            assert start is None
        else:
            assert start is not None and week <= start < week + dt.timedelta(days=7)


def test_a_second_open_reads_no_file_and_a_changed_one_is_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = make_library(tmp_path / "lib", 6)
    first = built(Library([tmp_path / "lib"], tmp_path / "cache"))
    calls: list[Path] = []
    real = entries_module.record

    def counting(path: Path) -> object:
        calls.append(path)
        return real(path)

    monkeypatch.setattr(entries_module, "record", counting)
    second = built(Library([tmp_path / "lib"], tmp_path / "cache"))
    assert second == first and calls == []
    # The same size and mtime, another inode (saved by rename): read again.
    changed = paths[0]
    info = changed.stat()
    text = changed.read_text(encoding="utf-8").replace("Brief ", "Bried ", 1)
    saved = changed.with_name("saved.tmp")
    saved.write_text(text, encoding="utf-8")
    os.utime(saved, ns=(info.st_atime_ns, info.st_mtime_ns))
    os.replace(saved, changed)
    assert (changed.stat().st_size, changed.stat().st_mtime_ns) == (info.st_size, info.st_mtime_ns)
    assert changed.stat().st_ino != info.st_ino
    third = built(Library([tmp_path / "lib"], tmp_path / "cache"))
    assert calls == [changed] and third[str(changed)].title.startswith("Bried ")
    # The same size and inode, another mtime: read again.
    calls.clear()
    changed.write_text(text.replace("Bried ", "Bries ", 1), encoding="utf-8")
    os.utime(changed, ns=(1, 1))
    fourth = built(Library([tmp_path / "lib"], tmp_path / "cache"))
    assert calls == [changed] and fourth[str(changed)].title.startswith("Bries ")
    # The same mtime and inode, another size: read again.
    calls.clear()
    changed.write_text(text.replace("Bried ", "Briefly "), encoding="utf-8")
    os.utime(changed, ns=(1, 1))
    fifth = built(Library([tmp_path / "lib"], tmp_path / "cache"))
    assert calls == [changed] and fifth[str(changed)].title.startswith("Briefly ")


@pytest.mark.parametrize(
    "junk",
    [b"not a database at all", b"SQLite format 3\x00" + b"\xff" * 200, b""],
    ids=["text", "damaged", "empty"],
)
def test_a_damaged_index_is_set_aside_and_built_again(tmp_path: Path, junk: bytes) -> None:
    make_library(tmp_path / "lib", 3)
    lib = Library([tmp_path / "lib"], tmp_path / "cache")
    index_file(lib).parent.mkdir(parents=True)
    index_file(lib).write_bytes(junk)
    assert len(built(lib)) == 3
    if junk:
        assert index_file(lib).with_name(index_file(lib).name + ".damaged").read_bytes() == junk


def test_an_index_is_kept_through_a_worker_s_statement_interrupted_as_the_app_quits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker's give_way raises once the app has gone (Textual has no app to ask): SQLite interrupts the statement.
    That is not damage: the index stays, and is not built again (it was set aside, 100,000 briefs read again, when
    the reader quit while the files were being checked)."""
    import threading

    from briefing.system import database

    make_library(tmp_path / "lib", 3)
    lib = Library([tmp_path / "lib"], tmp_path / "cache")
    built(lib)
    lib.store.close()
    monkeypatch.setattr(database, "GIVE_WAY_EVERY", 1)

    def app_gone() -> None:
        raise RuntimeError("no active app")

    lib.store.give_way = app_gone
    raised: list[BaseException] = []

    def worker() -> None:
        try:
            lib.store.stamps()  # as the index's upkeep checks the files against it
        except BaseException as error:  # what the worker ended with is what the test looks at
            raised.append(error)
        finally:
            lib.store.close()

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert [type(error) for error in raised] == [sqlite3.OperationalError]
    assert "interrupted" in str(raised[0])
    assert not list(index_file(lib).parent.glob("*.damaged*")), "not set aside"
    lib.store.give_way = None
    assert len(lib.store.stamps()) == 3, "the same index, whole"


def test_an_update_interrupted_is_not_begun_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing.library.store import Store

    make_library(tmp_path / "lib", 3)
    lib = Library([tmp_path / "lib"], tmp_path / "cache")
    built(lib)
    calls: list[int] = []

    def interrupted(store: Store) -> dict[bytes, tuple[int, int, int]]:
        calls.append(1)
        with store.reading() as database:
            database.set_progress_handler(lambda: 1, 1)  # as a give_way that raises does
            try:
                database.execute("SELECT count(*) FROM briefs").fetchall()
            finally:
                database.set_progress_handler(None, 1)
        return {}

    monkeypatch.setattr(Store, "stamps", interrupted)
    with pytest.raises(sqlite3.OperationalError, match="interrupted"):
        list(lib.build())
    assert calls == [1], "not read again as if the index had been damaged"
    assert not list(index_file(lib).parent.glob("*.damaged*"))


def test_a_foreign_or_old_index_is_set_aside_and_built_again(tmp_path: Path) -> None:
    make_library(tmp_path / "lib", 3)
    lib = Library([tmp_path / "lib"], tmp_path / "cache")
    built(lib)
    lib.store.close()
    with sqlite3.connect(index_file(lib)) as database:
        database.execute(f"PRAGMA user_version = {INDEX_VERSION - 1}")  # an old version, its tables still whole
    again = Library([tmp_path / "lib"], tmp_path / "cache")
    assert len(built(again)) == 3
    assert index_file(again).with_name(index_file(again).name + ".damaged").exists()
    again.store.close()
    index_file(again).unlink()
    with sqlite3.connect(index_file(again)) as database:
        database.execute("CREATE TABLE briefs (path TEXT)")  # someone else's
    third = Library([tmp_path / "lib"], tmp_path / "cache")
    assert len(built(third)) == 3


@pytest.mark.parametrize("planted", ["'); DROP TABLE briefs; --", '" OR 1=1 --', "title_key LIKE '%'", "NEAR(a b)"])
def test_hostile_strings_are_data_in_the_index(tmp_path: Path, planted: str) -> None:
    (tmp_path / "lib").mkdir()
    text = MINIMAL_BRIEF.replace('title = "Minimal"', f"title = {tomli_w.dumps({'t': planted})[4:].strip()}")
    (tmp_path / "lib" / "hostile.toml").write_text(text, encoding="utf-8")
    make_library(tmp_path / "lib", 2)
    lib = Library([tmp_path / "lib"], tmp_path / "cache")
    entries = built(lib)
    assert planted in {entry.title for entry in entries.values()}
    assert len(entries) == 3
    hostile = next(entry.id for entry in entries.values() if entry.title == planted)
    # Typed into the filter: words, never a query of its own; it finds the brief that holds them, and nothing breaks.
    assert hostile in queries.matching_briefs(lib.store, planted.split())
    assert [text for text, kind, *_ in queries.palette_candidates(lib.store, planted, 10) if kind == "Brief"] == [
        planted
    ]
    assert queries.count(lib.store) == (3, 0)


def test_refresh_notices_added_changed_and_removed_files(tmp_path: Path) -> None:
    paths = make_library(tmp_path / "lib", 3)
    lib = Library([tmp_path / "lib"], tmp_path / "cache")
    built(lib)
    assert lib.refresh() is False
    extra = tmp_path / "lib" / "new.toml"
    extra.write_text(MINIMAL_BRIEF, encoding="utf-8")
    paths[0].unlink()
    assert lib.refresh() is True
    now = {entry.path for entry in in_order(lib, 0)}
    assert str(extra) in now and str(paths[0]) not in now and len(now) == 3


def test_two_libraries_on_the_same_index_share_it(tmp_path: Path) -> None:
    make_library(tmp_path / "lib", 4)
    one = Library([tmp_path / "lib"], tmp_path / "cache")
    two = Library([tmp_path / "lib"], tmp_path / "cache")
    built(one)
    assert len(built(two)) == 4
    (tmp_path / "lib" / "new.toml").write_text(MINIMAL_BRIEF, encoding="utf-8")
    assert one.refresh() is True
    assert two.refresh() is False, "the other already wrote it"
    assert len(in_order(two, 0)) == 5


def test_what_to_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one, two = make_library(tmp_path / "lib", 2)
    defaults = Settings()
    assert _what_to_open([str(one)], defaults) == one
    assert _what_to_open([str(one), str(two)], defaults) == [one, two]
    assert _what_to_open([str(tmp_path / "lib")], defaults) == [tmp_path / "lib"]
    monkeypatch.setenv("BRIEFING_PATH", f"{one}{os.pathsep}{two}")
    assert _what_to_open([], defaults) == [one, two]
    # $BRIEFING_PATH comes before the settings' content path, which comes before the bundled briefs.
    assert _what_to_open([], Settings(content=(tmp_path / "lib",))) == [one, two]
    monkeypatch.delenv("BRIEFING_PATH")
    assert _what_to_open([], Settings(content=(tmp_path / "lib",))) == [tmp_path / "lib"]
    assert _what_to_open([], Settings(content=(one,))) == one
    bundled = _what_to_open([], defaults)
    assert isinstance(bundled, Path) and bundled.suffix == ".toml"


def test_threads_that_open_a_new_index_at_once_all_find_it_made(tmp_path: Path) -> None:
    import threading

    from briefing.library.store import Store

    store = Store(tmp_path / "index.sqlite3")
    errors: list[BaseException] = []
    start = threading.Barrier(6)

    def open_it() -> None:
        start.wait()
        try:
            queries.count(store)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=open_it) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with sqlite3.connect(tmp_path / "index.sqlite3") as database:
        assert database.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.parametrize("order", [0, 1, 2])
def test_the_index_lays_out_the_agenda_as_the_stops_sorted_here_would(tmp_path: Path, order: int) -> None:
    make_library(tmp_path, 24)
    lib = Library([tmp_path], tmp_path / "cache")
    built(lib)
    today = dt.date(2022, 6, 1)
    streamed = queries.agenda_of(lib.store, today, order)
    sorted_here = agenda(queries.stops_for_agenda(lib.store), today, order)
    assert list(streamed.keys) == list(sorted_here.keys) and len(streamed.keys) > 24
    assert streamed.markers == sorted_here.markers


def test_the_build_reports_its_progress_and_counts_each_change(tmp_path: Path) -> None:
    make_library(tmp_path / "lib", 5)
    lib = Library([tmp_path / "lib"], tmp_path / "cache")
    seen: list[tuple[int, int]] = []
    done = list(lib.build(progress=lambda count, total: seen.append((count, total))))
    assert seen[0] == (0, 5) and seen[-1] == (5, 5) and done[-1] == 5
    assert all(total == 5 for _count, total in seen) and [count for count, _ in seen] == sorted(
        count for count, _ in seen
    )
    first = lib.generation
    assert first >= 1
    again: list[tuple[int, int]] = []
    assert list(Library([tmp_path / "lib"], tmp_path / "cache").build(progress=lambda *pair: again.append(pair))) == [5]
    assert again == [(5, 5)]  # nothing read: every file was known
    (tmp_path / "lib" / "new.toml").write_text(MINIMAL_BRIEF, encoding="utf-8")
    assert lib.refresh() is True and lib.generation == first + 1
    sorted(tmp_path.joinpath("lib").rglob("*-00.toml"))[0].unlink()
    assert lib.refresh() is True and lib.generation == first + 2


def test_a_folder_that_cannot_be_read_is_a_problem_row_and_comes_back_when_it_can(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_library(tmp_path / "lib", 3)
    shut = tmp_path / "lib" / "2024"
    shut.mkdir(exist_ok=True)
    (shut / "inside.toml").write_text(MINIMAL_BRIEF, encoding="utf-8")
    real_scandir = os.scandir

    def refusing(path: Any) -> Any:
        if os.fsencode(path) == os.fsencode(shut):
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    lib = Library([tmp_path / "lib"], tmp_path / "cache")
    entries = built(lib)
    problem = entries[str(shut)]
    assert not problem.ok and problem.problems[0].message == "cannot be read: Permission denied"
    assert str(shut / "inside.toml") not in entries
    generation = lib.generation
    assert generation == 2  # the files' batch, then the folder's row
    assert lib.refresh() is False and lib.generation == generation  # the same problem: nothing written again
    monkeypatch.setattr(os, "scandir", real_scandir)
    assert lib.refresh() is True
    now = built(lib)
    assert str(shut) not in now and now[str(shut / "inside.toml")].title == "Minimal"


def test_the_files_are_read_a_batch_at_a_time_each_batch_one_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.library import index

    monkeypatch.setattr(index, "BATCH", 2)
    make_library(tmp_path / "lib", 5)
    lib = Library([tmp_path / "lib"], tmp_path / "cache")
    assert lib.generation == 0
    seen: list[tuple[int, int]] = []
    assert list(lib.build(progress=lambda count, total: seen.append((count, total)))) == [0, 2, 4, 5]
    assert seen == [(0, 5), (2, 5), (4, 5), (5, 5)] and lib.generation == 3


def test_the_longest_texts_are_measured_again_after_each_change(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    root.mkdir()
    (root / "a.toml").write_text(MINIMAL_BRIEF, encoding="utf-8")
    lib = Library([root], tmp_path / "cache")
    built(lib)
    assert queries.longest(lib.store)["title"] == len("Minimal")
    longer = MINIMAL_BRIEF.replace('title = "Minimal"', 'title = "A much longer title"')
    (root / "b.toml").write_text(longer, encoding="utf-8")
    assert lib.refresh() is True
    assert queries.longest(lib.store)["title"] == len("A much longer title")


def test_the_walk_gives_way_to_the_screen(tmp_path: Path) -> None:
    make_library(tmp_path / "lib", 3)
    lib = Library([tmp_path / "lib"], tmp_path / "cache")
    calls: list[int] = []
    lib.store.give_way = lambda: calls.append(1)
    built(lib)
    assert len(calls) >= 2  # the root and its year's folder, at least


def test_a_library_is_known_by_its_roots_whatever_their_order_and_names() -> None:
    from briefing.library.index import _roots_key

    # The read state and the index's file are kept by this key: it must not change from one version to the next.
    assert _roots_key([Path("/srv/briefs"), Path("/home/a/briefs")]) == "02c63eea2f0bca0f"
    assert _roots_key([Path("/home/a/briefs"), Path("/srv/briefs")]) == "02c63eea2f0bca0f"
    assert _roots_key([Path("/home/a/briefs")]) != _roots_key([Path("/home/a/briefs"), Path("/srv/briefs")])
    undecodable = Path(os.fsdecode(b"/srv/br\xffefs"))
    assert len(_roots_key([undecodable])) == 16 and _roots_key([undecodable]) != _roots_key([Path("/srv/brefs")])


def test_the_index_is_kept_in_the_cache_folder_given_or_found_or_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.library import index

    lib = Library([tmp_path / "lib"], tmp_path / "given")
    assert lib.store.file == tmp_path / "given" / f"index-{lib.key}.sqlite3"
    monkeypatch.setattr(index, "default_cache_dir", lambda: tmp_path / "found")
    assert Library([tmp_path / "lib"]).store.file == tmp_path / "found" / f"index-{lib.key}.sqlite3"
    monkeypatch.setattr(index, "default_cache_dir", lambda: None)
    assert Library([tmp_path / "lib"]).store.file is None


def test_an_index_damaged_while_it_is_built_is_built_again_with_its_progress_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.library.store import Store

    make_library(tmp_path / "lib", 3)
    lib = Library([tmp_path / "lib"], tmp_path / "cache")
    real_stamps = Store.stamps
    calls: list[int] = []

    def damaged_once(store: Store) -> dict[bytes, tuple[int, int, int]]:
        calls.append(1)
        if len(calls) == 1:
            raise sqlite3.DatabaseError("database disk image is malformed")
        return real_stamps(store)

    monkeypatch.setattr(Store, "stamps", damaged_once)
    seen: list[tuple[int, int]] = []
    assert list(lib.build(progress=lambda count, total: seen.append((count, total)))) == [0, 3]
    assert seen == [(0, 3), (3, 3)] and len(calls) == 2


def test_a_filter_every_brief_matches_is_known_by_counting_and_old_text_is_not_counted(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    root.mkdir()
    for name in ("a", "b"):
        (root / f"{name}.toml").write_text(MINIMAL_BRIEF.replace("Minimal", f"Minimal {name}zed"), encoding="utf-8")
    lib = Library([root], tmp_path / "cache")
    built(lib)
    assert queries.every_brief_matches(lib.store, ["mini"]) is True
    assert queries.every_brief_matches(lib.store, ["azed"]) is False
    assert queries.every_brief_matches(lib.store, ["--"]) is False
    # b rewritten: its old text stays in the search index (matching "mini" too) but is not a brief any more.
    (root / "b.toml").write_text(MINIMAL_BRIEF.replace("Minimal", "Minimal azed"), encoding="utf-8")
    assert lib.refresh() is True
    assert queries.every_brief_matches(lib.store, ["mini"]) is True  # 3 rows match, 1 of them old: both briefs
    # 2 rows match, 1 may be old: counting cannot tell (it is both), and the filter asks which.
    assert queries.every_brief_matches(lib.store, ["azed"]) is False
    assert len(queries.matching_briefs(lib.store, ["azed"])) == 2
    (root / "a.toml").write_text(MINIMAL_BRIEF.replace("Minimal", "Other"), encoding="utf-8")
    assert lib.refresh() is True
    assert queries.every_brief_matches(lib.store, ["minimal"]) is False  # two old rows and one live hold it
    found = queries.kept(queries.ordered(lib.store, 0, None), queries.matching_briefs(lib.store, ["azed"]))
    assert list(found) == [queries.brief_id(lib.store, str(root / "b.toml"))]


def _with_stops(as_of: str, *stops: str) -> str:
    return MINIMAL_BRIEF.replace("2024-06-12", as_of) + "".join(f"\n[[itinerary]]\n{stop}\n" for stop in stops)


def test_the_longest_next_stop_counts_only_stops_that_can_still_be_next(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(
        _with_stops(
            "2024-06-12",
            'place = "Pyongyang"\nstart = 2024-06-17\nend = 2024-06-23',
            'place = "Somewhere far longer"\nstart = 2024-08-01\nstatus = "cancelled"',
        ),
        encoding="utf-8",
    )
    (tmp_path / "b.toml").write_text(_with_stops("2024-06-12", 'place = "Hanoi"\nstart = 2024-06-19'), "utf-8")
    # Read as of its own date, this brief's one stop has passed.
    (tmp_path / "c.toml").write_text(
        _with_stops("2024-09-01", 'place = "Vladivostok Krai"\nstart = 2024-06-11\napproximate = true'), "utf-8"
    )
    lib = Library([tmp_path], tmp_path / "cache")
    built(lib)
    assert queries.longest_next_stop(lib.store, None) == len("Pyongyang, 17–23 Jun 2024")
    assert queries.longest_next_stop(lib.store, dt.date(2024, 6, 1)) == len("Vladivostok Krai, ~11 Jun 2024")
    assert queries.longest_next_stop(lib.store, dt.date(2024, 6, 23)) == len("Pyongyang, 17–23 Jun 2024"), "last day"
    assert queries.longest_next_stop(lib.store, dt.date(2024, 6, 24)) == 0, "every stop over or called off"
    longer, short = len("Pyongyang, the capital, 17–23 Jun 2024"), len("Pyongyang, 17–23 Jun 2024")
    rename = "UPDATE stops SET place = ? WHERE place = ?"
    with lib.store.reading() as database:  # behind the index's back, as no change to a file does
        database.execute(rename, ("Pyongyang, the capital", "Pyongyang"))
    assert queries.longest_next_stop(lib.store, dt.date(2024, 6, 23)) == longer, "another day: measured"
    with lib.store.reading() as database:
        database.execute(rename, ("Pyongyang", "Pyongyang, the capital"))
    assert queries.longest_next_stop(lib.store, dt.date(2024, 6, 23)) == longer, "the same day: kept"
    queries.measure(lib.store)  # as after a change to the files
    assert queries.longest_next_stop(lib.store, dt.date(2024, 6, 23)) == short, "measured again after a change"
    for kept in ('{"on": "2024-06-24", "length": "9"}', "[", '{"on": "2024-06-25", "length": 9}', "3"):
        with lib.store.reading() as database:  # the index is a cache file: what it keeps is checked, not trusted
            database.execute("INSERT OR REPLACE INTO meta VALUES ('next_stop_on', ?)", (kept,))
        assert queries.longest_next_stop(lib.store, dt.date(2024, 6, 24)) == 0, kept
    (tmp_path / "d.toml").write_text(_with_stops("2024-06-12", 'place = "Ulaanbaatar"'), "utf-8")
    (tmp_path / "e.toml").write_text(
        _with_stops(
            "2024-06-12", 'place = "Oslo"\nstart = 2030-12-30\nend = 2031-01-02', 'place = "Rome"\nstart = 2030-06-01'
        ),
        "utf-8",
    )
    built(lib)
    assert queries.longest_next_stop(lib.store, dt.date(2031, 1, 3)) == len("Ulaanbaatar, no dates"), "not over"
    assert queries.longest_next_stop(lib.store, dt.date(2030, 1, 1)) == len("Oslo, 30 Dec 2030 – 2 Jan 2031") + 1, (
        "as long as any window from one year to the next"
    )


def in_a_worker(work: Any) -> Any:
    """``work()`` run in a thread of its own, as the screen's workers run it; its result."""
    import threading

    found: list[Any] = []
    thread = threading.Thread(target=lambda: found.append(work()))
    thread.start()
    thread.join()
    return found[0]


def kept_orders(lib: Library) -> dict[str, bytes]:
    with lib.store.reading() as database:
        return dict(database.execute("SELECT name, value FROM meta WHERE name LIKE 'ordered %'").fetchall())


ORDERS_KEPT = [order for order, sql in enumerate(queries.ORDER_SQL) if sql is not None and ":today" not in sql]


@pytest.mark.parametrize("order", range(len(queries.ORDER_SQL)))
def test_an_order_worked_out_in_a_worker_is_kept_and_read_back_until_a_brief_changes(
    tmp_path: Path, order: int
) -> None:
    paths = make_library(tmp_path / "lib", 8)
    (tmp_path / "lib" / "broken.toml").write_text("schema_version = 1\n", encoding="utf-8")
    lib = Library([tmp_path / "lib"], tmp_path / "cache")
    built(lib)
    today = dt.date(2024, 6, 14)
    assert kept_orders(lib) == {}
    queries.ordered(lib.store, order, today)
    assert kept_orders(lib) == {}, "worked out on the screen's thread: not kept (a busy index would hold it up)"
    first = in_a_worker(lambda: queries.ordered(lib.store, order, today))
    kept = order in ORDERS_KEPT
    assert set(kept_orders(lib)) == ({f"ordered {order}"} if kept else set())
    assert queries.ordered(lib.store, order, today) == first
    # A brief rewritten, then one removed: each time the order is worked out again, as it is.
    for change in ("rewrite", "remove"):
        if change == "rewrite":
            paths[3].write_text(paths[3].read_text(encoding="utf-8").replace("Brief ", "AAA ", 1), encoding="utf-8")
        else:
            paths[5].unlink()
        for _done in lib.build():
            pass
        assert kept_orders(lib) == {}, "a write forgets the orders kept"
        again = in_a_worker(lambda: queries.ordered(lib.store, order, today))
        sql = queries.ORDER_SQL[order]
        if sql is not None:
            with lib.store.reading() as database:
                fresh = [row[0] for row in database.execute(
                    f"SELECT b.id FROM briefs b ORDER BY b.ok, {sql}", {"today": today.isoformat()})]  # fmt: skip
            assert list(again) == fresh
        assert len(again) == 9 - (change == "remove")


def test_a_kept_order_is_read_back_only_when_it_is_the_shape_it_was_kept_in(tmp_path: Path) -> None:
    from array import array

    make_library(tmp_path / "lib", 6)
    lib = Library([tmp_path / "lib"], tmp_path / "cache")
    built(lib)
    right = in_a_worker(lambda: queries.ordered(lib.store, 0, None))
    (value,) = kept_orders(lib).values()
    head, ids = value[:16], array("q", value[16:])
    planted = array("q", reversed(ids))
    shapes = {
        "its own": (head + planted.tobytes(), list(planted)),  # what is kept is what is read: the order is not sorted
        "another count": (array("q", [5, ids[-1]]).tobytes() + planted[:5].tobytes(), list(right)),
        "another highest id": (array("q", [6, 99]).tobytes() + planted.tobytes(), list(right)),
        "cut short": (value[:-3], list(right)),
        "text": ("not ids", list(right)),
        "a number": (7, list(right)),
    }
    for name, (stored, expected) in shapes.items():
        with lib.store.reading() as database:
            database.execute("UPDATE meta SET value = ? WHERE name = 'ordered 0'", (stored,))
        assert list(queries.ordered(lib.store, 0, None)) == expected, name


def test_the_palette_s_newest_briefs_are_the_list_s_first_and_read_from_an_index(tmp_path: Path) -> None:
    make_library(tmp_path / "lib", 30)
    (tmp_path / "lib" / "broken.toml").write_text("schema_version = 1\n", encoding="utf-8")
    lib = Library([tmp_path / "lib"], tmp_path / "cache")
    built(lib)
    listed = [(entry.title, entry.path) for entry in in_order(lib, 0)]
    good, broken = [pair for pair in listed if pair[0] != "broken.toml"], [("broken.toml", "broken.toml")]
    assert len(good) == 30 and listed[:1] == [(broken[0][0], listed[0][1])]  # problems first in the list itself
    assert queries.newest_titles(lib.store, 12) == good[:12]
    assert queries.newest_titles(lib.store, 100) == [*good, (broken[0][0], listed[0][1])]
    for query in ("SELECT title, path FROM briefs WHERE ok = 1 ORDER BY as_of DESC, title_key DESC",
                  "SELECT title, path FROM briefs WHERE ok = 0 ORDER BY title_key"):  # fmt: skip
        with lib.store.reading() as database:
            plan = " ".join(row[3] for row in database.execute(f"EXPLAIN QUERY PLAN {query}"))
        assert "USING INDEX" in plan and "TEMP B-TREE" not in plan, query
