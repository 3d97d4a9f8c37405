"""The loader: the seed brief loads, and every kind of problem is reported at the right line."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.format.load import MAX_FILE_BYTES, load_bytes, load_path, load_text
from briefing.format.model import Certainty, ConfirmationStatus, Problem, SourceKind, StopStatus
from tests.conftest import MINIMAL_BRIEF, SEED

WriteBrief = Callable[..., Path]


def problems_of(text: str) -> list[tuple[int | None, str | None, str]]:
    result = load_text(text, "b.toml")
    assert result.brief is None, "expected problems, got a brief"
    return [(p.line, p.key, p.message) for p in result.problems]


def test_seed_brief_loads_with_every_section() -> None:
    result = load_path(SEED)
    assert result.problems == ()
    brief = result.brief
    assert brief is not None
    assert brief.meta.title.startswith("Putin Likely To Visit North Korea Next Week")
    assert brief.meta.as_of == dt.date(2024, 6, 12)
    assert brief.meta.category == "International"
    assert 3 <= len(brief.summary.key_points) <= 6
    assert "Vostochny" in (brief.summary.body or "")
    assert "partnership" in (brief.summary.body or "")
    (quote,) = brief.quotes
    assert quote.speaker == "Kim Jong Un"
    assert quote.text.endswith("an unbreakable relationship of comrades-in-arms")
    assert [c.id for c in brief.confirmations] == ["visit-dates", "vietnam-agenda"]
    assert all(c.status is ConfirmationStatus.PENDING for c in brief.confirmations)
    assert brief.confirmations[0].awaited_from == ("Kremlin", "Russian Foreign Ministry")
    pyongyang, vietnam = brief.itinerary
    assert (pyongyang.place, pyongyang.when) == ("Pyongyang", "next week")
    assert (pyongyang.start, pyongyang.end) == (dt.date(2024, 6, 17), dt.date(2024, 6, 23))
    assert not pyongyang.approximate and pyongyang.certainty is Certainty.LIKELY
    assert (vietnam.when, vietnam.approximate) == ("around June 19 and 20", True)
    assert (vietnam.start, vietnam.end) == (dt.date(2024, 6, 19), dt.date(2024, 6, 20))
    assert vietnam.status is StopStatus.PLANNED and vietnam.confirmation == "vietnam-agenda"
    assert [(s.outlet, s.kind) for s in brief.sources] == [
        ("Vedomosti", SourceKind.NEWSPAPER),
        ("Reuters", SourceKind.WIRE),
        ("Unnamed outlet, International section", None),
    ]
    assert brief.quotes[0].source == "article" and brief.sources[2].published == dt.date(2024, 6, 12)


def test_item_lines_point_at_their_table_headers() -> None:
    brief = load_path(SEED).brief
    assert brief is not None
    lines = SEED.read_text(encoding="utf-8").splitlines()
    item_lines = [item.line for items in (brief.quotes, brief.confirmations, brief.itinerary, brief.sources)
                  for item in items]  # fmt: skip
    assert len(item_lines) == 8
    for line in item_lines:
        assert line is not None
        assert lines[line - 1].startswith("[[")


def test_minimal_brief_has_empty_sections() -> None:
    brief = load_text(MINIMAL_BRIEF).brief
    assert brief is not None
    assert (brief.quotes, brief.confirmations, brief.itinerary, brief.sources) == ((), (), (), ())


def test_syntax_error_has_line_and_column() -> None:
    result = load_text('schema_version = 1\n[brief]\ntitle = "unterminated\n', "b.toml")
    (problem,) = result.problems
    assert (problem.line, problem.column) == (3, 22)
    assert str(problem).startswith("b.toml:3:22: error: TOML syntax:")


def test_every_problem_is_reported_with_its_line() -> None:
    text = """\
schema_version = 1
[brief]
title = "T"
as_of = "2024-06-12"
categroy = "x"

[summary]
key_points = "not an array"

[[quotes]]
spekaer = "Kim"
text = "hi"
source = "nowhere"

[[confirmations]]
id = "a"
what = "w"
awaited_from = []
status = "confirmd"

[[confirmations]]
id = "a"
what = "w"
awaited_from = ["x"]
status = "confirmed"

[[itinerary]]
place = "P"
start = 2024-06-20
end = 2024-06-19
certainty = "probable"
confirmation = "zz"

