"""Stops around today: past, now, upcoming, next, and passed while unconfirmed; in the brief, the library's next
stop and agenda, the pending board, and ``show``."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.format.load import load_path
from briefing.format.model import Brief, ConfirmationStatus, StopStatus
from briefing.library.entries import IndexedBrief, PendingItem, StopItem
from briefing.library.views import AgendaHeading, StopKey, TodayLine, agenda, pending_age
from briefing.present.timing import (
    PASSED_UNCONFIRMED,
    Phase,
    brief_next_index,
    next_index,
    passed_unconfirmed,
    phase,
    stop_flagged,
    tag,
)
from briefing.ui.panes.base import ItemList
from tests.apps import make_app, settle, shown_text
from tests.conftest import ROOT, SEED

D = dt.date


def seed() -> Brief:
    brief = load_path(SEED).brief
    assert brief is not None
    return brief


@pytest.mark.parametrize(("start", "end", "today", "expected"), [
    (D(2024, 6, 17), D(2024, 6, 23), D(2024, 6, 16), Phase.UPCOMING),
    (D(2024, 6, 17), D(2024, 6, 23), D(2024, 6, 17), Phase.CURRENT),
    (D(2024, 6, 17), D(2024, 6, 23), D(2024, 6, 23), Phase.CURRENT),
    (D(2024, 6, 17), D(2024, 6, 23), D(2024, 6, 24), Phase.PAST),
    (D(2024, 6, 17), None, D(2024, 6, 17), Phase.CURRENT),
    (D(2024, 6, 17), None, D(2024, 6, 18), Phase.PAST),
    (None, D(2024, 6, 17), D(2024, 6, 16), Phase.UPCOMING),
    (None, None, D(2024, 6, 16), Phase.UNDATED),
])  # fmt: skip
def test_phase_of_a_window(start: D | None, end: D | None, today: D, expected: Phase) -> None:
    assert phase(start, end, today) is expected


def test_the_next_stop_is_the_first_not_done_whose_window_has_not_ended() -> None:
    stops = [
        (D(2024, 6, 1), D(2024, 6, 2), "planned"),  # ended
        (D(2024, 6, 10), D(2024, 6, 20), "cancelled"),  # called off
        (None, None, "planned"),  # undated: not known to have ended
        (D(2024, 6, 30), None, "planned"),
    ]
    assert next_index(stops, D(2024, 6, 15)) == 2
    assert next_index(stops[:2] + stops[3:], D(2024, 6, 15)) == 2
    assert next_index(stops[:2], D(2024, 6, 15)) is None
    assert next_index([(D(2024, 6, 10), D(2024, 6, 20), "planned")], D(2024, 6, 20)) == 0
    assert next_index([(D(2024, 6, 10), D(2024, 6, 20), "completed")], D(2024, 6, 15)) is None


def test_passed_unconfirmed_needs_a_past_window_a_plan_and_a_pending_confirmation() -> None:
    after = D(2024, 6, 24)
    window = (D(2024, 6, 17), D(2024, 6, 23))
    assert passed_unconfirmed(*window, "planned", True, after)
    assert passed_unconfirmed(*window, "scheduled", True, after)
    assert passed_unconfirmed(*window, "rescheduled", True, after)
    assert not passed_unconfirmed(*window, "planned", True, D(2024, 6, 23))  # the last day is not past
    assert not passed_unconfirmed(*window, "planned", False, after)  # confirmed: nothing to flag
    for status in ("completed", "cancelled", "postponed"):
        assert not passed_unconfirmed(*window, status, True, after)
    assert not passed_unconfirmed(None, None, "planned", True, after)


def test_a_stop_of_the_seed_brief_is_flagged_once_its_window_passed() -> None:
    brief = seed()
    pyongyang, vietnam = brief.itinerary
    assert not stop_flagged(brief, pyongyang, D(2024, 6, 23))
    assert stop_flagged(brief, pyongyang, D(2024, 6, 24))
    confirmed = dataclasses.replace(
        brief,
        confirmations=tuple(dataclasses.replace(c, status=ConfirmationStatus.CONFIRMED) for c in brief.confirmations),
    )
    assert not stop_flagged(confirmed, pyongyang, D(2024, 6, 24))
    completed = dataclasses.replace(vietnam, status=StopStatus.COMPLETED)
    assert not stop_flagged(brief, completed, D(2024, 6, 24))
    assert brief_next_index(brief.itinerary, D(2024, 6, 12)) == 0
    assert brief_next_index(brief.itinerary, D(2024, 6, 24)) is None


@pytest.mark.parametrize(("today", "is_next", "flagged", "said"), [
    (D(2024, 6, 12), True, False, "▸ next · in 5 days"),
    (D(2024, 6, 16), True, False, "▸ next · in 1 day"),
    (D(2024, 6, 12), False, False, "in 5 days"),
    (D(2024, 6, 18), True, False, "● now"),
    (D(2024, 6, 24), False, False, "past"),
    (D(2024, 6, 24), False, True, f"‼ {PASSED_UNCONFIRMED}"),
])  # fmt: skip
def test_tag_words(today: D, is_next: bool, flagged: bool, said: str) -> None:
    assert tag(D(2024, 6, 17), D(2024, 6, 23), today, is_next, flagged) == said


def test_an_undated_stop_has_no_tag_unless_next() -> None:
    assert tag(None, None, D(2024, 6, 1), False, False) == ""
    assert tag(None, None, D(2024, 6, 1), True, False) == "▸ next"


async def test_the_itinerary_pane_places_each_stop_on_today() -> None:
    app = make_app(today=D(2024, 6, 19))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        prompts = [str(p) for p in app.screen.query_one("#itinerary ItemList", ItemList).prompts]
        assert "● now" in prompts[0] and "● now" in prompts[1]
        app.today = D(2024, 6, 30)
        await pilot.pause()
        items = app.screen.query_one("#itinerary ItemList", ItemList)
        assert all(f"‼ {PASSED_UNCONFIRMED}" in str(p) for p in items.prompts)
        assert f"2 {PASSED_UNCONFIRMED}" in str(app.screen.query_one("#itinerary").border_subtitle)
        await pilot.press("4", "enter")
        shown = shown_text(app.screen)
        assert f"‼ {PASSED_UNCONFIRMED}: ended 23 Jun 2024" in shown and "On 30 Jun 2024" in shown


async def test_the_dated_panes_build_their_items_once_and_again_only_for_a_new_today(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Binding a pane to the screen's today sets it as the pane is mounted, to the date it was made with: that
    draws nothing again (a thousand items took a quarter of the panes' time twice); a new today does."""
    from collections.abc import Callable

    from textual.content import Content

    from briefing.ui.panes.base import Pane
    from briefing.ui.panes.confirmations import ConfirmationsPane
    from briefing.ui.panes.itinerary import ItineraryPane

    built: list[str] = []

    def counting(original: Callable[[Pane], list[Content]]) -> Callable[[Pane], list[Content]]:
        def counted(self: Pane) -> list[Content]:
            built.append(self.SECTION)
            return original(self)

        return counted

    for pane in (ConfirmationsPane, ItineraryPane):
        monkeypatch.setattr(pane, "item_prompts", counting(getattr(pane, "item_prompts")))  # noqa: B009
    app = make_app(today=D(2024, 6, 19))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert sorted(built) == ["confirmations", "itinerary"]
        pending = app.screen.query_one("#confirmations ItemList", ItemList)
        assert "age 7 days" in str(pending.prompts[0])
        app.today = D(2024, 6, 30)
        await pilot.pause()
        assert sorted(built) == ["confirmations", "confirmations", "itinerary", "itinerary"]
        assert "age 18 days" in str(app.screen.query_one("#confirmations ItemList", ItemList).prompts[0])


