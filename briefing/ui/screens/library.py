"""The library: every brief under the paths in a fast list, and two boards across them all.

The list (newest first, other orders with `s`, filtered as you type with `/`), the
pending board (`p`: every pending confirmation, oldest first) and the agenda (`a`:
every stop by week) share one index, built in the background with a progress line
and kept up to date as files change.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import os
import re
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Input

from briefing.format.model import Certainty
from briefing.library.entries import IndexedBrief, PendingItem, StopItem
from briefing.library.index import Library
from briefing.library.marks import Mark
from briefing.library.views import (
    AGENDA_ORDERS,
    ORDERS,
    PENDING_ORDERS,
    AgendaHeading,
    Reading,
    TodayLine,
    agenda,
    arrange,
    is_stale,
    library_today,
    matching,
    pending_age,
    pending_board,
    row_text,
    rows_matching,
)
from briefing.present.ages import Band, Thresholds, band
from briefing.present.columns import Column, content_widths, fit
from briefing.present.timing import PASSED_UNCONFIRMED, Phase, passed_unconfirmed, phase
from briefing.present.wording import day, days, window
from briefing.system.paths import display_path
from briefing.system.sanitize import escaped
from briefing.ui.keys import LIBRARY_BINDINGS
from briefing.ui.messages import OpenBrief
from briefing.ui.palette import Target, highlight, library_targets
from briefing.ui.widgets.rowlist import RowList, cell

if TYPE_CHECKING:
    from briefing.library.read_state import ReadState

REFRESH_SECONDS = 2.0
"""How often the library is checked for files added, changed or removed, at the most."""
REFRESH_SHARE = 0.02
"""At the least: a check never takes more than this share of a core. 10,000 files take about 0.1 s to
check, so a library that size is checked every 5 s or so; a few hundred files, every 2 s."""
COLUMNS: dict[str, tuple[Column, ...]] = {
    # keep: the lowest are left out first when the width runs short; grow: the lowest get room first.
    "library": (
        Column("", 1), Column("As of", 11), Column("Title", 24, 60, grow=2, main=True),
        Column("Category", 12, 16, keep=2, grow=3), Column("Tags", 12, 24, keep=1, grow=4), Column("Pending", 7),
        Column("Next stop", 20, 34, keep=3, grow=1),
    ),
    "pending": (
        Column("Since", 11), Column("Age", 11), Column("What", 24, 70, grow=1, main=True),
        Column("Awaited from", 16, 30, keep=1, grow=3), Column("Brief", 16, 40, keep=2, grow=2),
    ),
    "agenda": (
        Column("Window", 20), Column("Place", 14, 30), Column("Certainty", 21),
        Column("As reported", 12, 30, keep=1, grow=2), Column("Brief", 16, grow=1, main=True, keep=2),
    ),
}  # fmt: skip
"""Each view's columns, fitted to the width (``briefing.present.columns.fit``) by the longest of their cells."""
VIEW_TITLES = {"library": "Library", "pending": "Pending board", "agenda": "Agenda"}
TODAY_CONTEXT_ROWS = 3
"""Rows of the agenda shown above the today line when it opens: the last stops before today."""


def _stop_window(stop: StopItem) -> str:
    return window(stop.start, stop.end, stop.approximate) or "no dates"


class Line(Widget):
    """One line of text that changes often: redrawn in place, never re-laid out (unlike Static.update)."""

    DEFAULT_CSS = "Line { height: 1; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = Text()

    def show(self, text: Text) -> None:
        if text != self._text:
            self._text = text
            self.refresh()

    def render(self) -> Text:
        return self._text


def _join(texts: tuple[str, ...], widths: tuple[int, ...], style: str = "") -> Text:
    """One row: each text in its column, a space between; columns of width 0 are left out."""
    return Text(" ").join(cell(text, size, style) for text, size in zip(texts, widths, strict=True) if size)


def _library_commands() -> type[Provider]:
    """The palette's provider, defined below the screen it serves."""
    return LibraryCommands


