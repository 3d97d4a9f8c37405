"""What `y` copies (``briefing.present.copy``): each kind of item as plain text, every line."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.format.load import load_path, load_text
from briefing.format.model import Brief
from briefing.present.copy import item_text
from tests.conftest import MINIMAL_BRIEF, SEED

TODAY = dt.date(2024, 6, 20)

SPARE = (
    MINIMAL_BRIEF
    + """
[[quotes]]
speaker = "A spokesman"
text = "No comment."

[[confirmations]]
id = "done"
what = "The summit"
awaited_from = ["MFA", "Kremlin"]
status = "confirmed"
resolved_on = 2024-06-11
resolution = "Announced on state TV."

[[confirmations]]
id = "open"
what = "The agenda"
awaited_from = ["Hanoi"]
status = "pending"
reported_by = ["s", "t"]

[[itinerary]]
place = "Somewhere"
status = "postponed"

[[sources]]
id = "s"
outlet = "Wire"
url = "https://example.com/a"

[[sources]]
id = "t"
outlet = "Paper"
"""
)


@pytest.fixture(scope="module")
def seed() -> Brief:
    brief = load_path(SEED).brief
    assert brief is not None
    return brief


@pytest.fixture(scope="module")
def spare() -> Brief:
    brief = load_text(SPARE, "spare.toml").brief
    assert brief is not None
    return brief


def test_the_summary_is_its_head_and_key_points(seed: Brief, spare: Brief) -> None:
    lines = item_text(seed, "summary", 0, TODAY).splitlines()
    assert lines[:3] == [seed.meta.title, "As of 12 Jun 2024", ""]
    assert lines[3] == seed.summary.bluf and lines[4] == ""
    assert lines[5:] == [f"- {point}" for point in seed.summary.key_points]
    assert item_text(spare, "summary", 0, TODAY) == "Minimal\nAs of 12 Jun 2024\n\nOnly what is required."


def test_a_quote_is_its_words_who_said_them_when_and_where(seed: Brief, spare: Brief) -> None:
    assert item_text(seed, "quotes", 0, TODAY).splitlines()[1:] == [
        "— Kim Jong Un, North Korean leader, 12 Jun 2024",
        "Source: Unnamed outlet, International section",
    ]
    assert item_text(spare, "quotes", 0, TODAY) == "“No comment.”\n— A spokesman"


def test_a_confirmation_is_its_claim_status_age_and_who(seed: Brief, spare: Brief) -> None:
    assert item_text(seed, "confirmations", 0, TODAY) == (
        "The dates of Putin's visit to North Korea [PENDING, 8 days]\n"
        "Awaited from: Kremlin, Russian Foreign Ministry\n"
        "Reported since: 12 Jun 2024\n"
        "Reported by: Vedomosti\n"
        "Vedomosti reports the visit is expected next week."
    )
    assert item_text(spare, "confirmations", 0, TODAY) == (
        "The summit [CONFIRMED on 11 Jun 2024]\nAwaited from: MFA, Kremlin\nAnnounced on state TV."
    )
    assert item_text(spare, "confirmations", 1, TODAY) == (
        "The agenda [PENDING]\nAwaited from: Hanoi\nReported by: Wire, Paper"
    )


def test_a_stop_is_its_place_window_words_likelihood_status_and_purpose(seed: Brief, spare: Brief) -> None:
    assert item_text(seed, "itinerary", 1, TODAY) == (
        "Vietnam\n~19–20 Jun 2024 (“around June 19 and 20”)\nlikely, planned\n"
        "Visit agreed with Hanoi; agenda not yet finalised"
    )
    assert item_text(spare, "itinerary", 0, TODAY) == "Somewhere\ndates not reported\npostponed"


def test_a_source_is_its_outlet_title_date_and_link(seed: Brief, spare: Brief) -> None:
    assert item_text(seed, "sources", 0, TODAY) == "Vedomosti"
    assert item_text(seed, "sources", 2, TODAY) == (
        "Unnamed outlet, International section: Putin Likely To Visit North Korea Next Week As Kim Jong Un Hails "
        "Close Ties With Moscow, 12 Jun 2024"
    )
    assert item_text(spare, "sources", 0, TODAY) == "Wire\nhttps://example.com/a"
