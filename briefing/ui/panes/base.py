"""What every pane shares: a bordered box with a numbered title and a keyboard-driven list."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Literal, cast

from rich.cells import cell_len
from textual import events, on
from textual.containers import Vertical
from textual.content import Content
from textual.css.styles import RulesMap
from textual.geometry import Region
from textual.reactive import reactive
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing.format.diff import Change, Changes, Kind
from briefing.format.model import Brief
from briefing.present.outline import Drawn, Occurrence
from briefing.present.sections import Section
from briefing.session import NO_DATE
from briefing.ui.facts import cut_at, fact_spans, text_width
from briefing.ui.keys import LIST_BINDINGS
from briefing.ui.next_frame import asked_now
from briefing.ui.virtual_size import virtual_size_reactive

MATCH_STYLE = "reverse $warning"
"""How find marks its matches."""
CURRENT_MATCH_STYLE = "bold reverse $success"
"""How find marks the match that n and N are on."""


BADGE_STYLE = {Kind.ADDED: "bold $text-success", Kind.CHANGED: "bold $text-accent", Kind.REMOVED: "bold $text-error"}
BADGE_WORDS = {Kind.ADDED: "● new", Kind.CHANGED: "◆ changed", Kind.REMOVED: "✘ gone now"}
"""On the version shown: new or changed since the reader last looked; on a past version, gone or changed since."""


def badge(change: Change | None, older_shown: bool = False) -> Content:
    """``● new`` or ``◆ changed`` and a space, for an item the reader has not seen as it is; ``◆ changed`` or
    ``✘ gone now`` on a past version; empty for others."""
    if change is None or change.kind is (Kind.ADDED if older_shown else Kind.REMOVED):
        return Content()
    return Content.assemble((BADGE_WORDS[change.kind], BADGE_STYLE[change.kind]), "  ")


def marked(content: Content, pattern: re.Pattern[str] | None, current: int | None = None) -> Content:
    """``content`` with what find's ``pattern`` matches marked, its ``current``-th match (from 0) as the current
    one; as it is when there is no pattern."""
    if pattern is None:
        return content
    shown = content.highlight_regex(pattern, style=MATCH_STYLE)
    if current is not None:
        hit = next(itertools.islice(pattern.finditer(content.plain), current, None), None)
        if hit is not None:
            shown = shown.stylize(CURRENT_MATCH_STYLE, hit.start(), hit.end())
    return shown


Marks = tuple[tuple[tuple[int, int], ...], int | None]
"""Where find marks an item's text: each match's span, and which match is the current one (None: none of them)."""


class _Prompt(Visual):
    """An item's text that remembers how many lines it takes at each width, drawn with find's matches marked and
    its lines of facts cut between facts (`briefing.ui.facts`).

    OptionList measures every item the first time a list is shown; with a thousand items that is
    most of the time a key like `2` takes. Measured ahead, while the reader looks at another pane,
    the list comes forward at once. Marking matches changes no line breaks, so the heights hold
    while the find changes, and only the items on screen are marked, as they are drawn.
    """

    def __init__(self, content: Content, pattern: re.Pattern[str] | None, current: int | None = None) -> None:
        self.content = content
        self.pattern = pattern
        self.current = current
        """Which of the matches in this item is find's current one, if any."""
        self.heights: dict[int, int] = {}
        self._cuts: dict[int, list[tuple[int, int]] | None] = {}
        """Where its lines of facts are cut, by width: marks change no cut."""
        self._marks: tuple[re.Pattern[str] | None, int | None, Marks] | None = None
        """``marks`` as last found, with the pattern and the current match it was found for."""

    @property
    def shown(self) -> Content:
        """The text as drawn: what the find matches marked."""
        return marked(self.content, self.pattern, self.current)

    @property
    def marks(self) -> Marks:
        """Where ``shown`` marks the text: each match, and which of them is the current one."""
        pattern, current = self.pattern, self.current
        if self._marks is None or self._marks[:2] != (pattern, current):
            hits = () if pattern is None else tuple(hit.span() for hit in pattern.finditer(self.content.plain))
            self._marks = (pattern, current, (hits, current if hits else None))
        return self._marks[2]

    def _cut(self, width: int) -> list[tuple[int, int]] | None:
        if width not in self._cuts:
            self._cuts[width] = fact_spans(self.content, width)
        return self._cuts[width]

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        shown = cut_at(self.shown, self._cut(text_width(options.rules, width)))
        return shown.render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.content.get_optimal_width(rules, container_width)

    def get_minimal_width(self, rules: RulesMap) -> int:
        return self.content.get_minimal_width(rules)

    def get_height(self, rules: RulesMap, width: int) -> int:
        height = self.heights.get(width)
        if height is None:
            room = text_width(rules, width)
            lines = self.content.plain.split("\n")
            if room > 0 and "\t" not in self.content.plain and all(cell_len(line) <= room for line in lines):
                height = len(lines)  # every line fits: nothing is cut or wrapped (a list measures all its items)
            else:
                height = cut_at(self.content, self._cut(room)).get_height(rules, width)
            self.heights[width] = height
        return height


