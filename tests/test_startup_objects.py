"""A run of its own sets the start's objects apart from the garbage collector once the first screen is drawn (its
full passes then take a fraction of the time, in the middle of whatever key comes); an app made by a test does
not, unless asked."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.format.load import load_path
from briefing.ui.app import BriefingApp
from tests.apps import settle, wait_until
from tests.conftest import SEED

TODAY = dt.date(2024, 6, 20)


@pytest.fixture
def unfrozen() -> Iterator[None]:
    gc.unfreeze()
    yield
    gc.unfreeze()


async def test_the_objects_of_the_start_are_frozen_once_the_first_screen_is_drawn(
    unfrozen: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    freeze = gc.freeze

    def counted() -> None:
        calls.append(1)
        freeze()

    monkeypatch.setattr(gc, "freeze", counted)
    collected: list[int] = []

    def collect(generation: int = 2) -> int:
        collected.append(generation)
        return 0

    monkeypatch.setattr(gc, "collect", collect)
    app = BriefingApp(SEED, load_path(SEED), today=TODAY, freeze_startup=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await wait_until(pilot, lambda: gc.get_freeze_count() > 0)
        assert app.screen.query("SummaryPane #part-body")  # after the first screen
        await pilot.press("2", "1")
        await settle(pilot)
        assert calls == [1]
    # No full pass on the screen's thread for it: that took 27-32 ms, just when a first key comes.
    assert collected == []


async def test_the_library_freezes_its_start_too(unfrozen: None, tmp_path: Path) -> None:
    from briefing.library.index import Library

    (tmp_path / "a.toml").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    app = BriefingApp(None, None, today=TODAY, library=Library([tmp_path]), freeze_startup=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: gc.get_freeze_count() > 0)


async def test_an_app_not_asked_freezes_nothing(unfrozen: None) -> None:
    app = BriefingApp(SEED, load_path(SEED), today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2", "1")
        await settle(pilot)
        assert gc.get_freeze_count() == 0
