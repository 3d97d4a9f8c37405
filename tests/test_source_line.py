"""The line a problem is on, as the problem view shows it: the file's line as written, made safe, cut to fit."""

from __future__ import annotations

from briefing.present.source_line import ELLIPSIS, MOST_SHOWN, SourceLine, lines_of
from briefing.present.source_line import source_line as line_of_lines


def source_line(text: str | None, number: int | None, column: int | None = None) -> SourceLine | None:
    return line_of_lines(lines_of(text), number, column)


TEXT = 'schema_version = 1\n\n[brief]\ntitle = 3\r\n[[quotes]\n\tsaid = "x"\n'


def test_a_line_without_a_column_is_shown_whole_with_nothing_marked() -> None:
    assert source_line(TEXT, 4) == SourceLine(4, "title = 3", "", "")  # its carriage return is not shown


def test_the_character_at_the_column_is_set_apart() -> None:
    assert source_line(TEXT, 5, 9) == SourceLine(5, "[[quotes", "]", "")
    assert source_line(TEXT, 5, 1) == SourceLine(5, "", "[", "[quotes]")


def test_a_column_past_the_end_of_the_line_marks_a_space_there() -> None:
    assert source_line(TEXT, 5, 10) == SourceLine(5, "[[quotes]", " ", "")
    assert source_line(TEXT, 5, 99) == SourceLine(5, "[[quotes]", " ", "")


def test_a_tab_is_one_space_so_the_column_still_points_at_its_character() -> None:
    assert source_line(TEXT, 6, 2) == SourceLine(6, " ", "s", 'aid = "x"')


def test_no_line_for_no_text_no_line_a_line_past_the_end_or_a_blank_one() -> None:
    assert source_line(None, 1) is None
    assert source_line(TEXT, None) is None
    assert source_line(TEXT, 0) is None
    assert source_line(TEXT, 8) is None
    assert source_line(TEXT, 2) is None and source_line("a\n \t\nb", 2) is None
    assert source_line(TEXT, 7) is None  # after the last newline


def test_lines_are_counted_as_toml_counts_them_only_at_newlines() -> None:
    text = "a = 1 # \x0c\u2028 b\nc = 2"
    assert source_line(text, 2) == SourceLine(2, "c = 2", "", "")
    assert source_line(text, 1) == SourceLine(1, "a = 1 # \\x0c\u2028 b", "", "")


def test_controls_in_the_file_are_shown_as_escapes_never_sent_to_the_terminal() -> None:
    line = source_line('title = "\x1b]52;c;AAAA\x07\x1b[2J\u202e"', 1, 10)
    assert line == SourceLine(1, 'title = "', "\\x1b", ']52;c;AAAA\\x07\\x1b[2J\\u202e"')


def test_a_long_line_is_cut_around_the_column() -> None:
    text = "".join(chr(ord("a") + n % 26) for n in range(1000))
    start = source_line(text, 1, 1)
    assert start is not None and (start.before, start.at) == ("", "a")
    assert start.after == text[1:MOST_SHOWN] + ELLIPSIS
    middle = source_line(text, 1, 501)
    assert middle is not None and middle.at == text[500]
    assert middle.before == ELLIPSIS + text[500 - MOST_SHOWN // 2 : 500]
    assert middle.after == text[501 : 500 + MOST_SHOWN // 2] + ELLIPSIS
    end = source_line(text, 1, 1001)
    assert end is not None and end == SourceLine(1, ELLIPSIS + text[1000 - MOST_SHOWN :], " ", "")
    whole = source_line(text, 1)
    assert whole == SourceLine(1, text[:MOST_SHOWN] + ELLIPSIS, "", "")
    assert source_line(text[:MOST_SHOWN], 1) == SourceLine(1, text[:MOST_SHOWN], "", "")


def test_a_line_one_character_too_long_is_cut_by_that_character() -> None:
    text = "x" * MOST_SHOWN + "y"
    assert source_line(text, 1, MOST_SHOWN + 1) == SourceLine(1, ELLIPSIS + "x" * (MOST_SHOWN - 1), "y", "")
    assert source_line(text, 1, 1) == SourceLine(1, "", "x", "x" * (MOST_SHOWN - 1) + ELLIPSIS)
