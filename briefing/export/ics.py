"""Itineraries as calendars (RFC 5545, written by the ``icalendar`` library): one all-day event per dated stop.

An event's UID stays the same across runs for the same stop — the brief's file name, the stop's place and
country, and which of the brief's stops at that place it is — so a calendar that imports the file again updates
its events instead of adding copies. Changing a stop's dates or certainty keeps its UID; renaming the file or the
place makes a new one. Stops with no dates are left out (the caller says how many).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from briefing.format.model import Brief, ConfirmationStatus, Stop, StopStatus
from briefing.present.wording import window

if TYPE_CHECKING:
    from briefing.library.boards import BoardRow

PRODUCT = "-//briefing//briefing itinerary//EN"
CONFIRMED_STATUSES = (StopStatus.SCHEDULED, StopStatus.RESCHEDULED, StopStatus.COMPLETED)
"""A stop in one of these is CONFIRMED in the calendar, unless it waits on a confirmation still pending or denied."""


@dataclass
class Calendar:
    """Events made so far, and how many stops had no dates to put in a calendar."""

    events: list[Any]
    undated: int = 0


def new_calendar() -> Calendar:
    return Calendar([])


def add_brief(calendar: Calendar, brief: Brief, file_name: str, indexes: Iterable[int] | None = None) -> None:
    """The events of the brief's stops (those at ``indexes``, else all of them), in the itinerary's order."""
    wanted = set(indexes) if indexes is not None else None
    seen_places: dict[tuple[str, str | None], int] = {}
    for index, stop in enumerate(brief.itinerary):
        place = (stop.place, stop.country)
        nth = seen_places[place] = seen_places.get(place, -1) + 1
        if wanted is not None and index not in wanted:
            continue
        start, end = stop.start or stop.end, stop.end or stop.start
        if start is None or end is None:
            calendar.undated += 1
            continue
        calendar.events.append(_event(brief, stop, file_name, nth, start, end))


def _uid(file_name: str, stop: Stop, nth: int) -> str:
    seed = "\0".join((file_name, stop.place, stop.country or "", str(nth)))
    # A file's name may hold bytes that are not UTF-8 (lone surrogates here): hashed as the bytes they stand for.
    return f"{hashlib.sha256(seed.encode('utf-8', 'surrogateescape')).hexdigest()[:32]}@briefing"


def _status(brief: Brief, stop: Stop) -> str:
    if stop.status is StopStatus.CANCELLED:
        return "CANCELLED"
    awaited = next((item for item in brief.confirmations if item.id == stop.confirmation), None)
    if awaited is not None and awaited.status is not ConfirmationStatus.CONFIRMED:
        return "TENTATIVE"
    if awaited is not None or stop.status in CONFIRMED_STATUSES:
        return "CONFIRMED"
    return "TENTATIVE"


def _event(brief: Brief, stop: Stop, file_name: str, nth: int, start: dt.date, end: dt.date) -> Any:
    from icalendar import Event

    where = ", ".join(part for part in (stop.place, stop.country) if part)
    event = Event()
    event.add("uid", _uid(file_name, stop, nth))
    stamp = brief.meta.updated or brief.meta.as_of
    event.add("dtstamp", dt.datetime(stamp.year, stamp.month, stamp.day, tzinfo=dt.UTC))
    event.add("dtstart", start)
    event.add("dtend", end + dt.timedelta(days=1))  # all-day events end the day after their last day
    event.add("summary", f"{where} — {brief.meta.title}")
    event.add("location", where)
    event.add("status", _status(brief, stop))
    event.add("description", "\n".join(_description(brief, stop, start, end)))
    return event


def _description(brief: Brief, stop: Stop, start: dt.date, end: dt.date) -> list[str]:
    lines = [f"Brief: {brief.meta.title} (as of {brief.meta.as_of.isoformat()})"]
    dates = window(start, end, stop.approximate)
    lines.append(f"Dates: {dates}{' (approximate)' if stop.approximate else ''}")
    if stop.when:
        lines.append(f"As reported: {stop.when}")
    if stop.certainty is not None:
        lines.append(f"Certainty: {stop.certainty.words}")
    lines.append(f"Status: {stop.status.value}")
    awaited = next((item for item in brief.confirmations if item.id == stop.confirmation), None)
    if awaited is not None:
        lines.append(
            f"Waits on: {awaited.what} (awaited from {', '.join(awaited.awaited_from)}) — {awaited.status.value}"
        )
    if stop.purpose:
        lines.append(f"Purpose: {stop.purpose}")
    return lines


def calendar_text(calendar: Calendar) -> str:
    from icalendar import Calendar as ICalendar

    document = ICalendar()
    document.add("prodid", PRODUCT)
    document.add("version", "2.0")
    document.add("calscale", "GREGORIAN")
    for event in calendar.events:
        document.add_component(event)
    text: str = document.to_ical().decode("utf-8")
    return text


def to_ics(brief: Brief, file_name: str | None = None) -> tuple[str, int]:
    """The brief's itinerary as a calendar, and how many stops were left out for having no dates."""
    calendar = new_calendar()
    add_brief(calendar, brief, file_name or brief.meta.title)
    return calendar_text(calendar), calendar.undated


def agenda_calendar(rows: Iterable[BoardRow]) -> tuple[str, int]:
    """The agenda's stops (in its order and under its filter) as one calendar, each brief read again from its
    file for what the index does not hold (the confirmation a stop waits on, its purpose)."""
    from briefing.format.load import load_path

    by_brief: dict[str, list[int]] = {}
    for row in rows:
        if row.entry is not None and row.item is not None:
            by_brief.setdefault(row.entry.path, []).append(row.item.index)
    calendar = new_calendar()
    for path, indexes in by_brief.items():
        brief = load_path(path).brief
        if brief is not None:
            add_brief(calendar, brief, os.path.basename(path), indexes)
    return calendar_text(calendar), calendar.undated
