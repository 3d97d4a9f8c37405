"""The summary's body: its Markdown drawn by one light widget, a line at a time.

Headings, paragraphs, lists, quotes, code and tables come from the tokens the app parses once per body
(``briefing.present.body``, bounded so no body takes long), as blocks (``briefing.present.body_blocks``); each block
is laid out to the width once and kept, so a body of any length costs only the lines on screen. Tables never wrap:
their cells and columns are cut to fit. Find searches each block's text and marks it where it is drawn.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import work
from textual.content import Content
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget

from briefing.present.body_ahead import LARGEST
from briefing.ui.messages import BriefBuilt

if TYPE_CHECKING:
    from briefing.present.body_blocks import Block

PARSE_AWAY_FROM = LARGEST
"""Bodies longer than this are parsed in a thread: drawn as plain text first, as Markdown a moment later (and
never ahead, in a child at the start)."""

FIRST_DRAWN = 20_000
"""How much of a body parsed in a thread is drawn as plain text meanwhile (some screens of it): laying out a
megabyte as text took over a second on the screen's thread, before the body's first words showed."""

STILL_TO_COME = "… the rest of the body follows in a moment, read as Markdown."

STYLES = {"em": "italic", "strong": "bold", "s": "strike", "code": "$text-warning", "link": "underline $text-accent",
          "image": "dim italic", "html": "dim"}  # fmt: skip
"""How each inline style of the body is drawn."""

Mark = tuple[int, int] | None
"""Find's current match, if in the body: the block, and which of its matches."""


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


def _style_of(styles: frozenset[str]) -> str:
    return " ".join(STYLES[name] for name in sorted(styles) if name in STYLES)


def _styled(block: Block, link_number: Callable[[str], int]) -> Content:
    """A block's text with its inline styles (and a heading's own); a link's text opens it when clicked (through
    the app, which opens http and https only)."""
    from textual.style import Style

    parts = [
        (text, " ".join(STYLES[name] for name in sorted(styles) if name in STYLES)) for text, styles, _ in block.parts
    ]
    content = Content.assemble(*parts)
    start = 0
    for text, _styles, href in block.parts:
        if href is not None:
            # The action names the link by number: nothing of the URL is read as an action.
            click = Style.from_meta({"@click": f"open_link({link_number(href)})"})
            content = content.stylize(click, start, start + len(text))
        start += len(text)
    return content.stylize("bold") if block.kind == "heading" else content


