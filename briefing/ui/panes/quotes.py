"""Pane 2: what was said, verbatim, with who said it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content

from briefing.format.model import Brief, Quote
from briefing.present.sourcing import cited
from briefing.present.wording import day
from briefing.ui.panes.base import ItemList, Pane


def quote_prompt(quote: Quote, brief: Brief) -> Content:
    """A quote as the quotes pane lists it: who said it and when, the words, the context and the outlet it came
    through."""
    said = [("  ·  ", "dim"), (day(quote.said_on), "dim")] if quote.said_on else []
    role = [(", ", "dim"), (quote.role, "dim")] if quote.role else []
    translated = [("  ·  translated", "dim italic")] if quote.translated else []
    context: list[str | tuple[str, str]] = ["\n", (quote.context, "italic")] if quote.context else []
    source: list[str | tuple[str, str]] = []
    if quote.source:
        source = ["\n", ("Reported by ", "dim"), cited(brief, [quote.source])]
    return Content.assemble(
        (quote.speaker, "bold"), *role, *said, *translated, "\n", ("“", "$accent"), quote.text, ("”", "$accent"),
        *context, *source,
    )  # fmt: skip


class QuotesPane(Pane):
    SECTION = "quotes"

    def item_prompts(self) -> list[Content]:
        return [quote_prompt(quote, self.brief) for quote in self.brief.quotes]

    def compose(self) -> ComposeResult:
        yield ItemList(self.prompts(), "No quotes.")
