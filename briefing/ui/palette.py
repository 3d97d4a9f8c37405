"""What the command palettes list and how they mark a match: shared by the brief's and the library's."""

from __future__ import annotations

from textual.command import Matcher
from textual.content import Content

from briefing.present.outline import Entry

_LABEL_WIDTH = 56


def label(entry: Entry) -> str:
    return short(entry.label)


def _original_offsets(text: str) -> list[int]:
    """For each character of ``text.lower()``, the offset in ``text`` it came from (``İ`` lowers to two)."""
    offsets: list[int] = []
    for offset, character in enumerate(text):
        offsets.extend([offset] * len(character.lower()))
    return offsets


def highlight(matcher: Matcher, text: str) -> Content:
    """Like ``Matcher.highlight``, without reading the text as markup.

    The fuzzy search matches in the lower-cased text, whose offsets move where lowering changes a length.
    """
    content = Content(text)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    original = _original_offsets(text) if len(text.lower()) != len(text) else None
    for offset in sorted(
        {original[offset] if original else offset for offset in offsets if offset < len(original or text)}
    ):
        if not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


def short(text: str, width: int = _LABEL_WIDTH) -> str:
    """``text`` on one line, cut with an ellipsis to ``width``: a palette entry's label."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
