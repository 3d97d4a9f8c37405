"""The library: every brief under the paths in a fast list, and two boards across them all.

The list (newest first, other orders with `s`, filtered as you type with `/`), the
pending board (`p`: every pending confirmation, oldest first) and the agenda (`a`:
every stop by week) share one index, built in the background with a progress line
and kept up to date as files change.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, overload

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input

from briefing.library import boards, queries
from briefing.library.boards import COLUMNS, pending_band, pending_cells, stop_cells, stop_window
from briefing.library.entries import IndexedBrief, PendingItem, StopItem
from briefing.library.index import Library
from briefing.library.marks import Mark
from briefing.library.views import (
    AGENDA_ORDERS,
    ORDERS,
    PENDING_ORDERS,
    Agenda,
    AgendaHeading,
    Reading,
    Rows,
    TodayLine,
    is_stale,
    words_of,
)
from briefing.present.ages import Band, Thresholds
from briefing.present.columns import fit
from briefing.present.sections import Section
from briefing.present.timing import Phase, passed_unconfirmed, phase
from briefing.present.wording import day
from briefing.system.paths import display_path
from briefing.system.sanitize import escaped
from briefing.ui.keys import LIBRARY_BINDINGS
from briefing.ui.messages import OpenBrief
from briefing.ui.next_frame import asked_now, refresh_now
from briefing.ui.palette import highlight, short
from briefing.ui.screens.base import ShowsSeen
from briefing.ui.widgets.key_footer import KeyFooter
from briefing.ui.widgets.one_row_input import OneRowInput
from briefing.ui.widgets.rowlist import RowList, cell

if TYPE_CHECKING:
    from briefing.library.read_state import ReadState

GIVE_WAY_SECONDS = 0.3
"""How long after a key the index's upkeep in workers waits, when the screen may be answering it."""
REFRESH_SECONDS = 2.0
"""How often the library is checked for files added, changed or removed, at the most."""
REFRESH_SHARE = 0.02
"""At the least: a check never takes more than this share of a core. 10,000 files take about 0.1 s to
check, so a library that size is checked every 5 s or so; a few hundred files, every 2 s."""
SHOWN_WHILE_INDEXING_SHARE = 0.05
"""While the files are first read, the list is drawn again from the index as it grows (every second at the
most), but working out what it shows never takes more than this share of the index's own time: at 100,000 briefs
it takes about 0.1 s, so the list comes every 2 s or so."""
VIEW_TITLES = {"library": "Library", "pending": "Pending board", "agenda": "Agenda"}
TODAY_CONTEXT_ROWS = 3
"""Rows of the agenda shown above the today line when it opens: the last stops before today."""


class Line(Widget):
    """One line of text that changes often: redrawn in place, never re-laid out (unlike Static.update)."""

    DEFAULT_CSS = "Line { height: 1; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = Text()

    def show(self, text: Text) -> None:
        if text != self._text:
            self._text = text
            refresh_now(self)

    def render(self) -> Text:
        return self._text


KEEP, MARKS, CONTEXT, ORDER = 0, 1, 2, 3
"""How long a part of the status line stays as the screen narrows: the order goes first, then the date counted to,
then the new and updated counts; the view, the counts of briefs and problems, the filter and the indexing stay."""
QUERY_LEAST, QUERY_MOST = 8, 24
"""The least and the most of a filter's text the status line repeats: as much as fits between them."""


class IndexProgress(Message):
    """The index's worker has read more files (``LibraryScreen.latest_progress``): posted, not waited on."""


class StatusPart(NamedTuple):
    drop_order: int
    text: str
    style: str = ""
    lead: str = ""
    """Put before the text, unstyled."""

    @property
    def cells(self) -> int:
        return cell_len(self.lead) + cell_len(self.text)


def fit_status(parts: Sequence[StatusPart], width: int) -> list[StatusPart]:
    """``parts`` without those that do not fit in ``width`` cells, the least needed left out first."""
    kept = list(parts)
    for level in (ORDER, CONTEXT, MARKS):
        if sum(part.cells for part in kept) <= width:
            break
        kept = [part for part in kept if part.drop_order != level]
    return kept


def filter_part(query: str, most: int, shown: int) -> StatusPart:
    """The filter's part of the status line: at most ``most`` characters of its text, and how many rows it keeps."""
    return StatusPart(KEEP, f"  ·  filter “{short(query, most)}”: {shown:,} shown")


def _join(texts: tuple[str, ...], widths: tuple[int, ...], style: str = "") -> Text:
    """One row: each text in its column, a space between; columns of width 0 are left out."""
    return Text(" ").join(cell(text, size, style) for text, size in zip(texts, widths, strict=True) if size)


