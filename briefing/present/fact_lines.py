"""Lines of facts (``As of 12 Jun 2024  ·  2 years ago  ·  updated 14 Jun 2024``) cut between facts, not inside one.

A line of facts wrapped at any space split a date or a phrase across two lines (``updated 14`` / ``Jun 2024``).
Here a line is cut only where a separator is, and the separator is left out at the cut; a fact too long for a
line of its own is wrapped at its spaces (a word longer than the line is cut at the width), and the next fact
goes on after it if there is room. Spans, not strings: the app cuts its styled text at the same places.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

SEPARATOR = "  ·  "
"""What a line of facts puts between two facts."""

_WORD = re.compile(r"\S+")


def fact_lines(
    text: str,
    width: int,
    cell_len: Callable[[str], int],
    separator: str = SEPARATOR,
    between: Sequence[tuple[int, int]] = (),
) -> list[tuple[int, int]]:
    """Where ``text``'s lines are, at most ``width`` cells each: (start, end) offsets into ``text``, in order.

    ``cell_len`` tells how many cells a string takes, as the one who draws it counts them (Textual or Rich).
    Facts are divided by ``separator``, and by the spans of ``text`` in ``between`` (two spaces, say, that the
    writer of the text put between two facts). A line of ``text`` (``\\n``) stays a line; none of them holds
    a separator or the space it was cut at.
    """
    width = max(1, width)
    spans: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        dividers = [(a - start, b - start) for a, b in between if start <= a < b <= end]
        spans += _cut(line, start, width, cell_len, _separators(line, separator, dividers))
        start = end + 1
    return spans


def _separators(line: str, separator: str, dividers: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Every place in ``line`` that divides two facts, in order, none overlapping the one before."""
    found = [*dividers, *(match.span() for match in re.finditer(re.escape(separator), line))] if separator else dividers
    kept: list[tuple[int, int]] = []
    for place in sorted(found):
        if not kept or place[0] >= kept[-1][1]:
            kept.append(place)
    return kept


def _cut(
    line: str, offset: int, width: int, cell_len: Callable[[str], int], separators: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    facts: list[tuple[int, int]] = []
    start = 0
    for separator_start, separator_end in separators:
        facts.append((start, separator_start))
        start = separator_end
    facts.append((start, len(line)))
    spans: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    for fact_start, fact_end in facts:
        if current is not None and cell_len(line[current[0] : fact_end]) <= width:
            current = (current[0], fact_end)
        elif cell_len(line[fact_start:fact_end]) <= width:
            if current is not None:
                spans.append(current)
            current = (fact_start, fact_end)
        else:
            *whole, current = _wrap(line, fact_start, fact_end, width, cell_len, current)
            spans += whole
    assert current is not None
    spans.append(current)
    return [(offset + start, offset + end) for start, end in spans]


def _wrap(
    line: str, start: int, end: int, width: int, cell_len: Callable[[str], int], before: tuple[int, int] | None
) -> list[tuple[int, int]]:
    """``line[start:end]`` wrapped at its spaces into lines of at most ``width`` cells, its first words on the
    line ``before`` (a span of ``line`` ending at the separator before ``start``) where they fit after it."""
    spans: list[tuple[int, int]] = []
    current = before
    for word in _WORD.finditer(line, start, end):
        word_start, word_end = word.span()
        if current is not None and cell_len(line[current[0] : word_end]) <= width:
            current = (current[0], word_end)
            continue
        if current is not None:
            spans.append(current)
        while cell_len(line[word_start:word_end]) > width:
            cut = _fold(line, word_start, width, cell_len)
            spans.append((word_start, cut))
            word_start = cut
        current = (word_start, word_end)
    spans.append(current if current is not None else (start, end))
    return spans


def _fold(line: str, start: int, width: int, cell_len: Callable[[str], int]) -> int:
    """Where to cut a word that is wider than ``width`` from ``start``: after as many characters as fit, one at
    least."""
    cut = start + 1
    while cell_len(line[start : cut + 1]) <= width:
        cut += 1
    return cut
