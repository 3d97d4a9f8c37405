"""The line scanner finds tables and keys past strings, comments and multi-line values."""

from __future__ import annotations

import tomllib

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.format.locate import Locations

TEXT = '''\
# a comment with [brackets] and key = "value"
schema_version = 1
[brief]
title = """
[not.a.table]
fake = 1
"""
"quoted key" = 'x'
tags = [
  "a",  # [[quotes]]
  "b",
]
[[quotes]]
speaker = 'it''s'
text = 'a "quoted" [thing]'
  [[ quotes ]]   # spaced header
speaker = "s"
[summary]
dotted.key = 2
'''


def test_tables_keys_and_array_items() -> None:
    where = Locations(TEXT)
    assert where.exact(("schema_version",)) == 2
    assert where.exact(("brief",)) == 3
    assert where.exact(("brief", "title")) == 4
    assert where.exact(("brief", "quoted key")) == 8
    assert where.exact(("brief", "tags")) == 9
    assert where.exact(("quotes", 0)) == 13
    assert where.exact(("quotes",)) == 13  # an array of tables: its first header
    assert where.exact(("quotes", 0, "text")) == 15
    assert where.exact(("quotes", 1)) == 16
    assert where.exact(("quotes", 1, "speaker")) == 17
    assert where.exact(("summary", "dotted", "key")) == 19
    assert where.exact(("not", "a", "table")) is None
    assert where.exact(("brief", "fake")) is None


def test_missing_keys_fall_back_to_their_table() -> None:
    where = Locations(TEXT)
    assert where.line(("quotes", 1, "role")) == 16
    assert where.line(("brief", "tags", 1)) == 9
    assert where.line(("sources", 0)) is None


def test_value_lines_span_multi_line_values() -> None:
    where = Locations(TEXT)
    assert where.value_lines(("brief", "title")) == (4, 7)
    assert where.value_lines(("brief", "tags")) == (9, 12)
    assert where.value_lines(("quotes", 0, "text")) == (15, 15)
    assert where.value_lines(("brief",)) is None


FORMS = ['"', "'", '"""', "'''"]
STRING_CHARACTERS = st.sampled_from(["a", "X", " ", '"', "'", "\\", "\n", "é", "#", "[", "]", "{", "}", "="])


def as_toml(value: str, form: str) -> str | None:
    """``value`` written as a TOML string of ``form`` (None where that form cannot hold it)."""
    if form == '"':
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    if form == "'":
        return None if "'" in value or "\n" in value else f"'{value}'"
    if value.startswith("\n"):
        return None  # a line break right after the opening quotes is not part of the string
    if form == '"""':
        return '"""' + value.replace("\\", "\\\\").replace('"""', '""\\"') + '"""'
    return None if "'''" in value else f"'''{value}'''"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.text(STRING_CHARACTERS, max_size=12), st.sampled_from(FORMS), st.booleans()), max_size=6))
def test_every_form_of_string_is_read_past_to_the_next_key(values: list[tuple[str, str, bool]]) -> None:
    """Each key's line is found after strings of every form holding quotes, escapes, brackets and line breaks,
    alone or in an array over several lines (whose brackets count only outside its strings)."""
    lines: list[str] = []
    starts: dict[str, int] = {}
    expected: dict[str, object] = {}
    for number, (value, form, in_array) in enumerate(values):
        written = as_toml(value, form)
        if written is None:
            continue
        key = f"k{number}"
        starts[key] = len(lines) + 1
        expected[key] = [value, 1] if in_array else value
        shown = f"[\n  {written}, 1]" if in_array else written  # its end counts only if the string is read past
        lines.extend(f"{key} = {shown}  # [not.a.table]".split("\n"))
    text = "\n".join(lines) + "\n"
    assert tomllib.loads(text) == expected  # the document means what it was written to
    where = Locations(text)
    assert {key: where.exact((key,)) for key in starts} == starts


KEY_CHARACTERS = st.sampled_from(["a", "X", "-", "_", "1", " ", ".", '"', "'", "\\", "é", "#", "[", "]", "=", "\t"])
KEY_FORMS = ["bare", '"', "'"]


def key_as_toml(part: str, form: str) -> str | None:
    """``part`` written as a TOML key of ``form``: bare, basic (quoted, with escapes) or literal."""
    if form == "bare":
        return part if part and all(c.isascii() and (c.isalnum() or c in "-_") for c in part) else None
    if form == '"':
        escaped = part.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
        return '"' + escaped.replace("é", "\\u00e9") + '"'
    return None if "'" in part else f"'{part}'"


