"""The summary's Markdown body, parsed so that what is drawn is as clean as the rest of the brief.

The loader cleans the body's text, but Markdown decodes character references afterwards:
``&#x202E;`` becomes a right-to-left override, ``&#x1b;`` an escape. Every renderer of the body (the
app, ``briefing show``, the HTML and Markdown exports) takes its tokens from here, cleaned after
decoding, with headings moved down to sit inside the Summary.
"""

from __future__ import annotations

import functools
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


MARKDOWN_BUDGET = 700_000
"""How much work a body's Markdown may take, in characters of plain prose (markdown-it reads one in about a third
of a microsecond): about a quarter of a second. What follows is plain text."""
_COSTLY = {"[": 90, "!": 40, "*": 30, "<": 25, "&": 20, "|": 15, "`": 9, "\\": 8, "\n": 45}
"""What a character costs markdown-it, in characters of prose, beyond its own: measured, then rounded up (a
``[`` takes it about ten microseconds)."""


class CleanMarkdownIt(MarkdownIt):
    """A markdown-it parser whose tokens are cleaned after character references are decoded, and which reads at
    most a MARKDOWN_BUDGET's worth as Markdown (whole lines): what follows is one paragraph of plain text."""

    def parse(self, src: str, env: Any = None) -> list[Token]:
        head, tail = _bounded(src)
        tokens = super().parse(head, env)
        if tail:
            tokens += _plain_paragraphs(tail)
        clean_tokens(tokens)
        return tokens


def _cost(text: str) -> int:
    return len(text) + sum(text.count(character) * extra for character, extra in _COSTLY.items())


def _bounded(src: str) -> tuple[str, str]:
    """``src`` cut at a line's end where its Markdown would cost more than MARKDOWN_BUDGET: what is read as
    Markdown, and the rest (a single line beyond the budget is cut where the budget runs out)."""
    if _cost(src) <= MARKDOWN_BUDGET:
        return src, ""
    # Whole chunks while they fit (str.count runs at C speed), then line by line within the chunk that does not.
    spent, start, chunk = 0, 0, 8192
    while start < len(src) and spent + (cost := _cost(src[start : start + chunk])) <= MARKDOWN_BUDGET:
        spent, start = spent + cost, start + chunk
    line_start = src.rfind("\n", 0, start) + 1
    spent -= _cost(src[line_start:start])
    start = line_start
    while start < len(src):
        end = src.find("\n", start)
        end = len(src) if end < 0 else end + 1
        line_cost = _cost(src[start:end])
        if spent + line_cost > MARKDOWN_BUDGET:
            if start == 0:  # one enormous first line: as much of it as the budget allows
                start = min(end, max(1, (MARKDOWN_BUDGET * end) // max(1, line_cost)))
            return src[:start], src[start:]
        spent += line_cost
        start = end
    return src, ""


def _plain_paragraphs(text: str) -> list[Token]:
    """``text`` as one paragraph of plain text, its line breaks kept (no Markdown read in it), marked
    ``meta["plain"]`` so a renderer can tell."""
    from markdown_it.token import Token

    words = Token("text", "", 0, content=text.strip("\n"))
    inline = Token("inline", "", 0, content=words.content, children=[words])
    return [Token("paragraph_open", "p", 1, meta={"plain": True}), inline, Token("paragraph_close", "p", -1)]


def app_parser() -> MarkdownIt:
    """The parser the app reads a body with: tables and strikethrough as on GitHub, no raw HTML run, cleaned."""
    return CleanMarkdownIt("gfm-like", {"linkify": False})


@functools.lru_cache(maxsize=8)
def _app_tokens(markdown: str) -> tuple[Token, ...]:
    return tuple(app_parser().parse(markdown))


def body_tokens(markdown: str) -> tuple[Token, ...]:
    """The app's tokens of a body, parsed once (the screen, find and `o` share them). Read them; never change
    them."""
    return _app_tokens(markdown)


@functools.lru_cache(maxsize=8)
def body_links(markdown: str) -> list[tuple[str, str]]:
    """The links of a Markdown body, in order, as (text, URL), each once: what `o` offers in the summary. Parsed
    once per body."""
    links: list[tuple[str, str]] = []
    for block in body_tokens(markdown):
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
