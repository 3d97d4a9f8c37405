"""What a key asks Textual to do: no restyling of what the focus did not touch, no drawing again of what was drawn
at the same width, and a dialog's dimmed backdrop as Textual draws it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rich.segment import Segment
from rich.style import Style
from textual._context import visible_screen_stack
from textual.app import ComposeResult
from textual.color import Color
from textual.content import Content
from textual.renderables.background_screen import BackgroundScreen
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Input, Static

from briefing.ui.backdrop import Dialog, dimmed
from briefing.ui.dialogs.ask import Ask
from briefing.ui.panes.base import ItemList, _Prompt
from briefing.ui.panes.quotes import QuotesPane
from briefing.ui.panes.summary import SummaryScroll
from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.detail import DetailScreen
from briefing.ui.screens.help import HelpScreen
from briefing.ui.widgets.brief_header import BriefHeader
from tests.apps import drawn_as_laid_out_afresh, make_app, settle, shown_text

TODAY = dt.date(2024, 6, 20)


async def test_moving_the_focus_out_of_the_summary_restyles_nothing_in_it() -> None:
    app = make_app(today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        scroll = app.screen.query_one(SummaryScroll)
        inside = set(scroll.walk_children())
        assert len(inside) >= 4  # the title, the date line, the BLUF, the body...
        restyled: list[Any] = []
        apply = app.stylesheet.apply

        def spied(node: Any, *args: Any, **kwargs: Any) -> None:
            restyled.append(node)
            apply(node, *args, **kwargs)

        app.stylesheet.apply = spied  # type: ignore[method-assign]
        await pilot.press("3")
        await pilot.press("1")
        await settle(pilot)
        assert scroll in restyled  # its own focus is restyled
        assert not inside & set(restyled)
        assert scroll.has_focus


def drawn_items(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the items the lists draw (each item's lines at a width and a style)."""
    drawn: list[int] = []
    render_strips = _Prompt.render_strips

    def counted(self: _Prompt, *args: Any, **kwargs: Any) -> Any:
        drawn.append(id(self))
        return render_strips(self, *args, **kwargs)

    monkeypatch.setattr(_Prompt, "render_strips", counted)
    return drawn


