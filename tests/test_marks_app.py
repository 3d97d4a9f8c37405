"""What changed, in the app: badges since the reader last looked, the changes list, the detail's "was",
the library's new and updated marks, --since, and the history view with its read-only past versions."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import OptionList, Static

from briefing import session
from briefing.format.load import load_path
from briefing.library.index import Library
from briefing.library.marks import Mark
from briefing.library.read_state import ReadState
from briefing.ui.app import BriefingApp
from briefing.ui.panes.base import ItemList
from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.history import HistoryScreen
from briefing.ui.screens.library import LibraryScreen
from briefing.ui.widgets.rowlist import RowList
from tests.apps import messages, on_each_frame, settle, shown_text, wait_until
from tests.git_fixtures import CONFIRMED, QUOTED, SEED_TEXT, brief_history
from tests.test_library import make_library
from tests.test_library_app import ready

SIZE = (120, 40)


def brief_app(path: Path, **options: object) -> BriefingApp:
    return BriefingApp(path, load_path(path), today=dt.date(2024, 6, 20), **options)  # type: ignore[arg-type]


async def looked_back(pilot: Pilot[None]) -> BriefScreen:
    """Wait until the brief is drawn and what changed since the reader last looked is marked on it."""
    await settle(pilot)
    app = pilot.app
    assert isinstance(app, BriefingApp)
    await wait_until(pilot, lambda: app._look_back_for is not None)
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, BriefScreen)
    return screen


def prompts(screen: BriefScreen, section: str) -> list[str]:
    return [str(prompt) for prompt in screen.query_one(f"#{section} ItemList", ItemList).prompts]


async def view(path: Path, **options: object) -> None:
    """Open the brief, let it be marked as seen, and quit."""
    app = brief_app(path, **options)
    async with app.run_test(size=SIZE) as pilot:
        await looked_back(pilot)
        await wait_until(pilot, lambda: app.session._recorded_up_to > 0)


async def test_a_brief_seen_before_is_marked_with_what_changed_since(story_copy: Path) -> None:
    await view(story_copy)
    story_copy.write_text(QUOTED, encoding="utf-8")
    app = brief_app(story_copy)
    async with app.run_test(size=SIZE) as pilot:
        screen = await looked_back(pilot)
        assert len(screen.changes) == 4
        confirmations, stops, quotes = prompts(screen, "confirmations"), prompts(screen, "itinerary"), prompts(
            screen, "quotes")  # fmt: skip
        assert confirmations[0].startswith("◆ changed  ✔ CONFIRMED") and not confirmations[1].startswith("◆")
        assert stops[1].startswith("◆ changed  2. Vietnam") and not stops[0].startswith("◆")
        assert quotes[1].startswith("● new  ") and not quotes[0].startswith("●")
        line = str(screen.query_one("#changes-line", Static).visual)
        assert line == ("◆ 4 changes since you last looked: 1 confirmation, 1 stop changed; updated date, 1 quote "
                        "added · w lists them")  # fmt: skip
        bar = str(screen.query_one("#sections", Static).visual)
        assert "2 Quotes (2)◆" in bar and "3 Pending (1)◆" in bar and "5 Sources (2) " in bar
        await pilot.press("3", "enter")
        assert "Since you last looked\nwas pending; now confirmed on 17 Jun 2024: The Kremlin announced the dates." in (
            shown_text(app.screen))  # fmt: skip
        await pilot.press("escape", "w")
        listed = app.screen.query_one("#changes-list", OptionList)
        assert [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)] == [
            "● updated date set to 17 Jun 2024",
            "● quote added: Dmitry Peskov",
            "◆ confirmation visit-dates: pending → confirmed on 17 Jun 2024",
            "◆ stop Vietnam: ~19–20 Jun 2024 → ~20–21 Jun 2024",
        ]
        await pilot.press("j", "enter")
        assert app.screen is screen and screen.section == "quotes"
        assert screen.query_one("#quotes ItemList", ItemList).highlighted == 1
    # Seen now: the next view marks nothing.
    app = brief_app(story_copy)
    async with app.run_test(size=SIZE) as pilot:
        screen = await looked_back(pilot)
        assert not screen.changes and not any(line.display for line in screen.query("#changes-line"))
        await pilot.press("w")
        assert messages(app)[-1] == "Nothing has changed since you last looked."


def held_look_back(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Hold every look-back (what changed since the reader last looked) until the event returned is set."""
    found = threading.Event()
    real = session.find_look_back

    def slow_look_back(*args: Any) -> session.LookBack:
        found.wait(10)
        return real(*args)

    monkeypatch.setattr(session, "find_look_back", slow_look_back)
    return found


