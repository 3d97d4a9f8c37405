"""Keys acted on one after another, each where the focus is once what the key before it set going is done.

Textual hands each key, as it arrives, to the widget focused at that moment, and acts on a key's binding only
when the key has bubbled up from that widget to the app. Keys typed in a burst after a key that moves the focus
(tab and a date in a form, `c` and the resolution, esc and the keys for the brief) were all handed to the widget
the focus was leaving. Here a key that arrives while the one before it is on its way waits for it, and for what
it set going: the messages on their way up from the focus to the app, and a screen it opened until it is mounted
(its focus then set).

A key is known to be done by a marker posted after it to the widget it was handed to: each widget handles its
messages in order and passes a bubbling message to its parent when done with it, so the marker reaches the app
after the key, wherever the key was stopped.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from textual import events
from textual.message import Message
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.app import App
    from textual.message_pump import MessagePump

HELD_AT_MOST_SECONDS = 1.0
"""The longest a key waits for the one before it: a marker its widget dropped (removed with it in its queue), or a
stream of messages that never lets up, must not hold the keyboard."""
SPIN_LOOKS = 20
"""How many times a waiting key looks again as soon as the app's other tasks have had a turn, before it looks
once a millisecond."""

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
    """Hands the app's keys (and pastes) on in order, each once the one before it is done."""

    def __init__(self, app: App[Any], hand_on: Callable[[InputEvent], Awaitable[None]]) -> None:
        self.app = app
        self.hand_on = hand_on
        """Textual's own handling of a key from the terminal: to the focused widget, or a priority binding."""
        self.waiting: deque[InputEvent] = deque()
        self.following: KeyPassed | None = None
        self._waiter: asyncio.Task[None] | None = None
        """Waits until the next key may go; set until that key has gone."""

    async def take(self, event: InputEvent) -> None:
        """A key from the terminal: handed on now if nothing is on its way, else once it is."""
        if self.waiting or self.following is not None or self._waiter is not None or not self.quiet():
            self.waiting.append(event)
            self._wait()
            return
        await self._hand_on(event)

    def passed(self, marker: KeyPassed) -> None:
        """A marker reached the app: if it is the one followed, its key is done."""
        if marker is self.following:
            self.following = None

    def quiet(self) -> bool:
        """Nothing a key set going is on its way: no message waits for the app, for the focused widget or for any
        widget between it and the app, and the screen on top is mounted."""
        app = self.app
        screen = app.screen
        if not screen.is_mounted:
            return False
        return all(node._message_queue.empty() for node in (app.focused or screen).ancestors_with_self)

    def done(self) -> bool:
        """Whether the key followed is done (or cannot come back) and the app is quiet."""
        following = self.following
        return (following is None or following.lost()) and self.quiet()

    def close(self) -> None:
        if self._waiter is not None:
            self._waiter.cancel()
            self._waiter = None
        self.waiting.clear()

    async def _hand_on(self, event: InputEvent) -> None:
        app = self.app
        target = app.focused or app.screen
        await self.hand_on(event)
        if event.is_forwarded:
            marker = KeyPassed()
            marker.holder = target
            if target.post_message(marker):
                self.following = marker

    def _wait(self) -> None:
        if self._waiter is None:
            self._waiter = asyncio.get_running_loop().create_task(self._wait_then_go())

    async def _wait_then_go(self) -> None:
        started = time.monotonic()
        looks = 0
        while not self.done() and time.monotonic() - started < HELD_AT_MOST_SECONDS:
            await asyncio.sleep(0 if looks < SPIN_LOOKS else 0.001)
            looks += 1
        self.following = None
        self.app.call_later(self._next)

    async def _next(self) -> None:
        self._waiter = None
        if self.waiting:
            await self._hand_on(self.waiting.popleft())
        if self.waiting:
            self._wait()
