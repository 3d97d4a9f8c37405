"""What the terminal shows, as the app's frames last wrote it: a frame's pieces that are on screen already are not
written again.

Textual often writes the same cells twice or more: a screen that is pushed lays itself out three times, and
widgets just shown ask for a layout after the one that showed them, so a dialog's frame is followed by another
of the same cells (35 KB after `?` at 120x40, the first screen's 37 KB again after its first 20 KB). Over a slow
link each such frame holds up the next key's. Textual's compositor cuts each frame into pieces, a widget's part
of a row each; a piece whose place and output (text and styles) are those the terminal was last given there is
left out. Whatever else may have drawn on the terminal makes it forget: the driver starting (again, after an
editor), a resize, and ctrl+l.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from rich.console import Console
from rich.control import Control
from textual._compositor import ChopsUpdate, CompositorUpdate, LayoutUpdate

from briefing.ui import sgr

Piece = tuple[int, int, int, str]
"""A piece of a frame: its row, first column, the column after its last, and the output that draws it."""


_STYLE = re.compile(r"\x1b\[[0-9;]*m")
_UNSURE_WIDTH = re.compile(r"[^\x20-\x7e\u2500-\u259f]")
"""Characters whose width a terminal may not draw as Rich measures it: anything but printable ASCII, box drawing
and block elements (what borders, rules and scrollbars are made of)."""


def may_spill(output: str) -> bool:
    """True when the piece that ``output`` writes may be drawn wider than measured, over what is right of it."""
    return _UNSURE_WIDTH.search(_STYLE.sub("", output)) is not None


class ShownPieces:
    """The pieces last written to each row of the terminal, by first column: (the column after the last, output).

    Only what could not have been changed since is trusted: writing a piece forgets the pieces it overlaps and,
    unless it is plain ASCII, box-drawing and block characters, the pieces to its right on its row too, since a
    character the terminal draws wider than Rich measures it would spill over them. (A focus move changes the
    colour of the panes' borders, pieces of their own at the left of every row: the rest of the screen was written
    again with them, 12 KB for 3 at 120x40.) Nothing reaches the next row: Textual's driver turns the terminal's
    line wrap off."""

    def __init__(self) -> None:
        self._rows: dict[int, dict[int, tuple[int, str]]] = {}

    def forget(self) -> None:
        """The terminal may show anything now: every piece is written again."""
        self._rows.clear()

    def unshown(self, update: LayoutUpdate | ChopsUpdate) -> CompositorUpdate:
        """``update`` as an update that writes only the pieces the terminal does not show already."""
        return _Unshown(self, update)

    def seen(self, pieces: Iterable[Piece]) -> None:
        """Take ``pieces`` as on the terminal already, put there by other means (a kept screen)."""
        self.output(pieces)

    def output(self, pieces: Iterable[Piece]) -> str:
        """The output that writes ``pieces`` where the terminal does not show them already; they are then shown."""
        written = []
        for y, x, end, text in pieces:
            row = self._rows.setdefault(y, {})
            if row.get(x) == (end, text):
                continue
            after = [start for start, (stop, _) in row.items() if stop > x]
            spills = bool(after) and may_spill(text)  # only looked for where there is something to spill over
            for start in after:
                if spills or start < end:
                    del row[start]
            row[x] = (end, text)
            # Each piece from its own place (as Textual's partial frames do): one drawn wider than measured does
            # not move the next.
            written.append(Control.move_to(x, y).segment.text + text)
        return "".join(written)


class _Unshown(CompositorUpdate):
    """A compositor update that, written, writes only what the terminal does not show (Textual's ``App._display``
    asks an update for its output only when it is about to write it)."""

    def __init__(self, shown: ShownPieces, update: LayoutUpdate | ChopsUpdate) -> None:
        self.shown = shown
        self.update = update

    def render_segments(self, console: Console) -> str:
        update = self.update
        pieces = layout_pieces(update, console) if isinstance(update, LayoutUpdate) else chops_pieces(update, console)
        return self.shown.output(pieces)


def layout_pieces(update: LayoutUpdate, console: Console) -> Iterator[Piece]:
    """The pieces ``update`` writes: every cut of every row of its region (as ``LayoutUpdate.render_segments``)."""
    for y, line in enumerate(update.strips, update.region.y):
        x = update.region.x
        for strip in line:
            end = x + strip.cell_length
            yield y, x, end, sgr.render(strip, console)
            x = end


def chops_pieces(update: ChopsUpdate, console: Console) -> Iterator[Piece]:
    """The pieces ``update`` writes: the cuts of each row within its spans, the last cropped to the span's end (as
    ``ChopsUpdate.render_segments``)."""
    for y, span_start, span_end in update.spans:
        for end, (x, strip) in zip(update.chop_ends[y], update.chops[y].items(), strict=False):
            if strip is None or x > span_end or end <= span_start:
                continue
            if not (span_end > x >= span_start and end <= span_end):
                end = min(end, span_end)
                if end <= x:
                    continue  # Textual writes it empty
                strip = strip.crop(0, end - x)
            yield y, x, end, sgr.render(strip, console)
