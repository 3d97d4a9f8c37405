"""The brief as the app draws it: absurdly long texts and lists cut to a size a screen can hold.

A 900,000-character title or 60,000 tags are valid, but drawing them whole would freeze the app
for seconds on every change. The cut is only for the screen: copying, exports and edits use
the brief as loaded.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from briefing.model import Brief
from briefing.text import SHOWN_CHARACTERS, SHOWN_ENTRIES, shortened

_UNCUT = frozenset({"id", "source", "confirmation", "reported_by", "sources", "body"})
"""Fields that name other items (cut, the names would no longer match), and the summary's body, which the
app draws a line at a time however long it is."""


def _too_big(value: object) -> bool:
    if isinstance(value, str):
        return len(value) > SHOWN_CHARACTERS
    if isinstance(value, tuple) and value and isinstance(value[0], str):
        return len(value) > SHOWN_ENTRIES or any(len(entry) > SHOWN_CHARACTERS for entry in value)
    return False


def _shown(value: Any) -> Any:
    if isinstance(value, str):
        return shortened(value)
    entries = [shortened(entry) for entry in value[:SHOWN_ENTRIES]]
    if len(value) > SHOWN_ENTRIES:
        entries.append(f"… and {len(value) - SHOWN_ENTRIES:,} more in the file")
    return tuple(entries)


def _item(item: Any) -> Any:
    changes = {
        field.name: _shown(value)
        for field in dataclasses.fields(item)
        if field.name not in _UNCUT and _too_big(value := getattr(item, field.name))
    }
    return dataclasses.replace(item, **changes) if changes else item


def for_display(brief: Brief) -> Brief:
    """``brief`` with every text cut to SHOWN_CHARACTERS and every list of strings to SHOWN_ENTRIES."""
    parts: dict[str, Any] = {"meta": _item(brief.meta), "summary": _item(brief.summary)}
    for name in ("quotes", "confirmations", "itinerary", "sources"):
        parts[name] = tuple(_item(item) for item in getattr(brief, name))
    unchanged = all(
        new is old if not isinstance(new, tuple) else all(a is b for a, b in zip(new, old, strict=True))
        for new, old in ((parts[name], getattr(brief, name)) for name in parts)
    )
    return brief if unchanged else dataclasses.replace(brief, **parts)
