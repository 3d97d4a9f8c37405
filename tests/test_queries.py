"""The library's orders, windows and dates as the index answers them (``briefing.library.queries``), on a library
made for it: each order's full sequence, the order kept in the index, the stops within a window, the agenda's
today."""

from __future__ import annotations

import datetime as dt
import threading
from array import array
from pathlib import Path

import pytest

from briefing.library import queries
from briefing.library.entries import IndexedBrief
from briefing.library.index import Library
from briefing.library.marks import Mark
from briefing.library.views import ORDERS
from tests.conftest import MINIMAL_BRIEF
from tests.test_library import built

PENDING = """
[[confirmations]]
id = "c{n}"
what = "Claim {n}"
awaited_from = ["Someone"]
status = "pending"
since = 2024-06-01
"""

STOP = """
[[itinerary]]
place = "{place}"
start = {start}
"""


def brief(title: str, as_of: str, pending: int = 0, stops: tuple[tuple[str, str], ...] = ()) -> str:
    text = MINIMAL_BRIEF.replace('"Minimal"', f'"{title}"').replace("2024-06-12", as_of)
    text += "".join(PENDING.format(n=n) for n in range(pending))
    return text + "".join(STOP.format(place=place, start=start) for place, start in stops)


BRIEFS = {
    "alpha.toml": brief("Alpha", "2024-06-18", 2, (("Paris", "2024-06-25"),)),
    "bravo.toml": brief("bravo", "2024-06-10"),
    "charlie.toml": brief("Charlie", "2024-06-15", 1, (("Rome", "2024-06-21"),)),
    "echo.toml": brief("Echo", "2024-06-14", 1, (("Oslo", "2024-06-19"),)),
    "broken.toml": MINIMAL_BRIEF.replace("2024-06-12", "2024-06-30").replace('bluf = "Only what is required."', ""),
}


@pytest.fixture
def library(tmp_path: Path) -> Library:
    folder = tmp_path / "lib"
    folder.mkdir()
    for name, text in BRIEFS.items():
        (folder / name).write_text(text, encoding="utf-8")
    library = Library([folder], tmp_path / "cache")
    built(library)
    return library


def names(library: Library, ids: array[int]) -> list[str]:
    found = queries.briefs(library.store, list(ids))
    return [Path(found[brief_id].path).stem for brief_id in ids]


TODAY = dt.date(2024, 6, 20)


def day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        ("newest first", ["broken", "alpha", "charlie", "echo", "bravo"]),
        ("oldest first", ["broken", "bravo", "echo", "charlie", "alpha"]),
        ("title", ["broken", "alpha", "bravo", "charlie", "echo"]),
        ("most pending", ["broken", "alpha", "charlie", "echo", "bravo"]),
        ("stalest first", ["broken", "echo", "charlie", "alpha", "bravo"]),
    ],
)
def test_each_order_of_the_list_with_the_briefs_with_problems_first(
    library: Library, order: str, expected: list[str]
) -> None:
    assert names(library, queries.ordered(library.store, ORDERS.index(order), TODAY)) == expected


def test_next_stop_soonest_counts_to_today_or_else_each_briefs_own_date(library: Library) -> None:
    order = ORDERS.index("next stop soonest")
    on_today = names(library, queries.ordered(library.store, order, TODAY))
    assert on_today[:3] == ["broken", "charlie", "alpha"], "Oslo (19 Jun) has passed by the 20th"
    assert set(on_today[3:]) == {"echo", "bravo"}
    as_of_their_own = names(library, queries.ordered(library.store, order, None))
    assert as_of_their_own[:4] == ["broken", "echo", "charlie", "alpha"]


def test_changed_first_puts_new_then_updated_then_the_newest(library: Library) -> None:
    by_path = {Path(entry.path).stem: entry.path for entry in queries.briefs(library.store, list(
        queries.ordered(library.store, 0, TODAY))).values()}  # fmt: skip
    marks = {by_path["charlie"]: Mark.UPDATED, by_path["bravo"]: Mark.NEW}
    changed = queries.ordered(library.store, ORDERS.index("changed first"), TODAY, marks)
    assert names(library, changed) == ["broken", "bravo", "charlie", "alpha", "echo"], "new, though older, first"
    unmarked = queries.ordered(library.store, ORDERS.index("changed first"), TODAY)
    assert names(library, unmarked) == ["broken", "alpha", "charlie", "echo", "bravo"]


