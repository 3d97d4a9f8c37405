"""Dates, windows and ages in words: shared by the app and, later, by ``show`` and ``export``."""

from __future__ import annotations

import datetime as dt

from briefing.format.model import Stop


def day(date: dt.date) -> str:
    """``12 Jun 2024``."""
    return f"{date.day} {date:%b %Y}"


def window(start: dt.date | None, end: dt.date | None, approximate: bool = False) -> str | None:
    """A stop's resolved window: ``17–23 Jun 2024``; ``~`` in front when approximate."""
    first = start or end
    last = end or start
    if first is None or last is None:
        return None
    mark = "~" if approximate else ""
    if first == last:
        return mark + day(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{mark}{first.day}–{last.day} {last:%b %Y}"
    if first.year == last.year:
        return f"{mark}{first.day} {first:%b} – {last.day} {last:%b %Y}"
    return f"{mark}{day(first)} – {day(last)}"


def stop_window(stop: Stop) -> str | None:
    return window(stop.start, stop.end, stop.approximate)


def days(count: int) -> str:
    """``1 day``, ``12 days``; a negative count is in the future."""
    if count < 0:
        return f"in {days(-count)}"
    return f"{count} day" if count == 1 else f"{count} days"


def place(stop: Stop) -> str:
    return f"{stop.place}, {stop.country}" if stop.country and stop.country != stop.place else stop.place


def reference(today: dt.date | None, shown: dt.date, short: bool = False) -> str:
    """The date ages count to, as the screens say it: ``today 29 Nov 2026``, or ``as of the brief, 12 Jun 2024``
    (``as of 12 Jun 2024`` when ``short``) when each brief is read as of its own date."""
    if today is not None:
        return f"today {day(today)}"
    return f"as of {day(shown)}" if short else f"as of the brief, {day(shown)}"
