"""Views of a library: the list's orders, the pending board's and the agenda's, the agenda's weeks and today line,
and the rows a screen draws, read from the index a few at a time (``Rows``)."""

from __future__ import annotations

import datetime as dt
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, overload

from briefing.library.entries import IndexedBrief, PendingItem
from briefing.library.marks import Marks
from briefing.present.ages import stale


@dataclass(frozen=True)
class Reading:
    """What orders and marks depend on besides the briefs: today (None: each brief as of its own date), and which
    briefs are new or updated since the reader last looked."""

    today: dt.date | None = None
    marks: Marks = field(default_factory=dict)


ORDERS = ("newest first", "oldest first", "title", "most pending", "next stop soonest", "stalest first",
          "changed first")  # fmt: skip
"""The list's orders (``queries.ORDER_SQL`` says how each sorts)."""
CHANGED_FIRST = len(ORDERS) - 1
PENDING_ORDERS = ("oldest first", "newest first", "by brief", "by whom it is awaited from")
AGENDA_ORDERS = ("by date", "by brief", "by place")


def is_stale(entry: IndexedBrief, today: dt.date, stale_days: int) -> bool:
    """True when the brief waits on confirmations and was not brought up to date for ``stale_days``."""
    return stale(bool(entry.pending), entry.last_touched, today, stale_days)


def pending_age(entry: IndexedBrief, item: PendingItem, today: dt.date | None) -> int | None:
    """Days since the item was first reported, to ``today`` (None: to its brief's own as_of)."""
    reference = entry.reference(today)
    return (reference - item.since).days if item.since and reference else None


def words_of(query: str) -> list[str]:
    """A filter's words: what every row it keeps holds, each as the start of one of its words."""
    return query.split()


# -- the agenda -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AgendaHeading:
    label: str
    past: bool = False
    """Every stop under it had ended by today."""


@dataclass(frozen=True, slots=True)
class TodayLine:
    """Where today falls among the stops: stops above it began before today, stops below it begin today or later."""

    today: dt.date


Marker = AgendaHeading | TodayLine

StopKey = tuple[int, dt.date | None, dt.date | None, str, str, str, dt.date | None]
"""A stop for the agenda: its id, start, end, place, country, its brief's title and as_of."""


@dataclass
class Agenda:
    """The agenda's rows: ``keys`` holds a stop's id (positive), or a marker's place in ``markers`` as -(place + 1)."""

    keys: array[int] = field(default_factory=lambda: array("q"))
    markers: list[Marker] = field(default_factory=list)

    def add_marker(self, marker: Marker) -> None:
        self.markers.append(marker)
        self.keys.append(-len(self.markers))

    def insert_marker(self, position: int, marker: Marker) -> None:
        self.markers.append(marker)
        self.keys.insert(position, -len(self.markers))

    def marker(self, key: int) -> Marker:
        return self.markers[-key - 1]


def agenda(stops: Iterable[StopKey], today: dt.date | None = None, order: int = 0) -> Agenda:
    """The stops in ``order`` of AGENDA_ORDERS. By date (the default): by date window, under a heading per week
    (Monday first), with a line where ``today`` falls, and stops without dates at the end. By brief or by place: a
    heading for each, its stops by date below it."""
    by = order % len(AGENDA_ORDERS)
    chosen = list(stops)
    if by:
        chosen.sort(key=lambda stop: (_group(stop, by).casefold(), _group(stop, by), *_when(stop), stop[0]))
        return grouped(chosen, by)
    dated = sorted((stop for stop in chosen if stop[1] or stop[2]), key=_by_date)
    undated = sorted((stop for stop in chosen if not (stop[1] or stop[2])),
                     key=lambda row: (row[6] or dt.date.min, row[3], row[0]))  # fmt: skip
    return by_week(dated, undated, today)


def _by_date(stop: StopKey) -> tuple[dt.date, dt.date, str, int]:
    start = stop[1] or stop[2]
    end = stop[2] or stop[1]
    assert start is not None and end is not None
    return (start, end, stop[3], stop[0])


def _group(stop: StopKey, by: int) -> str:
    return stop[5] if by == 1 else ", ".join(part for part in (stop[3], stop[4]) if part)


