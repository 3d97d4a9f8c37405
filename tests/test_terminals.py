"""Any terminal size from 20x6 up, and resizing while running: never a crash; too small says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from briefing.format.load import load_path
from briefing.library.index import Library
from briefing.ui.app import BriefingApp
from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.detail import DetailScreen
from briefing.ui.screens.errors import ErrorScreen
from briefing.ui.screens.library import LibraryScreen
from briefing.ui.screens.too_small import MIN_SIZE, TooSmallScreen
from tests.apps import make_app, settle, wait_until
from tests.conftest import DATA, MINIMAL_BRIEF, ROOT

SIZES = [(20, 6), (30, 8), (39, 10), (40, 9), (40, 10), (41, 11), (60, 15), (99, 30), (100, 30), (250, 80)]


async def walk(pilot: Pilot[None]) -> None:
    """Every pane, a detail, find, the help and the palette; back out of each."""
    for keys in (("2",), ("j", "enter"), ("escape",), ("3", "G"), ("4",), ("5", "enter"), ("escape", "1", "G")):
        await pilot.press(*keys)
        await pilot.pause()
    await pilot.press("/", "k", "enter", "escape", "question_mark")
    await pilot.pause()
    await pilot.press("escape", "ctrl+p")
    await pilot.pause()
    await pilot.press("escape")
    await pilot.pause()


# Outside coverage's tracer, which doubled its time (see the README's note on the test command).
@pytest.mark.no_cover
@pytest.mark.parametrize(("width", "height"), SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_the_brief_at_any_size(width: int, height: int) -> None:
    app = make_app(DATA / "full.toml")
    async with app.run_test(size=(width, height)) as pilot:
        await settle(pilot)
        small = width < MIN_SIZE.width or height < MIN_SIZE.height
        assert isinstance(app.screen, TooSmallScreen) == small
        await walk(pilot)
        assert app.is_running
        assert isinstance(app.screen, TooSmallScreen) == small


async def test_resizing_while_running_covers_and_uncovers_the_screen_keeping_its_state() -> None:
    app = make_app(DATA / "full.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("3", "j", "enter")
        assert isinstance(app.screen, DetailScreen)
        for size in ((60, 20), (20, 6), (39, 40), (120, 9), (25, 7), (80, 24)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert isinstance(app.screen, TooSmallScreen) == (size[0] < 40 or size[1] < 10), size
        assert isinstance(app.screen, DetailScreen), "the detail is still open under the notice"
        assert "A draft text by Friday" in str(app.screen.rows)
        await pilot.press("escape")
        assert isinstance(app.screen, BriefScreen)
        assert app.screen.section == "confirmations"


async def test_q_quits_from_the_too_small_notice() -> None:
    app = make_app()
    async with app.run_test(size=(20, 6)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.press("j", "enter", "3")
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


@pytest.mark.parametrize("size", [(20, 6), (40, 10), (200, 60)])
async def test_the_library_and_the_error_view_at_any_size(size: tuple[int, int], tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(MINIMAL_BRIEF.replace('title = "Minimal"', "title = 3"), encoding="utf-8")
    library = BriefingApp(None, None, library=Library([ROOT / "content", DATA / "full.toml", bad]))
    async with library.run_test(size=size) as pilot:
        screen = library.screen_stack[0]
        assert isinstance(screen, LibraryScreen)
        await wait_until(pilot, lambda: screen.settled)
        for key in ("j", "s", "p", "a", "l", "/", "x", "escape", "enter"):
            await pilot.press(key)
            await pilot.pause()
        assert library.is_running
    errors = BriefingApp(bad, load_path(bad))
    async with errors.run_test(size=size) as pilot:
        await pilot.pause()
        assert isinstance(errors.screen, TooSmallScreen if size == (20, 6) else ErrorScreen)
        await pilot.press("j", "enter", "escape")
        assert errors.is_running


def test_the_too_small_notice(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), terminal_size=(30, 8))
