"""The line editor of a confirmation's status: each value replaced on its line with what follows it kept, new keys
where they belong, ``updated`` moved on, and what it cannot do line by line refused in words."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.format.model import ConfirmationStatus
from briefing.format.status_edit import EditError, reopen, resolve

CONFIRMED, DENIED = ConfirmationStatus.CONFIRMED, ConfirmationStatus.DENIED
OPEN = '[[confirmations]]\nid = "a"\nwhat = "W"\nawaited_from = ["X"]\n'
HEAD = 'schema_version = 1\n\n[brief]\ntitle = "T"\nas_of = 2024-06-12\n\n[summary]\nbluf = "B"\n\n'


def resolved(item: str, day: dt.date = dt.date(2024, 6, 12), head: str = HEAD) -> str:
    return resolve(head + item, "a", CONFIRMED, day, "Yes.").removeprefix(head)


@pytest.mark.parametrize(
    ("line", "after"),
    [
        ('resolution = "old"  # kept', 'resolution = "Yes."  # kept'),
        ("resolution = 'old' # kept", 'resolution = "Yes." # kept'),
        ('resolution = "say \\"old\\" # not a comment"  # kept', 'resolution = "Yes."  # kept'),
        ('resolution = "a # b"', 'resolution = "Yes."'),
        ('    resolution   =   "old"', '    resolution   =   "Yes."'),
    ],
)
def test_a_value_is_replaced_on_its_line_and_what_follows_it_kept(line: str, after: str) -> None:
    item = f'[[confirmations]]\nid = "a"\nwhat = "W"\nawaited_from = ["X"]\nstatus = "denied"\nsince = 2024-06-01\n' \
           f"resolved_on = 2024-06-10 # when\n{line}\n"  # fmt: skip
    lines = resolved(item).splitlines()
    assert lines[4] == 'status = "confirmed"'
    assert lines[6] == "resolved_on = 2024-06-12 # when"
    assert lines[7] == after


def test_new_keys_follow_the_status_with_its_indent() -> None:
    item = '[[confirmations]]\n  id = "a"\n  what = "W"\n  awaited_from = ["X"]\n  status = "pending"\n'
    item += "  since = 2024-06-01\n"
    assert resolved(item).splitlines()[4:8] == [
        '  status = "confirmed"',
        "  resolved_on = 2024-06-12",
        '  resolution = "Yes."',
        "  since = 2024-06-01",
    ]


def test_a_resolution_after_as_of_adds_updated_after_it_with_its_indent() -> None:
    head = 'schema_version = 1\n\n[brief]\ntitle = "T"\n  as_of = 2024-06-12 # the day\n\n[summary]\nbluf = "B"\n\n'
    item = '[[confirmations]]\nid = "a"\nwhat = "W"\nawaited_from = ["X"]\nstatus = "pending"\n'
    text = resolve(head + item, "a", CONFIRMED, dt.date(2024, 6, 13), "Yes.")
    assert text.splitlines()[4:6] == ["  as_of = 2024-06-12 # the day", "  updated = 2024-06-13"]
    same_day = resolve(head + item, "a", CONFIRMED, dt.date(2024, 6, 12), "Yes.")
    assert "updated" not in same_day


def test_a_later_resolution_moves_updated_where_it_is() -> None:
    head = HEAD.replace("as_of = 2024-06-12\n", "as_of = 2024-06-12\nupdated = 2024-06-14  # revised\n")
    item = '[[confirmations]]\nid = "a"\nwhat = "W"\nawaited_from = ["X"]\nstatus = "pending"\n'
    assert resolve(head + item, "a", DENIED, dt.date(2024, 6, 15), "No.").splitlines()[5] == (
        "updated = 2024-06-15  # revised"
    )
    assert resolve(head + item, "a", DENIED, dt.date(2024, 6, 14), "No.").splitlines()[5] == (
        "updated = 2024-06-14  # revised"
    )


def test_as_of_that_is_not_a_line_of_its_own_is_refused_when_updated_must_follow_it() -> None:
    head = HEAD.replace('[brief]\ntitle = "T"\nas_of = 2024-06-12\n', 'brief = { title = "T", as_of = 2024-06-12 }\n')
    with pytest.raises(EditError) as raised:
        resolve(head + OPEN + 'status = "pending"\n', "a", CONFIRMED, dt.date(2024, 6, 13), "Yes.")
    assert str(raised.value) == "its brief's `as_of` is not a line of its own in [brief]; edit it in your editor"
    # The same day needs no `updated`: nothing to refuse.
    assert 'status = "confirmed"' in resolve(head + OPEN + 'status = "pending"\n', "a", CONFIRMED,
                                             dt.date(2024, 6, 12), "Yes.")  # fmt: skip


def test_a_multi_line_resolution_is_replaced_whole() -> None:
    item = OPEN + 'status = "denied"\nresolved_on = 2024-06-10\nresolution = """two\nlines"""\n'
    text = resolved(item)
    assert text.endswith('resolution = "Yes."\n') and "lines" not in text


def test_reopening_takes_the_resolution_away_and_keeps_the_rest() -> None:
    item = OPEN + 'status = "confirmed"  # done\nresolved_on = 2024-06-10\nresolution = "Yes."\nsince = 2024-06-01\n'
    assert reopen(HEAD + item, "a").removeprefix(HEAD) == OPEN + 'status = "pending"  # done\nsince = 2024-06-01\n'


def test_crlf_lines_keep_their_endings() -> None:
    item = '[[confirmations]]\r\nid = "a"\r\nwhat = "W"\r\nawaited_from = ["X"]\r\nstatus = "pending"\r\n'
    text = resolve(HEAD.replace("\n", "\r\n") + item, "a", CONFIRMED, dt.date(2024, 6, 12), "Yes.")
    assert "\n" not in text.replace("\r\n", "") and 'resolution = "Yes."\r\n' in text


def test_crlf_lines_keep_their_endings_and_no_line_gets_two() -> None:
    item = '[[confirmations]]\r\nid = "a"\r\nwhat = "W"\r\nawaited_from = ["X"]\r\nstatus = "denied"\r\n'
    item += 'resolved_on = 2024-06-10\r\nresolution = "No."\r\n'
    head = HEAD.replace("\n", "\r\n")
    text = resolve(head + item, "a", CONFIRMED, dt.date(2024, 6, 12), "Yes.").removeprefix(head)
    assert text == item.replace('"denied"', '"confirmed"').replace("06-10", "06-12").replace('"No."', '"Yes."')


@pytest.mark.parametrize(
    ("rest", "end"),
    [('"a" # c', 3), ('"" # c', 2), ('"x\\"y" # c', 6), ('"x\\\\" # "c"', 5), ("'a\\' # c", 4),
     ("2024-06-10 # a # b", 10), ("2024-06-10", 10), ("'a # b'  # c", 7)],
)  # fmt: skip
def test_a_values_end_is_found_past_quotes_and_escapes(rest: str, end: int) -> None:
    from briefing.format.status_edit import _value_end

    assert _value_end(rest) == end


@pytest.mark.parametrize("rest", ['"abc', '"abc\\"', "'abc"])
def test_a_string_that_does_not_end_on_its_line_is_refused(rest: str) -> None:
    from briefing.format.status_edit import _value_end

    with pytest.raises(EditError) as raised:
        _value_end(rest)
    assert str(raised.value) == "a string value does not end on its line; edit it in your editor"


def test_a_line_with_no_value_to_replace_is_refused() -> None:
    from briefing.format.status_edit import _replace_value

    with pytest.raises(EditError) as raised:
        _replace_value("[[confirmations]]", '"x"')
    assert str(raised.value) == "cannot find the value in the line '[[confirmations]]'; edit it in your editor"


def test_a_comment_holding_a_hash_after_a_date_is_kept_whole() -> None:
    item = OPEN + 'status = "denied"\nresolved_on = 2024-06-10 # first # second\nresolution = "No."\n'
    assert "resolved_on = 2024-06-12 # first # second\n" in resolved(item)


def test_a_resolution_holding_an_equals_sign_replaces_the_old_one_on_its_line() -> None:
    item = OPEN + 'status = "denied"\nresolved_on = 2024-06-10\nresolution = "No." # why\n'
    text = resolve(HEAD + item, "a", CONFIRMED, dt.date(2024, 6, 12), "a = b, said X").removeprefix(HEAD)
    assert text.endswith('resolution = "a = b, said X" # why\n')


def test_an_indented_multi_line_resolution_is_replaced_whole_with_its_indent() -> None:
    item = OPEN.replace("\n", "\n  ").rstrip(" ") + '  status = "denied"\n  resolved_on = 2024-06-10\n'
    item += '  resolution = """two\nlines"""\n'
    assert resolved(item).endswith('  resolved_on = 2024-06-12\n  resolution = "Yes."\n')


def test_reopening_takes_a_multi_line_resolution_away_whole() -> None:
    item = OPEN + 'status = "confirmed"\nresolved_on = 2024-06-10\nresolution = """two\nlines"""\nsince = 2024-06-01\n'
    assert reopen(HEAD + item, "a").removeprefix(HEAD) == OPEN + 'status = "pending"\nsince = 2024-06-01\n'


def test_a_resolution_between_as_of_and_updated_leaves_updated_where_it_is() -> None:
    head = HEAD.replace("as_of = 2024-06-12\n", "as_of = 2024-06-12\nupdated = 2024-06-20\n")
    item = OPEN + 'status = "pending"\n'
    text = resolve(head + item, "a", CONFIRMED, dt.date(2024, 6, 15), "Yes.")
    assert "updated = 2024-06-20\n" in text and text.count("updated") == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (HEAD + OPEN + 'status = "pending\n', "the file is not valid TOML right now"),
        (HEAD + 'confirmations = "a"\n', "there is no confirmation with the id `a` in the file"),
        (HEAD.replace("\n\n[brief]", '\nconfirmations = [{ id = "a", what = "W", awaited_from = ["X"] }]\n\n[brief]'),
         "its confirmations are not written as [[confirmations]] tables; edit it in your editor"),
        (HEAD + OPEN, "its `status` is not on a line of its own; edit it in your editor"),
        ('schema_version = 1\nbrief = "odd"\nsummary = "odd"\n' + OPEN + 'status = "pending"\n',
         "the change would leave the file invalid, so it was not made: <brief>:2: error: brief: expected a table "
         "[brief], got the string 'odd'; <brief>:3: error: summary: expected a table [summary], got the string 'odd'"),
        ('schema_version = 1\nbrief = "odd"\n\n[summary]\nbluf = "B"\n\n' + OPEN + 'status = "pending"\n',
         "the change would leave the file invalid, so it was not made: <brief>:2: error: brief: expected a table "
         "[brief], got the string 'odd'"),
    ],
)  # fmt: skip
def test_what_cannot_be_edited_line_by_line_is_refused_in_words(text: str, message: str) -> None:
    with pytest.raises(EditError) as raised:
        resolve(text, "a", CONFIRMED, dt.date(2024, 6, 12), "Yes.")
    assert str(raised.value).startswith(message)
    assert str(raised.value) == message or message == "the file is not valid TOML right now"


def test_what_resolve_is_not_for_is_said() -> None:
    with pytest.raises(ValueError) as raised:
        resolve(HEAD + OPEN + 'status = "pending"\n', "a", ConfirmationStatus.PENDING, dt.date(2024, 6, 12), "x")
    assert str(raised.value) == "use reopen() to make a confirmation pending"
    with pytest.raises(EditError) as refused:
        resolve(HEAD + OPEN + 'status = "pending"\n', "a", CONFIRMED, dt.date(2024, 6, 12), "  ")
    assert str(refused.value) == "a resolution is required: say what confirmed or denied it"


def test_an_edit_that_would_change_another_confirmation_is_refused() -> None:
    from briefing.format.status_edit import _LineEditor

    text = (
        HEAD
        + OPEN
        + 'status = "pending"\n\n'
        + OPEN.replace('"a"', '"b"').replace('"W"', '"V"')
        + ('status = "pending"\n')
    )
    editor = _LineEditor(text, "a")
    editor.set_status(CONFIRMED)
    editor.set_key("resolved_on", dt.date(2024, 6, 12))
    editor.set_key("resolution", "Yes.")
    editor.lines = [line.replace('what = "V"', 'what = "Changed"') for line in editor.lines]
    with pytest.raises(EditError) as raised:
        editor.result()
    assert str(raised.value) == "the change would touch more than this confirmation, so it was not made"
