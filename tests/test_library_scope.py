"""One filter scopes the list and both boards, it looks in what the rows show, the boards sort (s, and S back),
and after a sort the view shows its top."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from briefing.library.entries import IndexedBrief
from briefing.library.index import Library
from briefing.library.views import AgendaHeading, agenda, pending_board, row_text, rows_matching
from briefing.ui.app import BriefingApp
from briefing.ui.screens.library import Line
from tests.test_library import built
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
    from briefing.library.views import matching

    entries = built(scoped_library).values()
    assert {entry.title for entry in matching(entries, word)} == titles_found


def test_a_board_keeps_the_rows_that_match_else_every_row_of_a_brief_that_does(scoped_library: Library) -> None:
    entries = list(built(scoped_library).values())
    stops = [(entry, stop, row_text(entry, stop)) for entry in entries for stop in entry.stops]
    assert sorted(stop.place for _entry, stop in rows_matching(stops, "hanoi")) == ["Hanoi", "Hanoi"]
    pending = [(entry, item, row_text(entry, item)) for entry in entries for item in entry.pending]
    kept = rows_matching(pending, "hanoi")
    assert sorted(item.what for _entry, item in kept) == ["The dates of the trip", "The guest list"]
    assert [item.what for _entry, item in rows_matching(pending, "venue")] == ["The venue"]
    assert rows_matching(pending, "nowhere at all") == []


def test_the_pending_board_orders(scoped_library: Library) -> None:
    entries = list(built(scoped_library).values())

    def whats(order: int) -> list[str]:
        return [item.what for _entry, item in pending_board(entries, order)]

    assert whats(0) == ["The agenda", "The dates of the trip", "The venue", "The guest list"]
    assert whats(1) == list(reversed(whats(0)))
    assert whats(2) == ["The dates of the trip", "The agenda", "The venue", "The guest list"]
    assert whats(3) == ["The venue", "The agenda", "The dates of the trip", "The guest list"]


def test_the_agenda_by_brief_and_by_place(scoped_library: Library) -> None:
    entries = list(built(scoped_library).values())
    by_brief = agenda(entries, TODAY, 1)
    assert [row.label for row in by_brief if isinstance(row, AgendaHeading)] == [
        "Alpha talks", "Bravo summit", "Charlie visit"]  # fmt: skip
    by_place = agenda(entries, TODAY, 2)
    assert [row.label for row in by_place if isinstance(row, AgendaHeading)] == [
        "Hanoi, Vietnam", "Lima, Peru", "Tokyo, Japan"]  # fmt: skip
    hanoi = by_place[1 : by_place.index(AgendaHeading("Lima, Peru"))]
    assert [row[0].title for row in hanoi if isinstance(row, tuple)] == ["Alpha talks", "Charlie visit"]


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