async def changed_since_seen_and_held(
    story_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[threading.Event, BriefingApp]:
    """The brief seen, then changed (four changes), and an app on it whose look-back waits for the event."""
    await view(story_copy)
    story_copy.write_text(QUOTED, encoding="utf-8")
    return held_look_back(monkeypatch), brief_app(story_copy)


async def test_w_before_the_changes_are_found_waits_for_them(story_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The read state can be slow (a large one, another app holding it): w pressed before what changed is found
    says so, and the list opens once it is, not "Nothing has changed"."""
    found, app = await changed_since_seen_and_held(story_copy, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("w")
        assert messages(app)[-1] == "Still finding what changed since you last looked…"
        assert app.screen is screen
        found.set()
        await wait_until(pilot, lambda: bool(app.screen.query("#changes-list")))
        listed = app.screen.query_one("#changes-list", OptionList)
        assert listed.option_count == 4
        assert "Nothing has changed since you last looked." not in messages(app)


async def test_w_before_the_changes_are_found_opens_nothing_over_a_dialog(
    story_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    found, app = await changed_since_seen_and_held(story_copy, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        brief = app.screen
        assert isinstance(brief, BriefScreen)
        await pilot.press("w", "question_mark")
        help_screen = app.screen
        found.set()
        await wait_until(pilot, lambda: len(brief.changes) == 4)
        await pilot.pause()
        assert app.screen is help_screen and not app.screen.query("#changes-list")


async def test_the_first_view_marks_nothing_and_a_change_while_open_is_marked(story_copy: Path) -> None:
    app = brief_app(story_copy)
    async with app.run_test(size=SIZE) as pilot:
        screen = await looked_back(pilot)
        assert not screen.changes
        story_copy.write_text(CONFIRMED, encoding="utf-8")
        await wait_until(pilot, lambda: len(screen.changes) == 2)
        assert prompts(screen, "confirmations")[0].startswith("◆ changed")
        # The new version is recorded in a thread as it is shown: its record may still be on its way.
        await app.workers.wait_for_complete([worker for worker in app.workers if worker.group == "read-state"])
    assert ReadState.default().seen(story_copy).content == CONFIRMED.encode()  # type: ignore[union-attr]


async def test_a_change_while_open_is_drawn_whole_in_one_frame(story_copy: Path) -> None:
    """The new version, its badges, the summary's changes line and the section bar's marks: one frame (the changes
    line was mounted a frame after the rest, and the summary's text moved down under the reader's eyes)."""
    from tests.apps import record_frames

    app = brief_app(story_copy)
    async with app.run_test(size=SIZE) as pilot:
        screen = await looked_back(pilot)
        frames = record_frames(app)
        screen.refresh()
        await wait_until(pilot, lambda: bool(frames))
        frames.clear()
        changed = CONFIRMED.replace("Russian President Vladimir Putin is expected", "President Putin is expected", 1)
        story_copy.write_text(changed, encoding="utf-8")
        await wait_until(pilot, lambda: len(screen.changes) == 3)
        await wait_until(pilot, lambda: any("since you last looked" in "".join(lines) for lines in frames))
    first = next(lines for lines in frames if any("◆ changed" in line for line in lines))
    assert any("since you last looked" in line for line in first), "\n".join(first)
    assert "◆" in first[1], first[1]  # the section bar


async def test_without_remembering_nothing_is_marked_or_kept(story_copy: Path) -> None:
    from tests.apps import write_settings

    write_settings("remember = false\n")
    from briefing.system.settings import read_settings

    app = brief_app(story_copy, settings=read_settings())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        story_copy.write_text(CONFIRMED, encoding="utf-8")
        screen = app.screen
        assert isinstance(screen, BriefScreen)
        await wait_until(pilot, lambda: "updated 17 Jun 2024" in shown_text(screen))
        assert not screen.changes
    assert ReadState.default().seen(story_copy) is None


async def test_a_read_state_that_cannot_be_kept_is_said_once(story_copy: Path, tmp_path: Path) -> None:
    (tmp_path / "not-a-folder").write_text("", encoding="utf-8")
    state = ReadState(tmp_path / "not-a-folder" / "state.sqlite3")
    app = brief_app(story_copy, read_state=state)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await wait_until(pilot, lambda: any("not marked" in said for said in messages(app)))
        assert app.screen.query_one("#part-0", Static).visual is not None  # the brief stays on screen
        said = [m for m in messages(app) if "not marked" in m or "not remembered" in m]
        assert len(said) == 1 and "cannot open" in said[0]


async def test_since_a_revision_marks_against_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "UTC")  # a date is read in the reader's time zone: fixed here
    path = brief_history(tmp_path / "repo")
    app = brief_app(path, since="HEAD~3")
    async with app.run_test(size=SIZE) as pilot:
        screen = await looked_back(pilot)
        assert screen.changes.since == "since 4fe8022 (HEAD~3)"
        assert [change.key for change in screen.changes.items] == ["Dmitry Peskov", "Vietnam"]
    from briefing.system.settings import Settings

    app = brief_app(path, since="2024-06-18", settings=Settings(remember=False))  # marks without a read state
    async with app.run_test(size=SIZE) as pilot:
        screen = await looked_back(pilot)
        # "Vietnam a day later" was made at 08:30 on the 18th in Seoul: 23:30 on the 17th in UTC, before the 18th.
        assert screen.changes.since == "since 4f57635 (2024-06-18)"


async def frames_after_look_back(app: BriefingApp) -> tuple[int, str]:
    """Frames drawn from the moment the first screen is at rest until the look-back is marked and the screen is at
    rest again, and what ``w`` says then."""
    frames: list[Screen[Any]] = []
    on_each_frame(app, frames.append)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        drawn = len(frames)
        screen = await looked_back(pilot)
        await settle(pilot)
        assert not screen.changes
        after = len(frames) - drawn
        await pilot.press("w")
        return after, messages(app)[-1]


async def test_a_look_back_that_marks_nothing_draws_nothing_again(
    tmp_path: Path, story_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first view, a brief unchanged since it was seen and one unchanged since a revision: the look-back's
    answer took a frame (the whole screen drawn again); what ``w`` says still names the revision."""
    nothing_since_last = (0, "Nothing has changed since you last looked.")
    assert await frames_after_look_back(brief_app(story_copy)) == nothing_since_last
    assert await frames_after_look_back(brief_app(story_copy)) == nothing_since_last
    monkeypatch.setenv("TZ", "UTC")  # the commits' dates, and so their names, are fixed
    path = brief_history(tmp_path / "repo")
    assert await frames_after_look_back(brief_app(path, since="HEAD")) == (
        0,
        "Nothing has changed since b5d6338 (HEAD).",
    )


async def test_h_lists_the_history_and_enter_shows_a_past_version_read_only(tmp_path: Path) -> None:
    path = brief_history(tmp_path / "repo")
    before = path.read_bytes()
    app = brief_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await looked_back(pilot)
        await pilot.press("h")
        await wait_until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        listed = app.screen.query_one("#history-list", OptionList)
        first = str(listed.get_option_at_index(0).prompt)
        assert first == "b5d6338  19 Jun 2024  Ana Analyst  Quote Peskov\n  quote added: Dmitry Peskov"
        assert listed.option_count == 5
        await pilot.press("j", "j", "j", "enter")  # the Kremlin confirms the dates
        await settle(pilot)
        past = app.screen
        assert isinstance(past, BriefScreen) and past.historic == "4fe8022, 17 Jun 2024"
        assert str(past.query_one("#brief-header", Static).visual).startswith(" Past version  4fe8022, 17 Jun 2024  · ")
        assert len(past.brief.quotes) == 1
        assert prompts(past, "itinerary")[1].startswith("◆ changed  2. Vietnam")
        await pilot.press("3", "p", "c", "e")  # nothing edits a past version
        assert app.screen is past and path.read_bytes() == before
        await pilot.press("escape")
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, BriefScreen) and app.screen.historic is None


async def test_h_outside_a_repository_says_so_in_a_line(story_copy: Path) -> None:
    app = brief_app(story_copy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await wait_until(pilot, lambda: any(said.startswith("No history:") for said in messages(app)))
        assert isinstance(app.screen, BriefScreen)
        assert messages(app)[-1] == f"No history: {story_copy} is not in a git repository."


@pytest.fixture
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    monkeypatch.chdir(tmp_path)
    return make_library(Path("lib"), 6)


def library_app() -> BriefingApp:
    return BriefingApp(None, None, library=Library([Path("lib")], Path("cache")), today=dt.date(2024, 6, 20))


async def marked(pilot: Pilot[None]) -> LibraryScreen:
    screen = await ready(pilot)
    await wait_until(pilot, lambda: screen._orders != {} and screen.settled and screen.marks_looked_for)
    await pilot.pause()
    return screen


async def test_the_library_marks_new_and_updated_briefs(library: list[Path]) -> None:
    async with library_app().run_test(size=SIZE) as pilot:
        screen = await marked(pilot)
        assert screen.marks == {}  # first open: nothing is new
    library[1].write_text(library[1].read_text(encoding="utf-8").replace('title = "', 'title = "Now: ', 1), "utf-8")
    Path("lib/added.toml").write_text(SEED_TEXT, encoding="utf-8")
    app = library_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await marked(pilot)
        assert screen.marks == {str(library[1]): Mark.UPDATED, "lib/added.toml": Mark.NEW}
        status = str(screen.query_one("#library-status").render())
        assert "● 1 new · ◆ 1 updated" in status
        for _ in range(6):
            await pilot.press("s")
        assert "changed first" in str(screen.query_one("#library-status").render())
        rows = screen.query_one("#library-rows", RowList)
        assert [row.path for row in rows.rows[:2]] == ["lib/added.toml", str(library[1])]
        line = screen._render_row(rows.rows[0], 120)
        assert line.plain.startswith("● 12 Jun 2024 Putin Likely")
        await pilot.press("g", "enter")
        await settle(pilot)
        await wait_until(pilot, lambda: "lib/added.toml" not in screen.marks)
        await pilot.press("escape")
        assert [row.path for row in rows.rows[:2]] == ["lib/added.toml", str(library[1])]
        assert not screen._render_row(rows.rows[0], 120).plain.startswith("●")
        await pilot.press("M")
        # The notice is a message of its own, handled after the marks go: wait for both.
        await wait_until(pilot, lambda: screen.marks == {} and messages(app)[-1:] == ["Marked 1 brief as read."])
    async with library_app().run_test(size=SIZE) as pilot:
        screen = await marked(pilot)
        assert screen.marks == {}


async def test_m_before_the_marks_are_found_says_so(library: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing.library import marks

    async with library_app().run_test(size=SIZE) as pilot:
        await marked(pilot)  # the first open: every brief taken as seen
    library[1].write_text(library[1].read_text(encoding="utf-8").replace('title = "', 'title = "Now: ', 1), "utf-8")
    found = threading.Event()
    real = marks.since_last_looked

    def slow(*args: Any) -> dict[str, Mark]:
        found.wait(10)
        return real(*args)

    monkeypatch.setattr(marks, "since_last_looked", slow)
    app = library_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("M")
        assert messages(app)[-1] == "Still finding which briefs are new or updated: M again in a moment."
        found.set()
        await wait_until(pilot, lambda: screen.marks_looked_for)
        assert screen.marks == {str(library[1]): Mark.UPDATED}, "nothing was marked read"
        await pilot.press("M")
        await wait_until(pilot, lambda: screen.marks == {} and messages(app)[-1:] == ["Marked 1 brief as read."])


async def test_the_library_since_a_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = brief_history(tmp_path / "repo")
    (tmp_path / "repo" / "new.toml").write_text(SEED_TEXT, encoding="utf-8")
    (tmp_path / "repo" / "same.toml").write_text(SEED_TEXT, encoding="utf-8")
    from tests.git_fixtures import commit

    commit(tmp_path / "repo", "Two more", "2024-06-19T13:00:00+00:00")
    (tmp_path / "repo" / "same.toml").write_text("# a comment\n" + SEED_TEXT, encoding="utf-8")
    (tmp_path / "repo" / "untracked.toml").write_text(SEED_TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "repo")
    app = BriefingApp(None, None, library=Library([Path(".")], tmp_path / "cache"), since="HEAD~2")
    async with app.run_test(size=SIZE) as pilot:
        screen = await marked(pilot)
        assert screen.marks == {"brief.toml": Mark.UPDATED, "new.toml": Mark.NEW, "same.toml": Mark.NEW,
                                "untracked.toml": Mark.NEW}  # fmt: skip
        assert "since HEAD~2" in str(screen.query_one("#library-status").render())
        await pilot.press("M")
        assert "Marks are since HEAD~2" in messages(app)[-1]
    assert path.exists()


async def test_the_readers_own_confirmation_is_not_marked_as_a_change_while_a_colleagues_stays(
    story_copy: Path,
) -> None:
    from textual.widgets import Input

    from briefing.ui.dialogs.resolve import ResolveForm

    await view(story_copy)
    story_copy.write_text(QUOTED, encoding="utf-8")  # a colleague's edits, the reader has not seen
    app = brief_app(story_copy)
    async with app.run_test(size=SIZE) as pilot:
        screen = await looked_back(pilot)
        assert len(screen.changes) == 4
        await pilot.press("3", "j", "d")
        await wait_until(pilot, lambda: isinstance(app.screen, ResolveForm))
        app.screen.query_one("#resolution", Input).value = "Hanoi called it off"
        await pilot.press("enter")
        await wait_until(pilot, lambda: "DENIED" in prompts(screen, "confirmations")[1])
        confirmations = prompts(screen, "confirmations")
        assert confirmations[0].startswith("◆ changed  ✔ CONFIRMED"), "the colleague's change: still marked"
        assert confirmations[1].startswith("✘ DENIED"), "the reader's own: not marked"
        # The denial (today, 20 Jun) moved the brief's updated date past the colleague's 17 Jun: the reader's too.
        assert keys(screen) == ["quotes Dmitry Peskov", "confirmations visit-dates", "itinerary Vietnam"]
        await pilot.press("u")
        await wait_until(pilot, lambda: "PENDING" in prompts(screen, "confirmations")[1])
        assert not prompts(screen, "confirmations")[1].startswith("◆")
        assert keys(screen) == [
            "brief updated", "quotes Dmitry Peskov", "confirmations visit-dates", "itinerary Vietnam"
        ], "undone: the colleague's updated date is marked again"  # fmt: skip


def keys(screen: BriefScreen) -> list[str]:
    return [f"{change.section} {change.key}" for change in screen.changes.items]