async def test_read_as_of_its_own_date_the_first_stop_is_next() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        prompts = [str(p) for p in app.screen.query_one("#itinerary ItemList", ItemList).prompts]
        assert "▸ next · in 5 days" in prompts[0]
        assert "in 7 days" in prompts[1] and "next" not in prompts[1].split("\n")[0]


def entry(
    title: str, as_of: D, stops: tuple[StopItem, ...] = (), pending: tuple[PendingItem, ...] = ()
) -> IndexedBrief:
    return IndexedBrief(f"/lib/{title}.toml", 1, 1, title, as_of, None, (), (), pending, stops)


def stop(index: int, place: str, start: D | None, end: D | None = None, status: str = "planned",
         unconfirmed: bool = False) -> StopItem:  # fmt: skip
    return StopItem(index, place, None, start, end, False, None, status, unconfirmed)


def test_the_library_next_stop_is_the_first_whose_window_has_not_ended_on_today() -> None:
    trip = entry("trip", D(2024, 6, 1), (stop(0, "A", D(2024, 6, 5)), stop(1, "B", D(2024, 6, 20), D(2024, 6, 22))))
    assert trip.next_stop(D(2024, 6, 4)) is trip.stops[0]
    assert trip.next_stop(D(2024, 6, 6)) is trip.stops[1]
    assert trip.next_stop(D(2024, 6, 22)) is trip.stops[1]
    assert trip.next_stop(D(2024, 6, 23)) is None
    assert trip.next_stop(None) is trip.stops[0]  # as of its own date


