"""What the library's screens ask its index: the rows of a view in an order, those a filter keeps, and one row to
draw at a time. Orders and filters are queries; the screens hold arrays of row ids, never every brief.

Row ids: a brief's ``briefs.id``; a pending confirmation's ``pending.id``; a stop's ``stops.id``. The agenda mixes in
its headings and today's line as negative numbers (``AgendaKeys``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from array import array
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeAlias

from briefing.library.entries import IndexedBrief, PendingItem, StopItem
from briefing.library.store import Store, fts_query, read_problems
from briefing.present.timing import DONE

if TYPE_CHECKING:
    from briefing.library.marks import Known, Marks
    from briefing.library.views import Agenda, StopKey

if TYPE_CHECKING:
    Ids: TypeAlias = array[int]
else:
    Ids = array
"""Row ids in order: ``array("q")``."""


def _date(value: Any) -> dt.date | None:
    if type(value) is not str:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _text(value: Any) -> str | None:
    return value if type(value) is str else None


def _strings(value: Any) -> tuple[str, ...]:
    try:
        found = json.loads(value) if type(value) is str else []
    except ValueError:
        return ()
    return tuple(item for item in found if type(item) is str) if type(found) is list else ()


# -- one row to draw ----------------------------------------------------------------------------------------------

_BRIEFS = "SELECT id, path, size, mtime_ns, title, as_of, category, tags, problems, updated, digest FROM briefs"
_PENDING = "SELECT brief, id, idx, item_id, what, awaited_from, since FROM pending"
_STOPS = ("SELECT brief, id, idx, place, reported, start, end_, approximate, certainty, status, unconfirmed, country "
          "FROM stops")  # fmt: skip


def _in(ids: Sequence[int]) -> str:
    return "(" + ",".join("?" * len(ids)) + ")"


def briefs(store: Store, brief_ids: Sequence[int]) -> dict[int, IndexedBrief]:
    """The briefs with these rows, their pending confirmations and stops with them: three queries however many
    (those gone are left out). What the lists draw, a screenful at a time."""
    import os

    wanted = list(dict.fromkeys(brief_ids))[:900]  # SQLite's limit on parameters is higher; a screen is lower
    if not wanted:
        return {}
    with store.reading() as database:
        rows = database.execute(f"{_BRIEFS} WHERE id IN {_in(wanted)}", wanted).fetchall()
        pending = database.execute(f"{_PENDING} WHERE brief IN {_in(wanted)} ORDER BY brief, idx", wanted)
        items: dict[int, list[PendingItem]] = {}
        for brief_id, row_id, idx, item_id, what, awaited, since in pending:
            items.setdefault(brief_id, []).append(
                PendingItem(idx, str(item_id), str(what), _strings(awaited), _date(since), row_id)
            )
        stops: dict[int, list[StopItem]] = {}
        for (
            brief_id,
            row_id,
            idx,
            place,
            reported,
            start,
            end,
            approximate,
            certainty,
            status,
            unconfirmed,
            country,
        ) in database.execute(f"{_STOPS} WHERE brief IN {_in(wanted)} ORDER BY brief, idx", wanted):
            stops.setdefault(brief_id, []).append(
                StopItem(idx, str(place), _text(reported), _date(start), _date(end), bool(approximate),
                         _text(certainty), str(status), bool(unconfirmed), _text(country), row_id))  # fmt: skip
    found: dict[int, IndexedBrief] = {}
    for brief_id, path, size, mtime, title, as_of, category, tags, problems, updated, digest in rows:
        if type(path) is not bytes:
            continue
        found[brief_id] = IndexedBrief(
            os.fsdecode(path), size, mtime, str(title), _date(as_of), _text(category) or None, _strings(tags),
            read_problems(problems), tuple(items.get(brief_id, ())), tuple(stops.get(brief_id, ())), _date(updated),
            str(digest), brief_id,
        )  # fmt: skip
    return found


def brief(store: Store, brief_id: int) -> IndexedBrief | None:
    """The brief with row ``brief_id``, its pending confirmations and stops with it; None when it is gone."""
    return briefs(store, [brief_id]).get(brief_id)


def owners(store: Store, table: str, row_ids: Sequence[int]) -> dict[int, int]:
    """The brief each pending confirmation (``table`` "pending") or stop ("stops") belongs to."""
    assert table in ("pending", "stops")
    wanted = list(row_ids)[:900]
    if not wanted:
        return {}
    with store.reading() as database:
        rows = database.execute(f"SELECT id, brief FROM {table} WHERE id IN {_in(wanted)}", wanted)
        return dict(rows.fetchall())


def brief_id(store: Store, path: str) -> int | None:
    """The row of the brief at ``path``, if the index has it."""
    import os

    with store.reading() as database:
        row = database.execute("SELECT id FROM briefs WHERE path = ?", (os.fsencode(path),)).fetchone()
    return row[0] if row else None


def brief_of(store: Store, table: str, row_id: int) -> int | None:
    """The brief a pending confirmation (``table`` "pending") or a stop ("stops") belongs to."""
    assert table in ("pending", "stops")
    with store.reading() as database:
        row = database.execute(f"SELECT brief FROM {table} WHERE id = ?", (row_id,)).fetchone()
    return row[0] if row else None


# -- the library list ---------------------------------------------------------------------------------------------

_NEXT_START = f"""(SELECT coalesce(s.start, s.end_) FROM stops s WHERE s.brief = b.id
    AND s.status NOT IN ({", ".join(f"'{word}'" for word in sorted(DONE))})
    AND (coalesce(s.end_, s.start) IS NULL OR coalesce(s.end_, s.start) >= coalesce(:today, b.as_of))
    ORDER BY s.idx LIMIT 1)"""
"""The start of a brief's next stop (the first not done whose window has not ended), on today or its own as_of."""

