"""Keys typed faster than a one-line box opens (`/hanoi⏎` in a burst, or pasted) go into the box.

The keys after the one that opens the box are already on their way to the widget that had the focus; a screen
passes each key it sees to ``type_ahead``, which opens the box at once for its key (instead of the binding, which
comes later) and puts the keys that missed the box into it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import events
from textual.screen import Screen
from textual.widgets import Input


def type_ahead(
    screen: Screen[Any],
    event: events.Key,
    box: Input,
    action: str,
    open_box: Callable[[], None],
    submit: Callable[[], None],
) -> None:
    """Open ``box`` for the key bound to ``action`` (as bound now); put a key that reaches another widget while
    ``box`` has the focus into it (enter: ``submit``)."""
    if not isinstance(screen.focused, Input) and any(
        binding.action == action for binding in screen._bindings.key_to_bindings.get(event.key, ())
    ):
        open_box()
    elif screen.focused is not box or isinstance(event.control, Input):
        return
    elif event.is_printable and event.character is not None:
        box.insert_text_at_cursor(event.character)
    elif event.key == "enter":
        submit()
    elif event.key == "backspace":
        box.action_delete_left()
    else:
        return
    event.stop()
    event.prevent_default()
