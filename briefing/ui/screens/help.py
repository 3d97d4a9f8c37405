"""The help screen: the keys of the screen it was opened over, as they are bound now (remapped keys too)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content

from briefing.ui.backdrop import Dialog
from briefing.ui.keys import HELP_BINDINGS, SCROLL_BINDINGS, HelpRow, hint
from briefing.ui.scroll_ahead import scrollbar_ahead
from briefing.ui.widgets.key_footer import KeyFooter
from briefing.ui.widgets.two_columns import Drawing, TwoColumns

KEYS_WIDTH = 20
"""The keys' column; what they do wraps beside it."""
HELPS_KEPT = 8
"""How many help dialogs (one for each screen's keys) are kept for the next ``?``."""


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

    def on_screen_suspend(self) -> None:
        super().on_screen_suspend()
        self.query_one("#help").scroll_home(animate=False, immediate=True)  # kept: shown again from the top

    def action_back(self) -> None:
        self.dismiss()


class KeptHelps:
    """Help dialogs kept installed in the app, by what they list: ``?`` over a screen whose keys were listed before
    shows the same dialog again rather than composing and mounting a new one: its frame comes 18-22 ms after the
    key, not 31-36 (docs/key-latency.md, fourteenth session)."""

    def __init__(self, app: App[Any]) -> None:
        self._app = app
        self._names: dict[tuple[str, tuple[HelpRow, ...]], str] = {}
        """The installed dialogs' names, by their title and rows; the one asked for last, last."""
        self._made = 0

    def name_for(self, title: str, rows: list[HelpRow]) -> str:
        """The name of the installed help dialog titled ``title`` listing ``rows``, made if there is none."""
        key = (title, tuple(rows))
        name = self._names.pop(key, None)
        if name is None:
            self._made += 1
            name = f"help-{self._made}"
            self._app.install_screen(HelpScreen(title, rows), name)
        self._names[key] = name
        for old_key, old_name in list(self._names.items())[: max(0, len(self._names) - HELPS_KEPT)]:
            if self._app.get_screen(old_name) not in self._app.screen_stack:
                del self._names[old_key]
                self._app.uninstall_screen(old_name)
        return name
