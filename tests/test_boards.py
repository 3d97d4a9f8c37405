"""The pending board and the agenda as rows: each row's cells, the agenda's markers, the filter, and the batches the
rows are read in (``briefing.library.boards``; the screens and ``briefing pending``/``agenda`` draw these)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from briefing.library import boards, queries
from briefing.library.boards import board_rows, item_rows, pending_band, pending_cells, stop_cells
from briefing.library.entries import PendingItem, StopItem
from briefing.library.index import Library
from briefing.library.views import AgendaHeading, TodayLine
from briefing.present.ages import Band, Thresholds
from tests.conftest import MINIMAL_BRIEF
from tests.test_library import built

TODAY = dt.date(2024, 6, 20)

VISIT = (
    MINIMAL_BRIEF.replace('"Minimal"', '"The visit"').replace("2024-06-12", "2024-06-18")
    + """
[[confirmations]]
id = "dates"
what = "The dates of the visit"
awaited_from = ["Kremlin", "MFA"]
status = "pending"
since = 2024-05-01

[[confirmations]]
id = "agenda"
what = "The agenda in Hanoi"
awaited_from = ["Officials in Hanoi"]
status = "pending"

[[itinerary]]
place = "Pyongyang"
country = "North Korea"
when = "next week"
start = 2024-06-17
end = 2024-06-18
certainty = "roughly_even_chance"
confirmation = "dates"

[[itinerary]]
place = "Hanoi"
start = 2024-06-24
approximate = true
certainty = "very_likely"

[[itinerary]]
place = "Vientiane"
start = 2024-06-19
end = 2024-06-21
certainty = "likely"
confirmation = "agenda"

[[itinerary]]
place = "Ulaanbaatar"
start = 2024-06-19
certainty = "likely"
confirmation = "agenda"

[[itinerary]]
place = "Moscow"
"""
)

TRADE = (
    MINIMAL_BRIEF.replace('"Minimal"', '"Trade talks"').replace("2024-06-12", "2024-06-18")
    + """
