"""Textual's terminal driver, taking over a terminal that shows a kept first screen (`briefing.system.pre_draw`).

The frame stays on screen until the app's own first frames draw the same cells over it: the
driver does not enter the alternate screen again (xterm and VTE clear it when asked twice),
and at the end it puts back the terminal's modes as they were before the frame was drawn.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from rich.console import Console
from textual._compositor import LayoutUpdate

from briefing.system.pre_draw import PreDrawn
from briefing.ui import sgr
from briefing.ui.driver import BriefingDriver
from briefing.ui.shown import Piece, layout_pieces

if TYPE_CHECKING:
    from textual.screen import Screen

ALTERNATE_SCREEN = "\x1b[?1049h"


def driver_for(pre_drawn: PreDrawn) -> type[BriefingDriver]:
    """A driver class that takes over the terminal ``pre_drawn`` drew on."""

    class PreDrawnDriver(BriefingDriver):
        def write(self, data: str) -> None:
            if data == ALTERNATE_SCREEN and not pre_drawn.taken_over:
                return  # on it already: the pre-drawn frame is there
            super().write(data)

        def start_application_mode(self) -> None:
            super().start_application_mode()
            if not pre_drawn.taken_over:
                pre_drawn.taken_over = True
                if pre_drawn.modes is not None:
                    self.attrs_before = pre_drawn.modes

    return PreDrawnDriver


def screen_pieces(screen: Screen[object], console: Console) -> Iterator[Piece]:
    """The pieces of ``screen`` as its next whole frame would write them (`briefing.ui.shown`)."""
    compositor = screen._compositor
    region = compositor.size.region
    # The chops of a whole frame, without the clearing of what is due to be drawn that render_update(full=True) does.
    chops = compositor._render_chops(region, lambda _y: True)
    return layout_pieces(LayoutUpdate([list(chop.values()) for chop in chops], region), console)


def screen_frame(screen: Screen[object], console: Console) -> str:
    """What the terminal shows of ``screen`` now, as the output that draws it: row by row, from the top left."""
    # The compositor's strips are what its next full update writes (Screen has no public way to them).
    strips = screen._compositor.render_strips()
    return "".join(f"\x1b[{row};1H{sgr.render(strip, console)}" for row, strip in enumerate(strips, 1))
