"""The library's list and boards fit the screen: no horizontal scrollbar, no cell cut that had room, and at 80
columns the columns that matter most."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefing.library.entries import IndexedBrief
from briefing.library.index import Library
from briefing.ui.app import BriefingApp
from briefing.ui.screens.library import Line
from briefing.ui.widgets.rowlist import RowList
from tests.test_library_app import library_app, ready, rows

__all__ = ["library_app"]

SIZES = [(80, 24), (120, 40), (200, 50)]


def drawn_lines(row_list: RowList[object]) -> list[str]:
    return ["".join(segment.text for segment in row_list.render_line(y)) for y in range(row_list.size.height)]


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("view", ["l", "p", "a"])
async def test_no_view_is_wider_than_the_screen(library_app: BriefingApp, size: tuple[int, int], view: str) -> None:
    async with library_app.run_test(size=size) as pilot:
        screen = await ready(pilot)
        await pilot.press(view)
        row_list = rows(screen)
        await pilot.pause()
        assert not row_list.show_horizontal_scrollbar
        assert row_list.virtual_size.width == row_list.scrollable_content_region.width
        width = row_list.scrollable_content_region.width
        header = str(screen.query_one("#library-columns", Line).render())
        assert len(header.rstrip()) <= width
        for line in drawn_lines(row_list):
            assert len(line) == width


@pytest.mark.parametrize("size", [(120, 40), (200, 50)], ids=lambda size: f"{size[0]}x{size[1]}")
async def test_the_next_stop_is_never_cut_where_there_is_room(library_app: BriefingApp, size: tuple[int, int]) -> None:
    async with library_app.run_test(size=size) as pilot:
        screen = await ready(pilot)
        row_list = rows(screen)
        lines = drawn_lines(row_list)
        stops = {y: screen._cells(row)[-1] for y, row in enumerate(row_list.rows[: len(lines)])
                 if isinstance(row, IndexedBrief) and row.ok}  # fmt: skip
        assert sum(1 for stop in stops.values() if stop) >= 3, "the fixture has next stops"
        for y, stop in stops.items():
            assert stop in lines[y]


async def test_at_80_columns_the_agenda_keeps_its_certainty(library_app: BriefingApp) -> None:
    async with library_app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await pilot.press("a")
        header = str(screen.query_one("#library-columns", Line).render())
        assert "Certainty" in header and "Window" in header and "Brief" in header
        assert "As reported" not in header


async def test_where_the_stops_have_passed_the_title_takes_the_next_stops_room(
    library_app: BriefingApp, tmp_path: Path
) -> None:
    widths: dict[dt.date | None, tuple[int, ...]] = {}
    cells: dict[dt.date | None, list[str]] = {}
    for today in (None, dt.date(2030, 1, 1)):
        app = BriefingApp(None, None, today=today, library=Library([Path("lib")], tmp_path / "cache"))
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await ready(pilot)
            widths[today] = screen._widths()
            cells[today] = [screen._cells(row)[-1] for row in rows(screen).rows if isinstance(row, IndexedBrief)]
    later = dt.date(2030, 1, 1)
    assert {cell.endswith("no dates") for cell in cells[later] if cell} == {True}, "by 2030 only undated stops are next"
    assert max(len(cell) for cell in cells[later]) <= widths[later][-1] < widths[None][-1]
    assert widths[later][2] > widths[None][2], "the title has the room"
