"""What changed between two versions of a brief, item by item, and how it is said."""

from __future__ import annotations

import pytest

from briefing.format.diff import Changes, Kind, absorb, compare, digest
from briefing.format.load import load_text
from briefing.format.model import Brief
from briefing.present.changes import before_words, describe, field_change, summary_words
from tests.git_fixtures import CONFIRMED, MOVED, QUOTED, SEED_TEXT


def brief(text: str) -> Brief:
    result = load_text(text)
    assert result.brief is not None, result.problems
    return result.brief


OLD = brief(SEED_TEXT)


def lines(old: str, new: str) -> list[str]:
    return [describe(change) for change in compare(brief(old), brief(new)).items]


def test_the_same_brief_has_no_changes_and_the_same_digest() -> None:
    assert not compare(OLD, brief(SEED_TEXT))
    relaid = SEED_TEXT.replace("# In travel order.", "# Moved around.").replace(
        'status = "pending"', "status='pending'"
    )
    assert not compare(OLD, brief(relaid))
    assert digest(brief(relaid)) == digest(OLD)
    assert digest(brief(SEED_TEXT + '\n[x]\nmine = "ignored"\n')) == digest(OLD)


def test_a_resolved_confirmation_is_one_change_in_words() -> None:
    changes = compare(OLD, brief(CONFIRMED))
    assert [describe(change) for change in changes.items] == [
        "updated date set to 17 Jun 2024",
        "confirmation visit-dates: pending → confirmed on 17 Jun 2024",
    ]
    change = changes.of("confirmations", 0)
    assert change is not None and change.kind is Kind.CHANGED
    assert change.fields == ("status", "resolved_on", "resolution")
    assert before_words(change) == "was pending; now confirmed on 17 Jun 2024: The Kremlin announced the dates."
    assert changes.of("confirmations", 1) is None
    assert digest(brief(CONFIRMED)) != digest(OLD)


def test_a_moved_stop_says_both_windows() -> None:
    assert lines(CONFIRMED, MOVED) == ["stop Vietnam: ~19–20 Jun 2024 → ~20–21 Jun 2024"]
    change = compare(brief(CONFIRMED), brief(MOVED)).of("itinerary", 1)
    assert change is not None and before_words(change) == "window was ~19–20 Jun 2024"


def test_an_added_quote_is_new_at_its_place() -> None:
    changes = compare(brief(MOVED), brief(QUOTED))
    assert [describe(change) for change in changes.items] == ["quote added: Dmitry Peskov"]
    assert changes.of("quotes", 1) is not None and changes.of("quotes", 0) is None
    assert before_words(changes.items[0]) == "new"


def test_an_edited_quote_is_changed_not_removed_and_added() -> None:
    edited = SEED_TEXT.replace('comrades-in-arms"', 'comrades in arms"')
    changes = compare(OLD, brief(edited))
    assert [(c.kind, c.key, c.fields) for c in changes.items] == [(Kind.CHANGED, "Kim Jong Un", ("text",))]
    assert describe(changes.items[0]) == "quote Kim Jong Un: text rewritten"


def test_removed_items_sources_and_the_bluf() -> None:
    text = SEED_TEXT.replace('[[sources]]\nid = "reuters"\noutlet = "Reuters"\nkind = "wire"\n', "")
    text = text.replace('reported_by = ["reuters"]', "").replace(
        'sources = ["vedomosti", "reuters"]', 'sources = ["vedomosti"]'
    )
    text = text.replace("Russian President Vladimir Putin is expected", "Putin is expected")
    text = text.replace('category = "International"', 'category = "Asia"')
    said = lines(SEED_TEXT, text)
    assert said == [
        "category International → Asia",
        "BLUF rewritten",
        "confirmation vietnam-agenda: reported by removed",
        "stop Vietnam: sources vedomosti, reuters → vedomosti",
        "source removed: reuters",
    ]
    changes = compare(OLD, brief(text))
    assert changes.part("summary", "bluf") is not None and changes.part("brief", "title") is None
    assert summary_words(changes) == "5 changes: category, BLUF, 1 confirmation, 1 stop changed; 1 source removed"
    one = Changes(changes.items[:1], since="since a1b2c3d")
    assert summary_words(one) == "1 change since a1b2c3d: category changed"


def test_key_points_added_and_removed_by_their_text() -> None:
    text = SEED_TEXT.replace('  "An official confirmation of the dates is awaited from the Kremlin and the Russian '
                             'Foreign Ministry.",\n', '  "A new point.",\n')  # fmt: skip
    changes = compare(OLD, brief(text))
    assert [(c.kind, c.new_index, c.old_index) for c in changes.items] == [
        (Kind.ADDED, 2, None),
        (Kind.REMOVED, None, 2),
    ]
    assert describe(changes.items[0]) == "key point added: “A new point.”"
    assert describe(changes.items[1]).startswith("key point removed: “An official confirmation of the dates is")
    assert changes.of("summary", 2) is changes.items[0]


