"""Snapshots of the story as it moves, at 120x40 and 80x24: a brief marked with what changed since the reader
last looked, the agenda at today, the history and a past version, and the library's new and updated marks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from briefing.format.diff import digest
from briefing.format.load import load_path
from briefing.library.index import Library
from briefing.library.queries import known
from briefing.library.read_state import ReadState
from briefing.ui.app import BriefingApp
from briefing.ui.screens.history import HistoryScreen
from tests.apps import wait_until
from tests.git_fixtures import QUOTED, SEED_TEXT, brief_history
from tests.test_library import make_library
from tests.test_marks_app import looked_back, marked

SIZES = {"wide": (120, 40), "narrow": (80, 24)}
SnapCompare = Callable[..., bool]
TODAY = dt.date(2024, 6, 20)


def seen_then_changed(path: Path) -> BriefingApp:
    """The seed brief, seen as it was first written, then confirmed, moved and quoted on disk."""
    path.write_text(SEED_TEXT, encoding="utf-8")
    seen = load_path(path)
    assert seen.brief is not None
    ReadState.default().record(path, digest(seen.brief), SEED_TEXT.encode())
    path.write_text(QUOTED, encoding="utf-8")
    return BriefingApp(path, load_path(path), today=TODAY)


@pytest.mark.parametrize("size", SIZES)
def test_a_brief_marked_with_what_changed(
    snap_compare: SnapCompare, size: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the header names the file relative to where briefing runs: the same on any machine
    press = ["3"] if size == "narrow" else []
    assert snap_compare(seen_then_changed(tmp_path / "brief.toml"), press=press, terminal_size=SIZES[size],
                        run_before=looked_back)  # fmt: skip


def test_the_changes_list(snap_compare: SnapCompare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = seen_then_changed(tmp_path / "brief.toml")
    assert snap_compare(app, press=["w"], terminal_size=SIZES["wide"], run_before=looked_back)


@pytest.mark.parametrize("size", SIZES)
def test_the_agenda_at_today(
    snap_compare: SnapCompare, size: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    make_library(Path("lib"), 24)
    app = BriefingApp(None, None, library=Library([Path("lib")], tmp_path / "cache"), today=dt.date(2023, 3, 1))
    assert snap_compare(app, press=["a"], terminal_size=SIZES[size], run_before=marked)


def test_the_library_marks_new_and_updated(
    snap_compare: SnapCompare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    paths = make_library(Path("lib"), 12)
    library = Library([Path("lib")], tmp_path / "cache")
    from briefing.library.marks import since_last_looked

    for _batch in library.build():
        pass
    since_last_looked(known(library.store), ReadState.default(), library.key)
    paths[3].write_text(paths[3].read_text(encoding="utf-8").replace('title = "', 'title = "Revised: ', 1), "utf-8")
    Path("lib/new.toml").write_text(SEED_TEXT, encoding="utf-8")
    app = BriefingApp(None, None, library=Library([Path("lib")], tmp_path / "cache"), today=TODAY)
    assert snap_compare(app, press=["s"] * 6, terminal_size=SIZES["wide"], run_before=marked)


async def history_shown(pilot: Pilot[None]) -> None:
    await looked_back(pilot)
    await pilot.press("h")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, HistoryScreen))


@pytest.mark.parametrize("size", SIZES)
def test_the_history(snap_compare: SnapCompare, size: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = brief_history(tmp_path / "repo")
    app = BriefingApp(path, load_path(path), today=TODAY)
    assert snap_compare(app, terminal_size=SIZES[size], run_before=history_shown)


@pytest.mark.parametrize("size", SIZES)
def test_a_past_version_read_only(
    snap_compare: SnapCompare, size: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = brief_history(tmp_path / "repo")

    async def past_version(pilot: Pilot[None]) -> None:
        await history_shown(pilot)
        await pilot.press("j", "j", "j", "enter")
        await wait_until(pilot, lambda: getattr(pilot.app.screen, "historic", None) is not None)
        await looked_back_of_past(pilot)

    async def looked_back_of_past(pilot: Pilot[None]) -> None:
        from tests.apps import settle

        await settle(pilot)

    app = BriefingApp(path, load_path(path), today=TODAY)
    assert snap_compare(app, press=["4"], terminal_size=SIZES[size], run_before=past_version)
