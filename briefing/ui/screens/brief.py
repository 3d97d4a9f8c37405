"""One brief on screen: five panes, a section bar, find, and moving between them by keyboard.

Narrow terminals show one pane at a time; wider ones the summary (or quotes or
sources) beside the pending confirmations and the itinerary; the widest, all five
in three columns.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import ComposeResult
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.reactive import Reactive, reactive
from textual.widget import Widget
from textual.widgets import Input, OptionList

from briefing.format.diff import Changes, Kind
from briefing.format.load import LoadResult
from briefing.format.locate import KeyPath
from briefing.format.model import Brief, Problem
from briefing.present import wording
from briefing.present.ages import Thresholds
from briefing.present.outline import Matches
from briefing.present.screen_cut import for_display
from briefing.present.sections import Section
from briefing.session import NO_DATE
from briefing.system.paths import display_path
from briefing.ui.keys import BRIEF_BINDINGS
from briefing.ui.messages import BriefBuilt, BriefDrawn, CopyText, OpenCopy, OpenLink
from briefing.ui.next_frame import asked_now, asked_now_everywhere
from briefing.ui.palette import highlight, label
from briefing.ui.panes.base import ItemList, Pane
from briefing.ui.panes.summary import SummaryPane
from briefing.ui.screens.base import BriefView
from briefing.ui.widgets.brief_header import BriefHeader, Heading
from briefing.ui.widgets.column import Column
from briefing.ui.widgets.section_bar import SectionBar

if TYPE_CHECKING:
    from briefing.library.history import History, Revision
    from briefing.present.outline import Drawn, Entry, Occurrence
    from briefing.ui.screens.detail import DetailItem
    from briefing.ui.screens.errors import ProblemsPanel
    from briefing.ui.widgets.find import FindBar
    from briefing.ui.widgets.key_footer import KeyFooter

TWO_COLUMNS_FROM = 100
"""From this many columns, the summary, pending confirmations and itinerary share the screen."""
THREE_COLUMNS_FROM = 180
"""From this many columns, the quotes and sources have a column of their own: every pane is on screen."""
COLUMN_SECTIONS = {"left": {"summary"}, "middle": {"quotes", "sources"}, "right": {"confirmations", "itinerary"}}
"""The sections each column holds, in three columns."""
LEFT_SECTIONS = COLUMN_SECTIONS["left"] | COLUMN_SECTIONS["middle"]
"""What the left column shows, one at a time, in two columns: the middle column stands in its place."""
MEASURE_AHEAD_AFTER = 0.5
"""Seconds after the first paint before long hidden lists are measured, a batch at a time."""
LOOK_BACK_AFTER = 0.3
"""Seconds after the first paint before the App looks for what changed since the reader last looked: the whole
first screen (the body last, a frame after the title) is drawn by then, and nothing delays it."""
MEASURE_AHEAD_MIN_ITEMS = 100


def column_count(width: int) -> int:
    """How many columns of panes a terminal this wide gets."""
    return 1 if width < TWO_COLUMNS_FROM else 3 if width >= THREE_COLUMNS_FROM else 2


class BriefCommands(Provider):
    """Jump to a section, or to any item of the brief on screen."""

    def _targets(self) -> Iterator[tuple[str, str, str, Entry | None]]:
        screen = self.screen
        if not isinstance(screen, BriefScreen):
            return
        for section in Section:
            yield f"Go to {section.number} {section.label}", section, "Section", None
        for entry in screen.entries:
            yield label(entry), entry.section, Section(entry.section).item, entry

    def _jump(self, section: str, entry: Entry | None) -> None:
        if isinstance(self.screen, BriefScreen):
            self.screen.show_section(section, entry.index if entry else None)

    async def discover(self) -> Hits:
        for text, section, kind, entry in self._targets():
            display = Content.assemble((f"{kind:<12} ", "dim"), text)
            yield DiscoveryHit(display, partial(self._jump, section, entry), text=text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, section, kind, entry in self._targets():
            score = matcher.match(text)
            if score > 0:
                display = Content.assemble((f"{kind:<12} ", "dim"), highlight(matcher, text))
                yield Hit(score, display, partial(self._jump, section, entry), text=text)


class BriefScreen(BriefView):
    BINDINGS = [*BRIEF_BINDINGS]
    COMMANDS = {BriefCommands}
    AUTO_FOCUS = "SummaryScroll"

    columns: reactive[int] = reactive(2, init=False)
    section: reactive[str] = reactive("summary", init=False, repaint=False)
    """The section in front; its watcher arranges the panes, which repaint what they change."""
    today: reactive[dt.date] = reactive(NO_DATE, init=False)
    """The reference date for ages: the App's, bound (data_bind), so it follows a new as_of or --today."""
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    """Textual's, without the repaint of the whole screen that each focus change would make: the focused and the
    blurred widget restyle themselves (their :focus rules) and their panes redraw their borders (``watch_focused``),
    and only they are drawn again."""
    changes: reactive[Changes] = reactive(Changes, init=False)
    """What changed since the reader last looked (or since a revision): set by the App with each version it
    hands over, and when it has found what the reader last saw; the panes are bound to it."""

    class Show(Message):
        """A new good version of the file to show, and its changes. Versions that arrive while one is drawn wait,
        and only the newest of those waiting is drawn."""

        def __init__(self, result: LoadResult, changes: Changes) -> None:
            super().__init__()
            self.result = result
            self.changes = changes

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, BriefScreen.Show)

    def __init__(
        self,
        result: LoadResult,
        path: Path,
        today: dt.date,
        reads_as_of: bool = True,
        thresholds: Thresholds | None = None,
        historic: str | None = None,
        read_only: bool = False,
        position: tuple[int, int] | None = None,
    ) -> None:
        """``historic``: the name of the past version shown (``a1b2c3d, 17 Jun 2024``): read-only, over the
        history, and not followed as the file changes. ``read_only``: a file never to be written (the bundled
        brief): followed, but `S` saves a copy to edit instead. ``position``: where the brief is in the library's
        list it was opened from, (number, of)."""
        super().__init__()
        self.position = position
        self.historic = historic
        self._changes_asked = False
        """w was pressed before what changed was found: the list opens when it is."""
        self.read_only = read_only
        self.thresholds = thresholds or Thresholds()
        self.reads_as_of = reads_as_of
        """True when ages count to the brief's own as_of (--today as-of), not to a date given for today."""
        assert result.brief is not None
        self.result = result
        self.brief: Brief = for_display(result.brief)
        """What the panes draw: the brief with absurdly long texts cut (copy and open use the whole)."""
        self.path = path
        self.set_reactive(BriefScreen.today, today)
        self.left_section = "summary"
        self._entries: list[Entry] | None = None
        self.matches = Matches()
        self.last_query = ""
        """The last text found, which n and N take up again after esc."""
        self._left_at: Occurrence | None = None
        """The match find was on when esc cleared it."""
        self._focus_before_find: str = "summary"
        self.drawing = False
        """True while a new version is being drawn."""
        self._panes: dict[str, Pane] = {}
        """The panes by section, as they are mounted: a key looks them up here, not by a query of the whole screen."""
        self._columns: dict[str, Widget] = {}
        self._header: BriefHeader | None = None
        self._bar: SectionBar | None = None
        self._footer: KeyFooter | None = None

    @property
    def whole(self) -> Brief:
        """The brief as loaded, nothing cut: what copy, open and details take their text from."""
        assert self.result.brief is not None
        return self.result.brief

    @property
    def entries(self) -> list[Entry]:
        """Every section part and item, for find and the palette."""
        if self._entries is None:
            from briefing.present.outline import outline

            self._entries = outline(self.brief)
        return self._entries

    def compose(self) -> ComposeResult:
        heading = Heading(display_path(self.path), self._reference(), self.position, self.read_only, self.historic)
        self._header, self._bar = BriefHeader(heading, id="brief-header"), SectionBar(id="sections")
        yield self._header
        yield self._bar
        self._columns = {column_id: Column(id=column_id) for column_id in COLUMN_SECTIONS}
        summary = SummaryPane(self.brief, self._given_today(), self.thresholds).data_bind(BriefScreen.changes)
        self._panes = {summary.SECTION: summary}
        with Horizontal(id="columns"):
            with self._columns["left"]:
                yield summary
            # Quotes and sources: in two columns, shown in the left one's place.
            yield self._columns["middle"]
            yield self._columns["right"]

    def on_mount(self) -> None:
        self.set_reactive(BriefScreen.columns, column_count(self.app.size.width))
        self._arrange()
        # What is read first paints first: the summary's head, then the other panes with the body (in one frame: a
        # frame of its own for the body cost the whole screen 30-70 ms more).
        self.call_later(self._mount_the_rest)

    @on(Show)
    async def show_result(self, message: Show) -> None:
        """Show a new good version of the file, keeping the section, the cursor and any find."""
        result = message.result
        assert result.brief is not None
        self.result = result
        self.brief = for_display(result.brief)
        self._entries = None
        self.hide_problems()
        self.drawing = True
        try:
            await self._draw(self.brief)
        finally:
            self.drawing = False
        self.mark_changes(message.changes)

    async def _draw(self, brief: Brief) -> None:
        # Rebuilding the panes moves focus as widgets go; put it back where the reader was.
        section, left_section = self.section, self.left_section
        for pane in list(self._panes.values()):
            await pane.show_brief(brief)
        self.section, self.left_section = section, left_section
        self._search_again()
        self._arrange()
        if self.ready and not isinstance(self.focused, Input):
            self.set_focus(self._pane(self.section).focus_target)

    async def show_problems(self, heading: str, problems: tuple[Problem, ...], text: str | None = None) -> None:
        """Keep the brief on screen, with the problems of the file's new version (``text``) below it."""
        from briefing.ui.screens.errors import ProblemsPanel

        panels = self.query(ProblemsPanel)
        if panels:
            panel = panels.first()
        else:
            panel = ProblemsPanel()
            await self.mount(panel, after=self.query_one("#columns"))
        panel.show(heading, problems, text)
        self.query_one(BriefHeader).say(problems=len(problems) or 1)

    def hide_problems(self) -> None:
        from briefing.ui.screens.errors import ProblemsPanel

        for panel in self.query(ProblemsPanel):
            panel.hide()
        for header in self.query(BriefHeader):
            header.say(problems=0)

    def edit_line(self) -> int | None:
        """The line of the file that holds what the cursor is on; with the problem panel up, the line of its
        selected problem (else its first): the file on disk is the one with the problems."""
        if (panel := self._problems_up()) is not None:
            problem = panel.to_edit()
            return problem.line if problem is not None else None
        pane = self._pane(self.section) if self.ready else None
        if isinstance(pane, SummaryPane):
            return self.result.line_of(pane.part_key())
        if pane is None:
            return None
        index = pane.query_one(ItemList).item_index
        if index is None:
            return self.result.line_of((self.section,))
        path: KeyPath = (self.section, index)
        return self.result.line_of(path)

    def edit_column(self) -> int | None:
        """With the problem panel up, the column of its selected problem, when it has one."""
        panel = self._problems_up()
        problem = panel.to_edit() if panel is not None else None
        return problem.column if problem is not None else None

    def _problems_up(self) -> ProblemsPanel | None:
        """The problem panel, when it is up with problems: `e` then goes to its selected problem."""
        from briefing.ui.screens.errors import ProblemsPanel

        return next((panel for panel in self.query(ProblemsPanel) if panel.shown and panel.problems), None)

    @contextlib.contextmanager
    def _unless_gone(self) -> Iterator[None]:
        """A part mounted after the reader quit, or closed the brief, is dropped: the screen is going."""
        from textual.css.query import NoMatches
        from textual.widget import MountError

        try:
            yield
        except (MountError, NoMatches):
            if self.is_attached and not self.app._exit:  # Textual says it is exiting in no public way
                raise

    async def _mount_the_rest(self) -> None:
        with self._unless_gone():
            await self._mount_panes()

    async def _mount_panes(self) -> None:
        from briefing.ui.panes.confirmations import ConfirmationsPane
        from briefing.ui.panes.itinerary import ItineraryPane
        from briefing.ui.panes.quotes import QuotesPane
        from briefing.ui.panes.sources import SourcesPane
        from briefing.ui.widgets.find import FindBar
        from briefing.ui.widgets.key_footer import KeyFooter

        summary = self.query_one(SummaryPane)
        await summary.mount_key_points()
        await summary.mount_body()
        middle, right = self._columns["middle"], self._columns["right"]
        marks = BriefScreen.changes
        middle_panes = [QuotesPane(self.brief).data_bind(marks), SourcesPane(self.brief).data_bind(marks)]
        await middle.mount_all(middle_panes)
        confirmations = ConfirmationsPane(self.brief, self.today, self.thresholds).data_bind(BriefScreen.today, marks)
        itinerary = ItineraryPane(self.brief, self.today).data_bind(BriefScreen.today, marks)
        await right.mount_all([confirmations, itinerary])
        self._panes.update((pane.SECTION, pane) for pane in [*middle_panes, confirmations, itinerary])
        find_bar = FindBar()
        self._footer = KeyFooter()
        await self.mount_all([find_bar, self._footer])
        self.watch(find_bar, "value", self._find_typed, init=False)
        self._arrange()
        self.post_message(BriefBuilt())
        self.set_timer(LOOK_BACK_AFTER, partial(self.post_message, BriefDrawn()))
        self.set_timer(MEASURE_AHEAD_AFTER, self._measure_hidden_lists)

    def _measure_hidden_lists(self) -> None:
        """Measure the items of long hidden lists now, a batch per frame, so their key brings them at once."""
        shown = self.query_one("#part-0").region.width
        if not shown:
            return
        # A pane's list is as wide as the summary's text, or one more when it needs no scrollbar.
        widths = (shown, shown + 1)
        hidden = [
            items
            for pane in self.query(Pane)
            if not pane.display
            for items in pane.query(ItemList)
            if items.item_count >= MEASURE_AHEAD_MIN_ITEMS
        ]
        batches = itertools.chain.from_iterable(items.measure_ahead(widths) for items in hidden)

        def step() -> None:
            if next(batches, False) is not False:  # None after each batch, False when all are measured
                self.set_timer(0.01, step)

        step()

    def on_resize(self, event: events.Resize) -> None:
        self.columns = column_count(event.size.width)

    def watch_columns(self) -> None:
        self._arrange()

    def watch_section(self) -> None:
        self._arrange()

    def _pane(self, section: str) -> Pane:
        pane = self._panes.get(section)
        return self.query_one(f"#{section}", Pane) if pane is None else pane

    @property
    def ready(self) -> bool:
        """True once every pane is mounted (a frame after the summary)."""
        return "itinerary" in self._panes

    def _visible_sections(self) -> set[str]:
        if self.columns == 1:
            return {self.section}
        if self.columns == 2:
            return {self.left_section, "confirmations", "itinerary"}
        return set(Section)

    def _arrange(self) -> None:
        visible = self._visible_sections()
        for pane in self._panes.values():
            pane.display = pane.id in visible
        for column_id, sections in COLUMN_SECTIONS.items():
            self._columns[column_id].display = bool(visible & sections)
        self.set_class(self.columns == 3, "-three-columns")
        self.set_class(self.columns == 1, "-one-column")
        self._update_bar()

    def drawn(self) -> list[Drawn]:
        """Every piece of text the panes draw, in section order: what find searches."""
        return [piece for section in Section if section in self._panes for piece in self._panes[section].drawn()]

    def _mark_matches(self) -> None:
        pattern, current = self.matches.pattern, self.matches.occurrence
        for pane in self._panes.values():
            pane.mark(pattern, current)

    def _search_again(self) -> None:
        """Find's query in the text as drawn now (a new version, new marks, a new today), staying on the match it
        was on."""
        if self.matches.query:
            self.matches = Matches.search(self.matches.query, self.drawn(), near=self.matches.occurrence)
            self._mark_matches()
            self._update_bar()

    def _reference(self) -> str:
        """The date ages count to, in words: shorter in one column."""
        return wording.reference(None if self.reads_as_of else self.today, self.today, self.columns == 1)

    def _update_bar(self) -> None:
        unshown = Kind.ADDED if self.changes.shown_is_older else Kind.REMOVED
        changed = {Section.SUMMARY if change.section == "brief" else Section(change.section)
                   for change in self.changes.items if change.kind is not unshown}  # fmt: skip
        brief = self.brief
        counts = {Section.QUOTES: len(brief.quotes), Section.CONFIRMATIONS: len(brief.pending),
                  Section.ITINERARY: len(brief.itinerary), Section.SOURCES: len(brief.sources)}  # fmt: skip
        if self._bar is not None and self._header is not None:
            self._bar.show(self.section, self._visible_sections(), self.matches.status(), counts, changed)
            self._header.say(reference=self._reference())

    def mark_changes(self, changes: Changes) -> None:
        """Take ``changes`` as what to mark. Where they mark the same items as those marked now (a first look, or a
        version with no changes since another revision), only the words for the old version differ, and nothing on
        screen is drawn again."""
        if (changes.items, changes.shown_is_older) == (self.changes.items, self.changes.shown_is_older):
            self.set_reactive(BriefScreen.changes, changes)  # the panes bound to it read only the items
        else:
            self.changes = changes
        if self._changes_asked:
            self._changes_asked = False
            if self.app.screen is self:  # not over a dialog opened meanwhile
                self.action_changes()

    def watch_changes(self) -> None:
        self._update_bar()
        self.call_after_refresh(self._search_again)  # the badges moved the text: once the panes have them

    def watch_today(self) -> None:
        self._update_bar()
        for summary in self.query(SummaryPane):
            summary.today = self._given_today()
        self.call_after_refresh(self._search_again)

    def _given_today(self) -> dt.date | None:
        """Today when one was given (the header then says how old the brief is); None when read as of itself."""
        return None if self.reads_as_of else self.today

    def show_section(self, section: str, index: int | None = None) -> None:
        """Bring a section forward and focus it, on item ``index`` if given."""
        if not self.ready:
            self.call_after_refresh(self.show_section, section, index)
            return
        if section in LEFT_SECTIONS:
            self.left_section = section
        if section != self.section:
            self.section = section  # its watcher arranges the panes
        else:
            self._arrange()
        pane = self._pane(section)
        self.set_focus(pane.focus_target)
        if index is None:
            return
        if isinstance(pane, SummaryPane):
            self.call_after_refresh(pane.show_part, index)
        else:
            pane.query_one(ItemList).highlighted = index

    def watch_focused(self, old: Widget | None, new: Widget | None) -> None:
        """The widgets and panes the focus left and entered show it at once, in the frame that shows the key that
        moved it: Textual sets ``has_focus`` (and so the :focus styles) only when the widget handles its Focus and
        Blur events, often a frame later."""
        if old is not None:
            old.has_focus = False
        if new is not None:
            new.has_focus = True
        for widget in (old, new):
            if widget is not None:
                for pane in widget.ancestors_with_self:
                    if isinstance(pane, Pane):
                        pane.show_focus()
                        break
        if self._footer is not None:
            self._footer.keys_changed()
        # Everything the move changed in one frame: the lists' cursors restyled, the panes' borders, the footer.
        asked_now_everywhere(self)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        for pane in event.widget.ancestors_with_self:
            if isinstance(pane, Pane) and pane.id:
                if pane.id in LEFT_SECTIONS:
                    self.left_section = pane.id
                self.section = pane.id
                return

    def action_section(self, section: str) -> None:
        self.show_section(section)

    def _step_section(self, by: int) -> None:
        sections = list(Section)
        position = sections.index(Section(self.section))
        self.show_section(sections[(position + by) % len(sections)])

    def action_next_pane(self) -> None:
        self._step_section(1)

    def action_previous_pane(self) -> None:
        self._step_section(-1)

    @on(OptionList.OptionSelected)
    def open_item(self, event: OptionList.OptionSelected) -> None:
        pane = next((a for a in event.option_list.ancestors if isinstance(a, Pane)), None)
        if pane is None or not isinstance(event.option_list, ItemList) or event.option_list.item_count == 0:
            return
        self.open_detail(pane.SECTION, event.option_index)

    def open_detail(self, section: str, index: int) -> None:
        from briefing.ui.screens.detail import show_detail

        item = self._detail_item(section, index)
        if item is not None:
            show_detail(self.app, item)

    def detail_ahead(self) -> DetailItem | None:
        """A detail to compose the detail dialog with before the first enter (any: the dialog is given the item
        enter is on when it comes): the first item of the first section that has one."""
        brief = self.brief
        counts = {Section.CONFIRMATIONS: len(brief.confirmations), Section.ITINERARY: len(brief.itinerary),
                  Section.QUOTES: len(brief.quotes), Section.SOURCES: len(brief.sources)}  # fmt: skip
        return next((self._detail_item(section, 0) for section, count in counts.items() if count), None)

    def _detail_item(self, section: str, index: int) -> DetailItem | None:
        from briefing.present.copy import item_text
        from briefing.present.links import item_link
        from briefing.ui.screens.detail import DetailItem, detail_of

        shown = detail_of(self.brief, Section(section), index, self.today)
        if shown is None:
            return None
        heading, rows, line = shown
        change = self.changes.of(section, index)
        if change is not None:
            from briefing.present.changes import before_words

            since = self.changes.since
            rows.insert(0, (since[:1].upper() + since[1:], Content.styled(before_words(change), "bold $text-accent")))
        where = f"{display_path(self.path)}:{line}" if line else display_path(self.path)
        text, link = item_text(self.whole, section, index, self.today), item_link(self.whole, section, index)
        editable = self.historic is None
        confirmation = self.whole.confirmations[index] if section == Section.CONFIRMATIONS and editable else None
        return DetailItem(heading, rows, where, text, link, confirmation, line if editable else None)

    def current_item(self) -> tuple[str, int | None]:
        """The section with the cursor, and the item it is on (None in the summary or an empty section)."""
        if not self.ready or self.section == "summary":
            return self.section, None
        return self.section, self._pane(self.section).query_one(ItemList).item_index

    def action_copy(self) -> None:
        from briefing.present.copy import item_text, summary_text

        section, index = self.current_item()
        if index is None:
            if section != "summary":
                self.notify(f"Nothing to copy: no {Section(section).label.lower()}.", markup=False)
                return
            self.post_message(CopyText(summary_text(self.whole), "summary"))
            return
        text = item_text(self.whole, section, index, self.today)
        self.post_message(CopyText(text, Section(section).item.lower()))

    def action_open_link(self) -> None:
        from briefing.present import body_ahead
        from briefing.present.links import item_link

        section, index = self.current_item()
        if section == "summary":
            body = self.whole.summary.body or ""
            links = body_ahead.links(body)
            if links is None:
                from briefing.present.body import body_links

                links = body_links(body)
            if len(links) == 1:
                self.post_message(OpenLink(links[0][1]))
            elif links:
                from briefing.ui.dialogs.links import LinkPicker

                self.app.push_screen(LinkPicker(links), self._open_chosen)
            else:
                self.notify("Nothing to open here: the summary has no links.", markup=False)
            return
        link = item_link(self.whole, section, index) if index is not None else None
        if not link:
            from briefing.present.links import no_link

            self.notify(no_link(self.whole, section, index), markup=False)
            return
        self.post_message(OpenLink(link))

    def _open_chosen(self, url: str | None) -> None:
        if url is not None:
            self.post_message(OpenLink(url))

    def action_find(self) -> None:
        if not self.ready:
            return
        find = self.query_one("#find")
        self._focus_before_find = self.section
        # The bar takes the footer's row while it is open, so no pane changes size (and none is laid out again).
        self._show_find_bar(True)
        self.set_focus(find)  # at once: keys already typed after / find it open (see on_key)

    def on_key(self, event: events.Key) -> None:
        """`/` and what is typed right after it, however fast, go to the find bar (``briefing.ui.typeahead``)."""
        if self.ready:
            from briefing.ui.typeahead import type_ahead

            type_ahead(self, event, self.query_one("#find", Input), "find", self.action_find, self.find_submitted)

    def _close_find(self) -> None:
        self._show_find_bar(False)

    def _show_find_bar(self, shown: bool) -> None:
        from briefing.ui.widgets.key_footer import KeyFooter

        find, footer = self.query_one("#find"), self.query_one(KeyFooter)
        find.display = shown
        footer.display = not shown
        for widget in (find, footer):
            asked_now(widget)  # the bar and the footer trade places in one frame, with the panes' marks

    def _find_typed(self, text: str) -> None:
        # Watched rather than told through Input.Changed, which comes after the frame that shows the key.
        self._find_to(text)
        # The bar, the marks, the section bar and the panes' cursors reach the screen together, for one frame:
        # told as each widget is next idle, the first of them made a frame of their own, 30-50 ms before the rest.
        asked_now_everywhere(self)

    def _find_to(self, text: str) -> None:
        self.matches = Matches.search(text, self.drawn())
        if text:
            self.last_query = text
        self._mark_matches()
        found = self.matches.occurrence
        if found is not None:
            self._show_occurrence(found, focus=False)
        self._update_bar()

    @on(Input.Submitted, "#find")
    def find_submitted(self) -> None:
        if not self.matches.query and self.last_query:
            self._find_to(self.last_query)  # enter on an empty find: the last one again, as in less
        self._close_find()
        found = self.matches.occurrence
        if found is None:
            self.show_section(self._focus_before_find)
        else:
            self._show_occurrence(found)

    def on_find_bar_cancelled(self, event: FindBar.Cancelled) -> None:
        self.action_clear_find()
        self._close_find()
        self.show_section(self._focus_before_find)

    def action_back(self) -> None:
        """esc: clear find's highlights; with none, back to the library (when there is one), or from a past
        version to the history."""
        if self.matches.query:
            self.action_clear_find()
        elif self.historic is not None:
            self.dismiss()
        else:
            self.close()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A past version is read-only: nothing edits it, and it has no history or neighbours of its own. Only a
        read-only brief offers to save a copy."""
        if action == "save_copy":
            return self.read_only or self.historic is not None
        return not (self.historic is not None and action in ("edit", "step", "history", "resolve", "reopen"))

    def action_save_copy(self) -> None:
        from briefing.ui.dialogs.export import SaveCopyForm

        if not (self.read_only or self.historic is not None):
            return
        fingerprint = self.result.fingerprint
        content = fingerprint.data if fingerprint is not None else (self.result.text or "").encode("utf-8")
        suggested = self.app.copy_destination(self.path.name)  # type: ignore[attr-defined]
        opens = self.historic is None
        self.app.push_screen(SaveCopyForm(content, display_path(suggested)), partial(self._copied, opens))

    def _copied(self, opens: bool, path: Path | None) -> None:
        if path is not None and opens:
            # Once the form has gone: the screen it was opened over is then replaced.
            self.app.call_after_refresh(self.post_message, OpenCopy(path))

    def action_changes(self) -> None:
        from briefing.ui.dialogs.changes import ChangesList

        if not self.changes and self.historic is None and self.app.looking_back(self.path):  # type: ignore[attr-defined]
            self._changes_asked = True  # the list opens once they are found
            self.notify("Still finding what changed since you last looked…", markup=False)
            return
        if not self.changes:
            since = self.changes.since or "since you last looked"
            self.notify(f"Nothing has changed {since}.", markup=False)
            return
        self.app.push_screen(ChangesList(self.changes), self._go_to_change)

    def _go_to_change(self, where: tuple[str, int | None] | None) -> None:
        if where is not None:
            self.show_section(*where)

    def action_history(self) -> None:
        self._read_history()

    @work(thread=True, exclusive=True, group="history")
    def _read_history(self) -> None:
        from briefing.library.history import history
        from briefing.system.git import GitError

        try:
            found = history(self.path)
        except GitError as error:
            self.app.call_from_thread(self.notify, f"No history: {error}.", severity="warning", markup=False)
            return
        self.app.call_from_thread(self._show_history, found)

    def _show_history(self, found: History) -> None:
        from briefing.ui.screens.history import HistoryScreen

        self.app.push_screen(HistoryScreen(found, self._open_revision))

    def _open_revision(self, revision: Revision) -> None:
        """The brief as ``revision`` left it, over the history, marked with what has changed since."""
        from dataclasses import replace

        from briefing.format.diff import compare
        from briefing.ui.screens.history import revision_label

        if revision.after is None or revision.after.brief is None:
            return
        label = revision_label(revision)
        screen = BriefScreen(revision.after, self.path, self.today, self.reads_as_of, self.thresholds, label)
        changes = compare(revision.after.brief, self.whole)
        screen.set_reactive(BriefScreen.changes, replace(changes, since="since then", shown_is_older=True))
        self.app.push_screen(screen)

    def action_clear_find(self) -> None:
        if not self.matches.query:
            return
        self._left_at = self.matches.occurrence
        self.query_one("#find", Input).value = ""
        self.matches = Matches()
        self._mark_matches()
        self._update_bar()

    def _show_occurrence(self, found: Occurrence, focus: bool = True) -> None:
        """Bring find's match ``found`` on screen: its section forward, the cursor on its item."""
        piece = found.drawn
        if piece.section in LEFT_SECTIONS:
            self.left_section = piece.section
        self.section = piece.section
        self._arrange()
        pane = self._pane(piece.section)
        if focus:
            self.set_focus(pane.focus_target)
        if isinstance(pane, SummaryPane):
            self.call_after_refresh(pane.show_piece, piece)
        else:
            pane.query_one(ItemList).highlighted = piece.index

    def _step_match(self, by: int) -> None:
        if not self.matches.query:
            if not self.last_query:
                self.notify("Nothing to repeat: press / to find.", severity="warning", markup=False)
                return
            # After esc, n and N take up the last find again where it was left, as in less and vim.
            self.matches = Matches.search(self.last_query, self.drawn(), near=self._left_at)
            if self._left_at is None:
                self.matches.current = -1 if by > 0 else 0  # from the top: n the first, N the last
        found = self.matches.step(by)
        self._mark_matches()
        if found is None:
            self.notify(self.matches.status(), severity="warning", markup=False)
        else:
            self._show_occurrence(found)
        self._update_bar()

    def action_find_next(self) -> None:
        self._step_match(1)

    def action_find_previous(self) -> None:
        self._step_match(-1)
