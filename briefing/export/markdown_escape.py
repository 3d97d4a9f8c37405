"""Plain text written as Markdown that shows exactly that text: no formatting, no HTML, no links."""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|#~&])")


def escape(text: str) -> str:
    """Plain text as Markdown that shows exactly that text."""
    escaped = _SPECIAL.sub(r"\\\1", text)
    escaped = re.sub(r"^(\s*)([-+=])", r"\1\\\2", escaped, flags=re.MULTILINE)
    return re.sub(r"^(\s*\d+)([.)])(?=\s|$)", r"\1\\\2", escaped, flags=re.MULTILINE)


def cell(text: str) -> str:
    """Plain text for a table cell: escaped, on one line."""
    return " ".join(escape(text).split())
