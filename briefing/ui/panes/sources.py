"""Pane 5: where the brief's facts came from."""

from __future__ import annotations

from collections import Counter

from textual.app import ComposeResult
from textual.content import Content

from briefing.format.model import Brief, Source
from briefing.present.sourcing import citing
from briefing.present.wording import day
from briefing.ui.panes.base import ItemList, Pane


def source_prompt(source: Source, brief: Brief) -> Content:
    """A source as the sources pane lists it: the outlet, its kind and grade in words, the piece, and how much of
    the brief rests on it."""
    parts: list[str | tuple[str, str]] = [(source.outlet, "bold")]
    if source.kind:
        parts += [("  ·  ", "dim"), source.kind.words]
    if source.reliability:
        parts += [("  ·  ", "dim"), (source.reliability.value, "bold"), f" {source.reliability.words}"]
    if source.title:
        parts += ["\n", (source.title, "italic")]
    if source.published:
        parts += ["\n", ("Published ", "dim"), day(source.published)]
    if source.url:
        parts += ["\n", (source.url, "underline $text-accent")]
    citations = citing(brief, source.id)
    if citations:
        counts = Counter(section.item.lower() for section, _index, _words in citations)
        parts += [
            "\n",
            ("Cited by ", "dim"),
            ", ".join(f"{n} {item}{'s' if n > 1 else ''}" for item, n in counts.items()),
        ]
    return Content.assemble(*parts)


class SourcesPane(Pane):
    SECTION = "sources"

    def item_key(self, brief: Brief, index: int) -> object:
        return brief.sources[index].id

    def item_prompts(self) -> list[Content]:
        return [source_prompt(source, self.brief) for source in self.brief.sources]

    def compose(self) -> ComposeResult:
        yield ItemList(self.prompts(), "No sources.")
