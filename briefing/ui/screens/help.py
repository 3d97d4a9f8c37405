"""The help screen: the keys of the screen it was opened over, as they are bound now (remapped keys too)."""

from __future__ import annotations

from functools import lru_cache

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content

from briefing.ui.backdrop import Dialog
from briefing.ui.keys import HELP_BINDINGS, SCROLL_BINDINGS, HelpRow, hint
from briefing.ui.scroll_ahead import scrollbar_ahead
from briefing.ui.widgets.key_footer import KeyFooter
from briefing.ui.widgets.two_columns import Drawing, TwoColumns

KEYS_WIDTH = 20
"""The keys' column; what they do wraps beside it."""


def keys_table(rows: list[HelpRow]) -> TwoColumns:
    """The keys and what they do, two columns: drawn as the last help of the same keys was, where it is the same."""
    table = [(Content.styled(keys, "bold $accent"), Content(meaning)) for keys, meaning in rows]
    return TwoColumns(table, KEYS_WIDTH, drawing=_drawing(tuple(rows)))


@lru_cache(maxsize=8)
def _drawing(rows: tuple[HelpRow, ...]) -> Drawing:
    """The one Drawing of a help of these keys (a screen's keys are the same each time it asks for help)."""
    return Drawing()


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
            yield keys_table(self.rows)
        yield KeyFooter()  # the keys of this view, over the screen's own

    def on_mount(self) -> None:
        box = self.query_one("#help")
        box.border_subtitle = hint(self, "detail.back")
        scrollbar_ahead(box)
        box.focus()

    def action_back(self) -> None:
        self.dismiss()
