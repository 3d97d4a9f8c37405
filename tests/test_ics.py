"""Itineraries as calendars (``briefing.export.ics``), read back with icalendar: each stop's event, its status,
its description, and a UID that stays the same across runs."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

import pytest
from icalendar import Calendar, Component

from briefing.export.ics import PRODUCT, agenda_calendar, to_ics
from briefing.format.load import load_text
from briefing.format.model import Brief
from briefing.library.boards import BoardRow
from briefing.library.entries import IndexedBrief, StopItem
from tests.conftest import MINIMAL_BRIEF

CONFIRMATIONS = """
[[confirmations]]
id = "pending"
what = "The dates"
awaited_from = ["Kremlin", "MFA"]
status = "pending"
since = 2024-06-10

[[confirmations]]
id = "confirmed"
what = "The summit"
awaited_from = ["MFA"]
status = "confirmed"
since = 2024-06-10
resolved_on = 2024-06-11
resolution = "Announced."

[[confirmations]]
id = "denied"
what = "The parade"
awaited_from = ["Army"]
status = "denied"
since = 2024-06-10
resolved_on = 2024-06-11
resolution = "Called off."
"""


def stop(place: str, **fields: str) -> str:
    lines = [f'place = "{place}"', *(f"{key} = {value}" for key, value in fields.items())]
    return "\n[[itinerary]]\n" + "\n".join(lines) + "\n"


def brief_of(*stops: str, meta: str = "") -> Brief:
    text = MINIMAL_BRIEF.replace("as_of = 2024-06-12", f"as_of = 2024-06-12{meta}") + CONFIRMATIONS + "".join(stops)
    result = load_text(text, "brief.toml")
    assert result.brief is not None, result.problems
    return result.brief


def events(text: str) -> list[Component]:
    return Calendar.from_ical(text).walk("VEVENT")


@pytest.mark.parametrize(
    ("fields", "status"),
    [
        ({}, "TENTATIVE"),
        ({"status": '"planned"'}, "TENTATIVE"),
        ({"status": '"postponed"'}, "TENTATIVE"),
        ({"status": '"scheduled"'}, "CONFIRMED"),
        ({"status": '"rescheduled"'}, "CONFIRMED"),
        ({"status": '"completed"'}, "CONFIRMED"),
        ({"status": '"cancelled"'}, "CANCELLED"),
        ({"status": '"cancelled"', "confirmation": '"confirmed"'}, "CANCELLED"),
        ({"confirmation": '"confirmed"'}, "CONFIRMED"),
        ({"status": '"scheduled"', "confirmation": '"pending"'}, "TENTATIVE"),
        ({"status": '"scheduled"', "confirmation": '"denied"'}, "TENTATIVE"),
    ],
)
def test_a_stops_status_in_the_calendar(fields: dict[str, str], status: str) -> None:
    text, undated = to_ics(brief_of(stop("Rome", start="2024-06-17", **fields)))
    (event,) = events(text)
    assert (str(event["status"]), undated) == (status, 0)


def test_an_event_for_each_dated_stop_with_its_days_place_and_description() -> None:
    brief = brief_of(
        stop("Pyongyang", country='"North Korea"', when='"next week"', start="2024-06-17", end="2024-06-23",
             certainty='"likely"', confirmation='"pending"', purpose='"A visit"'),
        stop("Hanoi", start="2024-06-20", approximate="true", status='"scheduled"'),
        stop("Nowhere", when='"later"'),
        stop("Oslo", end="2024-06-30"),
        stop("Elsewhere"),
    )  # fmt: skip
    text, undated = to_ics(brief, "visit.toml")
    assert undated == 2
    calendar = Calendar.from_ical(text)
    assert (str(calendar["prodid"]), str(calendar["version"]), str(calendar["calscale"])) == (
        PRODUCT, "2.0", "GREGORIAN",
    )  # fmt: skip
    first, second, third = calendar.walk("VEVENT")
    assert (first.decoded("dtstart"), first.decoded("dtend")) == (dt.date(2024, 6, 17), dt.date(2024, 6, 24))
    assert (second.decoded("dtstart"), second.decoded("dtend")) == (dt.date(2024, 6, 20), dt.date(2024, 6, 21))
    assert (third.decoded("dtstart"), third.decoded("dtend")) == (dt.date(2024, 6, 30), dt.date(2024, 7, 1))
    assert first.decoded("dtstamp") == dt.datetime(2024, 6, 12, tzinfo=dt.UTC)
    assert (str(first["summary"]), str(first["location"])) == (
        "Pyongyang, North Korea — Minimal",
        "Pyongyang, North Korea",
    )
    assert (str(second["summary"]), str(second["location"])) == ("Hanoi — Minimal", "Hanoi")
    assert str(first["description"]).splitlines() == [
        "Brief: Minimal (as of 2024-06-12)",
        "Dates: 17–23 Jun 2024",
        "As reported: next week",
        "Certainty: likely",
        "Status: planned",
        "Waits on: The dates (awaited from Kremlin, MFA) — pending",
        "Purpose: A visit",
    ]
    assert str(second["description"]).splitlines() == [
        "Brief: Minimal (as of 2024-06-12)",
        "Dates: ~20 Jun 2024 (approximate)",
        "Status: scheduled",
    ]


def test_an_updated_brief_stamps_its_events_with_its_update() -> None:
    brief = brief_of(stop("Rome", start="2024-06-17"), meta="\nupdated = 2024-06-14")
    (event,) = events(to_ics(brief)[0])
    assert event.decoded("dtstamp") == dt.datetime(2024, 6, 14, tzinfo=dt.UTC)


def test_a_uid_is_the_file_the_place_and_which_visit_there_it_is() -> None:
    stops = (stop("Rome", start="2024-06-17"), stop("Rome", start="2024-06-20"), stop("Rome", country='"Italy"',
             start="2024-06-21"))  # fmt: skip
    uids = [str(event["uid"]) for event in events(to_ics(brief_of(*stops), "a.toml")[0])]
    assert len(set(uids)) == 3 and all(uid.endswith("@briefing") and len(uid) == 32 + 9 for uid in uids)
    for uid, seed in zip(uids, (("Rome", "", "0"), ("Rome", "", "1"), ("Rome", "Italy", "0")), strict=True):
        assert uid == hashlib.sha256("\0".join(("a.toml", *seed)).encode()).hexdigest()[:32] + "@briefing"
    abroad = (stop("Rome", country='"Italy"', start="2024-06-17"), stop("Rome", country='"USA"', start="2024-06-18"))
    (_, usa) = [str(event["uid"]) for event in events(to_ics(brief_of(*abroad), "a.toml")[0])]
    assert usa == hashlib.sha256("\0".join(("a.toml", "Rome", "USA", "0")).encode()).hexdigest()[:32] + "@briefing"
    moved = (stop("Rome", start="2024-07-01"), stop("Rome", start="2024-07-02", end="2024-07-09"), stops[2])
    assert [str(event["uid"]) for event in events(to_ics(brief_of(*moved), "a.toml")[0])] == uids, "dates change"
    assert [str(event["uid"]) for event in events(to_ics(brief_of(*stops), "b.toml")[0])] != uids
    untitled = [str(event["uid"]) for event in events(to_ics(brief_of(*stops))[0])]
    assert (
        untitled[1] == hashlib.sha256("\0".join(("Minimal", "Rome", "", "1")).encode()).hexdigest()[:32] + "@briefing"
    )


def test_a_file_name_that_is_not_utf8_gives_the_uid_of_its_bytes() -> None:
    name = os.fsdecode(b"\xff.toml")
    (event,) = events(to_ics(brief_of(stop("Rome", start="2024-06-17")), name)[0])
    seed = b"\xff.toml\0Rome\0\x000"
    assert str(event["uid"]) == hashlib.sha256(seed).hexdigest()[:32] + "@briefing"


def indexed(path: Path, brief: Brief, indexes: list[int]) -> list[BoardRow]:
    entry = IndexedBrief(str(path), 1, 1, brief.meta.title, brief.meta.as_of, None, (), (), (), (), None, "", 1)
    return [BoardRow(None, entry, StopItem(index, "", None, None, None, False, None, "planned")) for index in indexes]


def test_the_agenda_as_one_calendar_of_the_rows_stops_read_again_from_their_files(tmp_path: Path) -> None:
    first = tmp_path / "first.toml"
    second = tmp_path / "second.toml"
    gone = tmp_path / "gone.toml"
    stops = (stop("Rome", start="2024-06-17"), stop("Oslo"), stop("Paris", start="2024-06-19"))
    first.write_text(MINIMAL_BRIEF + CONFIRMATIONS + "".join(stops), encoding="utf-8")
    second.write_text(MINIMAL_BRIEF.replace('"Minimal"', '"Second"') + stop("Kyiv", start="2024-06-18"),
                      encoding="utf-8")  # fmt: skip
    brief = brief_of(*stops)
    rows = [
        BoardRow(),  # a week's heading: no brief
        *indexed(first, brief, [2, 1]),
        *indexed(second, brief, [0]),
        *indexed(gone, brief, [0]),
    ]
    text, undated = agenda_calendar(rows)
    assert undated == 1
    assert [str(event["summary"]) for event in events(text)] == ["Paris — Minimal", "Kyiv — Second"]
    alone = events(to_ics(brief_of(*stops), "first.toml")[0])
    assert str(events(text)[0]["uid"]) == str(alone[1]["uid"]), "the same stop: the same UID as its brief's calendar"
