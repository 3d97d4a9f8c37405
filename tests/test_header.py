"""The header says what is open: the file, its place in the library's list, read-only or a past version, and
whether the file on disk has problems; the date ages count to stays at its right. The section tabs carry counts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from textual.screen import Screen
from textual.widgets import Static

from briefing.library.index import Library
from briefing.ui.app import BriefingApp
from briefing.ui.screens.brief import BriefScreen
from briefing.ui.widgets.brief_header import BriefHeader
from tests.apps import make_app, on_each_frame, settle, wait_until
from tests.test_library import make_library

TODAY = dt.date(2024, 6, 20)


def header(app: BriefingApp) -> str:
    return str(app.screen.query_one(BriefHeader).visual)


def tabs(app: BriefingApp) -> str:
    return str(app.screen.query_one("#sections", Static).visual)


async def test_the_header_names_the_file_and_keeps_the_date_at_the_right(story_copy: Path) -> None:
    app = make_app(story_copy, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert header(app).startswith(f" {story_copy}")
        assert header(app).endswith(" today 20 Jun 2024 ") and len(header(app)) == 120
        assert "brief " not in header(app) and "Read only" not in header(app)


async def test_a_brief_opened_from_the_library_says_where_it_is_in_the_list(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    make_library(folder, 5)
    app = BriefingApp(None, None, library=Library([folder], tmp_path / "cache"))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: getattr(app.screen, "indexing", 0) is None)
        await pilot.press("j", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, BriefScreen))
        await settle(pilot)
        assert "  ·  brief 2 of 5" in header(app)
        await pilot.press("right_square_bracket")
        await wait_until(pilot, lambda: "brief 3 of 5" in header(app))


async def test_the_header_marks_a_file_on_disk_with_problems_and_clears_when_mended(story_copy: Path) -> None:
    good = story_copy.read_text(encoding="utf-8")
    app = make_app(story_copy, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        story_copy.write_text(good.replace('status = "pending"', 'status = "maybe"', 1), encoding="utf-8")
        await wait_until(pilot, lambda: "⚠ the file on disk has 1 problem" in header(app))
        story_copy.write_text(good, encoding="utf-8")
        await wait_until(pilot, lambda: "⚠" not in header(app))


async def test_at_80_columns_the_date_stays_and_the_name_gives_way(tmp_path: Path) -> None:
    long_name = tmp_path / ("a-very-long-folder-name-" * 3) / "a-brief-with-a-long-name-too.toml"
    long_name.parent.mkdir()
    long_name.write_bytes((Path(__file__).parent / "data" / "story.toml").read_bytes())
    app = make_app(long_name, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        shown = header(app)
        assert shown.startswith(" a-brief-with-a-long-name-too.toml"), "the folder goes first"
        assert shown.endswith(" today 20 Jun 2024 ") and len(shown) == 80


async def test_the_tabs_count_items_and_what_is_pending(story_copy: Path) -> None:
    app = make_app(story_copy, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert tabs(app).startswith(" 1 Summary   2 Quotes (1)   3 Pending (2)   4 Itinerary (2)   5 Sources (2) ")
        await pilot.press("slash", *"kremlin")
        await wait_until(pilot, lambda: "“kremlin” 1/4" in tabs(app))
        assert "(" not in tabs(app) and len(tabs(app)) <= 80, "at 80 columns the counts give way to the find's"
    app = make_app(story_copy, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"kremlin")
        await wait_until(pilot, lambda: "“kremlin” 1/4" in tabs(app))
        assert "3 Pending (2)" in tabs(app) and "2 Quotes (1)" in tabs(app)


async def test_the_first_frame_has_the_whole_header_and_the_counts(story_copy: Path) -> None:
    """They were drawn at no width before their first layout, and came whole a frame later."""
    app = make_app(story_copy, TODAY)
    first: list[tuple[str, str]] = []

    def drawn(screen: Screen[Any]) -> None:
        if not first and isinstance(app.screen, BriefScreen):
            first.append((header(app), tabs(app)))

    on_each_frame(app, drawn)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: bool(first))
    ((first_header, first_tabs),) = first
    assert first_header.startswith(f" {story_copy}") and first_header.endswith(" today 20 Jun 2024 ")
    assert "3 Pending (" in first_tabs
