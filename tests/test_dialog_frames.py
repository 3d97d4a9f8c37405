"""A dialog is whole in its first frame: its rows are one widget laid out in the first layout, and its scrollbar is
decided before it (briefing/ui/scroll_ahead.py), as Textual would decide it after a second layout."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.content import Content
from textual.screen import Screen
from textual.scrollbar import ScrollBar

from briefing.ui.app import BriefingApp
from briefing.ui.dialogs.message_log import Said
from briefing.ui.widgets.two_columns import TwoColumns
from tests.apps import make_app, on_each_frame, settle
from tests.conftest import MINIMAL_BRIEF

SIZES = [(50, 16), (60, 20), (80, 24), (81, 25), (100, 30), (120, 33), (120, 40), (200, 60)]
DIALOGS = {"help": (["question_mark"], "#help"), "detail": (["3", "enter"], "#detail")}
NOTE = " ".join(f"Word{number}" for number in range(120))


@pytest.fixture
def long_note(tmp_path: Path) -> Path:
    """A brief whose one confirmation has a note too long for the detail at most of SIZES."""
    path = tmp_path / "brief.toml"
    path.write_text(
        MINIMAL_BRIEF + f'\n[[confirmations]]\nid = "c"\nwhat = "Claim"\nawaited_from = ["Someone"]\n'
        f'status = "pending"\nnote = "{NOTE}"\n',
        encoding="utf-8",
    )
    return path


def scrollbar_drawn(screen: Screen[object], box: str) -> bool:
    """Whether the screen's last layout put a vertical scrollbar in ``box``."""
    widget = screen.query_one(box)
    return any(
        isinstance(each, ScrollBar) and each.vertical and each.parent is widget for each in screen._compositor._full_map
    )


def record_scrollbar(app: BriefingApp, box: str, drawn_once: str | None = None) -> list[bool]:
    """From now on, whether ``box`` has its vertical scrollbar in each frame drawn of the screen on top once it holds
    ``drawn_once`` (default: ``box``), first to last: the list returned fills as the app draws."""
    shown: list[bool] = []

    def drawn(screen: Screen[Any]) -> None:
        if screen is app.screen and app.screen.query(drawn_once or box):
            shown.append(scrollbar_drawn(app.screen, box))

    on_each_frame(app, drawn)
    return shown


async def scrollbar_in_each_frame(app: BriefingApp, size: tuple[int, int], keys: list[str], box: str) -> list[bool]:
    """Whether the dialog's box had its vertical scrollbar in each frame it was drawn in, first to last."""
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        shown = record_scrollbar(app, box)
        await pilot.press(*keys)
        await settle(pilot)
    assert shown, "the dialog was never drawn"
    return shown


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("dialog", DIALOGS)
async def test_a_dialog_shows_its_scrollbar_from_its_first_frame_where_textual_would_show_it(
    dialog: str, size: tuple[int, int], long_note: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys, box = DIALOGS[dialog]
    shown = await scrollbar_in_each_frame(make_app(long_note), size, keys, box)
    assert set(shown) == {shown[-1]}, f"the scrollbar changed after the first frame: {shown}"

    # Left to Textual alone, the box ends with the same scrollbar (after a frame without it).
    monkeypatch.setattr(f"briefing.ui.screens.{dialog}.scrollbar_ahead", lambda box: None)
    alone = await scrollbar_in_each_frame(make_app(long_note), size, keys, box)
    assert alone[-1] == shown[-1]
    assert alone[0] is False


async def test_the_long_note_needs_a_scrollbar_at_some_sizes_and_not_at_others(long_note: Path) -> None:
    """The test above sees both outcomes."""
    keys, box = DIALOGS["detail"]
    small = await scrollbar_in_each_frame(make_app(long_note), (60, 20), keys, box)
    large = await scrollbar_in_each_frame(make_app(long_note), (200, 60), keys, box)
    assert small[-1] and not large[-1]


def test_two_columns_wrap_each_value_beside_its_label() -> None:
    rows = [
        (Content("Short"), Content("one two three four five")),
        (Content("A label too long"), Content("x")),
        (Content(""), Content("first\nsecond")),
    ]
    table = TwoColumns(rows, label_width=8)
    lines = [line.plain for line in table.lines(20)]
    assert lines == [
        "Short     one two",
        "          three four",
        "          five",
        "A label   x",
        "too long  ",
        "          first",
        "          second",
    ]
    assert table.lines(20) is table.lines(20), "laid out once per width"
    assert table.lines(30)[0].plain == "Short     one two three four"


def test_two_columns_keep_the_label_style_on_the_gap() -> None:
    """The gap after a label, and the indent of a value's later lines, carry the label's style."""
    table = TwoColumns([(Content.styled("Label", "dim"), Content("one two three"))], label_width=6)
    first, second = table.lines(16)
    assert first.plain == "Label   one two" and second.plain == "        three"
    assert [(span.start, span.end, span.style) for span in first.spans] == [(0, 8, "dim")]
    assert [(span.start, span.end, span.style) for span in second.spans] == [(0, 8, "dim")]


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("count", [3, 6, 12, 30])
async def test_a_list_in_a_dialog_shows_its_scrollbar_from_its_first_frame_where_textual_would_show_it(
    count: int,
    size: tuple[int, int],
    write_brief: Callable[[str], Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    links = " ".join(f"[link {number}](https://example.org/{number})" for number in range(count))
    path = write_brief(MINIMAL_BRIEF + f'body = "{links}"\n')
    shown = await scrollbar_in_each_frame(make_app(path), size, ["o"], "#link-list")
    assert set(shown) == {shown[-1]}, f"the scrollbar changed after the first frame: {shown}"

    monkeypatch.setattr("briefing.ui.dialogs.links.scrollbar_ahead", lambda box, scrolled: None)
    alone = await scrollbar_in_each_frame(make_app(path), size, ["o"], "#link-list")
    assert alone[-1] == shown[-1]


@pytest.mark.parametrize("size", [(50, 16), (80, 24), (120, 40)], ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("count", [2, 5, 20])
async def test_the_message_log_shows_its_scrollbar_from_its_first_frame_where_textual_would_show_it(
    count: int, size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    async def frames() -> list[bool]:
        app = make_app()
        for number in range(count):
            app.said.append(Said("information", "", f"Message {number} " + "word " * number))
        return await scrollbar_in_each_frame(app, size, ["m"], "#messages-list")

    shown = await frames()
    assert set(shown) == {shown[-1]}, f"the scrollbar changed after the first frame: {shown}"
    monkeypatch.setattr("briefing.ui.dialogs.message_log.scrollbar_ahead", lambda box, scrolled: None)
    assert (await frames())[-1] == shown[-1]


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (120, 40), (200, 60)], ids=lambda size: f"{size[0]}x{size[1]}")
async def test_the_summary_has_its_scrollbar_in_the_first_frame_with_its_body(
    size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The body comes after the first frame; the summary's scrollbar came a frame after the body."""

    async def frames() -> list[bool]:
        app = make_app()
        shown = record_scrollbar(app, "SummaryScroll", drawn_once="#part-body")
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
        return shown

    shown = await frames()
    assert shown and set(shown) == {shown[-1]}, f"the scrollbar changed after the body's first frame: {shown}"
    monkeypatch.setattr("briefing.ui.panes.summary.scrollbar_now", lambda box: None)
    alone = await frames()
    assert alone[-1] == shown[-1]