def test_an_order_worked_out_in_a_worker_is_kept_and_read_back_while_the_briefs_are_the_same(
    library: Library,
) -> None:
    folder = Path(queries.briefs(library.store, [1])[1].path).parent
    (folder / "bravo.toml").write_text(BRIEFS["bravo.toml"] + "\n# edited\n", encoding="utf-8")
    built(library)  # the edited brief is a new row: the highest id (6) is no longer the count of briefs (5)
    order = ORDERS.index("title")
    worked_out = queries.ordered(library.store, order, TODAY)
    worker = threading.Thread(target=queries.ordered, args=(library.store, order, TODAY))
    worker.start()
    worker.join()
    kept = queries._kept(library.store, queries.KEPT_ORDER.format(order))
    assert kept is None, "kept as bytes, not JSON"
    with library.store.reading() as database:
        value = database.execute("SELECT value FROM meta WHERE name = ?", ("ordered 2",)).fetchone()[0]
    state = array("q", [5, 6])
    assert max(worked_out) == 6
    assert value == state.tobytes() + worked_out.tobytes()
    forged = array("q", reversed(worked_out))
    with library.store.reading() as database:
        database.execute("UPDATE meta SET value = ? WHERE name = ?", (state.tobytes() + forged.tobytes(), "ordered 2"))
    assert queries.ordered(library.store, order, TODAY) == forged, "read back, not sorted again"
    with library.store.reading() as database:
        database.execute("UPDATE meta SET value = ? WHERE name = ?", (b"\0" * 16 + forged.tobytes(), "ordered 2"))
    assert queries.ordered(library.store, order, TODAY) == worked_out, "kept for other briefs: sorted again"
    with library.store.reading() as database:
        database.execute("UPDATE meta SET value = ? WHERE name = ?", (state.tobytes(), "ordered 2"))
    assert queries.ordered(library.store, order, TODAY) == worked_out, "the wrong length: sorted again"


def test_the_main_thread_never_writes_an_order_to_keep(library: Library) -> None:
    queries.ordered(library.store, ORDERS.index("title"), TODAY)
    with library.store.reading() as database:
        assert database.execute("SELECT value FROM meta WHERE name = 'ordered 2'").fetchone() is None


@pytest.mark.parametrize(
    ("start", "end", "places"),
    [
        ("2024-06-20", "2024-06-22", {"Rome"}),
        (None, "2024-06-20", {"Oslo"}),
        ("2024-06-20", None, {"Rome", "Paris"}),
        ("2024-06-19", "2024-06-19", {"Oslo"}),
        ("2024-06-25", "2024-06-25", {"Paris"}),
        (None, None, {"Oslo", "Rome", "Paris"}),
    ],
)
def test_the_stops_within_a_window_open_at_either_end(
    library: Library, start: str | None, end: str | None, places: set[str]
) -> None:
    found = queries.stops_within(library.store, day(start), day(end))
    owners = queries.owners(library.store, "stops", list(found))
    held = queries.briefs(library.store, list(set(owners.values())))
    shown = {stop.place for brief_id in owners.values() for stop in held[brief_id].stops if stop.row in found}
    assert shown == places


def test_the_agendas_today_is_the_latest_as_of(library: Library) -> None:
    assert queries.library_today(library.store) == dt.date(2024, 6, 18)
    assert queries.count(library.store) == (5, 1)


FULL = (
    MINIMAL_BRIEF.replace('"Minimal"', '"A full brief"').replace(
        "as_of = 2024-06-12",
        'as_of = 2024-06-12\nupdated = 2024-06-14\ncategory = "Diplomacy"\ntags = ["visit", "asia"]',
    )
    + """
[[confirmations]]
id = "dates"
what = "The dates"
awaited_from = ["Kremlin", "MFA"]
status = "pending"
since = 2024-06-10

[[confirmations]]
id = "done"
what = "Done"
awaited_from = ["X"]
status = "confirmed"
since = 2024-06-10
resolved_on = 2024-06-11
resolution = "Done."

[[itinerary]]
place = "Pyongyang"
country = "North Korea"
when = "next week"
start = 2024-06-17
end = 2024-06-18
approximate = true
certainty = "likely"
status = "scheduled"
confirmation = "dates"
"""
)


