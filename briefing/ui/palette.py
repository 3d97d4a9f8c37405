"""Command palette entries: every section and item of the open brief, by fuzzy name."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from briefing.outline import Entry
from briefing.ui.keys import SECTION_TITLES

_KIND = {
    "summary": "Summary",
    "quotes": "Quote",
    "confirmations": "Confirmation",
    "itinerary": "Stop",
    "sources": "Source",
}
_LABEL_WIDTH = 56


def _label(entry: Entry) -> str:
    label = " ".join(entry.label.split())
    return label if len(label) <= _LABEL_WIDTH else label[: _LABEL_WIDTH - 1] + "…"


def _highlight(matcher: Matcher, text: str) -> Content:
    """Like ``Matcher.highlight``, without reading the text as markup."""
    content = Content(text)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class BriefCommands(Provider):
    """Jump to a section, or to any item of the brief on screen."""

    def _targets(self) -> Iterator[tuple[str, str, str, Entry | None]]:
        from briefing.ui.brief_screen import BriefScreen

        screen = self.screen
        if not isinstance(screen, BriefScreen):
            return
        for number, (section, title) in enumerate(SECTION_TITLES.items(), start=1):
            yield f"Go to {number} {title}", section, "Section", None
        for entry in screen.entries:
            yield _label(entry), entry.section, _KIND[entry.section], entry

    def _jump(self, section: str, entry: Entry | None) -> None:
        from briefing.ui.brief_screen import BriefScreen

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
    """Jump to a view of the library, to any brief, or to any pending confirmation or stop in it.

    A library can hold tens of thousands of these: a C-speed subsequence filter picks the few hundred
    candidates that the (slower) fuzzy scoring then ranks, and the empty palette lists only the views
    and the newest briefs.
    """

    DISCOVER_BRIEFS = 50
    MOST_CANDIDATES = 300

    def _targets(self) -> list[tuple[str, str, Callable[[], None]]]:
        from briefing.ui.library_screen import VIEW_TITLES, LibraryScreen

        screen = self.screen
        if not isinstance(screen, LibraryScreen):
            return []
        cached = screen.palette_targets
        if cached is not None and cached[0] is screen.library.entries:
            return cached[1]
        app = screen.briefing_app
        targets: list[tuple[str, str, Callable[[], None]]] = [
            (f"Go to the {title.lower()}", "View", partial(screen.action_view, view))
            for view, title in VIEW_TITLES.items()
        ]
        entries = sorted(screen.library.entries.values(), key=lambda entry: entry.as_of or dt.date.min, reverse=True)
        for entry in entries:
            targets.append((_short(entry.title), "Brief", partial(app.open_brief, entry.path)))
        for entry in entries:
            for item in entry.pending:
                targets.append(
                    (_short(item.what), "Pending", partial(app.open_brief, entry.path, "confirmations", item.index))
                )
            for stop in entry.stops:
                label = _short(f"{stop.place} · {entry.title}")
                targets.append((label, "Stop", partial(app.open_brief, entry.path, "itinerary", stop.index)))
        screen.palette_targets = (screen.library.entries, targets)
        return targets

    async def discover(self) -> Hits:
        shown = 0
        for text, kind, jump in self._targets():
            if kind == "Brief":
                shown += 1
                if shown > self.DISCOVER_BRIEFS:
                    break
            yield DiscoveryHit(Content.assemble((f"{kind:<12} ", "dim"), text), jump, text=text)

    async def search(self, query: str) -> Hits:
        needle = query.casefold()
        if not needle.strip():
            return
        in_order = re.compile(".*?".join(map(re.escape, needle)))
        targets = self._targets()
        exact = [target for target in targets if needle in target[0].casefold()]
        loose = [
            target for target in targets if needle not in target[0].casefold() and in_order.search(target[0].casefold())
        ]
        matcher = self.matcher(query)
        for text, kind, jump in (exact + loose)[: self.MOST_CANDIDATES]:
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, Content.assemble((f"{kind:<12} ", "dim"), _highlight(matcher, text)), jump, text=text)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _LABEL_WIDTH else text[: _LABEL_WIDTH - 1] + "…"
