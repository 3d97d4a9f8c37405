"""Pane 2: what was said, verbatim, with who said it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content

from briefing.format.model import Quote
from briefing.present.wording import day
from briefing.ui.panes.base import ItemList, Pane


def quote_prompt(quote: Quote) -> Content:
    said = [("  ·  ", "dim"), (day(quote.said_on), "dim")] if quote.said_on else []
    role = [(", ", "dim"), (quote.role, "dim")] if quote.role else []
    translated = [("  ·  translated", "dim italic")] if quote.translated else []
    return Content.assemble(
        (quote.speaker, "bold"), *role, *said, *translated, "\n", ("“", "$accent"), quote.text, ("”", "$accent")
    )


class QuotesPane(Pane):
    SECTION = "quotes"

    def item_prompts(self) -> list[Content]:
        return [quote_prompt(quote) for quote in self.brief.quotes]

    def compose(self) -> ComposeResult:
        yield ItemList(self.prompts(), "No quotes.")
