"""One filter scopes the list and both boards, it looks in what the rows show, the boards sort (s, and S back),
and after a sort the view shows its top."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from briefing.library import queries
from briefing.library.entries import IndexedBrief
from briefing.library.index import Library
from briefing.library.views import AgendaHeading, agenda
from briefing.ui.app import BriefingApp
from briefing.ui.screens.library import Line
from briefing.ui.widgets.rowlist import RowList
from tests.apps import wait_until
from tests.test_library import built, make_library
from tests.test_library_app import ready, rows

D = dt.date
TODAY = D(2024, 6, 20)


def _brief(title: str, as_of: D, category: str, stops: list[tuple[str, str, D]], pending: list[tuple[str, str, D]],
           speaker: str = "Nobody", outlet: str = "Daily") -> dict[str, Any]:  # fmt: skip
    return {
        "schema_version": 1,
        "brief": {"title": title, "as_of": as_of, "category": category},
        "summary": {"bluf": f"{title}."},
        "quotes": [{"speaker": speaker, "text": "Words.", "source": "s1"}],
        "confirmations": [
            {"id": f"c{i}", "what": what, "awaited_from": [whom], "since": since, "status": "pending"}
            for i, (what, whom, since) in enumerate(pending)
        ],
        "itinerary": [
            {"place": place, "country": country, "start": start, "end": start, "status": "planned"}
            for place, country, start in stops
        ],
        "sources": [{"id": "s1", "outlet": outlet}],
    }


BRIEFS = {
    "a.toml": _brief("Alpha talks", D(2024, 6, 10), "Economy",
                     [("Hanoi", "Vietnam", D(2024, 6, 25)), ("Tokyo", "Japan", D(2024, 6, 28))],
                     [("The dates of the trip", "Kremlin", D(2024, 6, 1))], speaker="Dmitry Peskov"),
    "b.toml": _brief("Bravo summit", D(2024, 6, 12), "Security", [("Lima", "Peru", D(2024, 7, 2))],
                     [("The venue", "Foreign Ministry", D(2024, 6, 5)), ("The agenda", "Kremlin", D(2024, 5, 20))],
                     outlet="Vedomosti"),
    "c.toml": _brief("Charlie visit", D(2024, 6, 14), "Economy", [("Hanoi", "Vietnam", D(2024, 7, 9))],
                     [("The guest list", "Palace", D(2024, 6, 10))]),
}  # fmt: skip


@pytest.fixture
def scoped_library(tmp_path: Path) -> Library:
    root = tmp_path / "lib"
    root.mkdir()
    for name, document in BRIEFS.items():
        (root / name).write_text(tomli_w.dumps(document), encoding="utf-8")
    return Library([root], tmp_path / "cache")


def titles(shown: list[Any]) -> list[str]:
    return [row[0].title if isinstance(row, tuple) else row.label for row in shown if not isinstance(row, str)]


@pytest.mark.parametrize(("word", "titles_found"), [
    ("hanoi", {"Alpha talks", "Charlie visit"}), ("vietnam", {"Alpha talks", "Charlie visit"}),
    ("peskov", {"Alpha talks"}), ("vedomosti", {"Bravo summit"}), ("venue", {"Bravo summit"}),
    ("foreign ministry", {"Bravo summit"}), ("kremlin", {"Alpha talks", "Bravo summit"}),
])  # fmt: skip
def test_the_list_filter_searches_what_the_rows_show(
    scoped_library: Library, word: str, titles_found: set[str]
) -> None:
    entries = built(scoped_library).values()
    found = queries.matching_briefs(scoped_library.store, word.split())
    assert {entry.title for entry in entries if entry.id in found} == titles_found


def _board_kept(library: Library, table: str, query: str) -> list[tuple[IndexedBrief, Any]]:
    """The rows of a board (``table`` "pending" or "stops") a filter keeps, as the screen keeps them."""
    store = library.store
    keys: Sequence[int]
    briefs: Sequence[int]
    if table == "pending":
        keys, briefs = queries.pending_ordered(store, 0)
    else:
        with store.reading() as database:
            pairs = database.execute("SELECT id, brief FROM stops ORDER BY id").fetchall()
        keys, briefs = [key for key, _ in pairs], [brief for _, brief in pairs]
    words = query.split()
    kept = queries.board_kept(keys, briefs, queries.matching_rows(store, table, words),
                              queries.matching_briefs(store, words))  # fmt: skip
    read = queries.pending_row if table == "pending" else queries.stop_row
    found = [read(store, key, lambda brief: queries.brief(store, brief)) for key in kept]
    return [(row[0], row[1]) for row in found if row]


def test_a_board_keeps_the_rows_that_match_else_every_row_of_a_brief_that_does(scoped_library: Library) -> None:
    built(scoped_library)
    assert sorted(stop.place for _entry, stop in _board_kept(scoped_library, "stops", "hanoi")) == ["Hanoi", "Hanoi"]
    kept = _board_kept(scoped_library, "pending", "hanoi")
    assert sorted(item.what for _entry, item in kept) == ["The dates of the trip", "The guest list"]
    assert [item.what for _entry, item in _board_kept(scoped_library, "pending", "venue")] == ["The venue"]
    assert _board_kept(scoped_library, "pending", "nowhere at all") == []


def test_the_pending_board_orders(scoped_library: Library) -> None:
    built(scoped_library)
    store = scoped_library.store

    def whats(order: int) -> list[str]:
        keys, _briefs = queries.pending_ordered(store, order)
        rows = [queries.pending_row(store, key, lambda brief: queries.brief(store, brief)) for key in keys]
        return [row[1].what for row in rows if row]

    assert whats(0) == ["The agenda", "The dates of the trip", "The venue", "The guest list"]
    assert whats(1) == list(reversed(whats(0)))
    assert whats(2) == ["The dates of the trip", "The agenda", "The venue", "The guest list"]
    assert whats(3) == ["The venue", "The agenda", "The dates of the trip", "The guest list"]


def test_the_agenda_by_brief_and_by_place(scoped_library: Library) -> None:
    built(scoped_library)
    store = scoped_library.store
    stops = queries.stops_for_agenda(store)
    by_brief = agenda(stops, TODAY, 1)
    assert [marker.label for marker in by_brief.markers if isinstance(marker, AgendaHeading)] == [
        "Alpha talks", "Bravo summit", "Charlie visit"]  # fmt: skip
    by_place = agenda(stops, TODAY, 2)
    assert [marker.label for marker in by_place.markers if isinstance(marker, AgendaHeading)] == [
        "Hanoi, Vietnam", "Lima, Peru", "Tokyo, Japan"]  # fmt: skip
    hanoi = list(by_place.keys)[1 : list(by_place.keys).index(-2)]
    rows = [queries.stop_row(store, key, lambda brief: queries.brief(store, brief)) for key in hanoi]
    assert [row[0].title for row in rows if row] == ["Alpha talks", "Charlie visit"]


def status(screen: Any) -> str:
    return str(screen.query_one("#library-status", Line).render())


def data_rows(screen: Any) -> list[tuple[IndexedBrief, Any]]:
    """The rows of the view on screen that are items (not headings): (entry, PendingItem or StopItem)."""
    return [row for row in rows(screen).rows if isinstance(row, tuple)]


async def test_one_filter_scopes_the_list_and_both_boards(scoped_library: Library) -> None:
    app = BriefingApp(None, None, today=TODAY, library=scoped_library)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        await pilot.press("slash", *"hanoi", "enter")
        assert {entry.title for entry in screen.shown} == {"Alpha talks", "Charlie visit"}
        await pilot.press("a")
        assert screen.view == "agenda" and screen.query_one("#library-filter").display
        assert sorted(stop.place for _entry, stop in data_rows(screen)) == ["Hanoi", "Hanoi"]
        assert "filter “hanoi”: 2 shown" in status(screen)
        await pilot.press("p")
        assert sorted(item.what for _entry, item in data_rows(screen)) == ["The dates of the trip", "The guest list"]
        await pilot.press("slash")
        assert screen.view == "pending", "/ filters the board it is pressed on"
        await pilot.press(*" zzz")
        assert data_rows(screen) == []
        said = "".join(segment.text for segment in rows(screen).render_line(0))
        assert said.startswith("Nothing matches “hanoi zzz”")
        await pilot.press("escape", "escape")
        assert len(data_rows(screen)) == 4 and "filter" not in status(screen)


async def test_s_sorts_each_board_and_S_goes_back(scoped_library: Library) -> None:
    app = BriefingApp(None, None, today=TODAY, library=scoped_library)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        await pilot.press("p")
        first = [item.what for _entry, item in data_rows(screen)]
        await pilot.press("s")
        assert "newest first" in status(screen)
        assert [item.what for _entry, item in data_rows(screen)] == list(reversed(first))
        await pilot.press("S")
        assert "oldest first" in status(screen) and [item.what for _e, item in data_rows(screen)] == first
        await pilot.press("S")
        assert "by whom it is awaited from" in status(screen)
        await pilot.press("a", "s")
        assert "by brief" in status(screen)
        top = rows(screen).rows[0]
        assert isinstance(top, AgendaHeading) and top.label == "Alpha talks"


async def test_after_a_sort_the_view_shows_its_top_with_the_cursor_on_the_first_row(tmp_path: Path) -> None:
    from tests.test_library import make_library

    make_library(tmp_path / "lib", 30)
    app = BriefingApp(None, None, today=TODAY, library=Library([tmp_path / "lib"], tmp_path / "cache"))
    async with app.run_test(size=(100, 16)) as pilot:
        screen = await ready(pilot)
        await pilot.press(*"j" * 20)
        row_list = rows(screen)
        assert row_list.cursor == 20 and row_list.scroll_offset.y > 0
        await pilot.press("s")
        await pilot.pause()
        assert row_list.cursor == 0 and row_list.scroll_offset.y == 0
        await pilot.press("p", *"j" * 12, "s")
        await pilot.pause()
        assert row_list.cursor == 0 and row_list.scroll_offset.y == 0


async def test_a_filter_typed_faster_than_the_screen_draws_goes_whole_into_the_box(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`/hanoi⏎` arriving all at once, as from a fast typist or a terminal's paste: every letter is the filter's."""
    from textual import events

    monkeypatch.chdir(tmp_path)
    make_library(Path("lib"), 12)
    app = BriefingApp(None, None, library=Library([Path("lib")], tmp_path / "cache"))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        driver = app._driver
        assert driver is not None
        for key, character in (("slash", "/"), *((letter, letter) for letter in "hanoi"), ("enter", "\r")):
            driver.send_message(events.Key(key, character))  # all at once, as a terminal sends a paste
        await wait_until(pilot, lambda: screen.query_text == "hanoi")
        await pilot.pause()
        assert screen.view == "library" and app.screen is screen
        assert isinstance(app.focused, RowList)


async def test_a_worker_calling_back_into_a_screen_that_is_going_does_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Quitting while the index is read: the screen's parts go first, then a worker's callback comes (it raised
    NoMatches from a worker, which ended the app with a traceback). A callback to a screen that is going is dropped."""
    import asyncio

    monkeypatch.chdir(tmp_path)
    make_library(Path("lib"), 3)
    app = BriefingApp(None, None, library=Library([Path("lib")], tmp_path / "cache"))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        assert await asyncio.to_thread(screen._from_thread, lambda: "called") == "called"
        await screen.query_one("#library-rows").remove()
        assert await asyncio.to_thread(screen._from_thread, screen._redraw) is None