ORDER_SQL = (
    "b.as_of DESC, b.title_key DESC",
    "b.as_of, b.title_key",
    "b.title_key",
    "b.pending DESC, b.as_of DESC",
    f"{_NEXT_START} IS NULL, {_NEXT_START}",
    "b.pending = 0, b.touched, b.title_key",
    None,
)
"""How each order of ``views.ORDERS`` sorts the briefs (after the ones with problems, which come first in every
order); None: sorted here, by the marks."""


def count(store: Store) -> tuple[int, int]:
    """How many files the library holds, and how many of them have problems."""
    with store.reading() as database:
        # Each from an index (count(*) from the smallest; ok = 0 a range of briefs_title): no scan of the rows.
        total = database.execute("SELECT count(*) FROM briefs").fetchone()[0]
        bad = database.execute("SELECT count(*) FROM briefs WHERE ok = 0").fetchone()[0]
    return int(total), int(bad)


def ordered(store: Store, order: int, today: dt.date | None, marks: Marks | None = None) -> Ids:
    """Every brief's id in ``order``, those with problems first."""
    import os

    sql = ORDER_SQL[order % len(ORDER_SQL)]
    if sql is not None and ":today" not in sql:
        return _kept_order(store, order % len(ORDER_SQL), sql)
    with store.reading() as database:
        if sql is not None:
            rows = database.execute(f"SELECT b.id FROM briefs b ORDER BY b.ok, {sql}",
                                    {"today": today.isoformat() if today else None})  # fmt: skip
            return array("q", (row[0] for row in rows))
        found = database.execute("SELECT b.id, b.ok, b.path, b.as_of, b.title_key FROM briefs b").fetchall()
    rank = {"new": 0, "updated": 1}
    marked = {os.fsencode(path): rank[mark.value] for path, mark in (marks or {}).items()}

    def key(row: tuple[int, int, bytes, str | None, str]) -> tuple[int, int, int, str]:
        as_of = _date(row[3])
        return (row[1], marked.get(row[2], 2), -(as_of.toordinal() if as_of else 0), row[4])

    found.sort(key=key)
    return array("q", (row[0] for row in found))


KEPT_ORDER = "ordered {}"
"""The name in the index's meta table of an order's ids as they were last worked out (``_kept_order``)."""