KEY_PARTS = st.lists(st.tuples(st.text(KEY_CHARACTERS, max_size=6), st.sampled_from(KEY_FORMS)), min_size=1, max_size=3)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(KEY_PARTS, st.sampled_from(["", " ", "\t "]), st.booleans()), min_size=1, max_size=5),
    st.sampled_from(["", " ", "  "]),
)
def test_every_form_of_key_is_found_on_its_line(keys: list[tuple[list[tuple[str, str]], str, bool]], dent: str) -> None:
    """Dotted keys of bare, quoted (with escapes) and literal parts, spaced around their dots, each found on its
    line; in a table of such a name too, and as the name of an array of tables."""
    lines: list[str] = []
    expected: dict[tuple[str | int, ...], int] = {}
    for number, (parts, space, in_table) in enumerate(keys):
        # Z (never generated) ends the number that keeps first parts apart: a key may start with any character.
        parts = [(f"{part}Z{number}" if index == 0 else part, form) for index, (part, form) in enumerate(parts)]
        written = [key_as_toml(part, form) for part, form in parts]
        if any(word is None for word in written):
            continue
        dotted = f"{space}.{space}".join(word for word in written if word is not None)
        path = tuple(part for part, _ in parts)
        if in_table:
            lines.append(f"{dent}[[{space}{dotted}{space}]]  # [not.a.table]")
            expected[(*path, 0)] = len(lines)
            lines.append(f'{dent}{key_as_toml("k = 1", chr(34))} = "[x]"')
            expected[(*path, 0, "k = 1")] = len(lines)
        else:
            lines.insert(0, f"{dent}{dotted}{space}={space}'v'  # x = 1")
            expected = {key: line + 1 for key, line in expected.items()}
            expected[path] = 1
    text = "\n".join(lines) + "\n"
    document = tomllib.loads(text)  # the document means what it was written to
    for found in expected:
        value: object = document
        for part in found:
            value = value[part]  # type: ignore[index]
    where = Locations(text)
    assert {found: where.exact(found) for found in expected} == expected


def test_a_comment_after_a_value_opens_nothing() -> None:
    """Quotes and brackets in a comment after a value start no string and no array: the next keys are found."""
    text = "a = 1  # it's [ { '''\nb = [  # \"\"\" ]\n  1,  # [\n]\nc = 'x'  # ]]\n[t]\nd = 2\n"
    assert tomllib.loads(text) == {"a": 1, "b": [1], "c": "x", "t": {"d": 2}}
    where = Locations(text)
    assert [where.exact(path) for path in [("a",), ("b",), ("c",), ("t",), ("t", "d")]] == [1, 2, 5, 6, 7]
    assert where.value_lines(("b",)) == (2, 4)


def test_a_value_right_after_its_equals_sign_is_read_from_its_first_character() -> None:
    text = "'k'=[\n  'v',\n]\n\"q\"={ x = [\n1] }\nlast=1\n"
    assert tomllib.loads(text) == {"k": ["v"], "q": {"x": [1]}, "last": 1}
    where = Locations(text)
    assert (where.value_lines(("k",)), where.value_lines(("q",)), where.exact(("last",))) == ((1, 3), (4, 5), 6)


def test_unicode_escapes_in_quoted_keys() -> None:
    text = '"\\u2014 dash" = 1\n"smile \\U0001F600" = 2\n"tab\\there" = 3\n'
    assert tomllib.loads(text) == {"\u2014 dash": 1, "smile \U0001f600": 2, "tab\there": 3}
    where = Locations(text)
    assert [where.exact((key,)) for key in ("\u2014 dash", "smile \U0001f600", "tab\there")] == [1, 2, 3]


def test_the_first_key_nested_deeper_than_the_limit() -> None:
    where = Locations("a = [[1]]\nb = [[[1]]]\nc = [[[[1]]]]\n")
    assert where.nested_deeper_than(2) == ("b",)
    assert where.nested_deeper_than(3) == ("c",)
    assert where.nested_deeper_than(4) is None
    # A value's deepest is kept over its lines; a value of no brackets is 0 deep.
    assert Locations("s = 1\na = [[[1]],\n  2]\n").nested_deeper_than(2) == ("a",)
    assert Locations("s = 1\na = [1]\n").nested_deeper_than(0) == ("a",)


def test_brackets_closed_in_another_line_of_a_value() -> None:
    text = "a = [[1],\n  [2]]\nb = 1\n"
    assert tomllib.loads(text) == {"a": [[1], [2]], "b": 1}
    where = Locations(text)
    assert (where.value_lines(("a",)), where.exact(("b",))) == ((1, 2), 3)


def test_a_multi_line_string_ending_in_quotes_of_its_own() -> None:
    """Up to two quotes before the closing three are the string's: what follows them is read as usual."""
    for quote in ('"', "'"):
        text = f"x = [{quote * 3}a{quote * 4}]\ny = 1\nz = [{quote * 3}b{quote * 5}, 2]\nw = 2\n"
        assert tomllib.loads(text) == {"x": [f"a{quote}"], "y": 1, "z": [f"b{quote * 2}", 2], "w": 2}
        where = Locations(text)
        assert [where.exact((key,)) for key in "xyzw"] == [1, 2, 3, 4]


def test_keys_of_inline_tables_are_read_past_as_part_of_their_value() -> None:
    text = "t = { X = 1, Xy = [\n  2], Xz = { X = 'X' } }\na = [ { X = 1 },\n  2 ]\nnext = 1\n"
    assert tomllib.loads(text) == {"t": {"X": 1, "Xy": [2], "Xz": {"X": "X"}}, "a": [{"X": 1}, 2], "next": 1}
    where = Locations(text)
    assert (where.value_lines(("t",)), where.value_lines(("a",)), where.exact(("next",))) == ((1, 2), (3, 4), 5)