class ItemList(OptionList):
    """The items of one section, one option each, divided by rules; vim keys as well as arrows."""

    BINDINGS = [*LIST_BINDINGS]

    virtual_size = virtual_size_reactive()
    """Laid out again only when its scrollbar comes or goes (Textual's `_refresh_scrollbars` asks for that): OptionList
    sets its virtual size as it first draws its items at a width, and a layout for that alone was a frame more."""

    def __init__(self, prompts: Sequence[Content], empty: str) -> None:
        self.empty = empty
        super().__init__(*self._build_options(prompts))
        self.item_count = len(prompts)
        self.prompts = list(prompts)
        self._pattern: re.Pattern[str] | None = None
        self._current: tuple[int, int] | None = None
        """Find's current match, if in this list: the item, and which of its matches."""
        self._drawn_width: int | None = None
        self._drawing = False
        """True while the list draws its lines, its width and its lines checked as the draw began."""

    def on_resize(self, event: events.Resize) -> None:
        # OptionList forgets every line it drew at each Resize, and a list gets one each time it is shown again,
        # at the width it had: it then drew the same lines again a frame after the key that showed it.
        if self.scrollable_content_region.width == self._drawn_width:
            event.prevent_default()

    def _at_width(self) -> None:
        """Forget the lines measured or drawn at another width than the list's now.

        OptionList keys neither its measured lines nor its drawn ones by the width: it forgets them at each Resize.
        A scrollbar that comes and goes between two Resizes (a list that grows a line before its pane does)
        changes the width without one, and the lines drawn with the scrollbar would stay, a column short.
        """
        width = self.scrollable_content_region.width
        if width != self._drawn_width:
            self._option_render_cache.clear()
            self._line_cache.clear()
            self._drawn_width = width

    def _update_lines(self) -> None:
        if self._drawing:
            return  # brought up to date as the draw began: OptionList asks again for every line it draws
        if self.scrollable_content_region:
            self._at_width()
        super()._update_lines()

    def render_lines(self, crop: Region) -> list[Strip]:
        self._update_lines()
        self._drawing = True
        try:
            return super().render_lines(crop)
        finally:
            self._drawing = False

    def _get_option_render(self, option: Option, style: Style) -> list[Strip]:
        if not self._drawing:
            self._at_width()
        return super()._get_option_render(option, style)

    def _build_options(self, prompts: Sequence[Content]) -> list[Option | None]:
        options: list[Option | None] = []
        for prompt in prompts:
            if options:
                options.append(None)
            options.append(Option(prompt))
        if not options:
            options.append(Option(Content.styled(self.empty, "dim italic"), disabled=True))
        return options

    def replace_items(self, prompts: Sequence[Content], highlighted: int | None) -> None:
        """Show new items in place (the widget, and so the focus, stays), the cursor on ``highlighted``."""
        self.set_options(self._build_options(prompts))
        self.item_count = len(prompts)
        self.prompts = list(prompts)
        self.mark(self._pattern, self._current)
        if highlighted is not None and self.item_count:
            self.highlighted = min(highlighted, self.item_count - 1)

    def _move_page(self, direction: Literal[-1, 1]) -> None:
        # A list with no room on screen has no lines laid out: Textual's page move would raise KeyError.
        if self.highlighted is not None and self.highlighted not in self._index_to_line:
            return
        super()._move_page(direction)

    def mark(self, pattern: re.Pattern[str] | None, current: tuple[int, int] | None = None) -> None:
        """Mark what ``pattern`` matches in every item as it is drawn, the ``current`` match (the item, and which
        of its matches) as find's current one; None clears the marks."""
        self._pattern, self._current = pattern, current
        if current is not None and current[0] < self.item_count:
            self._get_visual(self.get_option_at_index(current[0]))  # an item not drawn yet takes the marks now
        changed: set[int] = set()
        for index, option in enumerate(self.options):
            visual = option._visual
            if isinstance(visual, _Prompt) and not option.disabled:
                before = visual.marks
                mine = current[1] if current is not None and current[0] == index and pattern is not None else None
                visual.pattern, visual.current = pattern, mine
                if visual.marks != before:
                    changed.add(id(option))
        if changed:
            # Only the items whose marks changed are drawn again; every measured height still holds.
            cached = list(self._option_render_cache.keys())  # Textual's LRUCache cannot be iterated itself
            for key in cached:
                if id(key[0]) in changed:
                    self._option_render_cache.discard(key)
            self.refresh()

    def shown_prompt(self, index: int) -> Content:
        """Item ``index`` as it is drawn, matches marked."""
        visual = self._get_visual(self.get_option_at_index(index))
        assert isinstance(visual, _Prompt)
        return visual.shown

    def _get_visual(self, option: Option) -> Visual:
        visual = super()._get_visual(option)
        if isinstance(visual, Content):
            # The stand-in for an empty list ("No quotes.") is disabled: find never marks it.
            visual = option._visual = _Prompt(visual, None if option.disabled else self._pattern)
        return visual

    def drawn(self) -> list[str]:
        """Each item's text as drawn (find searches it)."""
        return [prompt.plain for prompt in self.prompts]

    def measure_ahead(self, list_widths: Iterable[int], batch: int = 100) -> Iterator[None]:
        """Measure every item at the widths the list may be shown at, a batch at a time (a step per yield)."""
        padding = self.get_component_styles("option-list--option").padding.width
        rules = cast(RulesMap, self.styles)
        options = list(self.options)
        for start in range(0, len(options), batch):
            for option in options[start : start + batch]:
                visual = self._get_visual(option)
                for width in list_widths:
                    visual.get_height(rules, width - padding)
            yield

    @property
    def item_index(self) -> int | None:
        """The highlighted item, or None when there are no items."""
        return self.highlighted if self.item_count else None