def test_the_same_place_twice_is_matched_in_order() -> None:
    stops = SEED_TEXT.replace(
        'place = "Vietnam"  # the article names no city', 'place = "Pyongyang"\ncountry = "North Korea"'
    )
    second = stops.replace("start = 2024-06-19\nend = 2024-06-20", "start = 2024-06-29\nend = 2024-06-30")
    changes = compare(brief(stops), brief(second))
    assert [(c.kind, c.old_index, c.new_index) for c in changes.items] == [(Kind.CHANGED, 1, 1)]


def test_a_brief_compared_with_a_past_version_is_found_by_the_old_place() -> None:
    changes = Changes(compare(brief(MOVED), brief(QUOTED)).items, shown_is_older=True)
    assert changes.of("quotes", 1) is None  # the quote is not in the old version: nothing there to mark
    removal = Changes(compare(brief(QUOTED), brief(MOVED)).items, shown_is_older=True)
    assert removal.of("quotes", 1) is not None and removal.of("quotes", 1).kind is Kind.REMOVED  # type: ignore[union-attr]


def test_field_changes_in_words() -> None:
    assert field_change("note", None, "Something") == "note set to Something"
    assert field_change("note", None, "x" * 60) == "note added"
    assert field_change("note", "Something", None) == "note removed"
    assert field_change("purpose", "a", "b" * 60) == "purpose rewritten"
    assert field_change("awaited_from", ("Kremlin",), ("Kremlin", "MFA")) == "awaited from Kremlin → Kremlin, MFA"


WORDS = [
    # (what the seed brief becomes, each change said in a line, what each changed item was)
    ('title = "Putin Likely', 'title = "Putin Now Likely',
     ["title rewritten: “Putin Now Likely To Visit North Korea Next Week…”"], ["was “Putin Likely To Visit North "
      "Korea Next Week As Kim Jong Un Hails Close Ties With Moscow”"]),
    ('[summary]\n', '[summary]\nconfidence = "moderate"\n', ["confidence set to moderate"], ["new"]),
    ('tags = ["Russia", "North Korea", "Vietnam"]', 'tags = ["Russia"]',
     ["tags Russia, North Korea, Vietnam → Russia"], ["was Russia, North Korea, Vietnam"]),
    ('tags = ["Russia", "North Korea", "Vietnam"]\n', "", ["tags removed"], ["removed"]),
    ('category = "International"\n', "", ["category removed"], ["removed"]),
    ('said_on = 2024-06-12', 'said_on = 2024-06-12\ntranslated = true',
     ["quote Kim Jong Un: translated no → yes"], ["translated was no"]),
    ('outlet = "Reuters"\nkind = "wire"', 'outlet = "Reuters"\nkind = "state_media"',
     ["source reuters: kind wire → state media"], ["kind was wire"]),
    ('outlet = "Reuters"\nkind = "wire"', 'outlet = "Reuters"\nkind = "wire"\nreliability = "B"',
     ["source reuters: reliability set to B"], ["reliability is new"]),
    ('note = "Vedomosti reports the visit is expected next week."\n', "",
     ["confirmation visit-dates: note removed"], ["note was Vedomosti reports the visit is expected next week."]),
    ('start = 2024-06-19\nend = 2024-06-20\napproximate = true\ncertainty = "likely"\nstatus = "planned"',
     'start = 2024-06-19\nend = 2024-06-20\napproximate = true\ncertainty = "very_likely"\nstatus = "completed"',
     ["stop Vietnam: certainty likely → very likely; status planned → completed"],
     ["certainty was likely; status was planned"]),
    ('start = 2024-06-19\nend = 2024-06-20\napproximate = true\n', 'approximate = true\n',
     ["stop Vietnam: ~19–20 Jun 2024 → no dates"], ["window was ~19–20 Jun 2024"]),
    ('start = 2024-06-19\nend = 2024-06-20\napproximate = true\ncertainty = "likely"',
     'start = 2024-06-19\nend = 2024-06-20\ncertainty = "unlikely"',
     ["stop Vietnam: ~19–20 Jun 2024 → 19–20 Jun 2024; certainty likely → unlikely"],
     ["window was ~19–20 Jun 2024; certainty was likely"]),
]  # fmt: skip