[[sources]]
id = "Bad Id"
outlet = "O"
url = "javascript:alert(1)"
"""
    found = problems_of(text)
    expected = [
        (4, "brief.as_of", "expected a date, got the string '2024-06-12': write it without quotes, 2024-06-12"),
        (5, "brief.categroy", "unknown key `categroy`; did you mean `category`?"),
        (7, "summary.bluf", "missing required key `bluf`"),
        (8, "summary.key_points", "expected an array of strings, got the string 'not an array'"),
        (10, "quotes[0].speaker", "missing required key `speaker`"),
        (11, "quotes[0].spekaer", "unknown key `spekaer`; did you mean `speaker`?"),
        (13, "quotes[0].source", "no source has the id `nowhere`; there are no [[sources]]"),
        (18, "confirmations[0].awaited_from", "must not be empty"),
        (19, "confirmations[0].status", "the string 'confirmd' is not allowed; did you mean `confirmed`?"),
        (22, "confirmations[1].id", "duplicate id `a` (first used at line 15)"),
        (25, "confirmations[1].status", "missing `resolved_on`: required when status is confirmed"),
        (25, "confirmations[1].status", "missing `resolution`: required when status is confirmed"),
        (30, "itinerary[0].end", "2024-06-19 is before start (2024-06-20)"),
        (31, "itinerary[0].certainty", "the string 'probable' is not allowed; use one of: "
         "almost_no_chance, very_unlikely, unlikely, roughly_even_chance, likely, very_likely, almost_certain"),
        (32, "itinerary[0].confirmation", "no confirmation has the id `zz`; the ids in [[confirmations]] are: a"),
        (35, "sources[0].id", "the string 'Bad Id' is not an id: use only a-z, 0-9, - and _"),
        (37, "sources[0].url", "must start with http:// or https://, got the string 'javascript:alert(1)'"),
    ]  # fmt: skip
    assert sorted(found) == sorted(expected)


SOURCE = '\n[[sources]]\nid = "s"\noutlet = "O"\nurl = "{url}"\n'


@pytest.mark.parametrize(
    ("text", "line", "key", "message"),
    [
        ("", None, None, "is empty; a brief needs schema_version, [brief] and [summary]"),
        ("schema_version = 2\n" + MINIMAL_BRIEF.split("\n", 1)[1], 1, "schema_version",
         "written for a newer briefing (schema_version 2); this one reads version 1"),
        (MINIMAL_BRIEF.replace("schema_version = 1\n", ""), None, "schema_version",
         "missing required key `schema_version` (it is 1)"),
        (MINIMAL_BRIEF.replace("2024-06-12", "2024-06-12T10:00:00"), 5, "brief.as_of",
         "expected a date without a time, got the date-time 2024-06-12T10:00:00"),
        (MINIMAL_BRIEF + "updated = 2024-06-01\n", 9, "brief.updated", "updated"),
        ("quotes = 3\n" + MINIMAL_BRIEF, 1, "quotes", "expected an array of tables ([[quotes]]), got the integer 3"),
        ("x = 1\n" + MINIMAL_BRIEF, 1, "x", "expected a table [x] for your own keys, got the integer 1"),
        ("schema_version = 0\n" + MINIMAL_BRIEF.split("\n", 1)[1], 1, "schema_version", "must be 1, got 0"),
        ('schema_version = "1"\n' + MINIMAL_BRIEF.split("\n", 1)[1], 1, "schema_version",
         "expected the integer 1, got the string '1'"),
        ("schema_version = true\n" + MINIMAL_BRIEF.split("\n", 1)[1], 1, "schema_version",
         "expected the integer 1, got true (a boolean)"),
        ("schema_version = 1.0\n" + MINIMAL_BRIEF.split("\n", 1)[1], 1, "schema_version",
         "expected the integer 1, got the number 1.0"),
        (MINIMAL_BRIEF.replace("as_of = 2024-06-12", "as_of = 2024-06-12\nupdated = 2024-06-11"), 6, "brief.updated",
         "2024-06-11 is before as_of (2024-06-12)"),
        (MINIMAL_BRIEF.replace('"Minimal"', '""'), 4, "brief.title", "must not be empty"),
        (MINIMAL_BRIEF.replace('"Minimal"', '" \t "'), 4, "brief.title", "must not be empty"),
        (MINIMAL_BRIEF + SOURCE.format(url=r"https://example.org/\"onmouseover=\"alert(1)"), 13, "sources[0].url",
         "must not hold '\"' (U+0022): write it percent-encoded, as %22"),
        (MINIMAL_BRIEF + SOURCE.format(url="https://example.org/a b"), 13, "sources[0].url",
         "must not hold ' ' (U+0020): write it percent-encoded, as %20"),
    ],
)  # fmt: skip
def test_single_problem_files(text: str, line: int | None, key: str | None, message: str) -> None:
    if message == "updated":
        # `updated = ...` after [summary] belongs to the summary: it is an unknown key there.
        message = "unknown key `updated`; [summary] takes: bluf, key_points, body, confidence"
        key = "summary.updated"
    assert problems_of(text) == [(line, key, message)]


def test_misspelt_table_is_unknown_and_the_real_one_missing() -> None:
    assert problems_of(MINIMAL_BRIEF.replace("[summary]", "[summry]")) == [
        (None, "summary", "missing required table [summary]"),
        (7, "summry", "unknown key `summry`; did you mean `summary`?"),
    ]


def test_pending_confirmation_must_not_carry_a_resolution(write_brief: WriteBrief) -> None:
    text = (
        MINIMAL_BRIEF
        + """
