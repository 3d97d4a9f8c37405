"""Changes between versions of a brief, in words: one line each for ``briefing log`` and the history view
("confirmation visit-dates: pending → confirmed", "stop Vietnam: 19–20 Jun 2024 → 20–21 Jun 2024",
"quote added: Kim Jong Un", "BLUF rewritten"), and what an item was before, for its detail.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum

from briefing.format.diff import Change, Changes, Kind
from briefing.format.model import Confirmation, ConfirmationStatus, Stop
from briefing.present.wording import day, stop_window

SHORT = 48
"""Text up to this long is quoted in full ("category International → Asia"); longer text is "rewritten"."""

_ITEM_NAMES = {"quotes": "quote", "confirmations": "confirmation", "itinerary": "stop", "sources": "source"}
_PART_NAMES = {"bluf": "BLUF", "as_of": "as-of date", "updated": "updated date", "key_points": "key point"}


def _name(key: str) -> str:
    return _PART_NAMES.get(key, key.replace("_", " "))


def clipped(text: str, most: int = SHORT) -> str:
    """One line of ``text``, cut with an ellipsis past ``most`` characters."""
    line = " ".join(text.split())
    return line if len(line) <= most else line[: most - 1].rstrip() + "…"


def value_words(value: object) -> str:
    """A field's value as the screens say it."""
    if isinstance(value, Enum):
        return str(value.value).replace("_", " ")
    if isinstance(value, dt.date):
        return day(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, tuple):
        return ", ".join(value_words(item) for item in value) or "none"
    if value is None:
        return "none"
    return str(value)


def _is_short(value: object) -> bool:
    return not isinstance(value, str) or ("\n" not in value and len(value) <= SHORT)


def field_change(name: str, before: object, after: object) -> str:
    """``status pending → confirmed``, ``note added``, ``purpose rewritten``."""
    label = _name(name)
    if before in (None, ()):
        return f"{label} set to {value_words(after)}" if _is_short(after) else f"{label} added"
    if after in (None, ()):
        return f"{label} removed"
    if _is_short(before) and _is_short(after):
        return f"{label} {value_words(before)} → {value_words(after)}"
    return f"{label} rewritten"


def _stop_window(stop: Stop) -> str:
    return stop_window(stop) or "no dates"


WINDOW = frozenset({"start", "end", "approximate"})
"""A stop's fields that make its window: said together, as one window."""
RESOLVED = frozenset({"status", "resolved_on", "resolution"})
"""A confirmation's fields that change together when it is resolved or reopened: said as its status."""


def _whole(change: Change) -> tuple[str | None, list[str]]:
    """What of an item's change is said whole (a stop's window, a confirmation's status) and the other fields."""
    fields = list(change.fields)
    if isinstance(change.after, Stop) and WINDOW & set(fields):
        return "window", [name for name in fields if name not in WINDOW]
    if isinstance(change.after, Confirmation) and "status" in fields:
        return "status", [name for name in fields if name not in RESOLVED]
    return None, fields


def _item_fields(change: Change) -> list[str]:
    """The changed fields of an item, the ones that say most first (a stop's window, a confirmation's status)."""
    before, after = change.before, change.after
    whole, fields = _whole(change)
    words: list[str] = []
    if whole == "window":
        words.append(f"{_stop_window(before)} → {_stop_window(after)}")
    elif whole == "status":
        resolved = f" on {day(after.resolved_on)}" if after.resolved_on else ""
        words.append(f"{before.status.value} → {after.status.value}{resolved}")
    return words + [field_change(name, getattr(before, name), getattr(after, name)) for name in fields]


def _is_part(change: Change) -> bool:
    """A field of the brief, or the summary's BLUF, body or confidence: not an item of an array (or a key point)."""
    return change.section == "brief" or (change.section == "summary" and change.key != "key_points")


def describe(change: Change) -> str:
    """The change in one line."""
    if _is_part(change):
        if change.key == "bluf":
            return "BLUF rewritten"
        if change.key == "title":
            return f"title rewritten: “{clipped(str(change.after))}”"
        return field_change(change.key, change.before, change.after)
    if change.section == "summary":
        point = change.after if change.kind is Kind.ADDED else change.before
        return f"key point {change.kind.value}: “{clipped(str(point))}”"
    item = _ITEM_NAMES[change.section]
    if change.kind is Kind.ADDED:
        return f"{item} added: {change.key}"
    if change.kind is Kind.REMOVED:
        return f"{item} removed: {change.key}"
    return f"{item} {change.key}: {'; '.join(_item_fields(change))}"


def before_words(change: Change) -> str:
    """What the item was before, for its detail: ``was pending; now confirmed on 17 Jun 2024: …``,
    ``new``, ``window was 19–20 Jun 2024``."""
    if change.kind is not Kind.CHANGED:
        return change.kind.value if change.kind is Kind.REMOVED else "new"
    before, after = change.before, change.after
    if _is_part(change):
        return f"was “{clipped(before, 120)}”" if isinstance(before, str) else f"was {value_words(before)}"
    whole, fields = _whole(change)
    if whole == "status":
        now = after.status.value
        if after.status is not ConfirmationStatus.PENDING and after.resolved_on:
            now += f" on {day(after.resolved_on)}"
        if after.resolution:
            now += f": {clipped(after.resolution, 80)}"
        return f"was {before.status.value}; now {now}"
    words = [f"window was {_stop_window(before)}"] if whole == "window" else []
    for name in fields:
        value = getattr(before, name)
        shown = clipped(value, 80) if isinstance(value, str) else value_words(value)
        words.append(f"{_name(name)} was {shown}" if value not in (None, ()) else f"{_name(name)} is new")
    return "; ".join(words)


def summary_words(changes: Changes) -> str:
    """All the changes in a line: ``4 changes since you last looked: BLUF, 1 confirmation, 1 stop changed; 1 quote
    added``."""
    if not changes:
        return f"no changes {changes.since}".rstrip()
    changed: list[str] = []
    added: list[str] = []
    removed: list[str] = []
    groups = {Kind.CHANGED: changed, Kind.ADDED: added, Kind.REMOVED: removed}
    counted: dict[tuple[Kind, str], int] = {}
    for change in changes.items:
        if _is_part(change):
            groups[change.kind].append(_name(change.key))
        else:
            noun = "key point" if change.section == "summary" else _ITEM_NAMES[change.section]
            counted[(change.kind, noun)] = counted.get((change.kind, noun), 0) + 1
    for (kind, noun), count in counted.items():
        groups[kind].append(f"{count} {noun}{'s' if count != 1 else ''}")
    parts = [f"{', '.join(names)} {kind.value}" for kind, names in groups.items() if names]
    count = len(changes)
    since = f" {changes.since}" if changes.since else ""
    return f"{count} change{'s' if count != 1 else ''}{since}: {'; '.join(parts)}"
