"""The footer draws the focused pane's keys in the frame that moves the focus, and a click on a key presses it; a
pane shows the focus on itself alone, without drawing the widgets in it again."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from textual.color import Color
from textual.strip import Strip
from textual.widget import Widget

from briefing.ui.panes.base import Pane
from briefing.ui.panes.confirmations import ConfirmationsPane
from briefing.ui.panes.summary import SummaryPane
from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.help import HelpScreen
from briefing.ui.widgets.body import BodyView
from briefing.ui.widgets.key_footer import KeyFooter, Shown
from tests.apps import make_app, settle, wait_until

TODAY = dt.date(2024, 6, 20)


def lines_drawn(monkeypatch: pytest.MonkeyPatch, widget_class: type[Widget]) -> list[int]:
    """The lines that widgets of ``widget_class`` draw from now on."""
    drawn: list[int] = []
    render_line = widget_class.render_line

    def counted(self: Widget, y: int) -> Strip:
        drawn.append(y)
        return render_line(self, y)

    monkeypatch.setattr(widget_class, "render_line", counted)
    return drawn


def footer_text(footer: KeyFooter) -> str:
    return footer.render().plain


async def test_the_footer_has_the_focused_panes_keys_as_soon_as_the_focus_moves() -> None:
    app = make_app(today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(KeyFooter)
        assert "Confirm" not in footer_text(footer)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        screen.show_section("confirmations")
        # No pause: the footer is drawn from the bindings as they are now, in the frame that shows the focus.
        assert "c Confirm" in footer_text(footer)
        assert "d Deny" in footer_text(footer)
        await pilot.pause()
        assert "Confirm" in app.export_screenshot()  # drawn again, not only able to draw them
        await pilot.press("1")
        await pilot.pause()
        assert "Confirm" not in footer_text(footer)
        assert "Confirm" not in app.export_screenshot()


async def test_a_key_that_does_nothing_here_is_drawn_dim_and_the_palette_key_is_at_the_right() -> None:
    app = make_app(today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(KeyFooter)
        _keys, palette = footer.keys()
        key = Shown("x", "x", "Something", enabled=True)
        assert not any(style.dim for _text, style in footer._key(key, hover=False))
        assert all(style.dim for _text, style in footer._key(replace(key, enabled=False), hover=False))
        assert palette is not None and footer_text(footer).endswith(f"▏{palette.display} {palette.description} ")
        assert len(footer_text(footer)) == 120


async def test_keys_that_do_not_fit_are_left_off_and_the_palette_key_stays() -> None:
    app = make_app(today=TODAY)
    async with app.run_test(size=(40, 24)) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(KeyFooter)
        text = footer_text(footer)
        assert len(text) == 40
        assert text.endswith("▏^p palette ")
        assert "Quit" not in text  # further along than 40 columns


async def test_a_click_on_a_key_presses_it() -> None:
    app = make_app(today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(KeyFooter)
        at = footer_text(footer).index("? Keys")
        await pilot.hover(KeyFooter, offset=(at + 2, 0))
        await pilot.pause()
        assert footer._hover is not None
        await pilot.click(KeyFooter, offset=(at + 2, 0))
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))


async def test_a_click_between_keys_presses_nothing() -> None:
    app = make_app(today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(KeyFooter)
        gap = footer_text(footer).index("  ") + 1  # in the blank run before the palette's key
        screen = app.screen
        await pilot.click(KeyFooter, offset=(gap, 0))
        await pilot.pause()
        assert app.screen is screen


def accent(pane: Pane) -> Color:
    return pane.get_component_styles("pane--focused").color


async def test_the_focused_pane_has_the_accent_border_and_a_bold_title_and_only_it() -> None:
    app = make_app(today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        summary = app.screen.query_one(SummaryPane)
        pending = app.screen.query_one(ConfirmationsPane)
        assert summary.styles.border_top == ("round", accent(summary))
        assert pending.styles.border_top[1] != accent(pending)
        await pilot.press("3")
        await pilot.pause()
        assert pending.styles.border_top == ("round", accent(pending))
        assert summary.styles.border_top[1] != accent(summary)
        title = pending._border_title
        assert title is not None and title.plain == " 3 Pending "
        assert any(
            getattr(span.style, "bold", False) and span.end - span.start == len(title.plain) for span in title.spans
        )


async def test_moving_the_focus_between_panes_does_not_draw_the_summary_body_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    drawn = lines_drawn(monkeypatch, BodyView)
    app = make_app(today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert drawn  # the body is on screen
        drawn.clear()
        await pilot.press("3")
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        assert drawn == []


async def test_a_new_theme_gives_the_focused_pane_the_new_accent(tmp_path: Path) -> None:
    app = make_app(today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        summary = app.screen.query_one(SummaryPane)
        before = summary.styles.border_top[1]
        app.theme = "nord"  # another accent than the default theme's
        await wait_until(pilot, lambda: summary.styles.border_top[1] != before)
        assert summary.styles.border_top == ("round", accent(summary))


async def test_the_focused_list_has_its_focus_look_before_its_focus_event_is_handled() -> None:
    app = make_app(today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        summary = screen.focused
        assert summary is not None and summary.has_focus
        screen.show_section("confirmations")
        # No pause: the Focus and Blur events are still queued, and the frame may come before them.
        items = screen.focused
        assert items is not None and items is not summary
        assert items.has_focus and not summary.has_focus
        assert items.has_pseudo_class("focus")


async def test_bindings_that_leave_the_keys_as_they_are_do_not_draw_the_footer_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    drawn = lines_drawn(monkeypatch, KeyFooter)
    app = make_app(today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen) and drawn
        footer = app.screen.query_one(KeyFooter)
        footer.render()  # asked for its line by someone else than the screen: not what the screen shows
        drawn.clear()
        app.screen.refresh_bindings()
        await settle(pilot)
        assert drawn == []
        await pilot.press("escape")
        await settle(pilot)
        drawn.clear()
        await pilot.press("3")
        await settle(pilot)
        assert drawn  # other keys: drawn again


async def test_over_a_dialog_the_footer_has_the_palette_key_and_a_click_on_it_opens_the_palette() -> None:
    """Textual lists a dialog's bindings without the app's, but the palette's key is a priority one: it opens the
    palette over the dialog too, so the dialog's footer shows it, as the brief's does."""
    app = make_app(today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        footer = app.screen.query_one(KeyFooter)
        text = footer_text(footer)
        assert text.startswith("esc Back") and text.endswith("▏^p palette ")
        help_screen = app.screen
        await pilot.click(KeyFooter, offset=(text.index("^p") + 1, 0))
        await wait_until(pilot, lambda: type(app.screen).__name__ == "CommandPalette")
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is help_screen)


async def test_the_palette_key_shown_is_the_one_the_keymap_gives_it() -> None:
    app = make_app(today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.set_keymap({"app.palette": "ctrl+k"})
        await pilot.pause()
        assert footer_text(app.screen.query_one(KeyFooter)).endswith("▏^k palette ")
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert footer_text(app.screen.query_one(KeyFooter)).endswith("▏^k palette ")
        await pilot.press("ctrl+k")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "CommandPalette")
