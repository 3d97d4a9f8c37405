"""Pane 1: the title, the as-of line, the bottom line up front, key points and the body."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget
from textual.widgets import Static

from briefing.format.diff import Changes
from briefing.format.locate import KeyPath
from briefing.format.model import Brief
from briefing.present.ages import Thresholds, ago, is_stale
from briefing.present.outline import Drawn, Occurrence
from briefing.present.wording import day
from briefing.ui.facts import Facts
from briefing.ui.keys import SCROLL_BINDINGS
from briefing.ui.next_frame import asked_now, styled_alike, update_in_place
from briefing.ui.panes.base import Pane, badge, marked
from briefing.ui.scroll_ahead import scrollbar_now
from briefing.ui.widgets.body import BodyView, LineByLine, body_texts, body_widget, mark_body, scroll_to_piece


class SummaryScroll(VerticalScroll):
    """The summary, scrolled by keys that jump at once, as in less: no animation to wait for."""

    BINDINGS = [*SCROLL_BINDINGS]

    def watch_has_focus(self, _has_focus: bool) -> None:
        # No rule styles what the summary holds by its focus: restyle the scroll alone, not all it holds (Textual's
        # way, most of the time a key like `2` takes to move the focus out of the summary).
        self.app.stylesheet.update_nodes([self], animate=True)

    def action_scroll_home(self) -> None:
        self.scroll_home(animate=False)

    def action_scroll_end(self) -> None:
        self.scroll_end(animate=False)

    def action_page_up(self) -> None:
        self.scroll_page_up(animate=False)

    def action_page_down(self) -> None:
        self.scroll_page_down(animate=False)


def meta_line(brief: Brief, today: dt.date | None = None, thresholds: Thresholds | None = None) -> Content:
    """The brief's date (how long ago, and whether it is stale, when ``today`` is given), dateline, category..."""
    meta = brief.meta
    parts: list[str | tuple[str, str]] = [("As of ", "dim"), (day(meta.as_of), "bold")]
    if today is not None:
        parts += [("  ·  ", "dim"), ago(meta.as_of, today)]
        if is_stale(brief, today, thresholds or Thresholds()):
            parts += [("  ·  ", "dim"), ("⚠ stale", "bold $warning"), (", still pending", "$warning")]
    for extra in (meta.dateline, meta.category, ", ".join(meta.tags)):
        if extra:
            parts += [("  ·  ", "dim"), extra]
    if meta.updated:
        parts += [("  ·  updated ", "dim"), day(meta.updated)]
    if brief.summary.confidence:
        parts += [("  ·  confidence ", "dim"), (brief.summary.confidence.value, "bold")]
    return Content.assemble(*parts)