def _kept_order(store: Store, order: int, sql: str) -> Ids:
    """Every brief's id in ``order`` (one that does not depend on today), as kept in the index when the briefs are the
    ones it was worked out for: a second open of 100,000 briefs reads 800 KB, where sorting them took 30-40 ms.

    Kept under the count of briefs and the highest id: ids are never given twice, so any write that adds, changes
    (a new row) or removes a brief changes one of the two. The value is a cache file's, checked for its shape; kept
    from worker threads only, where waiting for a busy index does not hold up the screen."""
    import sqlite3
    import threading

    name = KEPT_ORDER.format(order)
    with store.reading() as database:
        # Two statements: each is answered from an index (both in one scans the table, four times as long).
        count = database.execute("SELECT count(*) FROM briefs").fetchone()[0]
        state = array("q", [count, database.execute("SELECT coalesce(max(id), 0) FROM briefs").fetchone()[0]])
        kept_row = database.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        value = kept_row[0] if kept_row is not None else None
        if type(value) is bytes and len(value) == 8 * (2 + state[0]) and value[:16] == state.tobytes():
            kept = array("q")
            kept.frombytes(value[16:])
            return kept
        ids = array("q", (row[0] for row in database.execute(f"SELECT b.id FROM briefs b ORDER BY b.ok, {sql}")))
        if threading.current_thread() is not threading.main_thread():
            with contextlib.suppress(sqlite3.OperationalError):  # busy: worked out again next time
                database.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (name, state.tobytes() + ids.tobytes()))
    return ids


def matching_briefs(store: Store, words: Sequence[str]) -> set[int]:
    """The briefs whose text holds every word, each as the start of one of its words (any case, any accent)."""
    query = fts_query(words)
    if query is None:
        return set()
    with store.reading() as database:
        # As one JSON array: a common letter matches nearly every brief, and 100,000 rows one by one cost twice as much.
        found = database.execute("SELECT json_group_array(rowid) FROM brief_text WHERE brief_text MATCH ?", (query,))
        text = found.fetchone()[0]
    return set(json.loads(text)) if type(text) is str else set()


def every_brief_matches(store: Store, words: Sequence[str]) -> bool:
    """True when every brief holds the words (a common letter): counted, which is cheaper than knowing which."""
    query = fts_query(words)
    if query is None:
        return False
    with store.reading() as database:
        matched = database.execute("SELECT count(*) FROM brief_text WHERE brief_text MATCH ?", (query,)).fetchone()[0]
        stale = database.execute("SELECT value FROM meta WHERE name = 'stale_text'").fetchone()[0]
        live = database.execute("SELECT count(*) FROM briefs").fetchone()[0]
    if type(stale) is not int:
        return False  # not what the index writes: the filter asks which briefs match instead
    # Of the rows matched, at most ``stale`` are text of briefs gone since: the rest are live briefs.
    return bool(matched - stale >= live)


def kept(ids: Ids, allowed: set[int]) -> Ids:
    """``ids`` in their order, those in ``allowed`` only."""
    if len(allowed) >= len(ids) and allowed.issuperset(ids):
        return ids  # a common letter: every brief
    return array("q", filter(allowed.__contains__, ids))


# -- the pending board ----------------------------------------------------------------------------------------------

PENDING_SQL = (
    "p.since IS NULL, p.since, b.title_key",
    "p.since IS NULL, p.since DESC, b.title_key",
    "b.title_key, p.since IS NULL, p.since",
    "p.awaited_key, p.since IS NULL, p.since",
)
"""How each order of ``views.PENDING_ORDERS`` sorts the pending confirmations."""


def pending_ordered(store: Store, order: int) -> tuple[Ids, Ids]:
    """Every pending confirmation's id in ``order``, and beside each the id of its brief."""
    sql = PENDING_SQL[order % len(PENDING_SQL)]
    with store.reading() as database:
        rows = database.execute(f"SELECT p.id, p.brief FROM pending p JOIN briefs b ON b.id = p.brief "
                                f"ORDER BY {sql}, p.id").fetchall()  # fmt: skip
    return array("q", (row[0] for row in rows)), array("q", (row[1] for row in rows))


def matching_rows(store: Store, table: str, words: Sequence[str]) -> set[int]:
    """The pending confirmations (``table`` "pending") or stops ("stops") whose own text holds every word."""
    assert table in ("pending", "stops")
    text = "pending_text" if table == "pending" else "stop_text"
    with store.reading() as database:
        rows = database.execute(f"SELECT t.rowid FROM {text} t JOIN {table} r ON r.id = t.rowid "
                                f"WHERE {text} MATCH ?", (fts_query(words),))  # fmt: skip
        return {row[0] for row in rows}


