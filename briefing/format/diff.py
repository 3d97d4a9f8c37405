"""What changed between two versions of a brief, item by item: the basis of "what changed since you last
looked" (the read state), ``--since REV`` and ``briefing log``.

Items are matched by what identifies them across versions: confirmations and sources by id, stops by
place and country (in order, when one appears twice), quotes by speaker and text, then by speaker alone, then by
text alone (an edited quote, or one whose speaker is corrected, is changed, not removed and added), key points by
their text. The brief's fields and the
summary's BLUF, body and confidence are parts of their own. The author's ``[x]`` table is not compared:
the app ignores it. No I/O here.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, fields, replace
from functools import cached_property
from typing import Any

from briefing.format.model import Brief, Confirmation, Quote, Source, Stop


class Kind(enum.Enum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


@dataclass(frozen=True)
class Change:
    """One item (or part) that differs between an old and a new version of a brief."""

    section: str
    """``brief`` (its fields), ``summary``, ``quotes``, ``confirmations``, ``itinerary`` or ``sources``."""
    key: str
    """What the item is within its section: a field's name (``bluf``, ``as_of``), an id, a place, a speaker."""
    kind: Kind
    before: Any = None
    """The old item (or value); None when added."""
    after: Any = None
    """The new item (or value); None when removed."""
    old_index: int | None = None
    new_index: int | None = None
    """Where the item is in its section's array (or in the key points), old and new."""
    fields: tuple[str, ...] = ()
    """For a changed item, the names of the fields that differ, in the format's order."""


BRIEF_FIELDS = ("title", "as_of", "updated", "category", "tags", "dateline")
SUMMARY_FIELDS = ("bluf", "body", "confidence")


@dataclass(frozen=True)
class Changes:
    """Everything that differs, in the order the brief is read: its fields, the summary, then each section."""

    items: tuple[Change, ...] = ()
    since: str = ""
    """What the old version was, in words: ``since you last looked``, ``since a1b2c3d``."""
    shown_is_older: bool = False
    """The old version is the one on screen (a past revision, marked with what has changed since): items are
    found by their place in the old version, and the removed ones are the ones marked."""

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def of(self, section: str, index: int) -> Change | None:
        """The change of the item shown at ``index`` of ``section`` (a key point's index in the summary's key
        points): in the new version, or in the old one when it is the one shown."""
        return self._by_item.get((section, index))

    @cached_property
    def _by_item(self) -> dict[tuple[str, int], Change]:
        if self.shown_is_older:
            return {(c.section, c.old_index): c for c in self.items if c.old_index is not None}
        return {(c.section, c.new_index): c for c in self.items if c.new_index is not None}

    def part(self, section: str, key: str) -> Change | None:
        """The change of a field of the brief or a part of the summary (``bluf``, ``body``), if any."""
        return next((c for c in self.items if c.section == section and c.key == key
                     and c.new_index is None and c.old_index is None), None)  # fmt: skip


def compare(old: Brief, new: Brief) -> Changes:
    """What differs from ``old`` to ``new``."""
    found: list[Change] = []
    for name in BRIEF_FIELDS:
        _part(found, "brief", name, getattr(old.meta, name), getattr(new.meta, name))
    for name in SUMMARY_FIELDS:
        _part(found, "summary", name, getattr(old.summary, name), getattr(new.summary, name))
    _key_points(found, old.summary.key_points, new.summary.key_points)
    _items(found, "quotes", old.quotes, new.quotes, _quote_keys)
    _items(found, "confirmations", old.confirmations, new.confirmations, _by_id)
    _items(found, "itinerary", old.itinerary, new.itinerary, _stop_keys)
    _items(found, "sources", old.sources, new.sources, _by_id)
    return Changes(tuple(found))


