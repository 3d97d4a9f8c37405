"""Messages: the settings' problems come as one toast and each is kept in full; every message of the session is
in the log (m, or the palette's Messages), oldest first, opened at the newest."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from briefing.format.load import load_path
from briefing.system.settings import Settings
from briefing.ui.app import BriefingApp
from briefing.ui.dialogs.message_log import MessageLog
from briefing.ui.screens.brief import BriefScreen
from tests.apps import choose_in_palette, make_app, settle, wait_until
from tests.conftest import SEED

THREE_PROBLEMS = (
    "settings.toml: theme: no theme called “nosuch”; the themes are " + ", ".join(f"theme-{n}" for n in range(30)),
    "settings.toml: keys: no binding with the id “app.quitt”",
    "settings.toml: ages: stale must be a whole number of days, 1 or more",
)


def listed(app: BriefingApp) -> list[str]:
    screen = app.screen
    assert isinstance(screen, MessageLog)
    options = screen.query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_the_settings_problems_are_one_toast_and_each_is_kept_in_full() -> None:
    app = BriefingApp(SEED, load_path(SEED), settings=Settings(warnings=THREE_PROBLEMS))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        toasts = [str(toast.message) for toast in app._notifications]
        assert len(toasts) == 1 and toasts[0].startswith("3 problems in the settings") and "m lists them" in toasts[0]
        await pilot.press("m")
        await wait_until(pilot, lambda: isinstance(app.screen, MessageLog))
        assert listed(app) == [f"⚠ warning  Settings\n{problem}" for problem in THREE_PROBLEMS]
        options = app.screen.query_one(OptionList)
        assert options.highlighted == 2, "opened at the newest"
        await pilot.press("escape")
        assert isinstance(app.screen, BriefScreen)


async def test_a_single_settings_problem_is_its_own_toast() -> None:
    app = BriefingApp(SEED, load_path(SEED), settings=Settings(warnings=THREE_PROBLEMS[1:2]))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert [str(toast.message) for toast in app._notifications] == [THREE_PROBLEMS[1]]
        assert len(app.said) == 1


async def test_every_message_of_the_session_is_in_the_log_as_written(tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("3", "c")  # the bundled brief is read-only: refused, saying how to edit it
        await pilot.press("slash", *"[b]zzz[/b]", "enter", "n")  # no match: said
        await wait_until(pilot, lambda: len(app.said) == 2)
        await choose_in_palette(pilot, "messages")
        await wait_until(pilot, lambda: isinstance(app.screen, MessageLog))
        shown = listed(app)
        assert "read-only" in shown[0] and shown[0].startswith("⚠ warning")
        assert shown[1].endswith("no match for “[b]zzz[/b]”"), "markup in a message is shown as written"
        await pilot.press("q")
        assert isinstance(app.screen, BriefScreen) and app.is_running


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["wide", "narrow"])
def test_the_message_log(snap_compare, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    app = BriefingApp(SEED, load_path(SEED), settings=Settings(warnings=THREE_PROBLEMS))

    async def opened(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        app.clear_notifications()
        await pilot.press("m")
        await wait_until(pilot, lambda: isinstance(app.screen, MessageLog))

    assert snap_compare(app, terminal_size=size, run_before=opened)
