"""A scrolling box's vertical scrollbar decided before the box is first laid out, so its first frame is its last."""

from __future__ import annotations

from fractions import Fraction

from textual.widget import Widget


def scrollbar_ahead(box: Widget) -> None:
    """Show the vertical scrollbar of ``box`` (a child of the screen, ``overflow-y: auto``) from its first frame
    when its content will not fit.

    Textual lays such a box out without its scrollbar, finds the content taller than the box, and lays it out again
    with it: a second frame, every line of the first wrapped anew, narrower. Here the box's size comes from its
    styles against the screen, and its content's height at the width it is first given, as Textual's first layout
    works them out; call it once the box is mounted. From then on Textual shows and hides the scrollbar itself.
    """
    screen = box.app.size
    model = box._get_box_model(screen, screen, Fraction(1), Fraction(1))
    gutter = box.styles.gutter
    width, height = int(model.width) - gutter.width, int(model.height) - gutter.height
    content = box.get_content_height(screen - gutter.totals, screen, width)
    box.show_vertical_scrollbar = content > height
