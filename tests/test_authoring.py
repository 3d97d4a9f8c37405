"""The authoring loop in the app: it follows the file on disk, and resolves confirmations in place."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Input, Static

from briefing.ui.app import BriefingApp
from briefing.ui.dialogs.ask import Ask
from briefing.ui.dialogs.resolve import ResolveForm
from briefing.ui.panes.base import ItemList
from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.errors import ErrorScreen, ProblemList, ProblemsPanel
from tests.apps import drawn_as_laid_out_afresh, make_app, settle, wait_until

TITLE = "Putin Likely To Visit North Korea Next Week"


def shown_title(app: BriefingApp) -> str:
    """The title on screen, once a reload has been drawn whole ("" while one is being drawn)."""
    screen = app.screen_stack[0]
    if isinstance(screen, BriefScreen) and screen.drawing:
        return ""
    # A title changed since it was first seen has a badge in front: the title is what follows it.
    return str(screen.query_one("#part-0", Static).visual).removeprefix("◆ changed  ")


def panel(app: BriefingApp) -> ProblemsPanel:
    """The problems panel, mounted the first time there are problems to show."""
    panels = app.screen_stack[0].query(ProblemsPanel)
    return panels.first() if panels else ProblemsPanel()


def notes(app: BriefingApp) -> list[str]:
    return [str(notification.message) for notification in app._notifications]


async def test_an_edit_on_disk_shows_up_keeping_the_cursor(brief_copy: Path) -> None:
    app = make_app(brief_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("4", "j")
        brief_copy.write_text(brief_copy.read_text().replace(TITLE, "Title edited on disk"), encoding="utf-8")
        await wait_until(pilot, lambda: shown_title(app).startswith("Title edited on disk"))
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        assert screen.section == "itinerary"
        items = screen.query_one("#itinerary ItemList", ItemList)
        assert items.highlighted == 1 and app.focused is items


async def test_a_save_by_rename_is_picked_up(brief_copy: Path) -> None:
    app = make_app(brief_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("3", "j")
        replacement = brief_copy.with_name(".brief.toml.swp")
        text = (
            brief_copy.read_text()
            .replace('id = "visit-dates"', 'id = "dates"')
            .replace('confirmation = "visit-dates"', 'confirmation = "dates"')
        )
        replacement.write_text(text.replace(TITLE, "Renamed over"), encoding="utf-8")
        os.replace(replacement, brief_copy)
        await wait_until(pilot, lambda: shown_title(app).startswith("Renamed over"))
        # The cursor stays on the same confirmation, found by its id.
        assert app.screen.query_one("#confirmations ItemList", ItemList).highlighted == 1


async def test_a_broken_save_keeps_the_last_good_version_until_fixed(brief_copy: Path) -> None:
    app = make_app(brief_copy)
    good = brief_copy.read_text()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        brief_copy.write_text(good.replace('status = "pending"', 'status = "pendng"', 1), encoding="utf-8")
        await wait_until(pilot, lambda: panel(app).shown)
        assert shown_title(app).startswith(TITLE)
        problems = panel(app).query_one(ProblemList)
        assert "did you mean `pending`?" in str(problems.get_option_at_index(0).prompt)
        assert "1 problem in the file: showing the last good version" in str(panel(app).border_title)
        brief_copy.write_text(good.replace(TITLE, "Fixed"), encoding="utf-8")
        await wait_until(pilot, lambda: shown_title(app).startswith("Fixed"))
        assert not panel(app).shown


async def test_a_deleted_file_is_said_and_picked_up_when_back(brief_copy: Path) -> None:
    app = make_app(brief_copy)
    good = brief_copy.read_text()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        brief_copy.unlink()
        await wait_until(pilot, lambda: panel(app).shown)
        assert "is gone: showing the last version read" in str(panel(app).border_title)
        assert shown_title(app).startswith(TITLE)
        brief_copy.write_text(good.replace(TITLE, "Back again"), encoding="utf-8")
        await wait_until(pilot, lambda: shown_title(app).startswith("Back again") and not panel(app).shown)


async def test_a_bad_file_opens_on_its_problems_and_turns_into_the_brief_when_fixed(brief_copy: Path) -> None:
    good = brief_copy.read_text()
    brief_copy.write_text(good.replace("as_of = 2024-06-12", 'as_of = "2024-06-12"'), encoding="utf-8")
    app = make_app(brief_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ErrorScreen)
        brief_copy.write_text(good, encoding="utf-8")
        await wait_until(pilot, lambda: isinstance(app.screen, BriefScreen))
        await settle(pilot)
        assert shown_title(app).startswith(TITLE)


def prompts(problems: ProblemList) -> list[str]:
    return [str(problems.get_option_at_index(index).prompt) for index in range(problems.option_count)]


async def test_each_problem_shows_its_line_of_the_file_and_a_reload_shows_the_new_ones(brief_copy: Path) -> None:
    good = brief_copy.read_text()
    brief_copy.write_text(good.replace('status = "pending"', 'status = "pendng"', 1), encoding="utf-8")
    status_line = brief_copy.read_text().split("\n").index('status = "pendng"') + 1
    app = make_app(brief_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ErrorScreen)
        [prompt] = prompts(screen.query_one(ProblemList))
        assert prompt.endswith(f'\n{status_line:>5} │ status = "pendng"')
        assert str(screen.query_one("#errors").border_title) == " Problems "
        brief_copy.write_text(good.replace("[[quotes]]", "[[quotes]", 1), encoding="utf-8")
        quotes_line = good.split("\n").index("[[quotes]]") + 1
        await wait_until(pilot, lambda: "TOML syntax" in " ".join(prompts(app.screen.query_one(ProblemList))))
        [prompt] = prompts(app.screen.query_one(ProblemList))
        assert prompt.endswith(f"\n{quotes_line:>5} │ [[quotes]")
        marked = app.screen.query_one(ProblemList).get_option_at_index(0).prompt
        assert isinstance(marked, Content)
        at = [span for span in marked.spans if "reverse" in str(span.style)]
        assert [marked.plain[span.start : span.end] for span in at] == ["]"], "the column's character, marked"
        assert str(app.screen.query_one("#errors").border_title) == " Problems ", "kept over a reload"
        assert isinstance(app.screen, ErrorScreen)
        assert (app.screen.edit_line(), app.screen.edit_column()) == (quotes_line, 9)


async def test_the_problems_under_a_brief_show_their_lines_of_the_new_version(brief_copy: Path) -> None:
    app = make_app(brief_copy)
    good = brief_copy.read_text()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        broken = good.replace('status = "pending"', 'status = "pendng"', 1)
        brief_copy.write_text("\n" + broken, encoding="utf-8")  # a line more: the new version's lines, not the old's
        await wait_until(pilot, lambda: panel(app).shown)
        line = ("\n" + broken).split("\n").index('status = "pendng"') + 1
        [prompt] = prompts(panel(app).query_one(ProblemList))
        assert prompt.endswith(f'\n{line:>5} │ status = "pendng"')


async def test_r_reloads_by_hand(brief_copy: Path) -> None:
    """A change the watcher cannot see (same size, same inode, its modification time put back) shows after r."""
    app = make_app(brief_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        before = brief_copy.stat()
        text = brief_copy.read_text(encoding="utf-8")
        with brief_copy.open("r+", encoding="utf-8") as file:  # in place: the same inode
            file.write(text.replace(f'title = "{TITLE}', f'title = "{TITLE.upper()}', 1))
        os.utime(brief_copy, ns=(before.st_atime_ns, before.st_mtime_ns))
        assert (brief_copy.stat().st_size, brief_copy.stat().st_ino) == (before.st_size, before.st_ino)
        # The watcher does not see it, however long it looks: the stamp it compares is the same.
        assert app.session.poll(time.monotonic()) is False and app.session.poll(time.monotonic() + 60) is False
        assert shown_title(app).startswith(TITLE)
        await pilot.press("r")
        await wait_until(pilot, lambda: shown_title(app).startswith(TITLE.upper()))
        assert any(note.startswith("Reloaded") for note in notes(app))


async def resolve_with_keys(pilot: Pilot[None], key: str, resolution: str, date: str | None = None) -> None:
    await pilot.press("3", key)
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, ResolveForm))
    await pilot.press(*resolution)
    if date is not None:
        date_input = pilot.app.screen.query_one("#resolved-on", Input)
        date_input.value = date
    await pilot.press("enter")


async def test_confirm_deny_and_reopen_change_the_file_in_place(brief_copy: Path) -> None:
    original = brief_copy.read_text()
    app = make_app(brief_copy, today=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await resolve_with_keys(pilot, "c", "Peskov confirmed")
        await wait_until(pilot, lambda: 'status = "confirmed"' in brief_copy.read_text())
        expected = original.replace(
            'status = "pending"\nsince = 2024-06-12\nreported_by = ["vedomosti"]',
            'status = "confirmed"\nresolved_on = 2024-06-12\nresolution = "Peskov confirmed"\n'
            'since = 2024-06-12\nreported_by = ["vedomosti"]',
        )
        assert brief_copy.read_text() == expected
        await wait_until(pilot, lambda: "CONFIRMED" in str(first_confirmation(app)))
        assert any("is confirmed" in note for note in notes(app))

        await pilot.press("d")
        await wait_until(pilot, lambda: isinstance(app.screen, ResolveForm))
        assert app.screen.query_one("#resolution", Input).value == "Peskov confirmed"
        app.screen.query_one("#resolution", Input).value = "Retracted"
        await pilot.press("enter")
        await wait_until(pilot, lambda: 'status = "denied"' in brief_copy.read_text())
        assert 'resolution = "Retracted"' in brief_copy.read_text()

        await wait_until(pilot, lambda: "DENIED" in str(first_confirmation(app)))
        await pilot.press("p")  # its resolution would go: it asks first
        await wait_until(pilot, lambda: isinstance(app.screen, Ask))
        await pilot.press("y")
        await wait_until(pilot, lambda: brief_copy.read_text() == original)


def first_confirmation(app: BriefingApp) -> object:
    return app.screen_stack[0].query_one("#confirmations ItemList", ItemList).get_option_at_index(0).prompt


async def test_the_form_requires_a_resolution_and_a_real_date(brief_copy: Path) -> None:
    original = brief_copy.read_text()
    app = make_app(brief_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("3", "c")
        await wait_until(pilot, lambda: isinstance(app.screen, ResolveForm))
        await pilot.press("enter")
        assert isinstance(app.screen, ResolveForm)
        assert "required" in str(app.screen.query_one("#resolve-error", Static).visual)
        await pilot.press(*"yes")
        app.screen.query_one("#resolved-on", Input).value = "next tuesday"
        await pilot.press("enter")
        assert "is not a date" in str(app.screen.query_one("#resolve-error", Static).visual)
        app.screen.query_one("#resolved-on", Input).value = "2024-06-11"  # the day before it was first reported
        await pilot.press("enter")
        said = str(app.screen.query_one("#resolve-error", Static).visual)
        assert said == "2024-06-11 is before 2024-06-12, when it was first reported: it cannot be resolved before then."
        await pilot.press("escape")
        assert isinstance(app.screen, BriefScreen)
        assert brief_copy.read_text() == original


async def test_today_is_the_default_resolution_date(brief_copy: Path) -> None:
    import datetime as dt

    app = make_app(brief_copy, today=dt.date(2024, 6, 20))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("3", "c")
        await wait_until(pilot, lambda: isinstance(app.screen, ResolveForm))
        assert app.screen.query_one("#resolved-on", Input).value == "2024-06-20"


async def test_a_change_on_disk_while_the_form_is_open_is_not_overwritten(brief_copy: Path) -> None:
    app = make_app(brief_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("3", "c")
        await wait_until(pilot, lambda: isinstance(app.screen, ResolveForm))
        theirs = brief_copy.read_text().replace(TITLE, "Someone else's edit")
        brief_copy.write_text(theirs, encoding="utf-8")
        await pilot.press(*"mine", "enter")
        await wait_until(pilot, lambda: any("changed on disk" in note for note in notes(app)))
        assert brief_copy.read_text() == theirs
        await wait_until(pilot, lambda: shown_title(app).startswith("Someone else's edit"))


async def test_a_failed_save_says_why_and_changes_nothing(brief_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    original = brief_copy.read_text()
    monkeypatch.setattr(os, "access", lambda path, mode: not mode & os.W_OK)
    app = make_app(brief_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await resolve_with_keys(pilot, "c", "yes")
        await wait_until(pilot, lambda: any("read-only" in note for note in notes(app)))
        assert brief_copy.read_text() == original
        assert app.is_running


async def test_reopen_on_a_pending_confirmation_says_so(brief_copy: Path) -> None:
    original = brief_copy.read_text()
    app = make_app(brief_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("3", "p")
        await pilot.pause()
        assert "It is already pending." in notes(app)
        assert brief_copy.read_text() == original


async def test_edit_without_a_terminal_to_hand_over_says_so(brief_copy: Path) -> None:
    app = make_app(brief_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert "This terminal cannot hand the screen to an editor." in notes(app)


async def test_a_new_as_of_on_disk_moves_every_age_on_screen(brief_copy: Path) -> None:
    """Ages count to the brief's as_of (no --today): a new as_of reaches the pending pane, the detail and y."""
    from briefing.ui.screens.detail import DetailScreen

    app = make_app(brief_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        pane = app.screen.query_one("#confirmations ItemList", ItemList)
        assert "age 0 days" in str(pane.prompts[0])
        text = brief_copy.read_text(encoding="utf-8").replace("as_of = 2024-06-12", "as_of = 2024-06-20")
        brief_copy.write_text(text, encoding="utf-8")
        await wait_until(pilot, lambda: "age 8 days" in str(pane.prompts[0]))
        await pilot.press("3", "y")
        await wait_until(pilot, lambda: app.clipboard.startswith("The dates of Putin's visit"))
        assert "PENDING, 8 days" in app.clipboard
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, DetailScreen))
        detail = app.screen
        assert isinstance(detail, DetailScreen)
        assert any("age 8 days as of 20 Jun 2024" in str(value) for _label, value in detail.rows)


