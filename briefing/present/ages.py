"""How old things are: a brief (stale or not) and a pending confirmation (fresh, ageing, overdue).

The thresholds are the user's (settings ``[ages]``), with defaults here; every band has a word and a
glyph besides its colour, so it reads without colour too.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from briefing.format.model import Brief


@dataclass(frozen=True)
class Thresholds:
    ageing: int = 7
    """A pending confirmation this many days old is ageing."""
    overdue: int = 30
    """... and this many, overdue."""
    stale: int = 7
    """A brief with pending confirmations, last updated this many days ago, is stale."""


class Band(enum.Enum):
    FRESH = "fresh"
    AGEING = "ageing"
    OVERDUE = "overdue"

    @property
    def glyph(self) -> str:
        return {Band.FRESH: "", Band.AGEING: "◔", Band.OVERDUE: "‼"}[self]


def band(age_days: int, thresholds: Thresholds) -> Band:
    if age_days >= thresholds.overdue:
        return Band.OVERDUE
    if age_days >= thresholds.ageing:
        return Band.AGEING
    return Band.FRESH


def last_touched(brief: Brief) -> dt.date:
    """When the brief was last brought up to date: ``updated``, else ``as_of``."""
    return brief.meta.updated or brief.meta.as_of


def stale(pending: bool, touched: dt.date | None, today: dt.date, stale_days: int) -> bool:
    """The rule: a brief that still waits on confirmations and was last brought up to date (``touched``)
    ``stale_days`` or more before today is stale."""
    return pending and touched is not None and (today - touched).days >= stale_days


def is_stale(brief: Brief, today: dt.date, thresholds: Thresholds) -> bool:
    """True when the brief still waits on confirmations and has not been brought up to date for a while."""
    return stale(bool(brief.pending), last_touched(brief), today, thresholds.stale)


AGO_UNITS = ((1, "day", 14), (7, "week", 60), (30, "month", 365))
"""Ages in days up to 13, then weeks up to 59 days, then months up to 364 days (then years): (days in the unit,
the unit, the first age in days that takes the next)."""


def ago(date: dt.date, today: dt.date) -> str:
    """``today``, ``yesterday``, ``5 days ago``, ``3 weeks ago``, ``4 months ago``, ``2 years ago``; ``in 3 days``."""
    count = (today - date).days
    if count < 0:
        return f"in {-count} day{'s' if count != -1 else ''}"
    if count == 0:
        return "today"
    if count == 1:
        return "yesterday"
    size, unit = next(((size, unit) for size, unit, under in AGO_UNITS if count < under), (365, "year"))
    amount = count // size
    return f"{amount} {unit}{'s' if amount != 1 else ''} ago"
