"""The pending board and the agenda for scripts: plain text, CSV, JSON or Markdown (``briefing pending`` and
``briefing agenda``). Rows come from ``briefing.library.boards``, in the app's order and under its filter."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator
from typing import Any

from briefing.library.boards import COLUMNS, BoardRow, pending_band, pending_cells, stop_cells
from briefing.library.entries import PendingItem, StopItem
from briefing.library.views import AgendaHeading, TodayLine, pending_age
from briefing.present.ages import Thresholds
from briefing.present.columns import GAP, fit
from briefing.present.wording import day
from briefing.system.sanitize import escaped, safe_json

BOARD_FORMATS = ("text", "csv", "json", "markdown")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet may read as the start of a formula (OWASP's list): such a cell is written with a ' first."""


def spreadsheet_safe(cell: str) -> str:
    """A CSV cell a spreadsheet shows as text, never runs: one that could start a formula gets a leading '."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def pending_record(row: BoardRow, today: dt.date | None, thresholds: Thresholds) -> dict[str, Any]:
    """A pending confirmation as data: what JSON and CSV carry."""
    entry, item = row.entry, row.item
    assert entry is not None and isinstance(item, PendingItem)
    age = pending_age(entry, item, today)
    return {
        "brief": entry.path, "brief_title": entry.title, "id": item.id, "what": item.what,
        "awaited_from": list(item.awaited_from), "since": _iso(item.since), "age_days": age,
        "age": pending_band(entry, item, today, thresholds).name.lower() if age is not None else None,
    }  # fmt: skip


def stop_record(row: BoardRow, week: str) -> dict[str, Any]:
    """A stop as data: what JSON and CSV carry."""
    entry, item = row.entry, row.item
    assert entry is not None and isinstance(item, StopItem)
    return {
        "brief": entry.path, "brief_title": entry.title, "place": item.place, "country": item.country,
        "start": _iso(item.start), "end": _iso(item.end), "approximate": item.approximate, "when": item.when,
        "certainty": item.certainty, "status": item.status, "waits_on_confirmation": item.unconfirmed, "week": week,
    }  # fmt: skip


def records(
    view: str, rows: Iterable[BoardRow], today: dt.date | None, thresholds: Thresholds
) -> Iterator[dict[str, Any]]:
    """Each item's record, in order; an agenda's stop carries the heading it is under."""
    week = ""
    for row in rows:
        if isinstance(row.marker, AgendaHeading):
            week = row.marker.label
        elif row.marker is None:
            yield pending_record(row, today, thresholds) if view == "pending" else stop_record(row, week)


def cells(
    row: BoardRow, today: dt.date | None, agenda_today: dt.date | None, thresholds: Thresholds
) -> tuple[str, ...]:
    entry, item = row.entry, row.item
    assert entry is not None
    if isinstance(item, PendingItem):
        return pending_cells(entry, item, today, thresholds)
    assert isinstance(item, StopItem)
    return stop_cells(entry, item, agenda_today)


def marker_line(row: BoardRow, today: dt.date | None) -> str:
    if isinstance(row.marker, AgendaHeading):
        return f"── {row.marker.label}"
    assert isinstance(row.marker, TodayLine)
    return f"━━ {'today' if today else 'as of'} {day(row.marker.today)} ━━"


def write_board(
    view: str,
    output: str,
    rows: Iterable[BoardRow],
    *,
    today: dt.date | None,
    agenda_today: dt.date | None,
    thresholds: Thresholds,
    width: int | None,
) -> str:
    """The board in ``output`` (one of BOARD_FORMATS); ``width``: fit the text to it (None: cells whole)."""
    if output == "json":
        return safe_json(list(records(view, rows, today, thresholds)), indent=2) + "\n"
    if output == "csv":
        buffer = io.StringIO()
        writer: Any = None
        for record in records(view, rows, today, thresholds):
            if writer is None:
                writer = csv.DictWriter(buffer, fieldnames=list(record), lineterminator="\n")
                writer.writeheader()
            # CSV has no escapes of its own: the brief's path (the one cell not from the loader, which cleans text)
            # is written as the text output shows it.
            record["brief"] = escaped(record["brief"])
            writer.writerow({key: spreadsheet_safe(_csv_text(value)) for key, value in record.items()})
        return buffer.getvalue()
    names = tuple(column.name for column in COLUMNS[view])
    if output == "markdown":
        return _markdown(names, rows, today, agenda_today, thresholds)
    return _text(view, names, list(rows), today, agenda_today, thresholds, width)


def _csv_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "; ".join(value)
    return str(value)


def _markdown(
    names: tuple[str, ...], rows: Iterable[BoardRow], today: dt.date | None, agenda_today: dt.date | None,
    thresholds: Thresholds,
) -> str:  # fmt: skip
    from briefing.export.markdown_escape import cell

    out: list[str] = []
    header = ["| " + " | ".join(names) + " |", "|" + "---|" * len(names)]
    in_table = False
    for row in rows:
        if row.marker is not None:
            shown = f"### {cell(row.marker.label)}" if isinstance(row.marker, AgendaHeading) else (
                f"**{marker_line(row, today).strip('━ ')}**")  # fmt: skip
            out += [*([""] if out and out[-1] else []), shown, ""]
            in_table = False
        else:
            if not in_table:
                out += header
                in_table = True
            texts = cells(row, today, agenda_today, thresholds)
            out.append("| " + " | ".join(cell(text) for text in texts) + " |")  # cell() escapes a pipe itself
    return "\n".join(out).rstrip("\n") + "\n"


def _text(
    view: str, names: tuple[str, ...], rows: list[BoardRow], today: dt.date | None, agenda_today: dt.date | None,
    thresholds: Thresholds, width: int | None,
) -> str:  # fmt: skip
    from briefing.present.columns import content_widths

    table = [cells(row, today, agenda_today, thresholds) if row.marker is None else None for row in rows]
    longest = content_widths([names, *(texts for texts in table if texts is not None)], len(names))
    widths = tuple(longest) if width is None else fit(width, COLUMNS[view], longest)
    out = [_line(names, widths)]
    for row, texts in zip(rows, table, strict=True):
        out.append(marker_line(row, today) if texts is None else _line(texts, widths))
    return "\n".join(line.rstrip() for line in out) + "\n"


def _line(texts: tuple[str, ...], widths: tuple[int, ...]) -> str:
    """The cells side by side, each cut (with …) or padded to its column's width in terminal cells: a wide
    character (東京) takes two."""
    from rich.cells import cell_len, set_cell_size

    parts = []
    for text, size in zip(texts, widths, strict=True):
        if not size:
            continue
        shown = text if cell_len(text) <= size else set_cell_size(text, max(0, size - 1)) + "…"
        parts.append(set_cell_size(shown, size))
    return (" " * GAP).join(parts)
