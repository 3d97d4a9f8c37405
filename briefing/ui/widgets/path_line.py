"""A file's place (``folder/file.toml:55``) on one line: where it does not fit, its start gives way to ``…``, so the
file's name and line always show and never break across lines."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class PathLine(Static):
    DEFAULT_CSS = "PathLine { height: 1; }"

    def __init__(self, where: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.where = where

    def on_resize(self) -> None:
        self._draw()

    def on_mount(self) -> None:
        self._draw()

    def _draw(self) -> None:
        from rich.cells import cell_len

        width = self.size.width
        shown = self.where
        if width and cell_len(shown) > width:
            tail = shown
            while tail and cell_len(tail) > width - 1:
                tail = tail[1:]
            shown = "…" + tail
        self.update(Content.styled(shown, "dim"))