def _nothing(_keys: Sequence[int]) -> dict[int, Any]:
    return {}


def _key_of(row: Any) -> int | None:
    """The key of a row of a view (``briefing.library.views.Rows``): what finds it again in a new list."""
    if isinstance(row, IndexedBrief):
        return row.id
    if isinstance(row, tuple) and len(row) == 2 and isinstance(row[1], PendingItem | StopItem):
        return row[1].row
    return None


class BriefPaths(Sequence[str]):
    """The paths of the briefs a list shows, in its order as it is now, read as they are asked for: what [ and ]
    step through, and "brief 12 of 49" counts."""

    def __init__(
        self,
        keys: Callable[[], Sequence[int]],
        read: Callable[[int], IndexedBrief | None],
        find: Callable[[str], int | None],
    ) -> None:
        """``keys``: the list's rows now (a file changed on disk is indexed again under a new row, and the list
        drawn again with it, while a brief is open over it); ``read``: a brief by its row; ``find``: the row of the
        brief at a path."""
        self._keys = keys
        self._read = read
        self._find = find

    @property
    def keys(self) -> Sequence[int]:
        return self._keys()

    def __len__(self) -> int:
        return len(self.keys)

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...
    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[position] for position in range(*index.indices(len(self)))]
        brief = self._read(self.keys[index])
        return brief.path if brief is not None else ""

    def __contains__(self, path: object) -> bool:
        return isinstance(path, str) and self._position(path) is not None

    def index(self, path: object, start: int = 0, stop: int | None = None) -> int:
        position = self._position(path) if isinstance(path, str) else None
        if position is None:
            raise ValueError(f"{path!r} is not in the list")
        return position

    def _position(self, path: str) -> int | None:
        key = self._find(path)
        if key is None:
            return None
        try:
            return self.keys.index(key)
        except ValueError:
            return None


def _section_named(word: str) -> Section | None:
    """The section whose name (or short name) ``word`` begins, in any case: what the palette's last word may be."""
    folded = word.casefold()
    for section in Section:
        if len(folded) >= 3 and (section.label.casefold().startswith(folded) or section.value.startswith(folded)):
            return section
    return None


def _library_commands() -> type[Provider]:
    """The palette's provider, defined below the screen it serves."""
    return LibraryCommands


