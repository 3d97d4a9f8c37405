"""Views of a library: the list's orders and filter, the pending board and the agenda."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from briefing.library.entries import IndexedBrief, PendingItem, StopItem
from briefing.present.ages import stale


# Orders for the library list: (label, key function, reverse).
def _newest(entry: IndexedBrief) -> tuple[dt.date, str]:
    return (entry.as_of or dt.date.min, entry.title.casefold())


def _pending_count(entry: IndexedBrief) -> tuple[int, dt.date]:
    return (len(entry.pending), entry.as_of or dt.date.min)


def _next_stop_date(entry: IndexedBrief) -> tuple[bool, dt.date]:
    stop = entry.next_stop
    start = stop.start or stop.end if stop else None
    return (start is None, start or dt.date.max)


def _stalest(entry: IndexedBrief) -> tuple[bool, dt.date, str]:
    """Briefs that wait on confirmations first, the longest not brought up to date first."""
    return (not entry.pending, entry.last_touched or dt.date.min, entry.title.casefold())


ORDERS: tuple[tuple[str, Callable[[IndexedBrief], Any], bool], ...] = (
    ("newest first", _newest, True),
    ("oldest first", _newest, False),
    ("title", lambda entry: entry.title.casefold(), False),
    ("most pending", _pending_count, True),
    ("next stop soonest", _next_stop_date, False),
    ("stalest first", _stalest, False),
)


def is_stale(entry: IndexedBrief, today: dt.date, stale_days: int) -> bool:
    """True when the brief waits on confirmations and was not brought up to date for ``stale_days``."""
    return stale(bool(entry.pending), entry.last_touched, today, stale_days)


def matching(entries: Iterable[IndexedBrief], query: str) -> list[IndexedBrief]:
    """The entries that match ``query``: every word of it, case-folded, anywhere in the searched text."""
    words = query.casefold().split()
    if not words:
        return list(entries)
    if len(words) == 1:
        word = words[0]
        return [entry for entry in entries if word in entry.search]
    return [entry for entry in entries if all(word in entry.search for word in words)]


def arrange(entries: Iterable[IndexedBrief], order: int = 0, query: str = "") -> list[IndexedBrief]:
    """The entries that match ``query`` (every word, anywhere in the searched text), in ``order``."""
    chosen = matching(entries, query)
    _label, key, reverse = ORDERS[order % len(ORDERS)]
    chosen.sort(key=key, reverse=reverse)
    # Files with problems come first in every order: never hidden at the bottom of a long list.
    chosen.sort(key=lambda entry: entry.ok)
    return chosen


def library_today(entries: Iterable[IndexedBrief]) -> dt.date | None:
    """The library's today, when none is given: the latest as_of in it."""
    return max((entry.as_of for entry in entries if entry.as_of), default=None)


def pending_board(entries: Iterable[IndexedBrief]) -> list[tuple[IndexedBrief, PendingItem]]:
    """Every pending confirmation across the library, oldest first (undated ones last)."""
    rows = [(entry, item) for entry in entries for item in entry.pending]
    rows.sort(key=lambda row: (row[1].since is None, row[1].since or dt.date.max, row[0].title.casefold()))
    return rows


@dataclass(frozen=True, slots=True)
class AgendaHeading:
    label: str


AgendaRow = AgendaHeading | tuple[IndexedBrief, StopItem]


def agenda(entries: Iterable[IndexedBrief]) -> list[AgendaRow]:
    """Every stop by date window, under a heading per week (Monday first); stops without dates at the end."""
    dated: list[tuple[dt.date, IndexedBrief, StopItem]] = []
    undated: list[tuple[IndexedBrief, StopItem]] = []
    for entry in entries:
        for stop in entry.stops:
            start = stop.start or stop.end
            if start is None:
                undated.append((entry, stop))
            else:
                dated.append((start, entry, stop))
    dated.sort(key=lambda row: (row[0], row[2].end or row[0], row[2].place))
    rows: list[AgendaRow] = []
    week: dt.date | None = None
    for start, entry, stop in dated:
        monday = start - dt.timedelta(days=start.weekday())
        if monday != week:
            week = monday
            rows.append(AgendaHeading(f"Week of {monday.day} {monday:%b %Y}"))
        rows.append((entry, stop))
    if undated:
        rows.append(AgendaHeading("No dates reported"))
        undated.sort(key=lambda row: (row[0].as_of or dt.date.min, row[1].place))
        rows.extend(undated)
    return rows
