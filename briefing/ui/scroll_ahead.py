"""A scrolling box's vertical scrollbar decided before the box is first laid out, so its first frame is its last."""

from __future__ import annotations

from fractions import Fraction

from textual.geometry import Size
from textual.widget import Widget


def scrollbar_ahead(box: Widget, scrolled: Widget | None = None) -> None:
    """Show the vertical scrollbar of ``box`` (a child of the screen, ``overflow-y: auto``) from its first frame
    when its content will not fit; or, given ``scrolled``, a child of ``box`` that scrolls itself (a list), that
    child's.

    Textual lays such a box out without its scrollbar, finds the content taller than the box, and lays it out again
    with it: a second frame, every line of the first wrapped anew, narrower. Here the box's size comes from its
    styles against the screen (less what is docked to its edges), and its content's height at the width it is first
    given, as Textual's first layout works them out; call it once the box is mounted. From then on Textual shows and
    hides the scrollbar itself.
    """
    screen = box.app.size
    room = _undocked(box, screen)
    # In a vertical layout, as the screen's and a box's: 1fr of width is the whole width, and of height what is left.
    model = box._get_box_model(room, screen, Fraction(room.width), Fraction(room.height))
    gutter = box.styles.gutter
    width, height = int(model.width) - gutter.width, int(model.height) - gutter.height
    if scrolled is None:
        content = box.get_content_height(room - gutter.totals, screen, width)
        box.show_vertical_scrollbar = content > height
        return
    inside = Size(width, height)
    model = scrolled._get_box_model(inside, screen, Fraction(width), Fraction(height))
    gutter = scrolled.styles.gutter
    width, height = int(model.width) - gutter.width, int(model.height) - gutter.height
    content = scrolled.get_content_height(inside - gutter.totals, screen, width)
    scrolled.show_vertical_scrollbar = content > height


def _undocked(box: Widget, screen: Size) -> Size:
    """The screen's room for ``box``: the screen less what is docked to its edges (a dialog's keys, at the foot)."""
    width, height = screen
    for docked in box.screen.children:
        edge = docked.styles.dock
        if docked is box or edge not in ("top", "bottom", "left", "right") or not docked.display:
            continue
        model = docked._get_box_model(screen, screen, Fraction(screen.width), Fraction(screen.height))
        if edge in ("top", "bottom"):
            height -= int(model.height)
        else:
            width -= int(model.width)
    return Size(max(0, width), max(0, height))


def scrollbar_now(box: Widget) -> None:
    """Show the vertical scrollbar of ``box``, laid out already, from the next frame when content just added to it
    will not fit (else Textual shows it a frame later). Its size stays as laid out: call it only where what is
    added cannot change that size (a box of ``scrollbar-gutter: stable`` in a pane of a fixed height)."""
    region = box.scrollable_content_region
    if not region.width or box.show_vertical_scrollbar:
        return
    content = box.get_content_height(region.size, box.app.size, region.width)
    box.show_vertical_scrollbar = content > region.height
    # Styled now, in this layout, as Textual would style it at the first focus change (a layout of its own).
    style_scrollbars(box)


def style_scrollbars(widget: Widget) -> None:
    """Style the scrollbars ``widget`` shows, as Textual first styles them only when its screen is next restyled (a
    focus change, the screen shown): a first style changes a scrollbar's size, a layout of its own."""
    if widget.show_vertical_scrollbar:
        widget.app.stylesheet.apply(widget.vertical_scrollbar)
    if widget.show_horizontal_scrollbar:
        widget.app.stylesheet.apply(widget.horizontal_scrollbar)
