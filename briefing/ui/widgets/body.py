"""The summary's body: Textual's Markdown widget, or for the longest bodies a lighter one drawn a line at a time.
Both give find the text they draw, a piece at a time (a block, or a line), and take its marks where they draw it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from textual.content import Content
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget

if TYPE_CHECKING:
    from rich.markdown import Markdown as RichMarkdown
    from rich.segment import Segment

LONG_BODY_CHARS = 20_000
"""Bodies longer than this are drawn as one block of text: Textual's Markdown widget builds a widget per
paragraph, which takes seconds for thousands of them."""

Mark = tuple[re.Pattern[str], int | None] | None
"""Find's pattern, and which of a piece's matches is the current one (None: none of them)."""


class LineByLine(Widget):
    """Text laid out once per width and drawn a line at a time: thousands of lines cost only those on screen."""

    def _line_count(self, width: int) -> int:
        raise NotImplementedError

    def _line(self, y: int, width: int) -> Strip:
        raise NotImplementedError

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self._line_count(width)

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        if not 0 <= y < self._line_count(width):
            return Strip.blank(width, self.rich_style)
        return self._line(y, width)


class LongBody(LineByLine):
    """A long Markdown body, laid out by Rich once per width and drawn a line at a time; find marks its lines."""

    DEFAULT_CSS = "LongBody { height: auto; }"

    def __init__(self, markdown: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._markdown = markdown
        self._parsed: RichMarkdown | None = None
        self._laid_out: dict[int, list[list[Segment]]] = {}
        """Lines by width: the scrollbar coming and going switches between two widths."""
        self._pattern: re.Pattern[str] | None = None
        self._current: tuple[int, int] | None = None
        """Find's current match, if in this body: the line, and which of its matches."""

    def _lines(self, width: int) -> list[list[Segment]]:
        if width not in self._laid_out:
            if self._parsed is None:
                from rich.markdown import Markdown

                from briefing.present.body import clean_tokens

                self._parsed = Markdown(self._markdown, hyperlinks=False)
                clean_tokens(self._parsed.parsed)
            console = self.app.console
            if len(self._laid_out) >= 4:
                self._laid_out.clear()
            self._laid_out[width] = console.render_lines(self._parsed, console.options.update_width(width))
        return self._laid_out[width]

    def _line_count(self, width: int) -> int:
        return len(self._lines(width))

    def _line(self, y: int, width: int) -> Strip:
        segments = self._lines(width)[y]
        if self._pattern is None:
            return Strip(segments, width).apply_style(self.rich_style)
        from rich.text import Text

        from briefing.ui.panes.base import marked

        text = Text()
        for segment in segments:
            text.append(segment.text, segment.style)
        line = Content.from_rich_text(text)
        nth = self._current[1] if self._current is not None and self._current[0] == y else None
        strips = Visual.to_strips(self, marked(line, self._pattern, nth), width, 1, self.visual_style, pad=True)
        return strips[0] if strips else Strip.blank(width, self.rich_style)

    def texts(self) -> list[str]:
        """Each line as drawn at the present width."""
        width = self.content_size.width
        return ["".join(segment.text for segment in line).rstrip() for line in self._lines(width)] if width else []

    def mark(self, pattern: re.Pattern[str] | None, current: tuple[int, int] | None) -> None:
        self._pattern, self._current = pattern, current
        self.refresh()

    def region_of(self, line: int) -> Region:
        """Where line ``line`` is, for scrolling to it."""
        return Region(0, self.virtual_region.y + line, 1, 1)


def body_widget(text: str, widget_id: str) -> Widget:
    """The widget that draws a body: Textual's Markdown, or LongBody for the longest."""
    body: Widget
    if len(text) > LONG_BODY_CHARS:
        body = LongBody(text, id=widget_id)
    else:
        from textual.widgets import Markdown

        from briefing.present.body import app_parser

        body = Markdown(text, open_links=False, id=widget_id, parser_factory=app_parser)
    body.can_focus = False
    body.display = bool(text)
    return body


def _pieces(body: Widget) -> Iterator[tuple[Widget, Content, Callable[[Content], None]]]:
    """Each piece of text a Markdown body draws, in order: where it is drawn, its text unmarked, and how to draw it
    again marked."""
    from textual.widgets import Label
    from textual.widgets._markdown import MarkdownBlock, MarkdownFence, MarkdownTableCellContents, MarkdownTableContent

    for widget in body.walk_children(with_self=False):
        if isinstance(widget, MarkdownFence):
            for label in widget.query("#code-content").results(Label):
                yield widget, widget._content, label.update
        elif isinstance(widget, MarkdownBlock) and widget._content.plain:
            yield widget, widget._content, widget.update
        elif isinstance(widget, MarkdownTableContent):
            originals = [*widget.headers, *(cell for row in widget.rows for cell in row)]
            for cell, original in zip(widget.query_children(MarkdownTableCellContents), originals, strict=False):
                yield cell, original, cell.update


def body_texts(body: Widget) -> list[str]:
    """The text of each piece the body draws, in order, for find."""
    if isinstance(body, LongBody):
        return body.texts()
    return [original.plain for _widget, original, _update in _pieces(body)]


def mark_body(body: Widget, pattern: re.Pattern[str] | None, current: tuple[int, int] | None) -> None:
    """Mark what ``pattern`` matches where the body draws it; ``current``: the piece and which of its matches is
    find's current one."""
    if isinstance(body, LongBody):
        body.mark(pattern, current)
        return
    from briefing.ui.panes.base import marked

    for number, (_widget, original, update) in enumerate(_pieces(body)):
        nth = current[1] if current is not None and current[0] == number else None
        update(marked(original, pattern, nth))


def scroll_to_piece(body: Widget, piece: int) -> None:
    """Bring piece ``piece`` of the body on screen."""
    parent = body.parent
    if not isinstance(parent, Widget):
        return
    if isinstance(body, LongBody):
        parent.scroll_to_region(body.region_of(piece), animate=False, center=True, immediate=True)
        return
    widget = next((widget for number, (widget, _o, _u) in enumerate(_pieces(body)) if number == piece), None)
    if widget is not None:
        parent.scroll_to_widget(widget, animate=False, center=True, immediate=True)
