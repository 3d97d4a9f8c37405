"""The help screen: the keys of the screen it was opened over, as they are bound now (remapped keys too)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.strip import Strip
from textual.visual import Visual

from briefing.ui.backdrop import Dialog
from briefing.ui.keys import HELP_BINDINGS, SCROLL_BINDINGS, HelpRow, hint
from briefing.ui.widgets.body import LineByLine
from briefing.ui.widgets.key_footer import KeyFooter

KEYS_WIDTH = 20
"""The keys' column; what they do wraps beside it."""


class KeysTable(LineByLine):
    """The keys and what they do, two columns laid out once per width: one widget, however many keys."""

    DEFAULT_CSS = "KeysTable { height: auto; }"

    def __init__(self, rows: list[HelpRow]) -> None:
        super().__init__()
        self.rows = rows
        self._laid_out: tuple[int, list[Content]] | None = None

    def _lines(self, width: int) -> list[Content]:
        if self._laid_out is None or self._laid_out[0] != width:
            lines: list[Content] = []
            gap = " " * (KEYS_WIDTH + 2)
            for keys, meaning in self.rows:
                wrapped = Content(meaning).wrap(max(1, width - len(gap)))
                first = Content.styled(keys.ljust(KEYS_WIDTH + 2), "bold $accent")
                lines += [Content.assemble(first if number == 0 else gap, line) for number, line in enumerate(wrapped)]
            self._laid_out = (width, lines)
        return self._laid_out[1]

    def _line_count(self, width: int) -> int:
        return len(self._lines(width)) if width > 0 else 0

    def _line(self, y: int, width: int) -> Strip:
        strips = Visual.to_strips(self, self._lines(width)[y], width, 1, self.visual_style, pad=True)
        return strips[0] if strips else Strip.blank(width, self.rich_style)


class HelpScroll(VerticalScroll):
    BINDINGS = [*SCROLL_BINDINGS]


class HelpScreen(Dialog[None]):
    BINDINGS = [*HELP_BINDINGS]

    def __init__(self, title: str, rows: list[HelpRow]) -> None:
        super().__init__()
        self.title_shown = title
        self.rows = rows

    def compose(self) -> ComposeResult:
        with HelpScroll(id="help") as box:
            box.border_title = Content(f" Keys · {self.title_shown} ")
            yield KeysTable(self.rows)
        yield KeyFooter()  # the keys of this view, over the screen's own

    def on_mount(self) -> None:
        box = self.query_one("#help")
        box.border_subtitle = hint(self, "detail.back")
        box.focus()

    def action_back(self) -> None:
        self.dismiss()
