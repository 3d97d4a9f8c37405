"""SVG snapshots of each pane and view, at a wide (120x40) and a narrow (80x24) terminal, and of the
three columns of a very wide one (200x60).

Update them after an intended change with `pytest --snapshot-update`, and look at
the report before committing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from tests.apps import make_app, settle
from tests.conftest import DATA, MINIMAL_BRIEF

SIZES = {"wide": (120, 40), "narrow": (80, 24)}
VIEWS = {
    "summary": [],
    "quotes": ["2"],
    "pending": ["3"],
    "itinerary": ["4"],
    "sources": ["5"],
    "stop_detail": ["4", "j", "enter"],
    "confirmation_detail": ["3", "enter"],
    "help": ["question_mark"],
    "find": ["slash", *"kremlin"],
    "save_copy": ["S"],
}

SnapCompare = Callable[..., bool]


def pressed(keys: list[str]) -> Callable[[Pilot[None]], Awaitable[None]]:
    """Settle, press ``keys``, settle again, and stop the text boxes' cursors blinking: the shot then shows them
    whatever the moment it is taken (on a busy machine, settling took over the half second of a blink)."""

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        if keys:
            await pilot.press(*keys)
            await settle(pilot)
        for box in pilot.app.screen.query(Input):
            box.cursor_blink = False

    return run_before


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("view", VIEWS)
def test_view(snap_compare: SnapCompare, view: str, size: str) -> None:
    assert snap_compare(make_app(), terminal_size=SIZES[size], run_before=pressed(VIEWS[view]))


@pytest.mark.parametrize("size", SIZES)
def test_error_view(snap_compare: SnapCompare, size: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Opened by a relative path, as from a shell in its directory: the heading names the file the same on any machine.
    monkeypatch.chdir(tmp_path)
    path = Path("broken.toml")
    path.write_text(MINIMAL_BRIEF.replace('title = "Minimal"', 'title = 3\nsubtitle = "x"'), encoding="utf-8")
    assert snap_compare(make_app(path), terminal_size=SIZES[size], run_before=settle)


def test_hostile_text(snap_compare: SnapCompare) -> None:
    assert snap_compare(make_app(DATA / "hostile.toml"), press=["2"], terminal_size=(120, 40), run_before=settle)


def test_empty_sections(snap_compare: SnapCompare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "minimal.toml"
    path.write_text(MINIMAL_BRIEF, encoding="utf-8")
    assert snap_compare(make_app(path), terminal_size=(120, 40), run_before=settle)


@pytest.mark.parametrize("press", [[], ["5"]], ids=["summary", "sources_focused"])
def test_three_columns(snap_compare: SnapCompare, press: list[str]) -> None:
    """At 200 columns every pane is on screen: the summary, quotes above sources, pending above itinerary."""
    assert snap_compare(make_app(DATA / "full.toml"), press=press, terminal_size=(200, 60), run_before=settle)


@pytest.mark.parametrize("size", SIZES)
def test_a_stale_brief_read_today(snap_compare: SnapCompare, size: str) -> None:
    """Read on a given today: the header says how old the brief is and that it is stale; ages are overdue."""
    press = ["3"] if size == "narrow" else []
    app = make_app(today=dt.date(2026, 11, 29))
    assert snap_compare(app, press=press, terminal_size=SIZES[size], run_before=settle)
