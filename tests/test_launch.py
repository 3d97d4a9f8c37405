"""The `briefing` command holds off the cycle collector while it starts; the app turns it back on."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

import briefing.cli
import briefing.ui.app
from briefing import launch
from briefing.library.index import Library
from briefing.ui.app import BriefingApp
from briefing.ui.screens.library import LibraryScreen
from tests.apps import make_app, wait_until
from tests.test_library import make_library


@pytest.fixture
def collector_restored() -> Iterator[None]:
    """The collector on again after the test (conftest's collector_unfrozen unfreezes after every test)."""
    try:
        yield
    finally:
        gc.enable()


def test_the_command_starts_with_the_collector_off(monkeypatch: pytest.MonkeyPatch, collector_restored: None) -> None:
    seen: list[bool] = []

    def main() -> int:
        seen.append(gc.isenabled())
        return 0

    monkeypatch.setattr(briefing.cli, "main", main)
    assert launch.main() == 0
    assert seen == [False]


async def test_the_app_turns_the_collector_back_on_and_freezes_what_start_up_built(
    monkeypatch: pytest.MonkeyPatch, collector_restored: None
) -> None:
    # Long enough that a loaded machine has the app up before it: the collector is still off then.
    monkeypatch.setattr(briefing.ui.app, "COLLECT_AFTER_SECONDS", 1.5)
    gc.disable()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        assert not gc.isenabled()
        await wait_until(pilot, gc.isenabled)
        assert gc.get_freeze_count() > 0


async def test_the_app_leaves_a_collector_that_was_on_unfrozen(collector_restored: None) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(briefing.ui.app.COLLECT_AFTER_SECONDS + 0.2)
        assert gc.isenabled()
        assert gc.get_freeze_count() == 0


async def test_in_the_library_the_indexing_turns_the_collector_back_on(
    tmp_path: Path, collector_restored: None
) -> None:
    make_library(tmp_path / "lib", 5)
    gc.disable()
    app = BriefingApp(None, None, library=Library([tmp_path / "lib"], tmp_path / "cache"))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        # The indexing turns it on as it ends, before the screen shows the index whole.
        await wait_until(pilot, lambda: screen.settled)
        assert gc.isenabled()
