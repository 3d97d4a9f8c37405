"""Widgets drawn in the screen's next frame, with whatever else the same key changed."""

from __future__ import annotations

from textual.widget import Widget


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