class Pane(Vertical):
    """A section of the brief: a border titled with its number and name; items new or changed since the reader
    last looked carry a badge."""

    SECTION = ""
    COMPONENT_CLASSES = {"pane--focused"}

    virtual_size = virtual_size_reactive()
    """A pane does not scroll (its list or text inside it does) and its size is its column's share: when a layout
    gives it a new virtual size, Textual would lay the whole screen out again for nothing (a frame more at `2`)."""

    changes: reactive[Changes] = reactive(Changes, init=False)
    """What changed since the reader last looked (or since a revision): bound to the screen's."""

    def __init__(self, brief: Brief) -> None:
        super().__init__(id=self.SECTION, classes="pane")
        self.brief = brief
        self.border_title = self._section_title()

    def _section_title(self, style: Style | None = None) -> Content:
        section = Section(self.SECTION)
        title = Content.assemble((f" {section.number} ", "bold"), f"{section.label} ")
        return title if style is None else title.stylize(style)

    @on(events.Mount)
    def _follow_the_theme(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.call_after_refresh(self.show_focus))

    def show_focus(self) -> None:
        """The border and the title in the accent colour while the focus is in this pane (``.pane--focused``).

        Set here, on the pane alone, when the screen's focus moves: Textual would restyle every widget in the pane
        for a :focus-within rule, and draw them all again for the title's colour.
        """
        if not self.is_mounted:
            return
        if self.has_focus_within:
            focused = self.get_component_styles("pane--focused")
            self.styles.border = ("round", focused.color)
            self.border_title = self._section_title(Style(foreground=focused.color, bold=focused.text_style.bold))
        else:
            self.styles.border = None
            self.border_title = self._section_title()
        asked_now(self)  # in the frame of the key that moved the focus, with the other pane's

    def watch_changes(self, old: Changes, new: Changes) -> None:
        if (old.items, old.shown_is_older) != (new.items, new.shown_is_older):
            self.redraw_items()  # not when only the words for "since" differ: the items keep their measured heights

    def redraw_items(self) -> None:
        """Draw the items again in place (a new today, new marks), the cursor where it was."""
        if self.is_mounted:
            for items in self.query(ItemList):
                items.replace_items(self.prompts(), items.highlighted)

    def item_key(self, brief: Brief, index: int) -> object:
        """What identifies item ``index`` across versions of the brief: its position, unless it has an id."""
        return index

    def cursor(self) -> object:
        """Where the cursor is, in terms that survive a new version of the brief."""
        items = self.query(ItemList)
        index = items.first().item_index if items else None
        return None if index is None else self.item_key(self.brief, index)

    def item_prompts(self) -> list[Content]:
        """One prompt per item of this pane's section."""
        return []

    def prompts(self) -> list[Content]:
        """The items' prompts, each after its badge when it is new or changed."""
        prompts = self.item_prompts()
        if not self.changes:
            return prompts
        older = self.changes.shown_is_older
        return [Content.assemble(badge(self.changes.of(self.SECTION, i), older), p) for i, p in enumerate(prompts)]

    async def show_brief(self, brief: Brief) -> None:
        """Show a new version of the brief, keeping the cursor on the same item where it still exists."""
        cursor = self.cursor()
        self.brief = brief
        prompts = self.prompts()
        keys = [self.item_key(brief, index) for index in range(len(prompts))]
        if cursor in keys:
            highlighted: int | None = keys.index(cursor)
        else:
            highlighted = cursor if isinstance(cursor, int) else 0
        self.query_one(ItemList).replace_items(prompts, highlighted)

    @property
    def focus_target(self) -> Widget:
        return self.query_one(ItemList)

    def drawn(self) -> list[Drawn]:
        """The text of every item, as drawn, for find."""
        return [Drawn(self.SECTION, index, text) for items in self.query(ItemList) for index, text in
                enumerate(items.drawn())]  # fmt: skip

    def mark(self, pattern: re.Pattern[str] | None, current: Occurrence | None = None) -> None:
        """Highlight what find matches, the ``current`` match apart; None clears the highlights."""
        here = (
            (current.drawn.index, current.nth)
            if current is not None and current.drawn.section == self.SECTION
            else None
        )
        for items in self.query(ItemList):
            items.mark(pattern, here)


class DatedPane(Pane):
    """A pane whose items are worded against a date (ages, where a stop stands): bound to the screen's today, and
    drawn again when that moves."""

    today: reactive[dt.date] = reactive(NO_DATE, init=False)

    def __init__(self, brief: Brief, today: dt.date) -> None:
        super().__init__(brief)
        self.set_reactive(DatedPane.today, today)

    def watch_today(self, before: dt.date, today: dt.date) -> None:
        # Textual calls a bound reactive's watcher as the binding sets it, to the date the pane was made with: every
        # item was built and measured twice.
        if today != before:
            self.redraw_items()
