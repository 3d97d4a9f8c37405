"""A brief as Rich renderables, for ``briefing show``: every section, laid out to a width.

Text from the brief goes in as ``rich.text.Text`` (never markup) and the body
through Rich's Markdown with hyperlinks shown as text, so nothing in a brief
can style the output or send a sequence to the terminal.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from briefing.format.model import Brief, Confirmation, ConfirmationStatus, Quote, Source, Stop
from briefing.present.ages import Thresholds
from briefing.present.sections import Section
from briefing.present.wording import day, days, place, stop_window

if TYPE_CHECKING:
    from rich.markdown import Markdown

STATUS_STYLE = {
    ConfirmationStatus.PENDING: "bold yellow",
    ConfirmationStatus.CONFIRMED: "bold green",
    ConfirmationStatus.DENIED: "bold red",
}


def _heading(title: str) -> Rule:
    return Rule(Text(title, style="bold"), align="left", style="dim")


def _none(what: str) -> Text:
    return Text(f"No {what}.", style="dim italic")


def header(brief: Brief, today: dt.date | None = None, thresholds: Thresholds | None = None) -> RenderableType:
    """The title, then the facts: how old the brief is and whether it is stale when ``today`` is given."""
    from briefing.present.ages import ago, is_stale

    meta = brief.meta
    facts = [f"As of {day(meta.as_of)}"]
    if today is not None:
        facts[0] += f" ({ago(meta.as_of, today)})"
        if is_stale(brief, today, thresholds or Thresholds()):
            facts.append("⚠ stale, still pending")
    facts += [value for value in (meta.dateline, meta.category) if value]
    if meta.updated:
        facts.append(f"updated {day(meta.updated)}")
    lines: list[RenderableType] = [Text(meta.title, style="bold"), Facts(Text(FACTS.join(facts), style="dim"))]
    if meta.tags:
        lines.append(Text("Tags: " + ", ".join(meta.tags), style="dim"))
    return Group(*lines)


def summary(brief: Brief) -> RenderableType:

    part = brief.summary
    parts: list[RenderableType] = [Text.assemble(("Bottom line: ", "bold"), part.bluf)]
    if part.confidence:
        parts.append(Text.assemble(("Analyst's confidence: ", "dim"), part.confidence.value))
    if part.key_points:
        parts += [Text(), _bullets(Text(point) for point in part.key_points)]
    if part.body and part.body.strip():
        parts += [Text(), body_markdown(part.body)]
    return Group(*parts)


def body_markdown(body: str) -> RenderableType:
    """The summary's body for Rich: its tokens cleaned after Markdown decodes character references, and
    its headings below the Summary's."""
    from briefing.present.body import clean_tokens, demote

    markdown = _whole_markdown()(body, hyperlinks=False)
    clean_tokens(markdown.parsed)
    demote(markdown.parsed)
    return markdown


@functools.cache
def _whole_markdown() -> type[Markdown]:
    """Rich's Markdown, its tables' cells folded where they are too wide, not cut short with an ellipsis."""
    from rich.markdown import Markdown, TableElement

    class FoldedTable(TableElement):
        def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
            rows = [self.header.row] if self.header is not None and self.header.row is not None else []
            rows += self.body.rows if self.body is not None else []
            for row in rows:
                for cell in row.cells:
                    cell.content.overflow = "fold"
            yield from super().__rich_console__(console, options)

    class WholeMarkdown(Markdown):
        elements = {**Markdown.elements, "table_open": FoldedTable}

    return WholeMarkdown


def _quote(brief: Brief, quote: Quote) -> RenderableType:
    attribution = Text.assemble("— ", (quote.speaker, "bold"))
    for extra in (quote.role, day(quote.said_on) if quote.said_on else None):
        if extra:
            attribution.append(f", {extra}")
    notes = ["translated"] if quote.translated else []
    if quote.source:
        notes += [f"source: {outlet}" for outlet in brief.outlets([quote.source])]
    if notes:
        attribution.append(f" ({'; '.join(notes)})", style="dim")
    lines: list[RenderableType] = [Text.assemble("“", quote.text, "”", style="italic"), attribution]
    if quote.context:
        lines.append(Text(quote.context, style="dim"))
    return Padding(Group(*lines), (0, 0, 0, 2))


def quotes(brief: Brief) -> RenderableType:
    if not brief.quotes:
        return _none("quotes")
    parts: list[RenderableType] = []
    for quote in brief.quotes:
        if parts:
            parts.append(Text())
        parts.append(_quote(brief, quote))
    return Group(*parts)


def _status(item: Confirmation, today: dt.date, between: str = "\n") -> Text:
    """The status in its colour, then its age while pending, or the day it was resolved."""
    status = Text(item.status.value, style=STATUS_STYLE[item.status])
    age = item.age_days(today)
    if item.status is ConfirmationStatus.PENDING and age is not None:
        status.append(f"{between}{days(age)}", style="dim")
    elif item.resolved_on:
        status.append(f"{between}{day(item.resolved_on)}", style="dim")
    return status


