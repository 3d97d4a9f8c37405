"""The library in the app: the list, filtering, opening briefs and stepping through them, the boards."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import cast

import pytest
from textual.pilot import Pilot

from briefing.library.entries import IndexedBrief, PendingItem, StopItem
from briefing.library.index import Library
from briefing.ui.app import BriefingApp
from briefing.ui.panes.base import ItemList
from briefing.ui.screens.brief import BriefScreen
from briefing.ui.screens.errors import ErrorScreen
from briefing.ui.screens.library import CONTEXT, KEEP, MARKS, ORDER, LibraryScreen, Line, StatusPart, fit_status
from briefing.ui.widgets.rowlist import RowList
from tests.apps import choose_in_palette, frames_of_keys, settle, wait_until
from tests.test_library import make_library


async def ready(pilot: Pilot[None]) -> LibraryScreen:
    screen = pilot.app.screen
    assert isinstance(screen, LibraryScreen)
    await wait_until(pilot, lambda: screen.settled)
    await pilot.pause()
    return screen


def rows(screen: LibraryScreen) -> RowList[object]:
    return screen.query_one("#library-rows", RowList)


@pytest.fixture
def library_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> BriefingApp:
    monkeypatch.chdir(tmp_path)
    make_library(Path("lib"), 12)
    (Path("lib") / "broken.toml").write_text("schema_version = 1\n", encoding="utf-8")
    return BriefingApp(None, None, library=Library([Path("lib")], tmp_path / "cache"))


async def test_the_list_shows_every_brief_with_problems_first(library_app: BriefingApp) -> None:
    async with library_app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        shown = rows(screen).rows
        assert len(shown) == 13
        first = shown[0]
        assert isinstance(first, IndexedBrief) and not first.ok
        assert "13 briefs" in str(screen.query_one("#library-status", Line).render())


def test_the_status_line_leaves_out_the_order_then_the_date_then_the_marks_to_fit() -> None:
    parts = [StatusPart(KEEP, " Library "), StatusPart(CONTEXT, "  ·  today 1 Jun"),
             StatusPart(MARKS, "● 2 new", "bold", "  ·  "), StatusPart(ORDER, "  ·  newest first"),
             StatusPart(KEEP, "  ·  filter “x”: 3 shown")]  # fmt: skip
    whole = sum(part.cells for part in parts)
    assert fit_status(parts, whole) == parts
    assert fit_status(parts, whole - 1) == [parts[0], parts[1], parts[2], parts[4]]
    without_order = whole - parts[3].cells
    assert fit_status(parts, without_order - 1) == [parts[0], parts[2], parts[4]]
    assert fit_status(parts, parts[0].cells + parts[2].cells + parts[4].cells - 1) == [parts[0], parts[4]]
    assert fit_status(parts, 1) == [parts[0], parts[4]]  # what must stay stays, and the line cuts it


async def test_at_80_columns_the_filter_s_count_is_shown_and_the_order_given_up(library_app: BriefingApp) -> None:
    async with library_app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await pilot.press("p", "slash", *"a long filter of many words")
        await wait_until(pilot, lambda: "0 shown" in str(screen.query_one("#library-status", Line).render()))
        status = str(screen.query_one("#library-status", Line).render())
        assert status == " Pending board   13 briefs  ·  1 with problems  ·  filter “a long fil…”: 0 shown"
        assert len(status) == 80
        await pilot.press("escape")
        await wait_until(pilot, lambda: "filter" not in str(screen.query_one("#library-status", Line).render()))
        assert str(screen.query_one("#library-status", Line).render()).endswith("as of each brief  ·  1 with problems")


async def test_filter_as_you_type_and_escape_clears(library_app: BriefingApp) -> None:
    async with library_app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.press("slash", *"brief 7")
        assert "Brief 7:" in [entry.title[:8] for entry in screen.shown] and len(screen.shown) < 13
        await pilot.press(*" zzz")
        assert len(screen.shown) == 0 and "filter “brief 7 zzz”: 0 shown" in str(
            screen.query_one("#library-status").render()
        )
        await pilot.press(*["backspace"] * 4)
        assert "Brief 7:" in [entry.title[:8] for entry in screen.shown]
        await pilot.press("enter")
        assert isinstance(pilot.app.focused, RowList)
        await pilot.press("escape")
        assert len(screen.shown) == 13


async def test_s_changes_the_order(library_app: BriefingApp) -> None:
    async with library_app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        newest = [entry.path for entry in screen.shown]
        await pilot.press("s")
        assert "oldest first" in str(screen.query_one("#library-status", Line).render())
        assert [entry.path for entry in screen.shown][1:] == list(reversed(newest[1:]))


async def test_enter_opens_a_brief_brackets_step_and_escape_returns(library_app: BriefingApp) -> None:
    async with library_app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.press("j", "j", "enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, BriefScreen)
        second = screen.shown[2]
        assert pilot.app.screen.brief.meta.title == second.title
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert pilot.app.screen.brief.meta.title == screen.shown[3].title
        await pilot.press("left_square_bracket", "left_square_bracket")
        await settle(pilot)
        assert pilot.app.screen.brief.meta.title == screen.shown[1].title
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, LibraryScreen)
        assert rows(screen).cursor == 1  # where [ and ] left off


async def test_a_broken_file_opens_on_its_problems(library_app: BriefingApp) -> None:
    async with library_app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("enter")
        assert isinstance(pilot.app.screen, ErrorScreen)
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, LibraryScreen)


async def test_a_broken_brief_keeps_its_title_in_the_list_when_it_can_be_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    make_library(Path("lib"), 2)
    titled = '[brief]\ntitle = "Talks in Geneva"\nas_of = 2024-06-12\n'
    (Path("lib") / "titled.toml").write_text(titled, encoding="utf-8")  # no schema_version, no [summary]
    (Path("lib") / "garbled.toml").write_text("[brief\n", encoding="utf-8")
    app = BriefingApp(None, None, library=Library([Path("lib")], tmp_path / "cache"))
    async with app.run_test(size=(160, 40)) as pilot:
        screen = await ready(pilot)
        lines = [screen._library_row(entry, screen._widths()).plain.strip() for entry in screen.shown[:2]]
        assert any(line.startswith("⚠ Talks in Geneva · lib/titled.toml: 2 problems — ") for line in lines), lines
        assert any(line.startswith("⚠ lib/garbled.toml: 1 problem — TOML syntax") for line in lines), lines
        await pilot.press("slash", *"geneva")
        await wait_until(pilot, lambda: [entry.title for entry in screen.shown] == ["Talks in Geneva"])


async def test_the_pending_board_opens_the_brief_at_the_item(library_app: BriefingApp) -> None:
    async with library_app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.press("p")
        _entry, item = cast(tuple[IndexedBrief, PendingItem], rows(screen).rows[0])
        await pilot.press("enter")
        await settle(pilot)
        brief_screen = pilot.app.screen
        assert isinstance(brief_screen, BriefScreen)
        assert brief_screen.section == "confirmations"
        highlighted = brief_screen.query_one("#confirmations ItemList", ItemList).highlighted
        assert brief_screen.brief.confirmations[highlighted or 0].id == item.id


async def test_the_agenda_opens_the_brief_at_the_stop(library_app: BriefingApp) -> None:
    async with library_app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.press("a")
        _entry, stop = cast(tuple[IndexedBrief, StopItem], rows(screen).current)
        await pilot.press("enter")
        await settle(pilot)
        brief_screen = pilot.app.screen
        assert isinstance(brief_screen, BriefScreen) and brief_screen.section == "itinerary"
        assert brief_screen.query_one("#itinerary ItemList", ItemList).highlighted == stop.index


async def test_files_added_and_removed_show_up_without_a_restart(library_app: BriefingApp) -> None:
    async with library_app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        (Path("lib") / "broken.toml").unlink()
        from tests.conftest import MINIMAL_BRIEF

        (Path("lib") / "added.toml").write_text(MINIMAL_BRIEF, encoding="utf-8")
        await wait_until(pilot, lambda: any(entry.title == "Minimal" for entry in screen.shown))
        assert all(entry.ok for entry in screen.shown)


def test_library_snapshots(snap_compare: Callable[..., bool], library_app: BriefingApp) -> None:
    async def open_library(pilot: Pilot[None]) -> None:
        await ready(pilot)

    assert snap_compare(library_app, terminal_size=(120, 40), run_before=open_library)


VIEWS = [
    (["p"], (120, 40)), (["a"], (120, 40)), (["slash", *"hanoi"], (120, 40)), ([], (80, 24)),
    (["slash", *"hanoi", "enter", "a"], (120, 40)), (["a"], (80, 24)),
]  # fmt: skip


@pytest.mark.parametrize(("keys", "size"), VIEWS)
def test_board_and_filter_snapshots(
    snap_compare: Callable[..., bool], library_app: BriefingApp, keys: list[str], size: tuple[int, int]
) -> None:
    async def open_library(pilot: Pilot[None]) -> None:
        screen = await ready(pilot)
        await pilot.press(*keys)

        # A board is laid out (and filtered) in a thread: the picture is taken once it is on screen.
        def settled() -> bool:
            boards = [worker for worker in screen.workers if worker.group in ("board", "filter")]
            return screen._board_wanted is None and all(worker.is_finished for worker in boards)

        await wait_until(pilot, settled)
        await pilot.pause()
        if "slash" in keys:
            # The picture shows a filter at work: of the 13 briefs, some kept and some left out.
            assert 0 < len(screen._list_keys()) < 13
            assert len(rows(screen).rows) > 0

    assert snap_compare(library_app, terminal_size=size, run_before=open_library)


async def test_the_palette_jumps_to_any_brief_by_name(library_app: BriefingApp) -> None:
    async with library_app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await choose_in_palette(pilot, "brief 7:")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, BriefScreen)
        assert screen.brief.meta.title.startswith("Brief 7:")


async def test_the_palette_jumps_to_a_section_of_any_brief(library_app: BriefingApp) -> None:
    async with library_app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await choose_in_palette(pilot, "brief 3 itinerary")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, BriefScreen)
        assert screen.brief.meta.title.startswith("Brief 3:")
        assert screen.section == "itinerary"


async def test_the_palette_jumps_to_the_pending_board(library_app: BriefingApp) -> None:
    async with library_app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await choose_in_palette(pilot, "pending board")
        assert screen.view == "pending"


async def test_the_palette_finds_briefs_confirmations_and_stops_in_the_index(library_app: BriefingApp) -> None:
    from textual.command import CommandPalette
    from textual.widgets import OptionList

    async with library_app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, CommandPalette))
        listed = pilot.app.screen.query_one(OptionList)

        def kinds() -> list[str]:
            return [str(listed.get_option_at_index(i).prompt).split()[0] for i in range(listed.option_count)]

        await wait_until(pilot, lambda: kinds().count("Brief") == 13 and kinds().count("View") == 3)
        await pilot.press("escape")
        assert pilot.app.screen is screen
        await choose_in_palette(pilot, "brief 3:")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, BriefScreen))
        assert pilot.app.screen.brief.meta.title.startswith("Brief 3:")  # type: ignore[attr-defined]


async def test_a_second_open_shows_what_the_index_holds_before_any_worker_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    make_library(Path("lib"), 12)
    Library([Path("lib")], tmp_path / "cache").refresh()
    monkeypatch.setattr(LibraryScreen, "_build", lambda self: None)  # no worker reads the index or the files
    app = BriefingApp(None, None, library=Library([Path("lib")], tmp_path / "cache"))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = pilot.app.screen
        assert isinstance(screen, LibraryScreen)
        assert len(rows(screen).rows) == 12 and screen.checking
        assert "12 briefs" in str(screen.query_one("#library-status", Line).render())


async def test_a_first_open_or_an_index_that_cannot_be_read_leaves_it_to_the_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    make_library(Path("lib"), 3)
    monkeypatch.setattr(LibraryScreen, "_build", lambda self: None)
    app = BriefingApp(None, None, library=Library([Path("lib")], tmp_path / "cache"))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = pilot.app.screen
        assert isinstance(screen, LibraryScreen) and len(rows(screen).rows) == 0 and not screen.checking
    damaged = Library([Path("lib")], tmp_path / "cache")
    assert damaged.store.file is not None
    damaged.store.file.parent.mkdir(parents=True, exist_ok=True)
    damaged.store.file.write_bytes(b"not a database" * 100)
    app = BriefingApp(None, None, library=damaged)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = pilot.app.screen
        assert isinstance(screen, LibraryScreen) and len(rows(screen).rows) == 0 and not screen.checking


async def test_brackets_still_step_after_the_open_brief_changes_on_disk(library_app: BriefingApp) -> None:
    """A file changed on disk is indexed again under a new row while it is open over the list: [ and ] still find
    it in the list (they did nothing, silently)."""
    async with library_app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.press("j", "j", "enter")
        await settle(pilot)
        brief_screen = pilot.app.screen
        assert isinstance(brief_screen, BriefScreen)
        path = Path(brief_screen.path)
        before = screen.shown[2].id
        path.write_text(path.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
        screen._refresh_library()  # as its timer does every few seconds
        await wait_until(pilot, lambda: len(screen.shown.keys) > 0 and before not in screen.shown.keys)
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert isinstance(pilot.app.screen, BriefScreen) and pilot.app.screen.path != brief_screen.path
        assert pilot.app.screen.brief.meta.title == screen.shown[3].title


async def test_brackets_on_a_brief_not_in_the_list_say_so(library_app: BriefingApp) -> None:
    """Opened from the pending board, a brief has no place in the list to step from: ] says so, not nothing."""
    async with library_app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, BriefScreen)
        await pilot.press("right_square_bracket", "left_square_bracket")
        await pilot.pause()
        said = [str(notification.message) for notification in pilot.app._notifications]
        assert said.count("[ and ] step through the library's list, and this brief is not in it now.") == 2


@pytest.mark.parametrize("ahead", [True, False], ids=["as_briefing_does", "as_textual_does"])
async def test_a_second_open_draws_the_lists_scrollbar_in_its_first_frame(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ahead: bool
) -> None:
    """What the index holds is in the first frame: with it, the scrollbar of a list longer than the screen (Textual
    adds a scrollbar a frame after the layout that finds it needed)."""
    from tests.test_dialog_frames import record_scrollbar

    monkeypatch.chdir(tmp_path)
    make_library(Path("lib"), 40)
    library = Library([Path("lib")], tmp_path / "cache")
    for _done in library.build():
        pass
    if not ahead:
        monkeypatch.setattr(RowList, "set_rows", unhurried_set_rows)
    app = BriefingApp(None, None, library=Library([Path("lib")], tmp_path / "cache"))
    shown = record_scrollbar(app, "#library-rows")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        assert len(rows(screen).rows) == 40
    assert shown[-1], "40 briefs on 24 lines: a scrollbar"
    assert all(shown) is ahead, f"the scrollbar in each frame: {shown}"


def unhurried_set_rows(self: RowList[object], rows: object, cursor: int | None = None) -> None:
    """RowList.set_rows as it was: the scrollbar left to Textual."""
    from textual.geometry import Size

    self.rows = cast("list[object]", rows)
    self.virtual_size = Size(self.scrollable_content_region.width, len(self.rows))
    self.cursor = min(max(0, self.cursor if cursor is None else cursor), max(0, len(self.rows) - 1))
    self.refresh()


async def test_a_board_s_key_draws_its_status_line_in_the_frame_that_empties_the_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A board not laid out yet: the list empties at once, and the status line names the board in that same frame
    (each widget asks the screen to draw it when it is next idle; the list's request came first, and the status line
    was a frame, 20-30 ms, behind it)."""
    import threading

    from briefing.library import queries
    from briefing.library.store import Store

    monkeypatch.chdir(tmp_path)
    make_library(Path("lib"), 40)
    laid_out = threading.Event()
    real = queries.pending_ordered

    def held(store: Store, order: int) -> tuple[queries.Ids, queries.Ids]:
        laid_out.wait(10)
        return real(store, order)

    monkeypatch.setattr(queries, "pending_ordered", held)
    monkeypatch.setattr(LibraryScreen, "_derive_the_rest", lambda self: None)
    app = BriefingApp(None, None, library=Library([Path("lib")], tmp_path / "cache"))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        frames = await frames_of_keys(pilot, ["p"], lambda frames: any(not lines[2].strip() for lines in frames))
        laid_out.set()
        await pilot.pause()
    emptied = next(lines for lines in frames if not lines[2].strip())
    assert "Pending board" in emptied[0], [lines[0] for lines in frames]


