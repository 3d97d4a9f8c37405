"""What the app draws of an absurdly long text or list (``briefing.present.screen_cut``), at its limits."""

from __future__ import annotations

import dataclasses

from briefing.format.load import load_path
from briefing.format.model import Brief, Confirmation, ConfirmationStatus, Quote, Source, Stop
from briefing.present.screen_cut import SHOWN_CHARACTERS, SHOWN_ENTRIES, for_display, shortened
from tests.conftest import SEED


def seed() -> Brief:
    brief = load_path(SEED).brief
    assert brief is not None
    return brief


def test_a_text_up_to_the_limit_is_whole_and_past_it_says_how_much_more() -> None:
    assert (SHOWN_CHARACTERS, SHOWN_ENTRIES) == (10_000, 1_000)
    exact = "x" * SHOWN_CHARACTERS
    assert shortened(exact) is exact
    assert shortened(exact + "yz") == exact + "… [2 more characters in the file]"
    assert shortened("a" * 12_345 + "b") == "a" * 10_000 + "… [2,346 more characters in the file]"
    assert shortened("abcdef", 3) == "abc… [3 more characters in the file]"
    assert shortened("abc", 3) == "abc"


def test_a_brief_within_the_limits_is_the_same_object() -> None:
    brief = seed()
    assert for_display(brief) is brief


def test_every_long_text_and_list_is_cut_and_only_those() -> None:
    brief = seed()
    long = "w" * (SHOWN_CHARACTERS + 5)
    tags = tuple(f"tag {n}" for n in range(SHOWN_ENTRIES + 3))
    big = dataclasses.replace(
        brief,
        meta=dataclasses.replace(brief.meta, title=long, tags=tags),
        summary=dataclasses.replace(brief.summary, key_points=("short", long), body=long),
        quotes=(Quote("A", long, source="vedomosti"), Quote("B", "fine")),
        confirmations=(
            Confirmation(long, "x", ("y",) * (SHOWN_ENTRIES + 1), ConfirmationStatus.PENDING, reported_by=(long,)),
        ),
        itinerary=(Stop("P", purpose=long, confirmation=long, sources=(long,) * (SHOWN_ENTRIES + 1)),),
        sources=(Source(long, long, url="https://example.com/" + "u" * SHOWN_CHARACTERS),),
    )
    shown = for_display(big)
    cut = "w" * SHOWN_CHARACTERS + "… [5 more characters in the file]"
    assert shown.meta.title == cut
    assert shown.meta.tags == (*tags[:SHOWN_ENTRIES], "… and 3 more in the file")
    assert shown.meta.as_of == brief.meta.as_of and shown.meta.category == brief.meta.category
    assert shown.summary.key_points == ("short", cut)
    assert shown.summary.body == long, "the body is drawn a line at a time: never cut"
    assert shown.summary.bluf == brief.summary.bluf
    assert shown.quotes[0] == Quote("A", cut, source="vedomosti") and shown.quotes[1] is big.quotes[1]
    (confirmation,) = shown.confirmations
    assert confirmation.id == long and confirmation.reported_by == (long,), "names of other items stay whole"
    assert confirmation.awaited_from == ("y",) * SHOWN_ENTRIES + ("… and 1 more in the file",)
    (stop,) = shown.itinerary
    assert (stop.purpose, stop.confirmation, len(stop.sources)) == (cut, long, SHOWN_ENTRIES + 1)
    (source,) = shown.sources
    assert source.id == long and source.outlet == cut and source.url is not None
    assert source.url.endswith("u… [20 more characters in the file]")


def test_a_list_long_only_in_one_entry_is_cut_in_that_entry() -> None:
    brief = seed()
    long = "k" * (SHOWN_CHARACTERS + 1)
    points = ("one", long, "three")
    big = dataclasses.replace(brief, summary=dataclasses.replace(brief.summary, key_points=points))
    shown = for_display(big)
    assert shown.summary.key_points == ("one", "k" * SHOWN_CHARACTERS + "… [1 more characters in the file]", "three")
    assert shown.meta is big.meta and shown.quotes[0] is big.quotes[0]


def test_a_list_at_the_limit_is_whole() -> None:
    brief = seed()
    tags = ("t",) * SHOWN_ENTRIES
    big = dataclasses.replace(brief, meta=dataclasses.replace(brief.meta, tags=tags))
    assert for_display(big) is big


def test_only_the_item_cut_is_a_new_object() -> None:
    brief = seed()
    long = "q" * (SHOWN_CHARACTERS + 1)
    quotes = (*brief.quotes, Quote("Z", long))
    big = dataclasses.replace(brief, quotes=quotes)
    shown = for_display(big)
    assert shown is not big and shown.quotes[0] is big.quotes[0] and shown.quotes[1] is not big.quotes[1]
    assert shown.confirmations[0] is big.confirmations[0] and shown.sources[2] is big.sources[2]


def test_a_brief_with_texts_just_at_the_limit_is_the_same_object() -> None:
    brief = seed()
    exact = "e" * SHOWN_CHARACTERS
    big = dataclasses.replace(
        brief,
        meta=dataclasses.replace(brief.meta, title=exact),
        summary=dataclasses.replace(brief.summary, key_points=(exact, "two")),
    )
    assert for_display(big) is big


def test_a_full_list_with_one_long_entry_gets_no_note_of_more() -> None:
    brief = seed()
    tags = ("t" * (SHOWN_CHARACTERS + 1),) + ("t",) * (SHOWN_ENTRIES - 1)
    shown = for_display(dataclasses.replace(brief, meta=dataclasses.replace(brief.meta, tags=tags)))
    assert len(shown.meta.tags) == SHOWN_ENTRIES and shown.meta.tags[-1] == "t"
    assert shown.meta.tags[0] == "t" * SHOWN_CHARACTERS + "… [1 more characters in the file]"
