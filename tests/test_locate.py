"""The line scanner finds tables and keys past strings, comments and multi-line values."""

from __future__ import annotations

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
