"""The app with hostile names, links and sizes: nothing raw reaches the terminal, nothing crashes."""

from __future__ import annotations

import os
import sys
import webbrowser
from collections.abc import Callable
from pathlib import Path
from unittest import mock

import pytest
from textual.command import CommandPalette
from textual.geometry import Region
from textual.widgets import OptionList

from briefing.format.load import load_path
from briefing.ui.app import BriefingApp
from briefing.ui.dialogs.export import ExportForm
from briefing.ui.dialogs.links import LinkPicker
from briefing.ui.palette import highlight
from briefing.ui.panes.base import ItemList
from briefing.ui.screens.errors import MOST_SHOWN, ErrorScreen
from tests.apps import FakeBrowser, make_app, messages, settle, wait_until
from tests.conftest import DATA, MINIMAL_BRIEF, ROOT
from tests.support.pty_screen import Terminal
from tests.test_app_actions import export_from_palette

WIDE = (120, 40)


def test_the_library_palette_never_writes_a_raw_file_name_to_the_terminal(tmp_path: Path) -> None:
    (tmp_path / "x\x1b]52;c;UFdORUQ=\x07\x1b]0;OWNED\x07.toml").write_text("not a brief", encoding="utf-8")
    (tmp_path / "good.toml").write_text(MINIMAL_BRIEF, encoding="utf-8")
    terminal = Terminal([sys.executable, "-m", "briefing", str(tmp_path)], cols=120, rows=40,
                        env={"PYTHONPATH": str(ROOT)})  # fmt: skip
    try:
        assert terminal.wait_for("2 briefs", timeout=15) is not None, terminal.text()
        terminal.type("\x10")  # ctrl+p
        assert terminal.wait_for("Go to the", timeout=10) is not None, terminal.text()
        terminal.type("x")
        assert terminal.wait_for("\\x1b]52;c;UFdORUQ=\\x07", timeout=10) is not None, terminal.text()
        terminal.type("\x1b")
        assert terminal.wait_gone("Go to the", timeout=10)
        terminal.type("q")
        terminal.wait_exit(10)
    finally:
        terminal.close()
    assert b"\x1b]52" not in terminal.raw
    assert b"OWNED" not in terminal.raw.replace(b"\\x1b]0;OWNED", b"")


def test_palette_highlighting_survives_letters_that_lower_to_two() -> None:
    from textual.command import Matcher

    for text, query, marked in (
        ("İstanbul talks", "ist", "İst"),
        ("xİİİ ş", "xi", "xİ"),
        ("Straße İzmir", "izmir", "İzmir"),
    ):
        content = highlight(Matcher(query), text)
        assert content.plain == text
        assert "".join(text[span.start : span.end] for span in content.spans) == marked, (text, query)


async def test_the_palette_finds_items_with_dotted_capital_i(write_brief: Callable[..., Path]) -> None:
    stop = '\n[[itinerary]]\nplace = "İzmir"\ncountry = "Türkiye"\nstatus = "planned"\n'
    app = make_app(write_brief(MINIMAL_BRIEF + stop))
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"izmir")

        def found() -> bool:
            palette = app.screen
            if not isinstance(palette, CommandPalette):
                return False
            options = palette.query_one(OptionList)
            return any("İzmir" in str(option.prompt) for option in options.options)

        await wait_until(pilot, found)
        assert app.is_running


async def test_the_palette_cannot_open_twice_under_the_too_small_notice() -> None:
    app = make_app(DATA / "full.toml")
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.resize_terminal(30, 8)
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.resize_terminal(*WIDE)
        await pilot.pause()
        assert app.is_running
        assert sum(isinstance(screen, CommandPalette) for screen in app.screen_stack) == 1


async def test_page_keys_on_a_list_with_no_lines_laid_out_do_nothing() -> None:
    app = make_app(DATA / "full.toml")
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        items = app.screen.focused
        assert isinstance(items, ItemList)
        highlighted = items.highlighted
        items._clear_caches()
        # Textual lays out no lines while a list has no room; its page move then looked one up regardless.
        with mock.patch.object(ItemList, "scrollable_content_region", new=property(lambda _self: Region())):
            await pilot.press("pagedown", "pageup")
        assert app.is_running and items.highlighted == highlighted
        await pilot.press("pagedown")
        assert items.highlighted != highlighted


# -- links ----------------------------------------------------------------------------------------------------


async def test_o_refuses_a_link_with_a_user_name_and_password(browser: FakeBrowser) -> None:
    app = make_app(DATA / "full.toml")
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        app.open_link("https://user:secret@example.org/x")
        app.open_link("https://\u0430pple.com/login")
        await pilot.pause()
        assert browser.opened == ["https://\u0430pple.com/login"]
        refused, opened = messages(app)[-2:]
        assert "carries a user name or password" in refused
        assert opened == "Opening https://\u0430pple.com/login (host xn--pple-43d.com)"


async def test_the_link_picker_shows_a_look_alike_host_in_its_ascii_form(write_brief: Callable[..., Path]) -> None:
    body = 'body = "[Apple](https://\u0430pple.com/) and [plain](https://example.org/)"\n'
    app = make_app(write_brief(MINIMAL_BRIEF + body))
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await wait_until(pilot, lambda: isinstance(app.screen, LinkPicker))
        prompts = [str(option.prompt) for option in app.screen.query_one(OptionList).options]
        assert "host xn--pple-43d.com" in prompts[0]
        assert "host" not in prompts[1]