@pytest.mark.parametrize(("old", "new", "said", "was"), WORDS)
def test_each_kind_of_change_in_words(old: str, new: str, said: list[str], was: list[str]) -> None:
    assert old in SEED_TEXT
    changes = compare(OLD, brief(SEED_TEXT.replace(old, new, 1)))
    assert [describe(change) for change in changes.items] == said
    assert [before_words(change) for change in changes.items] == was


def test_a_reopened_confirmation_and_words_for_the_detail() -> None:
    changes = compare(brief(CONFIRMED), OLD)
    reopened = changes.of("confirmations", 0)
    assert reopened is not None
    assert describe(reopened) == "confirmation visit-dates: confirmed → pending"
    assert before_words(reopened) == "was confirmed; now pending"
    assert [change.kind for change in changes.items] == [Kind.REMOVED, Kind.CHANGED]  # updated went
    long = CONFIRMED.replace("The Kremlin announced the dates.", "word " * 40)
    (_updated, resolved) = compare(OLD, brief(long)).items
    assert before_words(resolved) == "was pending; now confirmed on 17 Jun 2024: " + ("word " * 16).strip() + "…"


def test_the_items_found_are_the_items_themselves() -> None:
    changes = compare(brief(MOVED), brief(QUOTED))
    (added,) = changes.items
    assert added.after == brief(QUOTED).quotes[1] and added.before is None
    removal = compare(brief(QUOTED), brief(MOVED))
    (removed,) = removal.items
    assert removed.before == brief(QUOTED).quotes[1] and removed.after is None and removed.old_index == 1


def test_an_added_item_does_not_hide_a_later_change() -> None:
    text = QUOTED.replace('comrades-in-arms"', 'comrades in arms"')
    old = brief(MOVED.replace("[[quotes]]", '[[quotes]]\nspeaker = "First"\ntext = "One."\n\n[[quotes]]', 1))
    new = brief(text.replace("[[quotes]]", '[[quotes]]\nspeaker = "Zero"\ntext = "New."\n\n[[quotes]]', 1))
    kinds = [(change.kind, change.key) for change in compare(old, new).items]
    assert kinds == [(Kind.ADDED, "Zero"), (Kind.CHANGED, "Kim Jong Un"), (Kind.ADDED, "Dmitry Peskov"),
                     (Kind.REMOVED, "First")]  # fmt: skip


def test_briefs_with_no_items_compare() -> None:
    from tests.conftest import MINIMAL_BRIEF

    minimal = brief(MINIMAL_BRIEF)
    assert not compare(minimal, minimal)
    assert [describe(c) for c in compare(minimal, brief(MINIMAL_BRIEF.replace("Minimal", "Less"))).items] == [
        "title rewritten: “Less”"]  # fmt: skip


def test_a_brief_that_did_not_exist_is_all_new() -> None:
    from briefing.session import empty_like

    changes = compare(empty_like(OLD), OLD)
    assert changes.part("brief", "title").kind is Kind.ADDED  # type: ignore[union-attr]
    assert changes.part("summary", "bluf").kind is Kind.ADDED  # type: ignore[union-attr]
    assert sum(change.kind is Kind.ADDED for change in changes.items) == len(changes.items)
    assert summary_words(changes) == ("17 changes: title, category, tags, BLUF, body, 5 key points, 1 quote, "
                                      "2 confirmations, 2 stops, 2 sources added")  # fmt: skip


def test_clipped_and_value_words() -> None:
    from briefing.present.changes import clipped, value_words

    assert clipped("x" * 48) == "x" * 48
    assert clipped("x" * 49) == "x" * 47 + "…"
    assert clipped("a  b\n c " + "y" * 60, 10) == "a b c yyy…"
    assert clipped("abc def ghi", 9) == "abc def…"  # cut at a word's end: no space before the ellipsis
    assert value_words(()) == "none" and value_words(None) == "none" and value_words(True) == "yes"
    assert summary_words(Changes(since="since a1b2c3d")) == "no changes since a1b2c3d"
    assert summary_words(Changes()) == "no changes"


