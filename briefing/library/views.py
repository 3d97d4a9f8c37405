"""Views of a library: the list's orders and filter, the pending board and the agenda."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from briefing.library.entries import IndexedBrief, PendingItem, StopItem
from briefing.library.marks import Mark, Marks
from briefing.present.ages import stale


@dataclass(frozen=True)
class Reading:
    """What orders and marks depend on besides the briefs: today (None: each brief as of its own date), and which
    briefs are new or updated since the reader last looked."""

    today: dt.date | None = None
    marks: Marks = field(default_factory=dict)


# Orders for the library list: (label, key function of an entry and the reading, reverse).
def _newest(entry: IndexedBrief, reading: Reading) -> tuple[dt.date, str]:
    return (entry.as_of or dt.date.min, entry.title.casefold())


def _title(entry: IndexedBrief, reading: Reading) -> str:
    return entry.title.casefold()


def _pending_count(entry: IndexedBrief, reading: Reading) -> tuple[int, dt.date]:
    return (len(entry.pending), entry.as_of or dt.date.min)


def _next_stop_date(entry: IndexedBrief, reading: Reading) -> tuple[bool, dt.date]:
    stop = entry.next_stop(reading.today)
    start = stop.start or stop.end if stop else None
    return (start is None, start or dt.date.max)


def _stalest(entry: IndexedBrief, reading: Reading) -> tuple[bool, dt.date, str]:
    """Briefs that wait on confirmations first, the longest not brought up to date first."""
    return (not entry.pending, entry.last_touched or dt.date.min, entry.title.casefold())


_MARK_ORDER = {Mark.NEW: 0, Mark.UPDATED: 1}


def _changed_first(entry: IndexedBrief, reading: Reading) -> tuple[int, int, str]:
    """New briefs, then updated ones, then the rest; newest first within each."""
    mark = reading.marks.get(entry.path)
    as_of = entry.as_of.toordinal() if entry.as_of else 0
    return (_MARK_ORDER[mark] if mark else 2, -as_of, entry.title.casefold())


ORDERS: tuple[tuple[str, Callable[[IndexedBrief, Reading], Any], bool], ...] = (
    ("newest first", _newest, True),
    ("oldest first", _newest, False),
    ("title", _title, False),
    ("most pending", _pending_count, True),
    ("next stop soonest", _next_stop_date, False),
    ("stalest first", _stalest, False),
    ("changed first", _changed_first, False),
)
CHANGED_FIRST = len(ORDERS) - 1


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


def arrange(
    entries: Iterable[IndexedBrief], order: int = 0, query: str = "", reading: Reading | None = None
) -> list[IndexedBrief]:
    """The entries that match ``query`` (every word, anywhere in the searched text), in ``order`` as read by
    ``reading`` (default: each brief as of its own date, nothing marked)."""
    chosen = matching(entries, query)
    _label, key, reverse = ORDERS[order % len(ORDERS)]
    read = reading or Reading()
    chosen.sort(key=lambda entry: key(entry, read), reverse=reverse)
    # Files with problems come first in every order: never hidden at the bottom of a long list.
    chosen.sort(key=lambda entry: entry.ok)
    return chosen


def library_today(entries: Iterable[IndexedBrief]) -> dt.date | None:
    """The agenda's today, when none is given: the latest as_of in the library."""
    return max((entry.as_of for entry in entries if entry.as_of), default=None)


def pending_age(entry: IndexedBrief, item: PendingItem, today: dt.date | None) -> int | None:
    """Days since the item was first reported, to ``today`` (None: to its brief's own as_of)."""
    reference = entry.reference(today)
    return (reference - item.since).days if item.since and reference else None


PendingRow = tuple[IndexedBrief, PendingItem]
StopRow = tuple[IndexedBrief, StopItem]
PENDING_ORDERS = ("oldest first", "newest first", "by brief", "by whom it is awaited from")
AGENDA_ORDERS = ("by date", "by brief", "by place")


def row_text(entry: IndexedBrief, item: PendingItem | StopItem) -> str:
    """What a board's filter looks in for one row, case-folded: the row's own text, and its brief's title,
    category and tags (so "hanoi" keeps the stops in Hanoi, and "economy" every row of an economy brief)."""
    if isinstance(item, PendingItem):
        own = f"{item.what}\n{' '.join(item.awaited_from)}"
    else:
        own = f"{item.place}\n{item.country or ''}\n{item.when or ''}\n{item.certainty or ''}\n{item.status}"
    return f"{own}\n{entry.title}\n{entry.category or ''}\n{' '.join(entry.tags)}".casefold()


