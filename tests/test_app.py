"""Driving the app with the keyboard, as a reader would (Textual Pilot)."""

from __future__ import annotations

import re
import webbrowser
from pathlib import Path

from textual.command import CommandPalette
from textual.content import Content
from textual.widgets import Static

from briefing.format.load import load_path
from briefing.ui.app import BriefingApp
from briefing.ui.keys import APP_BINDINGS, BRIEF_BINDINGS, LIST_BINDINGS, SCROLL_BINDINGS
from briefing.ui.panes.base import MATCH_STYLE, ItemList
from briefing.ui.panes.summary import SummaryScroll
from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.detail import DetailScreen
from briefing.ui.screens.errors import ErrorScreen, ProblemList
from briefing.ui.screens.help import HelpScreen
from tests.apps import FakeBrowser, choose_in_palette, make_app, search_palette, settle, shown_text, wait_until
from tests.conftest import MINIMAL_BRIEF, ROOT, SEED

WIDE, NARROW = (120, 40), (80, 24)


def brief_screen(app: BriefingApp) -> BriefScreen:
    screen = app.screen
    assert isinstance(screen, BriefScreen)
    return screen


def shown_sections(app: BriefingApp) -> list[str]:
    screen = brief_screen(app)
    return [pane.id or "" for pane in screen.query(".pane") if pane.display and pane.parent and pane.parent.display]


def focused_section(app: BriefingApp) -> str | None:
    focused = app.focused
    while focused is not None and "pane" not in focused.classes:
        focused = focused.parent  # type: ignore[assignment]
    return focused.id if focused is not None else None


def detail_text(app: BriefingApp) -> str:
    screen = app.screen
    assert isinstance(screen, DetailScreen)
    from briefing.ui.widgets.path_line import PathLine

    return "\n".join([shown_text(screen), *(line.shown for line in screen.query(PathLine))])


async def test_opens_on_the_summary_with_the_side_panes() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert isinstance(app.focused, SummaryScroll)
        assert shown_sections(app) == ["summary", "confirmations", "itinerary"]
        title = app.screen.query_one("#part-0", Static)
        assert str(title.visual).startswith("Putin Likely To Visit North Korea Next Week")


async def test_number_keys_bring_each_section_forward_when_wide() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        expected = {
            "2": ["quotes", "confirmations", "itinerary"],
            "5": ["sources", "confirmations", "itinerary"],
            "3": ["sources", "confirmations", "itinerary"],
            "4": ["sources", "confirmations", "itinerary"],
            "1": ["summary", "confirmations", "itinerary"],
        }
        for key, shown in expected.items():
            await pilot.press(key)
            assert shown_sections(app) == shown, key
            assert focused_section(app) == brief_screen(app).section


async def test_number_keys_show_one_pane_at_a_time_when_narrow() -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        assert shown_sections(app) == ["summary"]
        for key, section in zip("23451", ["quotes", "confirmations", "itinerary", "sources", "summary"], strict=True):
            await pilot.press(key)
            assert shown_sections(app) == [section]
            assert focused_section(app) == section


async def test_in_one_column_the_pane_shown_fills_it() -> None:
    """The pending confirmations too, which in two columns share theirs with the itinerary (at most 60% of it)."""
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        column = brief_screen(app).query_one("#columns")
        for key, section in zip("23451", ["quotes", "confirmations", "itinerary", "sources", "summary"], strict=True):
            await pilot.press(key)
            await settle(pilot)
            assert brief_screen(app).query_one(f"#{section}").outer_size.height == column.size.height, section
        await pilot.resize_terminal(*WIDE)
        await pilot.press("3")
        await settle(pilot)
        pending = brief_screen(app).query_one("#confirmations")
        assert pending.outer_size.height < column.size.height * 0.6 + 1, "two columns: sized to its items as before"


async def test_every_pane_is_on_screen_in_three_columns_and_keys_only_move_the_focus() -> None:
    app = make_app()
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        everything = ["summary", "quotes", "sources", "confirmations", "itinerary"]
        assert shown_sections(app) == everything
        for key, section in zip("23451", ["quotes", "confirmations", "itinerary", "sources", "summary"], strict=True):
            await pilot.press(key)
            assert shown_sections(app) == everything
            assert focused_section(app) == section
        await pilot.press("tab")
        assert focused_section(app) == "quotes"