async def test_e_with_the_problem_panel_up_goes_to_the_problem(brief_copy: Path) -> None:
    app = make_app(brief_copy)
    good = brief_copy.read_text()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        at_cursor = screen.edit_line()
        broken = good.replace('status = "pending"', 'status = "pendng"', 1)
        bad_line = broken.split("\n").index('status = "pendng"') + 1
        assert at_cursor != bad_line
        brief_copy.write_text(broken, encoding="utf-8")
        await wait_until(pilot, lambda: panel(app).shown)
        assert (screen.edit_line(), screen.edit_column()) == (bad_line, None)
        brief_copy.write_text(good.replace("[[quotes]]", "[[quotes]", 1), encoding="utf-8")
        quotes_line = good.split("\n").index("[[quotes]]") + 1
        await wait_until(pilot, lambda: screen.edit_line() == quotes_line)
        assert screen.edit_column() == 9, "a syntax error: e opens the file at its column too"
        brief_copy.write_text(good, encoding="utf-8")
        await wait_until(pilot, lambda: not panel(app).shown)
        assert (screen.edit_line(), screen.edit_column()) == (at_cursor, None), "fixed: e is back at the cursor's line"


async def test_a_list_that_grows_a_line_before_its_pane_is_drawn_at_its_full_width(brief_copy: Path) -> None:
    """The pending list grows a line (a resolution) while its pane is still the old height: for a frame it has a
    scrollbar and is drawn a column narrower. Once the pane has grown, the lines are those of its whole width."""
    good = brief_copy.read_text()
    resolved = good.replace(
        'status = "pending"', 'status = "confirmed"\nresolved_on = 2024-06-14\nresolution = "The Kremlin said"', 1
    )
    app = make_app(brief_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        brief_copy.write_text(resolved, encoding="utf-8")  # resolved after the as_of, and no `updated`: a problem
        await wait_until(pilot, lambda: panel(app).shown)
        brief_copy.write_text(resolved.replace("as_of = 2024-06-12", "as_of = 2024-06-12\nupdated = 2024-06-14"))
        await wait_until(pilot, lambda: not panel(app).shown and shown_title(app).startswith(TITLE))
        await settle(pilot)
        items = app.screen.query_one("#confirmations ItemList", ItemList)
        width = items.scrollable_content_region.width
        assert not items.show_vertical_scrollbar and width == items.size.width
        lines = [items.render_line(y).text for y in range(items.size.height)]
        assert "─" * width in lines
        assert "Vedomosti reports the visit is expected next" in [line.rstrip() for line in lines]


async def test_a_confirmation_added_on_disk_makes_the_pending_pane_taller_as_a_fresh_layout_has_it(
    brief_copy: Path,
) -> None:
    """The pending pane is as tall as its items: a new one lays the screen out again, though a list's new virtual
    size alone does not (briefing/ui/virtual_size.py)."""
    app = make_app(brief_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        pane = app.screen.query_one("#confirmations")
        before = pane.region.height
        added = (
            '\n[[confirmations]]\nid = "added"\nwhat = "A third claim, awaited"\nawaited_from = ["Someone"]\n'
            'status = "pending"\n'
        )
        brief_copy.write_text(brief_copy.read_text(encoding="utf-8") + added, encoding="utf-8")
        await pilot.press("r")
        items = app.screen.query_one("#confirmations ItemList", ItemList)
        await wait_until(pilot, lambda: any("A third claim" in prompt.plain for prompt in items.prompts))
        await settle(pilot)
        assert pane.region.height > before
        shown = await drawn_as_laid_out_afresh(pilot)
        assert any("A third claim" in line for line in shown)
