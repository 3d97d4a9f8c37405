"""The HTML export: one self-contained page, readable on screen and on paper.

No scripts, no external assets (a Content-Security-Policy says so to the
browser too), and every piece of text from the brief is escaped. The summary's
body is Markdown: it is rendered with raw HTML turned off, images left out and
only http(s) links kept, so nothing in it can become markup of its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from briefing.export.cells import (
    CONFIRMATION_HEADER,
    STOP_HEADER,
    confirmation_cells,
    outlets,
    source_details,
    stop_cells,
)
from briefing.format.model import Brief, Confirmation, Quote, Source
from briefing.present.links import is_web_link
from briefing.present.sections import Section
from briefing.present.wording import day

STYLE = """
:root { color-scheme: light dark; --muted: #666; --rule: #ccc; --accent: #0b5cad; }
@media (prefers-color-scheme: dark) { :root { --muted: #aaa; --rule: #444; --accent: #7fb4ff; } }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 60rem;
       margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.8rem; line-height: 1.2; margin-bottom: .25rem; }
h2 { border-bottom: 1px solid var(--rule); padding-bottom: .2rem; margin-top: 2rem; }
.meta, .muted, figcaption, .note { color: var(--muted); }
.bluf { font-size: 1.1rem; }
.whole { white-space: nowrap; }
blockquote p { white-space: pre-line; }
blockquote { margin: 0; padding: .25rem 1rem; border-left: 4px solid var(--accent); font-style: italic; }
figure { margin: 1rem 0; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { border: 1px solid var(--rule); padding: .3rem .5rem; text-align: left; vertical-align: top; }
.pending { color: #b36b00; font-weight: bold; }
.confirmed { color: #1a7f37; font-weight: bold; }
.denied { color: #c62828; font-weight: bold; }
a { color: var(--accent); overflow-wrap: anywhere; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; color: #000; }
  section, figure, tr { break-inside: avoid; }
  a { color: inherit; }
  .body a[href]::after { content: " (" attr(href) ")"; font-size: .85em; }
}
"""

CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


def _text(text: str) -> str:
    return escape(text, quote=True)


def _whole(fact: str) -> str:
    """A short fact of ours (a date and its word) kept on one line: a narrow window wraps before it or after it."""
    return f'<span class="whole">{_text(fact)}</span>'


def render_body(markdown: str) -> str:
    """The summary's Markdown body as HTML, with no raw HTML, no images and http(s) links only, its
    headings below the Summary's."""
    from briefing.present.body import CleanMarkdownIt, demote

    parser = CleanMarkdownIt("commonmark", {"html": False}).disable("image")
    parser.validateLink = is_web_link  # type: ignore[method-assign]
    env: dict[str, object] = {}
    tokens = parser.parse(markdown, env)
    demote(tokens)
    return str(parser.renderer.render(tokens, parser.options, env))


def _table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> list[str]:
    lines = ["<table>", "<thead><tr>" + "".join(f"<th>{name}</th>" for name in header) + "</tr></thead>", "<tbody>"]
    lines.extend("<tr>" + "".join(f"<td>{value}</td>" for value in row) + "</tr>" for row in rows)
    return [*lines, "</tbody>", "</table>"]


def _head(brief: Brief) -> list[str]:
    meta = brief.meta
    facts = [_whole(f"As of {day(meta.as_of)}")]
    facts += [_text(value) for value in (meta.dateline, meta.category) if value]
    if meta.updated:
        facts.append(_whole(f"updated {day(meta.updated)}"))
    lines = ["<header>", f"<h1>{_text(meta.title)}</h1>", f'<p class="meta">{" · ".join(facts)}</p>']
    if meta.tags:
        lines.append(f'<p class="meta">Tags: {", ".join(_text(tag) for tag in meta.tags)}</p>')
    return [*lines, "</header>"]


def _summary(brief: Brief) -> list[str]:
    summary = brief.summary
    lines = ['<section id="summary">', "<h2>Summary</h2>"]
    lines.append(f'<p class="bluf"><strong>Bottom line:</strong> {_text(summary.bluf)}</p>')
    if summary.confidence:
        lines.append(f'<p class="muted">Analyst’s confidence: {summary.confidence.value}</p>')
    if summary.key_points:
        lines += ["<ul>", *(f"<li>{_text(point)}</li>" for point in summary.key_points), "</ul>"]
    if summary.body and summary.body.strip():
        body = render_body(summary.body).rstrip("\n")
        lines += ['<div class="body">', body, "</div>"]
    return [*lines, "</section>"]


def _quote(brief: Brief, quote: Quote) -> list[str]:
    paragraphs = "".join(f"<p>{_text(part)}</p>" for part in quote.text.split("\n\n"))
    attribution = [f"<strong>{_text(quote.speaker)}</strong>"]
    attribution += [_text(quote.role)] if quote.role else []
    attribution += [day(quote.said_on)] if quote.said_on else []
    notes = ["translated"] if quote.translated else []
    if quote.source:
        notes.append(f"source: {outlets(brief, [quote.source], _text)}")
    caption = "— " + ", ".join(attribution) + (f" ({'; '.join(notes)})" if notes else "")
    lines = ["<figure>", f"<blockquote>{paragraphs}</blockquote>", f"<figcaption>{caption}</figcaption>", "</figure>"]
    if quote.context:
        lines.append(f'<p class="note">{_text(quote.context)}</p>')
    return lines


def _quotes(brief: Brief) -> list[str]:
    lines = ['<section id="quotes">', "<h2>Quotes</h2>"]
    if not brief.quotes:
        lines.append('<p class="muted">None.</p>')
    for quote in brief.quotes:
        lines += _quote(brief, quote)
    return [*lines, "</section>"]


def _confirmation_row(brief: Brief, item: Confirmation) -> list[str]:
    cells = confirmation_cells(brief, item, _text, "<br>")
    cells[2] = cells[2].replace(item.status.value, f'<span class="{item.status.value}">{item.status.value}</span>', 1)
    return cells


def _confirmations(brief: Brief) -> list[str]:
    lines = ['<section id="confirmations">', f"<h2>{Section.CONFIRMATIONS.heading}</h2>"]
    if not brief.confirmations:
        return [*lines, '<p class="muted">None.</p>', "</section>"]
    lines += _table(CONFIRMATION_HEADER, (_confirmation_row(brief, item) for item in brief.confirmations))
    lines.append(f'<p class="muted">Ages are counted to the brief’s date, {day(brief.meta.as_of)}.</p>')
    return [*lines, "</section>"]


def _itinerary(brief: Brief) -> list[str]:
    lines = ['<section id="itinerary">', "<h2>Itinerary</h2>"]
    if not brief.itinerary:
        return [*lines, '<p class="muted">None.</p>', "</section>"]
    rows = (stop_cells(brief, number, stop, _text) for number, stop in enumerate(brief.itinerary, 1))
    lines += _table(STOP_HEADER, rows)
    return [*lines, '<p class="muted">A window marked ~ is approximate.</p>', "</section>"]


def _source(source: Source) -> str:
    item = f"<strong>{_text(source.outlet)}</strong>{source_details(source, _text)}"
    if source.url:
        url = _text(source.url)
        item += f' <a href="{url}">{url}</a>' if is_web_link(source.url) else f" {url}"
    return f"<li>{item}</li>"


def _sources(brief: Brief) -> list[str]:
    lines = ['<section id="sources">', "<h2>Sources</h2>"]
    if not brief.sources:
        return [*lines, '<p class="muted">None.</p>', "</section>"]
    return [*lines, "<ul>", *(_source(source) for source in brief.sources), "</ul>", "</section>"]


def page_head(title: str, csp: str = CSP, style: str = STYLE) -> list[str]:
    """A page's lines up to its ``<body>``: its policy, its title (escaped) and its style, all inside."""
    return [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="briefing">',
        f"<title>{_text(title)}</title>",
        f"<style>{style}</style>",
        "</head>",
        "<body>",
    ]


def to_html(brief: Brief, nav: str = "", csp: str = CSP, style: str = STYLE) -> str:
    """The brief as one page; ``nav``: markup of the page's own (a site's links to its other pages), put first;
    ``style``: the page's style sheet (a site's adds its own)."""
    head = [*page_head(brief.meta.title, csp, style), *([nav] if nav else []), "<main>"]
    body: list[str] = []
    for part in (_head, _summary, _quotes, _confirmations, _itinerary, _sources):
        body += part(brief)
    return "\n".join([*head, *body, "</main>", "</body>", "</html>"]) + "\n"
