"""A file's place (``folder/file.toml:55``) on one line: where it does not fit, its start gives way to ``…``, so the
file's name and line always show and never break across lines."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget


def fitted(where: str, width: int) -> str:
    """``where`` in ``width`` cells, its start cut to ``…`` when it is longer."""
    from rich.cells import cell_len

    if not width or cell_len(where) <= width:
        return where
    tail = where
    while tail and cell_len(tail) > width - 1:
        tail = tail[1:]
    return "…" + tail


class PathLine(Widget):
    """Fitted to its width as it is drawn: a new width draws it again, and never lays the screen out again."""

    DEFAULT_CSS = "PathLine { height: 1; }"

    def __init__(self, where: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.where = where

    @property
    def shown(self) -> str:
        return fitted(self.where, self.size.width)

    def render(self) -> Content:
        return Content.styled(self.shown, "dim")
