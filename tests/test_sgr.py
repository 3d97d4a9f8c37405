"""A strip written as changes of style draws what Textual's own output draws, cell for cell, in fewer bytes."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.color import Color, ColorSystem
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from briefing.ui import sgr

ATTRIBUTES = ("bold", "dim", "italic", "underline", "blink", "blink2", "reverse", "conceal", "strike",
              "underline2", "frame", "encircle", "overline")  # fmt: skip
OFF = {"22": {"1", "2"}, "23": {"3"}, "24": {"4", "21"}, "25": {"5", "6"}, "27": {"7"}, "28": {"8"}, "29": {"9"},
       "54": {"51", "52"}, "55": {"53"}}  # fmt: skip
ON = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "21", "51", "52", "53"}
SEQUENCE = re.compile(r"\x1b\[([0-9;]*)m|\x1b\]8;([^;]*);([^\x1b]*)\x1b\\|(.)", re.DOTALL)

Cell = tuple[str, frozenset[str], str, str, str]
"""A character as a terminal draws it: the character, its attributes, colour, background and link."""


def drawn(output: str) -> tuple[list[Cell], tuple[frozenset[str], str, str]]:
    """What a terminal draws for ``output`` from the reset style: each character with the style it gets, and the
    style it is left in. Follows every SGR parameter either output uses, and OSC 8 links."""
    attributes: set[str] = set()
    color = bgcolor = link = ""
    cells: list[Cell] = []
    for match in SEQUENCE.finditer(output):
        parameters, _link_id, url, character = match.groups()
        if character is not None:
            cells.append((character, frozenset(attributes), color, bgcolor, link))
        elif url is not None:
            link = url
        else:
            codes = (parameters or "0").split(";")
            while codes:
                code = codes.pop(0)
                if code in ("0", ""):
                    attributes.clear()
                    color = bgcolor = ""
                elif code in ON:
                    attributes.add(code)
                elif code in OFF:
                    attributes -= OFF[code]
                elif code in ("38", "48"):
                    taken = [codes.pop(0)]
                    taken += [codes.pop(0) for _ in range(3 if taken[0] == "2" else 1)]
                    value = ";".join(taken)
                    color, bgcolor = (value, bgcolor) if code == "38" else (color, value)
                elif code == "39":
                    color = ""
                elif code == "49":
                    bgcolor = ""
                elif 30 <= int(code) <= 37 or 90 <= int(code) <= 97:
                    color = code
                elif 40 <= int(code) <= 47 or 100 <= int(code) <= 107:
                    bgcolor = code
                else:
                    raise AssertionError(f"an SGR parameter this test does not follow: {code}")
    return cells, (frozenset(attributes), color, bgcolor)


colors = st.one_of(
    st.none(),
    st.integers(0, 255).map(Color.from_ansi),
    st.tuples(st.integers(0, 255), st.integers(0, 255), st.integers(0, 255)).map(lambda rgb: Color.from_rgb(*rgb)),
)
styles = st.one_of(
    st.none(),
    st.builds(
        lambda flags, color, bgcolor, link: Style(color=color, bgcolor=bgcolor, link=link, **flags),
        st.fixed_dictionaries({}, optional={name: st.booleans() for name in ATTRIBUTES}),
        colors,
        colors,
        st.sampled_from([None, None, None, "https://example.org/a"]),
    ),
)
segments = st.lists(st.tuples(st.text("ab─ é", min_size=1, max_size=3), styles), max_size=12)
systems = st.sampled_from([ColorSystem.TRUECOLOR, ColorSystem.EIGHT_BIT, ColorSystem.STANDARD])


@settings(max_examples=400, deadline=None)
@given(segments, systems)
def test_a_strip_draws_the_same_cells_as_textuals_output_and_ends_reset(
    parts: list[tuple[str, Style | None]], system: ColorSystem
) -> None:
    strip = Strip([Segment(text, style) for text, style in parts])
    textuals = "".join(text if style is None else Strip.render_style(style, text, system) for text, style in parts)
    ours = sgr.render_segments(strip, system)
    assert drawn(ours)[0] == drawn(textuals)[0]
    assert drawn(ours)[1] == (frozenset(), "", ""), "the strip leaves the terminal's style reset"
    assert len(ours) <= len(textuals)


def test_a_change_of_foreground_alone_is_written_alone() -> None:
    panel = Color.parse("#242f38")
    strip = Strip([Segment("a", Style(color=Color.parse("#ffffff"), bgcolor=panel, bold=True)),
                   Segment("b", Style(color=Color.parse("#ff0000"), bgcolor=panel, bold=True))])  # fmt: skip
    assert sgr.render_segments(strip, ColorSystem.TRUECOLOR) == (
        "\x1b[1;38;2;255;255;255;48;2;36;47;56ma\x1b[38;2;255;0;0mb\x1b[0m"
    )


def test_an_attribute_that_goes_resets_once_and_sets_the_rest() -> None:
    strip = Strip([Segment("a", Style(bold=True, italic=True, color="red")), Segment("b", Style(italic=True))])
    assert sgr.render_segments(strip, ColorSystem.STANDARD) == "\x1b[1;3;31ma\x1b[0;3mb\x1b[0m"


def test_render_uses_the_consoles_colour_system() -> None:
    strip = Strip([Segment("a", Style(color=Color.from_rgb(255, 0, 0)))])
    assert sgr.render(strip, Console(color_system="standard", force_terminal=True)) == "\x1b[31ma\x1b[0m"
