"""A list to choose from, moved with the keys of every list of the app (j/k, g/G, pages) as well as arrows."""

from __future__ import annotations

from textual.widgets import OptionList

from briefing.ui.keys import LIST_BINDINGS


class Choices(OptionList):
    BINDINGS = [*LIST_BINDINGS]
