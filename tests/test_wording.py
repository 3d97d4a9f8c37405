"""Dates, windows, day counts, places and the reference date, as every screen and export words them."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.format.model import Stop
from briefing.present.wording import day, days, place, reference, window

D = dt.date


def test_a_day_is_its_number_month_and_year() -> None:
    assert day(D(2024, 6, 2)) == "2 Jun 2024"


@pytest.mark.parametrize(("start", "end", "said"), [
    (D(2024, 6, 17), D(2024, 6, 23), "17–23 Jun 2024"),
    (D(2024, 6, 30), D(2024, 7, 2), "30 Jun – 2 Jul 2024"),
    (D(2024, 12, 30), D(2025, 1, 2), "30 Dec 2024 – 2 Jan 2025"),
    (D(2024, 6, 19), D(2024, 6, 19), "19 Jun 2024"),
    (D(2024, 6, 19), None, "19 Jun 2024"),
    (None, D(2024, 6, 20), "20 Jun 2024"),
    (None, None, None),
])  # fmt: skip
def test_a_window_says_its_days_once_each(start: D | None, end: D | None, said: str | None) -> None:
    assert window(start, end) == said


def test_an_approximate_window_is_marked_with_a_tilde() -> None:
    assert window(D(2024, 6, 19), D(2024, 6, 20), approximate=True) == "~19–20 Jun 2024"
    assert window(D(2024, 6, 19), None, approximate=True) == "~19 Jun 2024"
    assert window(D(2024, 6, 30), D(2025, 7, 2), True) == "~30 Jun 2024 – 2 Jul 2025"
    assert window(None, None, approximate=True) is None


@pytest.mark.parametrize(("count", "said"), [
    (0, "0 days"), (1, "1 day"), (2, "2 days"), (908, "908 days"), (-1, "in 1 day"), (-2, "in 2 days"),
])  # fmt: skip
def test_days(count: int, said: str) -> None:
    assert days(count) == said


def test_a_place_has_its_country_unless_it_is_the_country() -> None:
    assert place(Stop("Pyongyang", "North Korea")) == "Pyongyang, North Korea"
    assert place(Stop("Vietnam", "Vietnam")) == "Vietnam"
    assert place(Stop("Hanoi")) == "Hanoi"
    assert place(Stop("Hanoi", "")) == "Hanoi"


def test_the_reference_is_today_when_given_else_the_briefs_own_date() -> None:
    assert reference(D(2026, 12, 7), D(2024, 6, 12)) == "today 7 Dec 2026"
    assert reference(D(2026, 12, 7), D(2024, 6, 12), short=True) == "today 7 Dec 2026"
    assert reference(None, D(2024, 6, 12)) == "as of the brief, 12 Jun 2024"
    assert reference(None, D(2024, 6, 12), short=True) == "as of 12 Jun 2024"