class Bullets(LineByLine):
    """Points with hanging indents, wrapped to the width: one light widget for the whole list."""

    DEFAULT_CSS = "Bullets { height: auto; text-wrap: nowrap; }"

    def __init__(self, points: Sequence[Content], *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._points = list(points)
        self._wrapped: tuple[int, list[Content]] | None = None

    def set_points(self, points: Sequence[Content]) -> None:
        before, self._points = self._points, list(points)
        if len(before) == len(points) and all(map(styled_alike, before, points)):
            return
        same_words = [point.plain for point in points] == [point.plain for point in before]
        self._wrapped = None
        self.refresh(layout=not same_words)  # restyled words (find's marks) break where they did

    def _lines(self, width: int) -> list[Content]:
        if self._wrapped is None or self._wrapped[0] != width:
            lines: list[Content] = []
            for point in self._points:
                for number, line in enumerate(point.wrap(max(1, width - 2))):
                    lines.append(Content.assemble(("• ", "bold $accent") if number == 0 else "  ", line))
            self._wrapped = (width, lines)
        return self._wrapped[1]

    def _line_count(self, width: int) -> int:
        return len(self._lines(width))

    def _line(self, y: int, width: int) -> Strip:
        strips = Visual.to_strips(self, self._lines(width)[y], width, 1, self.visual_style, pad=True)
        return strips[0] if strips else Strip.blank(width, self.rich_style)


class SummaryPane(Pane):
    SECTION = "summary"

    today: reactive[dt.date | None] = reactive(None, init=False)
    """The date the header counts the brief's age to; None: the brief is read as of its own date."""

    def __init__(self, brief: Brief, today: dt.date | None = None, thresholds: Thresholds | None = None) -> None:
        super().__init__(brief)
        self.body_shown = False
        self._pattern: re.Pattern[str] | None = None
        self._current: Occurrence | None = None
        """What find marks, and its current match if in the summary: drawing the parts again keeps the marks."""
        self.set_reactive(SummaryPane.today, today)
        self.thresholds = thresholds or Thresholds()

    def _meta(self) -> Content:
        return meta_line(self.brief, self.today, self.thresholds)

    def watch_today(self) -> None:
        if self.is_mounted:
            self.query_one(".meta", Static).update(Facts(self._marked(self._meta(), 0, "meta")))

    def compose(self) -> ComposeResult:
        # The first frame carries the headline and the bottom line; key points and body follow it.
        with SummaryScroll():
            yield Static(self._title(), id="part-0", classes="title")
            yield Static(Facts(self._meta()), classes="meta")
            yield Static(self._bluf(), id="part-1", classes="bluf")

    def _body(self) -> Widget:
        return body_widget(self.brief.summary.body or "", "part-body")

    async def mount_key_points(self) -> None:
        if self.query(Bullets):
            return
        heading = Static(Content.styled("Key points", "bold"), classes="heading", id="key-points-heading")
        points = Bullets(self._points(), id="part-2", classes="points")
        heading.display = points.display = bool(self.brief.summary.key_points)
        scroll = self.query_one(SummaryScroll)
        await scroll.mount_all([heading, points], after="#part-1")
        if not self.query("#changes-line"):
            # There, hidden, before any change is marked: shown then in the frame that marks the parts, not mounted
            # a frame after them (the summary's text came, then moved down three lines).
            await scroll.mount(self._changes_widget(), after=self.query_one(".meta"))

    async def mount_body(self) -> None:
        """Add the body: it comes after the first paint, which the title and BLUF make."""
        if not self.body_shown:
            self.body_shown = True
            scroll = self.query_one(SummaryScroll)
            await scroll.mount(self._body())
            scrollbar_now(scroll)

    def part_key(self) -> KeyPath:
        """The key of the summary part at the top of the pane, for editing it."""
        scroll = self.query_one(SummaryScroll)
        keys: dict[str | None, KeyPath] = {
            "part-0": ("brief", "title"),
            "part-1": ("summary", "bluf"),
            "part-2": ("summary", "key_points"),
            "part-body": ("summary", "body"),
        }
        key: KeyPath = ("brief", "title")
        for widget in scroll.children:
            if widget.id in keys and widget.virtual_region.y <= scroll.scroll_offset.y:
                key = keys[widget.id]
        return key

    async def show_brief(self, brief: Brief) -> None:
        """Show a new version in place: the scroll position stays where the reader left it."""
        self.brief = brief
        self._draw_parts()
        for points in self.query(Bullets):
            points.display = bool(brief.summary.key_points)
        for heading in self.query("#key-points-heading"):
            heading.display = bool(brief.summary.key_points)
        for body in self.query(BodyView):
            if body.markdown != (brief.summary.body or ""):
                body.set_markdown(brief.summary.body or "")

    def _title(self) -> Content:
        older = self.changes.shown_is_older
        return Content.assemble(badge(self.changes.part("brief", "title"), older), self.brief.meta.title)

    def _points(self) -> list[Content]:
        older = self.changes.shown_is_older
        return [Content.assemble(badge(self.changes.of("summary", index), older), point)
                for index, point in enumerate(self.brief.summary.key_points)]  # fmt: skip

    def _bluf(self) -> Content:
        older = self.changes.shown_is_older
        return Content.assemble(("BLUF  ", "bold $accent"), badge(self.changes.part("summary", "bluf"), older),
                                self.brief.summary.bluf)  # fmt: skip

    def _marked(self, content: Content, index: int, part: str) -> Content:
        """``content`` (summary part ``index``, piece ``part``) with find's marks."""
        current = self._current
        here = current is not None and (current.drawn.index, current.drawn.part) == (index, part)
        return marked(content, self._pattern, current.nth if here and current is not None else None)

    def _draw_parts(self) -> None:
        """Draw the title, the date line, the changes line, the BLUF and the key points, with find's marks."""
        update_in_place(self.query_one("#part-0", Static), self._marked(self._title(), 0, "title"))
        update_in_place(self.query_one(".meta", Static), Facts(self._marked(self._meta(), 0, "meta")))
        for line in self.query("#changes-line").results(Static):
            update_in_place(line, self._marked(self._changes_line(), 0, "changes"))
        update_in_place(self.query_one("#part-1", Static), self._marked(self._bluf(), 1, "bluf"))
        for points in self.query(Bullets):
            points.set_points([self._marked(p, 2 + i, "point") for i, p in enumerate(self._points())])

    @property
    def _body_index(self) -> int:
        return 2 + len(self.brief.summary.key_points)

    def drawn(self) -> list[Drawn]:
        """Every piece of text the summary draws, in order, for find."""
        section = self.SECTION
        pieces = [Drawn(section, 0, self._title().plain, "title"), Drawn(section, 0, self._meta().plain, "meta")]
        if self.changes:
            pieces.append(Drawn(section, 0, self._changes_line().plain, "changes"))
        pieces.append(Drawn(section, 1, self._bluf().plain, "bluf"))
        pieces += [Drawn(section, 2 + i, point.plain, "point") for i, point in enumerate(self._points())]
        for body in self.query("#part-body"):
            if body.display:
                texts = enumerate(body_texts(body))
                pieces += [Drawn(section, self._body_index, text, f"body-{n}") for n, text in texts]
        return pieces

    def _changes_line(self) -> Content:
        from briefing.present.changes import summary_words

        return Content.assemble(("◆ ", "bold $text-accent"), (summary_words(self.changes), "$text-accent"),
                                (" · w lists them", "dim"))  # fmt: skip

    def _changes_widget(self) -> Static:
        """The changes line, shown when there are changes to mark."""
        line = Static(self._changes_line(), id="changes-line", classes="changes")
        line.display = bool(self.changes)
        return line

    def watch_changes(self, old: Changes, new: Changes) -> None:
        if not self.is_mounted or (not old and not new):
            return
        lines = self.query("#changes-line")
        if lines:
            lines.first(Static).display = bool(self.changes)
        elif self.changes:
            self.query_one(SummaryScroll).mount(self._changes_widget(), after=self.query_one(".meta"))
        self._draw_parts()
        for line in lines.results(Static):
            asked_now(line)  # shown or hidden in the frame of the parts' marks

    def mark(self, pattern: re.Pattern[str] | None, current: Occurrence | None = None) -> None:
        unmarked = self._pattern is None and pattern is None
        self._pattern = pattern
        self._current = current if current is not None and current.drawn.section == self.SECTION else None
        self._draw_parts()
        if unmarked:
            return  # the body has no marks to clear
        body_current = None
        if self._current is not None and self._current.drawn.part.startswith("body-"):
            body_current = (int(self._current.drawn.part.removeprefix("body-")), self._current.nth)
        for body in self.query("#part-body"):
            mark_body(body, pattern, body_current)

    @property
    def focus_target(self) -> Widget:
        return self.query_one(SummaryScroll)

    def show_piece(self, piece: Drawn) -> None:
        """Scroll to a piece of text the summary draws (find's current match)."""
        if piece.part.startswith("body-"):
            for body in self.query("#part-body"):
                scroll_to_piece(body, int(piece.part.removeprefix("body-")))
            return
        self.show_part(piece.index)

    def show_part(self, index: int) -> None:
        """Scroll to a part of the summary: 0 title, 1 BLUF, 2 and on key points, then the body."""
        key_points = len(self.brief.summary.key_points)
        part = "part-body" if index >= 2 + key_points else f"part-{min(index, 2)}"
        for widget in self.query(f"#{part}"):
            self.query_one(SummaryScroll).scroll_to_widget(widget, animate=False, top=True)
