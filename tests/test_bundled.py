"""The bundled brief is the package's own file: it opens read-only, and `S` saves a copy that then opens to edit."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from briefing.system.content import bundled_content_dir, is_bundled
from briefing.ui.dialogs.export import SaveCopyForm
from briefing.ui.dialogs.resolve import ResolveForm
from briefing.ui.screens.brief import BriefScreen
from tests.apps import make_app, messages, settle, wait_until
from tests.conftest import SEED

TODAY = dt.date(2024, 6, 20)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_only_the_bundled_briefs_are_bundled(tmp_path: Path, brief_copy: Path) -> None:
    assert is_bundled(SEED) and SEED.parent == bundled_content_dir()
    assert not is_bundled(brief_copy)
    link = tmp_path / "link.toml"
    link.symlink_to(SEED)
    assert is_bundled(link), "a link to the bundled brief leads to the package's file"
    assert not is_bundled(tmp_path / "missing.toml")


@pytest.mark.parametrize("keys", [["3", "c"], ["3", "d"], ["e"]])
async def test_the_bundled_brief_is_never_written(keys: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VISUAL", "/bin/false-editor-that-must-not-run")
    before = _digest(SEED)
    app = make_app(SEED, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert str(app.screen.query_one("#brief-header", Static).visual).startswith(" Read only "), "it says so"
        for key in keys:
            await pilot.press(key)
        await wait_until(pilot, lambda: any("read-only" in said for said in messages(app)))
        assert not isinstance(app.screen, ResolveForm)
        said = [line for line in messages(app) if "read-only" in line]
        assert said and "S to save a copy" in said[0]
    assert _digest(SEED) == before


async def test_p_on_the_bundled_brief_is_refused_by_the_session_too() -> None:
    app = make_app(SEED, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        from briefing.system.files import SaveError

        with pytest.raises(SaveError, match="read-only"):
            app.session.reopen("visit-dates")


async def test_s_saves_a_byte_identical_copy_that_then_opens_to_edit(tmp_path: Path) -> None:
    target = tmp_path / "mine.toml"
    app = make_app(SEED, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("S")
        await wait_until(pilot, lambda: isinstance(app.screen, SaveCopyForm))
        field = app.screen.query_one("#export-path", Input)
        assert field.value.endswith(SEED.name), "the copy is offered under the brief's own name"
        field.value = str(target)
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.session.path == target and isinstance(app.screen, BriefScreen))
        await settle(pilot)
        assert target.read_bytes() == SEED.read_bytes()
        assert not app.session.read_only
        assert "Read only" not in str(app.screen.query_one("#brief-header", Static).visual)
        await pilot.press("3", "c")
        await wait_until(pilot, lambda: isinstance(app.screen, ResolveForm))


async def test_s_offers_the_content_folder_of_the_settings(tmp_path: Path) -> None:
    from briefing.format.load import load_path
    from briefing.system.settings import Settings
    from briefing.ui.app import BriefingApp

    folder = tmp_path / "briefs"
    folder.mkdir()
    app = BriefingApp(SEED, load_path(SEED), today=TODAY, settings=Settings(content=(folder,)))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("S")
        await wait_until(pilot, lambda: isinstance(app.screen, SaveCopyForm))
        assert app.screen.query_one("#export-path", Input).value == str(folder / SEED.name)


async def test_s_is_not_offered_on_a_brief_of_ones_own(brief_copy: Path) -> None:
    app = make_app(brief_copy, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("S")
        await pilot.pause()
        assert isinstance(app.screen, BriefScreen)
        assert "Read only" not in str(app.screen.query_one("#brief-header", Static).visual)
    assert os.path.exists(brief_copy)