[[confirmations]]
id = "c"
what = "w"
awaited_from = ["x"]
status = "pending"
resolved_on = 2024-06-12
"""
    )
    assert problems_of(text) == [
        (15, "confirmations[0].resolved_on", "`resolved_on` must be absent while status is pending")
    ]


def test_since_after_as_of_is_an_error() -> None:
    text = MINIMAL_BRIEF + '\n[[confirmations]]\nid = "c"\nwhat = "w"\nawaited_from = ["x"]\n'
    text += 'status = "pending"\nsince = 2024-07-01\n'
    assert problems_of(text) == [(15, "confirmations[0].since", "2024-07-01 is after the brief's as_of (2024-06-12)")]


def test_a_resolution_before_it_was_first_reported_is_an_error() -> None:
    text = MINIMAL_BRIEF + '\n[[confirmations]]\nid = "c"\nwhat = "w"\nawaited_from = ["x"]\n'
    text += 'status = "confirmed"\nsince = 2024-06-10\nresolved_on = 2024-06-09\nresolution = "r"\n'
    assert problems_of(text) == [(16, "confirmations[0].resolved_on", "2024-06-09 is before since (2024-06-10)")]
    assert load_text(text.replace("resolved_on = 2024-06-09", "resolved_on = 2024-06-10")).ok


def test_a_resolution_after_the_brief_was_last_revised_is_an_error() -> None:
    text = MINIMAL_BRIEF + '\n[[confirmations]]\nid = "c"\nwhat = "w"\nawaited_from = ["x"]\n'
    text += 'status = "denied"\nresolved_on = 2024-06-13\nresolution = "r"\n'
    message = "2024-06-13 is after the brief's as_of (2024-06-12); a later resolution moves `updated`"
    assert problems_of(text) == [(15, "confirmations[0].resolved_on", message)]
    revised = text.replace("as_of = 2024-06-12", "as_of = 2024-06-12\nupdated = 2024-06-12")
    assert problems_of(revised) == [
        (16, "confirmations[0].resolved_on", "2024-06-13 is after the brief's updated date (2024-06-12)")
    ]
    assert load_text(text.replace("as_of = 2024-06-12", "as_of = 2024-06-12\nupdated = 2024-06-13")).ok


def test_extension_table_is_ignored() -> None:
    assert load_text(MINIMAL_BRIEF + "\n[x]\nmine = [1, 2]\n").ok


def test_not_utf8_is_one_located_error() -> None:
    result = load_bytes(b'schema_version = 1\ntitle = "caf\xe9"\n', "b.toml")
    assert [str(p) for p in result.problems] == ["b.toml:2:13: error: not UTF-8 text (byte 0xe9 cannot be decoded)"]


def test_utf8_bom_is_accepted() -> None:
    assert load_bytes(b"\xef\xbb\xbf" + MINIMAL_BRIEF.encode()).ok


def test_directory_missing_and_oversized_files(tmp_path: Path) -> None:
    assert load_path(tmp_path).problems == (Problem(str(tmp_path), "is a directory, not a brief file"),)
    missing = tmp_path / "missing.toml"
    assert load_path(missing).problems == (Problem(str(missing), "no such file"),)
    big = tmp_path / "big.toml"
    big.write_bytes(MINIMAL_BRIEF.encode() + b"#" * MAX_FILE_BYTES)
    (problem,) = load_path(big).problems
    assert "the limit is 1,048,576 bytes (1 MiB)" in problem.message


def test_deep_nesting_is_an_error_not_a_crash() -> None:
    text = MINIMAL_BRIEF + "\n[x]\ndeep = " + "[" * 5000 + "]" * 5000 + "\n"
    result = load_text(text, "b.toml")
    assert not result.ok
    assert len(result.problems) == 1


def test_control_sequences_are_removed_on_load() -> None:
    hostile = "Kim\\u001b]52;c;UFdORUQ=\\u0007 said \\u001b[31mred\\u001b[0m \\u202eevil\\u0000"
    text = MINIMAL_BRIEF.replace('title = "Minimal"', f'title = "{hostile} [bold]x[/]"')
    brief = load_text(text).brief
    assert brief is not None
    assert brief.meta.title == "Kim said red evil [bold]x[/]"


def test_first_briefs_agrees_with_find_briefs(tmp_path: Path) -> None:
    from briefing.library.discover import find_briefs, first_briefs

    for name in ("b/two.toml", "a/one.toml", ".hidden/x.toml", "c/.dot.toml", "c/notes.txt", "z.toml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    everything, problems = find_briefs([tmp_path])
    assert problems == []
    assert len(everything) == 3
    assert set(first_briefs(tmp_path, 10)) == set(everything)
    for most in (1, 2, 3):
        some = first_briefs(tmp_path, most)
        assert len(some) == most and set(some) <= set(everything)
    assert first_briefs(tmp_path / "a", 2) == [tmp_path / "a" / "one.toml"]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2024-13-01", "as_of: 2024-13-01 is not a date: there is no month 13 (months are 01 to 12)"),
        ("2024-00-10", "as_of: 2024-00-10 is not a date: there is no month 00 (months are 01 to 12)"),
        ("2023-02-29", "as_of: 2023-02-29 is not a date: February 2023 has days 01 to 28"),
        ("2024-04-31", "as_of: 2024-04-31 is not a date: April 2024 has days 01 to 30"),
    ],
)
def test_a_date_that_does_not_exist_says_what_is_wrong_with_it(value: str, message: str) -> None:
    result = load_text(MINIMAL_BRIEF.replace("as_of = 2024-06-12", f"as_of = {value}"))
    assert [(p.line, p.column, p.message) for p in result.problems] == [(5, 9, message)]


def test_a_real_date_followed_by_garbage_is_still_a_syntax_error() -> None:
    result = load_text(MINIMAL_BRIEF.replace("as_of = 2024-06-12", "as_of = 2024-06-12 junk"))
    assert result.problems[0].message.startswith("TOML syntax: ")


AS_OF = "as_of = 2024-06-12"
STOP = '\n[[itinerary]]\nplace = "X"\n'


@pytest.mark.parametrize(
    ("text", "line", "key", "message"),
    [
        (MINIMAL_BRIEF + STOP + 'approximate = "yes"\n', 12, "itinerary[0].approximate",
         "expected true or false, got the string 'yes'"),
        (MINIMAL_BRIEF + STOP + "approximate = 1\n", 12, "itinerary[0].approximate",
         "expected true or false, got the integer 1"),
        (MINIMAL_BRIEF.replace('"Minimal"', "5"), 4, "brief.title", "expected a string, got the integer 5"),
        (MINIMAL_BRIEF.replace('"Minimal"', "5.5"), 4, "brief.title", "expected a string, got the number 5.5"),
        (MINIMAL_BRIEF.replace('"Minimal"', "true"), 4, "brief.title", "expected a string, got true (a boolean)"),
        (MINIMAL_BRIEF.replace('"Minimal"', "false"), 4, "brief.title", "expected a string, got false (a boolean)"),
        (MINIMAL_BRIEF.replace('"Minimal"', '["a"]'), 4, "brief.title", "expected a string, got an array"),
        (MINIMAL_BRIEF.replace('"Minimal"', "{a = 1}"), 4, "brief.title", "expected a string, got a table"),
        (MINIMAL_BRIEF.replace('"Minimal"', "2024-01-01"), 4, "brief.title",
         "expected a string, got the date 2024-01-01"),
        (MINIMAL_BRIEF.replace('"Minimal"', "10:00:00"), 4, "brief.title", "expected a string, got the time 10:00:00"),
        (MINIMAL_BRIEF + '\n[[sources]]\nid = 3\noutlet = "O"\n', 11, "sources[0].id",
         "expected an id (a string), got the integer 3"),
        (MINIMAL_BRIEF.replace(AS_OF, AS_OF + '\ntags = "a"'), 6, "brief.tags",
         "expected an array of strings, got the string 'a'"),
        (MINIMAL_BRIEF.replace(AS_OF, AS_OF + '\ntags = ["a", 2]'), 6, "brief.tags[1]",
         "expected a string, got the integer 2"),
        (MINIMAL_BRIEF.replace(AS_OF, 'as_of = "yesterday"'), 5, "brief.as_of",
         "expected a date such as 2024-06-12, got the string 'yesterday'"),
        (MINIMAL_BRIEF.replace(AS_OF, f'as_of = "{"a" * 37}bcdefgh"'), 5, "brief.as_of",
         f"expected a date such as 2024-06-12, got the string '{'a' * 37}...'"),
        (MINIMAL_BRIEF.replace(AS_OF, f'as_of = "{"a" * 40}"'), 5, "brief.as_of",
         f"expected a date such as 2024-06-12, got the string '{'a' * 40}'"),
        (MINIMAL_BRIEF.replace(AS_OF, "as_of = 20240612"), 5, "brief.as_of",
         "expected a date such as 2024-06-12, got the integer 20240612"),
        (MINIMAL_BRIEF + STOP + "certainty = 3\n", 12, "itinerary[0].certainty",
         "expected a string, got the integer 3"),
    ],
)  # fmt: skip
def test_a_value_of_the_wrong_type_is_named_with_what_was_found(text: str, line: int, key: str, message: str) -> None:
    assert problems_of(text) == [(line, key, message)]


SOURCES = '\n[[sources]]\nid = "s1"\noutlet = "O"\n\n[[sources]]\nid = "s2"\noutlet = "P"\n'
REPORTED = (
    '\n[[confirmations]]\nid = "c1"\nwhat = "W"\nawaited_from = ["X"]\nstatus = "pending"\nreported_by = ["s1", "zz"]\n'
)
STOP_REFERS = '\n[[itinerary]]\nplace = "P"\nconfirmation = "qq"\nsources = ["s2", "yy"]\n'


def test_every_reference_names_what_it_could_have_been() -> None:
    assert problems_of(MINIMAL_BRIEF + SOURCES + REPORTED + STOP_REFERS) == [
        (23, "confirmations[0].reported_by[1]", "no source has the id `zz`; the ids in [[sources]] are: s1, s2"),
        (27, "itinerary[0].confirmation", "no confirmation has the id `qq`; the ids in [[confirmations]] are: c1"),
        (28, "itinerary[0].sources[1]", "no source has the id `yy`; the ids in [[sources]] are: s1, s2"),
    ]
    assert problems_of(MINIMAL_BRIEF + REPORTED.replace('["s1", "zz"]', '["s3"]')) == [
        (15, "confirmations[0].reported_by[0]", "no source has the id `s3`; there are no [[sources]]")
    ]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0000-06-12", "as_of: 0000-06-12 is not a date: there is no year 0000 (years are 0001 to 9999)"),
        ("2024-01-32", "as_of: 2024-01-32 is not a date: January 2024 has days 01 to 31"),
        ("2024-12-32", "as_of: 2024-12-32 is not a date: December 2024 has days 01 to 31"),
        ("2024-06-00", "as_of: 2024-06-00 is not a date: June 2024 has days 01 to 30"),
        ("2024-02-30", "as_of: 2024-02-30 is not a date: February 2024 has days 01 to 29"),
    ],
)
def test_each_part_of_a_date_is_checked_to_its_bounds(value: str, message: str) -> None:
    result = load_text(MINIMAL_BRIEF.replace("as_of = 2024-06-12", f"as_of = {value}"), "b.toml")
    assert [(p.file, p.line, p.column, p.message) for p in result.problems] == [("b.toml", 5, 9, message)]


@pytest.mark.parametrize("value", ["2024-01-01", "2024-12-31", "2024-02-29"])
def test_a_real_date_at_a_bound_before_garbage_is_a_syntax_error_not_a_bad_date(value: str) -> None:
    result = load_text(MINIMAL_BRIEF.replace("as_of = 2024-06-12", f"as_of = {value} junk"), "b.toml")
    assert [(p.line, p.column, p.message) for p in result.problems] == [
        (5, 20, "TOML syntax: Expected newline or end of document after a statement")
    ]


def test_a_bad_date_on_the_first_or_the_last_line_is_said_as_one() -> None:
    first = load_text("as_of = 2024-13-01\n", "b.toml").problems
    assert [(p.line, p.column, p.message) for p in first] == [
        (1, 9, "as_of: 2024-13-01 is not a date: there is no month 13 (months are 01 to 12)")
    ]
    last = load_text("schema_version = 1\nas_of = 2024-02-30", "b.toml").problems
    assert [(p.line, p.column, p.message) for p in last] == [
        (2, 9, "as_of: 2024-02-30 is not a date: February 2024 has days 01 to 29")
    ]


def test_a_syntax_error_at_the_end_points_at_the_last_line_with_anything_on_it() -> None:
    result = load_text(MINIMAL_BRIEF + "\n[x]\nk = [1,\n \n\n", "b.toml")
    assert [(p.file, p.line, p.column, p.message) for p in result.problems] == [
        ("b.toml", 11, None, "TOML syntax: Invalid value at the end of the file")
    ]
    assert result.text == MINIMAL_BRIEF + "\n[x]\nk = [1,\n \n\n"


def test_a_syntax_message_without_a_place_is_said_as_it_is() -> None:
    from briefing.format.load import _syntax_problem

    assert _syntax_problem("b.toml", "Something odd", "a = 1\n") == Problem("b.toml", "TOML syntax: Something odd")


def test_nesting_too_deep_to_locate_is_still_said(monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing.format.locate import Locations
    from briefing.format.validate import MAX_NESTING

    text = MINIMAL_BRIEF + "\n[x]\ndeep = " + "[" * 5000 + "]" * 5000 + "\n"
    (located,) = load_text(text, "b.toml").problems
    assert (located.file, located.line, located.key) == ("b.toml", 11, "x.deep")
    in_a_table = MINIMAL_BRIEF + "\n[x.y]\ndeep = " + "[" * 5000 + "]" * 5000 + "\n"
    (located_in_table,) = load_text(in_a_table, "b.toml").problems
    assert (located_in_table.line, located_in_table.key) == (11, "x.y"), "the table and key, not the levels"
    assert located.message == f"values are nested more than {MAX_NESTING} deep (arrays or tables in one another)"
    monkeypatch.setattr(Locations, "nested_deeper_than", lambda _self, _most: None)
    result = load_text(text, "b.toml")
    assert result.problems == (Problem("b.toml", "values are nested too deeply to read"),)
    assert (result.file, result.text) == ("b.toml", text)


def test_not_utf8_is_located_among_other_lines() -> None:
    data = b"\nschema_version = 1\n\n# caf\xe9\n\n"
    assert [str(p) for p in load_bytes(data, "b.toml").problems] == [
        "b.toml:4:6: error: not UTF-8 text (byte 0xe9 cannot be decoded)"
    ]
    assert [str(p) for p in load_bytes(b"\n\xe9", "b.toml").problems] == [
        "b.toml:2:1: error: not UTF-8 text (byte 0xe9 cannot be decoded)"
    ]


def test_a_brief_with_no_name_is_called_brief_in_its_problems() -> None:
    assert [p.file for p in load_bytes(b"schema_version = [").problems] == ["<brief>"]
    assert [p.file for p in load_text("schema_version = [").problems] == ["<brief>"]
    assert load_text(MINIMAL_BRIEF).file == "<brief>"


def test_the_size_limit_is_the_last_byte_allowed() -> None:
    at_limit = MINIMAL_BRIEF.encode() + b"#" * (MAX_FILE_BYTES - len(MINIMAL_BRIEF.encode()))
    assert len(at_limit) == MAX_FILE_BYTES and load_bytes(at_limit).ok
    assert load_bytes(at_limit + b"#", "b.toml").problems == (
        Problem("b.toml", "is over 1,048,576 bytes (1 MiB), the limit"),
    )


def test_only_tomls_whitespace_makes_an_empty_file() -> None:
    assert load_text(" \t\r\n\n", "b.toml").problems == (
        Problem("b.toml", "is empty; a brief needs schema_version, [brief] and [summary]"),
    )
    assert load_text("XX", "b.toml").problems[0].message.startswith("TOML syntax: ")


def test_without_lines_items_carry_none(tmp_path: Path) -> None:
    path = tmp_path / "brief.toml"
    path.write_bytes(SEED.read_bytes())
    with_lines = load_path(path).brief
    assert with_lines is not None and with_lines.confirmations[0].line is not None
    by_default = [load_bytes(SEED.read_bytes()).brief, load_text(SEED.read_text(encoding="utf-8")).brief]
    assert [brief.confirmations[0].line if brief else None for brief in by_default] == [
        with_lines.confirmations[0].line
    ] * 2
    for brief in (
        load_path(path, with_lines=False).brief,
        load_bytes(SEED.read_bytes(), with_lines=False).brief,
        load_text(SEED.read_text(encoding="utf-8"), with_lines=False).brief,
    ):
        assert brief is not None and brief == with_lines
        lines = [item.line for item in brief.confirmations] + [item.line for item in brief.itinerary]
        lines += [item.line for item in brief.quotes] + [item.line for item in brief.sources]
        assert lines and lines == [None] * len(lines)


def test_a_good_brief_keeps_its_text_and_its_lines() -> None:
    text = SEED.read_text(encoding="utf-8")
    result = load_text(text, "b.toml")
    assert result.ok and result.text == text and result.problems == ()
    assert result.line_of(("confirmations", 0, "status")) == text[: text.index('status = "pending"')].count("\n") + 1
    assert load_bytes(b"\xe9").line_of(("brief", "title")) is None, "no text: no lines"


def test_why_a_file_cannot_be_read_in_words(tmp_path: Path) -> None:
    import errno

    from briefing.format.load import unreadable

    dangling = tmp_path / "dangling.toml"
    dangling.symlink_to(tmp_path / "nowhere.toml")
    loop = tmp_path / "loop.toml"
    loop.symlink_to(loop)
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    said = {name: [p.message for p in load_path(tmp_path / name).problems] for name in
            ("dangling.toml", "loop.toml", "fifo.toml", "missing.toml")}  # fmt: skip
    assert said == {
        "dangling.toml": ["is a symlink that leads nowhere"],
        "loop.toml": ["is a symlink that goes round in a loop"],
        "fifo.toml": ["is not a regular file"],
        "missing.toml": ["no such file"],
    }
    assert unreadable("b.toml", PermissionError(errno.EACCES, "Permission denied")) == "permission denied"
    assert unreadable("b.toml", OSError(errno.EIO, "Input/output error")) == "cannot be read: Input/output error"
    assert unreadable("b.toml", OSError("odd")) == "cannot be read: odd"


def test_a_problem_says_its_key_before_its_message() -> None:
    assert str(Problem("b.toml", "is missing", 3, None, "brief.title")) == "b.toml:3: error: brief.title: is missing"
    assert str(Problem("b.toml", "is missing", 3, 7)) == "b.toml:3:7: error: is missing"


def test_an_id_that_names_no_source_stands_for_itself() -> None:
    brief = load_path(SEED).brief
    assert brief is not None
    assert brief.outlets(["vedomosti", "nosuch"]) == ["Vedomosti", "nosuch"]


def test_every_failed_load_names_its_file(tmp_path: Path) -> None:
    results = [
        load_path(tmp_path / "missing.toml"),
        load_bytes(b"\xe9", "b.toml"),
        load_text("schema_version = [", "b.toml"),
        load_text("", "b.toml"),
        load_text("schema_version = 1\n", "b.toml"),
    ]
    assert [result.file for result in results] == [str(tmp_path / "missing.toml")] + ["b.toml"] * 4
    assert all(not result.ok and result.problems for result in results)
