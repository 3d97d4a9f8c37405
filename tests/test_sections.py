"""The sections' one vocabulary (``briefing.present.sections``) and sources beside claims
(``briefing.present.sourcing``), by hand."""

from __future__ import annotations

import pytest

from briefing.format.load import load_path, load_text
from briefing.format.model import Brief
from briefing.present.sections import ALIASES, Section
from briefing.present.sourcing import RELIABILITY_SCALE, cited, citing, graded
from tests.conftest import MINIMAL_BRIEF, SEED


def test_each_section_by_id_number_and_names() -> None:
    table = [(section.value, section.number, section.label, section.heading, section.item, section.is_array)
             for section in Section]  # fmt: skip
    assert table == [
        ("summary", 1, "Summary", "Summary", "Summary", False),
        ("quotes", 2, "Quotes", "Quotes", "Quote", True),
        ("confirmations", 3, "Pending", "Pending confirmations", "Confirmation", True),
        ("itinerary", 4, "Itinerary", "Itinerary", "Stop", True),
        ("sources", 5, "Sources", "Sources", "Source", True),
    ]
    keyed: dict[str, int] = {Section.QUOTES: 1}  # a section is its id: as a key, and as text
    assert keyed["quotes"] == 1 and f"#{Section.CONFIRMATIONS}" == "#confirmations"


def test_a_section_is_named_by_its_id_or_an_alias_and_nothing_else() -> None:
    assert [Section.named(word) for word in ("summary", "pending", "confirmations", "sources")] == [
        Section.SUMMARY, Section.CONFIRMATIONS, Section.CONFIRMATIONS, Section.SOURCES,
    ]  # fmt: skip
    assert ALIASES == {"pending": "confirmations"}
    for word in ("Pending", "Summary", "quote", "", "1"):
        with pytest.raises(ValueError):
            Section.named(word)


GRADED = (
    MINIMAL_BRIEF
    + """
[[quotes]]
speaker = "A spokesman"
text = "No comment."
source = "wire"

[[quotes]]
speaker = "An aide"
text = "Later."
source = "paper"

[[confirmations]]
id = "c1"
what = "The summit"
awaited_from = ["MFA"]
status = "pending"
reported_by = ["paper", "wire"]

[[itinerary]]
place = "Hanoi"
country = "Vietnam"
sources = ["wire"]

[[itinerary]]
place = "Seoul"

[[sources]]
id = "wire"
outlet = "Wire"
reliability = "B"

[[sources]]
id = "paper"
outlet = "Paper"
"""
)


@pytest.fixture(scope="module")
def graded_brief() -> Brief:
    result = load_text(GRADED)
    assert result.brief is not None, result.problems
    return result.brief


def test_a_source_is_named_by_its_outlet_with_its_grade_when_it_has_one(graded_brief: Brief) -> None:
    assert graded(graded_brief, "wire") == "Wire (B)"
    assert graded(graded_brief, "paper") == "Paper"
    assert graded(graded_brief, "nowhere") == "nowhere", "an id naming no source stands for itself"
    assert cited(graded_brief, ["paper", "wire", "gone"]) == "Paper, Wire (B), gone"
    assert cited(graded_brief, []) == ""


def test_what_rests_on_a_source_in_file_order(graded_brief: Brief) -> None:
    assert citing(graded_brief, "wire") == [
        (Section.QUOTES, 0, "quote: A spokesman"),
        (Section.CONFIRMATIONS, 0, "confirmation: The summit"),
        (Section.ITINERARY, 0, "stop: Hanoi, Vietnam"),
    ]
    assert citing(graded_brief, "paper") == [
        (Section.QUOTES, 1, "quote: An aide"),
        (Section.CONFIRMATIONS, 0, "confirmation: The summit"),
    ]
    assert citing(graded_brief, "nowhere") == []


def test_the_seeds_sources_and_the_legend() -> None:
    brief = load_path(SEED).brief
    assert brief is not None
    assert [len(citing(brief, source.id)) for source in brief.sources] == [3, 2, 1]
    assert RELIABILITY_SCALE == (
        "reliability (Admiralty scale): A completely reliable · B usually reliable · C fairly reliable · "
        "D not usually reliable · E unreliable · F reliability cannot be judged"
    )
