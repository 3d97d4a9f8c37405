"""`briefing check`'s words for each kind of problem, exactly as a person reads them: the key, the line, what was
expected and what was found; and the line numbers a brief's items carry, or not, as asked."""

from __future__ import annotations

import pytest
import tomli

from briefing.format.load import load_text
from briefing.format.validate import describe, validate

HEAD = 'schema_version = 1\n\n[brief]\ntitle = "T"\nas_of = 2024-06-12\n\n[summary]\nbluf = "B"\n\n'
CONFIRMATION = '[[confirmations]]\nid = "a"\nwhat = "W"\nawaited_from = ["X"]\nstatus = "pending"\n'


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        (HEAD + '[[sources]]\noutlet = "X"\n\n[[sources]]\nid = "a"\noutlet = "Y"\n\n[[sources]]\nid = "a"\n'
         'outlet = "Z"\n',
         ["<brief>:10: error: sources[0].id: missing required key `id`",
          "<brief>:18: error: sources[2].id: duplicate id `a` (first used at line 13)"]),
        (HEAD.replace("as_of = 2024-06-12", 'as_of = "' + "x" * 41 + '"'),
         [f"<brief>:5: error: brief.as_of: expected a date such as 2024-06-12, got the string '{'x' * 37}...'"]),
        (HEAD.replace("as_of = 2024-06-12", 'as_of = "' + "x" * 40 + '"'),
         [f"<brief>:5: error: brief.as_of: expected a date such as 2024-06-12, got the string '{'x' * 40}'"]),
        ("oops = 1\n" + HEAD,
         ["<brief>:1: error: oops: unknown key `oops`; the top level takes: schema_version, brief, summary, quotes, "
          "confirmations, itinerary, sources, x"]),
        (HEAD.replace('title = "T"', 'title = "T"\ntitel = "U"'),
         ["<brief>:5: error: brief.titel: unknown key `titel`; did you mean `title`?"]),
        (HEAD + '[[quotes]]\nspeaker = "S"\ntext = "Q"\nspaeker = "x"\n',
         ["<brief>:13: error: quotes[0].spaeker: unknown key `spaeker`; did you mean `speaker`?"]),
        (HEAD + CONFIRMATION + "mood = 1\n",
         ["<brief>:15: error: confirmations[0].mood: unknown key `mood`; [[confirmations]] takes: id, what, "
          "awaited_from, status, since, reported_by, note, resolved_on, resolution"]),
        (HEAD.replace('title = "T"', 'title = "\\u0007"'),
         ["<brief>:4: error: brief.title: must not be empty (it holds only control characters)"]),
        (HEAD.replace('title = "T"', 'title = "  "'), ["<brief>:4: error: brief.title: must not be empty"]),
        ('schema_version = 1\nsummary = "x"\n[brief]\ntitle = "T"\nas_of = 2024-06-12\n',
         ["<brief>:2: error: summary: expected a table [summary], got the string 'x'"]),
        (HEAD + '[[sources]]\nid = "ok"\noutlet = "X"\n' + CONFIRMATION + 'reported_by = ["bad id", "ok"]\n',
         ["<brief>:18: error: confirmations[0].reported_by[0]: the string 'bad id' is not an id: use only a-z, 0-9, "
          "- and _"]),
        # Problems without a line come first, then by line.
        ('oops = 1\n[summary]\nbluf = "B"\n',
         ["<brief>: error: schema_version: missing required key `schema_version` (it is 1)",
          "<brief>: error: brief: missing required table [brief]",
          "<brief>:1: error: oops: unknown key `oops`; the top level takes: schema_version, brief, summary, quotes, "
          "confirmations, itinerary, sources, x"]),
    ],
)  # fmt: skip
def test_each_problem_is_said_with_its_key_its_line_and_what_was_found(text: str, problems: list[str]) -> None:
    result = load_text(text)
    assert result.brief is None
    assert [str(problem) for problem in result.problems] == problems


def test_problems_name_the_file_they_are_in() -> None:
    result = load_text("oops = 1\n" + HEAD, "briefs/a.toml")
    assert [problem.file for problem in result.problems] == ["briefs/a.toml"]


def test_items_carry_their_lines_unless_asked_not_to() -> None:
    text = HEAD + '[[quotes]]\nspeaker = "S"\ntext = "Q"\n'
    document = tomli.loads(text)
    with_lines, _ = validate(document, text, "f")
    without, _ = validate(document, text, "f", with_lines=False)
    assert with_lines is not None and without is not None
    assert (with_lines.quotes[0].line, without.quotes[0].line) == (10, None)


def test_a_value_of_a_type_toml_does_not_have_is_named_by_its_type() -> None:
    assert describe(b"x") == "bytes" and describe(None) == "NoneType"
    assert describe(True) == "true (a boolean)" and describe(3) == "the integer 3"