def board_kept(rows: Sequence[int], briefs: Sequence[int], own: set[int], of_briefs: set[int]) -> Ids:
    """A board's rows that a filter keeps: those whose own text holds its words, and every row of a brief that holds
    them all but in none of its rows ("hanoi" on the pending board: the confirmations of briefs that mention Hanoi)."""
    with_own = {brief for row, brief in zip(rows, briefs, strict=True) if row in own}
    return array("q", (row for row, brief in zip(rows, briefs, strict=True)
                       if row in own or (brief in of_briefs and brief not in with_own)))  # fmt: skip


def pending_row(store: Store, pending_id: int, load: Callable[[int], IndexedBrief | None]) -> tuple[Any, ...] | None:
    """(its brief, the pending confirmation) for the row ``pending_id``; ``load`` reads a brief (cached)."""
    brief_id = brief_of(store, "pending", pending_id)
    entry = load(brief_id) if brief_id is not None else None
    item = next((item for item in entry.pending if item.row == pending_id), None) if entry else None
    return (entry, item) if entry is not None and item is not None else None


def stop_row(store: Store, stop_id: int, load: Callable[[int], IndexedBrief | None]) -> tuple[Any, ...] | None:
    """(its brief, the stop) for the row ``stop_id``."""
    brief_id = brief_of(store, "stops", stop_id)
    entry = load(brief_id) if brief_id is not None else None
    item = next((stop for stop in entry.stops if stop.row == stop_id), None) if entry else None
    return (entry, item) if entry is not None and item is not None else None


# -- the agenda -----------------------------------------------------------------------------------------------------


def stops_for_agenda(store: Store) -> list[StopKey]:
    """Every stop, with what the agenda sorts and groups it by."""
    with store.reading() as database:
        rows = database.execute("SELECT s.id, s.start, s.end_, s.place, coalesce(s.country, ''), b.title, b.as_of "
                                "FROM stops s JOIN briefs b ON b.id = s.brief").fetchall()  # fmt: skip
    return [(row_id, _date(start), _date(end), str(place), str(country), str(title), _date(as_of))
            for row_id, start, end, place, country, title, as_of in rows]  # fmt: skip


def stops_within(store: Store, start: dt.date | None, end: dt.date | None) -> set[int]:
    """The stops whose dates meet the days from ``start`` to ``end`` (either open): not over before ``start``, not
    begun after ``end``. A stop with no dates is in none."""
    with store.reading() as database:
        rows = database.execute(
            "SELECT id FROM stops WHERE coalesce(start, end_) IS NOT NULL"
            " AND (? IS NULL OR coalesce(end_, start) >= ?) AND (? IS NULL OR coalesce(start, end_) <= ?)",
            (_iso(start), _iso(start), _iso(end), _iso(end)),
        ).fetchall()
    return {row_id for (row_id,) in rows}


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


_AGENDA_ROWS = (
    "SELECT s.id, coalesce(s.start, s.end_), coalesce(s.end_, s.start), s.place, coalesce(s.country, ''), '', NULL "
    "FROM stops s WHERE coalesce(s.start, s.end_) IS NOT NULL ORDER BY 2, 3, s.place, s.id",
    "SELECT s.id, NULL, NULL, s.place, '', '', NULL FROM stops s JOIN briefs b ON b.id = s.brief "
    "WHERE coalesce(s.start, s.end_) IS NULL ORDER BY b.as_of IS NOT NULL, b.as_of, s.place, s.id",
)
_AGENDA_GROUPED = {
    1: "SELECT s.id, s.start, s.end_, s.place, '', b.title, NULL FROM stops s JOIN briefs b ON b.id = s.brief "
       "ORDER BY lower(b.title), b.title, coalesce(s.start, s.end_) IS NULL, coalesce(s.start, s.end_), s.id",
    2: "SELECT s.id, s.start, s.end_, s.place, coalesce(s.country, ''), '', NULL FROM stops s "
       "ORDER BY lower(s.place || ', ' || coalesce(s.country, '')), s.place || ', ' || coalesce(s.country, ''), "
       "coalesce(s.start, s.end_) IS NULL, coalesce(s.start, s.end_), s.id",
}  # fmt: skip


