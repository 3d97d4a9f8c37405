"""Lines of facts cut between facts (`briefing.present.fact_lines`): no Textual."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from briefing.present.fact_lines import SEPARATOR, fact_lines


def lines(text: str, width: int, separator: str = SEPARATOR) -> list[str]:
    return [text[start:end] for start, end in fact_lines(text, width, cell_len, separator)]


META = "As of 12 Jun 2024  ·  2 years ago  ·  ⚠ stale, still pending  ·  International  ·  updated 14 Jun 2024"


def test_a_line_that_fits_is_one_line() -> None:
    assert lines(META, len(META)) == [META]
    assert fact_lines(META, len(META), cell_len) == [(0, len(META))]


def test_a_line_too_wide_is_cut_between_facts_and_the_separator_left_out() -> None:
    assert lines(META, 62) == [
        "As of 12 Jun 2024  ·  2 years ago  ·  ⚠ stale, still pending",
        "International  ·  updated 14 Jun 2024",
    ]
    assert lines(META, 40) == [
        "As of 12 Jun 2024  ·  2 years ago",
        "⚠ stale, still pending  ·  International",
        "updated 14 Jun 2024",
    ]


def test_a_date_is_never_cut_where_its_fact_fits_on_a_line() -> None:
    text = "Awaited from Officials in Hanoi  ·  since 12 Jun 2024"
    assert lines(text, 44) == ["Awaited from Officials in Hanoi", "since 12 Jun 2024"]
    assert lines(text, 17) == ["Awaited from", "Officials in", "Hanoi", "since 12 Jun 2024"]


def test_a_fact_too_wide_for_a_line_is_wrapped_at_its_spaces_and_the_next_goes_on_after_it() -> None:
    text = "Awaited from Kremlin, Russian Foreign Ministry  ·  since 12 Jun 2024"
    assert lines(text, 44) == ["Awaited from Kremlin, Russian Foreign", "Ministry  ·  since 12 Jun 2024"]


def test_a_fact_too_wide_goes_on_after_the_facts_before_it_where_its_first_words_fit() -> None:
    text = "likely  ·  planned  ·  Visit at Kim Jong Un's invitation, accepted after Kim's visit to Russia"
    assert lines(text, 44) == [
        "likely  ·  planned  ·  Visit at Kim Jong",
        "Un's invitation, accepted after Kim's visit",
        "to Russia",
    ]
    assert lines("planned  ·  Averyveryverylongword and more", 20) == ["planned", "Averyveryverylongwor", "d and more"]


def test_a_wrapped_fact_fills_its_lines_to_the_last_cell() -> None:
    assert lines("aa bb cc", 5) == ["aa bb", "cc"]
    assert lines("x  ·  aa bb cc dd", 5) == ["x", "aa bb", "cc dd"]


def test_a_word_wider_than_the_line_is_cut_at_the_width() -> None:
    assert lines("abcdefghijkl  ·  x", 5) == ["abcde", "fghij", "kl", "x"]
    assert lines("abcdefghijkl  ·  xy", 5) == ["abcde", "fghij", "kl", "xy"]
    assert lines("ab  ·  abcdefghijkl", 5) == ["ab", "abcde", "fghij", "kl"]


def test_wide_characters_count_two_cells() -> None:
    assert lines("東京  ·  大阪", 10) == ["東京", "大阪"]
    assert lines("東京  ·  大阪", 13) == ["東京  ·  大阪"]
    assert lines("東京大阪", 3) == ["東", "京", "大", "阪"]


def test_lines_of_the_text_stay_lines() -> None:
    assert lines("a  ·  b\nc  ·  d", 10) == ["a  ·  b", "c  ·  d"]
    assert fact_lines("a\n\nb", 4, cell_len) == [(0, 1), (2, 2), (3, 4)]


def test_empty_and_blank_facts() -> None:
    assert fact_lines("", 4, cell_len) == [(0, 0)]
    assert lines("  ·  ", 3) == ["", ""]
    assert lines("     ", 3) == ["     "], "nothing to cut at: left for the drawing to fold"


@pytest.mark.parametrize("width", [0, -3])
def test_no_width_is_one_cell(width: int) -> None:
    assert lines("ab  ·  c", width) == ["a", "b", "c"]


def test_spans_given_as_between_facts_divide_them_as_the_separator_does() -> None:
    text = "1. Pyongyang, North Korea  ‼ passed, unconfirmed"
    between = [(text.index("  ‼"), text.index("  ‼") + 2)]
    spans = fact_lines(text, 36, cell_len, between=between)
    assert [text[start:end] for start, end in spans] == ["1. Pyongyang, North Korea", "‼ passed, unconfirmed"]
    assert lines(text, 36) == ["1. Pyongyang, North Korea  ‼ passed,", "unconfirmed"], "two spaces alone: no divide"
    assert fact_lines(text, 60, cell_len, between=between) == [(0, len(text))]


def test_given_spans_that_overlap_a_separator_or_cross_a_line_are_not_taken_twice() -> None:
    text = "a  ·  b\nc d"
    assert fact_lines(text, 1, cell_len, between=[(1, 4)]) == [(0, 1), (6, 7), (8, 9), (10, 11)]
    assert fact_lines(text, 7, cell_len, between=[(6, 9)]) == [(0, 7), (8, 11)], "across a line: not a divide"


def spans_between(text: str, width: int, between: list[tuple[int, int]]) -> list[str]:
    return [text[start:end] for start, end in fact_lines(text, width, cell_len, between=between)]


def test_given_spans_divide_on_every_line_of_the_text() -> None:
    text = "x\nab  cd ef"
    assert spans_between(text, 6, [(4, 6)]) == ["x", "ab", "cd ef"]
    assert lines(text, 6) == ["x", "ab  cd", "ef"], "without it, wrapped at the spaces"
    assert spans_between(text, 9, [(4, 6)]) == ["x", "ab  cd ef"]


def test_a_given_span_at_a_lines_start_or_end_divides_there() -> None:
    assert spans_between("  ab", 2, [(0, 2)]) == ["", "ab"]
    assert lines("  ab", 2) == ["ab"], "without it, the leading spaces go with the wrap"
    assert spans_between("ab  ", 2, [(2, 4)]) == ["ab", ""]
    assert lines("ab  ", 2) == ["ab"]


def test_an_empty_given_span_divides_nothing() -> None:
    assert spans_between("abcd", 3, [(2, 2)]) == ["abc", "d"]


def test_given_spans_that_touch_both_divide_and_overlapping_ones_are_taken_once() -> None:
    assert spans_between("a    b", 1, [(1, 3), (3, 5)]) == ["a", "", "b"]
    assert spans_between("a  ·  b", 1, [(1, 3)]) == ["a", "·", "b"]


def test_no_separator_divides_only_where_told() -> None:
    assert lines("ab cd", 3, "") == ["ab", "cd"]


def test_another_separator() -> None:
    assert lines("As of 12 Jun 2024 · 2 years ago", 20, " · ") == ["As of 12 Jun 2024", "2 years ago"]


facts = st.lists(st.text(st.sampled_from("ab 東·"), min_size=1, max_size=12), min_size=1, max_size=6)


@settings(max_examples=300, deadline=None)
@given(facts, st.integers(min_value=1, max_value=30))
def test_cut_lines_fit_keep_every_word_in_order_and_keep_a_fact_that_fits_whole(parts: list[str], width: int) -> None:
    text = SEPARATOR.join(parts)
    spans = fact_lines(text, width, cell_len)
    assert spans == sorted(spans) and all(start <= end for start, end in spans)
    cut = [text[start:end] for start, end in spans]
    for line in cut:
        blank = not line.strip()
        one_wide_character = width == 1 and len(line) == 1
        assert cell_len(line) <= width or blank or one_wide_character, (line, width)
    ends = [0, *(end for _, end in spans)]
    starts = [start for start, _ in spans] + [len(text)]
    for gap in (text[end:start] for end, start in zip(ends, starts, strict=True)):
        assert not gap.strip() or (SEPARATOR in gap and gap.strip() == "·"), "only a separator or spaces are left out"
    for part in parts:
        if part.strip() and cell_len(part) <= width and "·" not in part:
            assert any(part.strip() in line for line in cut), (part, cut)