async def test_the_filter_s_box_the_status_line_and_the_list_change_in_the_same_frame(library_app: BriefingApp) -> None:
    """The box's text came a frame (20-30 ms) behind the list it filters and the status line that repeats it."""
    import re

    async with library_app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.press("slash", *"hanoi")
        await wait_until(pilot, lambda: screen.query_text == "hanoi")
        await pilot.pause()
        frames = await frames_of_keys(pilot, ["backspace"] * 4, lambda frames: "“h”" in "".join(frames[-1][:1]))
        await pilot.pause()
    shown = [(re.search("filter “(.*?)”: ([0-9]+) shown", lines[0]), lines[38].strip(), lines) for lines in frames]
    assert all(found is not None for found, _box, _lines in shown), [lines[0] for *_, lines in shown]
    for found, box, lines in shown:
        assert found is not None
        listed = sum(1 for line in lines[2:38] if line.strip() and line != lines[38])
        assert (found.group(1), int(found.group(2))) == (box, listed), (lines[0], box)
    assert {box for _found, box, _lines in shown} >= {"h"}


async def test_the_agenda_at_today_has_its_scrollbar_s_thumb_where_the_list_is(library_app: BriefingApp) -> None:
    """`a` scrolls the agenda to today as it sets its rows: the thumb was left at the top."""
    async with library_app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.press("a")
        await wait_until(pilot, lambda: rows(screen).scroll_y > 0)
        await pilot.pause()
        listed = rows(screen)
        scrollbar = listed.vertical_scrollbar
        assert listed.show_vertical_scrollbar and scrollbar.window_virtual_size == len(listed.rows)
        assert scrollbar.position == listed.scroll_y > 0


