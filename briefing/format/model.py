"""The brief as immutable data: what the loader produces and everything else reads.

No I/O and no Textual here; see ``briefing.format.load`` for turning a file into a Brief.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from typing import Any


class Confidence(Enum):
    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"


class ConfirmationStatus(Enum):
    PENDING = "pending"
    CONFIRMED = "confirmed"
    DENIED = "denied"


class Certainty(Enum):
    """ICD 203 expressions of likelihood, least to most likely."""

    ALMOST_NO_CHANCE = "almost_no_chance"
    VERY_UNLIKELY = "very_unlikely"
    UNLIKELY = "unlikely"
    ROUGHLY_EVEN_CHANCE = "roughly_even_chance"
    LIKELY = "likely"
    VERY_LIKELY = "very_likely"
    ALMOST_CERTAIN = "almost_certain"

    @property
    def words(self) -> str:
        return self.value.replace("_", " ")

    @property
    def uncertain(self) -> bool:
        """No better than even odds: shown with a question mark."""
        return list(Certainty).index(self) <= list(Certainty).index(Certainty.ROUGHLY_EVEN_CHANCE)


class StopStatus(Enum):
    PLANNED = "planned"
    SCHEDULED = "scheduled"
    RESCHEDULED = "rescheduled"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"
    COMPLETED = "completed"


class SourceKind(Enum):
    NEWSPAPER = "newspaper"
    WIRE = "wire"
    BROADCASTER = "broadcaster"
    GOVERNMENT = "government"
    STATE_MEDIA = "state_media"
    SOCIAL = "social"
    OTHER = "other"

    @property
    def words(self) -> str:
        return self.value.replace("_", " ")


class Reliability(Enum):
    """Admiralty (NATO) source reliability grades."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"
    F = "F"

    @property
    def words(self) -> str:
        return _RELIABILITY_WORDS[self.value]


_RELIABILITY_WORDS = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}


@dataclass(frozen=True)
class Meta:
    title: str
    as_of: dt.date
    category: str | None = None
    tags: tuple[str, ...] = ()
    dateline: str | None = None
    updated: dt.date | None = None


@dataclass(frozen=True)
class Summary:
    bluf: str
    key_points: tuple[str, ...] = ()
    body: str | None = None
    confidence: Confidence | None = None


@dataclass(frozen=True)
class Quote:
    speaker: str
    text: str
    role: str | None = None
    said_on: dt.date | None = None
    context: str | None = None
    source: str | None = None
    translated: bool = False
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Confirmation:
    id: str
    what: str
    awaited_from: tuple[str, ...]
    status: ConfirmationStatus
    since: dt.date | None = None
    reported_by: tuple[str, ...] = ()
    note: str | None = None
    resolved_on: dt.date | None = None
    resolution: str | None = None
    line: int | None = field(default=None, compare=False)

    def age_days(self, today: dt.date) -> int | None:
        """Whole days since it was first reported, counted to ``today``."""
        if self.since is None:
            return None
        return (today - self.since).days


@dataclass(frozen=True)
class Stop:
    place: str
    country: str | None = None
    when: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    approximate: bool = False
    certainty: Certainty | None = None
    status: StopStatus = StopStatus.PLANNED
    purpose: str | None = None
    confirmation: str | None = None
    sources: tuple[str, ...] = ()
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Source:
    id: str
    outlet: str
    kind: SourceKind | None = None
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    reliability: Reliability | None = None
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Brief:
    schema_version: int
    meta: Meta
    summary: Summary
    quotes: tuple[Quote, ...] = ()
    confirmations: tuple[Confirmation, ...] = ()
    itinerary: tuple[Stop, ...] = ()
    sources: tuple[Source, ...] = ()
    extensions: Mapping[str, Any] | None = field(default=None, hash=False)
    """The author's own ``[x]`` table, as read. The app ignores it; the JSON and TOML exports carry it."""

    def source(self, source_id: str) -> Source | None:
        return self._sources_by_id.get(source_id)

    def outlets(self, source_ids: Iterable[str]) -> list[str]:
        """The outlets the ids name; an id that names no source stands for itself."""
        return [source.outlet if (source := self.source(i)) else i for i in source_ids]

    def confirmation(self, confirmation_id: str) -> Confirmation | None:
        return self._confirmations_by_id.get(confirmation_id)

    @cached_property
    def _sources_by_id(self) -> dict[str, Source]:
        return {source.id: source for source in self.sources}

    @cached_property
    def _confirmations_by_id(self) -> dict[str, Confirmation]:
        return {confirmation.id: confirmation for confirmation in self.confirmations}

    @property
    def pending(self) -> tuple[Confirmation, ...]:
        return tuple(c for c in self.confirmations if c.status is ConfirmationStatus.PENDING)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file, located as precisely as the file allows."""

    file: str
    message: str
    line: int | None = None
    column: int | None = None
    key: str | None = None

    def __str__(self) -> str:
        from briefing.system.sanitize import escaped

        where = escaped(self.file)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        key = f"{escaped(self.key)}: " if self.key else ""
        return f"{where}: error: {key}{escaped(self.message)}"
