"""One brief of a library: the record the index keeps of its file (made in a worker process), and the row the
lists and boards draw (read back from the index, a few at a time)."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from briefing.format.diff import digest
from briefing.format.load import load_path, unreadable
from briefing.format.model import Brief, ConfirmationStatus, Problem
from briefing.library.store import PendingRecord, Record, StopRecord
from briefing.present.timing import next_index, waits_on_pending
from briefing.system.sanitize import escaped


@dataclass(frozen=True, slots=True)
class PendingItem:
    index: int
    id: str
    what: str
    awaited_from: tuple[str, ...]
    since: dt.date | None
    row: int = 0
    """Its row in the index."""


@dataclass(frozen=True, slots=True)
class StopItem:
    index: int
    place: str
    when: str | None
    start: dt.date | None
    end: dt.date | None
    approximate: bool
    certainty: str | None
    status: str
    unconfirmed: bool = False
    """It waits on a confirmation of its brief that is still pending."""
    country: str | None = None
    row: int = 0
    """Its row in the index."""


@dataclass(frozen=True, slots=True)
class IndexedBrief:
    """One file of the library, as the lists and boards show it."""

    path: str
    size: int
    mtime_ns: int
    title: str
    as_of: dt.date | None
    category: str | None
    tags: tuple[str, ...]
    problems: tuple[Problem, ...]
    pending: tuple[PendingItem, ...]
    stops: tuple[StopItem, ...]
    updated: dt.date | None = None
    """The brief's ``updated`` date, when it has one."""
    digest: str = ""
    """What the brief says, fingerprinted (``briefing.format.diff.digest``): the read state compares it."""
    id: int = 0
    """Its row in the index."""

    @property
    def last_touched(self) -> dt.date | None:
        """When the brief was last brought up to date: ``updated``, else ``as_of``."""
        return self.updated or self.as_of

    @property
    def ok(self) -> bool:
        return not self.problems

    def reference(self, today: dt.date | None) -> dt.date | None:
        """The date this brief is read as of: ``today`` when one is given, else its own as_of."""
        return today or self.as_of

    def next_stop(self, today: dt.date | None) -> StopItem | None:
        """The first stop in travel order that is not done and whose window has not ended on ``today`` (None:
        on the brief's own as_of)."""
        reference = self.reference(today)
        if reference is None:
            return None
        index = next_index(((stop.start, stop.end, stop.status) for stop in self.stops), reference)
        return None if index is None else self.stops[index]


def record(path: Path) -> Record:
    """What the index keeps of the file at ``path``: read, checked and summed up (in a worker process, for many)."""
    try:
        info = os.stat(path)
    except OSError as error:
        return problem_record(path, (Problem(str(path), unreadable(str(path), error)),))
    import stat

    if not stat.S_ISREG(info.st_mode):
        return problem_record(path, (Problem(str(path), "is not a regular file"),), info)
    result = load_path(path, with_lines=False)
    brief = result.brief
    if brief is None:
        return problem_record(path, result.problems, info, readable_title(result.text))
    return _from_brief(path, info, brief)


def _from_brief(path: Path, info: os.stat_result, brief: Brief) -> Record:
    meta, summary = brief.meta, brief.summary
    pending = tuple(
        PendingRecord(index, item.id, item.what, item.awaited_from, item.since)
        for index, item in enumerate(brief.confirmations)
        if item.status is ConfirmationStatus.PENDING
    )
    stops = tuple(
        StopRecord(index, stop.place, stop.country, stop.when, stop.start, stop.end, stop.approximate,
                   stop.certainty.value if stop.certainty else None, stop.status.value, waits_on_pending(brief, stop))
        for index, stop in enumerate(brief.itinerary)
    )  # fmt: skip
    parts = (
        meta.title, meta.dateline, meta.category, " ".join(meta.tags), summary.bluf, *summary.key_points,
        summary.body, *(f"{stop.place} {stop.country or ''}" for stop in brief.itinerary),
        *(f"{item.what} {' '.join(item.awaited_from)}" for item in brief.confirmations),
        *(quote.speaker for quote in brief.quotes), *(source.outlet for source in brief.sources),
    )  # fmt: skip
    text = "\n".join(part for part in parts if part)
    return Record(os.fsencode(path), info.st_size, info.st_mtime_ns, info.st_ino, meta.title, meta.as_of,
                  meta.updated, meta.category, meta.tags, (), digest(brief), text, pending, stops)  # fmt: skip


def problem_record(
    path: Path, problems: tuple[Problem, ...], info: os.stat_result | None = None, title: str | None = None
) -> Record:
    """A file (or folder) that could not be read as a brief: listed by the title it gives, if any, else by its
    name, written safely."""
    name = escaped(path.name or str(path))
    shown = title or name
    size, mtime, inode = (info.st_size, info.st_mtime_ns, info.st_ino) if info is not None else (-1, -1, -1)
    return Record(os.fsencode(path), size, mtime, inode, shown, None, None, None, (), problems, "", f"{shown}\n{name}")


def readable_title(text: str | None) -> str | None:
    """The title a file that is not a good brief still gives, when it parses and has one: the library lists it
    by that rather than by its file's name alone."""
    import tomli

    from briefing.system.sanitize import clean

    if text is None:
        return None
    try:
        document = tomli.loads(text)
    except (tomli.TOMLDecodeError, RecursionError):
        return None
    brief = document.get("brief")
    title = brief.get("title") if isinstance(brief, dict) else None
    return clean(title) if isinstance(title, str) and title.strip() else None
