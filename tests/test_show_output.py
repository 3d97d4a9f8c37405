"""`briefing show`'s text built in process (`briefing.export.show.show_text`): no Textual, no subprocess."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from rich.console import Console
from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

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
    coloured = show_text(
        Console(width=80, color_system="truecolor", force_terminal=True, no_color=False, height=50),
        brief,
        tuple(Section),
        TODAY,
    )
    assert "\x1b[1m" in coloured, "bold"
    assert [line for line in coloured.split("\n") if line != line.rstrip()], "spaces before a reset are kept"


def test_narrow_a_stops_head_window_and_wait_are_cut_between_facts() -> None:
    lines = [line.strip() for line in shown(brief_at(SEED), 36, TODAY).splitlines()]
    assert "1. Pyongyang, North Korea" in lines and lines.count("‼ passed, unconfirmed") == 1
    assert "2. Vietnam  ‼ passed, unconfirmed" in lines
    assert "17–23 Jun 2024  “next week”" in lines
    assert "~19–20 Jun 2024" in lines and "“around June 19 and 20”" in lines
    assert "visit to North Korea · pending" in lines
    assert not [line for line in lines if line.endswith(("·", "passed,", "“around June 19"))]


def test_a_stop_under_way_today_is_now_until_its_last_day() -> None:
    text = shown(brief_at(SEED), 80, dt.date(2024, 6, 20))
    assert "1. Pyongyang, North Korea  ● now" in text, text


def test_ten_stops_or_more_are_numbered_flush_right() -> None:
    brief = brief_at(SEED)
    many = dataclasses.replace(brief, itinerary=brief.itinerary * 5)
    lines = shown(many, 120, TODAY).splitlines()
    assert any(line.startswith(" 9   P") for line in lines) and any(line.startswith("10   V") for line in lines)


def test_a_stop_waiting_on_a_confirmation_the_brief_lacks_names_its_id() -> None:
    brief = brief_at(SEED)
    stop = dataclasses.replace(brief.itinerary[0], confirmation="not-in-this-brief")
    text = shown(dataclasses.replace(brief, itinerary=(stop,)), 80, TODAY)
    assert "Waits on: not-in-this-brief" in text


def test_text_that_looks_like_an_emoji_code_or_markup_is_shown_as_written() -> None:
    brief = brief_at(SEED)
    meta = dataclasses.replace(brief.meta, title=":thumbs_up: 1,000 [bold]x[/bold] https://a.example")
    text = shown(dataclasses.replace(brief, meta=meta), 100, TODAY)
    assert ":thumbs_up: 1,000 [bold]x[/bold] https://a.example" in text


def test_empty_sections_are_said_in_dim_italic(tmp_path: Path) -> None:
    path = tmp_path / "minimal.toml"
    path.write_text(MINIMAL_BRIEF, encoding="utf-8")
    console = Console(
        width=80, color_system="256", force_terminal=True, no_color=False, height=50, highlight=False, emoji=False
    )
    assert "\x1b[2;3mNo quotes.\x1b[0m" in show_text(console, brief_at(path))


@pytest.mark.parametrize("width", [60, 100])
def test_a_word_wider_than_its_column_is_folded_onto_the_next_line_never_cut_short(width: int) -> None:
    brief = brief_at(SEED)
    url = "https://www.example.com/" + "a" * 80
    long = {letter: letter * 70 for letter in "ЖЩфЮЄЇ"}
    source = dataclasses.replace(brief.sources[0], url=url, outlet=long["Є"])
    confirmation = dataclasses.replace(brief.confirmations[0], what=long["Ж"], awaited_from=(long["Ю"],))
    stop = dataclasses.replace(brief.itinerary[0], place=long["Щ"], when=long["Ї"])
    summary = dataclasses.replace(brief.summary, body=f"| a | b |\n|---|---|\n| {long['ф']} | x |\n")
    wide = dataclasses.replace(
        brief, sources=(source, *brief.sources[1:]), confirmations=(confirmation,), itinerary=(stop,), summary=summary
    )
    text, whole = shown(wide, width, TODAY), shown(wide, 1000, TODAY)
    assert "…" not in text
    assert url in "".join(text.split())
    for letter in long:
        assert text.count(letter) == whole.count(letter) >= 70, f"every {letter}, on as many lines as it takes"


class AnsiSnapshot(SingleFileSnapshotExtension):
    """The coloured text as it is written, escapes and all: every style of every part is in it."""

    _file_extension = "ansi"
    _write_mode = WriteMode.TEXT


@pytest.mark.parametrize("width", [60, 100])
@pytest.mark.parametrize("path", [SEED, DATA / "full.toml"], ids=["bundled", "every_field"])
def test_the_coloured_text(path: Path, width: int, snapshot: SnapshotAssertion) -> None:
    console = Console(
        width=width, color_system="256", force_terminal=True, no_color=False, height=50, highlight=False, emoji=False
    )
    coloured = show_text(console, brief_at(path), tuple(Section), TODAY)
    assert coloured == snapshot(extension_class=AnsiSnapshot)