async def test_resizing_across_the_layouts_keeps_the_focused_pane_on_screen() -> None:
    app = make_app()
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        await pilot.press("5")
        for size, shown in [
            ((120, 40), ["sources", "confirmations", "itinerary"]),
            ((80, 24), ["sources"]),
            ((200, 60), ["summary", "quotes", "sources", "confirmations", "itinerary"]),
        ]:
            await pilot.resize_terminal(*size)
            await settle(pilot)
            assert shown_sections(app) == shown, size
            assert focused_section(app) == "sources"


async def test_tab_and_shift_tab_cycle_through_the_panes() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        visited = []
        for _ in range(5):
            await pilot.press("tab")
            visited.append(focused_section(app))
        assert visited == ["quotes", "confirmations", "itinerary", "sources", "summary"]
        await pilot.press("shift+tab")
        assert focused_section(app) == "sources"


async def test_resizing_switches_between_side_by_side_and_one_pane() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await pilot.resize_terminal(*NARROW)
        await pilot.pause()
        assert shown_sections(app) == ["itinerary"]
        await pilot.resize_terminal(*WIDE)
        await pilot.pause()
        assert shown_sections(app) == ["summary", "confirmations", "itinerary"]
        assert focused_section(app) == "itinerary"


async def test_j_k_g_and_shift_g_move_in_lists() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("4")
        items = app.screen.query_one("#itinerary ItemList", ItemList)
        assert items.highlighted == 0
        await pilot.press("j")
        assert items.highlighted == 1
        await pilot.press("k")
        assert items.highlighted == 0
        await pilot.press("G")
        assert items.highlighted == 1
        await pilot.press("g")
        assert items.highlighted == 0
        await pilot.press("down")
        assert items.highlighted == 1


async def test_j_k_g_and_shift_g_scroll_the_summary() -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        scroll = app.screen.query_one(SummaryScroll)
        assert scroll.max_scroll_y > 0
        await pilot.press("j", "j")
        assert scroll.scroll_y == 2
        await pilot.press("k")
        assert scroll.scroll_y == 1
        await pilot.press("G")
        assert scroll.scroll_y == scroll.max_scroll_y
        await pilot.press("g")
        assert scroll.scroll_y == 0


async def test_enter_opens_each_kind_of_item_and_escape_returns() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("2", "enter")
        text = detail_text(app)
        for expected in ("Kim Jong Un", "North Korean leader", "12 Jun 2024", "comrades-in-arms", "Hailing North"):
            assert expected in text
        await pilot.press("escape")
        assert isinstance(app.screen, BriefScreen)
        assert focused_section(app) == "quotes"

        await pilot.press("3", "enter")
        text = detail_text(app)
        for expected in ("The dates of Putin's visit", "PENDING", "Kremlin, Russian Foreign Ministry",
                         "age 0 days as of 12 Jun 2024", "Vedomosti  ·  id vedomosti", "visit-dates"):  # fmt: skip
            assert expected in text
        await pilot.press("escape", "4", "j", "enter")
        text = detail_text(app)
        for expected in (
            "Vietnam", "“around June 19 and 20”", "~19–20 Jun 2024  (approximate)", "likely",
            "The agenda of Putin's visit to Vietnam", "Officials in Hanoi",
            "Vedomosti  ·  id vedomosti\nReuters  ·  id reuters",
        ):  # fmt: skip
            assert expected in text
        assert "2024-06-12-putin-north-korea-vietnam.toml:" in text
        await pilot.press("escape", "5", "j", "enter")
        assert "Reuters" in detail_text(app) and "wire" in detail_text(app)
        assert "Cited by\nconfirmation: The agenda of Putin's visit to Vietnam\nstop: Vietnam" in detail_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, BriefScreen)


async def test_enter_on_an_empty_section_opens_nothing(write_brief) -> None:  # type: ignore[no-untyped-def]
    app = make_app(write_brief(MINIMAL_BRIEF))
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("2", "enter")
        assert isinstance(app.screen, BriefScreen)
        options = app.screen.query_one("#quotes ItemList", ItemList)
        assert str(options.get_option_at_index(0).prompt) == "No quotes."


