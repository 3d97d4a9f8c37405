"""Words that stay legible with NO_COLOR.

With NO_COLOR set, Textual turns every colour into a grey of the same brightness. A word whose colour and background
differ in hue but not in brightness then becomes grey on nearly the same grey, and on a 256-colour terminal on the
very same grey: the "‼ overdue" of the confirmation under the cursor, or the number of the itinerary's stop under
it, was not there to read. After Textual's filter, this one moves the grey of any word too close to its
background's a little further from it, and leaves every other cell as it was: lines, borders and scrollbars (their
shades are the look, and a faint rule is still a rule), and the screen dimmed behind a dialog (its words are
further from their background than this).
"""

from __future__ import annotations

from functools import lru_cache

from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.filter import LineFilter

CLOSEST = 0.25
"""The least difference in brightness (0 to 1) between a word and its background. In the light theme, greyed, the
"⚠ stale" of the summary's head was 0.19 from its background, the highlighted section's name 0.13 and the "overdue"
of the confirmation under the cursor 0 (in the dark theme 0.17); a 256-colour terminal's grey ramp has steps of
0.04. The dark theme's dim labels ("Awaited from") are 0.35 from theirs."""
MOVED_TO = 0.45
"""How far from its background's brightness a word too close to it is put: plainly there, still a grey."""


def is_decoration(text: str) -> bool:
    """True for a run of box-drawing and block characters (and spaces): a line, a border, a scrollbar."""
    return all(character == " " or "\u2500" <= character <= "\u259f" for character in text)


@lru_cache(maxsize=1024)
def legible_style(style: Style, background: Color) -> Style:
    """``style`` for a word: its colour moved away from its background's brightness where the two are too close."""
    foreground = style.color
    if foreground is None or foreground.triplet is None:
        return style  # the terminal's own colour
    behind = style.bgcolor
    behind_color = Color.from_rich_color(behind) if behind is not None and behind.triplet is not None else background
    brightness, behind_brightness = Color.from_rich_color(foreground).brightness, behind_color.brightness
    if abs(brightness - behind_brightness) >= CLOSEST:
        return style
    lighter = behind_brightness + MOVED_TO <= 1 and (brightness >= behind_brightness or behind_brightness < MOVED_TO)
    grey = round(255 * (behind_brightness + MOVED_TO if lighter else behind_brightness - MOVED_TO))
    return style + Style(color=Color(grey, grey, grey).rich_color)


class Legible(LineFilter):
    """The line filter: each word's style through ``legible_style``."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [
            Segment(text, legible_style(style, background), control)
            if style is not None and not control and not is_decoration(text)
            else Segment(text, style, control)
            for text, style, control in segments
        ]