def _fake_launcher(folder: Path, script: str) -> Path:
    launcher = folder / "xdg-open"
    launcher.write_text(f"#!{sys.executable}\n{script}\n", encoding="utf-8")
    launcher.chmod(0o755)
    return launcher


async def test_a_launcher_that_fails_says_so_and_its_output_never_reaches_the_screen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said = "import sys; sys.stderr.write('GARBAGE-LINE\\nno method available\\n'); sys.exit(4)"
    launcher = _fake_launcher(tmp_path, said)
    monkeypatch.setattr(webbrowser, "get", lambda using=None: webbrowser.BackgroundBrowser(str(launcher)))
    app = make_app(DATA / "full.toml")
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        app.open_link("https://example.org/x")
        await wait_until(pilot, lambda: any("Not opened" in message for message in messages(app)))
        (message,) = [message for message in messages(app) if "example.org" in message]
        assert message == "Not opened: https://example.org/x. xdg-open failed (exit 4): no method available."


async def test_a_launcher_that_works_is_given_the_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    record = tmp_path / "opened"
    launcher = _fake_launcher(tmp_path, f"import sys; open({str(record)!r}, 'w').write(sys.argv[1])")
    monkeypatch.setattr(webbrowser, "get", lambda using=None: webbrowser.BackgroundBrowser(str(launcher)))
    app = make_app(DATA / "full.toml")
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        app.open_link("https://example.org/x")
        await wait_until(pilot, lambda: "Opened https://example.org/x" in messages(app))
    assert record.read_text(encoding="utf-8") == "https://example.org/x"


def test_xdg_open_s_complaints_never_reach_the_terminal(tmp_path: Path) -> None:
    launcher = _fake_launcher(
        tmp_path, "import sys; sys.stderr.write('GARBAGE-LINE\\nno method available\\n'); sys.exit(4)"
    )
    # $BROWSER names it: the desktop's default browser (chromium, say, where it is installed) is not asked.
    env = {"PATH": f"{tmp_path}{os.pathsep}{os.environ.get('PATH', '')}", "DISPLAY": ":0", "BROWSER": str(launcher),
           "WAYLAND_DISPLAY": "", "PYTHONPATH": str(ROOT)}  # fmt: skip
    terminal = Terminal([sys.executable, "-m", "briefing", str(DATA / "full.toml")], cols=120, rows=40, env=env)
    try:
        assert terminal.wait_for("Where things stand", timeout=15) is not None, "the body, drawn last"
        terminal.type("5o")
        assert terminal.wait_for("no method available", timeout=10) is not None, terminal.text()
        terminal.type("q")
        terminal.wait_exit(10)
    finally:
        terminal.close()
    assert b"GARBAGE-LINE" not in terminal.raw
    assert b"Opening http" not in terminal.raw and b"Opened http" not in terminal.raw, (
        "the launcher failed: nothing opened"
    )


# -- the export form and the problem list --------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    ["~nosuchuser-briefing/out.md", "x" * 5000 + ".md", "a/" * 3000 + "b.md", "\0.md"],
    ids=["unknown-user", "long-name", "long-path", "nul"],
)
async def test_the_export_form_says_what_is_wrong_with_a_path(typed: str) -> None:
    app = make_app(DATA / "full.toml")
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await export_from_palette(app, pilot, "markdown", typed)
        form = app.screen
        assert app.is_running and isinstance(form, ExportForm)
        said = str(form.query_one("#export-message").visual)  # type: ignore[attr-defined]
        assert said.startswith("Cannot write"), said


async def test_a_file_with_very_many_problems_lists_the_first_and_counts_the_rest(tmp_path: Path) -> None:
    lines = ["schema_version = 1", "[brief]", 'title = "t"', "as_of = 2024-01-01"]
    lines += [f"k{number} = 1" for number in range(3000)]
    path = tmp_path / "many.toml"
    path.write_text("\n".join([*lines, "[summary]", 'bluf = "b"']) + "\n", encoding="utf-8")
    app = BriefingApp(path, load_path(path))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ErrorScreen)
        assert screen.query_one(OptionList).option_count == MOST_SHOWN
        heading = str(screen.query_one("#errors-heading").render())
        assert f"3,000 problems in {path} (the first {MOST_SHOWN:,} are listed; `briefing check` lists" in heading
        await pilot.press("G")
        assert screen.edit_line() == MOST_SHOWN + 4


async def test_the_library_lists_an_unreadable_folder_and_enter_on_it_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.library.index import Library
    from tests.test_library_app import ready, rows

    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "good.toml").write_text(MINIMAL_BRIEF, encoding="utf-8")
    (folder / "secret").mkdir()
    real_scandir = os.scandir

    def refusing(path: str | bytes | os.PathLike[str] = ".") -> object:
        if os.fsdecode(path) == str(folder / "secret"):
            raise PermissionError(13, "Permission denied", os.fsdecode(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)  # as root, no mode makes a folder unreadable
    app = BriefingApp(None, None, library=Library([folder], tmp_path / "cache"))
    async with app.run_test(size=WIDE) as pilot:
        screen = await ready(pilot)
        await wait_until(pilot, lambda: len(rows(screen).rows) == 2)
        assert "1 with problems" in str(screen.query_one("#library-status").render())
        await pilot.press("g", "enter")
        await pilot.pause()
        assert screen is app.screen
        assert messages(app)[-1].endswith("secret: error: cannot be read: Permission denied")