class LibraryScreen(Screen[None]):
    COMMANDS = {_library_commands}
    BINDINGS = [*LIBRARY_BINDINGS]

    def __init__(
        self,
        library: Library,
        today: dt.date | None = None,
        thresholds: Thresholds | None = None,
        read_state: ReadState | None = None,
        since: str | None = None,
    ) -> None:
        """``read_state``: what the reader has seen, for the new and updated marks (None: no marks); ``since``: a
        git revision to mark them against instead."""
        super().__init__()
        self.library = library
        self.today = today
        self.read_state = read_state
        self.since = since
        self.marks: dict[str, Mark] = {}
        """Briefs new or updated since the reader last looked (or since the revision), by path."""
        self.thresholds = thresholds or Thresholds()
        """When a brief that waits on confirmations is stale (⚠ beside its pending count)."""
        self.view = "library"
        self.order = 0
        """The list's order, in ORDERS."""
        self.board_orders = {"pending": 0, "agenda": 0}
        """Each board's order, in PENDING_ORDERS and AGENDA_ORDERS."""
        self.query_text = ""
        self.indexing: tuple[int, int] | None = (0, 0)
        self.shown: list[IndexedBrief] = []
        self._library_today: dt.date | None = None
        self._sorted: dict[int, list[IndexedBrief]] = {}
        self._filtered: tuple[int, str, list[IndexedBrief]] | None = None
        self._boards: dict[str, list[Any]] = {}
        """Each board, in its default order and unfiltered."""
        self._board_shown: tuple[tuple[object, ...], list[Any]] | None = None
        """The board on screen, in its order and filtered, by what it was made from."""
        self._row_texts: dict[str, tuple[object, list[tuple[IndexedBrief, Any, str]]]] = {}
        """Each board's rows with the text its filter looks in, for one version of the index."""
        self._bad_count: tuple[object, int] | None = None
        self._fitted: tuple[tuple[object, ...], tuple[int, ...]] | None = None
        self._measured: tuple[tuple[object, ...], tuple[int, ...]] | None = None
        self._warned = False
        self.palette_targets: tuple[object, list[Any]] | None = None
        """The palette's entries, kept while the index they came from is current."""

    def palette_entries(self) -> list[Target]:
        """What the palette can reach: built in the indexing worker after the first index, else here, once for
        each version of the index."""
        if self.palette_targets is None or self.palette_targets[0] is not self.library.entries:
            self.palette_targets = (self.library.entries, library_targets(self.library.entries.values(), VIEW_TITLES))
        return self.palette_targets[1]

    def compose(self) -> ComposeResult:
        yield Line(id="library-status")
        yield Line(id="library-columns")
        yield RowList(self._render_row, id="library-rows")
        yield Input(
            placeholder="Filter: words of any text of a brief (title, tags, places, who is quoted, outlets…), "
            "or of a board's rows",
            id="library-filter",
            select_on_focus=False,
        )
        yield Footer(compact=True)

    def on_mount(self) -> None:
        box = self.query_one("#library-filter", Input)
        box.display = False
        # Watched rather than told through Input.Changed: the list then follows a key in the frame that
        # shows the key, instead of the next one (about 17 ms sooner).
        self.watch(box, "value", self._filter_to, init=False)
        self._update_status()
        self._build()
        self.set_timer(REFRESH_SECONDS, self._refresh_library)

    # -- the index ------------------------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="index")
    def _build(self) -> None:
        # Indexing makes many objects that all live on: collecting garbage meanwhile only costs time.
        gc.disable()
        try:
            self._index()
        finally:
            gc.enable()

    def _index(self) -> None:
        cached = self.library.cached()
        if cached:
            # The cached index is on screen at once; the files are then checked against it.
            self.library.entries = cached
            self.app.call_from_thread(self._batch, cached)
        fresh: dict[str, IndexedBrief] = {}
        shown_at = time.monotonic()
        for batch in self.library.build(progress=self._report_progress):
            fresh.update((entry.path, entry) for entry in batch)
            if fresh.keys() != cached.keys() and time.monotonic() - shown_at > 0.2:
                shown_at = time.monotonic()
                self.app.call_from_thread(self._batch, dict(fresh))
        derived = self._derive(palette=True, marks=self._find_marks())
        self.app.call_from_thread(self._indexed, derived)

    def _report_progress(self, done: int, total: int) -> None:
        self.app.call_from_thread(self._progress, done, total)

    def _find_marks(self) -> dict[str, Mark] | None:
        """In a worker: which briefs are new or updated; None (and a message, once) when that cannot be known."""
        from briefing.library.marks import since_last_looked, since_revision
        from briefing.library.read_state import ReadStateError
        from briefing.system.git import GitError

        try:
            if self.since is not None:
                return since_revision(self.library.entries.values(), self.library.roots, self.since)
            if self.read_state is not None:
                return since_last_looked(self.library.entries.values(), self.read_state, self.library.key)
        except (GitError, ReadStateError) as error:
            where = f"since {self.since}" if self.since else "since you last looked"
            self.app.call_from_thread(self._warn_once, f"Briefs new or updated {where} are not marked: {error}")
        return None

    def _warn_once(self, message: str) -> None:
        if not self._warned:
            self._warned = True
            self.notify(message, severity="warning", markup=False, timeout=8)

    def _derive(self, palette: bool = False, marks: dict[str, Mark] | None = None) -> dict[str, Any]:
        """In the worker: the sorted list and both boards, so that switching to them costs no more than drawing.

        With ``palette``, the palette's entries too: done once, after the first index, since on ten thousand
        briefs they take as long again as the rest; after a change the palette builds them when it opens.
        ``marks``: the new and updated briefs, found afresh (None: keep the marks there are).
        """
        entries = list(self.library.entries.values())
        newest = library_today(entries)
        reading = Reading(self.today, marks if marks is not None else self.marks)
        derived = {
            "entries": self.library.entries,
            "marks": reading.marks,
            "sorted": {0: arrange(entries, 0, reading=reading)},
            "boards": {"pending": pending_board(entries), "agenda": agenda(entries, self.today or newest)},
            "today": newest,
        }
        if palette:
            derived["palette"] = library_targets(entries, VIEW_TITLES)
        return derived

    def _progress(self, done: int, total: int) -> None:
        self.indexing = (done, total)
        self._update_status()

    def _batch(self, fresh: dict[str, IndexedBrief]) -> None:
        self.library.entries = fresh
        self._changed()

    def _indexed(self, derived: dict[str, Any]) -> None:
        """The first index is whole: its list, boards and marks are on screen together."""
        self.indexing = None
        self._changed(derived)

    def _changed(self, derived: dict[str, Any] | None = None) -> None:
        """The entries changed: take what was derived from them (or forget it), and draw again."""
        if derived is not None and derived["entries"] is not self.library.entries:
            derived = None  # the entries moved on while these were derived
        self._sorted = derived["sorted"] if derived else {}
        self._boards = derived["boards"] if derived else {}
        if derived:
            self.marks = derived["marks"]
            self._library_today = derived["today"]
            if "palette" in derived:
                self.palette_targets = (derived["entries"], derived["palette"])
            # Tens of thousands of long-lived index objects make each full garbage collection a visible
            # pause; they are not garbage, so move them out of the collector's sight.
            gc.freeze()
        self._filtered = None
        self._bad_count = None
        self._redraw()

    @work(thread=True, exclusive=True, group="refresh")
    def _refresh_library(self) -> None:
        started = time.perf_counter()
        try:
            if self.indexing is None:
                changed, gone = self.library.refresh()
                if changed or gone:
                    self.app.call_from_thread(self._changed, self._derive(marks=self._find_marks()))
        finally:
            delay = max(REFRESH_SECONDS, (time.perf_counter() - started) / REFRESH_SHARE)
            with contextlib.suppress(RuntimeError):  # the app is closing
                self.app.call_from_thread(self.set_timer, delay, self._refresh_library)

    # -- drawing --------------------------------------------------------------------------------------------------

    def _rows(self) -> RowList[Any]:
        return self.query_one("#library-rows", RowList)

    def _redraw(self) -> None:
        rows = self._rows()
        current = rows.current
        if self.view == "library":
            self.shown = self._arranged()
            new_rows: list[Any] = self.shown
        else:
            new_rows = self._board_now(self.view)
        cursor = new_rows.index(current) if current is not None and current in new_rows else None
        rows.set_rows(new_rows, cursor)
        query = self.query_text.strip()
        empty = not any(isinstance(row, IndexedBrief | tuple) for row in new_rows)
        rows.empty_text = f"Nothing matches “{query}”  ·  esc clears the filter" if query and empty else ""
        self.query_one("#library-columns", Line).show(self._columns())
        self._update_status()

    def _arranged(self) -> list[IndexedBrief]:
        """The list in the current order, filtered; each order is sorted once, and typing narrows what it had."""
        if self.order not in self._sorted:
            self._sorted[self.order] = arrange(self.library.entries.values(), self.order, reading=self.reading)
        ordered = self._sorted[self.order]
        if not self.query_text.split():
            self._filtered = None
            return ordered
        base = ordered
        if self._filtered is not None:
            order, query, rows = self._filtered
            if order == self.order and query and self.query_text.startswith(query):
                base = rows  # a longer query can only match fewer of the rows the shorter one matched
        chosen = matching(base, self.query_text)
        self._filtered = (self.order, self.query_text, chosen)
        return chosen

    def _board(self, view: str) -> list[Any]:
        """The board in its default order, every row."""
        if view not in self._boards:
            entries = self.library.entries.values()
            self._library_today = library_today(entries)
            self._boards[view] = pending_board(entries) if view == "pending" else agenda(entries, self.agenda_today)
        return self._boards[view]

    def _board_now(self, view: str) -> list[Any]:
        """The board as shown: in its order, with the rows the filter leaves."""
        order, query = self.board_orders[view], self.query_text.strip()
        if not order and not query:
            return self._board(view)
        key = (view, self.library.entries, order, query)
        cached = self._board_shown
        if (
            cached is not None
            and len(cached[0]) == len(key)
            and all(a is b or a == b for a, b in zip(cached[0], key, strict=True))
        ):
            return cached[1]
        texts = self._texts(view)
        only = rows_matching(texts, query) if query else [(entry, item) for entry, item, _text in texts]
        entries = self.library.entries.values()
        shown = (
            pending_board(entries, order, only)
            if view == "pending"
            else agenda(entries, self.agenda_today, order, only)
        )
        self._board_shown = (key, shown)
        return shown

    def _texts(self, view: str) -> list[tuple[IndexedBrief, Any, str]]:
        found = self._row_texts.get(view)
        if found is None or found[0] is not self.library.entries:
            items = [
                (e, item)
                for e in self.library.entries.values()
                for item in (e.pending if view == "pending" else e.stops)
            ]
            found = (self.library.entries, [(entry, item, row_text(entry, item)) for entry, item in items])
            self._row_texts[view] = found
        return found[1]

    @property
    def reading(self) -> Reading:
        return Reading(self.today, self.marks)

    def mark_seen(self, path: str) -> None:
        """The reader has seen the brief at ``path`` as it is: no longer new or updated. The list keeps its order
        (in "changed first", the next changed brief stays where it was), and loses the mark."""
        if self.marks.pop(path, None) is not None:
            self._marks_changed()

    def _marks_changed(self) -> None:
        self._rows().forget_drawn()
        self._rows().refresh()
        self._update_status()

    def action_mark_all_seen(self) -> None:
        if self.since is not None:
            self.notify(f"Marks are since {self.since}: they stay until you open the library without --since.",
                        markup=False)  # fmt: skip
            return
        if not self.marks:
            self.notify("Nothing is new or updated.", markup=False)
            return
        self._mark_all_seen(dict(self.marks))

    @work(thread=True, group="read-state")
    def _mark_all_seen(self, marks: dict[str, Mark]) -> None:
        from briefing.library.marks import mark_all_seen
        from briefing.library.read_state import ReadStateError

        if self.read_state is None:
            return
        try:
            count = mark_all_seen(self.library.entries.values(), marks, self.read_state)
        except ReadStateError as error:
            self.app.call_from_thread(self.notify, f"Not marked as read: {error}", severity="warning", markup=False)
            return
        self.app.call_from_thread(self._all_seen, marks, count)

    def _all_seen(self, marks: dict[str, Mark], count: int) -> None:
        for path in marks:
            self.marks.pop(path, None)
        self._marks_changed()
        self.notify(f"Marked {count} brief{'s' if count != 1 else ''} as read.", markup=False)

    @property
    def agenda_today(self) -> dt.date | None:
        """Where the agenda's today line goes: today, or when each brief is read as of its own date, the
        newest brief's date."""
        return self.today or self._library_today

    def _update_status(self) -> None:
        entries = self.library.entries
        if self._bad_count is None or self._bad_count[0] is not entries:
            self._bad_count = (entries, sum(1 for entry in entries.values() if not entry.ok))
        bad = self._bad_count[1]
        parts: list[str | tuple[str, str]] = [(f" {VIEW_TITLES[self.view]} ", "bold reverse")]
        parts.append(f"  {len(entries):,} briefs")
        if self.today is not None:
            parts.append(f"  ·  today {day(self.today)}")
        elif self.view == "agenda" and self._library_today is not None:
            newest = "" if self.size.width < 100 else ", the newest brief's date"
            parts.append(f"  ·  as of {day(self._library_today)}{newest}")
        else:
            parts.append("  ·  as of each brief's date" if self.size.width >= 100 else "  ·  as of each brief")
        if bad:
            parts += ["  ·  ", (f"{bad} with problems", "bold red")]
        if self.marks:
            new = sum(1 for mark in self.marks.values() if mark is Mark.NEW)
            since = f" since {self.since}" if self.since else ""
            counts = [f"{Mark.NEW.glyph} {new} new"] if new else []
            counts += [f"{Mark.UPDATED.glyph} {len(self.marks) - new} updated"] if len(self.marks) > new else []
            parts += ["  ·  ", (" · ".join(counts) + since, "bold")]
        parts.append(f"  ·  {self.order_name}")
        if self.query_text.strip():
            count = len(self.shown) if self.view == "library" else self._rows_shown()
            parts.append(f"  ·  filter “{self.query_text.strip()}”: {count:,} shown")
        if self.indexing is not None:
            done, total = self.indexing
            parts += ["  ·  ", (f"indexing {done:,}/{total:,}" if total else "looking for briefs…", "italic")]
        self.query_one("#library-status", Line).show(Text.assemble(*parts))

    @property
    def order_name(self) -> str:
        if self.view == "library":
            return ORDERS[self.order][0]
        names = PENDING_ORDERS if self.view == "pending" else AGENDA_ORDERS
        return names[self.board_orders[self.view]]

    def _rows_shown(self) -> int:
        return sum(1 for row in self._rows().rows if isinstance(row, tuple))

    def _widths(self) -> tuple[int, ...]:
        """Column widths for the view at the list's width: they fill it exactly; 0 leaves a column out."""
        width = max(20, self._rows().scrollable_content_region.width or self.size.width - 1)
        longest = self._longest()
        key = (self.view, width, longest)
        if self._fitted is None or self._fitted[0] != key:
            widths = fit(width, COLUMNS[self.view], longest)
            if self._fitted is not None and self._fitted[1] != widths:
                self._rows().forget_drawn()  # lines drawn to the old widths
            self._fitted = (key, widths)
        return self._fitted[1]

    def _longest(self) -> tuple[int, ...]:
        """The longest cell of each of the view's columns, over all its rows (not only those the filter leaves,
        so the columns hold still while you type); measured once for each version of the index."""
        source = self.library.entries
        if self._measured is None or self._measured[0] != (self.view, id(source), len(self.marks)):
            if self.view == "library":
                rows: list[Any] = [entry for entry in source.values() if entry.ok]
            else:
                rows = [row for row in self._board(self.view) if isinstance(row, tuple)]
            cells = (self._cells(row) for row in rows)
            self._measured = (
                (self.view, id(source), len(self.marks)),
                tuple(content_widths(cells, len(COLUMNS[self.view]))),
            )
        return self._measured[1]

    def _columns(self) -> Text:
        names = tuple(column.name for column in COLUMNS[self.view])
        return _join(names, self._widths(), "bold")

    def _cells(self, row: Any) -> tuple[str, ...]:
        """The texts of a row of the list or of a board, a column each."""
        if isinstance(row, IndexedBrief):
            stop = row.next_stop(self.today)
            next_stop = f"{stop.place}, {_stop_window(stop)}" if stop else ""
            # Read as of its own date (no today given), a brief is as up to date as it says: never stale.
            stale = self.today is not None and is_stale(row, self.today, self.thresholds.stale)
            pending = f"{len(row.pending)}{' ⚠' if stale else ''}" if row.pending else ""
            mark = self.marks.get(row.path)
            return (mark.glyph if mark else "", day(row.as_of) if row.as_of else "", row.title, row.category or "",
                    ", ".join(row.tags), pending, next_stop)  # fmt: skip
        entry, item = row
        if isinstance(item, PendingItem):
            age = pending_age(entry, item, self.today)
            aged = band(age, self.thresholds) if age is not None else Band.FRESH
            shown_age = f"{days(age)} {aged.glyph}".rstrip() if age is not None else ""
            return (day(item.since) if item.since else "", shown_age, item.what, ", ".join(item.awaited_from),
                    entry.title)  # fmt: skip
        place = ", ".join(part for part in (item.place, item.country) if part)
        return (_stop_window(item), place, self._certainty(item), item.when or "", entry.title)

    def _certainty(self, item: StopItem) -> str:
        today = self.agenda_today
        if today is not None and passed_unconfirmed(item.start, item.end, item.status, item.unconfirmed, today):
            return f"‼ {PASSED_UNCONFIRMED}"
        likelihood = Certainty(item.certainty) if item.certainty else None
        return likelihood.words + (" ?" if likelihood.uncertain else "") if likelihood else ""

    def _render_row(self, row: Any, width: int) -> Text:
        widths = self._widths()
        if isinstance(row, AgendaHeading):
            style = self._rows().heading_style() + Style(bold=True, dim=row.past)
            return Text(f"── {row.label} ", style=style)
        if isinstance(row, TodayLine):
            label = f" today {day(row.today)} " if self.today else f" as of {day(row.today)} "
            return Text(f"━━{label}".ljust(width, "━"), style=self._rows().today_style())
        if isinstance(row, IndexedBrief):
            return self._library_row(row, widths)
        entry, item = row
        if isinstance(item, PendingItem):
            age = pending_age(entry, item, self.today)
            aged = band(age, self.thresholds) if age is not None else Band.FRESH
            line = _join(self._cells(row), widths)
            if aged is not Band.FRESH:
                style = self._rows().problem_style() if aged is Band.OVERDUE else self._rows().today_style()
                line.stylize(style, widths[0] + 1, widths[0] + 1 + widths[1])
            return line
        return self._agenda_row(entry, item, widths)

    def _agenda_row(self, entry: IndexedBrief, item: StopItem, widths: tuple[int, ...]) -> Text:
        """A stop: dimmed once its window has ended; flagged when it passed while planned and unconfirmed."""
        today = self.agenda_today
        flagged = today is not None and passed_unconfirmed(item.start, item.end, item.status, item.unconfirmed, today)
        line = _join(self._cells((entry, item)), widths)
        if flagged:
            start = widths[0] + 1 + widths[1] + 1 if widths[1] else widths[0] + 1
            line.stylize(self._rows().problem_style() + Style(bold=True), start, start + widths[2])
        elif today is not None and phase(item.start, item.end, today) is Phase.PAST:
            line.stylize(Style(dim=True))
        return line

    def _library_row(self, entry: IndexedBrief, widths: tuple[int, ...]) -> Text:
        if not entry.ok:
            count = len(entry.problems)
            where = display_path(Path(entry.path))
            titled = f"{entry.title} · " if entry.title != escaped(Path(entry.path).name or entry.path) else ""
            message = f"⚠ {titled}{where}: {count} problem{'s' if count != 1 else ''} — {entry.problems[0].message}"
            # Under the title and what follows it: the mark and date columns stay empty.
            lead = sum(size + 1 for size in widths[:2] if size)
            rest = sum(size + 1 for size in widths[2:] if size) - 1
            return Text.assemble(" " * lead, cell(message, rest, self._rows().problem_style()))
        mark = self.marks.get(entry.path)
        line = _join(self._cells(entry), widths)
        if mark is not None:
            line.stylize(self._rows().mark_style(), 0, widths[0])
        return line

    def select_path(self, path: str) -> None:
        rows = self._rows()
        for index, row in enumerate(rows.rows):
            if isinstance(row, IndexedBrief) and row.path == path:
                rows.cursor = index
                return

    def on_resize(self) -> None:
        self._redraw()

    # -- keys -----------------------------------------------------------------------------------------------------

    def action_view(self, view: str) -> None:
        self.view = view
        self._rows().cursor = 0
        self._redraw()
        if view == "agenda":
            self.action_today()
        self._rows().focus()

    def action_today(self) -> None:
        """The agenda at today: its line near the top, the cursor on the first stop after it."""
        if self.view != "agenda":
            self.action_view("agenda")
            return
        rows = self._rows()
        line = next((index for index, row in enumerate(rows.rows) if isinstance(row, TodayLine)), None)
        if line is None:
            return
        after = next((i for i in range(line + 1, len(rows.rows)) if isinstance(rows.rows[i], tuple)), None)
        rows.cursor = after if after is not None else line
        rows.show_from(max(0, line - TODAY_CONTEXT_ROWS))

    def action_sort(self, by: int = 1) -> None:
        """The next order of the view (``by`` -1: the one before), shown from its top."""
        if self.view == "library":
            self.order = (self.order + by) % len(ORDERS)
        else:
            count = len(PENDING_ORDERS if self.view == "pending" else AGENDA_ORDERS)
            self.board_orders[self.view] = (self.board_orders[self.view] + by) % count
        rows = self._rows()
        rows.cursor = 0
        self._redraw()
        if self.view == "agenda" and self.board_orders["agenda"] == 0:
            self.action_today()
            return
        first = next((i for i, row in enumerate(rows.rows) if isinstance(row, IndexedBrief | tuple)), 0)
        rows.cursor = first
        rows.show_from(0)

    def action_filter(self) -> None:
        box = self.query_one("#library-filter", Input)
        box.display = True
        box.focus()

    def _filter_to(self, text: str) -> None:
        self.query_text = text
        self._rows().cursor = 0
        self._redraw()

    @on(Input.Submitted, "#library-filter")
    def filter_done(self) -> None:
        self.query_one("#library-filter").display = bool(self.query_text)
        self._rows().focus()

    def action_clear_filter(self) -> None:
        box = self.query_one("#library-filter", Input)
        if self.query_text or box.display:
            box.value = ""  # the list follows, through _filter_to
            box.display = False
            self._rows().focus()

    @on(RowList.Selected, "#library-rows")
    def open_row(self, event: RowList.Selected) -> None:
        row = self._rows().rows[event.index]
        if isinstance(row, AgendaHeading | TodayLine):
            return
        if isinstance(row, IndexedBrief) and not row.ok and os.path.isdir(row.path):
            self.notify(str(row.problems[0]), severity="warning", markup=False)
            return
        if isinstance(row, IndexedBrief):
            paths = [entry.path for entry in self.shown]
            self.post_message(OpenBrief(row.path, sequence=paths))
            return
        entry, item = row
        section = "confirmations" if isinstance(item, PendingItem) else "itinerary"
        self.post_message(OpenBrief(entry.path, section=section, index=item.index))


class LibraryCommands(Provider):
    """Jump to a view of the library, to any brief or section of one, or to any pending confirmation or stop.

    A library can hold tens of thousands of these: a C-speed subsequence filter picks the few hundred
    candidates that the (slower) fuzzy scoring then ranks, and the empty palette lists only the views
    and the newest briefs.
    """

    DISCOVER_BRIEFS = 50
    MOST_CANDIDATES = 300

    def _targets(self) -> list[Target]:
        screen = self.screen
        return screen.palette_entries() if isinstance(screen, LibraryScreen) else []

    def _jump(self, target: Target) -> Callable[[], object]:
        _label, _folded, kind, where, section, index = target
        screen = self.screen
        assert isinstance(screen, LibraryScreen)
        if kind == "View":
            return partial(screen.action_view, where)
        return partial(screen.post_message, OpenBrief(where, section, index))

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
                display = Content.assemble((f"{kind:<12} ", "dim"), highlight(matcher, text))
                yield Hit(score, display, self._jump(target), text=text)