def rows_matching(rows: Iterable[tuple[IndexedBrief, Any, str]], query: str) -> list[tuple[IndexedBrief, Any]]:
    """The (entry, item) of each (entry, item, row_text) that ``query`` keeps: the rows whose own text holds every
    word of it, and every row of a brief that holds them all but in no row of its own ("hanoi" on the pending
    board: the pending confirmations of the briefs that mention Hanoi)."""
    words = query.casefold().split()
    kept: list[tuple[IndexedBrief, Any]] = []
    by_brief: dict[str, list[tuple[IndexedBrief, Any, str]]] = {}
    for row in rows:
        by_brief.setdefault(row[0].path, []).append(row)
    for brief_rows in by_brief.values():
        own = [(entry, item) for entry, item, text in brief_rows if all(word in text for word in words)]
        search = brief_rows[0][0].search
        if not own and all(word in search for word in words):
            own = [(entry, item) for entry, item, _text in brief_rows]
        kept.extend(own)
    return kept


def pending_board(entries: Iterable[IndexedBrief], order: int = 0,
                  only: Iterable[PendingRow] | None = None) -> list[PendingRow]:  # fmt: skip
    """Every pending confirmation across the library (or just those ``only`` lists), in ``order`` of
    PENDING_ORDERS: oldest first by default (undated ones last in every order by date)."""
    chosen = [(entry, item) for entry in entries for item in entry.pending] if only is None else list(only)
    by = order % len(PENDING_ORDERS)

    def title(row: PendingRow) -> str:
        return row[0].title.casefold()

    if by == 2:
        chosen.sort(key=lambda row: (title(row), row[1].since or dt.date.max))
    elif by == 3:
        chosen.sort(key=lambda row: (" ".join(row[1].awaited_from).casefold(), row[1].since or dt.date.max))
    else:
        chosen.sort(key=lambda row: (row[1].since or dt.date.max, title(row)), reverse=by == 1)
        chosen.sort(key=lambda row: row[1].since is None)
    return chosen


@dataclass(frozen=True, slots=True)
class AgendaHeading:
    label: str
    past: bool = False
    """Every stop under it had ended by today."""


@dataclass(frozen=True, slots=True)
class TodayLine:
    """Where today falls among the stops: stops above it began before today, stops below it begin today or later."""

    today: dt.date


AgendaRow = AgendaHeading | TodayLine | tuple[IndexedBrief, StopItem]


def agenda(
    entries: Iterable[IndexedBrief], today: dt.date | None = None, order: int = 0, only: Iterable[StopRow] | None = None
) -> list[AgendaRow]:
    """Every stop of the library (or just those ``only`` lists) in ``order`` of AGENDA_ORDERS. By date (the
    default): by date window, under a heading per week (Monday first), with a line where ``today`` falls, and
    stops without dates at the end. By brief or by place: a heading for each, its stops by date below it."""
    chosen = [(entry, stop) for entry in entries for stop in entry.stops] if only is None else list(only)
    by = order % len(AGENDA_ORDERS)
    if by:
        return _grouped(chosen, by)
    dated: list[tuple[dt.date, IndexedBrief, StopItem]] = []
    undated: list[tuple[IndexedBrief, StopItem]] = []
    for entry, stop in chosen:
        start = stop.start or stop.end
        if start is None:
            undated.append((entry, stop))
        else:
            dated.append((start, entry, stop))
    dated.sort(key=lambda row: (row[0], row[2].end or row[0], row[2].place))
    rows: list[AgendaRow] = []
    week: dt.date | None = None
    line_at: int | None = None
    """Where the today line goes: before the first stop that begins today or later (before its week's heading
    when today falls in a week with no stop)."""
    for start, entry, stop in dated:
        monday = start - dt.timedelta(days=start.weekday())
        if monday != week:
            if line_at is None and today is not None and today < monday:
                line_at = len(rows)
            week = monday
            ended = today is not None and monday + dt.timedelta(days=6) < today
            rows.append(AgendaHeading(f"Week of {monday.day} {monday:%b %Y}", ended))
        if line_at is None and today is not None and start >= today:
            line_at = len(rows)
        rows.append((entry, stop))
    if today is not None and rows:
        rows.insert(len(rows) if line_at is None else line_at, TodayLine(today))
    if undated:
        rows.append(AgendaHeading("No dates reported"))
        undated.sort(key=lambda row: (row[0].as_of or dt.date.min, row[1].place))
        rows.extend(undated)
    return rows


def _grouped(rows: list[StopRow], by: int) -> list[AgendaRow]:
    """Stops under a heading per brief (``by`` 1) or per place (2), headings in alphabetical order, each one's stops
    by date (undated last)."""

    def group(row: StopRow) -> str:
        entry, stop = row
        return entry.title if by == 1 else ", ".join(part for part in (stop.place, stop.country) if part)

    def when(row: StopRow) -> tuple[bool, dt.date]:
        start = row[1].start or row[1].end
        return (start is None, start or dt.date.max)

    rows.sort(key=lambda row: (group(row).casefold(), group(row), *when(row), row[0].path))
    shown: list[AgendaRow] = []
    heading: str | None = None
    for row in rows:
        name = group(row)
        if name != heading:
            heading = name
            shown.append(AgendaHeading(name))
        shown.append(row)
    return shown
