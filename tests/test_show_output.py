"""`briefing show`'s text built in process (`briefing.export.show.show_text`): no Textual, no subprocess."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from rich.console import Console

from briefing.export.show import TABLE_MIN_WIDTH, plain_console, show_text
from briefing.format.load import load_path
from briefing.format.model import Brief
from briefing.present.ages import Thresholds
from briefing.present.sections import Section
from tests.conftest import DATA, MINIMAL_BRIEF, SEED

SNAPSHOTS = Path(__file__).parent / "__snapshots__" / "test_show_export_cli"
TODAY = dt.date(2026, 12, 7)


def brief_at(path: Path) -> Brief:
    brief = load_path(path).brief
    assert brief is not None
    return brief


def shown(
    brief: Brief, width: int, today: dt.date | None = None, sections: tuple[Section, ...] = tuple(Section)
) -> str:
    return show_text(plain_console(width), brief, sections, today)


@pytest.mark.parametrize("width", [60, 100])
@pytest.mark.parametrize(("path", "name"), [(SEED, "the_bundled_brief"), (DATA / "full.toml", "every_field")])
def test_the_text_is_what_the_command_writes(path: Path, name: str, width: int) -> None:
    """The command's own snapshots (tests/test_show_export_cli.py runs it as a subprocess of the checkout)."""
    expected = (SNAPSHOTS / f"test_show_{name}[{width}].txt").read_text(encoding="utf-8")
    assert shown(brief_at(path), width) == expected


def test_with_a_today_the_header_tells_the_age_and_the_items_where_they_stand() -> None:
    assert "As of 12 Jun 2024 (2 years ago) · ⚠ stale, still pending · International" in shown(
        brief_at(SEED), 100, TODAY
    )
    text = shown(brief_at(SEED), 80, TODAY)
    assert "pending · 908 days · since 12 Jun 2024" in text
    assert "1. Pyongyang, North Korea  ‼ passed, unconfirmed" in text
    without = shown(brief_at(SEED), 80)
    assert "ago" not in without and "stale" not in without and "‼" not in without
    assert "1. Pyongyang, North Korea  ▸ next · in 5 days" in without


def test_stale_follows_the_thresholds() -> None:
    brief = brief_at(SEED)
    console = plain_console(100)
    assert "⚠ stale" not in show_text(console, brief, tuple(Section), TODAY, Thresholds(stale=1000))
    assert "⚠ stale" in show_text(console, brief, tuple(Section), TODAY, Thresholds(stale=900))


def test_narrower_than_the_table_width_items_are_stacked() -> None:
    brief = brief_at(SEED)
    table = shown(brief, TABLE_MIN_WIDTH, TODAY)
    stacked = shown(brief, TABLE_MIN_WIDTH - 1, TODAY)
    assert "Awaited from" in table and "Awaited from:" not in table
    assert "Awaited from: Kremlin, Russian Foreign Ministry" in stacked
    assert all(len(line) <= TABLE_MIN_WIDTH - 1 for line in stacked.splitlines())


def test_a_brief_with_nothing_but_its_bottom_line_says_so_in_each_section(tmp_path: Path) -> None:
    path = tmp_path / "minimal.toml"
    path.write_text(MINIMAL_BRIEF, encoding="utf-8")
    text = shown(brief_at(path), 80)
    for nothing in ("No quotes.", "No confirmations.", "No itinerary.", "No sources."):
        assert nothing in text


def test_one_section_alone() -> None:
    text = shown(brief_at(SEED), 80, TODAY, (Section.QUOTES,))
    assert "Quotes" in text and "Pending confirmations" not in text and "Bottom line" not in text


def test_plain_text_has_no_escape_and_no_trailing_space_and_colour_keeps_its_styles() -> None:
    brief = brief_at(SEED)
    plain = shown(brief, 80, TODAY)
    assert "\x1b" not in plain
    assert all(line == line.rstrip() for line in plain.split("\n"))
    coloured = show_text(Console(width=80, color_system="truecolor", force_terminal=True), brief, tuple(Section), TODAY)
    assert "\x1b[1m" in coloured, "bold"
    assert [line for line in coloured.split("\n") if line != line.rstrip()], "spaces before a reset are kept"
