"""Sources beside claims, in words: the outlets a claim rests on (with their grade), what rests on a source, and
what the grades mean. Ids are the file's internal names: only the detail view shows them."""

from __future__ import annotations

from collections.abc import Iterable

from briefing.format.model import Brief, Reliability
from briefing.present.sections import Section
from briefing.present.wording import place

RELIABILITY_SCALE = "reliability (Admiralty scale): " + " · ".join(
    f"{grade.value} {grade.words}" for grade in Reliability
)
"""The legend of the grades."""


def graded(brief: Brief, source_id: str) -> str:
    """``Vedomosti (B)``: the outlet the id names, with its reliability grade when the brief gives one; an id
    that names no source stands for itself."""
    source = brief.source(source_id)
    if source is None:
        return source_id
    return f"{source.outlet} ({source.reliability.value})" if source.reliability else source.outlet


def cited(brief: Brief, source_ids: Iterable[str]) -> str:
    """``Vedomosti (B), Reuters``: the sources a claim names, as a reader knows them."""
    return ", ".join(graded(brief, source_id) for source_id in source_ids)


def citing(brief: Brief, source_id: str) -> list[tuple[Section, int, str]]:
    """What rests on source ``source_id``: each quote, confirmation and stop that names it, as (section, index,
    words)."""
    found: list[tuple[Section, int, str]] = []
    found += [(Section.QUOTES, i, f"quote: {quote.speaker}") for i, quote in enumerate(brief.quotes)
              if quote.source == source_id]  # fmt: skip
    found += [(Section.CONFIRMATIONS, i, f"confirmation: {item.what}") for i, item in enumerate(brief.confirmations)
              if source_id in item.reported_by]  # fmt: skip
    found += [(Section.ITINERARY, i, f"stop: {place(stop)}") for i, stop in enumerate(brief.itinerary)
              if source_id in stop.sources]  # fmt: skip
    return found
