"""What the command palettes list and how they mark a match: shared by the brief's and the library's."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from textual.command import Matcher
from textual.content import Content

from briefing.present.outline import Entry
from briefing.present.sections import Section

if TYPE_CHECKING:
    from briefing.library.entries import IndexedBrief

_LABEL_WIDTH = 56

Target = tuple[str, str, str, str, str | None, int | None]
"""A palette entry of the library: label, label casefolded, kind, a view or a brief's path, section, item."""


def label(entry: Entry) -> str:
    label = " ".join(entry.label.split())
    return label if len(label) <= _LABEL_WIDTH else label[: _LABEL_WIDTH - 1] + "…"


def _original_offsets(text: str) -> list[int]:
    """For each character of ``text.lower()``, the offset in ``text`` it came from (``İ`` lowers to two)."""
    offsets: list[int] = []
    for offset, character in enumerate(text):
        offsets.extend([offset] * len(character.lower()))
    return offsets


def highlight(matcher: Matcher, text: str) -> Content:
    """Like ``Matcher.highlight``, without reading the text as markup.

    The fuzzy search matches in the lower-cased text, whose offsets move where lowering changes a length.
    """
    content = Content(text)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    original = _original_offsets(text) if len(text.lower()) != len(text) else None
    for offset in sorted(
        {original[offset] if original else offset for offset in offsets if offset < len(original or text)}
    ):
        if not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


def library_targets(indexed: Iterable[IndexedBrief], views: Mapping[str, str]) -> list[Target]:
    """Everything the library's palette can reach (``views``: each view's id and title), as plain tuples (the
    jumps are made on demand).

    Tens of thousands of them for a large library: the library screen builds them in its indexing worker.
    """
    targets: list[Target] = []
    add = targets.append
    for view, title in views.items():
        label = f"Go to the {title.lower()}"
        add((label, label.casefold(), "View", view, None, None))
    entries = sorted(indexed, key=lambda entry: entry.as_of or dt.date.min, reverse=True)
    for entry in entries:
        label = _short(entry.title)
        add((label, label.casefold(), "Brief", entry.path, None, None))
    for entry in entries:
        for item in entry.pending:
            label = _short(item.what)
            add((label, label.casefold(), "Pending", entry.path, "confirmations", item.index))
        for stop in entry.stops:
            label = _short(f"{stop.place} · {entry.title}")
            add((label, label.casefold(), "Stop", entry.path, "itinerary", stop.index))
    room = _LABEL_WIDTH - 3 - max(len(section.label) for section in Section)
    for entry in entries:
        if entry.ok:
            short = _short(entry.title, room)
            folded = short.casefold()
            for section in Section:
                title = section.label
                add((f"{short} · {title}", f"{folded} · {title.casefold()}", "Section", entry.path, section, None))
    return targets


def _short(text: str, width: int = _LABEL_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
