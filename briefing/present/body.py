"""The summary's Markdown body, parsed so that what is drawn is as clean as the rest of the brief.

The loader cleans the body's text, but Markdown decodes character references afterwards:
``&#x202E;`` becomes a right-to-left override, ``&#x1b;`` an escape. Every renderer of the body (the
app, ``briefing show``, the HTML and Markdown exports) takes its tokens from here, cleaned after
decoding, with headings moved down to sit inside the Summary.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from markdown_it import MarkdownIt

from briefing.system.sanitize import clean, has_controls

if TYPE_CHECKING:
    from markdown_it.token import Token

BODY_TOP_LEVEL = 3
"""The level the body's own top headings get: below the brief's title and the Summary's heading."""


def clean_tokens(tokens: Iterable[Token]) -> None:
    """Clean, in place, every text, attribute and info string of ``tokens`` and of their children."""
    for token in tokens:
        if token.content and has_controls(token.content):
            token.content = clean(token.content)
        if token.info and has_controls(token.info):
            token.info = clean(token.info)
        for name, value in list(token.attrs.items()):
            if isinstance(value, str) and has_controls(value):
                token.attrs[name] = clean(value)
        if token.children:
            clean_tokens(token.children)


def demote(tokens: list[Token], top: int = BODY_TOP_LEVEL) -> None:
    """Move every heading down, in place, so the highest is level ``top`` (setext headings too)."""
    levels = [int(token.tag[1]) for token in tokens if token.type == "heading_open"]
    if not levels:
        return
    shift = max(0, top - min(levels))
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            level = min(6, int(token.tag[1]) + shift)
            token.tag = f"h{level}"
            token.markup = "#" * level


class CleanMarkdownIt(MarkdownIt):
    """A markdown-it parser whose tokens are cleaned after character references are decoded."""

    def parse(self, src: str, env: Any = None) -> list[Token]:
        tokens = super().parse(src, env)
        clean_tokens(tokens)
        return tokens


def app_parser() -> MarkdownIt:
    """The parser the app's Markdown widget uses: Textual's own preset, cleaned."""
    return CleanMarkdownIt("gfm-like")


def body_links(markdown: str) -> list[tuple[str, str]]:
    """The links of a Markdown body, in order, as (text, URL), each once: what `o` offers in the summary."""
    links: list[tuple[str, str]] = []
    for block in CleanMarkdownIt("commonmark").parse(markdown):
        href: str | None = None
        text = ""
        for token in block.children or ():
            if token.type == "link_open":
                href, text = str(token.attrs.get("href", "")), ""
            elif token.type == "link_close" and href is not None:
                link = (" ".join(text.split()) or href, href)
                if link not in links:
                    links.append(link)
                href = None
            elif href is not None:
                text += token.content
    return links