def test_the_library_orders_by_the_next_stop_on_today(tmp_path: Path) -> None:
    from briefing.library import queries
    from briefing.library.index import Library

    def itinerary(*stops: tuple[str, str]) -> str:
        return "".join(f'\n[[itinerary]]\nplace = "{place}"\nstart = {start}\n' for place, start in stops)

    base = 'schema_version = 1\n[brief]\ntitle = "{}"\nas_of = 2024-06-01\n[summary]\nbluf = "b"\n'
    (tmp_path / "trip.toml").write_text(base.format("trip") + itinerary(("A", "2024-06-05"), ("B", "2024-06-20")))
    (tmp_path / "later.toml").write_text(base.format("later") + itinerary(("C", "2024-06-10")))
    lib = Library([tmp_path], tmp_path / "cache")
    for _done in lib.build():
        pass

    def titles(today: D) -> list[str]:
        found = [queries.brief(lib.store, key) for key in queries.ordered(lib.store, 4, today)]
        return [brief.title for brief in found if brief]

    assert titles(D(2024, 6, 6)) == ["later", "trip"]  # trip's next is B, on the 20th
    assert titles(D(2024, 6, 4)) == ["trip", "later"]  # A, on the 5th


def test_the_agenda_has_a_today_line_where_today_falls() -> None:
    stops: list[StopKey] = [
        (1, D(2024, 6, 3), None, "Past", "", "one", D(2024, 6, 1)),
        (2, D(2024, 6, 10), D(2024, 6, 14), "Now", "", "one", D(2024, 6, 1)),
        (3, D(2024, 6, 13), None, "Soon", "", "two", D(2024, 6, 1)),
        (4, D(2024, 7, 1), None, "Later", "", "two", D(2024, 6, 1)),
        (5, None, None, "Undated", "", "two", D(2024, 6, 1)),
    ]
    places = {stop[0]: stop[3] for stop in stops}

    def shape(today: D | None) -> list[str]:
        shown = agenda(stops, today)
        names = []
        for key in shown.keys:
            marker = shown.marker(key) if key < 0 else None
            names.append(places[key] if marker is None else "TODAY" if isinstance(marker, TodayLine) else marker.label)
        return names

    # Today inside a week: after the stops that began before it, before those that begin on it or later.
    assert shape(D(2024, 6, 12)) == [
        "Week of 3 Jun 2024", "Past", "Week of 10 Jun 2024", "Now", "TODAY", "Soon", "Week of 1 Jul 2024", "Later",
        "No dates reported", "Undated",
    ]  # fmt: skip
    # Today in a week with no stop: the line goes between the weeks.
    assert shape(D(2024, 6, 20))[4:7] == ["Soon", "TODAY", "Week of 1 Jul 2024"]
    # After every stop: the line is last of the dated ones; before every stop: first of all.
    assert shape(D(2024, 8, 1))[-3:] == ["TODAY", "No dates reported", "Undated"]
    assert shape(D(2024, 5, 1))[0] == "TODAY"
    assert "TODAY" not in shape(None)
    shown = agenda(stops, D(2024, 6, 12))
    headings = [shown.marker(key) for key in shown.keys if key < 0]
    assert [heading.past for heading in headings if isinstance(heading, AgendaHeading)] == [True, False, False, False]