def agenda_of(store: Store, today: dt.date | None, order: int) -> Agenda:
    """The library's agenda in ``order`` (``views.AGENDA_ORDERS``), sorted by the index and laid out a stop at a
    time: no list of every stop is held."""
    from briefing.library.views import AGENDA_ORDERS, by_week, grouped

    by = order % len(AGENDA_ORDERS)

    def rows(sql: str) -> Iterator[StopKey]:
        with store.reading() as database:
            for row_id, start, end, place, country, title, _as_of in database.execute(sql):
                yield (row_id, _date(start), _date(end), str(place), str(country), str(title), None)

    if by:
        return grouped(rows(_AGENDA_GROUPED[by]), by)
    return by_week(rows(_AGENDA_ROWS[0]), rows(_AGENDA_ROWS[1]), today)


def library_today(store: Store) -> dt.date | None:
    """The agenda's today, when none is given: the latest as_of in the library."""
    with store.reading() as database:
        # The latest of each kind (good or not) is the end of its range of an index on (ok, as_of): no scan.
        latest = database.execute("SELECT max(latest) FROM (SELECT max(as_of) AS latest FROM briefs WHERE ok = 0 "
                                  "UNION ALL SELECT max(as_of) FROM briefs WHERE ok = 1)").fetchone()[0]  # fmt: skip
    return _date(latest)


# -- measures for the columns ---------------------------------------------------------------------------------------


def _kept(store: Store, name: str) -> object:
    """The JSON value kept in the index's meta table under ``name``; None when there is none or it is not JSON (the
    index is a cache file: the caller checks the value's shape)."""
    with store.reading() as database:
        row = database.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
    try:
        return json.loads(row[0]) if row is not None and type(row[0]) is str else None
    except ValueError:
        return None


def longest(store: Store) -> dict[str, int]:
    """The longest text of each kind the views' columns show, over every row (so columns hold still as the filter
    changes): a brief's title, category, tags and pending count; a confirmation's claim and whom it is awaited from;
    a stop's place (with its country) and timing as reported. Kept in the index by ``measure`` after each change."""
    found = _kept(store, "longest")
    if type(found) is dict and all(type(value) is int for value in found.values()):
        return found
    return measure(store)


_NEXT_STOP_CELL = (
    "length(s.place) + 2 + s.approximate + CASE"
    " WHEN coalesce(s.start, s.end_) IS NULL THEN length('no dates') - s.approximate"
    " WHEN coalesce(s.start, s.end_) = coalesce(s.end_, s.start) THEN length('31 Dec 2024')"
    " WHEN substr(s.start, 1, 7) = substr(s.end_, 1, 7) THEN length('17–23 Jun 2024')"
    " WHEN substr(s.start, 1, 4) = substr(s.end_, 1, 4) THEN length('29 Jun – 12 Jul 2024')"
    " ELSE length('30 Dec 2024 – 10 Jan 2025') END"
)
"""The length of a stop's "place, window" (the library's "Next stop" cell), its window as long as the longest of
its kind: an upper bound, in SQL."""


def longest_next_stop(store: Store, today: dt.date | None) -> int:
    """The longest "Next stop" cell of the library on ``today`` (None: each brief on its own as_of), over the stops
    that can be a brief's next stop then: not done, and their window not ended (an undated one has not ended). 0
    when there is none: in an archive whose stops have all passed, the column is empty and gives the title its
    room. A scan of the stops (40-80 ms at 100,000 briefs), kept in the index for that day until it changes."""
    on = today.isoformat() if today is not None else "as-of"
    kept = _kept(store, "next_stop_on")
    if type(kept) is dict and kept.get("on") == on and type(kept.get("length")) is int:
        return int(kept["length"])
    done = sorted(DONE)
    not_done = f"s.status NOT IN ({', '.join('?' * len(done))})"
    not_ended = "(coalesce(s.end_, s.start) IS NULL OR coalesce(s.end_, s.start) >= {})"
    with store.reading() as database:
        if today is None:
            sql = f"FROM stops s JOIN briefs b ON b.id = s.brief WHERE {not_done} AND {not_ended.format('b.as_of')}"
            (found,) = database.execute(f"SELECT max({_NEXT_STOP_CELL}) {sql}", done).fetchone()
        else:
            sql = f"FROM stops s WHERE {not_done} AND {not_ended.format('?')}"
            (found,) = database.execute(f"SELECT max({_NEXT_STOP_CELL}) {sql}", (*done, on)).fetchone()
        length = int(found or 0)
        kept_now = json.dumps({"on": on, "length": length})
        database.execute("INSERT OR REPLACE INTO meta VALUES ('next_stop_on', ?)", (kept_now,))
    return length