def absorb(baseline: Brief, before: Brief, after: Brief) -> Brief:
    """``baseline`` with what changed from ``before`` to ``after`` in the brief's fields and its confirmations
    applied: an edit the reader made (c, d, p, undo) is then no change for them to look at, while what others
    changed since ``baseline`` still is. Such an edit changes a confirmation, never adds or removes one; one that
    ``baseline`` does not have (added since) is added to it: the reader has seen it."""
    meta = baseline.meta
    confirmations = list(baseline.confirmations)
    for change in compare(before, after).items:
        if change.section == "brief":
            meta = replace(meta, **{change.key: change.after})
        elif change.section == "confirmations" and change.kind is Kind.CHANGED:
            at = next((i for i, item in enumerate(confirmations) if item.id == change.key), None)
            if at is None:
                confirmations.append(change.after)
            else:
                confirmations[at] = change.after
    return replace(baseline, meta=meta, confirmations=tuple(confirmations))


def _part(found: list[Change], section: str, key: str, before: object, after: object) -> None:
    if before == after:
        return
    empty = (None, (), "")
    kind = Kind.ADDED if before in empty else Kind.REMOVED if after in empty else Kind.CHANGED
    found.append(Change(section, key, kind, before, after))


def _key_points(found: list[Change], old: Sequence[str], new: Sequence[str]) -> None:
    """Points matched by their text: an edited point is one removed and one added."""
    remaining: dict[str, list[int]] = {}
    for index, point in enumerate(old):
        remaining.setdefault(point, []).append(index)
    for index, point in enumerate(new):
        if remaining.get(point):
            remaining[point].pop(0)
        else:
            found.append(Change("summary", "key_points", Kind.ADDED, None, point, None, index))
    for point, indexes in remaining.items():
        for index in indexes:
            found.append(Change("summary", "key_points", Kind.REMOVED, point, None, index, None))


Item = Quote | Confirmation | Stop | Source
KeyFunction = Callable[[Sequence[Any]], list[list[Hashable]]]
"""An array's items -> for each, its identities, most specific first: items are matched on the first, then
what is left on the next."""


def _by_id(items: Sequence[Confirmation | Source]) -> list[list[Hashable]]:
    return [[item.id] for item in items]


def _stop_keys(items: Sequence[Stop]) -> list[list[Hashable]]:
    return [[(stop.place, stop.country)] for stop in items]


def _quote_keys(items: Sequence[Quote]) -> list[list[Hashable]]:
    return [[(quote.speaker, quote.text), quote.speaker, quote.text] for quote in items]


def _items(found: list[Change], section: str, old: Sequence[Item], new: Sequence[Item], keys: KeyFunction) -> None:
    old_keys, new_keys = keys(old), keys(new)
    matched: dict[int, int] = {}
    """new index -> old index"""
    levels = max((len(k) for k in (*old_keys, *new_keys)), default=0)
    for level in range(levels):
        waiting: dict[Hashable, list[int]] = {}
        for index, identities in enumerate(old_keys):
            if index not in matched.values():
                waiting.setdefault(identities[level], []).append(index)
        for index, identities in enumerate(new_keys):
            if index not in matched and waiting.get(identities[level]):
                matched[index] = waiting[identities[level]].pop(0)
    label = _label(section)
    for index, item in enumerate(new):
        if index not in matched:
            found.append(Change(section, label(item), Kind.ADDED, None, item, None, index))
            continue
        before = old[matched[index]]
        differ = _differing(before, item)
        if differ:
            found.append(Change(section, label(item), Kind.CHANGED, before, item, matched[index], index, differ))
    kept = set(matched.values())
    for index, item in enumerate(old):
        if index not in kept:
            found.append(Change(section, label(item), Kind.REMOVED, item, None, index, None))


def _label(section: str) -> Callable[[Any], str]:
    if section == "quotes":
        return lambda quote: str(quote.speaker)
    if section == "itinerary":
        return lambda stop: str(stop.place)
    return lambda item: str(item.id)


def _differing(before: Item, after: Item) -> tuple[str, ...]:
    """The fields that differ; the line an item is on is not a field of it."""
    return tuple(f.name for f in fields(before) if f.compare and getattr(before, f.name) != getattr(after, f.name))


def digest(brief: Brief) -> str:
    """A short fingerprint of what the brief says, its ``[x]`` table and its layout in the file aside. Two
    versions with the same digest say the same; items put in another order change the digest (and no item)."""
    import hashlib
    import json

    from briefing.format.document import to_document

    document = to_document(brief, dates_as_text=True)
    document.pop("x", None)
    return hashlib.sha256(json.dumps(document).encode()).hexdigest()[:20]
