"""The Markdown, JSON and TOML exports' own lines (``briefing.export.markdown``, ``cells``, ``json_toml``), by hand:
an empty brief whole, a quote's lines, the cells of odd items, the JSON's layout and the TOML's escapes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import tomllib

from briefing.export.cells import confirmation_status, stop_cells
from briefing.export.json_toml import to_json, to_toml
from briefing.export.markdown import to_markdown
from briefing.format.load import load_text
from briefing.format.model import Brief, Confirmation, ConfirmationStatus, Stop
from tests.conftest import MINIMAL_BRIEF


def minimal(text: str = MINIMAL_BRIEF) -> Brief:
    result = load_text(text)
    assert result.brief is not None, result.problems
    return result.brief


def test_an_empty_brief_says_none_in_each_section() -> None:
    assert to_markdown(minimal()) == (
        "# Minimal\n\n*As of 12 Jun 2024*\n\n## Summary\n\n**Bottom line:** Only what is required.\n\n"
        "## Quotes\n\nNone.\n\n## Pending confirmations\n\nNone.\n\n## Itinerary\n\nNone.\n\n## Sources\n\nNone.\n"
    )


def test_a_body_of_blanks_is_no_body() -> None:
    brief = minimal()  # the loader refuses such a body; a brief made in code may have one
    blank = dataclasses.replace(brief, summary=dataclasses.replace(brief.summary, body="  \n "))
    assert "## Summary\n\n**Bottom line:** Only what is required.\n\n## Quotes" in to_markdown(blank)


def test_a_quotes_lines_each_quoted_a_blank_one_too() -> None:
    text = MINIMAL_BRIEF + '\n[[quotes]]\nspeaker = "Ann"\ntext = """one *a*\n\ntwo"""\n'
    assert "## Quotes\n\n> one \\*a\\*\n>\n> two\n>\n> — **Ann**\n\n## Pending" in to_markdown(minimal(text))


def test_a_status_is_its_word_with_the_day_it_was_resolved() -> None:
    day = dt.date(2024, 6, 14)
    item = Confirmation("c", "What", ("Kremlin",), ConfirmationStatus.CONFIRMED, resolved_on=day)
    assert confirmation_status(item) == "confirmed on 14 Jun 2024"
    assert confirmation_status(Confirmation("c", "What", (), ConfirmationStatus.DENIED)) == "denied"
    assert confirmation_status(Confirmation("c", "What", (), ConfirmationStatus.PENDING, resolved_on=day)) == "pending"


def test_a_stops_cells_when_it_waits_on_an_id_that_names_nothing_and_has_no_words() -> None:
    brief = minimal()
    cells = stop_cells(brief, 2, Stop("Hanoi", confirmation="gone<id>"), lambda text: text.upper())
    assert cells == ["2", "HANOI", "", "NOT REPORTED", "", "planned", "GONE<ID>", "", ""]
    worded = stop_cells(brief, 1, Stop("Hanoi", when="next week"), str)
    assert worded[2] == "next week"


def test_the_json_is_indented_by_two_and_says_null_for_what_is_absent() -> None:
    assert to_json(minimal()).startswith('{\n  "schema_version": 1,\n  "brief": {\n    "title": "Minimal",\n')
    document = json.loads(to_json(minimal()))
    assert document["brief"] == {"title": "Minimal", "as_of": "2024-06-12", "category": None, "tags": [],
                                 "dateline": None, "updated": None}  # fmt: skip
    assert document["summary"] == {"bluf": "Only what is required.", "key_points": [], "body": None, "confidence": None}


def test_the_toml_writes_what_a_terminal_would_act_on_as_escapes_that_read_back() -> None:
    title = "a\u202eb\x85c\u2028d\u2066e"  # the loader takes out all but the line separator: a brief made in code
    brief = minimal()
    written = to_toml(dataclasses.replace(brief, meta=dataclasses.replace(brief.meta, title=title)))
    assert 'title = "a\\u202Eb\\u0085c\\u2028d\\u2066e"' in written
    assert tomllib.loads(written)["brief"]["title"] == title
