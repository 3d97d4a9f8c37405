"""Fitting a table's columns to the width there is: the least needed columns left out when the others' narrowest
widths do not fit, every column as wide as its longest cell when there is room, and the main column taking what
is left, so that the columns shown always fill the width exactly."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

GAP = 1
"""Cells between two columns."""


@dataclass(frozen=True)
class Column:
    name: str
    least: int
    """Never narrower than this, unless its longest cell is narrower (a column is left out rather than squeezed)."""
    most: int | None = None
    """No wider than this while other columns still want room (None: up to its longest cell)."""
    keep: int = 0
    """How much the column is needed: when the least widths do not all fit, the lowest are left out first (0:
    never left out)."""
    grow: int = 0
    """When room is shared out, the columns of the lowest ``grow`` get theirs first."""
    main: bool = False
    """The column that takes whatever width is left (one per table)."""


def content_widths(rows: Iterable[Sequence[str]], count: int) -> list[int]:
    """The width in terminal cells of the longest cell of each of ``count`` columns (0 for a column with no text)."""
    from rich.cells import cell_len

    widths = [0] * count
    for cells in rows:
        for position, text in enumerate(cells):
            size = cell_len(text)
            if size > widths[position]:
                widths[position] = size
    return widths


def fit(width: int, columns: Sequence[Column], longest: Sequence[int]) -> tuple[int, ...]:
    """Each column's width (0: left out) in a table ``width`` cells wide, GAP cells between columns, given the
    length of the ``longest`` cell of each (its heading counts too)."""
    least = [min(column.least, max(longest[i], len(column.name))) for i, column in enumerate(columns)]
    shown = list(range(len(columns)))
    droppable = sorted((i for i, column in enumerate(columns) if column.keep), key=lambda i: columns[i].keep)
    while sum(least[i] for i in shown) + GAP * (len(shown) - 1) > width and droppable:
        shown.remove(droppable.pop(0))
    sizes = {i: least[i] for i in shown}
    spare = width - sum(sizes.values()) - GAP * (len(shown) - 1)
    main = next((i for i in shown if columns[i].main), shown[-1] if shown else None)
    if spare < 0 and main is not None:
        sizes[main] = max(1, sizes[main] + spare)  # narrower than every least width together: the main one gives
    wanted = [max(longest[i], len(column.name)) for i, column in enumerate(columns)]
    capped = [min(wanted[i], column.most) if column.most is not None else wanted[i] for i, column in enumerate(columns)]
    by_turn = sorted(shown, key=lambda i: (columns[i].grow, i))
    for goal in (capped, wanted):
        for i in by_turn:
            if spare <= 0:
                break
            step = min(spare, max(0, goal[i] - sizes[i]))
            sizes[i] += step
            spare -= step
    if spare > 0 and main is not None:
        sizes[main] += spare
    return tuple(sizes.get(i, 0) for i in range(len(columns)))