def measure(store: Store) -> dict[str, int]:
    """Measure the longest texts (``longest``) afresh and keep them in the index; ``longest_next_stop`` measures
    again on its next call."""
    with store.reading() as database:
        database.execute("DELETE FROM meta WHERE name = 'next_stop_on'")
        title, category, tags, pending = database.execute(
            "SELECT max(length(title)), max(length(category)), max(length(tags)), max(pending) FROM briefs WHERE ok"
        ).fetchone()
        what, awaited = database.execute("SELECT max(length(what)), max(length(awaited_key)) FROM pending").fetchone()
        place, reported = database.execute(
            "SELECT max(length(place) + length(coalesce(country, '')) + 2), max(length(reported)) FROM stops"
        ).fetchone()
    found = {"title": title, "category": category, "tags": tags, "pending": pending, "what": what,
             "awaited": awaited, "place": place, "reported": reported}  # fmt: skip
    measured = {name: int(value or 0) for name, value in found.items()}
    with store.reading() as database:
        database.execute("INSERT OR REPLACE INTO meta VALUES ('longest', ?)", (json.dumps(measured),))
    return measured


# -- for marks, and the palette -------------------------------------------------------------------------------------


def known(store: Store) -> list[Known]:
    """Every readable brief's path, size, mtime and digest: what the new and updated marks are worked out from."""
    import os

    from briefing.library.marks import Known

    with store.reading() as database:
        rows = database.execute("SELECT path, size, mtime_ns, digest FROM briefs WHERE ok").fetchall()
    return [Known(os.fsdecode(path), size, mtime, digest) for path, size, mtime, digest in rows if type(path) is bytes]


def palette_candidates(store: Store, needle: str, most: int) -> list[tuple[str, str, str, str | None, int | None]]:
    """Up to ``most`` things the palette can jump to whose name holds ``needle``'s letters in order (any case): as
    (label, kind, path, section, item index)."""
    import os

    pattern = "%" + "%".join(_like(character) for character in needle.casefold()) + "%"
    found: list[tuple[str, str, str, str | None, int | None]] = []
    with store.reading() as database:
        for path, title in database.execute(
            "SELECT path, title FROM briefs WHERE title_key LIKE ? ESCAPE '\\' ORDER BY as_of DESC LIMIT ?",
            (pattern, most),
        ):
            found.append((str(title), "Brief", os.fsdecode(path), None, None))
        for path, what, idx in database.execute(
            "SELECT b.path, p.what, p.idx FROM pending p JOIN briefs b ON b.id = p.brief WHERE lower(p.what) LIKE ? "
            "ESCAPE '\\' LIMIT ?", (pattern, most),
        ):  # fmt: skip
            found.append((str(what), "Pending", os.fsdecode(path), "confirmations", idx))
        for path, place, title, idx in database.execute(
            "SELECT b.path, s.place, b.title, s.idx FROM stops s JOIN briefs b ON b.id = s.brief "
            "WHERE lower(s.place || ' · ' || b.title) LIKE ? ESCAPE '\\' LIMIT ?", (pattern, most),
        ):  # fmt: skip
            found.append((f"{place} · {title}", "Stop", os.fsdecode(path), "itinerary", idx))
    return found


def newest_titles(store: Store, most: int) -> list[tuple[str, str]]:
    """The newest briefs' titles and paths, as the list's "newest first" has them, then the files with problems (which
    have no date), by title: what the empty palette offers. Each read from an index, not by sorting every brief (30 ms
    at 100,000)."""
    import os

    with store.reading() as database:
        rows = database.execute("SELECT title, path FROM briefs WHERE ok = 1 ORDER BY as_of DESC, title_key DESC "
                                "LIMIT ?", (most,)).fetchall()  # fmt: skip
        if len(rows) < most:
            rows += database.execute("SELECT title, path FROM briefs WHERE ok = 0 ORDER BY title_key LIMIT ?",
                                     (most - len(rows),)).fetchall()  # fmt: skip
    return [(str(title), os.fsdecode(path)) for title, path in rows]


def _like(character: str) -> str:
    return "\\" + character if character in "%_\\" else character
