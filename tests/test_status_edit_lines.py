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
