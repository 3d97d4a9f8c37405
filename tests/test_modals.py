"""A view over the brief (an item's detail, the keys, the list of changes, a form) shows its own keys, and only
keys that work there; q closes it rather than the app; c, d, p and e on a confirmation's detail act on it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input

from briefing.ui.dialogs.resolve import ResolveForm
from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.detail import DetailScreen
from briefing.ui.screens.help import HelpScreen, keys_table
from briefing.ui.widgets.key_footer import KeyFooter
from briefing.ui.widgets.path_line import PathLine
from tests.apps import drawn_as_laid_out_afresh, make_app, settle, until_still, wait_until

TODAY = dt.date(2024, 6, 20)


def footer_keys(screen: Screen[Any]) -> set[str]:
    """The actions the screen's own footer offers."""
    footer = screen.query_one(KeyFooter)
    bindings = screen.app.active_bindings
    assert footer.screen is screen
    return {active.binding.action for active in bindings.values() if active.binding.show and active.node is screen}


async def open_detail(pilot: Pilot[None], *keys: str) -> DetailScreen:
    """The detail ``keys`` open (a section's number, moves, enter), once it is the screen."""
    app = pilot.app
    await pilot.press(*keys)
    await wait_until(pilot, lambda: isinstance(app.screen, DetailScreen))
    assert isinstance(app.screen, DetailScreen)
    return app.screen


