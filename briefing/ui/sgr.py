"""A strip's output with each change of style written as what changes, not as the whole style again.

Textual writes every segment as its whole style and a reset (``ESC[1;38;2;…;48;2;…m`` text ``ESC[0m``), though
most segments side by side share their background and differ in the foreground alone. Written as the change
from the segment before, the first screen's rows at 120x40 take 30% fewer bytes (24 KB as 17 KB), and what the
app writes for its first screen and a dozen keys 18% fewer (`python -m bench.output`: 164 KB as 134 KB; each
piece of a frame starts from the reset style): less for a slow link to carry (ssh) and for the terminal to
parse. Each strip starts from the terminal's reset style and leaves it reset, as Textual's own output does, so
strips are still written in any order, after any cursor move.
"""

from __future__ import annotations

from rich.color import ColorSystem
from rich.console import Console
from rich.style import Style
from textual.strip import SGR_STYLES, Strip

Codes = tuple[int, str, str]
"""What a style sets: its attributes (bits, in Rich's order: bold, dim, italic...), its colour's SGR parameters
and its background's ("" for the terminal's default)."""

RESET: Codes = (0, "", "")

MOST_STYLES = 4096
"""Styles whose codes are kept; then they are worked out afresh."""

_known: dict[tuple[Style, ColorSystem], Codes] = {}


def render(strip: Strip, console: Console) -> str:
    """The output that writes ``strip``, from and back to the reset style.

    Worked out from the segments each time (a frame's few hundred take well under a millisecond), not kept with
    the strip as Textual keeps its own rendering: ``Strip.join`` gives a joined strip the rendered parts one after
    the other, which written this way would differ from the joined strip rendered whole, and the same cells must
    always give the same output (the kept first screen and the pieces on the terminal are compared by it)."""
    return render_segments(strip, console._color_system or ColorSystem.TRUECOLOR)


def render_segments(strip: Strip, color_system: ColorSystem) -> str:
    """``strip``'s segments as output, each change of style as the parameters that change."""
    output: list[str] = []
    shown = RESET
    for text, style, _control in strip:
        codes = RESET if style is None else codes_of(style, color_system)
        if codes != shown:
            output.append(change(shown, codes))
            shown = codes
        if style is not None and style.link:
            output.append(f"\x1b]8;id={style.link_id};{style.link}\x1b\\{text}\x1b]8;;\x1b\\")
        else:
            output.append(text)
    if shown != RESET:
        output.append("\x1b[0m")
    return "".join(output)


def codes_of(style: Style, color_system: ColorSystem) -> Codes:
    """What ``style`` sets, as Textual's ``Strip.render_ansi`` writes it: attributes set to true, and colours."""
    key = (style, color_system)
    codes = _known.get(key)
    if codes is None:
        if len(_known) >= MOST_STYLES:
            _known.clear()
        color, bgcolor = style.color, style.bgcolor
        codes = _known[key] = (
            style._attributes & style._set_attributes,  # Rich has no public bit set of the attributes
            ";".join(color.downgrade(color_system).get_ansi_codes()) if color is not None else "",
            ";".join(bgcolor.downgrade(color_system).get_ansi_codes(False)) if bgcolor is not None else "",
        )
    return codes


def change(old: Codes, new: Codes) -> str:
    """The SGR sequence that takes the terminal from style ``old`` to ``new``: the attributes and colours that
    are new; a reset first when an attribute or a colour goes (one sequence either way)."""
    attributes, color, bgcolor = new
    parameters: list[str] = []
    if old[0] & ~attributes or (old[1] and not color) or (old[2] and not bgcolor):
        parameters.append("0")
        old = RESET
    added = attributes & ~old[0]
    parameters += [SGR_STYLES[bit] for bit in range(added.bit_length()) if added >> bit & 1]
    if color != old[1]:
        parameters.append(color)
    if bgcolor != old[2]:
        parameters.append(bgcolor)
    return f"\x1b[{';'.join(parameters)}m"
