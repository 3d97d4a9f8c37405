"""The keys at the foot of a screen, drawn as one line in the same frame as what changed them.

Textual's Footer mounts a widget per key, again after every focus change, once the frame after the change is
drawn: its keys came 100-200 ms after the rest of what a key press changes. This footer draws the same line (the
same look as Footer(compact=True), the palette's key at the right), from the screen's active bindings, and is
only drawn again when they change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import events
from textual.content import Content
from textual.geometry import Region
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget

from briefing.ui.keys import bindings_of, keymap_of
from briefing.ui.next_frame import refresh_now

if TYPE_CHECKING:
    from textual.binding import ActiveBinding
    from textual.screen import Screen


@dataclass(frozen=True)
class Shown:
    """A key as the footer draws it."""

    key: str
    display: str
    description: str
    enabled: bool


PALETTE_ACTION = "command_palette"

SEPARATOR = "▏"
"""Before the palette's key: Footer's ``border-left: vkey``."""


class KeyFooter(Widget, can_focus=False):
    """The screen's keys in one line; a click on one presses it."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-footer--key", "key-footer--description", "key-footer--separator", "key-footer--hover"}
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        & > .key-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .key-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .key-footer--separator {
            color: $foreground 20%;
        }
        & > .key-footer--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._spans: list[tuple[int, int, str]] = []
        """Where each key is drawn (start, end) and the key a click there presses."""
        self._hover: int | None = None
        self._drawn: Content | None = None
        """The line as last drawn on the screen."""
        self._drawing = False

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        self.keys_changed()

    def keys_changed(self) -> None:
        """Draw the keys again, unless they are those drawn already. Textual tells the footer of a focus change
        when the focused widget handles its Focus event, often a frame after the one that shows the focus move:
        the screen can tell it sooner."""
        if self._drawn is not None and self.is_mounted and _same(self.render(), self._drawn):
            return  # the same keys: drawing them again would draw a dialog's dimmed backdrop again too
        # Told the screen at once: the footer's own refresh reaches it through its message queue, often after the
        # frame that shows what changed the keys. Not as a region of the screen's own: a screen with a repaint of its
        # own draws that alone in its next frame, and what other widgets asked of it waits for a later one.
        refresh_now(self)

    def keys(self) -> tuple[list[Shown], Shown | None]:
        """The keys shown at the left, one per action, and the palette's key; as Textual's Footer picks them."""
        active = self.screen.active_bindings
        shown: dict[str, Shown] = {}
        for _node, binding, enabled, _tooltip in active.values():
            if binding.show and binding.action not in shown:
                display = self.app.get_key_display(binding)
                shown[binding.action] = Shown(binding.key, display, binding.description, enabled)
        return list(shown.values()), self._palette_key(active)

    def _palette_key(self, active_bindings: dict[str, ActiveBinding]) -> Shown | None:
        """The palette's key (as the keymap has it), when it opens from this screen: also over a dialog, whose
        bindings Textual lists without the app's, though the palette's key is a priority one and opens it there."""
        app = self.app
        if not app.ENABLE_COMMAND_PALETTE:
            return None
        for active in active_bindings.values():
            if active.binding.action == PALETTE_ACTION:
                binding = active.binding
                return Shown(binding.key, app.get_key_display(binding), binding.description, active.enabled)
        if not self.screen.is_modal:
            return None
        for key, binding in bindings_of(app, keymap_of(app)):
            if binding.action == PALETTE_ACTION and binding.priority and app.check_action(binding.action, ()):
                return Shown(key, app.get_key_display(binding), binding.description, True)
        return None

    def _key(self, shown: Shown, hover: bool) -> list[tuple[str, Style]]:
        key_style = self.get_visual_style("key-footer--key")
        description_style = self.get_visual_style("key-footer--description")
        if hover:
            hover_style = self.get_visual_style("key-footer--hover")
            key_style, description_style = key_style + hover_style, description_style + hover_style
        if not shown.enabled:
            key_style, description_style = key_style + Style(dim=True), description_style + Style(dim=True)
        parts = [(shown.display, key_style)]
        if shown.description:
            parts.append((f" {shown.description}", description_style))
        return parts

    def render(self) -> Content:
        width = self.size.width
        keys, palette = self.keys()
        right: list[tuple[str, Style]] = []
        if palette is not None:
            right = [
                (SEPARATOR, self.get_visual_style("key-footer--separator")),
                *self._key(palette, False),
                (" ", Style()),
            ]
        room = max(0, width - sum(len(text) for text, _ in right))
        left: list[tuple[str, Style] | str] = []
        spans: list[tuple[int, int, str]] = []
        at = 0
        for index, shown in enumerate(keys):
            parts = self._key(shown, index == self._hover)
            length = sum(len(text) for text, _ in parts)
            if at + length > room:
                break
            left += [*parts, " "]
            spans.append((at, at + length, shown.key))
            at += length + 1
        if palette is not None:
            spans.append((room + 1, width - 1, palette.key))
        self._spans = spans
        line = Content.assemble(*left)
        rendered = Content.assemble(line.truncate(room, pad=True), *right) if right else line
        if self._drawing:
            self._drawn = rendered
        return rendered

    def render_lines(self, crop: Region) -> list[Strip]:
        self._drawing = True
        try:
            return super().render_lines(crop)
        finally:
            self._drawing = False

    def _key_at(self, x: int) -> int | None:
        return next((index for index, (start, end, _key) in enumerate(self._spans) if start <= x < end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hover = self._key_at(event.x)
        if hover != self._hover:
            self._hover = hover
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        index = self._key_at(event.x)
        if index is not None:
            self.app.simulate_key(self._spans[index][2])


def _same(one: Content, other: Content) -> bool:
    """The same text in the same styles (Content's own == compares the text alone)."""
    return one.plain == other.plain and one.spans == other.spans