class BodyView(LineByLine):
    """A Markdown body, laid out block by block and drawn a line at a time; find marks it where it is drawn."""

    DEFAULT_CSS = "BodyView { height: auto; }"

    def __init__(self, markdown: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.can_focus = False
        self._blocks: list[Block] = []
        self._layouts: dict[tuple[int, int], list[Content]] = {}
        """Each block's lines at a width, by (block, width)."""
        self._lines: tuple[int, list[Content], list[int]] | None = None
        """The whole body's lines at a width, and the line each block begins on."""
        self._pattern: re.Pattern[str] | None = None
        self._current: Mark = None
        self._links: dict[str, int] = {}
        """Each link's URL by the number a click on its text names it by."""
        self.parsed = False
        """True once the body is drawn as Markdown (a long body is plain text until its tokens come)."""
        self.set_markdown(markdown)

    def set_markdown(self, markdown: str) -> None:
        """Show another body in place."""
        self.markdown = markdown
        self.display = bool(markdown)
        if len(markdown) > PARSE_AWAY_FROM:
            from briefing.present.body_blocks import Block

            first = [Block("plain", ((markdown[:FIRST_DRAWN], frozenset(), None),))]
            if len(markdown) > FIRST_DRAWN:
                first.append(Block("plain", ((STILL_TO_COME, frozenset({"em"}), None),)))
            self._show_blocks(first, parsed=False)
            # After the frame that shows it: the parse holds the interpreter's lock, and would slow that frame.
            self.call_after_refresh(self._parse_unless_changed, markdown)
        else:
            self._show_blocks(_blocks_of(markdown))

    def _parse_unless_changed(self, markdown: str) -> None:
        if markdown == self.markdown:
            self._parse_away(markdown, self.content_size.width, dict(self._links))

    @work(thread=True, exclusive=True, group="body")
    def _parse_away(self, markdown: str, width: int, links: dict[str, int]) -> None:
        found = _blocks_of(markdown)
        # Laid out here too, at the width it is likely drawn at: a paragraph of a megabyte took the screen's thread
        # a third of a second to lay out.
        layouts = _laid_out_blocks(found, width, links) if width > 0 else {}
        self.app.call_from_thread(self._parsed, markdown, found, layouts, links)

    def _parsed(
        self, markdown: str, found: list[Block], layouts: dict[tuple[int, int], list[Content]], links: dict[str, int]
    ) -> None:
        if markdown == self.markdown:
            self._show_blocks(found)
            if self._pattern is None:
                self._layouts.update(layouts)
                self._links = links
            self.post_message(BriefBuilt())

    def _show_blocks(self, found: list[Block], parsed: bool = True) -> None:
        self._blocks = found
        self.parsed = parsed
        self._layouts.clear()
        self._lines = None
        if self.is_mounted:
            self.refresh(layout=True)

    # -- layout ---------------------------------------------------------------------------------------------------

    def _block_lines(self, number: int, width: int) -> list[Content]:
        key = (number, width)
        lines = self._layouts.get(key)
        if lines is None:
            lines = self._layouts[key] = _lay_out(self._blocks[number], width, self._marked(number), self._link_number)
        return lines

    def _marked(self, number: int) -> tuple[re.Pattern[str], int | None] | None:
        if self._pattern is None:
            return None
        current = self._current
        return self._pattern, current[1] if current is not None and current[0] == number else None

    def _laid_out(self, width: int) -> tuple[list[Content], list[int]]:
        if self._lines is None or self._lines[0] != width:
            lines: list[Content] = []
            starts: list[int] = []
            for number, block in enumerate(self._blocks):
                # A blank line between blocks, but none under a heading: it belongs to what follows it.
                if lines and block.space_before and self._blocks[number - 1].kind != "heading":
                    lines.append(Content())
                starts.append(len(lines))
                lines += self._block_lines(number, width)
            self._lines = (width, lines, starts)
        return self._lines[1], self._lines[2]

    def _line_count(self, width: int) -> int:
        return len(self._laid_out(width)[0]) if width > 0 else 0

    def _line(self, y: int, width: int) -> Strip:
        line = self._laid_out(width)[0][y]
        strips = Visual.to_strips(self, line, width, 1, self.visual_style, pad=True)
        return strips[0] if strips else Strip.blank(width, self.rich_style)

    def _link_number(self, url: str) -> int:
        return self._links.setdefault(url, len(self._links))

    def action_open_link(self, number: int) -> None:
        """A click on a link's text: the app opens it, or says why not."""
        from briefing.ui.messages import OpenLink

        url = next((url for url, found in self._links.items() if found == number), None)
        if url is not None:
            self.post_message(OpenLink(url))

    # -- find -----------------------------------------------------------------------------------------------------

    def texts(self) -> list[str]:
        """Each block's text, as drawn: what find searches."""
        return [block.text for block in self._blocks]

    def mark(self, pattern: re.Pattern[str] | None, current: Mark) -> None:
        """Mark what ``pattern`` matches, ``current`` (block, which match) as find's current one."""
        if pattern is None and self._pattern is None:
            return
        changed = self._blocks_marked() if self._pattern is not None else set()
        self._pattern, self._current = pattern, current
        changed |= self._blocks_marked() if pattern is not None else set()
        if self._current is not None:
            changed.add(self._current[0])
        for key in [key for key in self._layouts if key[0] in changed]:
            del self._layouts[key]
        self._lines = None
        self.refresh()

    def _blocks_marked(self) -> set[int]:
        pattern = self._pattern
        assert pattern is not None
        return {number for number, block in enumerate(self._blocks) if pattern.search(block.text)}

    def region_of(self, number: int) -> Region:
        """Where block ``number`` is drawn, for scrolling to it."""
        width = self.content_size.width
        _lines, starts = self._laid_out(width)
        start = starts[number] if number < len(starts) else 0
        end = starts[number + 1] if number + 1 < len(starts) else self._line_count(width)
        return Region(0, self.virtual_region.y + start, 1, max(1, min(end - start, self.parent_height())))

    def parent_height(self) -> int:
        parent = self.parent
        return parent.size.height if isinstance(parent, Widget) else 1


def _blocks_of(markdown: str) -> list[Block]:
    if not markdown:
        return []  # without importing markdown-it (85 ms) for a brief with no body
    from briefing.present import body_ahead

    ahead = body_ahead.take(markdown)
    if ahead is not None:
        return ahead
    from briefing.present.body import body_tokens
    from briefing.present.body_blocks import blocks

    return blocks(body_tokens(markdown))


def _lay_out(
    block: Block, width: int, marks: tuple[re.Pattern[str], int | None] | None, link_number: Callable[[str], int]
) -> list[Content]:
    """``block``'s lines at ``width``, its lead before the first and its indent before the others."""
    from briefing.ui.panes.base import marked

    room = max(1, width - max(len(block.lead), len(block.indent)))
    if block.kind == "table":
        lines = _table_lines(block, room)
    elif block.kind == "rule":
        lines = [Content.styled("─" * room, "dim")]
    elif block.kind == "code":
        text = block.parts[0][0] if block.parts else ""
        lines = [Content.styled(line, STYLES["code"]).truncate(room, ellipsis=True) for line in text.split("\n")]
    else:
        lines = list(_styled(block, link_number).wrap(room))
    if marks is not None:
        if block.kind in ("text", "heading", "plain"):
            lines = _marked_lines(block, lines, room, marks, link_number)
        else:
            lines = [marked(line, marks[0]) for line in lines]
    lead = Content.styled(block.lead, "bold $accent")
    if not (block.lead or block.indent):
        return lines or [lead]
    indent = Content.styled(block.indent, "bold $accent")
    return [Content.assemble(lead if number == 0 else indent, line) for number, line in enumerate(lines)] or [lead]


def _laid_out_blocks(found: list[Block], width: int, links: dict[str, int]) -> dict[tuple[int, int], list[Content]]:
    """Every block of ``found`` laid out at ``width``, unmarked, numbering new links in ``links``."""

    def link_number(url: str) -> int:
        return links.setdefault(url, len(links))

    return {(number, width): _lay_out(block, width, None, link_number) for number, block in enumerate(found)}


def _marked_lines(
    block: Block,
    lines: list[Content],
    room: int,
    marks: tuple[re.Pattern[str], int | None],
    link_number: Callable[[str], int],
) -> list[Content]:
    """The block's text marked whole, then laid out again: a match split by a line break is marked on both."""
    from briefing.ui.panes.base import marked

    pattern, nth = marks
    if not pattern.search(block.text):
        return lines
    return list(marked(_styled(block, link_number), pattern, nth).wrap(room))


def _table_lines(block: Block, room: int) -> list[Content]:
    """A table's rows, a line each, its columns as wide as their widest cell, the line cut to ``room``."""
    columns = max((len(row) for row in block.rows), default=0)
    widths = [max((len(row[i]) for row in block.rows if i < len(row)), default=0) for i in range(columns)]
    lines: list[Content] = []
    for number, row in enumerate(block.rows):
        cells = [(row[i] if i < len(row) else "").ljust(widths[i]) for i in range(columns)]
        line = Content.styled(" │ ".join(cells), "bold" if number == 0 else "")
        lines.append(line.truncate(room, ellipsis=True))
        if number == 0:
            lines.append(Content.styled("─┼─".join("─" * size for size in widths), "dim").truncate(room))
    if block.hidden_columns:
        lines.append(Content.styled(f"… and {block.hidden_columns} more columns, not shown", "dim italic"))
    return lines


def body_texts(body: Widget) -> list[str]:
    """The text of each piece the body draws, in order, for find."""
    return body.texts() if isinstance(body, BodyView) else []


def mark_body(body: Widget, pattern: re.Pattern[str] | None, current: Mark) -> None:
    """Mark what ``pattern`` matches where the body draws it; ``current``: the piece and which of its matches."""
    if isinstance(body, BodyView):
        body.mark(pattern, current)


def scroll_to_piece(body: Widget, piece: int) -> None:
    """Bring piece ``piece`` of the body on screen."""
    parent = body.parent
    if isinstance(body, BodyView) and isinstance(parent, Widget):
        parent.scroll_to_region(body.region_of(piece), animate=False, top=True, immediate=True)


def body_widget(text: str, widget_id: str) -> BodyView:
    """The widget that draws a body."""
    return BodyView(text, id=widget_id)
