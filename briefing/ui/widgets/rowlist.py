"""A list of many rows that stays fast: only the rows on screen are drawn (the approach of toolong).

Rows are plain data; a renderer turns a row into a line of Rich Text (never markup)
at the current width, and the lines drawn are cached until the rows change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from rich.style import Style
from rich.text import Text
from textual.binding import BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from briefing.ui.keys import ROW_BINDINGS
from briefing.ui.next_frame import refresh_now

Row = TypeVar("Row")
RowRenderer = Callable[[Any, int], Text]
"""(row, width) -> one line of text, at most ``width`` cells."""


MOST_DRAWN = 4096


class RowList(ScrollView, Generic[Row], can_focus=True):
    """Rows of a table, one line each, with a cursor; j/k and arrows move, enter opens."""

    BINDINGS: ClassVar[list[BindingType]] = [*ROW_BINDINGS]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"row-list--cursor", "row-list--problem", "row-list--heading",
                                             "row-list--today", "row-list--mark"}  # fmt: skip
    DEFAULT_CSS = """
    RowList {
        height: 1fr;
        background: transparent;
        scrollbar-size-vertical: 1;
        scrollbar-gutter: stable;
        overflow-x: hidden;
        & > .row-list--cursor { background: $block-cursor-blurred-background; }
        &:focus > .row-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
        & > .row-list--problem { color: $text-error; }
        & > .row-list--heading { color: $text-accent; text-style: bold; }
        & > .row-list--today { color: $text-warning; text-style: bold; }
        & > .row-list--mark { color: $text-accent; text-style: bold; }
    }
    """

    cursor: reactive[int] = reactive(0, always_update=True)

    class Selected(Message):
        def __init__(self, row_list: RowList[Any], index: int) -> None:
            super().__init__()
            self.row_list = row_list
            self.index = index

        @property
        def control(self) -> RowList[Any]:
            return self.row_list

    def __init__(self, render_row: RowRenderer, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: Sequence[Row] = ()
        self._render_row = render_row
        self.empty_text = ""
        """Said on the first line when there are no rows (why: "Nothing matches ...")."""
        self._base_style = Style()
        self._drawn: dict[tuple[int, int, bool, bool], tuple[Row, Strip]] = {}
        """Drawn lines by (row identity, width, cursor, focus). Kept across new row lists: a filter or a
        new order shows mostly the same rows, which then need no drawing. The row is kept with its line,
        so its identity cannot be reused by another object while the entry exists."""

    def set_rows(self, rows: Sequence[Row], cursor: int | None = None) -> None:
        self.rows = rows
        self.virtual_size = Size(self.scrollable_content_region.width, len(rows))
        if self.size:
            # The scrollbar shown or hidden, and its thumb measured, as Textual does once the list is laid out again:
            # in the frame that shows the rows, not the next one.
            self._scroll_update(self.virtual_size)
        elif len(rows) > self.app.size.height:
            # Not laid out yet, and it scrolls whatever height it is given: its scrollbar in its first frame too.
            self.show_vertical_scrollbar = True
        self.cursor = min(max(0, self.cursor if cursor is None else cursor), max(0, len(rows) - 1))
        refresh_now(self)

    @property
    def current(self) -> Row | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def forget_drawn(self) -> None:
        """Draw every row afresh: what a row shows has changed (its width, the theme)."""
        self._drawn.clear()

    def on_resize(self) -> None:
        self.forget_drawn()
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.rows))

    def watch_cursor(self, old: int, new: int) -> None:
        self.scroll_to_region(self._row_region(new), animate=False, force=True)
        self.refresh()

    def _row_region(self, index: int) -> Region:
        return Region(0, index, max(1, self.size.width), 1)

    def _line(self, index: int, width: int, cursor: bool, focused: bool) -> Strip:
        row = self.rows[index]
        key = (id(row), width, cursor, focused)
        drawn = self._drawn.get(key)
        if drawn is not None and drawn[0] is row:
            return drawn[1]
        if len(self._drawn) >= MOST_DRAWN:
            self._drawn.clear()
        strip = self._draw(row, width, cursor)
        self._drawn[key] = (row, strip)
        return strip

    def _draw(self, row: Row, width: int, cursor: bool) -> Strip:
        text = self._render_row(row, width)
        line = list(text.render(self.app.console))
        style = self.get_component_rich_style("row-list--cursor") if cursor else Style()
        strip = Strip(line).crop_extend(0, width, None)
        return strip.apply_style(style) if cursor else strip

    def render_lines(self, crop: Region) -> list[Strip]:
        self._base_style = self.rich_style  # the same for every line: computed once per render, not per line
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        if not 0 <= index < len(self.rows):
            if index == 0 and self.empty_text:
                said = Text(self.empty_text, style="italic", no_wrap=True, overflow="ellipsis")
                said.truncate(width, overflow="ellipsis", pad=True)
                return (
                    Strip(list(said.render(self.app.console))).crop_extend(0, width, None).apply_style(self._base_style)
                )
            return Strip.blank(width, self._base_style)
        return self._line(index, width, index == self.cursor, self.has_focus).apply_style(self._base_style)

    def watch_has_focus(self, has_focus: bool) -> None:
        super().watch_has_focus(has_focus)
        self.refresh()

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, _theme: object) -> None:
        self.forget_drawn()
        self.refresh()

    def problem_style(self) -> Style:
        return self.get_component_rich_style("row-list--problem", partial=True)

    def heading_style(self) -> Style:
        return self.get_component_rich_style("row-list--heading", partial=True)

    def mark_style(self) -> Style:
        return self.get_component_rich_style("row-list--mark", partial=True)

    def today_style(self) -> Style:
        return self.get_component_rich_style("row-list--today", partial=True)

    def show_from(self, index: int) -> None:
        """Scroll so that row ``index`` is the top one on screen (as far as the rows below allow)."""
        self.scroll_to(y=index, animate=False, force=True)

    def action_cursor_down(self) -> None:
        if self.cursor < len(self.rows) - 1:
            self.cursor += 1

    def action_cursor_up(self) -> None:
        if self.cursor > 0:
            self.cursor -= 1

    def action_page_down(self) -> None:
        self.cursor = min(len(self.rows) - 1, self.cursor + max(1, self.size.height - 1))

    def action_page_up(self) -> None:
        self.cursor = max(0, self.cursor - max(1, self.size.height - 1))

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = max(0, len(self.rows) - 1)

    def action_select(self) -> None:
        if self.rows:
            self.post_message(self.Selected(self, self.cursor))


def cell(text: str, width: int, style: Style | str = "") -> Text:
    """``text`` in a column ``width`` cells wide: cut with an ellipsis, or padded."""
    result = Text(" ".join(text.split()), style=style, no_wrap=True, overflow="ellipsis")
    result.truncate(width, overflow="ellipsis", pad=True)
    return result
