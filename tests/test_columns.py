"""Table columns fitted to the width: they fill it exactly, keep whole what fits, and leave out the least needed."""

from __future__ import annotations

import pytest

from briefing.present.columns import GAP, Column, content_widths, fit

TABLE = (
    Column("Date", 11), Column("Title", 20, 60, grow=2, main=True), Column("Tags", 10, 24, keep=1, grow=3),
    Column("Next", 16, 30, keep=2, grow=1),
)  # fmt: skip


def used(widths: tuple[int, ...]) -> int:
    shown = [size for size in widths if size]
    return sum(shown) + GAP * (len(shown) - 1)


@pytest.mark.parametrize("width", [60, 61, 79, 80, 119, 120, 200, 400])
def test_the_columns_shown_fill_the_width_exactly(width: int) -> None:
    assert used(fit(width, TABLE, [11, 90, 40, 26])) == width


def test_every_cell_is_whole_when_there_is_room() -> None:
    widths = fit(200, TABLE, [11, 90, 40, 26])
    assert widths[3] == 26 and widths[2] == 40 and widths[1] >= 90


def test_a_wide_table_gives_room_to_the_column_cut_short_before_padding_the_main_one() -> None:
    # "Next" is held to 30 while others want room; with room to spare it gets its longest cell, 34.
    widths = fit(150, TABLE, [11, 60, 20, 34])
    assert widths[3] == 34 and widths[2] == 20


def test_the_least_needed_column_goes_first_then_the_next() -> None:
    # The least widths together: 11 + 20 + 10 + 16 and three gaps, 60.
    assert all(fit(60, TABLE, [11, 90, 40, 26]))
    narrower = fit(59, TABLE, [11, 90, 40, 26])
    assert narrower == (11, 20, 0, 26), "the room Tags leaves goes to Next (grow 1) before Title (grow 2)"
    assert fit(40, TABLE, [11, 90, 40, 26])[2:] == (0, 0)


def test_a_column_with_short_cells_takes_no_more_than_they_need() -> None:
    assert fit(120, TABLE, [11, 90, 6, 26])[2] == max(6, len("Tags"))


def test_the_main_column_gives_way_first() -> None:
    widths = fit(80, TABLE, [11, 90, 0, 26])
    assert widths[3] == 26 and widths[1] == 80 - 11 - 26 - 2 * GAP - 5


def test_content_widths_is_the_longest_cell_of_each_column() -> None:
    assert content_widths([("a", "bbb"), ("cc", "")], 2) == [2, 3]


def test_fit_edge_cases_by_hand() -> None:
    from briefing.present.columns import Column, content_widths, fit

    assert content_widths([("", "ab"), ("x", "")], 2) == [1, 2]
    assert content_widths([("", "")], 2) == [0, 0]
    # The least needed column goes first, wherever it stands.
    three = (Column("A", 5, main=True), Column("B", 5, keep=2), Column("C", 5, keep=1))
    assert fit(11, three, [5, 5, 5]) == (5, 5, 0)
    # Without a main column, the last one shown takes what is left.
    assert fit(20, (Column("A", 3), Column("B", 3)), [3, 3]) == (3, 16)
    assert fit(20, (Column("A", 3), Column("B", 3), Column("C", 3)), [3, 3, 3]) == (3, 3, 12)
    assert fit(0, (Column("A", 3, keep=1), Column("B", 3, keep=1)), [3, 3]) == (0, 0), "all left out"
    # Narrower than the least widths of what cannot be left out: the main column gives, down to one cell.
    assert fit(15, (Column("A", 10, main=True), Column("B", 10)), [10, 10]) == (4, 10)
    assert fit(11, (Column("A", 3, main=True), Column("B", 10)), [3, 10]) == (1, 10)
    # A column's most holds while another still wants room.
    capped = (Column("A", 3, grow=1, main=True), Column("B", 3, most=5))
    assert fit(15, capped, [10, 20]) == (9, 5)
    # The last cell of room goes to the column that wants it, not to the main one.
    assert fit(8, (Column("A", 3, grow=1, main=True), Column("B", 3)), [3, 4]) == (3, 4)
    assert fit(8, (Column("A", 3, main=True), Column("B", 3)), [3, 3]) == (4, 3)
