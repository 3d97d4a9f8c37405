"""Undo: u takes back the last c, d or p of this session on the open brief, and the file is byte for byte what it
was; never over a change made since; p asks before it discards a resolution someone typed."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import stat
from pathlib import Path

import pytest

from briefing.format.load import load_path
from briefing.format.model import ConfirmationStatus
from briefing.session import NothingToUndo, Session
from briefing.system.files import ConflictError
from briefing.ui.dialogs.ask import Ask
from briefing.ui.dialogs.resolve import ResolveForm
from briefing.ui.screens.brief import BriefScreen
from tests.apps import make_app, messages, settle, wait_until
from tests.conftest import DATA

TODAY = dt.date(2024, 6, 20)


def opened(path: Path) -> Session:
    return Session(path, load_path(path), TODAY)


def test_undo_puts_the_file_back_byte_for_byte_edit_by_edit(story_copy: Path) -> None:
    os.chmod(story_copy, 0o640)
    original = story_copy.read_bytes()
    session = opened(story_copy)
    session.resolve("visit-dates", ConfirmationStatus.CONFIRMED, dt.date(2024, 6, 21), "Announced.", what="first")
    confirmed = story_copy.read_bytes()
    session.reload()
    session.resolve("vietnam-agenda", ConfirmationStatus.DENIED, dt.date(2024, 6, 21), "Called off.", what="second")
    assert story_copy.read_bytes() not in (original, confirmed)
    assert session.undo().what == "second"
    assert story_copy.read_bytes() == confirmed
    assert session.undo().what == "first"
    assert story_copy.read_bytes() == original
    assert stat.S_IMODE(story_copy.stat().st_mode) == 0o640
    with pytest.raises(NothingToUndo, match=r": each c, d and p of this session is undone$"):
        session.undo()


def test_undo_never_overwrites_a_change_made_since_the_edit(story_copy: Path) -> None:
    session = opened(story_copy)
    session.resolve("visit-dates", ConfirmationStatus.CONFIRMED, dt.date(2024, 6, 21), "Announced.")
    changed = story_copy.read_text(encoding="utf-8").replace("next week", "the week after", 1)
    story_copy.write_text(changed, encoding="utf-8")
    with pytest.raises(ConflictError, match="has changed since that edit"):
        session.undo()
    assert story_copy.read_text(encoding="utf-8") == changed
    assert len(session.edits) == 1, "the edit is still there to undo once the change is taken back"


def test_undo_is_for_the_brief_that_is_open(story_copy: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.toml"
    shutil.copy(story_copy, other)
    session = opened(story_copy)
    session.resolve("visit-dates", ConfirmationStatus.CONFIRMED, dt.date(2024, 6, 21), "Announced.")
    edited = story_copy.read_bytes()
    session.open(other)
    with pytest.raises(NothingToUndo, match=r": no c, d or p this session$"):
        session.undo()
    assert story_copy.read_bytes() == edited
    session.open(story_copy)
    session.undo()
    assert story_copy.read_bytes() == other.read_bytes()


async def test_u_in_the_app_undoes_a_confirm(story_copy: Path) -> None:
    original = story_copy.read_bytes()
    app = make_app(story_copy, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("3", "c")
        await wait_until(pilot, lambda: isinstance(app.screen, ResolveForm))
        await pilot.press(*"Announced", "enter")
        await wait_until(pilot, lambda: story_copy.read_bytes() != original)
        await wait_until(pilot, lambda: len(app.result.brief.pending) == 1)  # type: ignore[union-attr]
        await pilot.press("u")
        await wait_until(pilot, lambda: story_copy.read_bytes() == original)
        await wait_until(pilot, lambda: len(app.result.brief.pending) == 2)  # type: ignore[union-attr]
        assert any(
            said.startswith("Undone: “The dates of Putin's visit to North Korea” confirmed") for said in messages(app)
        )
        await pilot.press("u")
        await wait_until(pilot, lambda: messages(app)[-1].startswith("Nothing to undo in"))


async def test_p_asks_before_it_discards_a_resolution(tmp_path: Path) -> None:
    path = tmp_path / "full.toml"
    shutil.copy(DATA / "full.toml", path)
    before = path.read_bytes()
    app = make_app(path, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        brief = app.result.brief
        assert brief is not None
        resolved = next(i for i, item in enumerate(brief.confirmations) if item.resolution)
        await pilot.press("3", *["j"] * resolved, "p")
        await wait_until(pilot, lambda: isinstance(app.screen, Ask))
        resolution = brief.confirmations[resolved].resolution
        assert resolution and resolution in str(app.screen.query_one("#ask-question").visual)  # type: ignore[attr-defined]
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, BriefScreen))
        assert path.read_bytes() == before
        await pilot.press("p")
        await wait_until(pilot, lambda: isinstance(app.screen, Ask))
        await pilot.press("y")
        await wait_until(pilot, lambda: path.read_bytes() != before)
        await pilot.press("u")
        await wait_until(pilot, lambda: path.read_bytes() == before)