def _when(stop: StopKey) -> tuple[bool, dt.date]:
    start = stop[1] or stop[2]
    return (start is None, start or dt.date.max)


def by_week(dated: Iterable[StopKey], undated: Iterable[StopKey], today: dt.date | None) -> Agenda:
    """The agenda by date from stops already in order (``dated`` by their window; ``undated`` as they are to be
    listed): a heading per week, today's line, the undated at the end. Reads each stop once, keeping none."""
    shown = Agenda()
    week: dt.date | None = None
    line_at: int | None = None
    """Where the today line goes: before the first stop that begins today or later (before its week's heading
    when today falls in a week with no stop)."""
    for stop in dated:
        start = stop[1] or stop[2]
        assert start is not None
        monday = start - dt.timedelta(days=start.weekday())
        if monday != week:
            if line_at is None and today is not None and today < monday:
                line_at = len(shown.keys)
            week = monday
            ended = today is not None and monday + dt.timedelta(days=6) < today
            shown.add_marker(AgendaHeading(f"Week of {monday.day} {monday:%b %Y}", ended))
        if line_at is None and today is not None and start >= today:
            line_at = len(shown.keys)
        shown.keys.append(stop[0])
    if today is not None and shown.keys:
        shown.insert_marker(len(shown.keys) if line_at is None else line_at, TodayLine(today))
    first_undated = True
    for stop in undated:
        if first_undated:
            shown.add_marker(AgendaHeading("No dates reported"))
            first_undated = False
        shown.keys.append(stop[0])
    return shown


def grouped(stops: Iterable[StopKey], by: int) -> Agenda:
    """Stops under a heading per brief (``by`` 1) or per place (2), from stops already in that order (headings in
    alphabetical order, each one's stops by date)."""
    shown = Agenda()
    heading: str | None = None
    for stop in stops:
        name = _group(stop, by)
        if name != heading:
            heading = name
            shown.add_marker(AgendaHeading(name))
        shown.keys.append(stop[0])
    return shown


def agenda_kept(whole: Agenda, allowed: set[int]) -> Agenda:
    """The agenda with the stops in ``allowed`` only: a heading stays while a stop under it does; today's line
    stays."""
    kept = Agenda(array("q"), whole.markers)
    held: int | None = None
    """A heading waiting for a stop to keep it."""
    for key in whole.keys:
        if key < 0:
            if isinstance(whole.marker(key), TodayLine):
                kept.keys.append(key)
            else:
                held = key
        elif key in allowed:
            if held is not None:
                kept.keys.append(held)
                held = None
            kept.keys.append(key)
    if not any(key > 0 for key in kept.keys):
        return Agenda(array("q"), whole.markers)
    return kept


# -- rows read as they are drawn ------------------------------------------------------------------------------------


class Rows(Sequence[Any]):
    """A view's rows, by key, read from the index as they are drawn (and kept a while): the screen holds the keys,
    not every row. ``read`` turns keys into their rows, many at once (a key it leaves out is drawn as nothing: gone
    since); a miss reads the window of keys from it on, so a screenful costs a few queries."""

    CACHED = 2048
    WINDOW = 64

    def __init__(self, keys: Sequence[int], read: Callable[[Sequence[int]], dict[int, Any]]) -> None:
        self.keys = keys
        self._read = read
        self._cache: OrderedDict[int, Any] = OrderedDict()

    def __len__(self) -> int:
        return len(self.keys)

    @overload
    def __getitem__(self, index: int) -> Any: ...
    @overload
    def __getitem__(self, index: slice) -> list[Any]: ...
    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return [self[position] for position in range(*index.indices(len(self)))]
        key = self.keys[index]
        cache = self._cache
        if key not in cache:
            position = index if index >= 0 else len(self.keys) + index
            window = [k for k in self.keys[position : position + self.WINDOW] if k not in cache]
            found = self._read(window)
            for each in window:
                cache[each] = found.get(each)
            while len(cache) > self.CACHED:
                cache.popitem(last=False)
        cache.move_to_end(key)
        return cache[key]

    def __iter__(self) -> Iterator[Any]:
        return (self[position] for position in range(len(self)))

    def position(self, key: int) -> int | None:
        """Where the row with ``key`` is, or None."""
        try:
            return self.keys.index(key)
        except ValueError:
            return None
