"""Where a stop stands relative to today: past, now, upcoming, or undated; which one is next; and which
passed while still planned and unconfirmed.

On plain values (a window, a status word, whether its confirmation is pending), so that a Stop of a
brief and a stop of the library's index are read by the same rules.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence

from briefing.format.model import Brief, ConfirmationStatus, Stop, StopStatus


class Phase(enum.Enum):
    PAST = "past"
    """The window has ended."""
    CURRENT = "now"
    """Today is in the window."""
    UPCOMING = "upcoming"
    """The window has not begun."""
    UNDATED = "undated"
    """No dates were reported: it cannot be placed."""


DONE = frozenset({StopStatus.COMPLETED.value, StopStatus.CANCELLED.value})
"""Stops that have happened or been called off: never the next stop."""
STILL_PLANNED = frozenset({StopStatus.PLANNED.value, StopStatus.SCHEDULED.value, StopStatus.RESCHEDULED.value})
"""Stops still expected to happen as written (not done, and not postponed)."""


def bounds(start: dt.date | None, end: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day of a window (one date alone is a single day), or None without dates."""
    first, last = start or end, end or start
    return None if first is None or last is None else (first, last)


def phase(start: dt.date | None, end: dt.date | None, today: dt.date) -> Phase:
    window = bounds(start, end)
    if window is None:
        return Phase.UNDATED
    first, last = window
    if last < today:
        return Phase.PAST
    return Phase.CURRENT if first <= today else Phase.UPCOMING


def passed_unconfirmed(
    start: dt.date | None, end: dt.date | None, status: str, confirmation_pending: bool, today: dt.date
) -> bool:
    """True for a stop whose window has ended while it is still planned and its confirmation still pending."""
    return confirmation_pending and status in STILL_PLANNED and phase(start, end, today) is Phase.PAST


def next_index(stops: Iterable[tuple[dt.date | None, dt.date | None, str]], today: dt.date) -> int | None:
    """The next stop: the first, in travel order, not done and whose window has not ended (an undated stop
    has not ended); None when there is none. ``stops``: (start, end, status word) in travel order."""
    for index, (start, end, status) in enumerate(stops):
        if status not in DONE and phase(start, end, today) is not Phase.PAST:
            return index
    return None


def waits_on_pending(brief: Brief, stop: Stop) -> bool:
    """True when the stop waits on a confirmation of the brief that is still pending."""
    waited = brief.confirmation(stop.confirmation) if stop.confirmation else None
    return waited is not None and waited.status is ConfirmationStatus.PENDING


def stop_flagged(brief: Brief, stop: Stop, today: dt.date) -> bool:
    """``passed_unconfirmed`` for a stop of a brief."""
    return passed_unconfirmed(stop.start, stop.end, stop.status.value, waits_on_pending(brief, stop), today)


def brief_next_index(itinerary: Sequence[Stop], today: dt.date) -> int | None:
    """``next_index`` for a brief's itinerary."""
    return next_index(((stop.start, stop.end, stop.status.value) for stop in itinerary), today)


PASSED_UNCONFIRMED = "passed, unconfirmed"
"""What a flagged stop is called, everywhere it is shown."""


def tag(start: dt.date | None, end: dt.date | None, today: dt.date, is_next: bool, flagged: bool) -> str:
    """The few words beside a stop that place it: ``‼ passed, unconfirmed``, ``past``, ``● now``,
    ``▸ next · in 5 days``, ``in 12 days``; empty for an undated stop that is not next."""
    if flagged:
        return f"‼ {PASSED_UNCONFIRMED}"
    when = phase(start, end, today)
    if when is Phase.PAST:
        return "past"
    if when is Phase.CURRENT:
        return "● now"
    window = bounds(start, end)
    count = (window[0] - today).days if window else None
    soon = "" if count is None else f"in {count} day{'s' if count != 1 else ''}"
    if is_next:
        return f"▸ next · {soon}" if soon else "▸ next"
    return soon