def test_a_brief_read_from_the_index_is_the_brief_field_by_field(tmp_path: Path) -> None:
    from briefing.library.entries import PendingItem, StopItem

    folder = tmp_path / "lib"
    folder.mkdir()
    path = folder / "full.toml"
    path.write_text(FULL, encoding="utf-8")
    library = Library([folder], tmp_path / "cache")
    built(library)
    (brief_id,) = queries.ordered(library.store, 0, None)
    entry = queries.briefs(library.store, [brief_id, brief_id, 999])[brief_id]
    info = path.stat()
    assert (entry.path, entry.size, entry.mtime_ns, entry.id) == (str(path), info.st_size, info.st_mtime_ns, brief_id)
    assert (entry.title, entry.as_of, entry.updated) == ("A full brief", dt.date(2024, 6, 12), dt.date(2024, 6, 14))
    assert (entry.category, entry.tags, entry.problems) == ("Diplomacy", ("visit", "asia"), ())
    (pending,) = entry.pending
    assert pending == PendingItem(0, "dates", "The dates", ("Kremlin", "MFA"), dt.date(2024, 6, 10), pending.row)
    (stop,) = entry.stops
    assert stop == StopItem(0, "Pyongyang", "next week", dt.date(2024, 6, 17), dt.date(2024, 6, 18), True, "likely",
                            "scheduled", True, "North Korea", stop.row)  # fmt: skip
    assert pending.row > 0 and stop.row > 0 and len(entry.digest) > 10
    assert queries.brief(library.store, brief_id) == entry
    assert queries.briefs(library.store, []) == {}


def test_the_longest_texts_are_measured_kept_and_read_back(library: Library) -> None:
    measured = queries.measure(library.store)
    assert measured == {
        "title": len("Charlie"), "category": 0, "tags": len("[]"), "pending": 2, "what": len("Claim 0"),
        "awaited": len("someone"), "place": len("Paris, "), "reported": 0,
    }  # fmt: skip
    assert queries.longest(library.store) == measured
    with library.store.reading() as database:
        database.execute("UPDATE meta SET value = ? WHERE name = 'longest'", ('{"title": 99}',))
    assert queries.longest(library.store) == {"title": 99}, "kept: read back, not measured again"
    for damaged in ('{"title": "long"}', "[1, 2]", "not json"):
        with library.store.reading() as database:
            database.execute("UPDATE meta SET value = ? WHERE name = 'longest'", (damaged,))
        assert queries.longest(library.store) == measured, damaged


def test_the_kept_measures_are_what_was_measured(library: Library) -> None:
    measured = queries.measure(library.store)
    assert queries._kept(library.store, "longest") == measured


def paths(library: Library) -> dict[str, str]:
    found = queries.briefs(library.store, list(queries.ordered(library.store, 0, TODAY)))
    return {Path(entry.path).stem: entry.path for entry in found.values()}


def test_the_palette_finds_briefs_claims_and_stops_by_their_letters_in_order(library: Library) -> None:
    by_name = paths(library)
    alpha = by_name["alpha"]
    assert queries.palette_candidates(library.store, "PA", 10) == [
        ("Alpha", "Brief", alpha, None, None),  # a-l-P-h-A
        ("Paris · Alpha", "Stop", alpha, "itinerary", 0),
    ]
    assert queries.palette_candidates(library.store, "m1", 10) == [("Claim 1", "Pending", alpha, "confirmations", 1)]
    assert queries.palette_candidates(library.store, "chr", 10) == [
        ("Charlie", "Brief", by_name["charlie"], None, None),
        ("Rome · Charlie", "Stop", by_name["charlie"], "itinerary", 0),
    ]
    newest = [label for label, *_ in queries.palette_candidates(library.store, "a", 10) if _[0] == "Brief"]
    assert newest == ["Alpha", "Charlie", "bravo", "Minimal"], "briefs newest first, those with problems (no date) last"
    assert len(queries.palette_candidates(library.store, "c", 1)) == 3, "at most one of each kind"


@pytest.mark.parametrize("needle", ["%", "_", "\\", "a%", "l_"])
def test_the_palettes_wildcards_are_letters_like_any_other(library: Library, needle: str) -> None:
    assert queries.palette_candidates(library.store, needle, 10) == []


def test_the_newest_titles_then_the_files_with_problems_as_many_as_asked(library: Library) -> None:
    folder = Path(paths(library)["alpha"]).parent
    (folder / "another broken.toml").write_text("title = [", encoding="utf-8")
    built(library)
    titles = [title for title, _path in queries.newest_titles(library.store, 5)]
    assert titles == ["Alpha", "Charlie", "Echo", "bravo", titles[4]]
    assert len(queries.newest_titles(library.store, 6)) == 6
    assert len(queries.newest_titles(library.store, 9)) == 6


def test_a_row_asked_for_and_gone_is_none(library: Library) -> None:
    assert queries.brief_id(library.store, "/no/such/brief.toml") is None
    assert queries.brief_of(library.store, "pending", 10_000) is None
    assert queries.brief_of(library.store, "stops", 10_000) is None


def test_at_most_900_rows_are_asked_for_at_once(library: Library) -> None:
    real = queries.ordered(library.store, 0, TODAY)[0]
    asked = [-n for n in range(1, 901)] + [real]
    assert queries.briefs(library.store, asked) == {}
    assert queries.briefs(library.store, asked[1:])[real].id == real
    (pending,) = queries.pending_ordered(library.store, 0)[0][:1]
    assert queries.owners(library.store, "pending", [*asked[:900], pending]) == {}
    assert list(queries.owners(library.store, "pending", [*asked[1:900], pending])) == [pending]