async def test_a_list_shown_again_at_the_width_it_had_is_not_drawn_again(monkeypatch: pytest.MonkeyPatch) -> None:
    drawn = drawn_items(monkeypatch)
    app = make_app(today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for key in "212":  # every item drawn once focused and once not
            await pilot.press(key)
            await settle(pilot)
        quotes = app.screen.query_one(QuotesPane).query_one(ItemList)
        assert quotes.display and drawn
        drawn.clear()
        await pilot.press("1")
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        assert quotes.display and quotes.has_focus
        assert drawn == []


async def test_a_list_shown_again_at_another_width_is_drawn_at_that_width(monkeypatch: pytest.MonkeyPatch) -> None:
    drawn = drawn_items(monkeypatch)
    app = make_app(today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        quotes = app.screen.query_one(QuotesPane).query_one(ItemList)
        narrow = quotes.scrollable_content_region.width
        await pilot.press("1")
        await settle(pilot)
        drawn.clear()
        await pilot.resize_terminal(160, 40)
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        assert quotes.scrollable_content_region.width > narrow
        assert drawn
        widths = {strip.cell_length for strip in quotes.render_lines(quotes.region.reset_offset)}
        assert widths == {quotes.size.width}


SEGMENTS = [
    Segment("plain"),
    Segment("none", None),
    Segment("coloured", Style(color="#ff8800", bgcolor="#102030", bold=True)),
    Segment("ansi", Style(color="red", bgcolor="blue")),
    Segment("dim", Style(color="#ffffff", dim=True)),
    Segment("link", Style(color="#00ff00", link="https://example.org", meta={"@click": "app.bell()"})),
    Segment("\x1b[2J", None, [(1,)]),  # type: ignore[list-item]
    Segment("coloured", Style(color="#ff8800", bgcolor="#102030", bold=True)),
]


@pytest.mark.parametrize("tint", [Color(0, 0, 0, 0.6), Color(10, 20, 30, 0.25), Color(0, 0, 0, 0)])
def test_the_backdrop_dims_every_segment_as_textual_does(tint: Color) -> None:
    ours = list(dimmed(SEGMENTS, tint))
    textuals = list(BackgroundScreen.process_segments(SEGMENTS, tint))
    assert ours == textuals
    assert [segment.style for segment in ours] == [segment.style for segment in textuals]


def backdrops_drawn(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Records the screen behind, each time a dialog draws it dimmed."""
    behind: list[object] = []
    draw = Dialog._dimmed

    def recorded(self: Dialog[Any], *args: Any) -> Any:
        behind.append(self._screen_behind())
        return draw(self, *args)

    monkeypatch.setattr(Dialog, "_dimmed", recorded)
    return behind


def screen_cells(app: Any) -> list[list[Segment]]:
    return [list(strip) for strip in app.screen._compositor.render_strips()]


async def drawn_afresh(app: Any, pilot: Any) -> list[list[Segment]]:
    """The dialog's screen as it is when nothing it drew before is kept."""
    app.screen._drawn = None
    app.screen.refresh()
    await settle(pilot)
    return screen_cells(app)


@pytest.mark.parametrize("key, dialog", [("question_mark", HelpScreen), ("enter", DetailScreen)])
async def test_a_dialog_dims_the_brief_behind_it_once_as_it_opens(
    key: str, dialog: type, monkeypatch: pytest.MonkeyPatch
) -> None:
    behind = backdrops_drawn(monkeypatch)
    app = make_app(today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        if key == "enter":
            await pilot.press("3")
        await pilot.press(key)
        await settle(pilot)
        assert isinstance(app.screen, dialog) and isinstance(app.screen, Dialog)
        assert len(behind) == 1 and isinstance(behind[0], BriefScreen)
        assert "Putin&#160;Likely" in app.export_screenshot()  # the brief, dimmed, around the box
        kept = screen_cells(app)
        assert kept == await drawn_afresh(app, pilot)
        assert len(behind) == 2


async def test_a_resize_under_a_dialog_draws_the_screen_behind_again_at_the_new_size(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    behind = backdrops_drawn(monkeypatch)
    app = make_app(today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        drawn = len(behind)
        await pilot.resize_terminal(104, 34)
        await settle(pilot)
        assert len(behind) > drawn
        kept = screen_cells(app)
        assert {sum(segment.cell_length for segment in line) for line in kept} == {104}
        assert kept == await drawn_afresh(app, pilot)


class Opaque(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Static("Over everything")


@pytest.mark.parametrize("over", [None, Ask, Opaque])
async def test_what_changes_behind_a_dialog_shows_in_its_backdrop(over: type[Screen[Any]] | None) -> None:
    """Changed while the dialog is on top, or while another screen is over it (a dialog, or one that hides it)."""
    app = make_app(today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        if over is Ask:
            app.push_screen(Ask("Ask", Content("Over the keys?")))
        elif over is Opaque:
            app.push_screen(Opaque())
        await settle(pilot)
        app.screen_stack[0].query_one(BriefHeader).update(Content("CHANGED"))
        await settle(pilot)
        if over is not None:
            app.pop_screen()
            await settle(pilot)
        assert app.screen is help_screen
        assert "CHANGED" in app.export_screenshot()
        assert screen_cells(app) == await drawn_afresh(app, pilot)


def dialog_of_another_colour(app: Any) -> None:
    app.screen.styles.background = Color(120, 0, 0, 0.5)


def another_theme(app: Any) -> None:
    app.theme = "textual-light" if app.theme != "textual-light" else "nord"


@pytest.mark.parametrize("change", [dialog_of_another_colour, another_theme])
async def test_a_dialog_whose_colours_change_dims_the_screen_behind_in_them(change: Callable[[Any], None]) -> None:
    app = make_app(today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        before = screen_cells(app)
        change(app)
        await settle(pilot)
        kept = screen_cells(app)
        assert kept != before
        assert kept == await drawn_afresh(app, pilot)


def as_textual_draws_it(dialog: Dialog[Any], behind: Screen[Any]) -> list[Strip]:
    """The dialog's backdrop as Textual's own Screen.render and Visual.to_strips draw it (its BackgroundScreen)."""
    token = visible_screen_stack.set([behind])
    try:
        Widget._render_content(dialog)
    finally:
        visible_screen_stack.reset(token)
    return list(dialog._render_cache.lines)


def transparent_dialog(app: Any) -> None:
    app.screen.styles.background = Color(0, 0, 0, 0)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
@pytest.mark.parametrize("change", [None, dialog_of_another_colour, transparent_dialog, another_theme])
async def test_a_dialog_dims_the_screen_behind_as_textual_would(
    size: tuple[int, int], change: Callable[[Any], None] | None
) -> None:
    app = make_app(today=TODAY)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("3", "enter")
        await settle(pilot)
        if change is not None:
            change(app)
            await settle(pilot)
        dialog, behind = app.screen, app.screen_stack[0]
        assert isinstance(dialog, DetailScreen) and isinstance(behind, BriefScreen)
        ours = dialog._dimmed(behind._compositor.render_strips())
        assert ours == as_textual_draws_it(dialog, behind)
        assert [[segment.style for segment in strip] for strip in ours] == [
            [segment.style for segment in strip] for strip in as_textual_draws_it(dialog, behind)
        ]


async def test_find_draws_again_only_the_items_whose_marks_change(monkeypatch: pytest.MonkeyPatch) -> None:
    drawn = drawn_items(monkeypatch)
    app = make_app(today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Hanoi")
        await settle(pilot)
        drawn.clear()
        await pilot.press("backspace")  # "Hano": the same items match, each mark a letter shorter
        await settle(pilot)
        prompts = {
            id(option._visual): option._visual
            for items in app.screen.query(ItemList)
            if items.display
            for option in items.options
            if isinstance(option._visual, _Prompt)
        }
        unmarked = [prompt for prompt in prompts.values() if "hano" not in prompt.content.plain.lower()]
        assert unmarked  # items on screen that were drawn before, and had no mark then or now
        assert drawn
        assert all("hano" in prompts[item].content.plain.lower() for item in drawn)


async def test_typing_in_find_lays_nothing_out_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """Find's marks restyle words without moving a line break, the bar is one row whatever it holds, and the
    section bar and the header one row each: a full layout (the whole screen, 15 ms at 120x40) was made for each
    key typed in find, for the bar's text width and the marked parts of the summary."""
    from textual._compositor import Compositor

    app = make_app(today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        layouts: list[object] = []
        reflow = Compositor.reflow

        def counted(self: Compositor, *args: Any, **kwargs: Any) -> Any:
            if self is app.screen._compositor:  # (not the dialogs laid out ahead, unseen: `compose_ahead`)
                layouts.append(args)
            return reflow(self, *args, **kwargs)

        monkeypatch.setattr(Compositor, "reflow", counted)
        for key in ["P", "u", "backspace", "backspace", "K"]:  # matches in the summary, which is on screen
            await pilot.press(key)
            await settle(pilot)
        assert app.screen.query_one("#find", Input).value == "K"
        assert "“K”" in shown_text(app.screen)
        assert layouts == []


async def test_a_find_longer_than_its_bar_scrolls_in_it_with_no_layout() -> None:
    app = make_app(today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        query = "Putin " + "abcdefghijklmnopqrstuvwxyz" * 4 + "END"
        await pilot.press(*query)
        await settle(pilot)
        bar = app.screen.query_one("#find", Input)
        assert bar.value == query
        line = app.screen._compositor.render_strips()[-1].text
        assert line.rstrip().endswith("xyzEND") and "Putin" not in line  # scrolled to the cursor, at the end
        for _ in range(len(query) - 20):
            await pilot.press("backspace")
        await settle(pilot)
        assert bar.scroll_x == 0
        assert app.screen._compositor.render_strips()[-1].text.startswith(" Putin abcdefghijklmn ")


async def test_a_section_s_key_lays_the_screen_out_at_most_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The columns, the panes and their lists are given new virtual sizes by the layout that shows them; none of
    that moves anything, and Textual laid the whole screen out again for it, in a frame of its own, at `2` and `1`.
    Nor does the first `2` restyle the summary's scrollbar for the first time (styled as it is shown)."""
    from textual._compositor import Compositor

    app = make_app(today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        layouts: list[int] = []
        reflow = Compositor.reflow

        def counted(self: Compositor, *args: Any, **kwargs: Any) -> Any:
            if self is app.screen._compositor:  # (not the dialogs laid out ahead, unseen: `compose_ahead`)
                layouts[-1] += 1
            return reflow(self, *args, **kwargs)

        monkeypatch.setattr(Compositor, "reflow", counted)
        keys = ["2", "5", "1", "3", "4", "2", "1"]
        for key in keys:
            layouts.append(0)
            await pilot.press(key)
            await settle(pilot)
        assert layouts == [1, 1, 1, 0, 0, 1, 1]


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_a_long_list_shown_the_first_time_has_its_scrollbar_as_a_full_redraw_has_it(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    """Its virtual size alone lays nothing out: the scrollbar it needs comes all the same, the list a column
    narrower, as the screen drawn afresh has it."""
    brief = tmp_path / "many-quotes.toml"
    quotes = "".join(
        f'[[quotes]]\nspeaker = "Speaker {n}"\ntext = "Quote number {n}, said at length."\n' for n in range(40)
    )
    brief.write_text(
        f'schema_version = 1\n[brief]\ntitle = "Many quotes"\nas_of = 2024-06-12\n[summary]\nbluf = "Said."\n{quotes}',
        encoding="utf-8",
    )
    app = make_app(brief, today=TODAY)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        items = app.screen.query_one("#quotes ItemList", ItemList)
        assert items.show_vertical_scrollbar and items.vertical_scrollbar.region.width > 0
        shown = await drawn_as_laid_out_afresh(pilot)
        assert any("Speaker 0" in line for line in shown)


async def test_a_list_checks_its_width_and_its_lines_once_a_draw_not_once_a_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """OptionList brings its lines up to date for every line it draws (its region worked out twice each time), and
    the list checked its width for every line as well: at 200x60, where four lists are on screen, a third of the
    time find's frames took to draw."""
    from textual.widgets import OptionList

    app = make_app(today=TODAY)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        items = app.screen.query_one("#confirmations ItemList", ItemList)
        updates: list[int] = []
        update_lines = OptionList._update_lines

        def counted(self: OptionList) -> None:
            updates.append(1)
            update_lines(self)

        monkeypatch.setattr(OptionList, "_update_lines", counted)
        items.refresh()  # every line drawn again, none taken from what was drawn before
        lines = items.render_lines(items.scrollable_content_region.reset_offset)
        assert len(lines) > 10 and any("PENDING" in line.text for line in lines)
        assert len(updates) == 1, len(updates)