def test_words_at_their_limits() -> None:
    assert field_change("purpose", "x" * 48, "y") == "purpose " + "x" * 48 + " → y"
    assert field_change("purpose", "x" * 49, "y") == "purpose rewritten"  # a long text is not quoted whole
    assert field_change("purpose", "two\nlines", "y") == "purpose rewritten"
    assert field_change("purpose", "a", "y" * 49) == "purpose rewritten"
    short = SEED_TEXT.replace('bluf = """', 'bluf = "Short."\nold = """', 1).replace("\nold = ", "\n[x]\nold = ", 1)
    shorter = short.replace('bluf = "Short."', 'bluf = "Shorter."')
    (bluf,) = compare(brief(short), brief(shorter)).items
    assert describe(bluf) == "BLUF rewritten" and before_words(bluf) == "was “Short.”"
    resolution = "r" * 80
    exact = CONFIRMED.replace("The Kremlin announced the dates.", resolution)
    said = before_words(compare(OLD, brief(exact)).items[1])
    assert said.endswith(": " + resolution) and not said.endswith("…")
    over = before_words(compare(OLD, brief(exact.replace(resolution, resolution + "r"))).items[1])
    assert over.endswith(": " + "r" * 79 + "…")
    long_bluf = "b" * 121
    one_over = SEED_TEXT.replace('bluf = """', f'bluf = "{long_bluf}"\n[x]\nold = """', 1)
    (changed,) = compare(brief(one_over), brief(one_over.replace(long_bluf, "Short."))).items
    assert before_words(changed) == "was “" + "b" * 119 + "…”"
    note = 'note = "Vedomosti reports the visit is expected next week."'
    long_note = SEED_TEXT.replace(note, 'note = "' + "n" * 90 + '"')
    (removed,) = compare(brief(long_note), OLD).items
    assert before_words(removed) == "note was " + "n" * 79 + "…"


STABLE = """schema_version = 1

[brief]
title = "Talks on the river"
as_of = 2024-06-12
tags = ["trade"]

[summary]
bluf = "Talks are expected next week."
key_points = ["Both sides said so."]

[[confirmations]]
id = "dates"
what = "The dates of the talks"
awaited_from = ["Ministry"]
status = "pending"

[[itinerary]]
place = "Hanoi"
country = "Vietnam"
start = 2024-06-19
end = 2024-06-20
confirmation = "dates"
"""


def test_a_briefs_digest_is_the_one_earlier_versions_recorded() -> None:
    """The read state and the library's index keep digests: if the same brief gave another digest (an optional
    field added to the model, say), every brief would show as changed after an upgrade. A change to the digest
    has to be made on purpose, with the read state's version."""
    assert digest(brief(STABLE)) == "bd25ccc096d916a2673f"


def with_quote(text: str) -> str:
    return text.replace('[[confirmations]]\nid = "visit-dates"', '[[quotes]]\nspeaker = "Dmitry Peskov"\ntext = '
                        '"The visit will take place."\n\n[[confirmations]]\nid = "visit-dates"')  # fmt: skip


def test_the_readers_own_edit_is_absorbed_into_what_they_saw_and_others_changes_stay() -> None:
    """Seen: the seed. Since then, someone added a quote; then the reader confirmed the dates in the app (the
    status and the updated date): only the quote is left to look at."""
    seen, before, after = OLD, brief(with_quote(SEED_TEXT)), brief(with_quote(CONFIRMED))
    absorbed = absorb(seen, before, after)
    assert [describe(change) for change in compare(absorbed, after).items] == ["quote added: Dmitry Peskov"]
    assert absorbed.meta.updated == after.meta.updated
    assert absorbed.confirmations == after.confirmations
    assert absorbed.quotes == seen.quotes
    assert absorbed.itinerary == seen.itinerary


def test_a_confirmation_added_since_and_then_edited_by_the_reader_counts_as_seen() -> None:
    added = SEED_TEXT + (
        '\n[[confirmations]]\nid = "talks"\nwhat = "Talks in Hanoi"\nawaited_from = ["Hanoi"]\nstatus = "pending"\n'
    )
    resolved = added.replace(
        'awaited_from = ["Hanoi"]\nstatus = "pending"\n',
        'awaited_from = ["Hanoi"]\nstatus = "denied"\nresolved_on = 2024-06-12\nresolution = "Called off."\n',
    )
    absorbed = absorb(OLD, brief(added), brief(resolved))
    assert [item.id for item in absorbed.confirmations] == ["visit-dates", "vietnam-agenda", "talks"]
    assert absorbed.confirmations[-1] == brief(resolved).confirmations[-1]
    assert not compare(absorbed, brief(resolved))


def test_only_the_briefs_fields_and_changed_confirmations_are_absorbed() -> None:
    """The reader's edits change a confirmation (and the updated date): a stop moved, or a confirmation added,
    between the two versions is someone else's, and stays to be looked at."""
    assert absorb(OLD, brief(CONFIRMED), brief(CONFIRMED)) == OLD
    assert absorb(OLD, brief(CONFIRMED), brief(MOVED)) == OLD
    added = (
        SEED_TEXT + '\n[[confirmations]]\nid = "talks"\nwhat = "Talks"\nawaited_from = ["Hanoi"]\nstatus = "pending"\n'
    )
    assert absorb(OLD, OLD, brief(added)) == OLD
