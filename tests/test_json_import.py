"""Reading a JSON export back (``briefing.format.document.brief_from_json``), the library's way in: every result
whole, its file named, its text kept, and every problem located as a file's would be."""

from __future__ import annotations

import datetime as dt
import json

from briefing.format.document import brief_from_json
from briefing.format.load import load_path
from briefing.format.model import Problem, Quote
from tests.conftest import SEED

BASE = {"schema_version": 1, "brief": {"title": "T", "as_of": "2024-06-12"}, "summary": {"bluf": "B"}}


def test_json_that_is_not_json_says_where() -> None:
    result = brief_from_json('{"a": }', "x.json")
    assert (result.file, result.brief, result.text) == ("x.json", None, '{"a": }')
    assert result.problems == (Problem("x.json", "JSON syntax: Expecting value", 1, 7),)
    assert brief_from_json("{").problems[0].file == "<json>"


def test_json_nested_too_deep_is_a_problem_not_a_crash() -> None:
    text = "[" * 100_000
    result = brief_from_json(text, "x.json")
    assert (result.file, result.brief, result.text) == ("x.json", None, text)
    assert result.problems == (Problem("x.json", "values are nested too deeply to read"),)


def test_json_that_is_not_an_object() -> None:
    result = brief_from_json("[1]", "x.json")
    assert (result.file, result.brief) == ("x.json", None)
    assert result.problems == (Problem("x.json", "a brief in JSON is an object, with the keys of the file"),)


def test_a_brief_in_json_is_validated_like_a_file_with_dates_as_text() -> None:
    quote = {"speaker": "S", "text": "x", "said_on": "2024-06-11"}
    text = json.dumps({**BASE, "quotes": [quote]})
    result = brief_from_json(text, "x.json")
    assert (result.file, result.problems, result.text) == ("x.json", (), text)
    assert result.brief is not None
    assert result.brief.quotes == (Quote("S", "x", said_on=dt.date(2024, 6, 11)),)
    assert result.brief.meta.as_of == dt.date(2024, 6, 12)
    bad = brief_from_json(json.dumps({**BASE, "quotes": [{**quote, "said_on": "nope"}]}), "x.json")
    assert bad.brief is None and bad.problems == (
        Problem("x.json", "expected a date such as 2024-06-12, got the string 'nope'", key="quotes[0].said_on"),
    )


def test_an_item_that_is_not_a_table_is_said_as_in_a_file() -> None:
    result = brief_from_json(json.dumps({**BASE, "quotes": [1, {"speaker": "S", "text": "x"}]}), "x.json")
    assert result.problems == (
        Problem("x.json", "expected an array of tables ([[quotes]]), got an array", key="quotes"),
    )


def test_the_seed_round_trips_through_json() -> None:
    from briefing.export.json_toml import to_json

    seed = load_path(SEED).brief
    assert seed is not None
    result = brief_from_json(to_json(seed))
    assert result.problems == () and result.brief == seed


def test_only_a_date_fields_text_is_read_as_a_date() -> None:
    result = brief_from_json(json.dumps({**BASE, "brief": {"title": "2024-06-12", "as_of": "2024-06-12"}}))
    assert result.problems == () and result.brief is not None and result.brief.meta.title == "2024-06-12"
