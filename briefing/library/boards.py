"""The pending board and the agenda as rows of text and data: what the library screen draws, and what
``briefing pending`` and ``briefing agenda`` print. Read from the index, a batch of rows at a time; no Textual."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.format.model import Certainty
from briefing.library import queries
from briefing.library.entries import IndexedBrief, PendingItem, StopItem
from briefing.library.views import Agenda, Marker, agenda_kept, pending_age
from briefing.present.ages import Band, Thresholds, band
from briefing.present.columns import Column
from briefing.present.timing import PASSED_UNCONFIRMED, passed_unconfirmed
from briefing.present.wording import day, days, window

if TYPE_CHECKING:
    from briefing.library.queries import Ids
    from briefing.library.store import Store

COLUMNS: dict[str, tuple[Column, ...]] = {
    # keep: the lowest are left out first when the width runs short; grow: the lowest get room first.
    "library": (
        Column("", 1), Column("As of", 11), Column("Title", 24, 60, grow=2, main=True),
        Column("Category", 12, 16, keep=2, grow=3), Column("Tags", 12, 24, keep=1, grow=4), Column("Pending", 7),
        Column("Next stop", 20, 34, keep=3, grow=1),
    ),
    "pending": (
        Column("Since", 11), Column("Age", 11), Column("What", 24, 70, grow=1, main=True),
        Column("Awaited from", 16, 30, keep=1, grow=3), Column("Brief", 16, 40, keep=2, grow=2),
    ),
    "agenda": (
        Column("Window", 20), Column("Place", 14, 30), Column("Certainty", 21),
        Column("As reported", 12, 30, keep=1, grow=2), Column("Brief", 16, grow=1, main=True, keep=2),
    ),
}  # fmt: skip
"""Each view's columns, fitted to the width (``briefing.present.columns.fit``) by the longest of their cells."""

BATCH = 512
"""How many rows are read from the index at once."""


def stop_window(stop: StopItem) -> str:
    return window(stop.start, stop.end, stop.approximate) or "no dates"


def certainty_words(item: StopItem, agenda_today: dt.date | None) -> str:
    """The stop's certainty in words ("likely ?" when the words leave it open); flagged instead when its window
    passed while it was planned and waited on a confirmation."""
    if agenda_today is not None and passed_unconfirmed(
        item.start, item.end, item.status, item.unconfirmed, agenda_today
    ):
        return f"‼ {PASSED_UNCONFIRMED}"
    likelihood = Certainty(item.certainty) if item.certainty else None
    return likelihood.words + (" ?" if likelihood.uncertain else "") if likelihood else ""


def pending_band(entry: IndexedBrief, item: PendingItem, today: dt.date | None, thresholds: Thresholds) -> Band:
    age = pending_age(entry, item, today)
    return band(age, thresholds) if age is not None else Band.FRESH


def pending_cells(
    entry: IndexedBrief, item: PendingItem, today: dt.date | None, thresholds: Thresholds
) -> tuple[str, ...]:
    """A pending confirmation's cells, a column of ``COLUMNS["pending"]`` each."""
    age = pending_age(entry, item, today)
    shown_age = f"{days(age)} {pending_band(entry, item, today, thresholds).glyph}".rstrip() if age is not None else ""
    return (day(item.since) if item.since else "", shown_age, item.what, ", ".join(item.awaited_from), entry.title)


def stop_cells(entry: IndexedBrief, item: StopItem, agenda_today: dt.date | None) -> tuple[str, ...]:
    """A stop's cells, a column of ``COLUMNS["agenda"]`` each."""
    place = ", ".join(part for part in (item.place, item.country) if part)
    return (stop_window(item), place, certainty_words(item, agenda_today), item.when or "", entry.title)


# -- reading the boards from the index ------------------------------------------------------------------------------


def item_rows(
    store: Store,
    table: str,
    row_ids: Sequence[int],
    load: Callable[[list[int]], dict[int, IndexedBrief]] | None = None,
) -> dict[int, tuple[IndexedBrief, PendingItem | StopItem]]:
    """(its brief, the item) for each pending confirmation (``table`` "pending") or stop ("stops") of ``row_ids``;
    ``load`` reads briefs by id (a screen's, with its cache), else the index is asked."""
    owner = queries.owners(store, table, row_ids)
    brief_ids = list(set(owner.values()))
    held = load(brief_ids) if load is not None else queries.briefs(store, brief_ids)
    found: dict[int, tuple[IndexedBrief, PendingItem | StopItem]] = {}
    for row_id, brief_id in owner.items():
        entry = held.get(brief_id)
        items: Sequence[PendingItem | StopItem] = (
            (entry.pending if table == "pending" else entry.stops) if entry else ()
        )
        item = next((item for item in items if item.row == row_id), None)
        if entry is not None and item is not None:
            found[row_id] = (entry, item)
    return found


@dataclass(frozen=True)
class BoardRow:
    """A row of a board as printed: a marker of the agenda (a week's heading, the today line), or an item."""

    marker: Marker | None = None
    entry: IndexedBrief | None = None
    item: PendingItem | StopItem | None = None


def board_rows(store: Store, table: str, keys: Sequence[int], agenda: Agenda | None = None) -> Iterator[BoardRow]:
    """The rows of ``keys`` (a board's, in its order), read a batch at a time."""
    for start in range(0, len(keys), BATCH):
        batch = keys[start : start + BATCH]
        found = item_rows(store, table, [key for key in batch if key > 0])
        for key in batch:
            if key < 0 and agenda is not None:
                yield BoardRow(marker=agenda.marker(key))
            elif key in found:
                entry, item = found[key]
                yield BoardRow(entry=entry, item=item)


# -- the filter -----------------------------------------------------------------------------------------------------


def pending_filtered(store: Store, board: tuple[Ids, Ids], words: Sequence[str]) -> Ids:
    """The pending board's rows the filter keeps: its rows that hold the words, and every row of a brief that holds
    them but in none of its rows."""
    keys, owners = board
    briefs = queries.matching_briefs(store, words)
    own = queries.matching_rows(store, "pending", words)
    return queries.board_kept(keys, owners, own, briefs)


def stop_owners(store: Store) -> dict[int, int]:
    """Every stop's brief, by the stop's id."""
    with store.reading() as database:
        return dict(database.execute("SELECT id, brief FROM stops").fetchall())


def agenda_filtered(store: Store, board: Agenda, words: Sequence[str], owners: dict[int, int] | None = None) -> Agenda:
    """The agenda's rows the filter keeps (as ``pending_filtered``), with the markers of the weeks they are in."""
    briefs = queries.matching_briefs(store, words)
    own = queries.matching_rows(store, "stops", words)
    of_briefs: set[int] = set()
    if briefs:
        owner = owners if owners is not None else stop_owners(store)
        with_own = {owner.get(stop) for stop in own}
        of_briefs = {
            stop for stop in board.keys if stop > 0 and owner.get(stop) in briefs and owner.get(stop) not in with_own
        }
    return agenda_kept(board, own | of_briefs)
