"""A body's Markdown tokens as blocks to draw: what each says, with its inline styles named, and how it is set out
(its lead and indent, a heading's level, a table's cells). One pass over the tokens; no Textual: the app turns
each block into styled text and lays it out to the width."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it.token import Token

Part = tuple[str, frozenset[str], str | None]
"""A run of text, the styles it has (``em``, ``strong``, ``s``, ``code``, ``link``, ``image``, ``html``), and the
URL it links to, if it is a link's text."""

TABLE_CELL_CHARS = 40
"""A table cell is cut to this many characters (with an ellipsis): a table line never wraps."""
TABLE_COLUMNS = 24
"""Columns of a table beyond this many are left out, and the table says how many."""


@dataclass(frozen=True)
class Block:
    """One block of the body: ``kind`` is ``heading``, ``text`` (a paragraph, a list item's text, a quote's),
    ``code`` (kept as written, line for line: a fence, an indented block, raw HTML), ``table`` (``rows`` of
    cells; the first is the header), ``rule``, or ``plain`` (the part of a long body read as plain text)."""

    kind: str
    parts: tuple[Part, ...] = ()
    lead: str = ""
    """What goes before its first line (a bullet, a list number, a quote's bar)."""
    indent: str = ""
    """What goes before every other line."""
    level: int = 0
    rows: tuple[tuple[str, ...], ...] = ()
    hidden_columns: int = 0
    space_before: bool = True
    """A blank line above it (not between the items of a tight list)."""

    @property
    def text(self) -> str:
        """What it says, as plain text: what find searches."""
        if self.kind == "table":
            return "\n".join(" │ ".join(row) for row in self.rows)
        return "".join(text for text, _styles, _href in self.parts)


@dataclass
class _List:
    ordered: bool
    number: int
    tight: bool
    marker: str = ""
    """The current item's bullet or number."""
    items: int = 0


@dataclass
class _Context:
    """Where the walk is: the quotes and lists it is inside, and whether a list item's first block is next."""

    quotes: int = 0
    lists: list[_List] = field(default_factory=list)
    item_starts: bool = False

    def indent(self, lists: int | None = None) -> str:
        """The indent of a block inside the quotes and (the first ``lists`` of) the lists."""
        held = self.lists if lists is None else self.lists[:lists]
        return "│ " * self.quotes + "".join(" " * len(held_list.marker) for held_list in held)

    def leads(self) -> tuple[str, str, bool]:
        """The next block's lead, indent, and whether a blank line goes above it."""
        full = self.indent()
        if not self.item_starts:
            return full, full, True
        self.item_starts = False
        inner = self.lists[-1]
        lead = self.indent(len(self.lists) - 1) + inner.marker
        first_of_top_list = inner.items == 1 and len(self.lists) == 1
        return lead, full, not inner.tight or first_of_top_list


def blocks(tokens: Sequence[Token]) -> list[Block]:
    """The blocks of a parsed body, in order."""
    out: list[Block] = []
    context = _Context()
    index = 0
    while index < len(tokens):
        token = tokens[index]
        kind = token.type
        if kind in ("heading_open", "paragraph_open"):
            parts = _inline(tokens[index + 1].children or ())
            lead, indent, spaced = context.leads()
            if kind == "heading_open":
                out.append(Block("heading", parts, lead, indent, level=int(token.tag[1:]), space_before=spaced))
            else:
                plain = bool(token.meta.get("plain"))
                out.append(Block("plain" if plain else "text", parts, lead, indent, space_before=spaced))
            index += 3
            continue
        if kind in ("bullet_list_open", "ordered_list_open"):
            start = int(token.attrs.get("start", 1)) if kind == "ordered_list_open" else 1
            context.lists.append(_List(kind == "ordered_list_open", start, _tight(tokens, index)))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            context.lists.pop()
        elif kind == "list_item_open":
            inner = context.lists[-1]
            inner.marker = f"{inner.number}. " if inner.ordered else "• "
            inner.number += 1
            inner.items += 1
            context.item_starts = True
        elif kind == "blockquote_open":
            context.quotes += 1
        elif kind == "blockquote_close":
            context.quotes -= 1
        elif kind in ("fence", "code_block", "html_block", "hr"):
            lead, indent, spaced = context.leads()
            if kind == "hr":
                out.append(Block("rule", lead=lead, indent=indent, space_before=spaced))
            else:
                style = frozenset({"html" if kind == "html_block" else "code"})
                text = token.content.rstrip("\n")
                out.append(Block("code", ((text, style, None),), lead, indent, space_before=spaced))
        elif kind == "table_open":
            lead, indent, spaced = context.leads()
            index, table = _table(tokens, index, lead, indent, spaced)
            out.append(table)
        index += 1
    return out