class _ByWidth:
    """``wide`` where there are at least ``min_width`` columns, else ``narrow``."""

    def __init__(self, wide: RenderableType, narrow: RenderableType, min_width: int) -> None:
        self.wide, self.narrow, self.min_width = wide, narrow, min_width

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.wide if options.max_width >= self.min_width else self.narrow


FACTS = " · "
"""What ``show`` puts between two facts on a line."""

TABLE_MIN_WIDTH = 90
"""Narrower than this, confirmations and stops are listed one under another instead of in a table."""


class Facts:
    """A line of facts (``As of 12 Jun 2024 · 2 years ago``) cut between facts where it is too wide, not inside a
    date (`briefing.present.fact_lines`)."""

    def __init__(self, text: Text, *between: int) -> None:
        self.text = text
        self.between = [(at, at + 2) for at in between]
        """Where two spaces divide two facts, as `` · `` does."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from briefing.present.fact_lines import fact_lines

        spans = fact_lines(self.text.plain, options.max_width, cell_len, FACTS, self.between)
        yield Text("\n").join(self.text[start:end] for start, end in spans)


def _stacked(blocks: Iterable[tuple[RenderableType, list[RenderableType]]]) -> RenderableType:
    parts: list[RenderableType] = []
    for head, lines in blocks:
        if parts:
            parts.append(Text())
        parts += [head, Padding(Group(*lines), (0, 0, 0, 3))]
    return Group(*parts)


def _confirmation_block(
    brief: Brief, item: Confirmation, today: dt.date
) -> tuple[RenderableType, list[RenderableType]]:
    head = _status(item, today, FACTS)
    if item.since:
        head.append(f"{FACTS}since {day(item.since)}", style="dim")
    lines: list[RenderableType] = [
        Text(item.what, style="bold"),
        Text.assemble(("Awaited from: ", "dim"), ", ".join(item.awaited_from)),
    ]
    if item.reported_by:
        lines.append(Text.assemble(("Reported by: ", "dim"), ", ".join(brief.outlets(item.reported_by))))
    lines += [Text(extra, style="dim") for extra in (item.note, item.resolution) if extra]
    return Facts(head), lines


def confirmations(brief: Brief, today: dt.date) -> RenderableType:
    if not brief.confirmations:
        return _none("confirmations")
    stacked = _stacked(_confirmation_block(brief, item, today) for item in brief.confirmations)
    table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False, pad_edge=False)
    table.add_column("Status", no_wrap=True)
    table.add_column("What", ratio=3, overflow="fold")
    table.add_column("Awaited from", ratio=2, overflow="fold")
    table.add_column("Since", no_wrap=True)
    table.add_column("Reported by", ratio=1, overflow="fold")
    for item in brief.confirmations:
        what = Text(item.what)
        for extra in (item.note, item.resolution):
            if extra:
                what.append(f"\n{extra}", style="dim")
        table.add_row(
            _status(item, today),
            what,
            Text(", ".join(item.awaited_from)),
            day(item.since) if item.since else "",
            Text(", ".join(brief.outlets(item.reported_by))),
        )
    return _ByWidth(table, stacked, TABLE_MIN_WIDTH)


def _waits_on(brief: Brief, stop: Stop, between: str = "\n") -> Text:
    waits_on = Text()
    if stop.confirmation:
        waited = brief.confirmation(stop.confirmation)
        if waited:
            waits_on.append(waited.what)
            waits_on.append(between)
            waits_on.append(waited.status.value, style=STATUS_STYLE[waited.status])
        else:
            waits_on.append(stop.confirmation)
    return waits_on


def _standing(brief: Brief, stop: Stop, today: dt.date, is_next: bool) -> Text:
    """Where the stop stands on ``today``: past, now, next, or passed while still unconfirmed."""
    from briefing.present.timing import stop_flagged, tag

    flagged = stop_flagged(brief, stop, today)
    return Text(tag(stop.start, stop.end, today, is_next, flagged), style="bold red" if flagged else "dim")


def _stop_block(brief: Brief, number: int, stop: Stop, standing: Text) -> tuple[RenderableType, list[RenderableType]]:
    head = Text.assemble((f"{number}. ", "bold"), (place(stop), "bold"))
    flag = len(head)
    if standing:
        head.append("  ")
        head.append(standing)
    window = Text(stop_window(stop) or "dates not reported", style="" if stop_window(stop) else "dim italic")
    when = len(window)
    if stop.when:
        window.append(f"  “{stop.when}”", style="dim")
    lines: list[RenderableType] = [
        Facts(window, when) if stop.when else window,
        Text(", ".join([*([stop.certainty.words] if stop.certainty else []), stop.status.value])),
    ]
    if stop.purpose:
        lines.append(Text(stop.purpose, style="dim"))
    if stop.confirmation:
        lines.append(Facts(Text.assemble(("Waits on: ", "dim"), _waits_on(brief, stop, FACTS))))
    return (Facts(head, flag) if standing else head), lines


def itinerary(brief: Brief, today: dt.date) -> RenderableType:
    from briefing.present.timing import brief_next_index

    if not brief.itinerary:
        return _none("itinerary")
    following = brief_next_index(brief.itinerary, today)
    standings = [_standing(brief, stop, today, index == following) for index, stop in enumerate(brief.itinerary)]
    stacked = _stacked(
        _stop_block(brief, number, stop, standing)
        for number, (stop, standing) in enumerate(zip(brief.itinerary, standings, strict=True), 1)
    )
    table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False, pad_edge=False)
    table.add_column("#", no_wrap=True, justify="right")
    table.add_column("Place", ratio=2, overflow="fold")
    table.add_column("Window", ratio=2, overflow="fold")
    table.add_column("Likelihood", ratio=1, overflow="fold")
    table.add_column("Waits on", ratio=2, overflow="fold")
    for number, stop in enumerate(brief.itinerary, 1):
        window = Text(stop_window(stop) or "not reported", style="" if stop_window(stop) else "dim italic")
        if stop.when:
            window.append(f"\n“{stop.when}”", style="dim")
        if standings[number - 1]:
            window.append("\n")
            window.append(standings[number - 1])
        likelihood = Text(stop.certainty.words if stop.certainty else "")
        likelihood.append(("\n" if stop.certainty else "") + stop.status.value, style="dim")
        waits_on = _waits_on(brief, stop)
        place_text = Text(place(stop), style="bold")
        if stop.purpose:
            place_text.append(f"\n{stop.purpose}", style="not bold dim")
        table.add_row(str(number), place_text, window, likelihood, waits_on)
    note = Text("~ marks an approximate window.", style="dim")
    return Group(_ByWidth(table, stacked, TABLE_MIN_WIDTH), note)


def _source(source: Source) -> Text:
    line = Text(source.outlet, style="bold")
    if source.kind:
        line.append(f" ({source.kind.words})")
    if source.title:
        line.append(f": {source.title}")
    if source.published:
        line.append(f", {day(source.published)}")
    if source.reliability:
        line.append(f"; reliability {source.reliability.value} ({source.reliability.words})", style="dim")
    if source.url:
        line.append(f"\n{source.url}", style="underline")
    return line


def _bullets(items: Iterable[Text]) -> Table:
    """One item per row, each after a bullet, wrapped lines indented under the first."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for item in items:
        grid.add_row("•", item)
    return grid