[[confirmations]]
id = "tariffs"
what = "The tariff schedule"
awaited_from = ["Ministry of Trade"]
status = "pending"
since = 2024-06-15
"""
)


@pytest.fixture
def library(tmp_path: Path) -> Library:
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "visit.toml").write_text(VISIT, encoding="utf-8")
    (folder / "trade.toml").write_text(TRADE, encoding="utf-8")
    library = Library([folder], tmp_path / "cache")
    built(library)
    return library


def pending_board(library: Library, today: dt.date | None) -> list[tuple[str, ...]]:
    keys = queries.pending_ordered(library.store, 0)[0]
    rows = list(board_rows(library.store, "pending", keys))
    assert all(row.marker is None and row.entry is not None for row in rows)
    return [pending_cells(row.entry, row.item, today, Thresholds()) for row in rows
            if row.entry is not None and isinstance(row.item, PendingItem)]  # fmt: skip


def test_the_pending_board_says_since_when_how_old_what_from_whom_and_where(library: Library) -> None:
    assert pending_board(library, TODAY) == [
        ("1 May 2024", "50 days ‼", "The dates of the visit", "Kremlin, MFA", "The visit"),
        ("15 Jun 2024", "5 days", "The tariff schedule", "Ministry of Trade", "Trade talks"),
        ("", "", "The agenda in Hanoi", "Officials in Hanoi", "The visit"),
    ]
    as_of_their_briefs = pending_board(library, None)
    assert [cells[:2] for cells in as_of_their_briefs] == [("1 May 2024", "48 days ‼"), ("15 Jun 2024", "3 days"),
                                                           ("", "")]  # fmt: skip


def test_a_pending_item_is_banded_by_its_age_to_the_day_asked(library: Library) -> None:
    keys = queries.pending_ordered(library.store, 0)[0]
    rows = [row for row in board_rows(library.store, "pending", keys)]
    (dates, tariffs, undated) = [(row.entry, row.item) for row in rows]
    thresholds = Thresholds()
    assert pending_band(*dates, TODAY, thresholds) is Band.OVERDUE  # type: ignore[arg-type]
    assert pending_band(*tariffs, TODAY, thresholds) is Band.FRESH  # type: ignore[arg-type]
    assert pending_band(*tariffs, dt.date(2024, 7, 1), thresholds) is Band.AGEING  # type: ignore[arg-type]
    assert pending_band(*undated, TODAY, thresholds) is Band.FRESH, "no since: no age"  # type: ignore[arg-type]
    later = pending_cells(*tariffs, dt.date(2024, 7, 1), thresholds)  # type: ignore[arg-type]
    assert later[:2] == ("15 Jun 2024", f"16 days {Band.AGEING.glyph}")


def agenda_rows(library: Library, today: dt.date | None, words: str = "") -> list[object]:
    agenda = queries.agenda_of(library.store, today, 0)
    if words:
        agenda = boards.agenda_filtered(library.store, agenda, words.split())
    shown: list[object] = []
    for row in board_rows(library.store, "stops", agenda.keys, agenda):
        if row.marker is not None:
            shown.append(row.marker)
        else:
            assert row.entry is not None and isinstance(row.item, StopItem)
            shown.append(stop_cells(row.entry, row.item, today))
    return shown


def test_the_agenda_says_each_stops_window_place_certainty_and_words_under_its_week(library: Library) -> None:
    assert agenda_rows(library, TODAY) == [
        AgendaHeading("Week of 17 Jun 2024"),
        ("17–18 Jun 2024", "Pyongyang, North Korea", "‼ passed, unconfirmed", "next week", "The visit"),
        ("19 Jun 2024", "Ulaanbaatar", "‼ passed, unconfirmed", "", "The visit"),
        ("19–21 Jun 2024", "Vientiane", "likely", "", "The visit"),
        TodayLine(TODAY),
        AgendaHeading("Week of 24 Jun 2024"),
        ("~24 Jun 2024", "Hanoi", "very likely", "", "The visit"),
        AgendaHeading("No dates reported"),
        ("no dates", "Moscow", "", "", "The visit"),
    ]  # fmt: skip
    on_its_first_day = agenda_rows(library, dt.date(2024, 6, 17))
    assert on_its_first_day[2] == (
        "17–18 Jun 2024", "Pyongyang, North Korea", "roughly even chance ?", "next week", "The visit"
    )  # fmt: skip


def test_the_agenda_filtered_keeps_the_weeks_of_what_it_keeps(library: Library) -> None:
    assert agenda_rows(library, TODAY, "hanoi") == [
        TodayLine(TODAY),
        AgendaHeading("Week of 24 Jun 2024"),
        ("~24 Jun 2024", "Hanoi", "very likely", "", "The visit"),
    ]
    whole_brief = agenda_rows(library, TODAY, "visit")
    assert [row[1] for row in whole_brief if isinstance(row, tuple)] == [
        "Pyongyang, North Korea", "Ulaanbaatar", "Vientiane", "Hanoi", "Moscow"
    ]  # fmt: skip
    assert agenda_rows(library, TODAY, "nowhere") == [], "nothing matches: no rows, no weeks"


def test_the_agenda_filter_takes_the_stops_owners_when_given(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    owners = boards.stop_owners(library.store)
    agenda = queries.agenda_of(library.store, TODAY, 0)
    expected = boards.agenda_filtered(library.store, agenda, ["visit"])
    monkeypatch.setattr(boards, "stop_owners", lambda _store: pytest.fail("the owners were given"))
    assert boards.agenda_filtered(library.store, agenda, ["visit"], owners) == expected


def test_rows_are_read_in_batches_and_a_row_gone_from_the_index_is_left_out(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys = list(queries.pending_ordered(library.store, 0)[0])
    monkeypatch.setattr(boards, "BATCH", 2)
    asked: list[list[int]] = []
    real = boards.item_rows

    def counted(store: object, table: str, row_ids: list[int]) -> object:
        asked.append(list(row_ids))
        return real(store, table, row_ids)  # type: ignore[arg-type]

    monkeypatch.setattr(boards, "item_rows", counted)
    rows = list(board_rows(library.store, "pending", [*keys, 10_000]))
    assert asked == [keys[:2], [keys[2], 10_000]]
    assert [row.item.row for row in rows if row.item is not None] == keys


def test_item_rows_reads_briefs_through_the_loader_given(library: Library) -> None:
    keys = list(queries.pending_ordered(library.store, 0)[0])
    loaded: list[list[int]] = []

    def load(brief_ids: list[int]) -> dict[int, object]:
        loaded.append(sorted(brief_ids))
        return queries.briefs(library.store, brief_ids)  # type: ignore[return-value]

    through_loader = item_rows(library.store, "pending", keys, load)  # type: ignore[arg-type]
    assert through_loader == item_rows(library.store, "pending", keys)
    assert len(loaded) == 1 and len(loaded[0]) == 2
    assert item_rows(library.store, "pending", keys, lambda _ids: {}) == {}, "a brief the loader lacks: no rows"

    def without_items(brief_ids: list[int]) -> dict[int, object]:
        return {key: replace(entry, pending=()) for key, entry in queries.briefs(library.store, brief_ids).items()}

    stale = item_rows(library.store, "pending", keys, without_items)  # type: ignore[arg-type]
    assert stale == {}, "a brief that no longer holds the item: no row"
