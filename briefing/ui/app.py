"""BriefingApp: the brief (or its problems) on screen, and the keys that work everywhere."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.app import App
from textual.screen import Screen

from briefing.load import LoadResult
from briefing.ui.keys import APP_BINDINGS


class BriefingApp(App[None]):
    CSS_PATH = "briefing.tcss"
    BINDINGS = [*APP_BINDINGS]
    TITLE = "briefing"

    def __init__(self, path: Path, result: LoadResult, today: dt.date | None = None) -> None:
        super().__init__()
        self.path = path
        self.result = result
        self.today = today

    def get_default_screen(self) -> Screen[None]:
        brief = self.result.brief
        if brief is None:
            from briefing.ui.errors import ErrorScreen

            return ErrorScreen(self.path, self.result.problems)
        from briefing.ui.brief_screen import BriefScreen

        self.title = brief.meta.title
        return BriefScreen(brief, self.path, self.today or brief.meta.as_of)

    def action_help(self) -> None:
        from briefing.ui.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())
