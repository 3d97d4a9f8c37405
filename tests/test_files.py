"""Files going wrong under the app: permissions, a directory in the file's place, two apps at once.

(A full disk during a save: tests/test_edit.py.)
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from textual.widgets import Input

from briefing.format.load import load_path
from briefing.system.paths import display_path
from briefing.ui.dialogs.resolve import ResolveForm
from briefing.ui.panes.base import ItemList
from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.errors import ProblemList
from tests.apps import make_app, settle, wait_until
from tests.test_authoring import notes, panel, shown_title

TITLE = "Putin Likely To Visit North Korea Next Week"


def test_permission_denied_is_a_problem_not_a_crash(brief_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_open = os.open

    def refusing_open(file: str, *args: int) -> int:
        if file == str(brief_copy):
            raise PermissionError(errno.EACCES, "Permission denied", str(brief_copy))
        return real_open(file, *args)

    monkeypatch.setattr("os.open", refusing_open)
    (problem,) = load_path(brief_copy).problems
    assert (problem.file, problem.message) == (str(brief_copy), "permission denied")


async def test_a_file_replaced_by_a_directory_while_open(brief_copy: Path) -> None:
    app = make_app(brief_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        saved = brief_copy.read_text(encoding="utf-8")
        brief_copy.unlink()
        brief_copy.mkdir()
        await wait_until(pilot, lambda: panel(app).shown)
        assert "is a directory" in str(panel(app).query_one(ProblemList).get_option_at_index(0).prompt)
        assert shown_title(app).startswith(TITLE), "the last good version stays on screen"
        await pilot.press("3", "c")
        # Resolving now would have to write where a directory is: it is refused before the form, nothing touched.
        await wait_until(pilot, lambda: any("has 1 problem on disk" in note for note in notes(app)))
        assert isinstance(app.screen, BriefScreen)
        assert brief_copy.is_dir() and not any(brief_copy.iterdir())
        brief_copy.rmdir()
        brief_copy.write_text(saved, encoding="utf-8")
        await wait_until(pilot, lambda: not panel(app).shown)
        assert app.is_running


async def test_two_apps_resolving_the_same_confirmation_the_second_is_refused(brief_copy: Path) -> None:
    first, second = make_app(brief_copy), make_app(brief_copy)
    async with first.run_test(size=(120, 40)) as one, second.run_test(size=(120, 40)) as two:
        await settle(one)
        await settle(two)
        await one.press("3", "c")
        await two.press("3", "c")
        await wait_until(one, lambda: isinstance(first.screen, ResolveForm))
        await wait_until(two, lambda: isinstance(second.screen, ResolveForm))
        first.screen.query_one("#resolution", Input).value = "Confirmed by the Kremlin"
        second.screen.query_one("#resolution", Input).value = "Denied by the Kremlin"
        await one.press("enter")
        await wait_until(one, lambda: 'resolution = "Confirmed by the Kremlin"' in brief_copy.read_text())
        await two.press("enter")
        await wait_until(two, lambda: any("changed on disk" in note for note in notes(second)))
        text = brief_copy.read_text()
        assert 'resolution = "Confirmed by the Kremlin"' in text and "Denied by the Kremlin" not in text
        assert text.count("resolution =") == 1
        # The second app reloads and shows what the first one saved.
        await wait_until(two, lambda: isinstance(second.screen, BriefScreen) and "CONFIRMED" in str(
            second.screen.query_one("#confirmations ItemList", ItemList).get_option_at_index(0).prompt
        ))  # fmt: skip


async def test_marks_wait_until_the_file_on_disk_is_mended(brief_copy: Path) -> None:
    """With problems in the file on disk, the last good version is on screen: c and d (and p) would mark a
    version the reader cannot see, so they say why not before asking for a resolution; mended, they work."""
    app = make_app(brief_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        good = brief_copy.read_text(encoding="utf-8")
        brief_copy.write_text(good + "broken = [\n", encoding="utf-8")
        await wait_until(pilot, lambda: panel(app).shown)
        for key in ("c", "d"):
            app._notifications.clear()
            await pilot.press("3", key)
            await wait_until(pilot, lambda: bool(notes(app)))
            assert notes(app) == [
                f"{display_path(brief_copy)} has 1 problem on disk (listed below the brief): mend it first "
                "(e edits the file), then mark it."
            ]
            assert isinstance(app.screen, BriefScreen), key
        assert brief_copy.read_text(encoding="utf-8") == good + "broken = [\n"
        brief_copy.write_text(good, encoding="utf-8")
        await wait_until(pilot, lambda: not panel(app).shown)
        await pilot.press("c")
        await wait_until(pilot, lambda: isinstance(app.screen, ResolveForm))


async def test_marks_wait_for_a_deleted_file_to_be_back(brief_copy: Path) -> None:
    app = make_app(brief_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        brief_copy.unlink()
        await wait_until(pilot, lambda: panel(app).shown)
        await pilot.press("3", "c")
        await wait_until(pilot, lambda: bool(notes(app)))
        assert notes(app) == [
            f"{display_path(brief_copy)} is gone (deleted or moved); it is read again when it is back: "
            "nothing to mark in."
        ]
        assert isinstance(app.screen, BriefScreen) and not brief_copy.exists()
