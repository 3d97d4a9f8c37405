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
STRING_CHARACTERS = st.sampled_from(["a", " ", '"', "'", "\\", "\n", "é", "#", "[", "]", "="])


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
