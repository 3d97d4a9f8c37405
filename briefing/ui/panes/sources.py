"""Pane 5: where the brief's facts came from."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content

from briefing.format.model import Brief, Source
from briefing.present.wording import day
from briefing.ui.panes.base import ItemList, Pane


def source_prompt(source: Source) -> Content:
    parts: list[str | tuple[str, str]] = [(source.outlet, "bold")]
    if source.kind:
        parts += [("  ·  ", "dim"), source.kind.words]
    if source.reliability:
        parts += [("  ·  reliability ", "dim"), (source.reliability.value, "bold")]
    parts += [("  ·  id ", "dim"), (source.id, "dim")]
    if source.title:
        parts += ["\n", (source.title, "italic")]
    if source.published:
        parts += ["\n", ("Published ", "dim"), day(source.published)]
    if source.url:
        parts += ["\n", (source.url, "underline $text-accent")]
    return Content.assemble(*parts)


class SourcesPane(Pane):
    SECTION = "sources"

    def item_key(self, brief: Brief, index: int) -> object:
        return brief.sources[index].id

    def item_prompts(self) -> list[Content]:
        return [source_prompt(source) for source in self.brief.sources]

    def compose(self) -> ComposeResult:
        yield ItemList(self.prompts(), "No sources.")
