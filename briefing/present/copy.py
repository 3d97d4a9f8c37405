"""One item of a brief as plain text, to paste elsewhere (the app's ``y``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from briefing.format.model import Brief, ConfirmationStatus
from briefing.present.sections import Section
from briefing.present.wording import day, days, place, stop_window


def summary_text(brief: Brief) -> str:
    lines = [brief.meta.title, f"As of {day(brief.meta.as_of)}", "", brief.summary.bluf]
    if brief.summary.key_points:
        lines += ["", *(f"- {point}" for point in brief.summary.key_points)]
    return "\n".join(lines)


def _quote_text(brief: Brief, index: int, today: dt.date) -> str:
    quote = brief.quotes[index]
    said_on = day(quote.said_on) if quote.said_on else ""
    who = ", ".join(part for part in (quote.speaker, quote.role, said_on) if part)
    lines = [f"“{quote.text}”", f"— {who}"]
    if quote.source:
        lines.append(f"Source: {', '.join(brief.outlets([quote.source]))}")
    return "\n".join(lines)


def _confirmation_text(brief: Brief, index: int, today: dt.date) -> str:
    item = brief.confirmations[index]
    status = item.status.value.upper()
    if item.status is ConfirmationStatus.PENDING and (age := item.age_days(today)) is not None:
        status += f", {days(age)}"
    elif item.resolved_on:
        status += f" on {day(item.resolved_on)}"
    lines = [f"{item.what} [{status}]", f"Awaited from: {', '.join(item.awaited_from)}"]
    if item.since:
        lines.append(f"Reported since: {day(item.since)}")
    if item.reported_by:
        lines.append(f"Reported by: {', '.join(brief.outlets(item.reported_by))}")
    lines += [text for text in (item.note, item.resolution) if text]
    return "\n".join(lines)


def _stop_text(brief: Brief, index: int, today: dt.date) -> str:
    stop = brief.itinerary[index]
    when = stop_window(stop) or "dates not reported"
    if stop.when:
        when += f" (“{stop.when}”)"
    lines = [place(stop), when]
    likelihood = [stop.certainty.words] if stop.certainty else []
    lines.append(", ".join([*likelihood, stop.status.value]))
    if stop.purpose:
        lines.append(stop.purpose)
    return "\n".join(lines)


def _source_text(brief: Brief, index: int, today: dt.date) -> str:
    source = brief.sources[index]
    head = source.outlet + (f": {source.title}" if source.title else "")
    if source.published:
        head += f", {day(source.published)}"
    return "\n".join([head, source.url] if source.url else [head])


_ITEM_TEXT: dict[Section, Callable[[Brief, int, dt.date], str]] = {
    Section.QUOTES: _quote_text,
    Section.CONFIRMATIONS: _confirmation_text,
    Section.ITINERARY: _stop_text,
    Section.SOURCES: _source_text,
}


def item_text(brief: Brief, section: str, index: int, today: dt.date) -> str:
    """Item ``index`` of ``section`` as a few lines of plain text (the summary: its head)."""
    text = _ITEM_TEXT.get(Section(section))
    return text(brief, index, today) if text else summary_text(brief)
