"""The Markdown export: the brief as a document to paste into an email, a wiki or a pull request.

A heading per section, quotes as block quotes with their attribution, the
confirmations and the itinerary as tables. Text from the brief is escaped so it
reads as written: a ``*`` or a ``<b>`` in a title stays a character, never
formatting or HTML. The summary's body is Markdown already: it is parsed and
written again (``markdown_body``), so that it renders as it does in the app and
can carry no HTML, no script link, and nothing that runs on into later sections.
"""

from __future__ import annotations

from collections.abc import Iterable

from briefing.export.cells import (
    CONFIRMATION_HEADER,
    STOP_HEADER,
    confirmation_cells,
    outlets,
    source_details,
    stop_cells,
)
from briefing.export.markdown_escape import cell, escape
from briefing.format.model import Brief, Quote, Source
from briefing.present.links import is_web_link
from briefing.present.sections import Section
from briefing.present.wording import day


def _table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> list[str]:
    names = list(header)
    lines = ["| " + " | ".join(names) + " |", "|" + "|".join("---" for _ in names) + "|"]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return lines


def _head(brief: Brief) -> list[str]:
    meta = brief.meta
    lines = [f"# {cell(meta.title)}", ""]
    facts = [f"As of {day(meta.as_of)}"]
    if meta.dateline:
        facts.append(cell(meta.dateline))
    if meta.category:
        facts.append(cell(meta.category))
    if meta.updated:
        facts.append(f"updated {day(meta.updated)}")
    lines.append("*" + " · ".join(facts) + "*")
    if meta.tags:
        lines += ["", "Tags: " + ", ".join(cell(tag) for tag in meta.tags)]
    return lines


def _summary(brief: Brief) -> list[str]:
    summary = brief.summary
    lines = ["## Summary", "", f"**Bottom line:** {escape(summary.bluf)}"]
    if summary.confidence:
        lines += ["", f"Analyst's confidence: {summary.confidence.value}"]
    if summary.key_points:
        lines.append("")
        lines.extend(f"- {cell(point)}" for point in summary.key_points)
    if summary.body and summary.body.strip():
        from briefing.export.markdown_body import body_markdown

        lines += ["", body_markdown(summary.body)]
    return lines


def _quote(brief: Brief, quote: Quote) -> list[str]:
    lines = [f"> {line}" if line else ">" for line in escape(quote.text).split("\n")]
    attribution = [f"**{cell(quote.speaker)}**"]
    if quote.role:
        attribution.append(cell(quote.role))
    if quote.said_on:
        attribution.append(day(quote.said_on))
    lines += [">", "> — " + ", ".join(attribution)]
    notes = []
    if quote.translated:
        notes.append("translated")
    if quote.source:
        notes.append(f"source: {outlets(brief, [quote.source], cell)}")
    if notes:
        lines[-1] += f" ({'; '.join(notes)})"
    if quote.context:
        lines += ["", cell(quote.context)]
    return lines


def _quotes(brief: Brief) -> list[str]:
    lines = ["## Quotes"]
    if not brief.quotes:
        return [*lines, "", "None."]
    for quote in brief.quotes:
        lines += ["", *_quote(brief, quote)]
    return lines


def _confirmations(brief: Brief) -> list[str]:
    lines = [f"## {Section.CONFIRMATIONS.heading}", ""]
    if not brief.confirmations:
        return [*lines, "None."]
    rows = [confirmation_cells(brief, item, cell, " ") for item in brief.confirmations]
    return (
        lines
        + _table(CONFIRMATION_HEADER, rows)
        + ["", f"Ages are counted to the brief's date, {day(brief.meta.as_of)}."]
    )


def _itinerary(brief: Brief) -> list[str]:
    lines = ["## Itinerary", ""]
    if not brief.itinerary:
        return [*lines, "None."]
    rows = [stop_cells(brief, number, stop, cell) for number, stop in enumerate(brief.itinerary, 1)]
    return lines + _table(STOP_HEADER, rows) + ["", "A window marked \\~ is approximate."]


def _source(source: Source) -> str:
    line = f"- **{cell(source.outlet)}**{source_details(source, cell)}"
    if source.url:
        line += f" <{source.url}>" if is_web_link(source.url) else f" — {cell(source.url)}"
    return line


def _sources(brief: Brief) -> list[str]:
    lines = ["## Sources", ""]
    if not brief.sources:
        return [*lines, "None."]
    return lines + [_source(source) for source in brief.sources]


def to_markdown(brief: Brief) -> str:
    parts = (_head, _summary, _quotes, _confirmations, _itinerary, _sources)
    return "\n\n".join("\n".join(part(brief)) for part in parts) + "\n"
