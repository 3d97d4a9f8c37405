"""Keys acted on one after another, each where the focus is once the key before it is done.

Textual hands each key, as it arrives, to the widget focused at that moment, and acts on a key's binding only
when the key has bubbled up from that widget to the app. Keys typed in a burst after a key that moves the focus
(`3jj`, or tab and a date in a form) were all handed to the widget the focus was leaving. Here a key that arrives
while the one before it is still on its way waits, and is handed on once that key has reached the app and the
app has drawn what it did (so a focus it moved is where it moved it).

A key is known to be done by a marker posted after it to the widget it was handed to: each widget handles its
messages in order and passes a bubbling message to its parent when done with it, so the marker reaches the app
after the key, wherever the key was stopped.
"""

from __future__ import annotations

import time
from collections import deque
from typing import TYPE_CHECKING

from textual import events
from textual.message import Message
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.message_pump import MessagePump

HELD_AT_MOST_SECONDS = 1.0
"""The longest a key waits for the one before it while the app is free: a marker its widget dropped (removed with
it in its queue) must not hold the keyboard."""
LOOK_SECONDS = 0.1
"""How often a waiting key checks that the marker it waits for can still come back."""

InputEvent = events.Key | events.Paste


class KeyPassed(Message):
    """Posted after a key to the widget it was handed to; reaching the app, it says the key has been everywhere
    it was going."""

    def __init__(self) -> None:
        super().__init__()
        self.holder: MessagePump | None = None

    def _bubble_to(self, widget: MessagePump) -> None:
        self.holder = widget
        super()._bubble_to(widget)

    def lost(self) -> bool:
        """Whether the widget holding this marker has gone, and the marker with it."""
        holder = self.holder
        if holder is None:
            return True
        if holder._closing or holder._closed:
            return True
        return isinstance(holder, Widget) and not holder.is_attached


class KeyOrder:
    """The keys waiting for the key before them, and the marker following that key."""

    def __init__(self) -> None:
        self.waiting: deque[InputEvent] = deque()
        self.following: KeyPassed | None = None
        self.busy = False
        self.since = 0.0

    def start(self) -> None:
        """A key is handed on; until `done`, the next one waits."""
        self.busy = True
        self.following = None
        self.since = time.monotonic()

    def follow(self, target: MessagePump) -> bool:
        """Post a marker after the key just handed to ``target``; False when the target takes no messages (the key
        did not go anywhere either)."""
        marker = KeyPassed()
        marker.holder = target
        if not target.post_message(marker):
            return False
        self.following = marker
        return True

    def passed(self, marker: KeyPassed) -> bool:
        """Whether ``marker`` is the one followed: the key before the waiting ones has been handled."""
        if marker is not self.following:
            return False
        self.following = None
        return True

    def stuck(self) -> bool:
        """Whether the followed marker can no longer come back (its widget went), or has taken too long."""
        marker = self.following
        if marker is None:
            return False
        return marker.lost() or time.monotonic() - self.since > HELD_AT_MOST_SECONDS