async def test_find_moves_to_matches_and_n_steps_through_them() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"hanoi")
        screen = brief_screen(app)
        # A key point, the body, the second confirmation twice (whom it is awaited from, its note), a stop's purpose.
        assert screen.matches.status() == "“hanoi” 1/5"
        await pilot.press("enter")
        assert not screen.query_one("#find").display
        assert focused_section(app) == "summary"
        await pilot.press("n")
        assert screen.matches.status() == "“hanoi” 2/5"
        await pilot.press("n")
        assert focused_section(app) == "confirmations"
        pending = app.screen.query_one("#confirmations ItemList", ItemList)
        assert pending.highlighted == 1
        await pilot.press("n")
        assert screen.matches.status() == "“hanoi” 4/5"
        assert focused_section(app) == "confirmations" and pending.highlighted == 1
        await pilot.press("n")
        assert focused_section(app) == "itinerary"
        await pilot.press("N", "N", "N")
        assert screen.matches.status() == "“hanoi” 2/5"
        assert "“hanoi” 2/5" in str(screen.query_one("#sections", Static).visual)


async def test_the_current_match_is_marked_apart_from_the_others() -> None:
    from briefing.ui.panes.base import CURRENT_MATCH_STYLE

    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        pending = app.screen.query_one("#confirmations ItemList", ItemList)

        def marks() -> list[tuple[object, int]]:
            prompt = pending.shown_prompt(1)
            return [(span.style, span.start) for span in prompt.spans if "reverse" in str(span.style)]

        await pilot.press("slash", *"hanoi", "enter", "n", "n")
        first, second = (hit.start() for hit in re.finditer("Hanoi", pending.shown_prompt(1).plain))
        assert (CURRENT_MATCH_STYLE, first) in marks() and (CURRENT_MATCH_STYLE, second) not in marks()
        await pilot.press("n")
        assert (CURRENT_MATCH_STYLE, second) in marks() and (CURRENT_MATCH_STYLE, first) not in marks()


async def test_n_after_escape_takes_up_the_last_find_where_it_was_left() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = brief_screen(app)
        await pilot.press("slash", *"hanoi", "enter", "n", "n")
        assert screen.matches.status() == "“hanoi” 3/5"
        await pilot.press("escape")
        assert screen.matches.status() == ""
        await pilot.press("n")
        assert screen.matches.status() == "“hanoi” 4/5"
        await pilot.press("escape", "N")
        assert screen.matches.status() == "“hanoi” 3/5"
        await pilot.press("escape", "slash", "enter")
        assert screen.matches.status() == "“hanoi” 1/5", "enter on an empty find runs the last one again"


async def test_find_searches_every_text_on_screen_and_marks_it_where_it_is_drawn() -> None:

    from briefing.ui.facts import Facts
    from briefing.ui.panes.base import CURRENT_MATCH_STYLE, MATCH_STYLE
    from briefing.ui.panes.summary import SummaryPane
    from briefing.ui.widgets.body import BodyView

    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = brief_screen(app)
        await pilot.press("slash", *"internat")
        meta = screen.query_one("SummaryPane .meta", Static)
        # The brief's category, and the article's section twice: where the quote came through, and in the sources.
        assert screen.matches.status() == "“internat” 1/3"
        assert isinstance(meta.visual, Facts)
        shown = meta.visual.content
        assert [shown.plain[span.start : span.end] for span in shown.spans if span.style == CURRENT_MATCH_STYLE] == [
            "Internat"
        ]
        await pilot.press("enter", "n")
        assert isinstance(meta.visual, Facts)
        shown = meta.visual.content
        assert [shown.plain[span.start : span.end] for span in shown.spans if span.style == MATCH_STYLE] == ["Internat"]
        await pilot.press("enter", "escape", "slash", *"wire")
        assert screen.matches.status() == "“wire” 1/1"
        assert screen.section == "sources"
        await pilot.press("enter", "escape", "slash", *"vostochny")
        assert screen.matches.status() == "“vostochny” 1/1"  # in the body
        body = screen.query_one(SummaryPane).query_one(BodyView)
        lines, _starts = body._laid_out(body.content_size.width)
        body_spans = [line.plain[span.start : span.end] for line in lines
                      for span in line.spans if span.style == CURRENT_MATCH_STYLE]  # fmt: skip
        assert body_spans == ["Vostochny"]
        await pilot.press("enter", "escape", "slash", *"hailing north")
        assert screen.matches.status() == "“hailing north” 1/1", "a quote's context"
        assert screen.section == "quotes"


