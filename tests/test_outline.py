"""The palette's list of a brief's parts and items, and find's matching (``briefing.present.outline``), by hand."""

from __future__ import annotations

import re

from briefing.format.load import load_path, load_text
from briefing.present.outline import Drawn, Entry, Matches, Occurrence, outline
from tests.conftest import MINIMAL_BRIEF, SEED


def test_the_seed_outlined_part_by_part_and_item_by_item() -> None:
    brief = load_path(SEED).brief
    assert brief is not None
    entries = outline(brief)
    assert [(entry.section, entry.index) for entry in entries] == [
        *(("summary", index) for index in range(8)),
        ("quotes", 0), ("confirmations", 0), ("confirmations", 1), ("itinerary", 0), ("itinerary", 1),
        ("sources", 0), ("sources", 1), ("sources", 2),
    ]  # fmt: skip
    labels = [entry.label for entry in entries]
    assert labels[:3] == [
        "Putin Likely To Visit North Korea Next Week As Kim Jong Un Hails Close Ties With Moscow",
        "Bottom line up front",
        "Key point 1: Putin accepted an invitation to visit Pyongyang after Kim Jong Un's visit to Russia in 2023, "
        "and is now expected to go next week (Vedomosti).",
    ]
    assert labels[6].startswith("Key point 5: The visit comes")
    assert labels[7:] == [
        "Background (body)",
        "Kim Jong Un: Thanks to the significant meeting between us at the Vostochney Spaceport in September last "
        "year, (North Korea)-Russia friendly and cooperative relations developed into an unbreakable relationship "
        "of comrades-in-arms",
        "The dates of Putin's visit to North Korea",
        "The agenda of Putin's visit to Vietnam",
        "Pyongyang, North Korea",
        "Vietnam",
        "Vedomosti",
        "Reuters",
        "Unnamed outlet, International section",
    ]


def test_a_brief_without_key_points_or_body_has_just_its_title_and_bluf() -> None:
    brief = load_text(MINIMAL_BRIEF).brief
    assert brief is not None
    assert outline(brief) == [Entry("summary", 0, "Minimal"), Entry("summary", 1, "Bottom line up front")]
    with_body = load_text(MINIMAL_BRIEF.replace('bluf = "', 'body = "Some background."\nbluf = "')).brief
    assert with_body is not None
    assert outline(with_body)[2:] == [Entry("summary", 2, "Background (body)")]


PIECES = [
    Drawn("summary", 0, "Visit to Korea", "title"),
    Drawn("summary", 1, "a VISIT, then a visit", "bluf"),
    Drawn("quotes", 0, "no match here"),
    Drawn("itinerary", 1, "visit"),
]


def spans(matches: Matches) -> list[tuple[str, int, int, int, int]]:
    return [(o.drawn.section, o.drawn.index, o.nth, o.start, o.end) for o in matches.found]


def test_find_finds_every_occurrence_in_screen_order_in_any_case() -> None:
    matches = Matches.search("visit", PIECES)
    assert spans(matches) == [
        ("summary", 0, 0, 0, 5), ("summary", 1, 0, 2, 7), ("summary", 1, 1, 16, 21), ("itinerary", 1, 0, 0, 5),
    ]  # fmt: skip
    assert matches.current == 0 and matches.occurrence == matches.found[0]
    assert matches.status() == "“visit” 1/4"
    pattern = matches.pattern
    assert isinstance(pattern, re.Pattern) and pattern.findall("Visit vISIT vis") == ["Visit", "vISIT"]


def test_a_query_is_text_not_a_pattern() -> None:
    pieces = [Drawn("summary", 1, "costs $5 (or more) a.b", "bluf")]
    assert spans(Matches.search("(or", pieces)) == [("summary", 1, 0, 9, 12)]
    assert spans(Matches.search("a.b", pieces)) == [("summary", 1, 0, 19, 22)]
    assert spans(Matches.search(".", pieces)) == [("summary", 1, 0, 20, 21)]


def test_step_goes_round_both_ways() -> None:
    matches = Matches.search("visit", PIECES)
    assert [matches.step(1) for _ in range(4)] == [*matches.found[1:], matches.found[0]]
    assert matches.step(-1) == matches.found[3] and matches.current == 3
    assert matches.status() == "“visit” 4/4"
    assert matches.step(2) == matches.found[1]


def test_nothing_to_find_or_nothing_found() -> None:
    empty = Matches.search("", PIECES)
    assert (empty.found, empty.status(), empty.pattern, empty.occurrence, empty.step(1)) == ([], "", None, None, None)
    missing = Matches.search("zebra", PIECES)
    assert (missing.found, missing.pattern, missing.occurrence, missing.step(-1)) == ([], None, None, None)
    assert missing.status() == "no match for “zebra”"


def test_searching_again_keeps_the_place_of_the_current_match() -> None:
    before = Matches.search("visit", PIECES)
    near = before.found[2]  # the bluf's second
    assert Matches.search("visit", PIECES, near).current == 2
    # The query grew: the current match is the first at or after the old place.
    assert Matches.search("visit,", PIECES, near).current == 0, "only one left, before it: back to the first"
    assert Matches.search("a visit", PIECES, near).current == 1
    assert spans(Matches.search("a visit", PIECES, near)) == [("summary", 1, 0, 0, 7), ("summary", 1, 1, 14, 21)]
    title = Occurrence(PIECES[0], 0, 0, 5)
    assert Matches.search("visit", PIECES, title).current == 0
    last = Occurrence(PIECES[3], 0, 0, 5)
    assert Matches.search("visit", PIECES, last).current == 3
    # A piece no longer on screen: from the top.
    gone = Occurrence(Drawn("sources", 9, "visit"), 0, 0, 5)
    assert Matches.search("visit", PIECES, gone).current == 0
    # The same place, a later nth than any left there: the next piece's.
    later = Occurrence(PIECES[1], 5, 0, 5)
    assert Matches.search("visit", PIECES, later).current == 3
    # Matched in a part of the same item drawn elsewhere (another part): parts are places of their own.
    other_part = Occurrence(Drawn("summary", 1, "visit", "meta"), 0, 0, 5)
    assert Matches.search("visit", PIECES, other_part).current == 0