async def test_the_progress_line_follows_the_first_index_a_batch_at_a_time_and_stops_with_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The index's worker does not wait for the screen to draw its progress; the screen still shows each batch's,
    and a report that comes after the index is whole shows nothing."""
    import threading

    from briefing.library import index
    from briefing.library.store import Store

    monkeypatch.chdir(tmp_path)
    make_library(Path("lib"), 3)
    monkeypatch.setattr(index, "BATCH", 1)
    let_through = threading.Semaphore(0)
    write = Store.write

    def held_write(self: Store, *args: object, **options: object) -> None:
        assert let_through.acquire(timeout=10)
        write(self, *args, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "write", held_write)
    app = BriefingApp(None, None, library=Library([Path("lib")], tmp_path / "cache"))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = pilot.app.screen
        assert isinstance(screen, LibraryScreen)

        def status() -> str:
            return str(screen.query_one("#library-status", Line).render())

        await wait_until(pilot, lambda: "indexing 0/3" in status())
        for done in (1, 2):
            let_through.release()
            await wait_until(pilot, lambda: f"indexing {done}/3" in status())  # noqa: B023
        let_through.release()
        await wait_until(pilot, lambda: screen.settled)
        await wait_until(pilot, lambda: "3 briefs" in status())
        assert "indexing" not in status()
        late = threading.Thread(target=screen._report_progress, args=(1, 3))
        late.start()
        late.join()
        await wait_until(pilot, lambda: not screen._progress_posted)
        await pilot.pause()
        assert screen.indexing is None and "indexing" not in status()