async def test_find_escape_cancels_and_keeps_the_pane() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("3", "slash", *"reuters")
        await pilot.press("escape")
        screen = brief_screen(app)
        assert not screen.query_one("#find").display
        assert focused_section(app) == "confirmations"
        assert screen.matches.status() == ""


async def test_find_with_no_match_says_so() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"zzzz", "enter")
        assert brief_screen(app).matches.status() == "no match for “zzzz”"
        await pilot.press("n")
        assert focused_section(app) == "summary"


async def test_question_mark_opens_the_help_and_escape_closes() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, BriefScreen)


async def test_help_lists_every_key_of_the_screen_it_is_opened_over() -> None:
    from briefing.ui.keys import CONFIRMATION_BINDINGS, FIND_BINDINGS

    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        texts = [text for _keys, text in help_screen.rows]
        for binding in (*APP_BINDINGS, *BRIEF_BINDINGS, *LIST_BINDINGS, *SCROLL_BINDINGS, *CONFIRMATION_BINDINGS,
                        *FIND_BINDINGS):  # fmt: skip
            assert binding.tooltip in texts, f"{binding.id} is missing from the help"
        assert dict((text, keys) for keys, text in help_screen.rows)["Down"] in ("j ↓", "↓ j")


async def test_help_follows_remapped_keys_and_the_screen(tmp_path: Path) -> None:
    from briefing.library.index import Library
    from briefing.system.settings import Settings

    keys = {"brief.copy": "Y", "app.quit": "ctrl+q", "detail.back": "x"}
    app = BriefingApp(SEED, load_path(SEED), settings=Settings(keys=keys))
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        rows = {text: shown for shown, text in app.screen.rows}  # type: ignore[attr-defined]
        copy = next(binding for binding in BRIEF_BINDINGS if binding.id == "brief.copy")
        assert rows[copy.tooltip or ""] == "Y"
        assert rows["Quit"] == "^q"
        assert str(app.screen.query_one("#help").border_subtitle) == " x back "
        await pilot.press("x", "3", "enter")
        assert str(app.screen.query_one("#detail").border_subtitle) == " y copy · x back "
    library = Library([SEED.parent], tmp_path / "cache")
    app = BriefingApp(None, None, library=library)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("question_mark")
        texts = [text for _shown, text in app.screen.rows]  # type: ignore[attr-defined]
        assert any(text.startswith("The next order: the list's newest, oldest, title") for text in texts)
        assert not [text for text in texts if text.startswith(("Edit the file", "Go to the", "Copy"))]


def test_the_readme_key_tables_are_the_bindings() -> None:
    from briefing.ui.keys import README_TABLES, markdown_table

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in README_TABLES:
        assert f"<!-- keys: {name} -->\n{markdown_table(name)}\n<!-- /keys -->" in readme, name


async def test_q_quits() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_palette_jumps_to_an_item_by_fuzzy_name() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press("escape")
        await search_palette(pilot, "reuters")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BriefScreen)
        assert focused_section(app) == "sources"
        assert app.screen.query_one("#sources ItemList", ItemList).highlighted == 1


async def test_palette_jumps_to_a_section() -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await choose_in_palette(pilot, "go to itinerary")
        assert shown_sections(app) == ["itinerary"]


