"""Copy (y), open a link (o), export from the palette, and the settings: themes and remapped keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from briefing.format.load import load_path
from briefing.system.settings import Settings, read_settings
from briefing.ui.app import BriefingApp
from briefing.ui.dialogs.export import ExportForm
from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.detail import DetailScreen
from tests.apps import FakeBrowser, choose_in_palette, make_app, messages, settle, wait_until, write_settings
from tests.conftest import DATA, SEED

FULL = DATA / "full.toml"
WIDE = (120, 40)


async def test_y_copies_the_item_under_the_cursor_as_plain_text() -> None:
    app = make_app(FULL)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("2", "j", "y")
        assert app.clipboard == "“No comment.”\n— Port spokesperson"
        said = "Copied the quote (2 lines) through the terminal (OSC 52)."
        await wait_until(pilot, lambda: said in messages(app))
        assert said in messages(app)
        await pilot.press("3", "y")
        assert app.clipboard.startswith("The talks reopen on Monday [CONFIRMED on 2 Mar 2024]\n")
        await pilot.press("4", "G", "y")
        assert app.clipboard == "Hamburg, Germany\ndates not reported (“some time after that”)\npostponed"
        await pilot.press("1", "y")
        assert app.clipboard.startswith("Harbour talks resume")
        assert "Talks on harbour fees resume on Monday" in app.clipboard


async def test_y_in_a_detail_copies_that_item() -> None:
    app = make_app(FULL)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("5", "enter")
        assert isinstance(app.screen, DetailScreen)
        await pilot.press("y")
        assert app.clipboard.splitlines() == [
            "Example Wire: Harbour talks to resume, 1 Mar 2024",
            "https://example.org/wire/harbour-talks?id=1&lang=en",
        ]


async def test_copied_text_is_sent_as_osc_52_not_raw() -> None:
    """The terminal gets the text base64-encoded inside OSC 52: nothing in it can act as a sequence."""
    app = make_app(DATA / "hostile.toml")
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        sent: list[str] = []
        assert app._driver is not None
        original = app._driver.write

        def write(data: str) -> None:
            sent.append(data)
            original(data)

        app._driver.write = write  # type: ignore[method-assign]
        await pilot.press("2", "y")
        await pilot.pause()
        osc = [data for data in sent if data.startswith("\x1b]52;c;")]
        assert len(osc) == 1
        assert "[@click" not in osc[0] and "\x07" not in osc[0][:-1]


async def test_o_opens_a_source_and_the_source_of_a_quote(browser: FakeBrowser) -> None:
    app = make_app(FULL)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("5", "j", "o")
        assert browser.opened == ["http://example.com/paper/draft"]
        await pilot.press("2", "o")
        assert browser.opened[-1] == "https://example.org/wire/harbour-talks?id=1&lang=en"
        await pilot.press("j", "o")
        assert len(browser.opened) == 2
        assert messages(app)[-1] == "This quote names no source, so there is no link to open."
        await pilot.press("3", "o")
        assert messages(app)[-1].startswith("Nothing to open here: o opens a source's link")
        await pilot.press("5", "k", "enter", "o")
        assert browser.opened[-1] == "https://example.org/wire/harbour-talks?id=1&lang=en"


async def test_o_names_what_has_no_link(browser: FakeBrowser) -> None:
    app = make_app(SEED)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("5", "o")
        assert messages(app)[-1] == "Vedomosti has no link in this brief."
        await pilot.press("2", "o")
        assert (
            messages(app)[-1] == "The quote's source, Unnamed outlet, International section, has no link in this brief."
        )
        assert browser.opened == []


async def test_o_refuses_anything_but_http(browser: FakeBrowser) -> None:
    app = make_app(FULL)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        for url in ("javascript:alert(1)", "file:///etc/passwd", "https://example.org/a b", "ftp://example.org"):
            app.open_link(url)
        await pilot.pause()
        assert browser.opened == []
        assert sum("only http and https" in message for message in messages(app)) == 4


async def export_from_palette(app: BriefingApp, pilot, label: str, path: str | None = None) -> None:  # type: ignore[no-untyped-def]
    await choose_in_palette(pilot, f"export as {label}")
    await wait_until(pilot, lambda: isinstance(app.screen, ExportForm))
    if path is not None:
        app.screen.query_one("#export-path", Input).value = path
    await pilot.press("enter")
    await pilot.pause()


async def test_the_palette_exports_the_open_brief(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing.export import export_text

    monkeypatch.chdir(tmp_path)
    app = make_app(FULL)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await export_from_palette(app, pilot, "markdown")
        assert isinstance(app.screen, BriefScreen)
        written = tmp_path / "full.md"
        brief = load_path(FULL).brief
        assert brief is not None
        assert written.read_text(encoding="utf-8") == export_text(brief, "markdown")
        assert "Wrote full.md (Markdown)." in messages(app)

        # Again: the file exists, so a first enter only warns and a second replaces it.
        written.write_text("mine", encoding="utf-8")
        await export_from_palette(app, pilot, "markdown")
        assert isinstance(app.screen, ExportForm)
        assert "exists" in str(app.screen.query_one("#export-message", Static).render())
        assert written.read_text(encoding="utf-8") == "mine"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BriefScreen)
        assert written.read_text(encoding="utf-8") == export_text(brief, "markdown")


async def test_export_form_reports_a_bad_path_and_esc_cancels(tmp_path: Path) -> None:
    app = make_app(FULL)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await export_from_palette(app, pilot, "json", str(tmp_path / "missing" / "x.json"))
        assert isinstance(app.screen, ExportForm)
        assert "cannot create" in str(app.screen.query_one("#export-message", Static).render())
        await pilot.press("escape")
        assert isinstance(app.screen, BriefScreen)
        assert not (tmp_path / "missing").exists()


def app_with_settings(path: Path = SEED, theme: str | None = None) -> BriefingApp:
    return BriefingApp(path, load_path(path), settings=read_settings(), theme=theme)


async def test_settings_choose_the_theme_and_remap_keys() -> None:
    write_settings('theme = "nord"\n\n[keys]\n"brief.section.quotes" = "x"\napp.quit = "ctrl+q"\n')
    app = app_with_settings()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert app.theme == "nord"
        await pilot.press("x")
        assert isinstance(app.screen, BriefScreen) and app.screen.section == "quotes"
        await pilot.press("q")
        assert app.is_running, "q no longer quits: it was remapped"
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_theme_option_wins_for_one_run_and_is_not_saved() -> None:
    path = write_settings('theme = "nord"\n')
    app = app_with_settings(theme="gruvbox")
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert app.theme == "gruvbox"
    assert path.read_text(encoding="utf-8") == 'theme = "nord"\n'


async def test_a_theme_picked_in_the_app_is_remembered() -> None:
    path = write_settings('# my settings\ntheme = "nord"  # cool\n\n[keys]\n"app.quit" = "q"\n')
    app = app_with_settings()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        app.theme = "dracula"
        await wait_until(pilot, lambda: 'theme = "dracula"' in path.read_text(encoding="utf-8"))
    assert path.read_text(encoding="utf-8") == '# my settings\ntheme = "dracula"  # cool\n\n[keys]\n"app.quit" = "q"\n'


async def test_a_broken_settings_file_warns_and_uses_the_defaults() -> None:
    path = write_settings('theme = "nord\n')
    app = app_with_settings()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert app.theme == "textual-dark"
        warning = next(n for n in app._notifications if n.title == "Settings")
        assert str(path) in str(warning.message) and "TOML syntax" in str(warning.message)
        app.theme = "nord"
        await wait_until(pilot, lambda: "not remembered" in messages(app)[-1])
    assert path.read_text(encoding="utf-8") == 'theme = "nord\n', "a broken file is never written"


async def test_unknown_theme_and_binding_ids_are_warned_of() -> None:
    write_settings('theme = "no-such-theme"\ncolour = "red"\n[keys]\n"app.explode" = "x"\n')
    app = app_with_settings()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        warnings = [said.text for said in app.said if said.title == "Settings"]
        assert any("no theme called “no-such-theme”" in warning for warning in warnings)
        assert any("unknown setting `colour`" in warning for warning in warnings)
        assert any("app.explode" in warning for warning in warnings)
        assert app.theme == "textual-dark"


def test_settings_default_when_there_is_no_file() -> None:
    assert read_settings() == Settings()


async def test_o_in_the_summary_offers_the_body_s_links(browser: FakeBrowser) -> None:

    app = make_app(FULL)  # its body has one link
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("1", "o")
        assert browser.opened == ["https://example.org/fees"]
    app = make_app(SEED)  # none
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await pilot.pause()
        assert "the summary has no links" in messages(app)[-1]


async def test_the_link_picker_opens_the_chosen_link(write_brief, browser: FakeBrowser) -> None:  # type: ignore[no-untyped-def]
    from briefing.ui.dialogs.links import LinkPicker
    from tests.conftest import MINIMAL_BRIEF

    body = 'body = "[one](https://one.example) and [two](http://two.example/x) and [bad](javascript:alert(1))"\n'
    app = make_app(write_brief(MINIMAL_BRIEF + body))
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await wait_until(pilot, lambda: isinstance(app.screen, LinkPicker))
        picker = app.screen
        assert isinstance(picker, LinkPicker)
        assert [url for _, url in picker.links] == ["https://one.example", "http://two.example/x"]
        await pilot.press("escape")
        assert browser.opened == [] and isinstance(app.screen, BriefScreen)
        await pilot.press("o")
        await wait_until(pilot, lambda: isinstance(app.screen, LinkPicker))
        await pilot.press("down", "enter")
        await pilot.pause()
        assert browser.opened == ["http://two.example/x"]


async def test_o_in_the_summary_offers_the_links_the_body_s_child_sent_without_parsing_it_again(  # type: ignore[no-untyped-def]
    write_brief, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.present import body, body_ahead
    from briefing.present.body_blocks import Block
    from briefing.ui.dialogs.links import LinkPicker
    from tests.conftest import MINIMAL_BRIEF
    from tests.test_body_ahead import STARTED, _child_replying, reply_of

    def parsed_again(markdown: str) -> list[tuple[str, str]]:
        raise AssertionError("the body was parsed again for its links")

    monkeypatch.setattr(body, "body_links", parsed_again)
    text = "[one](https://one.example) and [two](https://two.example)"
    sent = [Block("text", ((text, frozenset(), None),))]
    links = [("one, as sent", "https://one.example/sent"), ("two", "https://two.example")]
    body_ahead._children[text] = _child_replying(reply_of(sent, links))
    app = make_app(write_brief(MINIMAL_BRIEF + f'body = "{text}"\n'))
    try:
        async with app.run_test(size=WIDE) as pilot:
            await settle(pilot)
            await pilot.press("o")
            await wait_until(pilot, lambda: isinstance(app.screen, LinkPicker))
            assert isinstance(app.screen, LinkPicker) and app.screen.links == links
    finally:
        body_ahead.discard()
        for child in STARTED:
            child.wait(timeout=10)
        STARTED.clear()


async def test_the_link_picker_moves_with_j_and_k_and_lists_each_link_once(  # type: ignore[no-untyped-def]
    write_brief, browser: FakeBrowser
) -> None:
    from textual.widgets import OptionList

    from briefing.ui.dialogs.links import LinkPicker
    from tests.conftest import MINIMAL_BRIEF

    body = 'body = "<https://one.example/a> and [two](https://two.example) and [two](https://two.example) again"\n'
    app = make_app(write_brief(MINIMAL_BRIEF + body))
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await wait_until(pilot, lambda: isinstance(app.screen, LinkPicker))
        listed = app.screen.query_one(OptionList)
        assert [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)] == [
            "https://one.example/a",
            "two\nhttps://two.example",
        ]
        await pilot.press("j", "k", "j", "enter")
        await wait_until(pilot, lambda: browser.opened == ["https://two.example"])


async def test_the_palettes_keys_are_the_help_and_screenshot_works_without_downloads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.ui.screens.help import HelpScreen

    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # no ~/Downloads there
    (tmp_path / "home").mkdir()
    monkeypatch.chdir(tmp_path)
    app = make_app(SEED)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await choose_in_palette(pilot, "keys")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.press("escape")
        await choose_in_palette(pilot, "screenshot")
        await wait_until(pilot, lambda: any(said.startswith("Screenshot saved: ") for said in messages(app)))
        (saved,) = tmp_path.glob("briefing-*.svg")
        assert saved.read_text(encoding="utf-8").startswith("<svg")
        assert messages(app)[-1] == f"Screenshot saved: {saved.name}"
        assert app.save_screen_picture(tmp_path / "missing") is None
        assert app.said[-1].text.startswith("No screenshot: ") and app.said[-1].severity == "error"
        assert not (tmp_path / "missing").exists()
