"""Command palette entries: every section and item of the open brief, by fuzzy name."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from briefing.present.outline import Entry
from briefing.ui.keys import ITEM_KINDS, SECTION_TITLES

if TYPE_CHECKING:
    from briefing.library.entries import IndexedBrief

_LABEL_WIDTH = 56

Target = tuple[str, str, str, str, str | None, int | None]
"""A palette entry of the library: label, label casefolded, kind, a view or a brief's path, section, item."""


def _label(entry: Entry) -> str:
    label = " ".join(entry.label.split())
    return label if len(label) <= _LABEL_WIDTH else label[: _LABEL_WIDTH - 1] + "…"


def _original_offsets(text: str) -> list[int]:
    """For each character of ``text.lower()``, the offset in ``text`` it came from (``İ`` lowers to two)."""
    offsets: list[int] = []
    for offset, character in enumerate(text):
        offsets.extend([offset] * len(character.lower()))
    return offsets


def _highlight(matcher: Matcher, text: str) -> Content:
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


class BriefCommands(Provider):
    """Jump to a section, or to any item of the brief on screen."""

    def _targets(self) -> Iterator[tuple[str, str, str, Entry | None]]:
        from briefing.ui.screens.brief import BriefScreen

        screen = self.screen
        if not isinstance(screen, BriefScreen):
            return
        for number, (section, title) in enumerate(SECTION_TITLES.items(), start=1):
            yield f"Go to {number} {title}", section, "Section", None
        for entry in screen.entries:
            yield _label(entry), entry.section, ITEM_KINDS[entry.section], entry

    def _jump(self, section: str, entry: Entry | None) -> None:
        from briefing.ui.screens.brief import BriefScreen

        if isinstance(self.screen, BriefScreen):
            self.screen.show_section(section, entry.index if entry else None)

    async def discover(self) -> Hits:
        for text, section, kind, entry in self._targets():
            display = Content.assemble((f"{kind:<12} ", "dim"), text)
            yield DiscoveryHit(display, partial(self._jump, section, entry), text=text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, section, kind, entry in self._targets():
            score = matcher.match(text)
            if score > 0:
                display = Content.assemble((f"{kind:<12} ", "dim"), _highlight(matcher, text))
                yield Hit(score, display, partial(self._jump, section, entry), text=text)


class LibraryCommands(Provider):
    """Jump to a view of the library, to any brief or section of one, or to any pending confirmation or stop.

    A library can hold tens of thousands of these: a C-speed subsequence filter picks the few hundred
    candidates that the (slower) fuzzy scoring then ranks, and the empty palette lists only the views
    and the newest briefs.
    """

    DISCOVER_BRIEFS = 50
    MOST_CANDIDATES = 300

    def _targets(self) -> list[Target]:
        from briefing.ui.screens.library import LibraryScreen

        screen = self.screen
        if not isinstance(screen, LibraryScreen):
            return []
        cached = screen.palette_targets
        if cached is None or cached[0] is not screen.library.entries:
            cached = (screen.library.entries, library_targets(screen.library.entries.values()))
            screen.palette_targets = cached
        return cached[1]

    def _jump(self, target: Target) -> Callable[[], None]:
        from briefing.ui.screens.library import LibraryScreen

        _label, _folded, kind, where, section, index = target
        screen = self.screen
        assert isinstance(screen, LibraryScreen)
        if kind == "View":
            return partial(screen.action_view, where)
        return partial(screen.briefing_app.open_brief, where, section, index)

    async def discover(self) -> Hits:
        shown = 0
        for target in self._targets():
            text, kind = target[0], target[2]
            if kind == "Brief":
                shown += 1
                if shown > self.DISCOVER_BRIEFS:
                    break
            yield DiscoveryHit(Content.assemble((f"{kind:<12} ", "dim"), text), self._jump(target), text=text)

    async def search(self, query: str) -> Hits:
        needle = query.casefold()
        if not needle.strip():
            return
        in_order = re.compile(".*?".join(map(re.escape, needle)))
        targets = self._targets()
        exact = [target for target in targets if needle in target[1]]
        loose = [target for target in targets if needle not in target[1] and in_order.search(target[1])]
        matcher = self.matcher(query)
        for target in (exact + loose)[: self.MOST_CANDIDATES]:
            text, kind = target[0], target[2]
            score = matcher.match(text)
            if score > 0:
                display = Content.assemble((f"{kind:<12} ", "dim"), _highlight(matcher, text))
                yield Hit(score, display, self._jump(target), text=text)


def library_targets(indexed: Iterable[IndexedBrief]) -> list[Target]:
    """Everything the library's palette can reach, as plain tuples (the jumps are made on demand).

    Tens of thousands of them for a large library: the library screen builds them in its indexing worker.
    """
    from briefing.ui.screens.library import VIEW_TITLES

    targets: list[Target] = []
    add = targets.append
    for view, title in VIEW_TITLES.items():
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
    room = _LABEL_WIDTH - 3 - max(len(title) for title in SECTION_TITLES.values())
    for entry in entries:
        if entry.ok:
            short = _short(entry.title, room)
            folded = short.casefold()
            for section, title in SECTION_TITLES.items():
                add((f"{short} · {title}", f"{folded} · {title.casefold()}", "Section", entry.path, section, None))
    return targets


def _short(text: str, width: int = _LABEL_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
