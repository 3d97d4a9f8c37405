"""Rows of a label and a value, the labels in a column of their own: one widget, however many rows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual.content import Content, Span
from textual.strip import Strip
from textual.visual import Visual

from briefing.ui.facts import cut_between_facts
from briefing.ui.widgets.body import LineByLine

GAP = 2
"""Cells between the labels' column and the values'."""
MOST_WIDTHS = 8
MOST_STRIPS = 4000
"""A Drawing kept for a long session of resizes and themes forgets what it holds beyond these, and starts again."""


class Drawing:
    """What a table has laid out (its lines, by width) and drawn (its strips, by line, width and look): a table made
    again with the same rows is given the same Drawing, and draws nothing it has drawn before."""

    def __init__(self) -> None:
        self.laid_out: dict[int, list[Content]] = {}
        self.strips: dict[tuple[int, int, Any], Strip] = {}


class TwoColumns(LineByLine):
    """Each value wrapped beside its label, laid out once per width and drawn a line at a time.

    A grid of a widget per label and per value cost a mount, a style and a layout per cell: a dialog of ten rows
    took twice as long to open as one of this widget."""

    DEFAULT_CSS = "TwoColumns { height: auto; }"

    def __init__(
        self,
        rows: list[tuple[Content, Content]],
        label_width: int,
        *,
        drawing: Drawing | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.rows = rows
        self.label_width = label_width
        self.drawing = drawing or Drawing()
        """Given by a maker of the same rows at the same label width each time, else the table's own."""

    def show(self, rows: list[tuple[Content, Content]]) -> None:
        """Show ``rows`` instead, laid out and drawn afresh: unless they are the same rows (a detail shown again)."""
        if _styled(rows) == _styled(self.rows):
            return
        self.rows = rows
        self.drawing = Drawing()
        self.refresh(layout=True)

    def lines(self, width: int) -> list[Content]:
        """The rows laid out to ``width``: a label's lines beside its value's, the value's after its label's end
        indented to the values' column."""
        laid_out = self.drawing.laid_out
        if width not in laid_out:
            if len(laid_out) >= MOST_WIDTHS:
                laid_out.clear()
            column = self.label_width + GAP
            lines: list[Content] = []
            for label, value in self.rows:
                labels = label.wrap(max(1, self.label_width))
                values = cut_between_facts(value, max(1, width - column)).wrap(max(1, width - column))
                # The label's style on the spaces after it: a screenshot then draws the value where it begins.
                blank = Content.styled(" " * column, label.spans[-1].style) if label.spans else Content(" " * column)
                for number in range(max(len(labels), len(values))):
                    left = (
                        labels[number].extend_right(column - labels[number].cell_length)
                        if number < len(labels)
                        else blank
                    )
                    lines.append(left + (values[number] if number < len(values) else Content()))
            laid_out[width] = lines
        return laid_out[width]

    def _line_count(self, width: int) -> int:
        return len(self.lines(width)) if width > 0 else 0

    def _line(self, y: int, width: int) -> Strip:
        # The theme too: a style such as $accent is the theme's colour. Text selected with the mouse is drawn anew.
        key = (y, width, (self.visual_style, self.app.theme))
        kept = self.drawing.strips if self.text_selection is None else {}
        strip = kept.get(key)
        if strip is None:
            if len(kept) >= MOST_STRIPS:
                kept.clear()
            strips = Visual.to_strips(self, self.lines(width)[y], width, 1, self.visual_style, pad=True)
            strip = kept[key] = strips[0] if strips else Strip.blank(width, self.rich_style)
        return strip


def _styled(rows: list[tuple[Content, Content]]) -> list[tuple[str, Sequence[Span], str, Sequence[Span]]]:
    """The rows' text and styles (Content's equality compares only the text)."""
    return [(label.plain, label.spans, value.plain, value.spans) for label, value in rows]
