"""The line of a brief's file that a problem is on, as the problem view shows it under the problem.

The file is untrusted: its controls are written as escapes (`briefing.system.sanitize.escaped`),
a tab as one space (so that a column still points at its character), and a long line is cut
around the column.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from briefing.system.sanitize import escaped

MOST_SHOWN = 120
"""The characters of a line shown; a longer line is cut, around the problem's column when it has one."""
ELLIPSIS = "…"


@dataclass(frozen=True)
class SourceLine:
    """Line ``number`` of a file: the text ``before`` the problem's column, the character ``at`` it (empty
    without a column; a space past the end of the line), and the text ``after`` it."""

    number: int
    before: str
    at: str
    after: str


def lines_of(text: str | None) -> list[str] | None:
    """The lines of a file's ``text`` as TOML counts them: a form feed or U+2028 does not end one."""
    return text.split("\n") if text is not None else None


def source_line(lines: Sequence[str] | None, number: int | None, column: int | None = None) -> SourceLine | None:
    """Line ``number`` (from 1) of a file's ``lines`` (`lines_of`), with the character at ``column`` (from 1)
    apart; None when the file's text or the line is not known, or the line is blank."""
    if lines is None or number is None or not 1 <= number <= len(lines):
        return None
    line = lines[number - 1].removesuffix("\r")
    if not line.strip():
        return None
    if column is None or column < 1:
        cut = ELLIPSIS if len(line) > MOST_SHOWN else ""
        return SourceLine(number, _shown(line[:MOST_SHOWN]) + cut, "", "")
    at = min(column - 1, len(line))
    start = max(0, min(at - MOST_SHOWN // 2, len(line) - MOST_SHOWN))
    end = start + MOST_SHOWN
    before = (ELLIPSIS if start > 0 else "") + _shown(line[start:at])
    point = _shown(line[at]) if at < len(line) else " "
    after = _shown(line[at + 1 : end]) + (ELLIPSIS if end < len(line) else "")
    return SourceLine(number, before, point, after)


def _shown(text: str) -> str:
    return escaped(text.replace("\t", " "))
