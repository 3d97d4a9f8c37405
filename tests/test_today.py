"""Today: the date ages count to, chosen once by the shell; never the clock in a test (the clock is given)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from textual.widgets import Static

from briefing.library.index import Library
from briefing.system.settings import read_settings
from briefing.system.today import choose, parse
from briefing.ui.app import BriefingApp
from briefing.ui.screens.library import LibraryScreen
from tests.apps import make_app, settle, wait_until, write_settings
from tests.conftest import ROOT, SEED

CLOCK = dt.date(2026, 11, 29)


def clock() -> dt.date:
    return CLOCK


def test_the_flag_then_the_environment_then_the_setting_then_the_clock() -> None:
    environ = {"BRIEFING_TODAY": "2025-01-02"}
    assert choose("2024-07-01", "2023-03-03", environ, clock) == dt.date(2024, 7, 1)
    assert choose(None, "2023-03-03", environ, clock) == dt.date(2025, 1, 2)
    assert choose(None, "2023-03-03", {}, clock) == dt.date(2023, 3, 3)
    assert choose(None, None, {}, clock) == CLOCK
    assert choose("as-of", None, environ, clock) is None
    assert choose(None, None, {"BRIEFING_TODAY": "as-of"}, clock) is None
    assert choose("", None, {"BRIEFING_TODAY": ""}, clock) == CLOCK


@pytest.mark.parametrize(("flag", "environ", "setting", "where"), [
    ("tomorrow", {}, None, "--today"),
    (None, {"BRIEFING_TODAY": "2024-13-01"}, None, "$BRIEFING_TODAY"),
    (None, {}, "29/11/2026", "the settings' today"),
])  # fmt: skip
def test_a_bad_today_says_where_it_came_from(flag: str | None, environ: dict[str, str], setting: str | None,
                                             where: str) -> None:  # fmt: skip
    with pytest.raises(ValueError, match=f"^{re_escape(where)}: expected a date like 2026-11-29, or as-of"):
        choose(flag, setting, environ, clock)


def re_escape(text: str) -> str:
    import re

    return re.escape(text)


def test_parse_takes_a_date_or_as_of() -> None:
    assert parse(" 2026-11-29 ") == CLOCK
    assert parse("as-of") is None
    assert parse(" as-of\n") is None


@pytest.mark.parametrize(("written", "read"), [("2026-11-29", "2026-11-29"), ('"2026-11-29"', "2026-11-29"),
                                               ('"as-of"', "as-of")])  # fmt: skip
def test_the_today_setting(written: str, read: str) -> None:
    write_settings(f"today = {written}\n")
    settings = read_settings()
    assert (settings.today, settings.warnings) == (read, ())


def test_a_bad_today_setting_is_a_warning() -> None:
    write_settings('today = "someday"\n')
    settings = read_settings()
    assert settings.today is None
    assert "today: expected a date like 2026-11-29, or as-of, not “someday”" in settings.warnings[0]


def _show(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefing", "show", str(SEED), "--section", "pending", *args],
                          capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1", **(env or {})})  # fmt: skip


def test_show_counts_ages_to_the_date_it_is_given() -> None:
    assert "pending · 900 days · since 12 Jun 2024" in _show("--today", "2026-11-29").stdout
    assert "pending · 900 days" in _show(env={"BRIEFING_TODAY": "2026-11-29"}).stdout
    assert "pending · 0 days" in _show(env={"BRIEFING_TODAY": "as-of"}).stdout
    assert "pending · 0 days" in _show("--today", "as-of", env={"BRIEFING_TODAY": "2026-11-29"}).stdout


def test_a_bad_today_on_the_command_line_is_a_usage_error() -> None:
    done = _show("--today", "next week")
    assert done.returncode == 2
    assert done.stderr == "briefing show: error: --today: expected a date like 2026-11-29, or as-of, not “next week”\n"


async def test_the_brief_says_which_date_ages_count_to() -> None:
    app = make_app(today=CLOCK)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert str(app.screen.query_one("#brief-header", Static).visual).endswith("   today 29 Nov 2026 ")
        pane = app.screen.query_one("#confirmations ItemList")
        assert "age 900 days" in str(pane.prompts[0])  # type: ignore[attr-defined]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert str(app.screen.query_one("#brief-header", Static).visual).endswith(" as of 12 Jun 2024 ")
        await pilot.resize_terminal(120, 40)
        await wait_until(
            pilot,
            lambda: str(app.screen.query_one("#brief-header", Static).visual).endswith("as of the brief, 12 Jun 2024 "),
        )


async def test_the_library_says_which_date_ages_count_to(tmp_path: Path) -> None:
    app = BriefingApp(None, None, today=CLOCK, library=Library([SEED.parent], tmp_path / "cache"))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await wait_until(pilot, lambda: screen.settled)
        await pilot.pause()
        assert "today 29 Nov 2026" in str(screen.query_one("#library-status").render())


def test_the_app_is_given_the_date_the_shell_chose(monkeypatch: pytest.MonkeyPatch) -> None:
    """`briefing` reads the clock once, in the shell (here a given one), and hands the date to the app."""
    from briefing import cli
    from briefing.system import today as today_module

    seen: list[dt.date | None] = []

    class Recording(BriefingApp):
        def run(self, *args: object, **kwargs: object) -> None:
            seen.append(self.session.today_override)

    monkeypatch.delenv("BRIEFING_TODAY")
    monkeypatch.setattr(today_module, "system_clock", clock)
    monkeypatch.setattr("briefing.ui.app.BriefingApp", Recording)
    monkeypatch.setattr(cli, "_on_a_terminal", lambda: True)  # pytest holds standard output
    assert cli.main([str(SEED)]) == 0
    assert cli.main(["--today", "as-of", str(SEED)]) == 0
    assert cli.main(["--today", "2024-06-20", str(SEED)]) == 0
    assert seen == [CLOCK, None, dt.date(2024, 6, 20)]