async def test_a_confirmation_detail_shows_its_own_keys_and_q_closes_it(brief_copy: Path) -> None:
    app = make_app(brief_copy, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        detail = await open_detail(pilot, "3", "enter")
        offered = footer_keys(detail)
        assert {"back", "copy", "resolve('confirmed')", "resolve('denied')", "edit"} <= offered
        assert "resolve('pending')" not in offered, "p is for a resolved confirmation"
        assert "open_link" not in offered, "this confirmation has no link"
        await pilot.press("q")
        await wait_until(pilot, lambda: isinstance(app.screen, BriefScreen))
        assert app.is_running


async def test_c_on_a_confirmation_detail_resolves_that_confirmation(brief_copy: Path) -> None:
    app = make_app(brief_copy, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_detail(pilot, "3", "j", "enter")
        shown = app.screen.confirmation  # type: ignore[attr-defined]
        assert shown is not None and shown.id == app.result.brief.confirmations[1].id  # type: ignore[union-attr]
        await pilot.press("c")
        await wait_until(pilot, lambda: isinstance(app.screen, ResolveForm))
        assert app.screen.confirmation.id == shown.id  # type: ignore[attr-defined]


async def test_a_stop_detail_offers_no_confirmation_keys(brief_copy: Path) -> None:
    app = make_app(brief_copy, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_detail(pilot, "4", "enter")
        offered = footer_keys(app.screen)
        assert not any(action.startswith("resolve") for action in offered)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen), "c does nothing on a stop"


async def test_q_closes_the_keys_not_the_app(brief_copy: Path) -> None:
    app = make_app(brief_copy, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert "quit" not in footer_keys(app.screen)
        await pilot.press("q")
        await wait_until(pilot, lambda: isinstance(app.screen, BriefScreen))
        assert app.is_running


async def test_the_keys_scroll_with_the_list_keys(brief_copy: Path) -> None:
    app = make_app(brief_copy, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        box = app.screen.query_one("#help")
        await pilot.press("G")
        await wait_until(pilot, lambda: box.scroll_y == box.max_scroll_y > 0)
        await pilot.press("k")
        await wait_until(pilot, lambda: box.scroll_y == box.max_scroll_y - 1)
        await pilot.press("g")
        await wait_until(pilot, lambda: box.scroll_y == 0)
        await pilot.press("j")
        await wait_until(pilot, lambda: box.scroll_y == 1)


async def test_c_on_a_detail_of_the_bundled_brief_refuses_and_says_how_to_edit() -> None:
    from tests.apps import messages
    from tests.conftest import SEED

    before = SEED.read_bytes()
    app = make_app(SEED, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.session.read_only
        await open_detail(pilot, "3", "enter")
        await pilot.press("c")
        await wait_until(pilot, lambda: any("read-only" in text for text in messages(app)))
        assert not isinstance(app.screen, ResolveForm)
    assert SEED.read_bytes() == before


async def test_a_long_place_in_the_file_keeps_its_name_and_line_on_one_line(tmp_path: Path) -> None:
    from tests.conftest import SEED

    folder = tmp_path / ("a-long-folder-name-" * 6)
    folder.mkdir()
    path = folder / "brief.toml"
    path.write_bytes(SEED.read_bytes())
    app = make_app(path, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_detail(pilot, "3", "enter")
        where = app.screen.query_one("#detail-where", PathLine)
        await wait_until(pilot, lambda: where.shown.startswith("…"))
        shown = where.shown
        assert shown.endswith("-/brief.toml:56") and len(shown) == where.size.width and where.size.height == 1
        assert shown in app.export_screenshot()  # as drawn


@pytest.fixture
def fresh_help_drawings() -> Iterator[None]:
    """The helps' kept drawings as a new process has them: none (they are kept for the process, across apps)."""
    from briefing.ui.screens.help import _drawing

    _drawing.cache_clear()
    yield
    _drawing.cache_clear()


@pytest.mark.usefixtures("fresh_help_drawings")
async def test_the_keys_opened_again_draw_nothing_they_drew_before_but_follow_the_theme(
    brief_copy: Path, monkeypatch: Any
) -> None:
    from textual.visual import Visual

    from briefing.ui.widgets.two_columns import TwoColumns

    drawn: list[int] = []
    to_strips = Visual.to_strips

    def counted(widget: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(widget, TwoColumns):
            drawn.append(1)
        return to_strips(widget, *args, **kwargs)

    monkeypatch.setattr(Visual, "to_strips", staticmethod(counted))

    async def keys_shown(pilot: Any) -> list[Any]:
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        await settle(pilot)
        table = app.screen.query_one(TwoColumns)
        lines = [table.render_line(y) for y in range(table.content_size.height)]
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, BriefScreen))
        return lines

    app = make_app(brief_copy, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        first = await keys_shown(pilot)
        assert drawn  # (as it was shown, or before, unseen: `compose_ahead`)
        drawn.clear()
        again = await keys_shown(pilot)
        assert not drawn and again == first
        app.theme = "textual-light" if app.theme != "textual-light" else "nord"
        await settle(pilot)
        drawn.clear()
        themed = await keys_shown(pilot)
        assert drawn and themed != first
    # The same keys share what was drawn; other keys (another screen's) have their own.
    rows = [("?", "The keys"), ("q", "Quit")]
    assert keys_table(rows).drawing is keys_table(list(rows)).drawing
    assert keys_table(rows[:1]).drawing is not keys_table(rows).drawing


@pytest.mark.usefixtures("fresh_help_drawings")
async def test_a_kept_drawing_forgets_beyond_its_bounds(brief_copy: Path, monkeypatch: Any) -> None:
    from briefing.ui.widgets import two_columns

    monkeypatch.setattr(two_columns, "MOST_WIDTHS", 2)
    monkeypatch.setattr(two_columns, "MOST_STRIPS", 5)
    table = keys_table([("x", "A key"), ("z", "Another key")])
    for width in (40, 50, 60):
        assert table.lines(width)
        assert len(table.drawing.laid_out) <= 2
    assert 60 in table.drawing.laid_out
    app = make_app(brief_copy, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        await settle(pilot)
        shown = app.screen.query_one(two_columns.TwoColumns)
        assert 0 < len(shown.drawing.strips) <= 5


async def test_question_mark_over_a_detail_lists_the_keys_that_work_there(brief_copy: Path) -> None:
    """A dialog takes none of the app's keys but its priority ones: the keys listed are the dialog's and those."""
    app = make_app(brief_copy, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        detail = await open_detail(pilot, "3", "enter")
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen) and help_screen.title_shown == "an item"
        said = dict((meaning, keys) for keys, meaning in help_screen.rows)
        assert said["Close this view (not the app)"] == "q"
        assert said["Draw the whole screen again (when another program has written over it)"] == "^l"
        assert "On a confirmation: mark it confirmed (asks for the resolution and date)" in said
        assert "On a resolved confirmation: make it pending again" not in said, "this one is pending"
        assert "Quit" not in said and "Go to the summary" not in said, "the app's and the brief's keys do not reach"
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: app.screen is detail)


async def test_m_over_a_detail_lists_the_messages_and_m_comes_back_to_it(brief_copy: Path) -> None:
    app = make_app(brief_copy, TODAY)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        detail = await open_detail(pilot, "3", "enter")
        await pilot.press("y")  # copied: a message
        await wait_until(pilot, lambda: bool(app.screen.query("Toast")))
        await pilot.press("m")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "MessageLog")
        assert any(said.text.startswith("Copied") for said in app.said), [said.text for said in app.said]
        await pilot.pause()  # the toasts are put on a new screen by a callback
        assert not app.screen.query("Toast"), "each message is in the list in full: no toast left over it"
        await pilot.press("m")
        await wait_until(pilot, lambda: app.screen is detail)


async def test_question_mark_over_the_messages_lists_theirs(brief_copy: Path) -> None:
    app = make_app(brief_copy, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "MessageLog")
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert app.screen.title_shown == "the messages"  # type: ignore[attr-defined]
        assert ("m", "Close the messages") in app.screen.rows  # type: ignore[attr-defined]


async def test_f1_in_the_resolve_form_lists_its_keys_and_leaves_what_was_typed(brief_copy: Path) -> None:
    app = make_app(brief_copy, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("3", "c")
        await wait_until(pilot, lambda: isinstance(app.screen, ResolveForm))
        form = app.screen
        await pilot.press("O", "k", "question_mark")
        await pilot.press("f1")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert app.screen.title_shown == "a confirmation's resolution"  # type: ignore[attr-defined]
        said = dict((meaning, keys) for keys, meaning in app.screen.rows)  # type: ignore[attr-defined]
        assert said["The keys of the screen or dialog on top, from anywhere (in a text field too)"] == "f1"
        assert "Quit" not in said and "Go to the summary" not in said, "the app's and the brief's keys do not reach"
        await pilot.press("f1")
        await wait_until(pilot, lambda: app.screen is form)
        assert form.query_one("#resolution", Input).value == "Ok?", "? is typed in a text field; f1 is not"


async def test_the_keys_shown_again_are_the_same_dialog_over_the_screen_as_it_is_now(brief_copy: Path) -> None:
    fresh = make_app(brief_copy, TODAY)
    async with fresh.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("3", "question_mark")
        await wait_until(pilot, lambda: isinstance(fresh.screen, HelpScreen))
        await pilot.pause()
        expected = fresh.export_screenshot()
    app = make_app(brief_copy, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        kept = app.screen
        await pilot.press("G")  # the list scrolled to its end
        await wait_until(pilot, lambda: kept.query_one("#help").scroll_y > 0)
        await pilot.press("escape", "3", "question_mark")
        await wait_until(pilot, lambda: app.screen is kept)
        await pilot.pause()
        assert kept.query_one("#help").scroll_y == 0, "shown again from the top"
        assert app.export_screenshot() == expected, "the screen behind as it is now (pending), not as it was"


async def test_no_more_than_eight_help_dialogs_are_kept(brief_copy: Path) -> None:
    from briefing.ui.screens.help import HELPS_KEPT, KeptHelps

    app = make_app(brief_copy, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        helps = KeptHelps(app)
        names = [helps.name_for(f"screen {number}", [("x", "Does x")]) for number in range(HELPS_KEPT + 2)]
        assert helps.name_for("screen 9", [("x", "Does x")]) == names[9], "the same keys: the same dialog"
        assert [app.is_screen_installed(name) for name in names] == [False, False] + [True] * HELPS_KEPT


@pytest.mark.parametrize(
    ("size", "first"),
    [((120, 40), ("3", "enter")), ((80, 20), ("4", "enter"))],
    ids=["a confirmation, then a stop", "a stop scrolled to its end, then another"],
)
async def test_a_detail_shown_again_for_another_item_is_that_items_detail(
    brief_copy: Path, size: tuple[int, int], first: tuple[str, ...]
) -> None:
    async def screenshot_of(*keys: str, first: tuple[str, ...] = ()) -> tuple[str, DetailScreen]:
        app = make_app(brief_copy, TODAY)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            if first:
                earlier = await open_detail(pilot, *first)
                await pilot.press("G")
                await wait_until(
                    pilot, lambda: earlier.query_one("#detail").scroll_y == earlier.query_one("#detail").max_scroll_y
                )
                await pilot.press("escape")
                await wait_until(pilot, lambda: isinstance(app.screen, BriefScreen))
            detail = await open_detail(pilot, *keys)
            if first:
                assert detail is earlier, "the same dialog, kept"
            await pilot.pause()
            return app.export_screenshot(), detail

    # The second item's heading, rows, line and keys (a stop has no c or d), from its top.
    expected, fresh = await screenshot_of("4", "j", "enter")
    shown, kept = await screenshot_of("4", "j", "enter", first=first)
    assert shown == expected
    assert (kept.heading, kept.rows, kept.where, kept.link, kept.confirmation) == (
        fresh.heading, fresh.rows, fresh.where, fresh.link, fresh.confirmation
    )  # fmt: skip


@pytest.mark.parametrize("meanwhile", ["nothing", "resized", "light theme"])
async def test_the_first_keys_and_detail_of_a_session_are_ready_before_they_are_asked_for(
    brief_copy: Path, monkeypatch: pytest.MonkeyPatch, meanwhile: str
) -> None:
    from briefing.ui import app as app_module
    from briefing.ui.screens.detail import KEPT_DETAIL

    async def screenshots(ahead: bool) -> tuple[str, str]:
        if not ahead:
            monkeypatch.setattr(app_module, "COMPOSE_AHEAD_AFTER_SECONDS", 3600.0)
        app = make_app(brief_copy, TODAY)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            if ahead:
                await wait_until(pilot, lambda: app.is_screen_installed(KEPT_DETAIL))
                help_ahead, detail_ahead = app.get_screen(app._help_name(app.screen)), app.get_screen(KEPT_DETAIL)
                assert help_ahead.is_running and detail_ahead.is_running, "composed and mounted"
                assert app.screen_stack == [app.screen] and isinstance(app.screen, BriefScreen), "and not shown"
            else:
                assert not app.is_screen_installed(KEPT_DETAIL)
            if meanwhile == "resized":
                await pilot.resize_terminal(80, 24)
            elif meanwhile == "light theme":
                app.theme = "textual-light"
            await until_still(pilot)
            await pilot.press("question_mark")
            await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
            assert not ahead or app.screen is help_ahead
            await pilot.pause()
            keys = app.export_screenshot()
            await pilot.press("escape")
            detail = await open_detail(pilot, "4", "j", "enter")  # composed with the first confirmation
            assert not ahead or detail is detail_ahead
            await pilot.pause()
            return keys, app.export_screenshot()

    ready = await screenshots(ahead=True)
    assert ready == await screenshots(ahead=False)


def rows_of(update: Any) -> set[int]:
    """The rows a frame of Textual's compositor writes."""
    from textual._compositor import ChopsUpdate, LayoutUpdate

    if isinstance(update, ChopsUpdate):
        return {y for y, _start, _end in update.spans}
    if isinstance(update, LayoutUpdate):
        return set(range(update.region.y, update.region.bottom))
    return set()


@pytest.mark.parametrize("keys, dialog", [(["question_mark"], HelpScreen), (["3", "enter"], DetailScreen)],
                         ids=["?", "enter"])  # fmt: skip
async def test_the_first_keys_and_detail_of_a_session_lay_nothing_out_and_come_whole_in_one_frame(
    keys: list[str], dialog: type[Screen[Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Composed ahead, they are laid out and drawn ahead too (their scrollbars styled as showing them would): the
    first ? and the first enter, on the item the detail was composed with, lay nothing out and draw the whole dialog
    in their first frame, as the next ones do (the racks of toasts: see the test below)."""
    from textual._compositor import Compositor

    from briefing.ui.screens.detail import KEPT_DETAIL

    app = make_app(today=TODAY)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:  # the screens' toasts' racks too
        await settle(pilot)

        def ready() -> bool:
            if not app.is_screen_installed(KEPT_DETAIL):
                return False
            ahead = [app.get_screen(app._help_name(app.screen)), app.get_screen(KEPT_DETAIL)]
            return all(getattr(screen, "_drawn", None) is not None for screen in ahead)

        await wait_until(pilot, ready)
        await pilot.press(*keys[:-1])
        await until_still(pilot)
        layouts: list[Compositor] = []
        reflow = Compositor.reflow

        def counted(self: Compositor, *args: Any, **kwargs: Any) -> Any:
            layouts.append(self)
            return reflow(self, *args, **kwargs)

        monkeypatch.setattr(Compositor, "reflow", counted)
        frames: list[set[int]] = []
        display = app._display

        def written(screen: Screen[Any], renderable: Any) -> None:
            frames.append(rows_of(renderable))
            display(screen, renderable)

        app._display = written  # type: ignore[method-assign]
        await pilot.press(keys[-1])
        await wait_until(pilot, lambda: isinstance(app.screen, dialog))
        await until_still(pilot)
        assert layouts == []
        drawn = [rows for rows in frames if rows]
        assert drawn and drawn[0] == set(range(40)), [sorted(rows)[:3] for rows in drawn]
        app._display = display  # type: ignore[method-assign]
        monkeypatch.undo()
        await drawn_as_laid_out_afresh(pilot)


@pytest.mark.parametrize("before", [[], ["j"]], ids=["the same item", "the next"])
async def test_the_kept_detail_shown_again_is_whole_in_its_first_frame(before: list[str]) -> None:
    """Given its new item before it is pushed, its changed widgets were drawn alone in the first frame, over the
    brief undimmed, and the rest of it a frame later."""
    app = make_app()
    frames: list[set[int]] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_detail(pilot, "3", "enter")
        await pilot.press("escape", *before)
        await wait_until(pilot, lambda: isinstance(app.screen, BriefScreen))
        await until_still(pilot)
        display = app._display

        def written(screen: Screen[Any], renderable: Any) -> None:
            frames.append(rows_of(renderable))
            display(screen, renderable)

        app._display = written  # type: ignore[method-assign]
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, DetailScreen))
        await until_still(pilot)
    drawn = [rows for rows in frames if rows]
    assert drawn and drawn[0] == set(range(40)), [sorted(rows)[:3] for rows in drawn]


async def test_dialogs_composed_ahead_as_the_app_closes_close_without_an_error(
    brief_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Quitting just as the keys and the detail are composed ahead: the app closes them before they have composed
    (Textual then mounts nothing in them), and they must not look for what they would have held."""
    from briefing.ui import app as app_module
    from briefing.ui.screens.detail import KEPT_DETAIL

    monkeypatch.setattr(app_module, "COMPOSE_AHEAD_AFTER_SECONDS", 3600.0)
    app = make_app(brief_copy, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app._compose_ahead()
        ahead = [app.get_screen(app._help_name(app.screen)), app.get_screen(KEPT_DETAIL)]
        for screen in ahead:  # as Textual's App._close_all closes the installed screens when the app quits
            await screen._close_messages(wait=False)
        await wait_until(pilot, lambda: all(screen._closed for screen in ahead))
        assert app._exception is None
        await pilot.press("q")
    assert app.return_code == 0


async def test_dialogs_mounted_ahead_as_the_app_closes_are_not_laid_out(
    brief_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The keys and the detail mounted ahead as the app quits: the app's stack of screens is empty by then (Textual's
    App._close_all empties it), and what lays them out and draws them unseen must not ask it for the screen on top
    (it raised, and the app closed with a traceback)."""
    from briefing.ui import app as app_module
    from briefing.ui import backdrop
    from briefing.ui.screens.detail import KEPT_DETAIL

    monkeypatch.setattr(app_module, "COMPOSE_AHEAD_AFTER_SECONDS", 3600.0)
    app = make_app(brief_copy, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        monkeypatch.setattr(backdrop, "_lay_out_unseen", lambda app, screen: False)  # mounted, not laid out yet
        app._compose_ahead()
        ahead = [app.get_screen(app._help_name(app.screen)), app.get_screen(KEPT_DETAIL)]
        await wait_until(pilot, lambda: all(screen.is_mounted for screen in ahead))
        monkeypatch.undo()
        stack = app._screen_stacks[app._current_mode]
        shown = stack.copy()
        stack.clear()
        try:
            for screen in ahead:
                assert not backdrop._lay_out_unseen(app, screen)
                backdrop._draw_ahead(app, screen, 1, backdrop.QUIET_ROUNDS)
                assert getattr(screen, "_drawn", None) is None
        finally:
            stack.extend(shown)
        await pilot.press("q")
    assert app.return_code == 0


async def test_the_palette_opens_over_a_dialog_and_from_a_text_field(brief_copy: Path) -> None:
    """ctrl+p is a priority key, as in Textual: over a detail, the palette offers the app's commands and runs them
    over the detail; in the resolve form's text field, it opens the palette and leaves what was typed."""
    from tests.apps import choose_in_palette

    app = make_app(brief_copy, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        detail = await open_detail(pilot, "3", "enter")
        await choose_in_palette(pilot, "keys")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert "Keys · an item" in app.export_screenshot().replace("&#160;", " ")
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is detail)
        await pilot.press("c")
        await wait_until(pilot, lambda: isinstance(app.screen, ResolveForm))
        await pilot.press(*"said so", "ctrl+p")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "CommandPalette")
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ResolveForm))
        assert app.screen.query_one(Input).value == "said so"


async def test_a_screen_shown_the_first_time_lays_out_no_rack_of_toasts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each screen has a rack for toasts, hidden by its CSS until there is one. Textual gave the rack its scrollbar
    as it was mounted, and a style of its own (hidden) as the screen was shown: each a layout of the whole screen, a
    frame after the screen's first. It now has its scrollbar before it is mounted, and a hidden rack with nothing
    to show is left as it is; a toast still shows, and on a screen shown while it is up."""
    from textual.widgets._toast import ToastRack

    app = make_app(today=TODAY)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        asked: list[object] = []
        on_layout = Screen._on_layout

        async def recorded(self: Screen[Any], message: Any) -> None:
            asked.append(message.widget)
            await on_layout(self, message)

        monkeypatch.setattr(Screen, "_on_layout", recorded)
        await pilot.press("m")  # the messages: a new screen each time
        await wait_until(pilot, lambda: type(app.screen).__name__ == "MessageLog")
        await until_still(pilot)
        assert asked, "the screen asked for layouts of its own"
        assert not [widget for widget in asked if isinstance(widget, ToastRack)]
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, BriefScreen))
        app.notify("Zanzibar", markup=False)
        await wait_until(pilot, lambda: "Zanzibar" in app.export_screenshot())
        await pilot.press("question_mark")  # a screen shown while there is a toast: it shows there too
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        await wait_until(pilot, lambda: "Zanzibar" in app.export_screenshot())
