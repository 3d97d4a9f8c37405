"""How old a brief and its pending confirmations are, in words and bands."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from briefing.format.load import load_path
from briefing.present.ages import Band, Thresholds, ago, band, is_stale, last_touched
from briefing.system.settings import read_settings, settings_path
from briefing.ui.panes.base import ItemList
from tests.apps import make_app, settle
from tests.conftest import SEED

TODAY = dt.date(2026, 11, 29)


@pytest.mark.parametrize(("days", "said"), [
    (0, "today"), (1, "yesterday"), (2, "2 days ago"), (13, "13 days ago"), (14, "2 weeks ago"),
    (59, "8 weeks ago"), (60, "2 months ago"), (364, "12 months ago"), (365, "1 year ago"), (900, "2 years ago"),
    (-1, "in 1 day"), (-3, "in 3 days"),
])  # fmt: skip
def test_ago(days: int, said: str) -> None:
    assert ago(TODAY - dt.timedelta(days=days), TODAY) == said


def test_bands_by_the_thresholds() -> None:
    thresholds = Thresholds(ageing=7, overdue=30)
    assert [band(age, thresholds) for age in (0, 6, 7, 29, 30, 900)] == [
        Band.FRESH, Band.FRESH, Band.AGEING, Band.AGEING, Band.OVERDUE, Band.OVERDUE]  # fmt: skip
    assert band(3, Thresholds(ageing=2, overdue=3)) is Band.OVERDUE


def test_a_brief_is_stale_when_it_still_waits_and_was_not_updated_for_a_while() -> None:
    brief = load_path(SEED).brief
    assert brief is not None
    as_of = brief.meta.as_of
    thresholds = Thresholds(stale=7)
    assert not is_stale(brief, as_of + dt.timedelta(days=6), thresholds)
    assert is_stale(brief, as_of + dt.timedelta(days=7), thresholds)
    updated = dataclasses.replace(brief, meta=dataclasses.replace(brief.meta, updated=as_of + dt.timedelta(days=5)))
    assert last_touched(updated) == as_of + dt.timedelta(days=5)
    assert not is_stale(updated, as_of + dt.timedelta(days=7), thresholds)
    settled = dataclasses.replace(brief, confirmations=())
    assert not is_stale(settled, TODAY, thresholds)


def test_the_thresholds_come_from_the_settings() -> None:
    path = settings_path()
    assert path is not None
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[ages]\nageing = 3\noverdue = 10\nstale = 2\nsoon = 1\n", encoding="utf-8")
    settings = read_settings()
    assert dict(settings.ages) == {"ageing": 3, "overdue": 10, "stale": 2}
    assert "ages: unknown key `soon`" in settings.warnings[0]
    path.write_text('[ages]\nageing = "a week"\n', encoding="utf-8")
    assert "ages.ageing: expected a whole number of days" in read_settings().warnings[0]


async def test_read_today_the_brief_says_its_age_and_the_pending_ones_their_band() -> None:
    app = make_app(today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        meta = str(app.screen.query_one(".meta").render())
        assert meta.startswith("As of 12 Jun 2024  ·  2 years ago  ·  ⚠ stale, still pending")
        prompts = app.screen.query_one("#confirmations ItemList", ItemList).prompts
        assert str(prompts[0]).startswith("◌ PENDING  ·  age 900 days ‼ overdue")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "ago" not in str(app.screen.query_one(".meta").render()), "read as of itself: no age to tell"


async def test_the_detail_gives_both_ages_when_read_on_a_later_day() -> None:
    from briefing.ui.screens.detail import DetailScreen
    from tests.apps import wait_until

    app = make_app(today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("3", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, DetailScreen))
        rows = dict(app.screen.rows)  # type: ignore[attr-defined]
        assert rows["Reported since"] == "12 Jun 2024  ·  900 days ago  ·  0 days at the brief's as-of"


def _library_of(folder: Path) -> list[Path]:
    folder.mkdir()
    briefs = []
    for name, as_of, updated, pending in (
        ("old", "2024-01-01", None, True),
        ("kept", "2024-01-01", "2024-11-20", True),
        ("done", "2023-01-01", None, False),
        ("fresh", "2024-11-28", None, True),
    ):
        text = SEED.read_text(encoding="utf-8").replace("as_of = 2024-06-12", f"as_of = {as_of}")
        text = text.replace('title = "Putin Likely', f'title = "{name} Putin Likely')
        if updated:
            text = text.replace(f"as_of = {as_of}", f"as_of = {as_of}\nupdated = {updated}")
        if not pending:
            text = text.replace(
                'status = "pending"', 'status = "confirmed"\nresolved_on = 2022-12-31\nresolution = "Yes."'
            )
        text = text.replace("since = 2024-06-12", "since = 2022-12-01")
        path = folder / f"{name}.toml"
        path.write_text(text, encoding="utf-8")
        briefs.append(path)
    return briefs


def test_the_library_knows_which_briefs_are_stale_and_orders_them_stalest_first(tmp_path: Path) -> None:
    from briefing.library.index import Library
    from briefing.library.views import ORDERS, is_stale
    from tests.test_library import built, in_order

    _library_of(tmp_path / "lib")
    lib = Library([tmp_path / "lib"], tmp_path / "cache")
    entries = {entry.title.split()[0]: entry for entry in built(lib).values()}
    assert all(entry.ok for entry in entries.values()), [entry.problems for entry in entries.values()]
    stale = {name for name, entry in entries.items() if is_stale(entry, dt.date(2024, 11, 29), 7)}
    assert stale == {"old", "kept"}
    assert is_stale(entries["kept"], dt.date(2024, 11, 27), 7), "7 days after its update: stale"
    assert not is_stale(entries["kept"], dt.date(2024, 11, 26), 7)
    assert entries["kept"].updated == dt.date(2024, 11, 20)
    order = ORDERS.index("stalest first")
    assert [entry.title.split()[0] for entry in in_order(lib, order)] == ["old", "kept", "fresh", "done"]
    again = Library([tmp_path / "lib"], tmp_path / "cache")
    assert {entry.title.split()[0]: entry for entry in built(again).values()} == entries, "updated survives the index"


async def test_the_library_marks_stale_briefs_beside_their_pending_count(tmp_path: Path) -> None:
    from briefing.library.index import Library
    from briefing.ui.app import BriefingApp
    from briefing.ui.screens.library import LibraryScreen
    from briefing.ui.widgets.rowlist import RowList
    from tests.apps import wait_until

    _library_of(tmp_path / "lib")
    app = BriefingApp(None, None, today=dt.date(2024, 11, 29), library=Library([tmp_path / "lib"], tmp_path / "c"))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await wait_until(pilot, lambda: screen.settled and len(screen.shown) == 4)
        rows = screen.query_one("#library-rows", RowList)
        lines = {str(rows._render_row(row, 120)).split()[3]: str(rows._render_row(row, 120)) for row in rows.rows}
        assert "2 ⚠" in lines["old"] and "2 ⚠" in lines["kept"]
        assert "⚠" not in lines["fresh"] and "⚠" not in lines["done"]