class LibraryScreen(ShowsSeen):
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
        self.marks_looked_for = False
        """True once the marks were looked for after the index was whole (found, or known not to be found)."""
        self.thresholds = thresholds or Thresholds()
        """When a brief that waits on confirmations is stale (⚠ beside its pending count)."""
        self.view = "library"
        self.order = 0
        """The list's order, in ORDERS."""
        self.board_orders = {"pending": 0, "agenda": 0}
        """Each board's order, in PENDING_ORDERS and AGENDA_ORDERS."""
        self.query_text = ""
        self.indexing: tuple[int, int] | None = (0, 0)
        """How many files are read of how many, while files are read; None once the index is whole."""
        self.latest_progress: tuple[int, int] | None = None
        """The last progress the index's worker reported; the screen takes it when it has time."""
        self._progress_posted = False
        self._building = True
        """Until the index's first build has ended (whole, or failed): progress after that is stale."""
        self.checking = False
        """True while the files are checked against an index kept from the last time (which is on screen)."""
        self.shown: Rows = Rows((), self._briefs_of)
        """The list as shown: its briefs, read from the index as they are drawn."""
        self._drawn_from = -1
        """The index's generation that what is kept below was drawn from."""
        self._counts = (0, 0)
        self._library_today: dt.date | None = None
        self._orders: dict[int, queries.Ids] = {}
        self._pending: dict[int, tuple[queries.Ids, queries.Ids]] = {}
        self._agendas: dict[int, Agenda] = {}
        self._matching: tuple[str, set[int] | None] | None = None
        """The filter's words, and the briefs that hold them (None: every brief)."""
        self._board_filtered: dict[tuple[str, int, str], Sequence[int]] = {}
        """The rows of a board (its kind and order) that a filter's words keep."""
        self._board_shown: Rows | None = None
        self._board_wanted: tuple[str, int] | None = None
        """A board (or its filtering) being made in a thread: the screen shows it when it comes."""
        self._today_wanted = False
        """The agenda is to open at today once it is laid out."""
        self._briefs: OrderedDict[int, IndexedBrief | None] = OrderedDict()
        self._fitted: tuple[tuple[object, ...], tuple[int, ...]] | None = None
        self._found_longest: dict[str, int] = {}
        """The longest texts the columns show, from the index (``queries.longest``)."""
        self._warned = False

    def compose(self) -> ComposeResult:
        yield Line(id="library-status")
        yield Line(id="library-columns")
        yield RowList(self._render_row, id="library-rows")
        yield OneRowInput(
            placeholder="Filter: words of any text of a brief (title, tags, places, who is quoted, outlets…), "
            "or of a board's rows",
            id="library-filter",
            select_on_focus=False,
        )
        yield KeyFooter()

    def on_mount(self) -> None:
        box = self.query_one("#library-filter", Input)
        box.display = False
        # Watched rather than told through Input.Changed: the list then follows a key in the frame that
        # shows the key, instead of the next one (about 17 ms sooner).
        self.watch(box, "value", self._filter_to, init=False)
        self._update_status()
        self.library.store.give_way = self._give_way
        if self.read_state is not None:
            self.read_state.give_way = self._give_way
        self._show_what_the_index_holds()
        self._build()
        self.set_timer(REFRESH_SECONDS, self._refresh_library)

    def _show_what_the_index_holds(self) -> None:
        """On a second open, what the index holds is in the first frame (about 50 ms of queries at 100,000 briefs,
        less than the frame a worker's answer would wait for); the files are checked against it after."""
        import sqlite3

        try:
            if queries.count(self.library.store)[0]:
                self._from_index(self._derive())
        except (OSError, sqlite3.Error):
            pass  # the worker opens it again, and says what is wrong with it

    def _from_thread(self, callback: Callable[..., Any], *args: Any, **options: Any) -> Any:
        """In a worker: run ``callback`` on the screen's thread and give back what it returns; nothing when the
        screen has gone meanwhile (the app quit while the index was being read)."""

        def run() -> Any:
            if self.is_attached and self.query("#library-rows"):
                return callback(*args, **options)
            return None

        try:
            return self.app.call_from_thread(run)
        except RuntimeError:  # the app is no longer running
            return None

    def _give_way(self) -> None:
        """In a worker: wait while the reader is at the keys, so that the screen's answer comes first."""
        import threading

        if threading.current_thread() is threading.main_thread():
            return
        key_at = getattr(self.app, "key_at", 0.0)
        while (wait := key_at + GIVE_WAY_SECONDS - time.monotonic()) > 0:
            time.sleep(wait)
            key_at = getattr(self.app, "key_at", 0.0)

    # -- the index ------------------------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="index")
    def _build(self) -> None:
        import sqlite3

        try:
            # What the index holds from the last time is on screen at once; then the files are checked against it,
            # and what changed is read (on a first open, every file: its rows come in batches).
            if not self.checking and queries.count(self.library.store)[0]:
                self._from_thread(self._from_index, self._derive())
            shown_at, wait = time.monotonic(), 0.1
            for _done in self.library.build(progress=self._report_progress):
                if time.monotonic() - shown_at > wait:
                    started = time.monotonic()
                    self._from_thread(self._changed, self._derive())
                    shown_at = time.monotonic()
                    wait = max(1.0 if self._counts[0] else 0.1, (shown_at - started) / SHOWN_WHILE_INDEXING_SHARE)
            derived = self._derive()
        except (OSError, sqlite3.Error) as error:
            self._from_thread(self._index_failed, error)
            return
        finally:
            from briefing.system.collector import resume_collection

            self._from_thread(resume_collection)  # held off while starting up, by `briefing.launch`
        self._from_thread(self._indexed, derived)
        # The list is whole: the marks follow (a library's first open reads every file again to adopt it as seen).
        self._from_thread(self._marked, derived["generation"], self._find_marks())
        self._derive_the_rest()

    def _marked(self, generation: int, marks: dict[str, Mark] | None) -> None:
        """The new and updated briefs are known (None: they cannot be): marked, and the order that goes by them made
        again."""
        self.marks_looked_for = True
        if marks is None or generation != self._drawn_from:
            return
        self.marks = marks
        from briefing.library.views import CHANGED_FIRST

        self._orders.pop(CHANGED_FIRST, None)
        self._marks_changed()
        if self.order == CHANGED_FIRST:
            self._redraw()

    def _index_failed(self, error: Exception) -> None:
        self._building = False
        self.indexing = None
        self._update_status()
        self.notify(f"The library's index could not be kept: {error}", severity="error", markup=False, timeout=10)

    def _report_progress(self, done: int, total: int) -> None:
        """In the worker: keep the figures and let the screen know, without waiting for it (a batch of files
        every few milliseconds: traced at 100,000 briefs, waiting for each redraw was a sixth of its time)."""
        self.latest_progress = (done, total)
        if not self._progress_posted:
            self._progress_posted = True
            self.post_message(IndexProgress())

    @on(IndexProgress)
    def _take_progress(self) -> None:
        self._progress_posted = False  # before reading the figures: any set after this brings another message
        if self._building and self.latest_progress is not None:
            self._progress(*self.latest_progress)

    def _find_marks(self) -> dict[str, Mark] | None:
        """In a worker: which briefs are new or updated; None (and a message, once) when that cannot be known."""
        from briefing.library.marks import since_last_looked, since_revision
        from briefing.library.read_state import ReadStateError
        from briefing.system.git import GitError

        try:
            if self.since is not None:
                return since_revision(queries.known(self.library.store), self.library.roots, self.since)
            if self.read_state is not None:
                return since_last_looked(queries.known(self.library.store), self.read_state, self.library.key)
        except (GitError, ReadStateError) as error:
            where = f"since {self.since}" if self.since else "since you last looked"
            self._from_thread(self._warn_once, f"Briefs new or updated {where} are not marked: {error}")
        return None

    def _warn_once(self, message: str) -> None:
        if not self._warned:
            self._warned = True
            self.notify(message, severity="warning", markup=False, timeout=8)

    def _derive(self, marks: dict[str, Mark] | None = None) -> dict[str, Any]:
        """In a worker: what the screen shows first (the list in its order, the counts), from the index as it is
        now. ``marks``: the new and updated briefs, found afresh (None: keep the marks there are)."""
        store = self.library.store
        reading = Reading(self.today, marks if marks is not None else self.marks)
        return {
            "generation": self.library.generation,
            "marks": reading.marks,
            "orders": {self.order: queries.ordered(store, self.order, self.today, reading.marks)},
            "counts": queries.count(store),
            "today": queries.library_today(store),
            "longest": {**queries.longest(store), "next_stop": queries.longest_next_stop(store, self.today)},
        }

    def _derive_the_rest(self) -> None:
        """In the worker, once the index is whole: the other orders and both boards, the likeliest next first, so
        that `s`, `p` and `a` cost no more than drawing."""
        generation = self.library.generation
        store = self.library.store
        steps: list[tuple[str, int]] = [("orders", (self.order + 1) % len(ORDERS)), ("pending", 0), ("agenda", 0)]
        steps += [("orders", order) for order in range(len(ORDERS))]
        for kind, order in steps:
            if generation != self.library.generation or order in self._kept(kind):
                continue
            self._give_way()
            if kind == "orders":
                found: Any = queries.ordered(store, order, self.today, self.marks)
            else:
                found = self._make_board(kind, order)
            self._from_thread(self._keep, generation, kind, order, found)

    def _kept(self, kind: str) -> dict[int, Any]:
        kept: dict[str, dict[int, Any]] = {"orders": self._orders, "pending": self._pending, "agenda": self._agendas}
        return kept[kind]

    def _board_ready(self, generation: int, view: str, order: int) -> None:
        found = self._make_board(view, order)
        self._from_thread(self._keep, generation, view, order, found)

    def _make_board(self, view: str, order: int) -> Any:
        store = self.library.store
        if view == "pending":
            return queries.pending_ordered(store, order)
        return queries.agenda_of(store, self.agenda_today, order)

    def _keep(self, generation: int, kind: str, order: int, found: Any) -> None:
        if generation != self._drawn_from:
            return  # the index moved on meanwhile
        self._kept(kind).setdefault(order, found)
        waiting = self.view != "library" and self._board_wanted == (kind, order)
        if waiting:
            self._board_wanted = None
            self._redraw()
            self._at_today_if_wanted()

    def _progress(self, done: int, total: int) -> None:
        if done < total or not self._counts[0]:
            self.indexing = (done, total)
        self._update_status()

    @property
    def settled(self) -> bool:
        """True once the index is whole and checked against the files."""
        return self.indexing is None and not self.checking

    def _from_index(self, derived: dict[str, Any]) -> None:
        """Every brief the index holds is on screen; the files are being checked against it."""
        self.indexing = None
        self.checking = True
        self._changed(derived)

    def _indexed(self, derived: dict[str, Any]) -> None:
        """The index is whole and checked against the files."""
        self._building = False
        self.indexing = None
        self.checking = False
        self._changed(derived)

    def _changed(self, derived: dict[str, Any]) -> None:
        """The index changed: take what was derived from it, forget the rest, and draw again."""
        self._drawn_from = derived["generation"]
        self.marks = derived["marks"]
        self._orders = dict(derived["orders"])
        self._pending, self._agendas, self._matching = {}, {}, None
        self._board_filtered.clear()
        self._board_shown = None
        self._counts = derived["counts"]
        self._library_today = derived["today"]
        self._found_longest = derived["longest"]
        self._briefs.clear()
        self._rows().forget_drawn()
        self._redraw()

    @work(thread=True, exclusive=True, group="refresh")
    def _refresh_library(self) -> None:
        import sqlite3

        started = time.perf_counter()
        try:
            if self.settled and self.library.refresh():
                self._from_thread(self._changed, self._derive(marks=self._find_marks()))
                self._derive_the_rest()
        except (OSError, sqlite3.Error):
            pass  # looked at again at the next refresh
        finally:
            delay = max(REFRESH_SECONDS, (time.perf_counter() - started) / REFRESH_SHARE)
            with contextlib.suppress(RuntimeError):  # the app is closing
                self._from_thread(self.set_timer, delay, self._refresh_library)

    # -- reading rows ---------------------------------------------------------------------------------------------

    def _briefs_of(self, brief_ids: Sequence[int]) -> dict[int, IndexedBrief]:
        """The briefs with these rows (kept for a while)."""
        import sqlite3

        cache = self._briefs
        wanted = [brief_id for brief_id in brief_ids if brief_id not in cache]
        if wanted:
            try:
                found = queries.briefs(self.library.store, wanted)
            except sqlite3.Error:
                found = {}
            for brief_id in wanted:
                cache[brief_id] = found.get(brief_id)
            while len(cache) > 4096:
                cache.popitem(last=False)
        return {brief_id: brief for brief_id in brief_ids if (brief := cache.get(brief_id)) is not None}

    def _brief(self, brief_id: int) -> IndexedBrief | None:
        """The brief with row ``brief_id``."""
        return self._briefs_of([brief_id]).get(brief_id)

    def _item_rows(self, table: str, row_ids: Sequence[int]) -> dict[int, Any]:
        """(its brief, the item) for each pending confirmation (``table`` "pending") or stop ("stops")."""
        import sqlite3

        try:
            return dict(boards.item_rows(self.library.store, table, row_ids, self._briefs_of))
        except sqlite3.Error:
            return {}

    def _agenda_rows(self, keys: Sequence[int], board: Agenda) -> dict[int, Any]:
        found: dict[int, Any] = {key: board.marker(key) for key in keys if key < 0}
        found.update(self._item_rows("stops", [key for key in keys if key > 0]))
        return found

    # -- drawing --------------------------------------------------------------------------------------------------

    def _rows(self) -> RowList[Any]:
        return self.query_one("#library-rows", RowList)

    def _redraw(self) -> None:
        rows = self._rows()
        # The cursor stays on its row; on the first row, it stays first (rows coming in while indexing).
        current = _key_of(rows.current) if rows.cursor > 0 else None
        if self.view == "library":
            self.shown = Rows(self._list_keys(), self._briefs_of)
            new_rows: Rows = self.shown
        else:
            new_rows = self._board_rows(self.view)
        cursor = new_rows.position(current) if current is not None else None
        rows.set_rows(new_rows, cursor)
        query = self.query_text.strip()
        rows.empty_text = (
            f"Nothing matches “{query}”  ·  esc clears the filter" if query and not self._rows_shown() else ""
        )
        self.query_one("#library-columns", Line).show(self._columns())
        self._update_status()

    def _brief_matches(self) -> set[int] | None:
        """The briefs that hold the filter's words; None: every brief (no filter, or one every brief matches)."""
        import sqlite3

        words = words_of(self.query_text)
        if not words:
            return None
        key = " ".join(words)
        if self._matching is None or self._matching[0] != key:
            try:
                store = self.library.store
                every = queries.every_brief_matches(store, words)
                self._matching = (key, None if every else queries.matching_briefs(store, words))
            except sqlite3.Error:
                self._matching = (key, set())
        return self._matching[1]

    def _list_keys(self) -> queries.Ids:
        """The list's brief ids in the current order, filtered."""
        if self.order not in self._orders:
            self._orders[self.order] = queries.ordered(self.library.store, self.order, self.today, self.marks)
        ordered = self._orders[self.order]
        found = self._brief_matches()
        return ordered if found is None else queries.kept(ordered, found)

    def _board_rows(self, view: str) -> Rows:
        """The board as shown: in its order, with the rows the filter leaves. Laid out and filtered in a thread:
        meanwhile the board says so (a library of 100,000 briefs has a quarter of a million stops)."""
        order = self.board_orders[view]
        kind = "pending" if view == "pending" else "agenda"
        board = self._kept(kind).get(order)
        if board is None:
            self._board_wanted = (kind, order)
            self._lay_out_board(self._drawn_from, kind, order)
            return Rows((), _nothing)
        words = " ".join(words_of(self.query_text))
        if words:
            filtered = self._board_filtered.get((kind, order, words))
            if filtered is None:
                self._board_wanted = ("filtered", 0)
                self._filter_board(self._drawn_from, kind, order, words, board)
                return self._board_shown or Rows((), _nothing)
            keys: Sequence[int] = filtered
        else:
            keys = board[0] if kind == "pending" else board.keys
        read = partial(self._item_rows, "pending") if kind == "pending" else partial(self._agenda_rows, board=board)
        self._board_shown = Rows(keys, read)
        return self._board_shown

    @work(thread=True, exclusive=True, group="board")
    def _lay_out_board(self, generation: int, kind: str, order: int) -> None:
        found = self._make_board(kind, order)
        self._from_thread(self._keep, generation, kind, order, found)

    @work(thread=True, exclusive=True, group="filter")
    def _filter_board(self, generation: int, kind: str, order: int, words: str, board: Any) -> None:
        """The board's rows the filter keeps (``boards.pending_filtered``, ``boards.agenda_filtered``)."""
        store = self.library.store
        split = words.split()
        if kind == "pending":
            kept: Sequence[int] = boards.pending_filtered(store, board, split)
        else:
            kept = boards.agenda_filtered(store, board, split, self._stop_owners()).keys
        self._from_thread(self._filtered, generation, (kind, order, words), kept)

    def _filtered(self, generation: int, key: tuple[str, int, str], kept: Sequence[int]) -> None:
        if generation != self._drawn_from:
            return
        self._board_filtered[key] = kept
        if self._board_wanted == ("filtered", 0):
            self._board_wanted = None
        self._redraw()
        self._at_today_if_wanted()

    def _at_today_if_wanted(self) -> None:
        if self._today_wanted and self.view == "agenda" and self._board_wanted is None:
            self.action_today()

    def _stop_owners(self) -> dict[int, int]:
        cached = getattr(self, "_owners", None)
        if cached is None or cached[0] != self._drawn_from:
            cached = self._owners = (self._drawn_from, boards.stop_owners(self.library.store))
        return cached[1]

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
        if not self.marks_looked_for:
            self.notify("Still finding which briefs are new or updated: M again in a moment.", markup=False)
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
            count = mark_all_seen(queries.known(self.library.store), marks, self.read_state)
        except ReadStateError as error:
            self._from_thread(self.notify, f"Not marked as read: {error}", severity="warning", markup=False)
            return
        self._from_thread(self._all_seen, marks, count)

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
        total, bad = self._counts
        parts: list[StatusPart] = [StatusPart(KEEP, f" {VIEW_TITLES[self.view]} ", "bold reverse")]
        parts.append(StatusPart(KEEP, f"  {total:,} briefs"))
        if self.today is not None:
            parts.append(StatusPart(CONTEXT, f"  ·  today {day(self.today)}"))
        elif self.view == "agenda" and self._library_today is not None:
            newest = "" if self.size.width < 100 else ", the newest brief's date"
            parts.append(StatusPart(CONTEXT, f"  ·  as of {day(self._library_today)}{newest}"))
        else:
            wording = "  ·  as of each brief's date" if self.size.width >= 100 else "  ·  as of each brief"
            parts.append(StatusPart(CONTEXT, wording))
        if bad:
            parts.append(StatusPart(KEEP, f"{bad} with problems", "bold red", "  ·  "))
        if self.marks:
            new = sum(1 for mark in self.marks.values() if mark is Mark.NEW)
            since = f" since {self.since}" if self.since else ""
            counts = [f"{Mark.NEW.glyph} {new} new"] if new else []
            counts += [f"{Mark.UPDATED.glyph} {len(self.marks) - new} updated"] if len(self.marks) > new else []
            parts.append(StatusPart(MARKS, " · ".join(counts) + since, "bold", "  ·  "))
        parts.append(StatusPart(ORDER, f"  ·  {self.order_name}"))
        query = self.query_text.strip()
        filter_at, shown = len(parts), self._rows_shown() if query else 0
        if query:
            parts.append(filter_part(query, QUERY_LEAST, shown))
        if self.indexing is not None:
            done, total = self.indexing
            progress = f"indexing {done:,}/{total:,}" if total else "looking for briefs…"
            parts.append(StatusPart(KEEP, progress, "italic", "  ·  "))
        elif self.checking:
            parts.append(StatusPart(KEEP, "checking the files…", "italic dim", "  ·  "))
        fitting = fit_status(parts, self.size.width)
        if query:
            # The filter's text takes what room is left, between the least and the most of it shown.
            room = self.size.width - sum(part.cells for part in fitting) + len(short(query, QUERY_LEAST))
            place = fitting.index(parts[filter_at])
            fitting[place] = filter_part(query, max(QUERY_LEAST, min(QUERY_MOST, room)), shown)
        pieces = [piece for part in fitting for piece in (part.lead, (part.text, part.style))]
        self.query_one("#library-status", Line).show(Text.assemble(*pieces))

    @property
    def order_name(self) -> str:
        if self.view == "library":
            return ORDERS[self.order]
        names = PENDING_ORDERS if self.view == "pending" else AGENDA_ORDERS
        return names[self.board_orders[self.view]]

    def _rows_shown(self) -> int:
        """How many briefs (or a board's rows) are shown: headings and today's line do not count."""
        rows = self._rows().rows
        keys = getattr(rows, "keys", None)
        if keys is None:
            return len(rows)
        return len(keys) if self.view != "agenda" else sum(1 for key in keys if key > 0)

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
        so the columns hold still while you type): measured in the index with each version of it."""
        found = self._found_longest
        if self.view == "library":
            pending = len(str(found.get("pending", 0))) + 2
            return (1, 11, found.get("title", 0), found.get("category", 0), found.get("tags", 0), pending,
                    found.get("next_stop", 0))  # fmt: skip
        if self.view == "pending":
            return (11, 14, found.get("what", 0), found.get("awaited", 0), found.get("title", 0))
        return (20, found.get("place", 0), 21, found.get("reported", 0), found.get("title", 0))

    def _columns(self) -> Text:
        names = tuple(column.name for column in COLUMNS[self.view])
        return _join(names, self._widths(), "bold")

    def _cells(self, row: Any) -> tuple[str, ...]:
        """The texts of a row of the list or of a board, a column each."""
        if isinstance(row, IndexedBrief):
            stop = row.next_stop(self.today)
            next_stop = f"{stop.place}, {stop_window(stop)}" if stop else ""
            # Read as of its own date (no today given), a brief is as up to date as it says: never stale.
            stale = self.today is not None and is_stale(row, self.today, self.thresholds.stale)
            pending = f"{len(row.pending)}{' ⚠' if stale else ''}" if row.pending else ""
            mark = self.marks.get(row.path)
            return (mark.glyph if mark else "", day(row.as_of) if row.as_of else "", row.title, row.category or "",
                    ", ".join(row.tags), pending, next_stop)  # fmt: skip
        entry, item = row
        if isinstance(item, PendingItem):
            return pending_cells(entry, item, self.today, self.thresholds)
        return stop_cells(entry, item, self.agenda_today)

    def _render_row(self, row: Any, width: int) -> Text:
        widths = self._widths()
        if row is None:
            return Text("")  # gone from the index since this list was made: the next refresh redraws it
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
            aged = pending_band(entry, item, self.today, self.thresholds)
            line = _join(self._cells(row), widths)
            if aged is not Band.FRESH:
                style = self._rows().problem_style() if aged is Band.OVERDUE else self._rows().today_style()
                line.stylize(style, widths[0] + 1, widths[0] + 1 + widths[1])
            return line
        return self._stop_line(entry, item, widths)

    def _stop_line(self, entry: IndexedBrief, item: StopItem, widths: tuple[int, ...]) -> Text:
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
        """Put the cursor on the brief at ``path``, if the list shows it."""
        import sqlite3

        rows = self._rows()
        try:
            brief_id = queries.brief_id(self.library.store, path)
        except sqlite3.Error:
            return
        position = rows.rows.position(brief_id) if brief_id is not None and isinstance(rows.rows, Rows) else None
        if position is not None:
            rows.cursor = position

    def on_resize(self) -> None:
        self._redraw()

    # -- keys -----------------------------------------------------------------------------------------------------

    def action_view(self, view: str) -> None:
        self.view = view
        self._board_shown = None
        self._board_wanted = None
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
        board = self._agendas.get(self.board_orders["agenda"])
        keys = getattr(rows.rows, "keys", ())
        if board is None or not keys:
            self._today_wanted = True  # once the agenda is laid out
            return
        self._today_wanted = False
        line = next((i for i, key in enumerate(keys) if key < 0 and isinstance(board.marker(key), TodayLine)), None)
        if line is None:
            return
        after = next((i for i in range(line + 1, len(keys)) if keys[i] > 0), None)
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
        asked_now(box)
        # At once, not after the keys already typed (``focus()`` waits its turn): `/hanoi` typed fast all goes in.
        self.set_focus(box)

    def _filter_to(self, text: str) -> None:
        self.query_text = text
        self._rows().cursor = 0
        self._redraw()
        asked_now(self.query_one("#library-filter", Input))  # the text typed, in the frame of the list it filters

    def on_key(self, event: events.Key) -> None:
        """`/` and what is typed right after it, however fast, go to the filter (``briefing.ui.typeahead``)."""
        from briefing.ui.typeahead import type_ahead

        box = self.query_one("#library-filter", Input)
        type_ahead(self, event, box, "filter", self.action_filter, self.filter_done)

    @on(Input.Submitted, "#library-filter")
    def filter_done(self) -> None:
        self.query_one("#library-filter").display = bool(self.query_text)
        self.set_focus(self._rows())

    def action_clear_filter(self) -> None:
        box = self.query_one("#library-filter", Input)
        if self.query_text or box.display:
            box.value = ""  # the list follows, through _filter_to
            box.display = False
            self._rows().focus()

    @on(RowList.Selected, "#library-rows")
    def open_row(self, event: RowList.Selected) -> None:
        row = self._rows().rows[event.index]
        if row is None or isinstance(row, AgendaHeading | TodayLine):
            return
        if isinstance(row, IndexedBrief) and not row.ok and os.path.isdir(row.path):
            self.notify(str(row.problems[0]), severity="warning", markup=False)
            return
        if isinstance(row, IndexedBrief):
            find = partial(queries.brief_id, self.library.store)
            self.post_message(OpenBrief(row.path, sequence=BriefPaths(lambda: self.shown.keys, self._brief, find)))
            return
        entry, item = row
        section = "confirmations" if isinstance(item, PendingItem) else "itinerary"
        self.post_message(OpenBrief(entry.path, section=section, index=item.index))


class LibraryCommands(Provider):
    """Jump to a view of the library, to any brief, or to any pending confirmation or stop.

    The index finds the candidates (their names hold the query's letters in order); the fuzzy scoring then ranks
    the few hundred it gives. The empty palette lists the views and the newest briefs.
    """

    DISCOVER_BRIEFS = 50
    MOST_CANDIDATES = 300

    def _screen(self) -> LibraryScreen | None:
        return self.screen if isinstance(self.screen, LibraryScreen) else None

    def _jump(self, kind: str, where: str, section: str | None, index: int | None) -> Callable[[], object]:
        screen = self._screen()
        assert screen is not None
        if kind == "View":
            return partial(screen.action_view, where)
        return partial(screen.post_message, OpenBrief(where, section, index))

    def _views(self) -> list[tuple[str, str, str, str | None, int | None]]:
        return [(f"Go to the {title.lower()}", "View", view, None, None) for view, title in VIEW_TITLES.items()]

    async def discover(self) -> Hits:
        import sqlite3

        screen = self._screen()
        if screen is None:
            return
        try:
            newest = queries.newest_titles(screen.library.store, self.DISCOVER_BRIEFS)
        except sqlite3.Error:
            newest = []
        targets = self._views() + [(title, "Brief", path, None, None) for title, path in newest]
        for text, kind, where, section, index in targets:
            display = Content.assemble((f"{kind:<12} ", "dim"), short(text))
            yield DiscoveryHit(display, self._jump(kind, where, section, index), text=text)

    async def search(self, query: str) -> Hits:
        import sqlite3

        screen = self._screen()
        needle = " ".join(query.split())
        if screen is None or not needle:
            return
        words = needle.split()
        asked = _section_named(words[-1]) if len(words) > 1 else None
        try:
            store = screen.library.store
            found = queries.palette_candidates(store, needle.replace(" ", ""), self.MOST_CANDIDATES)
            if asked is not None:
                # "brief 3 itin": the itinerary of the briefs the other words name.
                briefs = queries.palette_candidates(store, "".join(words[:-1]), self.MOST_CANDIDATES)
                found += [(f"{short(text, 40)} · {asked.label}", "Section", where, asked.value, None)
                          for text, kind, where, _section, _index in briefs if kind == "Brief"]  # fmt: skip
        except sqlite3.Error:
            found = []
        matcher = self.matcher(query)
        for text, kind, where, section, index in self._views() + found:
            text = short(text)
            score = matcher.match(text)
            if score > 0:
                display = Content.assemble((f"{kind:<12} ", "dim"), highlight(matcher, text))
                yield Hit(score, display, self._jump(kind, where, section, index), text=text)
