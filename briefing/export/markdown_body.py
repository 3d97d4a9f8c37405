"""The summary's body written again as Markdown that renders as the body and nothing more.

The body is parsed (raw HTML off) and every block is written out afresh: text escaped, headings as
``###`` headings below the Summary, code in fences longer than any run of backticks inside, links
only when they are http(s), images as their alt text. A ``<script>``, a dangling ``<!--``, an
unclosed code fence or a setext heading in the body is written as text or closed where it ends, so
it can neither run nor swallow the sections that follow it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefing.export.markdown_escape import escape
from briefing.present.body import CleanMarkdownIt, demote
from briefing.present.links import is_web_link

if TYPE_CHECKING:
    from markdown_it.token import Token

_INFO = re.compile(r"[\w+#.-]+")


def _longest_run(text: str, character: str) -> int:
    return max((len(run) for run in re.findall(f"{re.escape(character)}+", text)), default=0)


def _code_span(text: str) -> str:
    fence = "`" * (_longest_run(text, "`") + 1)
    # A span's text loses one space at each end where it has one at both and is not all spaces: pad it to keep them.
    spaced = text.startswith(" ") and text.endswith(" ") and bool(text.strip())
    pad = " " if text.startswith("`") or text.endswith("`") or spaced else ""
    return f"{fence}{pad}{text.replace(chr(10), ' ')}{pad}{fence}"


def _em_marks(children: list[Token]) -> dict[int, str]:
    """The mark of each emphasis, by the index of its open and close tokens: ``*``, or ``_`` where a ``*`` would
    touch the mark of an emphasis or strong next to it (``*`` and ``*`` read as ``**``, a strong's mark)."""
    closes: dict[int, int] = {}
    opened: list[int] = []
    for index, token in enumerate(children):
        if token.type == "em_open":
            opened.append(index)
        elif token.type == "em_close" and opened:
            closes[opened.pop()] = index
    marks: dict[int, str] = {}
    for index in sorted(closes):
        close = closes[index]
        touching = {_mark_at(children, index - 1, -1, marks), _mark_at(children, close + 1, 1, marks)}
        marks[index] = marks[close] = "_" if "*" in touching else "*"
    return marks


def _mark_at(children: list[Token], position: int, step: int, marks: dict[int, str]) -> str | None:
    """The mark written for the first token from ``position`` on (going by ``step``) that is not an empty text, if
    it is an emphasis or strong one already marked (markdown-it leaves empty texts where it took a mark's run)."""
    while 0 <= position < len(children) and children[position].type == "text" and not children[position].content:
        position += step
    if not 0 <= position < len(children):
        return None
    if children[position].type in ("strong_open", "strong_close"):
        return "*"
    return marks.get(position)


def _inline(children: list[Token]) -> str:
    parts: list[str] = []
    links: list[str | None] = []
    marks = _em_marks(children)
    for index, token in enumerate(children):
        kind = token.type
        if kind in ("text", "html_inline"):
            parts.append(escape(token.content))
        elif kind == "softbreak":
            parts.append("\n")
        elif kind == "hardbreak":
            parts.append("\\\n")
        elif kind == "code_inline":
            parts.append(_code_span(token.content))
        elif kind in ("em_open", "em_close"):
            parts.append(marks[index])
        elif kind in ("strong_open", "strong_close"):
            parts.append("**")
        elif kind in ("s_open", "s_close"):
            parts.append("~~")
        elif kind == "link_open":
            href = str(token.attrs.get("href", ""))
            links.append(href if is_web_link(href) else None)
            if links[-1] is not None:
                parts.append("[")
        elif kind == "link_close":
            target = links.pop() if links else None
            if target is not None:
                parts.append(f"](<{target}>)")
        elif kind == "image":
            parts.append(escape("".join(child.content for child in token.children or ())))
    return "".join(parts)


def _indented(lines: list[str], first: str, rest: str) -> list[str]:
    return [(first if number == 0 else rest) + line if line else line for number, line in enumerate(lines)]


def _blocks(tokens: list[Token], start: int, end: int, tight: bool = False) -> list[str]:
    """The Markdown lines of the block tokens from ``start`` up to ``end``."""
    lines: list[str] = []
    position = start
    while position < end:
        token = tokens[position]
        kind = token.type
        closing = _closing(tokens, position)
        block: list[str] = []
        if kind == "paragraph_open":
            block = _inline(tokens[position + 1].children or []).split("\n")
        elif kind == "heading_open":
            text = " ".join(_inline(tokens[position + 1].children or []).split("\n"))
            block = [f"{'#' * int(token.tag[1])} {text}".rstrip()]
        elif kind in ("fence", "code_block"):
            body = token.content.removesuffix("\n")
            fence = "`" * max(3, _longest_run(body, "`") + 1)
            info = token.info.split()[0] if token.info.split() else ""
            block = [
                fence + (info if _INFO.fullmatch(info) else ""),
                *(body.split("\n") if token.content else []),
                fence,
            ]
        elif kind == "hr":
            block = ["* * *"]
        elif kind == "blockquote_open":
            block = [f"> {line}" if line else ">" for line in _blocks(tokens, position + 1, closing)] or [">"]
        elif kind in ("bullet_list_open", "ordered_list_open"):
            block = _list(tokens, position, closing)
        elif kind == "table_open":
            block = _table(tokens, position, closing)
        if lines and block and not tight:
            lines.append("")
        lines.extend(block)
        position = closing + 1
    return lines


def _closing(tokens: list[Token], position: int) -> int:
    """The index of the token that closes the one at ``position`` (itself, for a token with no pair)."""
    if tokens[position].nesting != 1:
        return position
    depth = 0
    for index in range(position, len(tokens)):
        depth += tokens[index].nesting
        if depth == 0:
            return index
    return len(tokens) - 1


def _list(tokens: list[Token], position: int, closing: int) -> list[str]:
    ordered = tokens[position].type == "ordered_list_open"
    number = int(tokens[position].attrs.get("start", 1))
    # markdown-it hides the paragraphs of a tight list's items; those deeper in (in a quote in an item) are not.
    level = tokens[position].level + 2
    tight = all(
        token.hidden for token in tokens[position:closing] if token.type == "paragraph_open" and token.level == level
    )
    lines: list[str] = []
    item = position + 1
    while item < closing:
        end = _closing(tokens, item)
        marker = f"{number}. " if ordered else "- "
        content = _blocks(tokens, item + 1, end, tight=tight) or [""]
        if lines and not tight:
            lines.append("")
        lines.extend(_indented(content, marker, " " * len(marker)))
        if not content[0]:
            lines[-len(content)] = marker.rstrip()
        number += 1
        item = end + 1
    return lines


def _table(tokens: list[Token], position: int, closing: int) -> list[str]:
    rows: list[list[str]] = []
    for index in range(position, closing):
        token = tokens[index]
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and rows:
            rows[-1].append(" ".join(_inline(token.children or []).split()))
    if not rows:
        return []
    width = max(len(row) for row in rows)
    padded = [row + [""] * (width - len(row)) for row in rows]
    head, *body = padded
    return ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"] + [
        "| " + " | ".join(row) + " |" for row in body
    ]


def body_markdown(body: str) -> str:
    """The body as Markdown that renders as the body, headings below the Summary's."""
    parser = CleanMarkdownIt("commonmark", {"html": False}).enable("table").enable("strikethrough")
    tokens = parser.parse(body)
    demote(tokens)
    return "\n".join(_blocks(tokens, 0, len(tokens)))
