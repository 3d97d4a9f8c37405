"""A widget's virtual size without a layout of the whole screen each time it changes.

Textual lays the screen out again whenever a widget's virtual size changes, and a layout gives a widget its
virtual size: every widget shown for the first time (a pane at its key, a dialog) cost one more layout, a frame of
its own after the frame that showed it. That second layout is needed only by a widget whose own size follows its
virtual size, and by one whose scrollbar comes or goes with it; Textual asks for the latter itself
(`Widget._refresh_scrollbars`, after every change of the virtual size). The widgets given `virtual_size_reactive`
are neither: their size is set by their container (a column's share of the screen, a pane's of its column, a list's
of its pane, a one-row box's of its bar), or, for a pane or list as tall as its items, worked out by the layout
from the items, and OptionList asks for that layout itself when its items change.

Tried on a dialog's screen and widgets as well (the help, its scroll, the footer): the first `?` of a session is
still four layouts (a dialog's screen is laid out as it is composed, resumed and mounted), and
`python -m bench.first_keys -n 5`, in turn with the code before, gave 65 and 48 ms against 53 and 58: left out.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive


def virtual_size_reactive() -> Reactive[Size]:
    """Widget.virtual_size, laying nothing out when it changes."""
    return Reactive(Size(0, 0), layout=False)