async def test_a_brief_with_problems_opens_the_error_view(write_brief) -> None:  # type: ignore[no-untyped-def]
    path = write_brief(MINIMAL_BRIEF.replace('title = "Minimal"', "title = 3"))
    app = make_app(path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ErrorScreen)
        problems = app.screen.query_one(ProblemList)
        assert "line 4" in str(problems.get_option_at_index(0).prompt)
        assert "expected a string, got the integer 3" in str(problems.get_option_at_index(0).prompt)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_markdown_links_other_than_http_are_refused(write_brief, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from briefing.ui.widgets.body import BodyView

    browser = FakeBrowser()
    monkeypatch.setattr(webbrowser, "get", lambda using=None: browser)
    body = "[ftp](ftp://example.org/x) and [web](https://example.org) and [js](javascript:alert(1))"
    app = make_app(write_brief(MINIMAL_BRIEF + f'body = "{body}"\n'))
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        view = app.screen.query_one(BodyView)
        shown = view._laid_out(view.content_size.width)[0][0].plain
        assert shown == "ftp and web and [js](javascript:alert(1))", "markdown-it never makes javascript: a link"
        await pilot.click(view, offset=(shown.index("ftp"), 0))
        await wait_until(pilot, lambda: any("only http and https" in str(n.message) for n in app._notifications))
        await pilot.click(view, offset=(shown.index("web"), 0))
        await pilot.click(view, offset=(shown.index("[js]"), 0))
        await wait_until(pilot, lambda: browser.opened == ["https://example.org"])
        assert browser.opened == ["https://example.org"]


def test_content_is_never_markup() -> None:
    assert str(Content("[bold]x[/]")) == "[bold]x[/]"


async def test_today_overrides_the_age_of_confirmations(tmp_path: Path) -> None:
    import datetime as dt

    app = make_app(today=dt.date(2024, 6, 22))
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        first = app.screen.query_one("#confirmations ItemList", ItemList).get_option_at_index(0)
        assert "age 10 days" in str(first.prompt)


async def test_a_confirmation_reported_after_today_says_when_not_a_negative_age() -> None:
    import datetime as dt

    app = make_app(today=dt.date(2024, 6, 2))
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        first = app.screen.query_one("#confirmations ItemList", ItemList).get_option_at_index(0)
        assert "◌ PENDING  ·  reported in 10 days\n" in str(first.prompt)
        await pilot.press("3", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, DetailScreen))
        screen = app.screen
        assert isinstance(screen, DetailScreen)
        assert dict(screen.rows)["Reported since"] == "12 Jun 2024  ·  in 10 days  ·  0 days at the brief's as-of"


async def test_find_never_marks_the_stand_in_for_an_empty_list(tmp_path: Path) -> None:
    path = tmp_path / "minimal.toml"
    path.write_text(MINIMAL_BRIEF, encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"no quotes")
        empty = app.screen.query_one("#quotes ItemList", ItemList)
        assert empty.shown_prompt(0).plain == "No quotes."
        assert not [span for span in empty.shown_prompt(0).spans if span.style == MATCH_STYLE]


async def test_find_marks_matches_and_escape_clears_them() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        pending = app.screen.query_one("#confirmations ItemList", ItemList)

        def marked() -> list[str]:
            prompt = pending.shown_prompt(0)
            return [prompt.plain[span.start : span.end] for span in prompt.spans if span.style == MATCH_STYLE]

        await pilot.press("slash", *"kremlin", "enter")
        assert marked() == ["Kremlin"]
        await pilot.press("escape")
        assert marked() == []
        assert brief_screen(app).matches.status() == ""


async def test_a_find_typed_faster_than_the_screen_draws_goes_whole_into_the_bar() -> None:
    """`/kremlin⏎` arriving all at once (a fast typist, a paste): every letter is the find's, none a pane's key."""
    from textual import events

    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        shown = app.screen
        assert isinstance(shown, BriefScreen)
        screen: BriefScreen = shown
        driver = app._driver
        assert driver is not None
        for key, character in (("slash", "/"), *((letter, letter) for letter in "kremlin"), ("enter", "\r")):
            driver.send_message(events.Key(key, character))  # all at once, as a terminal sends a paste
        await wait_until(pilot, lambda: screen.matches.query == "kremlin" and not screen.query_one("#find").display)
        assert app.screen is screen and screen.matches.found
        assert all(occurrence.drawn.text[occurrence.start : occurrence.end].casefold() == "kremlin"
                   for occurrence in screen.matches.found)  # fmt: skip
