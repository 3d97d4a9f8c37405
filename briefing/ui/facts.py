"""Styled text whose lines of facts are cut between facts, as `briefing.present.fact_lines` cuts them."""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

from briefing.present.fact_lines import SEPARATOR, fact_lines

_NEWLINE = Content("\n")
_DIVIDER = Style.from_meta({"briefing-fact-divider": True})
"""Marks the text between two facts that `divider` makes: it draws as nothing but the text."""


def divider(text: str = "  ") -> Content:
    """``text`` put between two facts where it is not the usual ``  ·  ``: the line may be cut there."""
    return Content(text).stylize(_DIVIDER)


def _dividers(content: Content) -> list[tuple[int, int]]:
    return [(span.start, span.end) for span in content.spans if span.style == _DIVIDER]


class Facts(Visual):
    """``content`` drawn as Textual draws Content, but never cut inside a fact (``updated 14`` / ``Jun 2024``)."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self._cut: tuple[int, Content] | None = None

    def __str__(self) -> str:
        return self.content.plain

    def at_width(self, width: int) -> Content:
        """The content with a line break at each place it is cut at ``width`` cells."""
        if self._cut is None or self._cut[0] != width:
            self._cut = (width, cut_between_facts(self.content, width))
        return self._cut[1]

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        return self.at_width(text_width(options.rules, width)).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.content.get_optimal_width(rules, container_width)

    def get_minimal_width(self, rules: RulesMap) -> int:
        return self.content.get_minimal_width(rules)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.at_width(text_width(rules, width)).get_height(rules, width)


def fact_spans(content: Content, width: int) -> list[tuple[int, int]] | None:
    """Where ``content``'s lines are at ``width`` cells (`briefing.present.fact_lines`); None when it holds no two
    facts, and Textual's own wrapping will do."""
    between = _dividers(content)
    if not between and SEPARATOR not in content.plain:
        return None
    return fact_lines(content.plain, width, cell_len, between=between)


def cut_at(content: Content, spans: list[tuple[int, int]] | None) -> Content:
    """``content`` with a line break between each of ``spans`` (from `fact_spans`, of this text or of the same text
    marked otherwise)."""
    return content if spans is None else _NEWLINE.join(content[start:end] for start, end in spans)


def cut_between_facts(content: Content, width: int) -> Content:
    """``content`` with a line break at each place its lines of facts are cut at ``width`` cells."""
    return cut_at(content, fact_spans(content, width))


def text_width(rules: RulesMap, width: int) -> int:
    """The width the text is wrapped to within ``width``: Content leaves its line pad on both sides."""
    return width - 2 * int(rules.get("line_pad", 0))