def test_pending_ages_count_to_today_or_to_each_brief_own_date() -> None:
    item = PendingItem(0, "x", "What", ("Someone",), D(2024, 6, 1))
    brief = entry("b", D(2024, 6, 11), pending=(item,))
    assert pending_age(brief, item, D(2024, 7, 1)) == 30
    assert pending_age(brief, item, None) == 10
    undated = dataclasses.replace(item, since=None)
    assert pending_age(brief, undated, D(2024, 7, 1)) is None


def run_show(*args: str) -> str:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    done = subprocess.run([sys.executable, "-m", "briefing", "show", *args], capture_output=True, text=True,
                          env=environment, timeout=60, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_show_flags_a_stop_that_passed_unconfirmed_and_says_how_old_the_brief_is() -> None:
    after = run_show(str(SEED), "--today", "2024-06-30", "--width", "70", "--section", "itinerary")
    assert after.count(f"‼ {PASSED_UNCONFIRMED}") == 2
    assert "As of 12 Jun 2024 (2 weeks ago) · ⚠ stale, still pending" in after
    during = run_show(str(SEED), "--today", "2024-06-19", "--width", "120", "--section", "itinerary")
    assert during.count("● now") == 2 and PASSED_UNCONFIRMED not in during
    as_of = run_show(str(SEED), "--today", "as-of", "--width", "70", "--section", "itinerary")
    assert "▸ next · in 5 days" in as_of and "ago" not in as_of


async def test_the_agenda_opens_at_today_flags_what_passed_unconfirmed_and_t_comes_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.library.index import Library
    from briefing.ui.app import BriefingApp
    from briefing.ui.widgets.rowlist import RowList
    from tests.test_library_app import ready

    monkeypatch.chdir(tmp_path)
    Path("lib").mkdir()
    Path("lib/seed.toml").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    later = SEED.read_text(encoding="utf-8").replace("2024-06-17", "2024-07-08").replace("2024-06-23", "2024-07-09")
    Path("lib/later.toml").write_text(later.replace('title = "', 'title = "Later: ', 1), encoding="utf-8")
    app = BriefingApp(None, None, library=Library([Path("lib")], tmp_path / "cache"), today=D(2024, 6, 30))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.press("a")
        rows = screen.query_one("#library-rows", RowList)
        line = next(i for i, row in enumerate(rows.rows) if isinstance(row, TodayLine))
        assert rows.cursor == line + 2  # past the line and the heading of the next week, on its first stop
        current = rows.rows[rows.cursor]
        assert isinstance(current, tuple) and current[1].place == "Pyongyang" and current[0].title.startswith("Later")
        drawn = [screen._render_row(row, 120).plain for row in rows.rows]
        assert drawn[line].startswith("━━ today 30 Jun 2024 ━━")
        flagged = [text for text in drawn[:line] if f"‼ {PASSED_UNCONFIRMED}" in text]
        assert len(flagged) == 3  # the seed brief's two stops, and the later brief's Vietnam, all before today
        await pilot.press("g")
        assert rows.cursor == 0
        await pilot.press("t")
        assert rows.cursor == line + 2
        await pilot.press("l", "t")
        assert screen.view == "agenda" and rows.cursor == line + 2


def test_a_single_day_given_by_start_or_end_alone() -> None:
    day = D(2024, 6, 17)
    assert passed_unconfirmed(day, None, "planned", True, D(2024, 6, 18))
    assert passed_unconfirmed(None, day, "planned", True, D(2024, 6, 18))
    assert not passed_unconfirmed(day, None, "planned", True, day)
    assert tag(None, day, D(2024, 6, 12), True, False) == "▸ next · in 5 days"
    assert tag(day, None, D(2024, 6, 12), False, False) == "in 5 days"
    brief = seed()
    single = dataclasses.replace(brief.itinerary[0], end=None)
    assert stop_flagged(brief, single, D(2024, 6, 18)) and not stop_flagged(brief, single, D(2024, 6, 17))
