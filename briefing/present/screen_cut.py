"""The brief as the app draws it: absurdly long texts and lists cut to a size a screen can hold.

A 900,000-character title or 60,000 tags are valid, but drawing them whole would freeze the app
for seconds on every change. The cut is only for the screen: copying, exports and edits use
the brief as loaded.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from briefing.format.fields import ARRAYS
from briefing.format.model import Brief

SHOWN_CHARACTERS = 10_000
"""The most of one piece of text the app draws; the rest is in the file (and in exports)."""
SHOWN_ENTRIES = 1_000
"""The most entries of one list of strings (tags, key points, awaited from) the app draws."""


def shortened(text: str, limit: int = SHOWN_CHARACTERS) -> str:
    """``text``, or its first ``limit`` characters and a note of how many more there are."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… [{len(text) - limit:,} more characters in the file]"


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
    changed = False

    def cut(item: Any) -> Any:
        nonlocal changed
        shown = _item(item)
        changed = changed or shown is not item
        return shown

    parts: dict[str, Any] = {"meta": cut(brief.meta), "summary": cut(brief.summary)}
    for name in ARRAYS:
        parts[name] = tuple(cut(item) for item in getattr(brief, name))
    return dataclasses.replace(brief, **parts) if changed else brief