def sources(brief: Brief) -> RenderableType:
    if not brief.sources:
        return _none("sources")
    return _bullets(_source(source) for source in brief.sources)


_SECTIONS: dict[Section, Callable[[Brief, dt.date], RenderableType]] = {
    Section.SUMMARY: lambda brief, _today: summary(brief),
    Section.QUOTES: lambda brief, _today: quotes(brief),
    Section.CONFIRMATIONS: confirmations,
    Section.ITINERARY: itinerary,
    Section.SOURCES: lambda brief, _today: sources(brief),
}


def section(brief: Brief, name: str, today: dt.date) -> RenderableType:
    """One section of the brief, by its id; ValueError for a word that names none."""
    return _SECTIONS[Section(name)](brief, today)


def brief_renderables(
    brief: Brief,
    sections: Iterable[Section] = tuple(Section),
    today: dt.date | None = None,
    thresholds: Thresholds | None = None,
) -> Iterator[RenderableType]:
    """The header, then each section under its heading, with a blank line between. ``today``: the date ages
    count to and stops are placed by (None: the brief's as_of)."""
    yield header(brief, today, thresholds)
    today = today or brief.meta.as_of
    for name in sections:
        yield Text()
        yield _heading(name.heading)
        yield section(brief, name, today)


def plain_console(width: int) -> Console:
    """A console that writes text alone, ``width`` columns wide: no colour, no escape of any kind."""
    return Console(width=width, color_system=None, highlight=False, emoji=False, force_terminal=False)


def show_text(
    console: Console,
    brief: Brief,
    sections: Iterable[Section] = tuple(Section),
    today: dt.date | None = None,
    thresholds: Thresholds | None = None,
) -> str:
    """What ``briefing show`` writes: `brief_renderables` printed by ``console``; with no colour, each line's
    trailing spaces dropped."""
    with console.capture() as captured:
        for renderable in brief_renderables(brief, sections, today, thresholds):
            console.print(renderable)
    output = captured.get()
    if console.color_system is None:
        output = "\n".join(line.rstrip() for line in output.split("\n"))
    return output
