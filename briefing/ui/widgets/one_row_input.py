"""A text box one row high across its container, whose text scrolls inside it."""

from __future__ import annotations

from textual.widgets import Input

from briefing.ui.virtual_size import virtual_size_reactive


class OneRowInput(Input):
    """Textual's Input, laid out only when its own size changes, not at every key.

    Input sets its virtual size to its text's width at each key, and Textual lays the whole screen out again for it
    (15 ms at 120x40, in a frame of its own after the frame of whatever the key changed). A box whose size does not
    follow its text needs none of that: its text scrolls inside it by the virtual size alone."""

    virtual_size = virtual_size_reactive()
