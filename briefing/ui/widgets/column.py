"""A column of the brief's screen: its width a share of the screen's, its height the screen's less the header."""

from __future__ import annotations

from textual.containers import Vertical

from briefing.ui.virtual_size import virtual_size_reactive


class Column(Vertical):
    """Textual's Vertical, not laid out again when a layout gives it a new virtual size.

    A column does not scroll and its size does not follow what it holds; when a pane first shows in it (`2`), the
    layout that shows it gives the column a new virtual size, and Textual would lay the whole screen out again for
    it, in a frame of its own."""

    virtual_size = virtual_size_reactive()
