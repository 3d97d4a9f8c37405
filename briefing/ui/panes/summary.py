"""Pane 1: the title, the as-of line, the bottom line up front, key points and the body."""

from __future__ import annotations

import re

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from briefing.model import Brief
from briefing.ui.keys import SCROLL_BINDINGS
from briefing.ui.panes.base import MATCH_STYLE, Pane
from briefing.words import day


class SummaryScroll(VerticalScroll):
    BINDINGS = [*SCROLL_BINDINGS]


def meta_line(brief: Brief) -> Content:
    meta = brief.meta
    parts: list[str | tuple[str, str]] = [("As of ", "dim"), (day(meta.as_of), "bold")]
    for extra in (meta.dateline, meta.category, ", ".join(meta.tags)):
        if extra:
            parts += [("  ·  ", "dim"), extra]
    if meta.updated:
        parts += [("  ·  updated ", "dim"), day(meta.updated)]
    if brief.summary.confidence:
        parts += [("  ·  confidence ", "dim"), (brief.summary.confidence.value, "bold")]
    return Content.assemble(*parts)


def bullets(points: tuple[str, ...], pattern: re.Pattern[str] | None = None) -> Table:
    """Key points with hanging indents: one widget however many points there are."""
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(ratio=1)
    for point in points:
        text = Text(point)
        if pattern is not None:
            text.highlight_regex(pattern, style="bold black on dark_orange")
        table.add_row(Text("•", style="bold"), text)
    return table


def _marked(content: Content, pattern: re.Pattern[str] | None) -> Content:
    return content if pattern is None else content.highlight_regex(pattern, style=MATCH_STYLE)


class SummaryPane(Pane):
    SECTION = "summary"

    def __init__(self, brief: Brief) -> None:
        super().__init__()
        self.brief = brief

    def compose(self) -> ComposeResult:
        summary = self.brief.summary
        with SummaryScroll():
            yield Static(self._title(), id="part-0", classes="title")
            yield Static(meta_line(self.brief), classes="meta")
            yield Static(self._bluf(), id="part-1", classes="bluf")
            if summary.key_points:
                yield Static(Content.styled("Key points", "bold"), classes="heading")
                yield Static(bullets(summary.key_points), id="part-2", classes="points")

    async def mount_body(self) -> None:
        """Add the Markdown body: it is slow to import and build, so it comes after the first paint."""
        if not self.brief.summary.body:
            return
        from textual.widgets import Markdown

        body = Markdown(self.brief.summary.body, open_links=False, id=f"part-{len(self.brief.summary.key_points) + 2}")
        body.can_focus = False
        await self.query_one(SummaryScroll).mount(body)

    def _title(self, pattern: re.Pattern[str] | None = None) -> Content:
        return _marked(Content(self.brief.meta.title), pattern)

    def _bluf(self, pattern: re.Pattern[str] | None = None) -> Content:
        return _marked(Content.assemble(("BLUF  ", "bold $accent"), self.brief.summary.bluf), pattern)

    def mark(self, pattern: re.Pattern[str] | None) -> None:
        self.query_one("#part-0", Static).update(self._title(pattern))
        self.query_one("#part-1", Static).update(self._bluf(pattern))
        for points in self.query(".points").results(Static):
            points.update(bullets(self.brief.summary.key_points, pattern))

    @property
    def focus_target(self) -> Widget:
        return self.query_one(SummaryScroll)

    def show_part(self, index: int) -> None:
        """Scroll to a part of the summary: 0 title, 1 BLUF, 2 and on key points, then the body."""
        key_points = len(self.brief.summary.key_points)
        if 2 <= index < 2 + key_points:
            index = 2
        for widget in self.query(f"#part-{index}"):
            self.query_one(SummaryScroll).scroll_to_widget(widget, animate=False, top=True)