def _tight(tokens: Sequence[Token], index: int) -> bool:
    """True when the list opening at ``index`` is tight: markdown-it hides its paragraphs."""
    level = tokens[index].level
    for token in tokens[index + 1 :]:
        if token.type == "paragraph_open" and token.level == level + 2:
            return token.hidden
        if token.level <= level and token.type.endswith("_close"):
            break
    return True


def _inline(children: Iterable[Token]) -> tuple[Part, ...]:
    """The runs of text of an inline token's children, each with its styles and link."""
    parts: list[Part] = []
    styles: list[str] = []
    href: str | None = None
    for child in children:
        kind = child.type
        if kind == "text":
            parts.append((child.content, frozenset(styles), href))
        elif kind == "code_inline":
            parts.append((child.content, frozenset({*styles, "code"}), href))
        elif kind == "softbreak":
            parts.append((" ", frozenset(styles), href))
        elif kind == "hardbreak":
            parts.append(("\n", frozenset(styles), href))
        elif kind in ("em_open", "strong_open", "s_open", "link_open"):
            styles.append(kind.removesuffix("_open"))
            if kind == "link_open":
                href = str(child.attrs.get("href", ""))
        elif kind in ("em_close", "strong_close", "s_close", "link_close"):
            name = kind.removesuffix("_close")
            if name in styles:
                del styles[len(styles) - 1 - styles[::-1].index(name)]
            if kind == "link_close":
                href = None
        elif kind == "image":
            alt = "".join(grandchild.content for grandchild in child.children or ()) or "image"
            parts.append((f"[{alt}]", frozenset({*styles, "image"}), href))
        elif kind == "html_inline":
            parts.append((child.content, frozenset({*styles, "html"}), href))
        elif child.content:
            parts.append((child.content, frozenset(styles), href))
    return _merged(parts)


def _merged(parts: list[Part]) -> tuple[Part, ...]:
    """Neighbouring runs of the same styles and link joined: fewer, longer runs to draw."""
    merged: list[Part] = []
    for text, styles, href in parts:
        if merged and merged[-1][1:] == (styles, href):
            merged[-1] = (merged[-1][0] + text, styles, href)
        elif text:
            merged.append((text, styles, href))
    return tuple(merged)


def _cut(text: str, most: int = TABLE_CELL_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= most else text[: most - 1] + "…"


def _table(tokens: Sequence[Token], index: int, lead: str, indent: str, spaced: bool) -> tuple[int, Block]:
    """The table opening at ``index``: where it ends, and its block (cells cut, columns beyond TABLE_COLUMNS left
    out and counted)."""
    rows: list[tuple[str, ...]] = []
    row: list[str] = []
    widest = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "tr_open":
            row = []
        elif token.type in ("th_open", "td_open"):
            row.append(_cut("".join(part[0] for part in _inline(tokens[index + 1].children or ()))))
        elif token.type == "tr_close":
            widest = max(widest, len(row))
            rows.append(tuple(row[:TABLE_COLUMNS]))
        elif token.type == "table_close":
            break
        index += 1
    hidden = max(0, widest - TABLE_COLUMNS)
    block = Block("table", lead=lead, indent=indent, rows=tuple(rows), hidden_columns=hidden, space_before=spaced)
    return index, block
