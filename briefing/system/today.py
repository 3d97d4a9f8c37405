"""Which date the app and ``show`` count ages to: the reference date, decided once, by the shell.

In order: ``--today``, then ``$BRIEFING_TODAY``, then the settings' ``today``, then the clock (the local
system date, the only place the clock is read). Each takes a date (``2026-11-29``) or ``as-of``: read
each brief as of its own date, as if it were written today.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping

AS_OF = "as-of"
ENVIRONMENT_VARIABLE = "BRIEFING_TODAY"


def parse(text: str) -> dt.date | None:
    """A date, or None for ``as-of``; ValueError, saying what it takes, for anything else."""
    if text.strip() == AS_OF:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"expected a date like 2026-11-29, or {AS_OF}, not “{text}”") from None


def system_clock() -> dt.date:
    """The local system date: the one place the clock is read."""
    return dt.date.today()


def choose(
    flag: str | None,
    setting: str | None = None,
    environ: Mapping[str, str] | None = None,
    clock: Callable[[], dt.date] | None = None,
) -> dt.date | None:
    """The reference date (None: each brief's own as_of). ValueError, naming where, for a bad one."""
    environ = os.environ if environ is None else environ
    clock = clock or system_clock
    for where, value in (("--today", flag), (f"${ENVIRONMENT_VARIABLE}", environ.get(ENVIRONMENT_VARIABLE)),
                         ("the settings' today", setting)):  # fmt: skip
        if value:
            try:
                return parse(value)
            except ValueError as error:
                raise ValueError(f"{where}: {error}") from None
    return clock()
