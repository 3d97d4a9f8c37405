"""Widgets drawn in the screen's next frame, with whatever else the same key changed."""

from __future__ import annotations

from textual.content import Content
from textual.screen import Screen
from textual.visual import VisualType
from textual.widget import Widget
from textual.widgets import Static


def refresh_now(widget: Widget) -> None:
    """``widget.refresh()``, with the screen told at once (``asked_now``)."""
    widget.refresh()
    asked_now(widget)


def asked_now(widget: Widget) -> None:
    """Tell the screen now what ``widget`` has asked of it (drawn again, laid out again), as Textual does when the
    widget is next idle (``Widget._check_refresh``). After a key that changes several widgets, a request that came
    after the screen's next frame waited for the one after: a library's status line a frame behind its list, the
    filter's box a frame behind the list it filters (20-30 ms)."""
    if widget.is_mounted:
        widget._check_refresh()


def asked_now_everywhere(screen: Screen[object]) -> None:
    """``asked_now`` for every widget on ``screen``: what one key changed in many widgets comes in one frame."""
    for widget in screen.walk_children(Widget):
        asked_now(widget)  # a widget with nothing asked tells the screen nothing


def update_in_place(static: Static, content: VisualType) -> None:
    """``static.update(content)``, laid out again only where its size could change: a Static whose size does not
    follow its content (``height: 1`` across its container), or whose text stays the same (find's marks restyle
    words, they never move where a line breaks); not drawn again at all when its words and their styles are as
    they were. Any layout lays out the whole screen: about 15 ms of a key at 120x40, in a frame of its own when it
    came after the key's first frame."""
    before = static.content
    if str(before) == str(content):
        if styled_alike(before, content):
            return
        static.update(content, layout=False)
        return
    static.update(content, layout=static.styles.auto_dimensions)


def styled_alike(one: object, other: object) -> bool:
    """True when ``one`` and ``other`` are Content (or hold it, as `briefing.ui.facts.Facts` does) with the same
    text and styles."""
    one, other = getattr(one, "content", one), getattr(other, "content", other)
    if not (isinstance(one, Content) and isinstance(other, Content)):
        return False
    return one.plain == other.plain and one.spans == other.spans