def test_a_damaged_value_in_the_index_is_read_as_none_or_empty(library: Library) -> None:
    by_name = paths(library)
    ids = {Path(entry.path).stem: brief_id for brief_id, entry in
           queries.briefs(library.store, list(queries.ordered(library.store, 0, TODAY))).items()}  # fmt: skip
    assert ids["alpha"] != min(ids.values())
    dict_tags, bad_tags = (name for name in ("bravo", "charlie", "echo") if ids[name] != min(ids.values()))
    with library.store.reading() as database:
        # Blobs where the index keeps text: what a damaged or foreign file could hold.
        database.execute("UPDATE briefs SET category = x'00', tags = x'5b2261225d' WHERE id = ?", (ids["alpha"],))
        database.execute('UPDATE briefs SET tags = \'{"a": "b"}\' WHERE id = ?', (ids[dict_tags],))
        database.execute("UPDATE briefs SET tags = 'not json' WHERE id = ?", (ids[bad_tags],))
        database.execute("UPDATE stops SET reported = x'00', certainty = x'00', country = x'00'")
        database.execute("UPDATE briefs SET path = 'text, not bytes' WHERE id = ?", (min(ids.values()),))
    found = queries.briefs(library.store, sorted(ids.values()))
    assert set(found) == set(ids.values()) - {min(ids.values())}, "the damaged row is left out, the rest kept"
    alpha = found[ids["alpha"]]
    assert (alpha.path, alpha.category, alpha.tags) == (by_name["alpha"], None, ())
    assert found[ids[dict_tags]].tags == () and found[ids[bad_tags]].tags == ()
    (stop,) = alpha.stops
    assert (stop.place, stop.when, stop.certainty, stop.country) == ("Paris", None, None, None)


def test_a_board_row_whose_brief_or_item_is_gone_is_none(library: Library) -> None:
    pending_ids, owners = queries.pending_ordered(library.store, 0)
    stop_id = next(iter(queries.stops_within(library.store, None, None)))
    stop_owner = queries.brief_of(library.store, "stops", stop_id)
    loaded: list[int] = []

    def load(brief_id: int) -> IndexedBrief | None:
        loaded.append(brief_id)
        return queries.brief(library.store, brief_id)

    entry, item = queries.pending_row(library.store, pending_ids[0], load) or (None, None)
    assert (entry.id, item.row) == (owners[0], pending_ids[0])
    entry, stop = queries.stop_row(library.store, stop_id, load) or (None, None)
    assert (entry.id, stop.row) == (stop_owner, stop_id)
    loaded.clear()
    assert queries.pending_row(library.store, 10_000, load) is None
    assert queries.stop_row(library.store, 10_000, load) is None
    assert loaded == [], "nothing to load for a row gone"
    assert queries.pending_row(library.store, pending_ids[0], lambda _id: None) is None
    assert queries.stop_row(library.store, stop_id, lambda _id: None) is None
    other = next(brief_id for brief_id in owners if brief_id != owners[0])
    stale = queries.brief(library.store, other)
    stale_stop = queries.brief(library.store, min(set(owners) - {stop_owner}))
    assert queries.pending_row(library.store, pending_ids[0], lambda _id: stale) is None, "a brief without the row"
    assert queries.stop_row(library.store, stop_id, lambda _id: stale_stop) is None


def test_every_brief_kept_by_a_filter_is_the_same_ids(library: Library) -> None:
    ids = queries.ordered(library.store, 0, TODAY)
    assert queries.kept(ids, set(ids)) is ids, "no copy when the filter keeps every brief"
    assert queries.kept(ids, set(ids) | {999}) is ids
    assert list(queries.kept(ids, {ids[3], ids[1]})) == [ids[1], ids[3]]


def test_an_order_not_kept_when_the_index_is_busy_is_given_all_the_same(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from briefing.system import database as database_module

    monkeypatch.setattr(database_module, "BUSY_SECONDS", 0.01)
    order = ORDERS.index("title")
    worked_out = queries.ordered(library.store, order, TODAY)
    assert library.store.file is not None
    holder = sqlite3.connect(library.store.file, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another app writing its index
    given: list[object] = []
    try:
        worker = threading.Thread(target=lambda: given.append(queries.ordered(library.store, order, TODAY)))
        worker.start()
        worker.join()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert given == [worked_out]
    with library.store.reading() as database:
        assert database.execute("SELECT value FROM meta WHERE name = 'ordered 2'").fetchone() is None
